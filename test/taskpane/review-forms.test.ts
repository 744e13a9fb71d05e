/**
 * The Review cards' logic without React: which goal and field a form shows, the forms'
 * checks before sending, the move's confirmation dialog, and the sentences said when
 * an operation is done.
 */
import { MIN_REASON } from "../../src/core/cycle";
import {
  changeRequestDone,
  checkChangeRequestForm,
  checkCheckInRequest,
  checkInDone,
  currentValueText,
  fieldMessage,
  moveDialog,
  moveDone,
  moveProgress,
  moveRequest,
  pickField,
  pickGoal,
  restoreDone,
} from "../../src/taskpane/logic/reviewForms";
import { moves } from "../../src/taskpane/logic/stepper";
import { workbookFromRecords } from "../../src/core/tables";

describe("what the forms show", () => {
  test("fieldMessage: the error beside its field, else no validation state", () => {
    const errors = [{ field: "value" as const, message: "Not a number." }];
    expect(fieldMessage(errors, "value")).toEqual({ validationMessage: "Not a number.", validationState: "error" });
    expect(fieldMessage(errors, "reason")).toEqual({ validationState: "none" });
    expect(fieldMessage([], "actor")).toEqual({ validationState: "none" });
  });
  test("pickGoal: the chosen goal while it is offered, else the first, else blank", () => {
    expect(pickGoal(["G-1", "G-2"], "G-2")).toBe("G-2");
    expect(pickGoal(["G-1", "G-2"], "G-9")).toBe("G-1");
    expect(pickGoal(["G-1", "G-2"], "")).toBe("G-1");
    expect(pickGoal([], "G-1")).toBe("");
  });
  test("pickField: the chosen field while it is changeable, else the first, else null", () => {
    const fields = [
      { key: "target", header: "Target" },
      { key: "due", header: "Due" },
    ];
    expect(pickField(fields, "due")).toBe(fields[1]);
    expect(pickField(fields, "weight")).toBe(fields[0]);
    expect(pickField([], "due")).toBeNull();
  });
  test("currentValueText: the goal's value in words, found by ID whatever its case", () => {
    const input = workbookFromRecords({ goals: [{ values: { id: "G-1", due: 46203, weight: 0.4, target: 12 } }, { values: { id: "G-2", target: null } }] });
    expect(currentValueText(input, "g-1", "due", 1900)).toBe("30 Jun 2026");
    expect(currentValueText(input, "G-1", "weight", 1900)).toBe("40%");
    expect(currentValueText(input, "G-1", "target", 1900)).toBe("12");
    expect(currentValueText(input, "G-2", "target", 1900)).toBe("(blank)");
    expect(currentValueText(input, "G-9", "target", 1900)).toBeNull();
    expect(currentValueText(input, "", "target", 1900)).toBeNull();
  });
});

describe("the forms checked before anything is sent", () => {
  const reason = "x".repeat(MIN_REASON);
  test("a change request: the value, a long enough reason and a name, in that order", () => {
    expect(checkChangeRequestForm({ key: "target", value: "12", reason, actor: "Pat" }, 1900)).toEqual([]);
    const errors = checkChangeRequestForm({ key: "target", value: "twelve", reason: "short", actor: "" }, 1900);
    expect(errors.map((e) => e.field)).toEqual(["value", "reason", "actor"]);
    expect(errors[1].message).toBe(`Give a reason of at least ${MIN_REASON} characters; it goes into the audit log.`);
    expect(errors[2].message).toBe("Enter your name; it goes into the audit log with the change.");
    // A reason of spaces is no reason.
    expect(checkChangeRequestForm({ key: "target", value: "", reason: " ".repeat(MIN_REASON + 2), actor: "Pat" }, 1900).map((e) => e.field)).toEqual([
      "reason",
    ]);
  });
  test("a check-in: date, value and confidence as the review logic checks them, then a name", () => {
    expect(checkCheckInRequest({ date: "2026-06-30", value: "12", confidence: "80%", actor: "Pat" }, 1900)).toEqual([]);
    const errors = checkCheckInRequest({ date: "", value: "", confidence: "80", actor: "" }, 1900);
    expect(errors.map((e) => e.field)).toEqual(["date", "value", "confidence", "actor"]);
    expect(errors[3].message).toBe("Enter your name; it goes into the audit log with the check-in.");
  });
});

