/** "Prepare review copy" and "Restore live formulas". */
import { ExcelHost } from "../../src/excel-host";
import { CycleState, META_SHEET } from "../../src/core/meta";
import { ABOUT_SHEET, ReviewError, inspectReview, prepareReviewCopy, restoreLiveFormulas, verifySeal } from "../../src/excel/review";
import { GOAL_FUNCTIONS } from "../../src/functions/registry";
import { advanceTo, seedWithFormulas } from "./review-fixture";

const AREA = "A1:AD60";

/** A cell holding a formula (text that starts with = shows itself; a formula shows its result). */
function goalFormulas(host: ExcelHost): string[] {
  const out: string[] = [];
  for (const s of host.sheetNames()) {
    const f = host.getFormulas(s, AREA);
    const v = host.getValues(s, AREA);
    f.forEach((row, i) =>
      row.forEach((x, j) => typeof x === "string" && x.startsWith("=") && x !== v[i][j] && /GOAL\./i.test(x) && out.push(`${s}!${i},${j}`)),
    );
  }
  return out;
}

function visibleValues(host: ExcelHost): Record<string, unknown> {
  return Object.fromEntries(
    host
      .sheetNames()
      .filter((s) => s !== META_SHEET && s !== ABOUT_SHEET)
      .map((s) => [s, host.getValues(s, AREA)]),
  );
}

function allFormulas(host: ExcelHost): Record<string, unknown> {
  return Object.fromEntries(
    host
      .sheetNames()
      .filter((s) => s !== META_SHEET && s !== ABOUT_SHEET)
      .map((s) => [s, host.getFormulas(s, AREA)]),
  );
}

