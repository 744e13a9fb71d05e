/** Input checks before writing (src/core/inputs.ts): the engine's findings before and after an input. */
import fc from "fast-check";
import { evaluate } from "../../src/core/engine";
import { Finding } from "../../src/core/findings";
import { checkInput, confidenceProblem, gainedFindings } from "../../src/core/inputs";
import { options, workbook } from "./properties/arbitraries";
import { AS_OF, childGoal, rows, validGoal } from "./rules/fixture";
import { workbookFromRecords } from "../../src/core/tables";

const opts = { asOf: AS_OF };

test("property: an input that changes nothing brings no finding", () => {
  fc.assert(
    fc.property(workbook, options, fc.nat(), (records, o, pick) => {
      const wb = workbookFromRecords(records);
      const goalIndex = wb.goalCount === 0 ? 0 : pick % wb.goalCount;
      const r = checkInput(wb, wb, { goalIndex, field: "Weight" }, o);
      return r.refused.length === 0 && r.warnings.length === 0;
    }),
    { numRuns: 150 },
  );
});

test("property: what is refused is a failure of the workbook after the input that was not there before (or is on the changed cell)", () => {
  fc.assert(
    fc.property(workbook, workbook, options, (beforeRecords, afterRecords, o) => {
      const before = workbookFromRecords(beforeRecords);
      const after = workbookFromRecords(afterRecords);
      const target = { goalIndex: 0, field: "Target" };
      const r = checkInput(before, after, target, o);
      const was = evaluate(before, o).findings;
      const now = evaluate(after, o).findings;
      const samePlace = (a: Finding, b: Finding): boolean => a.code === b.code && a.goalIndex === b.goalIndex && a.field === b.field && a.cell === b.cell;
      const onTarget = (f: Finding): boolean => f.goalIndex === 0 && f.field === "Target";
      return (
        r.refused.every(
          (f) => f.severity === "fail" && now.some((g) => samePlace(f, g) && g.message === f.message) && (onTarget(f) || !was.some((g) => samePlace(f, g))),
        ) &&
        r.warnings.every((w) => w.severity === "warn") &&
        now.filter((f) => f.severity === "fail" && !was.some((g) => samePlace(f, g))).length <= r.refused.length
      );
    }),
    { numRuns: 100 },
  );
});

test("a negative Weight is refused (W3, on the changed cell); a Weight of 0 only warns (A4)", () => {
  const before = workbookFromRecords({ goals: rows(validGoal()) });
  const neg = checkInput(before, workbookFromRecords({ goals: rows(validGoal({ weight: -10 })) }), { goalIndex: 0, field: "Weight" }, opts);
  expect(neg.refused.map((f) => [f.code, f.field, f.message])).toEqual([["W3", "Weight", "Weight -10 is negative; enter 0 or more"]]);
  const zero = checkInput(before, workbookFromRecords({ goals: rows(validGoal({ weight: 0 })) }), { goalIndex: 0, field: "Weight" }, opts);
  expect(zero.refused).toEqual([]);
  expect(zero.warnings.map((f) => f.code)).toEqual(["A4"]);
});

test("a failure already there does not count again, except on the changed cell when its words change", () => {
  const w5 = evaluate(workbookFromRecords({ goals: rows(validGoal({ weight: -5 })) }), opts).findings;
  const w10 = evaluate(workbookFromRecords({ goals: rows(validGoal({ weight: -10 })) }), opts).findings;
  expect(gainedFindings(w5, w5, { goalIndex: 0, field: "Weight" })).toEqual([]);
  expect(gainedFindings(w5, w10, { goalIndex: 0, field: "Target" })).toEqual([]);
  expect(gainedFindings(w5, w10, { goalIndex: 0, field: "Weight" }).map((f) => f.code)).toEqual(["W3"]);
});

test("failures on the input's own cell come first, then its goal's, then other goals'", () => {
  // Parent P (no Target, exempt from M1 while it has a child) and child C; C's Parent ID cleared
  // and its Target made wrong: P gains M1, C gains A1 and R2 (warn).
  const before = workbookFromRecords({ goals: rows(validGoal({ id: "P", target: null, threshold: null, stretch: null }), childGoal("C", "P")) });
  const after = workbookFromRecords({
    goals: rows(validGoal({ id: "P", target: null, threshold: null, stretch: null }), childGoal("C", "", { target: 30, threshold: null, stretch: null })),
  });
  const r = checkInput(before, after, { goalIndex: 1, field: "Target" }, opts);
  expect(r.refused.map((f) => [f.goal, f.code])).toEqual([
    ["C", "A1"],
    ["P", "M1"],
  ]);
});

test.each([0, 0.5, 1])("Confidence %p is fine", (v) => expect(confidenceProblem(v)).toBeNull());
test.each([-0.1, 1.2, 70, Number.NaN, Number.POSITIVE_INFINITY])("Confidence %p is refused, saying what to enter", (v) =>
  expect(confidenceProblem(v)).toMatch(/enter a number from 0 to 1/),
);