describe("the sentences said when an operation is done", () => {
  test("a change request, changed or not", () => {
    const base = { goalId: "G-1", field: "Target", old: 10, new: 12, cell: "Goals!L3" };
    expect(changeRequestDone({ ...base, changed: true, seal: null })).toBe("G-1 Target changed from 10 to 12 (cell Goals!L3). The change is in the audit log.");
    expect(changeRequestDone({ ...base, changed: true, seal: { hash: "h", at: "t" } })).toBe(
      "G-1 Target changed from 10 to 12 (cell Goals!L3). The change is in the audit log and the goals are sealed again.",
    );
    expect(changeRequestDone({ ...base, old: null, changed: true, seal: null })).toContain("changed from (blank) to 12");
    expect(changeRequestDone({ ...base, changed: false, seal: null })).toBe("G-1 Target already holds that value; nothing was changed.");
  });
  test("a check-in, added or already there", () => {
    expect(checkInDone({ goalId: "G-1", date: "2026-06-30", cell: "CheckIns!A9", added: true })).toBe(
      "Check-in for G-1 on 30 Jun 2026 added (cell CheckIns!A9).",
    );
    expect(checkInDone({ goalId: "G-1", date: "2026-06-30", cell: "CheckIns!A9", added: false })).toBe(
      "That check-in for G-1 is already there; it was not added twice.",
    );
  });
  test("restoring the live formulas: how many, one, or none", () => {
    expect(restoreDone({ restored: 3 })).toBe("Restored 3 live formulas: they recalculate again.");
    expect(restoreDone({ restored: 1 })).toBe("Restored 1 live formula: they recalculate again.");
    expect(restoreDone({ restored: 0 })).toBe("There were no formulas to restore.");
  });
  test("a move: its progress and its result", () => {
    expect(moveProgress("advance")).toEqual({ label: "Advancing the cycle…", doing: "Advancing the cycle" });
    expect(moveProgress("reopen")).toEqual({ label: "Reopening the cycle…", doing: "Reopening the cycle" });
    expect(moveDone({ to: "Active", seal: { hash: "h", at: "t", state: "Active" } })).toBe(
      "The cycle is now Active. The goals are sealed: any later edit shows under Seal.",
    );
    expect(moveDone({ to: "Draft", seal: null })).toBe("The cycle is now Draft.");
  });
});

describe("the move and its confirmation dialog", () => {
  const advance = moves("Draft").advance!;
  const reopen = moves("Active").reopen!;
  const longReason = "The targets were agreed wrongly.";
  test("what the move sends: a blank reason as null; a new password only when leaving Draft", () => {
    expect(moveRequest(advance, "  ", "secret")).toEqual({ reason: null, password: "secret" });
    expect(moveRequest(advance, "", "")).toEqual({ reason: null, password: undefined });
    expect(moveRequest(reopen, longReason, "secret")).toEqual({ reason: longReason, password: undefined });
  });
  test("no dialog: nothing to confirm", () => {
    expect(moveDialog(null, "", "Pat", "")).toEqual({ reasonMessage: undefined, canConfirm: false });
  });
  test("advancing needs no reason, but a name for the audit log", () => {
    expect(moveDialog(advance, "", "Pat", "")).toEqual({ reasonMessage: undefined, canConfirm: true });
    expect(moveDialog(advance, "", "", "  ")).toEqual({ reasonMessage: undefined, canConfirm: false });
    expect(moveDialog(advance, "", "", "Sam")).toEqual({ reasonMessage: undefined, canConfirm: true });
  });
  test("reopening needs a reason; the message shows once something is typed", () => {
    expect(moveDialog(reopen, "", "Pat", "")).toEqual({ reasonMessage: undefined, canConfirm: false });
    const short = moveDialog(reopen, "oops", "Pat", "");
    expect(short.canConfirm).toBe(false);
    expect(short.reasonMessage).toEqual(expect.any(String));
    expect(moveDialog(reopen, longReason, "Pat", "")).toEqual({ reasonMessage: undefined, canConfirm: true });
  });
});
