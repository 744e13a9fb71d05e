/**
 * The monthly cycle (issue 15, item 1): check-ins added in Active grow the CheckIns table,
 * and the sheet's protection must still match the state afterwards: no "Unfinished
 * operation" warning at any point, the rows below the table still open for typing.
 */
import { ExcelHost } from "../../src/excel-host";
import { addCheckIn, changeRequest, changeState, inspectReview, reapplyProtection } from "../../src/excel/review";
import { SPARE_CHECKIN_ROWS } from "../../src/excel/review-protection";
import { loadWorkbook } from "../../src/excel/workbook";
import { ACTOR, CHECKIN_ROWS, GOAL_ROWS, NOW, REASON, advanceTo, seedReview, canType } from "./review-fixture";

const GOAL = String(GOAL_ROWS[0][0]);
const PW = "pw";

async function checkInRows(host: ExcelHost): Promise<number> {
  return (await host.run((ctx) => loadWorkbook(ctx))).checkIns?.rows.length ?? 0;
}

/** Row numbers (1-based) of the CheckIns table's last data row and of the last spare row below it. */
async function rowsOf(host: ExcelHost): Promise<{ last: number; lastSpare: number }> {
  const n = await checkInRows(host);
  return { last: 1 + n, lastSpare: 1 + n + SPARE_CHECKIN_ROWS };
}

async function expectNoWarning(host: ExcelHost, state: string): Promise<void> {
  const i = await host.run((ctx) => inspectReview(ctx));
  expect({ state: i.state, pending: i.pending, problems: i.protectionProblems }).toEqual({ state, pending: null, problems: [] });
  expect(i.protectionMatchesState).toBe(true);
}

test("Active → three check-ins → Data locked: no warning at any point, protection right in each state", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", PW);
  await expectNoWarning(host, "Active");
  for (let i = 0; i < 3; i++) {
    await host.run((ctx) =>
      addCheckIn(ctx, { goalId: GOAL, date: `2026-0${3 + i}-01`, value: 130 + i * 5, confidence: 0.8, actor: ACTOR, password: PW, now: NOW }),
    );
    await expectNoWarning(host, "Active");
    const { last, lastSpare } = await rowsOf(host);
    expect(last).toBe(CHECKIN_ROWS.length + 2 + i);
    // The new row and every row below it (down to the last spare one) stay open; Goals' Target does not.
    expect(canType(() => host.setCell("CheckIns", `E${last}`, "ok"))).toBe(true);
    expect(canType(() => host.setCell("CheckIns", `A${lastSpare}`, ""))).toBe(true);
    expect(canType(() => host.setCell("CheckIns", `A${lastSpare + 1}`, ""))).toBe(false);
    expect(canType(() => host.setCell("Goals", "L2", 1))).toBe(false);
    expect(host.sheet("CheckIns")?.protected).toBe(true);
  }
  await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: PW, now: NOW }));
  await expectNoWarning(host, "Data locked");
  const { last, lastSpare } = await rowsOf(host);
  for (const row of [2, last, last + 1, lastSpare]) expect(canType(() => host.setCell("CheckIns", `C${row}`, 1))).toBe(false);
  expect(host.workbookProtected).toBe(true);
});

test("check-ins typed below the table are adopted by the next check-in, and protection still matches", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  const below = CHECKIN_ROWS.length + 2;
  host.setValues("CheckIns", `A${below}`, [
    ["G-1", "2026-03-01", 160, "", "typed"],
    ["G-3", "2026-03-02", 1, "", ""],
  ]);
  await host.run((ctx) => addCheckIn(ctx, { goalId: GOAL, date: "2026-04-01", value: 170, actor: ACTOR, now: NOW }));
  expect(await checkInRows(host)).toBe(CHECKIN_ROWS.length + 3);
  await expectNoWarning(host, "Active");
  const { lastSpare } = await rowsOf(host);
  expect(canType(() => host.setCell("CheckIns", `A${lastSpare}`, ""))).toBe(true);
});

test("a change request that adopts typed check-ins leaves protection matching too", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  host.setValues("CheckIns", `A${CHECKIN_ROWS.length + 2}`, [["G-1", "2026-03-01", 160, "", ""]]);
  await host.run((ctx) => changeRequest(ctx, { goalId: GOAL, field: "Target", value: 210, reason: REASON, actor: ACTOR, now: NOW }));
  await expectNoWarning(host, "Active");
});

test("an interrupted check-in, run again, leaves no warning (every sync failing in turn)", async () => {
  const probe = await seedReview({ atomicSyncs: false });
  await advanceTo(probe, "Active");
  probe.stats.reset();
  const opts = { goalId: GOAL, date: "2026-03-01", value: 140, actor: ACTOR, now: NOW };
  await probe.run((ctx) => addCheckIn(ctx, opts));
  const steps = probe.stats.syncs;
  for (let n = 1; n <= steps; n++) {
    const host = await seedReview({ atomicSyncs: false });
    await advanceTo(host, "Active");
    host.failSync(n);
    await expect(host.run((ctx) => addCheckIn(ctx, opts))).rejects.toBeTruthy();
    await host.run((ctx) => addCheckIn(ctx, opts));
    const i = await host.run((ctx) => inspectReview(ctx));
    expect({ n, pending: i.pending }).toEqual({ n, pending: null });
  }
});

test("the check still catches a real mismatch: a spare row locked by hand", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  await host.run((ctx) => addCheckIn(ctx, { goalId: GOAL, date: "2026-03-01", value: 140, actor: ACTOR, now: NOW }));
  const { lastSpare } = await rowsOf(host);
  const sheet = host.sheet("CheckIns");
  sheet?.unprotect();
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("CheckIns").getRange(`A${lastSpare}`).format.protection.locked = true;
    await ctx.sync();
  });
  sheet?.protect({ allowAutoFilter: true, allowFormatColumns: true, allowInsertRows: true });
  const i = await host.run((ctx) => inspectReview(ctx));
  expect(i.protectionMatchesState).toBe(false);
  expect(i.protectionProblems).toEqual(["the rows below CheckIns is partly locked"]);
  expect(i.pending).toMatch(/Protection does not match the Active state/);
  await host.run((ctx) => reapplyProtection(ctx));
  await expectNoWarning(host, "Active");
});