test("the review copy has no GOAL formula, reads the same, says how to verify it; restore brings the formulas back", async () => {
  const host = await seedWithFormulas();
  await advanceTo(host, "Data locked");
  expect(goalFormulas(host).length).toBe(3);
  expect(host.getValue("Scorecards", "A4")).toBe("Ana Lima");
  const values = visibleValues(host);
  const formulas = allFormulas(host);

  const r = await host.run((ctx) => prepareReviewCopy(ctx));
  expect(r).toMatchObject({
    state: "Data locked",
    replaced: 3,
    recorded: 3,
    protectionMatchesState: true,
    sealIntact: true,
    auditIntact: true,
    aboutSheet: ABOUT_SHEET,
  });
  expect(goalFormulas(host)).toEqual([]);
  expect(visibleValues(host)).toEqual(values);
  // Non-GOAL formulas (the cascade view's ID column) stay live.
  expect(host.getFormula("Scorecards", "F4")).toBe('=FILTER(Goals[ID]&"",Goals[Status]<>"")');
  // Protection and seal are as they were; the formulas are kept on the metadata sheet.
  expect(host.sheet("Goals")?.protected).toBe(true);
  expect(host.sheet(META_SHEET)?.protected).toBe(true);
  expect(host.workbookProtected).toBe(true);
  expect((await host.run((ctx) => verifySeal(ctx))).intact).toBe(true);
  expect(host.getValues(META_SHEET, "P1:S4")).toEqual([
    ["Sheet", "Address", "Formula", "Spill"],
    ["Goals", "Z2", "=GOAL.PROGRESS([@Actual],[@Target],[@Baseline])", "Z2"],
    ["Scorecards", "A4", expect.stringMatching(/^=GOAL\.SCORECARD\(/), "A4:D5"],
    ["Scorecards", "I4", expect.stringMatching(/^=FILTER\(GOAL\.ROLLUP\(/), "I4:I6"],
  ]);
  // The About sheet, visible and plain.
  expect(host.sheet(ABOUT_SHEET)?.visibility).toBe("Visible");
  expect(host.activeSheet).toBe(ABOUT_SHEET);
  const about = host
    .getValues(ABOUT_SHEET, "A1:B13")
    .map((row) => row.join(" | "))
    .join("\n");
  const hash = String(host.getValue(META_SHEET, "B6"));
  expect(about).toContain(`Seal (first 12 characters) | ${hash.slice(0, 12)}`);
  expect(about).toContain("State | Data locked");
  expect(about).toContain("Sealed at (UTC) | 2026-03-01T09:30:00Z");
  expect(about).toContain("goal-scorecards verify FILE");
  expect(about).not.toContain(hash.slice(0, 13));
  expect((await host.run((ctx) => inspectReview(ctx))).reviewCopy).toBe("complete");

  // Preparing again changes nothing (the formulas are already values).
  const again = await host.run((ctx) => prepareReviewCopy(ctx));
  expect(again).toMatchObject({ replaced: 0, recorded: 3 });
  expect(visibleValues(host)).toEqual(values);

  const back = await host.run((ctx) => restoreLiveFormulas(ctx));
  expect(back.restored).toBe(3);
  expect(allFormulas(host)).toEqual(formulas);
  expect(visibleValues(host)).toEqual(values);
  expect(host.getValue("Scorecards", "A4")).toBe("Ana Lima");
  expect(host.sheet("Goals")?.protected).toBe(true);
  expect(host.sheet(META_SHEET)?.protected).toBe(true);
  const i = await host.run((ctx) => inspectReview(ctx));
  expect(i).toMatchObject({ reviewCopy: "none", pending: null, protectionMatchesState: true, sealIntact: true });
  expect((await host.run((ctx) => restoreLiveFormulas(ctx))).restored).toBe(0);
});

test.each(["Draft", "Active"] as CycleState[])("a review copy is refused in %s", async (state) => {
  const host = await seedWithFormulas();
  if (state !== "Draft") await advanceTo(host, state);
  const err = await host.run((ctx) => prepareReviewCopy(ctx)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ReviewError);
  expect((err as Error).message).toMatch(/once the cycle is locked \(Data locked, In review or Closed\); the cycle is/);
  expect(goalFormulas(host).length).toBe(3);
});

test("the copy reports a broken seal and protection that was removed", async () => {
  const host = await seedWithFormulas();
  await advanceTo(host, "Closed", "pw-123456");
  host.sheet("Goals")?.unprotect("pw-123456");
  host.setCell("Goals", "L2", 999);
  const r = await host.run((ctx) => prepareReviewCopy(ctx, { password: "pw-123456" }));
  expect(r).toMatchObject({ sealIntact: false, protectionMatchesState: false });
  expect(r.protectionProblems).toContain("the sheet 'Goals' is not protected");
  expect(host.getValues(ABOUT_SHEET, "A7:B8")).toEqual([
    ["Seal intact when this copy was made", "No: locked cells were changed after sealing"],
    ["Sheets locked for this state", "No: the protection differs from what this state locks"],
  ]);
  expect(goalFormulas(host)).toEqual([]);
  for (const s of host.sheetNames()) expect(JSON.stringify(host.getValues(s, AREA))).not.toContain("pw-123456");
});

test("refused, in plain words and naming the cells, while a GOAL cell it would freeze is still calculating (#BUSY!)", async () => {
  const host = await seedWithFormulas();
  await advanceTo(host, "Data locked");
  const sync = GOAL_FUNCTIONS.PROGRESS;
  // An async function: Excel shows #BUSY! until its promise settles.
  host.registerFunctions({ PROGRESS: (...args: unknown[]) => Promise.resolve((sync as (...a: unknown[]) => unknown)(...args)) });
  expect(host.getValue("Goals", "Z2")).toBe("#BUSY!");
  const formulas = allFormulas(host);
  const err = (await host.run((ctx) => prepareReviewCopy(ctx)).catch((e: unknown) => e)) as Error;
  expect(err).toBeInstanceOf(ReviewError);
  expect(err.message).toBe(
    "Excel is still calculating Goals!Z2 (it shows #BUSY!), and the review copy would keep that instead of the score. Wait until Excel has finished calculating, then try again.",
  );
  expect(allFormulas(host)).toEqual(formulas);
  expect(host.sheetNames()).not.toContain(ABOUT_SHEET);
  const scorecard = GOAL_FUNCTIONS.SCORECARD;
  host.registerFunctions({ SCORECARD: (...args: unknown[]) => Promise.resolve((scorecard as (...a: unknown[]) => unknown)(...args)) });
  const two = (await host.run((ctx) => prepareReviewCopy(ctx)).catch((e: unknown) => e)) as Error;
  expect(two.message).toMatch(/^Excel is still calculating Goals!Z2 and Scorecards!A4 \(they show #BUSY!\)/);
  host.registerFunctions({ SCORECARD: scorecard });
  // Once calculated, the copy is made and holds the number.
  host.registerFunctions({ PROGRESS: sync });
  const r = await host.run((ctx) => prepareReviewCopy(ctx));
  expect(r.replaced).toBe(3);
  expect(typeof host.getValue("Goals", "Z2")).toBe("number");
});
