/** Review cycle states: what each state locks (as the host enforces it) and every transition, allowed and refused. */
import { HostProtectionError } from "../../src/excel-host";
import { INPUT_COLUMNS } from "../../src/core/columns";
import { CYCLE_STATES, CycleState, META_SHEET } from "../../src/core/meta";
import { EDITABLE_COLUMNS } from "../../src/core/seal";
import { ReviewError, changeState, inspectReview, reapplyProtection, reopenCycle, advanceCycle, verifySeal } from "../../src/excel/review";
import { ACTOR, CHECKIN_ROWS, GOAL_HEADERS, GOAL_ROWS, NOW, REASON, advanceTo, lastCol, seedReview, canType } from "./review-fixture";

const COMPUTED = ["Progress", "Score", "Status", "Rolled Up", "SMART"];

function editable(state: CycleState, header: string): boolean {
  if (state === "Draft") return true;
  if (COMPUTED.includes(header)) return true; // computed columns stay unlocked so that refresh can write them
  const col = INPUT_COLUMNS.find((c) => c.header === header);
  if (!col) return false; // user columns are locked
  return EDITABLE_COLUMNS[state].includes(col.key);
}

describe.each(CYCLE_STATES.map((s) => [s]))("in %s", (state) => {
  test("every goal column, the headers, CheckIns and the metadata sheet are editable or locked as the state says", async () => {
    const host = await seedReview();
    await advanceTo(host, state);
    const protectedState = state !== "Draft";
    expect(host.sheet("Goals")?.protected).toBe(protectedState);
    expect(host.sheet("CheckIns")?.protected).toBe(protectedState);
    expect(host.sheet(META_SHEET)?.protected).toBe(protectedState);
    expect(host.workbookProtected).toBe(["Data locked", "In review", "Closed"].includes(state));
    if (protectedState) {
      const opts = host.sheet("Goals")?.protectionOptions;
      expect(opts).toMatchObject({
        allowAutoFilter: true,
        allowFormatColumns: true,
        allowFormatCells: false,
        allowInsertRows: false,
        allowDeleteRows: false,
        allowSort: false,
      });
      expect(host.sheet("CheckIns")?.protectionOptions.allowInsertRows).toBe(state === "Active");
    }
    const seen: Record<string, boolean> = {};
    GOAL_HEADERS.forEach((h, i) => {
      const col = lastCol(i + 1);
      for (let r = 2; r <= GOAL_ROWS.length + 1; r++) {
        const ok = canType(() => host.setCell("Goals", `${col}${r}`, 7));
        expect({ header: h, row: r, editable: ok }).toEqual({ header: h, row: r, editable: editable(state, h) });
      }
      seen[h] = editable(state, h);
    });
    expect(Object.keys(seen)).toHaveLength(26);
    // Header cells (renaming a column) are locked whenever the sheet is protected.
    expect(canType(() => host.setCell("Goals", "A1", "Renamed"))).toBe(!protectedState);
    // CheckIns: editable in Draft and Active (and the rows below, to add check-ins), locked later.
    const checkInsOpen = state === "Draft" || state === "Active";
    for (const c of ["A", "B", "C", "D", "E"]) expect(canType(() => host.setCell("CheckIns", `${c}2`, 1))).toBe(checkInsOpen);
    expect(canType(() => host.setCell("CheckIns", `A${CHECKIN_ROWS.length + 2}`, "G-1"))).toBe(checkInsOpen);
    // The metadata sheet: nothing editable once locked.
    expect(canType(() => host.setCell(META_SHEET, "B3", "Closed"))).toBe(!protectedState);
    expect(canType(() => host.setCell(META_SHEET, "E2", "x"))).toBe(!protectedState);
  });
});

test("a new check-in typed below the CheckIns table in Active joins the table at the next step, and is locked from Data locked on", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  host.setCell("CheckIns", "A4", "G-1");
  host.setCell("CheckIns", "B4", "2026-03-01");
  host.setCell("CheckIns", "C4", 160);
  expect(host.table("CheckIns")?.rowCount).toBe(2); // Excel does not grow a table on a protected sheet
  await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, now: NOW }));
  expect(host.table("CheckIns")?.rowCount).toBe(3);
  expect(() => host.setCell("CheckIns", "C4", 1)).toThrow(HostProtectionError);
  const v = await host.run((ctx) => verifySeal(ctx));
  expect(v.intact).toBe(true);
});

