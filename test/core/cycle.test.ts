import { checkChangeRequest, checkTransition, isEditable, nextState, previousState } from "../../src/core/cycle";
import { CYCLE_STATES } from "../../src/core/meta";
import { INPUT_COLUMNS } from "../../src/core/columns";

describe("review cycle transitions", () => {
  test.each([
    ["Draft", "Active"],
    ["Active", "Data locked"],
    ["Data locked", "In review"],
    ["In review", "Closed"],
  ] as const)("advance %s → %s", (from, to) => expect(checkTransition(from, to)).toMatchObject({ ok: true, direction: "advance" }));

  test.each([
    ["Active", "Draft"],
    ["Data locked", "Active"],
    ["In review", "Data locked"],
    ["Closed", "In review"],
  ] as const)("reopen %s → %s needs a reason", (from, to) => {
    expect(checkTransition(from, to)).toMatchObject({ ok: false, code: "reason" });
    expect(checkTransition(from, to, "too short")).toMatchObject({ ok: false, code: "reason" });
    expect(checkTransition(from, to, "Late data from finance")).toMatchObject({ ok: true, direction: "reopen", reason: "Late data from finance" });
  });

  test("skipping a state is refused, forward and back", () => {
    expect(checkTransition("Draft", "Data locked")).toMatchObject({ ok: false, code: "skip" });
    expect(checkTransition("Closed", "Active", "a long enough reason")).toMatchObject({ ok: false, code: "skip" });
    const r = checkTransition("Draft", "Closed");
    expect(!r.ok && r.message).toMatch(/next step is Active/);
  });
  test("staying put and unknown states are refused", () => {
    expect(checkTransition("Active", "Active")).toMatchObject({ ok: false, code: "same" });
    expect(checkTransition("Active", "Archived" as never)).toMatchObject({ ok: false, code: "unknown" });
  });
  test("next and previous", () => {
    expect(nextState("Closed")).toBeNull();
    expect(previousState("Draft")).toBeNull();
    expect(CYCLE_STATES.map((s) => nextState(s))).toEqual(["Active", "Data locked", "In review", "Closed", null]);
  });
});

describe("editable columns per state (review.md)", () => {
  const editable = (s: (typeof CYCLE_STATES)[number]) => INPUT_COLUMNS.filter((c) => isEditable(s, c.key)).map((c) => c.header);
  test("Draft: all", () => expect(editable("Draft")).toHaveLength(20));
  test("Active: Actual, Comment", () => expect(editable("Active")).toEqual(["Actual", "Comment"]));
  test("Data locked and In review: Comment", () => {
    expect(editable("Data locked")).toEqual(["Comment"]);
    expect(editable("In review")).toEqual(["Comment"]);
  });
  test("Closed: none", () => expect(editable("Closed")).toEqual([]));
});

describe("change requests", () => {
  test("a locked field with a reason of at least 10 characters", () =>
    expect(checkChangeRequest("Active", "Target", "Budget revised in May")).toEqual({ ok: true, field: "target", action: "change" }));
  test("moving a Baseline is a re-baseline", () =>
    expect(checkChangeRequest("In review", "baseline", "Restated Q1 figures")).toEqual({ ok: true, field: "baseline", action: "rebaseline" }));
  test("refused: a short reason, Draft, an editable field, the ID, an unknown field", () => {
    expect(checkChangeRequest("Active", "Target", "because")).toMatchObject({ ok: false });
    expect(checkChangeRequest("Draft", "Target", "a long enough reason")).toMatchObject({ ok: false });
    expect(checkChangeRequest("Active", "Actual", "a long enough reason")).toMatchObject({ ok: false });
    expect(checkChangeRequest("Active", "ID", "a long enough reason")).toMatchObject({ ok: false });
    const r = checkChangeRequest("Active", "Colour", "a long enough reason");
    expect(!r.ok && r.message).toMatch(/not a goal column/);
  });
});
