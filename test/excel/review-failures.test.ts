/**
 * A failed sync at every step of every review operation (real Excel keeps what ran
 * before the failure: atomicSyncs false): the workbook is left in a state that
 * inspectReview recognises, and running the operation again completes it, with the
 * same end state as a run without failure.
 */
import { ExcelHost } from "../../src/excel-host";
import { CYCLE_STATES, CycleState } from "../../src/core/meta";
import { ABOUT_SHEET, changeRequest, changeState, inspectReview, prepareReviewCopy, restoreLiveFormulas } from "../../src/excel/review";
import { ACTOR, GOAL_HEADERS, NOW, REASON, advanceTo, lastCol, seedReview, seedWithFormulas } from "./review-fixture";

const PW = "Fail-safe-2026";

interface Case {
  name: string;
  seed: () => Promise<ExcelHost>;
  run: (ctx: Excel.RequestContext) => Promise<unknown>;
}

const seeded =
  (state: CycleState, password?: string, formulas = false) =>
  async (): Promise<ExcelHost> => {
    const host = formulas ? await seedWithFormulas({ atomicSyncs: false }) : await seedReview({ atomicSyncs: false });
    if (state !== "Draft") await advanceTo(host, state, password);
    return host;
  };

const CASES: Case[] = [
  { name: "Draft → Active", seed: seeded("Draft"), run: (ctx) => changeState(ctx, { to: "Active", actor: ACTOR, now: NOW }) },
  { name: "Draft → Active with a password", seed: seeded("Draft"), run: (ctx) => changeState(ctx, { to: "Active", actor: ACTOR, password: PW, now: NOW }) },
  {
    name: "Active → Data locked (password)",
    seed: seeded("Active", PW),
    run: (ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: PW, now: NOW }),
  },
  { name: "Data locked → In review", seed: seeded("Data locked"), run: (ctx) => changeState(ctx, { to: "In review", actor: ACTOR, now: NOW }) },
  { name: "In review → Closed", seed: seeded("In review"), run: (ctx) => changeState(ctx, { to: "Closed", actor: ACTOR, now: NOW }) },
  { name: "reopen Closed → In review", seed: seeded("Closed"), run: (ctx) => changeState(ctx, { to: "In review", actor: ACTOR, reason: REASON, now: NOW }) },
  {
    name: "reopen Data locked → Active",
    seed: seeded("Data locked"),
    run: (ctx) => changeState(ctx, { to: "Active", actor: ACTOR, reason: REASON, now: NOW }),
  },
  {
    name: "reopen Active → Draft (password)",
    seed: seeded("Active", PW),
    run: (ctx) => changeState(ctx, { to: "Draft", actor: ACTOR, reason: REASON, password: PW, now: NOW }),
  },
  {
    name: "change request in Active",
    seed: seeded("Active"),
    run: (ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 180, reason: REASON, actor: ACTOR, now: NOW }),
  },
  {
    name: "re-baseline in Closed (password)",
    seed: seeded("Closed", PW),
    run: (ctx) => changeRequest(ctx, { goalId: "G-2", field: "Baseline", value: 0.2, reason: REASON, actor: ACTOR, password: PW, now: NOW }),
  },
  { name: "prepare review copy", seed: seeded("In review", undefined, true), run: (ctx) => prepareReviewCopy(ctx) },
  {
    name: "restore live formulas",
    seed: async () => {
      const host = await seeded("Data locked", PW, true)();
      await host.run((ctx) => prepareReviewCopy(ctx, { password: PW }));
      return host;
    },
    run: (ctx) => restoreLiveFormulas(ctx, { password: PW }),
  },
];

