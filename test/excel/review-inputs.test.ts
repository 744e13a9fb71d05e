/**
 * Change requests and check-ins are checked by the table's own rules before anything is
 * written (issue 15, item 2): a refusal names the form field and says what to change, and
 * leaves every cell and the audit log as they were.
 */
import { ExcelHost } from "../../src/excel-host";
import { CheckInOptions, ChangeRequestOptions, ReviewError, addCheckIn, changeRequest, inspectReview, verifySeal } from "../../src/excel/review";
import { ACTOR, NOW, REASON, advanceTo, seedReview } from "./review-fixture";

/** Everything a user or a tool can see of the workbook: every sheet's cells (formulas), tables, protection. */
function snapshot(host: ExcelHost): unknown {
  return host.sheetNames().map((name) => ({
    name,
    cells: host.getFormulas(name, "A1:AB260"),
    protected: host.sheet(name)?.protected,
    tables: host.tableNames().map((t) => [t, host.table(t)?.rowCount]),
  }));
}

async function refusal(host: ExcelHost, run: () => Promise<unknown>): Promise<ReviewError> {
  const before = snapshot(host);
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReviewError);
  expect(snapshot(host)).toEqual(before);
  return err as ReviewError;
}

function change(host: ExcelHost, o: Partial<ChangeRequestOptions>): Promise<unknown> {
  return host.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 1, reason: REASON, actor: ACTOR, now: NOW, ...o }));
}

function checkIn(host: ExcelHost, o: Partial<CheckInOptions>): Promise<unknown> {
  return host.run((ctx) => addCheckIn(ctx, { goalId: "G-1", date: "2026-03-15", value: 130, actor: ACTOR, now: NOW, ...o }));
}

describe("change requests", () => {
  test("a Weight of −10 in a locked cycle is refused beside the value, and nothing is written (no cell, no audit entry)", async () => {
    const host = await seedReview();
    await advanceTo(host, "Data locked", "pw");
    const entries = (await host.run((ctx) => verifySeal(ctx))).audit.entries;
    const err = await refusal(host, () => change(host, { goalId: "g-2", field: "Weight", value: -10, password: "pw" }));
    expect({ code: err.code, field: err.field, message: err.message }).toEqual({
      code: "input",
      field: "value",
      message: "Weight -10 is negative; enter 0 or more.",
    });
    expect(host.getValue("Goals", "G3")).toBe(0.6);
    const after = await host.run((ctx) => verifySeal(ctx));
    expect(after).toMatchObject({ intact: true, audit: { intact: true, entries } });
    expect((await host.run((ctx) => inspectReview(ctx))).pending).toBeNull();
  });

  test("refused before check-ins typed below the table are adopted: they stay where they were typed", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    host.setValues("CheckIns", "A4", [["G-1", "2026-03-01", 160, "", ""]]);
    await refusal(host, () => change(host, { field: "Weight", value: -1 }));
    expect(host.table("CheckIns")?.rowCount).toBe(2);
  });

  test("a Target on the wrong side of the Baseline is refused with the rule's own words", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    const err = await refusal(host, () => change(host, { value: 90 }));
    expect([err.field, err.message]).toEqual(["value", "Target 90 is not above Baseline 100 for Increase; raise the Target or set Direction to Decrease."]);
  });

  test("a rule on another field of the goal: says which field to change first", async () => {
    const host = await seedReview();
    host.setCell("Goals", "K2", 150); // Threshold 150 below Target 200: fine
    await advanceTo(host, "Active");
    const err = await refusal(host, () => change(host, { value: 140 }));
    expect(err.field).toBe("value");
    expect(err.message).toBe(
      "Threshold 150 is not below Target 140 for Increase; move the Threshold below the Target. Choose another Target, or first change Threshold with a change request of its own.",
    );
    // In that order it works.
    await change(host, { field: "Threshold", value: 120 });
    await change(host, { value: 140 });
    expect(host.getValue("Goals", "L2")).toBe(140);
  });

  test("an alignment cycle through Parent ID is refused", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    const err = await refusal(host, () => change(host, { field: "Parent ID", value: "g-2" }));
    expect(err.field).toBe("value");
    expect(err.message).toMatch(/^Goal is on an alignment cycle .*remove one of these Parent ID links\.$/);
  });

  test("a failure the change brings to another goal names that goal", async () => {
    const host = await seedReview();
    // G-3 becomes a Key Result without a Target, exempt from M1 while it has a child (g-2).
    host.setValues("Goals", "C4", [["Key Result"]]);
    host.setValues("Goals", "I4", [["Increase", 0, "", ""]]);
    host.setCell("Goals", "E3", "G-3");
    await advanceTo(host, "Active");
    const err = await refusal(host, () => change(host, { goalId: "g-2", field: "Parent ID", value: "G-1" }));
    expect(err.field).toBe("value");
    expect(err.message).toBe("With this Parent ID, goal G-3 would fail a check: Target is blank; enter the number to reach. Choose another Parent ID.");
  });

  test("a failure the goal already has does not refuse another change; the failing cell itself must be fixed", async () => {
    const host = await seedReview();
    host.setCell("Goals", "G3", -5); // g-2's Weight: W3 already
    await advanceTo(host, "Active");
    await change(host, { goalId: "g-2", field: "Target", value: 0.07 });
    expect(host.getValue("Goals", "L3")).toBe(0.07);
    const err = await refusal(host, () => change(host, { goalId: "g-2", field: "Weight", value: -10 }));
    expect(err.message).toBe("Weight -10 is negative; enter 0 or more.");
    await change(host, { goalId: "g-2", field: "Weight", value: 0.6 });
    expect(host.getValue("Goals", "G3")).toBe(0.6);
  });

  test("warnings do not refuse: a Weight of 0 is written and the warning returned", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    const r = await host.run((ctx) => changeRequest(ctx, { goalId: "G-3", field: "Weight", value: 0, reason: REASON, actor: ACTOR, now: NOW }));
    expect(host.getValue("Goals", "G4")).toBe(0);
    expect(r.warnings).toContain("Weight is 0, so this goal counts for nothing; give it a weight or remove it.");
  });

  test.each([
    ["Draft", "Draft", { field: "Target" }, "state"],
    ["a short reason", "Active", { reason: "because" }, "reason"],
    ["a field editable directly", "Active", { field: "Actual" }, "field"],
    ["an unknown field", "Active", { field: "Colour" }, "field"],
    ["the ID", "Active", { field: "ID", value: "G-9" }, "field"],
    ["an unknown goal", "Active", { goalId: "G-404" }, "goal"],
    ["no goal chosen", "Active", { goalId: " " }, "goal"],
    ["text for a number", "Active", { value: "lots" }, "value"],
    ["a date that is not one", "Active", { field: "Due", value: "soon" }, "value"],
    ["Due before Start", "Active", { field: "Due", value: "2025-12-31" }, "value"],
    ["a blank Owner", "Active", { field: "Owner", value: "" }, "value"],
  ] as const)("refused (%s): names the form field", async (_name, state, o, field) => {
    const host = await seedReview();
    if (state !== "Draft") await advanceTo(host, state);
    const err = await refusal(host, () => change(host, o));
    expect([err.code, err.field]).toEqual(["input", field]);
  });
});