test("refresh still writes the computed columns on a protected sheet", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  const before = host.getValue("Goals", "V2");
  host.setCell("Goals", "N2", 200); // Actual of G-1 reaches the target
  const { refresh } = await import("../../src/excel/refresh");
  await host.run((ctx) => refresh(ctx));
  expect(host.getValue("Goals", "V2")).not.toEqual(before);
  expect(host.getValue("Goals", "V2")).toBe(1);
});

describe("transitions", () => {
  test("forward one step at a time: each is logged (state, then seal) and sealed", async () => {
    const host = await seedReview();
    const order: CycleState[] = ["Active", "Data locked", "In review", "Closed"];
    let seq = 0;
    for (const to of order) {
      const from = CYCLE_STATES[CYCLE_STATES.indexOf(to) - 1];
      const r = await host.run((ctx) => advanceCycle(ctx, { to, actor: ACTOR, now: NOW }));
      expect(r).toMatchObject({ from, to, direction: "advance" });
      expect(r.seal?.state).toBe(to);
      expect(r.entries.map((e) => [e.seq, e.action, e.field, e.old, e.new])).toEqual([
        [seq + 1, "state", "cycle.state", from, to],
        [seq + 2, "seal", "seal.hash", seq === 0 ? null : expect.any(String), r.seal?.hash],
      ]);
      seq += 2;
      const v = await host.run((ctx) => verifySeal(ctx));
      expect(v).toMatchObject({
        sealed: true,
        state: to,
        intact: true,
        sealedAt: "2026-03-01T09:30:00Z",
        audit: { entries: seq, intact: true, firstBadSeq: null },
      });
      const i = await host.run((ctx) => inspectReview(ctx));
      expect(i).toMatchObject({ state: to, protectionMatchesState: true, sealIntact: true, auditIntact: true, pending: null });
    }
    // Past Closed there is nowhere to go.
    await expect(host.run((ctx) => advanceCycle(ctx, { to: "Closed", actor: ACTOR }))).rejects.toThrow("already Closed");
  });

  test.each([
    ["Draft", "Data locked"],
    ["Draft", "Closed"],
    ["Active", "In review"],
    ["Data locked", "Closed"],
  ] as [CycleState, CycleState][])("skipping from %s to %s is refused and changes nothing", async (from, to) => {
    const host = await seedReview();
    await advanceTo(host, from);
    const before = host.getValues(META_SHEET, "A1:N20");
    const err = await host.run((ctx) => changeState(ctx, { to, actor: ACTOR, reason: REASON })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReviewError);
    expect((err as Error).message).toMatch(/one step at a time/);
    expect(host.getValues(META_SHEET, "A1:N20")).toEqual(before);
  });

  test.each([
    ["Active", "Draft"],
    ["Data locked", "Active"],
    ["In review", "Data locked"],
    ["Closed", "In review"],
  ] as [CycleState, CycleState][])("reopening %s to %s needs a reason, then is logged with it", async (from, to) => {
    const host = await seedReview();
    await advanceTo(host, from);
    for (const reason of [undefined, "", "too short"]) {
      await expect(host.run((ctx) => changeState(ctx, { to, actor: ACTOR, reason }))).rejects.toThrow(/needs a reason of at least 10 characters/);
    }
    const r = await host.run((ctx) => reopenCycle(ctx, { to, actor: ACTOR, reason: REASON, now: NOW }));
    expect(r.direction).toBe("reopen");
    expect(r.entries[0]).toMatchObject({ action: "state", old: from, new: to, reason: REASON });
    const i = await host.run((ctx) => inspectReview(ctx));
    expect(i).toMatchObject({ state: to, protectionMatchesState: true, pending: null, auditIntact: true });
    expect(host.workbookProtected).toBe(["Data locked", "In review", "Closed"].includes(to));
    if (to === "Draft") {
      // The seal is cleared, and that is logged.
      expect(r.seal).toBeNull();
      expect(r.entries[1]).toMatchObject({ action: "seal", new: null, old: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(i.sealed).toBe(false);
      expect(host.getValues(META_SHEET, "A6:B8")).toEqual([
        ["seal.hash", ""],
        ["seal.at", ""],
        ["seal.state", ""],
      ]);
      for (const s of ["Goals", "CheckIns", META_SHEET]) expect(host.sheet(s)?.protected).toBe(false);
    } else {
      expect(i.sealIntact).toBe(true);
      expect(r.seal?.state).toBe(to);
    }
  });

  test("reopening two steps back, moving to the same state or to an unknown one is refused", async () => {
    const host = await seedReview();
    await advanceTo(host, "In review");
    await expect(host.run((ctx) => changeState(ctx, { to: "Active", actor: ACTOR, reason: REASON }))).rejects.toThrow(/one step back at a time/);
    await expect(host.run((ctx) => changeState(ctx, { to: "In review", actor: ACTOR }))).rejects.toThrow(/already In review/);
    await expect(host.run((ctx) => changeState(ctx, { to: "Done" as CycleState, actor: ACTOR }))).rejects.toThrow(/not a review state/);
    await expect(host.run((ctx) => changeState(ctx, { to: "Closed", actor: "  " }))).rejects.toThrow(/Enter your name/);
  });

  test("protection changed by hand is recognised and can be reapplied", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    host.sheet("Goals")?.unprotect();
    const i = await host.run((ctx) => inspectReview(ctx));
    expect(i.protectionMatchesState).toBe(false);
    expect(i.protectionProblems).toContain("the sheet 'Goals' is not protected");
    expect(i.pending).toMatch(/Protection does not match the Active state/);
    await host.run((ctx) => reapplyProtection(ctx));
    expect((await host.run((ctx) => inspectReview(ctx))).protectionMatchesState).toBe(true);
  });
});

describe("passwords", () => {
  const PW = "Pa55-word-never-stored";

  function everyCell(host: Awaited<ReturnType<typeof seedReview>>): string {
    return host
      .sheetNames()
      .map((s) => JSON.stringify(host.getValues(s, "A1:AD300")) + JSON.stringify(host.getFormulas(s, "A1:AD300")))
      .join("\n");
  }

  test("locking with a password: later steps need it, a wrong or missing one gives a clear error that never shows it", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active", PW);
    expect(host.sheet("Goals")?.hasPassword).toBe(true);
    expect(host.sheet(META_SHEET)?.hasPassword).toBe(true);
    for (const password of [undefined, "wrong password"]) {
      const err = (await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password })).catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(ReviewError);
      expect(err.message).toBe("The sheet 'Goals' is protected with a password; enter the password used when the cycle was locked.");
      expect(err.message).not.toContain(PW);
      expect(JSON.stringify(err)).not.toContain(PW);
    }
    expect((await host.run((ctx) => inspectReview(ctx))).state).toBe("Active");
    await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: PW, now: NOW }));
    expect(host.workbookProtected).toBe(true);
    // The password is nowhere in the workbook nor in what was sent to Excel.
    expect(everyCell(host)).not.toContain(PW);
    expect(JSON.stringify(host.stats)).not.toContain(PW);
    // Reopening to Draft lifts every protection, with the password.
    await host.run((ctx) => changeState(ctx, { to: "Active", actor: ACTOR, reason: REASON, password: PW }));
    await host.run((ctx) => changeState(ctx, { to: "Draft", actor: ACTOR, reason: REASON, password: PW }));
    for (const s of ["Goals", "CheckIns", META_SHEET]) expect(host.sheet(s)?.protected).toBe(false);
    expect(host.workbookProtected).toBe(false);
    expect(everyCell(host)).not.toContain(PW);
  });

  test("a workbook structure protected with an unknown password is named clearly", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    await host.run(async (ctx) => {
      ctx.workbook.protection.protect(PW);
      await ctx.sync();
    });
    const err = (await host.run((ctx) => reopenCycle(ctx, { to: "Draft", actor: ACTOR, reason: REASON })).catch((e: unknown) => e)) as Error;
    expect(err.message).toBe("The workbook structure is protected with a password; enter the password used when the cycle was locked.");
    expect(err.message).not.toContain(PW);
  });
});
