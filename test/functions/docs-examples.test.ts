/** The examples the README and the help page give are what the functions return. */
import fs from "fs";
import path from "path";
import * as F from "../../src/functions/functions";

const ROOT = path.resolve(__dirname, "../..");
const NAMES = ["PROGRESS", "TIER", "SCORE", "PACE", "STATUS", "WEIGHTED", "ROLLUP", "SCORECARD", "SMART"];
// Excel serials: 2026-01-01, 2026-12-31, 2026-07-02
const JAN1 = 46023;
const DEC31 = 46387;
const JUL2 = 46205;

test("the help page has a section for each function (the helpUrl anchors)", () => {
  const help = fs.readFileSync(path.join(ROOT, "src/help/help.html"), "utf8");
  for (const n of NAMES) expect(help).toContain(`id="goal-${n.toLowerCase()}"`);
});

test("the README lists each function with an example", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  for (const n of NAMES) expect(readme).toMatch(new RegExp("=GOAL\\." + n + "\\("));
});

test("README examples", () => {
  expect(F.progress(70, 100, 40)).toBeCloseTo(0.5, 12);
  expect(F.tier(110, 80, 100, 120)).toBeCloseTo(1.25, 12);
  expect(F.score(90, 100, 50, null, 80)).toBeCloseTo(0.75, 12);
  expect(F.pace(JAN1, DEC31, JUL2)).toBeCloseTo(0.5, 12);
  expect(F.status(40, 100, 0, null, JAN1, DEC31, JUL2)).toBe("On track");
  expect(F.weighted([[0.5], [1]], [[1], [3]])).toBeCloseTo(0.875, 12);
  const r = F.rollup([["G-1"], ["G-2"], ["G-3"]], [[""], ["G-1"], ["G-1"]], [[0.2], [0.5], [1]], [[1], [1], [3]]) as number[][];
  expect(r.map((row) => Number(row[0].toFixed(9)))).toEqual([0.875, 0.5, 1]);
  // With the Status and Rolled Up columns, as the examples write it.
  const statuses = [["At risk"], ["At risk"], ["Achieved"]];
  const full = F.rollup([["G-1"], ["G-2"], ["G-3"]], [[""], ["G-1"], ["G-1"]], [[0.2], [0.5], [1]], [[1], [1], [3]], [[""], [""], [""]], statuses, [
    [0.875],
    [0.5],
    [1],
  ]) as number[][];
  expect(full.map((row) => Number(row[0].toFixed(9)))).toEqual([0.875, 0.5, 1]);
  const sc = F.scorecard([["Ann"], ["Ann"]], [[0.5], [1]], [[60], [40]]) as unknown[][];
  expect(sc[0][0]).toBe("Ann");
  expect(sc[0][1] as number).toBeCloseTo(0.7, 12);
  expect(sc[0].slice(2)).toEqual([100, 1]);
  expect(F.smart("Grow", "Dana", 100)).toBe("✗ ! A - ✗");
});