describe("check-ins", () => {
  test.each([
    ["a date that is not one", { date: "next week" }, "date", "Check-in Date 'next week' is not a date; enter a date such as 2026-06-30."],
    ["no date", { date: " " }, "date", "Enter the date of the check-in, such as 2026-06-30."],
    ["a value that is not a number", { value: "lots" }, "value", "Check-in Value 'lots' is not a number; enter a number."],
    ["no value", { value: "" }, "value", "Enter the value measured: a number, or TRUE/FALSE for a milestone."],
    ["a confidence that is not a number", { confidence: "sure" }, "confidence", "Check-in Confidence 'sure' is not a number; enter a number."],
    ["a confidence above 1", { confidence: 2 }, "confidence", "Confidence 2 is outside 0 to 1; enter a number from 0 to 1 (0.7 or 70%), or leave it blank."],
    ["an unknown goal", { goalId: "NOPE" }, "goal", "There is no goal with ID 'NOPE'; choose one from the list."],
  ] as const)("refused (%s), nothing written", async (_name, o, field, message) => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    const err = await refusal(host, () => checkIn(host, o));
    expect({ code: err.code, field: err.field, message: err.message }).toEqual({ code: "input", field, message });
  });

  test("a value the goal cannot score is refused: TRUE for a Decrease goal whose Actual comes from check-ins", async () => {
    const host = await seedReview();
    host.setCell("Goals", "N3", ""); // g-2's Actual blank: the latest check-in is its Actual
    await advanceTo(host, "Active");
    const err = await refusal(host, () => checkIn(host, { goalId: "g-2", value: true }));
    expect(err.field).toBe("value");
    expect(err.message).toMatch(/^With this check-in, goal g-2 would fail a check: Actual TRUE is not a number/);
    await checkIn(host, { goalId: "g-2", value: 0.09 });
  });

  test("after Data locked: refused beside nothing but the state", async () => {
    const host = await seedReview();
    await advanceTo(host, "Data locked");
    const err = await refusal(host, () => checkIn(host, {}));
    expect([err.code, err.field]).toEqual(["input", "state"]);
  });

  test("Confidence as 70% is taken as 0.7", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    await checkIn(host, { confidence: "70%" });
    expect(host.getValue("CheckIns", "D4")).toBe(0.7);
  });
});
