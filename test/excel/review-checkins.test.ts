/** Adding a check-in through the add-in (Excel does not grow a table on a protected sheet). */
import { HostProtectionError } from "../../src/excel-host";
import { addCheckIn, changeState, verifySeal } from "../../src/excel/review";
import { loadWorkbook } from "../../src/excel/workbook";
import { ACTOR, GOAL_ROWS, NOW, advanceTo, seedReview } from "./review-fixture";

const GOAL = String(GOAL_ROWS[0][0]);

test("in Active: the row is added, the sheet protected again, the entry logged, the goal rescored", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", "pw");
  const before = (await host.run((ctx) => loadWorkbook(ctx))).checkIns?.rows.length ?? 0;
  const r = await host.run((ctx) =>
    addCheckIn(ctx, {
      goalId: GOAL.toLowerCase(),
      date: "2026-06-29",
      value: 42,
      confidence: 0.7,
      comment: "=from the weekly call",
      actor: ACTOR,
      password: "pw",
      now: NOW,
    }),
  );
  expect(r).toMatchObject({ goalId: GOAL, date: "2026-06-29", value: 42, added: true });
  const wb = await host.run((ctx) => loadWorkbook(ctx));
  const rows = wb.checkIns?.rows ?? [];
  expect(rows.length).toBe(before + 1);
  expect(rows[rows.length - 1].slice(0, 5)).toEqual([GOAL, 46202, 42, 0.7, "=from the weekly call"]);
  expect(host.sheet("CheckIns")?.protected).toBe(true);
  expect(() => host.setCell("Goals", "A2", "X")).toThrow(HostProtectionError);
  const v = await host.run((ctx) => verifySeal(ctx));
  expect(v.audit.intact).toBe(true);
  expect(v.intact).toBe(true); // check-ins are not sealed in Active
  const audit = wb.auditTable?.rows.filter((row) => row[3] === "checkin") ?? [];
  expect(audit).toHaveLength(1);
  expect(audit[0].slice(4, 9)).toEqual([GOAL, "Value", "", 42, "=from the weekly call"]);
});

test("refused: after Data locked, an unknown goal, a bad date or value, no name, a wrong password", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", "pw");
  const base = { goalId: GOAL, date: "2026-06-29", value: 1, actor: ACTOR, password: "pw", now: NOW };
  await expect(host.run((ctx) => addCheckIn(ctx, { ...base, goalId: "NOPE" }))).rejects.toThrow(/no goal with ID 'NOPE'/);
  await expect(host.run((ctx) => addCheckIn(ctx, { ...base, date: "next week" }))).rejects.toThrow(/not a date/);
  await expect(host.run((ctx) => addCheckIn(ctx, { ...base, value: "lots" }))).rejects.toThrow(/not a number/);
  await expect(host.run((ctx) => addCheckIn(ctx, { ...base, confidence: 2 }))).rejects.toThrow(/Confidence/);
  await expect(host.run((ctx) => addCheckIn(ctx, { ...base, actor: " " }))).rejects.toThrow(/Enter your name/);
  await expect(host.run((ctx) => addCheckIn(ctx, { ...base, password: "wrong" }))).rejects.toThrow(/protected with a password/);
  await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: "pw", now: NOW }));
  await expect(host.run((ctx) => addCheckIn(ctx, base))).rejects.toThrow(/locked while the cycle is Data locked/);
});

test("a failed sync at every step: a second run completes it without a duplicate row", async () => {
  const clean = await seedReview({ atomicSyncs: false });
  await advanceTo(clean, "Active");
  clean.stats.reset();
  const opts = { goalId: GOAL, date: "2026-06-29", value: 42, actor: ACTOR, now: NOW };
  await clean.run((ctx) => addCheckIn(ctx, opts));
  const steps = clean.stats.syncs;
  const expected = (await clean.run((ctx) => loadWorkbook(ctx))).checkIns?.rows;
  for (let n = 1; n <= steps; n++) {
    const host = await seedReview({ atomicSyncs: false });
    await advanceTo(host, "Active");
    host.failSync(n);
    await expect(host.run((ctx) => addCheckIn(ctx, opts))).rejects.toBeTruthy();
    await host.run((ctx) => addCheckIn(ctx, opts));
    expect([n, (await host.run((ctx) => loadWorkbook(ctx))).checkIns?.rows]).toEqual([n, expected]);
    expect((await host.run((ctx) => verifySeal(ctx))).audit.intact).toBe(true);
  }
});