/** Everything an operation can change: cells, formulas, protection, lock flags, the About sheet. */
function snapshot(host: ExcelHost): unknown {
  const sheets = host.sheetNames().sort();
  return {
    sheets,
    cells: Object.fromEntries(sheets.map((s) => [s, { v: host.getValues(s, "A1:S60"), f: host.getFormulas(s, "A1:Z12") }])),
    protection: Object.fromEntries(
      sheets.map((s) => [
        s,
        { p: host.sheet(s)?.protected, pw: host.sheet(s)?.hasPassword, o: host.sheet(s)?.protected ? host.sheet(s)?.protectionOptions : null },
      ]),
    ),
    locks: GOAL_HEADERS.map((_h, i) => host.sheet("Goals")?.isLocked(`${lastCol(i + 1)}2`)),
    checkInLocks: ["A2", "E3", "A4"].map((a) => host.sheet("CheckIns")?.isLocked(a)),
    structure: host.workbookProtected,
    about: host.sheetNames().includes(ABOUT_SHEET) ? host.getValues(ABOUT_SHEET, "A1:B13") : null,
    tables: host.tableNames().map((t) => [t, host.table(t)?.address]),
  };
}

describe.each(CASES.map((c) => [c.name, c]))("%s", (_name, c) => {
  test("survives a failed sync at every step: recognised, and a re-run completes it", async () => {
    const ref = await c.seed();
    const before = ref.stats.syncs;
    await ref.run(c.run);
    const steps = ref.stats.syncs - before;
    expect(steps).toBeGreaterThan(1);
    const want = snapshot(ref);
    const wantInspect = await ref.run((ctx) => inspectReview(ctx));
    expect(wantInspect.pending).toBeNull();
    expect(wantInspect.protectionMatchesState).toBe(true);

    for (let n = 1; n <= steps; n++) {
      const host = await c.seed();
      const from = (await host.run((ctx) => inspectReview(ctx))).state;
      host.failSync(n);
      await expect(host.run(c.run)).rejects.toMatchObject({ code: "GeneralException" });
      const seen = await host.run((ctx) => inspectReview(ctx));
      // Recognised: a known state, and either consistent or a pending operation named in words.
      expect(CYCLE_STATES).toContain(seen.state);
      expect([from, wantInspect.state]).toContain(seen.state);
      const consistent = seen.protectionMatchesState && seen.auditIntact && seen.sealIntact !== false && seen.reviewCopy !== "partial";
      if (!consistent) expect(seen.pending).toEqual(expect.stringMatching(/interrupted|Run/));
      // Running it again completes it.
      await host.run(c.run);
      expect({ n, end: snapshot(host) }).toEqual({ n, end: want });
      const after = await host.run((ctx) => inspectReview(ctx));
      expect({ n, pending: after.pending, protection: after.protectionMatchesState }).toEqual({ n, pending: null, protection: true });
      expect(JSON.stringify(snapshot(host))).not.toContain(PW);
    }
  });
});

test("an interrupted change request is named, blocks other operations, and keeps the true old value when run again", async () => {
  const req = (value: number) => (ctx: Excel.RequestContext) =>
    changeRequest(ctx, { goalId: "G-1", field: "Target", value, reason: REASON, actor: ACTOR, now: NOW });
  // Find the failure that leaves the cell written and its audit entries uncommitted.
  const probe = await seedReview();
  await advanceTo(probe, "Active");
  const s0 = probe.stats.syncs;
  await probe.run(req(180));
  const syncs = probe.stats.syncs - s0;
  expect(syncs).toBeGreaterThan(3);
  let failedAt = 0;
  for (let n = 1; n <= syncs; n++) {
    const h = await seedReview({ atomicSyncs: false });
    await advanceTo(h, "Active");
    h.failSync(n);
    await h.run(req(180)).catch(() => undefined);
    if (h.getValue("Goals", "L2") === 180 && (await h.run((ctx) => inspectReview(ctx))).pending) {
      failedAt = n;
      const seen = await h.run((ctx) => inspectReview(ctx));
      expect(seen.pending).toBe("A change request for G-1 Target (200 → 180) was interrupted. Run the same change request again to finish it.");
      await expect(h.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR }))).rejects.toThrow(/was interrupted; run that change request again/);
      await expect(h.run(req(170))).rejects.toThrow(/was interrupted; run that change request again/);
      const done = (await h.run(req(180))) as { old: unknown; changed: boolean };
      expect(done).toMatchObject({ old: 200, changed: true });
      break;
    }
  }
  expect(failedAt).toBeGreaterThan(0);
});
