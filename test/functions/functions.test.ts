/**
 * The GOAL.* functions return what the core returns: each test calls the core
 * directly with the same inputs and compares. Errors are checked by code and
 * message (the local stand-in for CustomFunctions.Error, as Node has no runtime).
 */
import { dayFromIso, serialFromDay, today } from "../../src/core/dates";
import { letterOf, smartString } from "../../src/core/findings";
import { goalFromRecord } from "../../src/core/model";
import { rollup as coreRollup } from "../../src/core/rollup";
import { scorecards, weightedAverage } from "../../src/core/scorecard";
import {
  Outcome,
  inferDirection,
  pace as corePace,
  progress as coreProgress,
  score as coreScore,
  tier as coreTier,
  uncappedProgress,
} from "../../src/core/scoring";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { dataFindings, rowFindings } from "../../src/core/rules/row";
import { status as coreStatus } from "../../src/core/rules/status";
import { NO_ACTUAL_MESSAGE, isFunctionError, naError, valueError } from "../../src/functions/errors";
import { pace, progress, rollup, score, scorecard, smart, status, tier, weighted } from "../../src/functions/functions";

type Err = { code: string; message?: string };

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
}

/** An Excel serial (1900 system), as a date cell arrives. */
function serial(iso: string): number {
  return serialFromDay(day(iso));
}

function expectError(v: unknown, code: "#VALUE!" | "#N/A", messageStart?: string | RegExp): Err {
  expect(isFunctionError(v)).toBe(true);
  const e = v as Err;
  expect(e.code).toBe(code);
  if (typeof messageStart === "string") expect(e.message?.startsWith(messageStart)).toBe(true);
  else if (messageStart) expect(e.message).toMatch(messageStart);
  return e;
}

/** The function's result equals the core outcome. */
function expectOutcome(v: unknown, o: Outcome): void {
  switch (o.kind) {
    case "value":
      expect(typeof v).toBe("number");
      expect(v as number).toBeCloseTo(o.value, 9);
      break;
    case "nodata":
      expect(expectError(v, "#N/A").message).toBe(NO_ACTUAL_MESSAGE);
      break;
    case "invalid": {
      const e = expectError(v, "#VALUE!");
      expect(e.message).toBe(`${o.code}: ${o.message}`);
      expect(e.message?.startsWith(`${o.code}: `)).toBe(true);
      break;
    }
  }
}

/** Rows padded to a fixed length (jest passes `done` to a test taking more arguments than a row has). */
function pad<T extends unknown[]>(rows: unknown[][], length: number): T[] {
  return rows.map((r) => [...r, ...new Array<undefined>(Math.max(0, length - r.length)).fill(undefined)] as T);
}

function grid(v: unknown): unknown[][] {
  expect(Array.isArray(v)).toBe(true);
  return v as unknown[][];
}

describe("errors", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("builds a stand-in with code and message when CustomFunctions is absent", () => {
    expect(valueError("E2: x")).toEqual({ code: "#VALUE!", message: "E2: x" });
    expect(naError()).toEqual({ code: "#N/A", message: "No actual value yet" });
  });

  it("uses CustomFunctions.Error when the runtime is present", () => {
    class RuntimeError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: RuntimeError };
    const e = valueError("A1: bad");
    expect(e).toBeInstanceOf(RuntimeError);
    expect(e).toMatchObject({ code: "#VALUE!", message: "A1: bad" });
    expect(isFunctionError(e)).toBe(true);
  });
});

describe("GOAL.PROGRESS", () => {
  const cases: [unknown, unknown, unknown?, unknown?, unknown?][] = [
    [50, 100, 0],
    [50, 100],
    [150, 100, 0, null, 1.5],
    [150, 100, 0, null, null],
    [80, 60, 100, "Decrease"],
    [10, 60, 100],
    [95, 90, null, "At least"],
    [true, null, null, "Milestone"],
    [3, 4, null, "Milestone"],
    [null, 100, 0],
    [50, 90, 100, "Increase"],
    [50, 90, null, "Decrease"],
    [50, null, 0, "Increase"],
    [true, 100, 0, "Increase"],
  ];
  it.each(pad<unknown[]>(cases, 5))("progress(%p, %p, %p, %p, %p) is the core's", (a, t, b, d, c) => {
    const actual = a as number | boolean | null;
    const expected = coreProgress({
      actual,
      target: (t ?? null) as number | null,
      baseline: (b ?? null) as number | null,
      direction: (d ?? null) as never,
      cap: (c ?? undefined) as number | undefined,
    });
    expectOutcome(progress(a, t, b, d, c), expected);
  });

  it("reads text as the core cell reader does", () => {
    expect(progress("45%", "90%", "0")).toBeCloseTo(0.5, 9);
    expect(progress("1,200", "$2,400")).toBeCloseTo(0.5, 9);
    expect(progress("done", null, null, "binary")).toBe(1);
    expect(progress(80, 60, 100, "lower is better")).toBeCloseTo(0.5, 9);
  });

  it("blank cells arrive as null or empty text: no data", () => {
    expect(expectError(progress("", 100), "#N/A").message).toBe("No actual value yet");
    expect(expectError(progress(null, 100, undefined, undefined, undefined), "#N/A").message).toBe("No actual value yet");
  });

  it("rejects arguments with the rule code first", () => {
    expect(expectError(progress(50, "abc"), "#VALUE!").message).toBe("E2: Target is text 'abc'; enter a number");
    expectError(progress("lots", 100), "#VALUE!", "E2: Actual is text 'lots'");
    expectError(progress(50, 100, "#REF!"), "#VALUE!", "E1: Baseline holds the Excel error #REF!");
    expectError(progress(50, 100, 0, "sideways"), "#VALUE!", "E4: Direction 'sideways' is not a known value");
    expectError(progress(50, 100, 0, null, "big"), "#VALUE!", "E2: Cap is text 'big'");
    // The first bad argument in argument order wins.
    expectError(progress("x", "y"), "#VALUE!", "E2: Actual");
  });

  it("spills element-wise over ranges of one size, scalars broadcast", () => {
    const actual = [[25], [50], [null], [150]];
    const out = grid(progress(actual, [[100], [100], [100], [100]], 0));
    expect(out).toHaveLength(4);
    out.forEach((row, i) => {
      expect(row).toHaveLength(1);
      expectOutcome(row[0], coreProgress({ actual: actual[i][0], target: 100, baseline: 0 }));
    });
    // 2-D, with a 1×1 range broadcast like a scalar.
    const two = grid(
      progress(
        [
          [10, 20],
          [30, 40],
        ],
        [[40]],
        [
          [0, 0],
          [0, 20],
        ],
      ),
    );
    expect(two).toEqual([
      [0.25, 0.5],
      [0.75, 1],
    ]);
  });

  it("ranges of different sizes give #VALUE! naming both sizes", () => {
    expect(expectError(progress([[1], [2], [3]], [[4], [5], [6], [7]]), "#VALUE!").message).toBe("Ranges have different sizes: 3×1 and 4×1");
    expectError(progress([[1, 2]], [[1], [2]]), "#VALUE!", "Ranges have different sizes: 1×2 and 2×1");
  });
});

describe("GOAL.TIER", () => {
  const cases: [unknown, unknown, unknown, unknown?, unknown?, unknown?, unknown?][] = [
    [40, 50, 100],
    [50, 50, 100],
    [75, 50, 100],
    [100, 50, 100],
    [150, 50, 100, 200],
    [300, 50, 100, 200],
    [120, 50, 100, 200, null, 0.4, 2],
    [75, 50, 100, null, null, 0.25],
    [80, 120, 60],
    [80, 120, 60, 40, "Decrease"],
    [null, 50, 100],
    [75, 100, 50, null, "Increase"],
    [75, 50, 100, 90],
    [95, 90, 90],
    [true, 0, 1, null, "Milestone"],
  ];
  it.each(pad<unknown[]>(cases, 7))("tier(%p, %p, %p, %p, %p, %p, %p) is the core's", (a, th, t, s, d, tp, sp) => {
    const expected = coreTier({
      actual: a as number | boolean | null,
      threshold: th as number,
      target: t as number,
      stretch: (s ?? null) as number | null,
      direction: (d ?? null) as never,
      baseline: th as number,
      thresholdPay: (tp ?? undefined) as number | undefined,
      stretchPay: (sp ?? undefined) as number | undefined,
    });
    expectOutcome(tier(a, th, t, s, d, tp, sp), expected);
  });

  it("infers a blank direction from threshold vs target", () => {
    // Target below threshold: Decrease, so lower actuals score higher.
    expect(tier(60, 120, 60)).toBe(1);
    expect(tier(90, 120, 60)).toBeCloseTo(0.5 + (30 / 60) * 0.5, 9);
    expect(tier(90, 120, 60)).toBeCloseTo(tier(90, 120, 60, null, "Decrease") as number, 12);
    // Equal: At least.
    expect(tier(95, 90, 90)).toBe(1);
    expect(tier(85, 90, 90)).toBe(0);
  });

  it("invalid curves and arguments give #VALUE! with the rule code", () => {
    expectError(tier(75, 100, 50, null, "Increase"), "#VALUE!", "A1: ");
    expectError(tier(75, 50, 100, 90), "#VALUE!", "A1: Stretch 90");
    expectError(tier(75, "half", 100), "#VALUE!", "E2: Threshold is text 'half'");
    expectError(tier(75, 50, 100, null, null, "x"), "#VALUE!", "E2: Threshold pay is text 'x'");
    expect(expectError(tier(null, 50, 100), "#N/A").message).toBe("No actual value yet");
  });

  it("spills over ranges and rejects different sizes", () => {
    const out = grid(tier([[40], [75], [100]], 50, 100));
    expect(out.map((r) => r[0])).toEqual([0, 0.75, 1]);
    expectError(tier([[40], [75]], [[50], [50], [50]], 100), "#VALUE!", "Ranges have different sizes: 2×1 and 3×1");
  });
});

describe("GOAL.SCORE", () => {
  const cases: [unknown, unknown, unknown?, unknown?, unknown?, unknown?][] = [
    [50, 100, 0],
    [150, 100, 0],
    [75, 100, 0, null, 50],
    [150, 100, 0, null, 50, 200],
    [70, 60, 100, "Decrease", 90],
    [null, 100, 0],
    [50, 90, 100, "Increase"],
    [75, 100, 0, null, 120],
    [false, null, null, "Milestone"],
  ];
  it.each(pad<unknown[]>(cases, 6))("score(%p, %p, %p, %p, %p, %p) is the core's", (a, t, b, d, th, s) => {
    const expected = coreScore({
      actual: a as number | boolean | null,
      target: (t ?? null) as number | null,
      baseline: (b ?? null) as number | null,
      direction: (d ?? null) as never,
      threshold: (th ?? null) as number | null,
      stretch: (s ?? null) as number | null,
    });
    expectOutcome(score(a, t, b, d, th, s), expected);
  });

  it("spills, and rejects unreadable cells and different sizes", () => {
    expect(grid(score([[50, 150]], 100, 0))).toEqual([[0.5, 1]]);
    expectError(score(50, 100, 0, null, "#N/A"), "#VALUE!", "E1: Threshold holds the Excel error #N/A");
    expectError(score([[1, 2, 3]], [[1, 2]]), "#VALUE!", "Ranges have different sizes: 1×3 and 1×2");
  });
});

describe("GOAL.PACE", () => {
  it("is the core's pace on Excel serials and ISO text", () => {
    const cases: [string, string, string][] = [
      ["2026-01-01", "2026-12-31", "2026-07-01"],
      ["2026-01-01", "2026-12-31", "2025-12-01"],
      ["2026-01-01", "2026-12-31", "2027-03-01"],
      ["2026-03-01", "2026-03-31", "2026-03-16"],
    ];
    for (const [s, d, at] of cases) {
      const expected = corePace(day(s), day(d), day(at));
      expect(pace(serial(s), serial(d), serial(at))).toBeCloseTo(expected as number, 12);
      expect(pace(s, d, at)).toBeCloseTo(expected as number, 12);
    }
  });

  it("asOf defaults to today", () => {
    const expected = corePace(day("2020-01-01"), day("2040-01-01"), today());
    expect(pace("2020-01-01", "2040-01-01")).toBeCloseTo(expected as number, 12);
    expect(pace("2020-01-01", "2040-01-01", null)).toBeCloseTo(expected as number, 12);
  });

  it("undefined pace is #N/A; Due before Start is T2; bad dates are E3", () => {
    expectError(pace(null, "2026-12-31", "2026-06-01"), "#N/A", "No pace");
    expectError(pace("2026-01-01", "2026-01-01", "2026-06-01"), "#N/A", "No pace");
    expectError(pace("2026-02-01", "2026-01-01", "2026-06-01"), "#VALUE!", "T2: Due 2026-01-01 is before Start 2026-02-01");
    expectError(pace("soon", "2026-01-01"), "#VALUE!", "E3: Start 'soon' is not a date");
    expectError(pace("2026-01-01", "2026-12-31", "later"), "#VALUE!", "E3: As of 'later' is not a date");
  });

  it("spills over ranges and rejects different sizes", () => {
    const out = grid(pace("2026-01-01", "2026-01-11", [["2026-01-01", "2026-01-06", "2026-01-11"]]));
    expect(out).toEqual([[0, 0.5, 1]]);
    expectError(
      pace([["2026-01-01"], ["2026-01-02"]], [["2026-02-01"]], [["2026-01-05"], ["2026-01-06"], ["2026-01-07"]]),
      "#VALUE!",
      "Ranges have different sizes: 2×1 and 3×1",
    );
  });
});

describe("GOAL.STATUS", () => {
  const asOf = "2026-07-01";
  const cases: [unknown, unknown, unknown, unknown, string | null, string | null, string][] = [
    [50, 100, 0, null, "2026-01-01", "2026-12-31", asOf],
    [30, 100, 0, null, "2026-01-01", "2026-12-31", asOf],
    [10, 100, 0, null, "2026-01-01", "2026-12-31", asOf],
    [100, 100, 0, null, "2026-01-01", "2026-12-31", asOf],
    [50, 100, 0, null, "2026-01-01", "2026-06-30", asOf],
    [0, 100, 0, null, "2026-08-01", "2026-12-31", asOf],
    [null, 100, 0, null, "2026-08-01", "2026-12-31", asOf],
    [null, 100, 0, null, "2026-01-01", "2026-12-31", asOf],
    [95, 90, null, "At least", "2026-01-01", "2026-12-31", asOf],
    [85, 90, null, "At least", "2026-01-01", "2026-06-30", asOf],
    [80, 100, 0, null, null, null, asOf],
    [50, 100, 0, null, null, null, asOf],
    [80, 60, 100, "Decrease", "2026-01-01", "2026-12-31", asOf],
  ];
  it.each(cases)("status(%p, %p, %p, %p, %p, %p, %p) is the core's", (a, t, b, d, s, du, at) => {
    const p = uncappedProgress({ actual: a as number | null, target: t as number, baseline: b as number | null, direction: d as never });
    const expected = coreStatus({
      direction: (d as never) ?? inferDirection(t as number, b as number | null),
      p: p.kind === "value" ? p.value : null,
      start: s === null ? null : day(s),
      due: du === null ? null : day(du),
      asOf: day(at),
    });
    expect(status(a, t, b, d, s === null ? null : serial(s), du === null ? null : serial(du), serial(at))).toBe(expected);
  });

  it("an invalid goal is #VALUE! with the rule code", () => {
    expect(expectError(status(50, 90, 100, "Increase"), "#VALUE!").message).toMatch(/^A1: /);
    expectError(status(50, null, 100, "Decrease"), "#VALUE!", "M1: ");
    expectError(status(50, 60, null, "Decrease"), "#VALUE!", "M3: ");
    expectError(status(50, 100, 0, null, "start", null), "#VALUE!", "E3: Start 'start' is not a date");
  });

  it("spills over ranges and rejects different sizes", () => {
    const out = grid(status([[100], [null], [10]], 100, 0, null, "2026-01-01", "2026-12-31", asOf));
    expect(out.map((r) => r[0])).toEqual(["Achieved", "No data", "Off track"]);
    expectError(status([[1], [2]], [[1], [2], [3]]), "#VALUE!", "Ranges have different sizes: 2×1 and 3×1");
  });
});

describe("GOAL.SMART", () => {
  function coreSmart(values: Record<string, unknown>): string {
    const goal = goalFromRecord({ values });
    const fs = rowFindings(goal, {
      direction: goal.directionGiven ?? inferDirection(goal.target, goal.baseline),
      type: goal.typeGiven ?? "Key Result",
      hasChildren: false,
      start: goal.start,
      due: goal.due,
      dueWindow: null,
      settings: DEFAULT_SETTINGS,
    }).filter((f) => letterOf(f.code) !== "R");
    return smartString(fs, ["R"]);
  }

  const cases: unknown[][] = [
    ["Grow EMEA revenue by a fifth", "Ana", 120, 100, null, "USD", serial("2026-01-01"), serial("2026-12-31"), "CRM report"],
    ["Grow", "Ana", 500, 100, null, "USD", null, null, "CRM"],
    ["Cut ticket backlog below 50", null, 50, null, "Decrease", null, null, "2026-06-30", null],
    ["Launch the new careers site", "Bo", null, null, "Milestone", null, null, "2026-09-30", "Project plan"],
    ["Keep attrition under ten percent", "HR", 0.1, 0.12, "At most", "%", "2026-01-01", "2025-12-01", "HRIS"],
    ["Company wide engagement objective", "CEO", null, null, null, null, null, "2026-12-31", null, "Objective"],
    ["Net promoter score stays above 40", "CX", 40, null, null, "points", null, null, "Survey", "KPI"],
  ];
  it.each(pad<unknown[]>(cases, 10))("smart(%p, %p, …) is the core's", (...args: unknown[]) => {
    const keys = ["title", "owner", "target", "baseline", "direction", "unit", "start", "due", "source", "type"];
    const values: Record<string, unknown> = {};
    keys.forEach((k, i) => (values[k] = args[i]));
    expect(smart(...(args as [unknown, unknown, unknown]))).toBe(coreSmart(values));
  });

  it("shows the verdicts of smart.md with R as -", () => {
    expect(smart("Grow EMEA revenue by a fifth", "Ana", 120, 100, null, "USD", "2026-01-01", "2026-12-31", "CRM report")).toBe("S M A - T");
    // Title too short (S1 fail), ambition 400% (A2 warn), Due blank (T1 fail).
    expect(smart("Grow", "Ana", 500, 100, null, "USD", null, null, "CRM")).toBe("✗ M ! - ✗");
  });

  it("a cell the reader rejects gives #VALUE! with that data finding", () => {
    const e = expectError(smart("Grow EMEA revenue", "Ana", "abc"), "#VALUE!");
    const goal = goalFromRecord({ values: { title: "Grow EMEA revenue", owner: "Ana", target: "abc" } });
    const f = dataFindings(goal)[0];
    expect(e.message).toBe(`${f.code}: ${f.message}`);
    expect(e.message).toBe("E2: Target is text 'abc'; enter a number");
    expectError(smart("Grow EMEA revenue", "Ana", 10, null, "up", null, "someday"), "#VALUE!", "E3: Start 'someday' is not a date");
    expectError(smart("Grow EMEA revenue", "Ana", 10, null, null, null, null, null, null, "Wish"), "#VALUE!", "E4: Type 'Wish' is not a known value");
    // The first rejected argument in argument order.
    expectError(smart("#N/A", "Ana", "abc"), "#VALUE!", "E1: Title holds the Excel error #N/A");
  });

  it("spills over ranges and rejects different sizes", () => {
    const out = grid(smart([["Grow EMEA revenue by a fifth"], ["Grow"]], "Ana", 120, 100, null, "USD", "2026-01-01", "2026-12-31", "CRM"));
    expect(out).toEqual([["S M A - T"], ["✗ M A - T"]]);
    expectError(smart([["a"], ["b"]], [["x"], ["y"], ["z"]], 1), "#VALUE!", "Ranges have different sizes: 2×1 and 3×1");
  });
});

describe("GOAL.WEIGHTED", () => {
  it("is the core's weighted average, skipping blanks and errors", () => {
    const scores = [[0.5], [1], [null], ["#N/A"], ["n/a"], [0.2]];
    const weights = [[1], [3], [2], [2], [2], [null]];
    const expected = weightedAverage([0.5, 1, null, null, null, 0.2], [1, 3, 2, 2, 2, null]);
    expect(weighted(scores, weights)).toBeCloseTo(expected as number, 12);
    expect(weighted([[0.5], [1]], [[1], [3]])).toBeCloseTo(0.875, 12);
    expect(weighted([[0.5, 1, "", 0.3]])).toBeCloseTo(weightedAverage([0.5, 1, null, 0.3]) as number, 12);
    expect(weighted([[0.5], [1]], [["25%"], ["75%"]])).toBeCloseTo(0.875, 12);
  });

  it("no data is #N/A; bad weights are #VALUE! with the rule code; sizes must match", () => {
    expectError(weighted([[null], ["#N/A"]]), "#N/A", "No score");
    expectError(weighted([[0.5], [1]], [[1], ["heavy"]]), "#VALUE!", "E2: Weight is text 'heavy'");
    expectError(weighted([[0.5], [1]], [[1], [-1]]), "#VALUE!", "W3: Weight -1 is negative");
    expect(expectError(weighted([[0.5], [1], [1]], [[1], [3]]), "#VALUE!").message).toBe("Ranges have different sizes: 3×1 and 2×1");
  });
});

describe("GOAL.ROLLUP", () => {
  function column(v: unknown): unknown[] {
    const g = grid(v);
    g.forEach((row) => expect(row).toHaveLength(1));
    return g.map((r) => r[0]);
  }

  it("a parent with two children 0.5 and 1.0 weighted 1:3 rolls up to 0.875", () => {
    const out = column(rollup([["P"], ["A"], ["B"]], [[null], ["P"], ["P"]], [[null], [0.5], [1]], [[null], [1], [3]]));
    expect(out[0]).toBeCloseTo(0.875, 12);
    expect(out[1]).toBe(0.5);
    expect(out[2]).toBe(1);
  });

  it("a three-level cascade with shares, Worst and Own, by hand and against the core", () => {
    // CO ← D1 (Worst), D2 (Own, score 0.9); D1 ← K1 0.4, K2 0.8; D2 ← K3 0.1 (ignored: Own);
    // K4 is split 50/50 between D1 and CO (shares).
    const ids = [["CO"], ["D1"], ["D2"], ["K1"], ["K2"], ["K3"], ["K4"]];
    const parents = [[null], ["co"], ["CO"], ["D1"], ["D1"], ["D2"], ["D1=50%; CO=50%"]];
    const scores = [[null], [null], [0.9], [0.4], [0.8], [0.1], [0.6]];
    const weights = [[null], [2], [1], [null], [null], [null], [null]];
    const modes = [["Weighted"], ["Worst"], ["Own"], [null], [null], [null], [null]];
    const out = column(rollup(ids, parents, scores, weights, modes));
    // D1 = worst of 0.4, 0.8, 0.6 = 0.4; D2 = own 0.9; K's are their own scores.
    expect(out.slice(1)).toEqual([0.4, 0.9, 0.4, 0.8, 0.1, 0.6]);
    // CO: children D1 (w 2, share 1), D2 (w 1, share 1), K4 (w = mean of 2 and 1 = 1.5, share 0.5).
    const co = (2 * 0.4 + 1 * 0.9 + 1.5 * 0.5 * 0.6) / (2 + 1 + 0.75);
    expect(out[0]).toBeCloseTo(co, 12);

    const core = coreRollup([
      { key: "CO", parents: [], weight: null, mode: "Weighted", score: null },
      { key: "D1", parents: [{ key: "CO", share: null }], weight: 2, mode: "Worst", score: null },
      { key: "D2", parents: [{ key: "CO", share: null }], weight: 1, mode: "Own", score: 0.9 },
      { key: "K1", parents: [{ key: "D1", share: null }], weight: null, mode: "Weighted", score: 0.4 },
      { key: "K2", parents: [{ key: "D1", share: null }], weight: null, mode: "Weighted", score: 0.8 },
      { key: "K3", parents: [{ key: "D2", share: null }], weight: null, mode: "Weighted", score: 0.1 },
      {
        key: "K4",
        parents: [
          { key: "D1", share: 0.5 },
          { key: "CO", share: 0.5 },
        ],
        weight: null,
        mode: "Weighted",
        score: 0.6,
      },
    ]);
    core.rolledUp.forEach((r, i) => expect(out[i]).toBeCloseTo(r as number, 12));
  });

  it("no data is #N/A; cycles are R4; Sum, bad cells, negative weights and duplicate IDs are #VALUE!", () => {
    const out = column(
      rollup(
        [["P"], ["A"], ["X"], ["Y"], ["S"], ["W"], ["N"], ["D"], ["D"], ["E"]],
        [[null], ["P"], ["Y"], ["X"], [null], [null], [null], [null], [null], [null]],
        [[null], ["#N/A"], [0.5], [0.5], [0.5], [0.5], [0.5], [0.5], [0.5], ["high"]],
        [[null], [null], [null], [null], [null], ["#DIV/0!"], [-1], [null], [null], [null]],
        [[null], [null], [null], [null], ["Sum"], [null], [null], [null], [null], ["sideways"]],
      ),
    );
    expect(expectError(out[0], "#N/A").message).toBe("No actual value yet");
    expectError(out[1], "#N/A");
    expect(expectError(out[2], "#VALUE!").message).toBe("R4: Goal is on an alignment cycle X → Y → X; remove one of these Parent ID links");
    expectError(out[3], "#VALUE!", "R4: Goal is on an alignment cycle");
    expectError(out[4], "#VALUE!", "Rollup Sum adds up the children's Actuals");
    expectError(out[5], "#VALUE!", "E1: Weight holds the Excel error #DIV/0!");
    expectError(out[6], "#VALUE!", "W3: Weight -1 is negative");
    expectError(out[7], "#VALUE!", "D1: ID 'D' is used more than once (also row 9)");
    expectError(out[8], "#VALUE!", "D1: ID 'D' is used more than once (also row 8)");
    expectError(out[9], "#VALUE!", "E2: Score is text 'high'");
  });

  it("a blocked or cycling child counts as no data for its parent", () => {
    const out = column(rollup([["P"], ["A"], ["B"]], [[null], ["P"], ["P"]], [[0.3], [0.6], [0.9]], [[null], [null], [-2]]));
    expect(out[0]).toBe(0.6);
    const cyc = column(rollup([["P"], ["A"], ["B"]], [[null], ["P; B"], ["A"]], [[0.3], [0.6], [0.9]]));
    expect(cyc[0]).toBe(0.3);
  });

  it("statuses: a goal the task pane blocked has no Rolled Up and is no data for its parent", () => {
    // B's Score cell is blank (blocked), its children C and D have scores: without statuses it rolls up from them.
    const ids = [["P"], ["A"], ["B"], ["C"], ["D"]];
    const parents = [[null], ["P"], ["P"], ["B"], ["B"]];
    const scores = [[null], [0.4], [null], [0.8], [1]];
    const statuses = [["At risk"], ["At risk"], ["Blocked (E1)"], ["On track"], ["Achieved"]];
    const blind = column(rollup(ids, parents, scores));
    expect(blind[2]).toBeCloseTo(0.9, 12);
    expect(blind[0]).toBeCloseTo(0.65, 12);
    const out = column(rollup(ids, parents, scores, null as never, null as never, statuses));
    expect(out[0]).toBe(0.4);
    expectError(out[2], "#VALUE!", "Blocked (E1): the goal has a problem that stops it being scored");
    expect(out.slice(3)).toEqual([0.8, 1]);
    // The function's own reason comes first: a cycle member says R4, not only Blocked (R4).
    const cyc = column(rollup([["X"], ["Y"]], [["Y"], ["X"]], [[0.5], [0.5]], null as never, null as never, [["Blocked (R4)"], ["Blocked (R4)"]]));
    expectError(cyc[0], "#VALUE!", "R4: Goal is on an alignment cycle");
  });

  it("rolledUp: a Sum goal takes the task pane's Rolled Up and passes it on; blank is no data", () => {
    const ids = [["P"], ["S"], ["K"], ["T"]];
    const parents = [[null], ["P"], ["S"], ["P"]];
    const scores = [[null], [0.1], [0.2], [null]];
    const modes = [[null], ["sum"], [null], ["Sum"]];
    const rolled = [[0.55], [0.7], [0.2], [null]];
    const out = column(rollup(ids, parents, scores, null as never, modes, null as never, rolled));
    expect(out[1]).toBe(0.7);
    expectError(out[3], "#N/A");
    // P: the Weighted average of S (0.7) and T (no data).
    expect(out[0]).toBe(0.7);
    expect(out[2]).toBe(0.2);
    const bad = column(rollup([["S"]], [[null]], [[0.1]], null as never, [["Sum"]], null as never, [["lots"]]));
    expectError(bad[0], "#VALUE!", "E2: Score is text 'lots'");
  });

  it("ranges of different sizes give #VALUE! naming both sizes, as a 1×1 spill", () => {
    const out = grid(rollup([["P"], ["A"]], [[null], ["P"], [null]], [[1], [1]]));
    expect(out).toHaveLength(1);
    expect(expectError(out[0][0], "#VALUE!").message).toBe("Ranges have different sizes: 2×1 and 3×1");
  });
});

describe("GOAL.SCORECARD", () => {
  it("rows [group, score, weightTotal, completeness] in order of first appearance; only top goals with ids and parents", () => {
    // Ana: Objective O (0.5) with KR K (1.0) under it → only O counts.
    // Bo: two top goals 0.2 (w 60%) and blank score (w 40%) → score 0.2, completeness 0.6.
    // Cy (blank group): one goal 0.3 whose parent is Ana's O (other group) → top.
    const groups = [["Ana"], ["Bo"], ["Ana"], ["Bo"], [null]];
    const scores = [[0.5], [0.2], [1], [null], [0.3]];
    const weights = [[null], ["60%"], [null], [0.4], [null]];
    const ids = [["O"], ["B1"], ["K"], ["B2"], ["C1"]];
    const parents = [[null], [null], ["o"], [null], ["O"]];
    const out = grid(scorecard(groups, scores, weights, ids, parents));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual(["Ana", 0.5, 1, 1]);
    expect(out[1][0]).toBe("Bo");
    expect(out[1][1]).toBeCloseTo(0.2, 12);
    expect(out[1][2]).toBeCloseTo(1, 12);
    expect(out[1][3]).toBeCloseTo(0.6, 12);
    expect(out[2]).toEqual(["(blank)", 0.3, 1, 1]);

    const core = scorecards([
      { group: "Ana", score: 0.5, weight: null, top: true },
      { group: "Bo", score: 0.2, weight: 0.6, top: true },
      { group: "Ana", score: 1, weight: null, top: false },
      { group: "Bo", score: null, weight: 0.4, top: true },
      { group: "(blank)", score: 0.3, weight: null, top: true },
    ]);
    core.forEach((c, i) => {
      expect(out[i][0]).toBe(c.group);
      expect(out[i][1]).toBeCloseTo(c.score as number, 12);
      expect(out[i][2]).toBeCloseTo(c.weightTotal, 12);
      expect(out[i][3]).toBeCloseTo(c.completeness as number, 12);
    });
  });

  it("without ids and parents every goal counts; no data is #N/A", () => {
    const out = grid(scorecard([["Ana"], ["Ana"], ["Bo"]], [[0.5], [1], ["#N/A"]], [[1], [3], [1]]));
    expect(out[0][0]).toBe("Ana");
    expect(out[0][1]).toBeCloseTo(0.875, 12);
    expect(out[0][2]).toBe(4);
    expect(out[0][3]).toBe(1);
    expect(out[1][0]).toBe("Bo");
    expect(expectError(out[1][1], "#N/A").message).toBe("No score with data yet");
    expect(out[1][3]).toBe(0);
  });

  it("statuses: a row without a Status (an empty row of the table) is no goal and makes no group", () => {
    const groups = [["Ana"], [null], ["Bo"]];
    const scores = [[0.5], [null], [0.7]];
    const statuses = [["At risk"], [null], ["Blocked (E1)"]];
    expect(grid(scorecard(groups, scores)).map((r) => r[0])).toEqual(["Ana", "(blank)", "Bo"]);
    const out = grid(scorecard(groups, scores, null as never, null as never, null as never, statuses));
    expect(out.map((r) => r[0])).toEqual(["Ana", "Bo"]);
    // Top goals are found among the goals' rows: C's parent A is in its group.
    const top = grid(
      scorecard(
        [["Ana"], [null], ["Ana"]],
        [[0.5], [null], [1]],
        null as never,
        [["A"], [null], ["C"]],
        [[null], [null], ["A"]],
        [["On track"], [""], ["On track"]],
      ),
    );
    expect(top).toEqual([["Ana", 0.5, 1, 1]]);
    expectError(grid(scorecard([["Ana"]], [[1]], null as never, null as never, null as never, [[null]]))[0][0], "#N/A", "No goals yet");
  });

  it("groups spelled alike are one group, shown as first written; column names an enumeration", () => {
    const free = grid(scorecard([["ana"], [" Ana "], ["ANA"], ["Chen  Wei"], ["chen wei"]], [[0.2], [0.4], [0.6], [1], [0]]));
    expect(free.map((r) => r[0])).toEqual(["ana", "Chen  Wei"]);
    expect(free[0][1]).toBeCloseTo(0.4, 12);
    const levels = [["team"], ["Team"], [" TEAM"], ["dept"], ["Squad"], [null]];
    const scores = [[0.2], [0.4], [0.6], [1], [0.5], [0.1]];
    const asText = grid(scorecard(levels, scores));
    expect(asText.map((r) => r[0])).toEqual(["team", "dept", "Squad", "(blank)"]);
    const asLevel = grid(scorecard(levels, scores, null as never, null as never, null as never, null as never, "Level"));
    expect(asLevel.map((r) => r[0])).toEqual(["Team", "Department", "Squad", "(blank)"]);
    const dirs = grid(
      scorecard([["up"], ["Increase"], [">="], ["max"]], [[1], [1], [1], [1]], null as never, null as never, null as never, null as never, "direction"),
    );
    expect(dirs.map((r) => r[0])).toEqual(["Increase", "At least", "At most"]);
    // Any other column name: free text, so an owner called Max stays Max.
    const owners = grid(scorecard([["Max"], ["max"]], [[1], [1]], null as never, null as never, null as never, null as never, "Owner"));
    expect(owners.map((r) => r[0])).toEqual(["Max"]);
    expectError(
      grid(scorecard([["a"]], [[1]], null as never, null as never, null as never, null as never, "#REF!"))[0][0],
      "#VALUE!",
      "The column name holds the Excel error #REF!",
    );
  });

  it("ranges of different sizes, or ids without parents, give #VALUE!", () => {
    expect(expectError(grid(scorecard([["a"], ["b"]], [[1]]))[0][0], "#VALUE!").message).toBe("Ranges have different sizes: 2×1 and 1×1");
    expectError(grid(scorecard([["a"]], [[1]], null as never, [["G-1"]]))[0][0], "#VALUE!", "Give both ids and parents");
  });
});

describe("range work is linear", () => {
  it("rolls up a 20,000-goal chain and a wide tree quickly", () => {
    const n = 20000;
    const ids: unknown[][] = [];
    const parents: unknown[][] = [];
    const scores: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      ids.push([`G-${i}`]);
      parents.push([i === 0 ? null : i % 2 === 0 ? `G-${i - 1}` : "G-0"]);
      scores.push([i % 3 === 0 ? null : (i % 10) / 10]);
    }
    const t0 = Date.now();
    const out = grid(rollup(ids, parents, scores));
    const groups = ids.map((r, i) => [`O-${i % 50}`]);
    const cards = grid(scorecard(groups, scores, undefined, ids, parents));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(out).toHaveLength(n);
    expect(cards).toHaveLength(50);
    // Every row the same ID (D1 everywhere), and one long cycle (R4).
    const same = grid(
      rollup(
        ids.map(() => ["G-1"]),
        parents.map(() => [null]),
        scores,
      ),
    );
    expectError(same[n - 1][0], "#VALUE!", "D1: ID 'G-1' is used more than once (also row 1, row 2, row 3, row 4, row 5 …)");
    const ring = grid(
      rollup(
        ids,
        ids.map((_, i) => [`G-${(i + 1) % n}`]),
        scores,
      ),
    );
    expectError(ring[0][0], "#VALUE!", /^R4: Goal is on an alignment cycle (G-\d+) → (G-\d+ → ){9}… → \1; /);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe("cells as Excel hands them over", () => {
  it("reads data types through basicValue and error inputs as their code", () => {
    expect(progress({ type: "Double", basicValue: 50 }, { type: "String", basicValue: "100" })).toBe(0.5);
    expectError(progress({ code: "#DIV/0!" }, 100), "#VALUE!", "E1: Actual holds the Excel error #DIV/0!");
    expectError(progress({ type: "Error", basicValue: "#REF!", errorType: "Ref" }, 100), "#VALUE!", "E1: Actual holds the Excel error #REF!");
    expect(weighted([[{ type: "Double", basicValue: 0.5 }], [{ code: "#N/A" }], [1]])).toBeCloseTo(0.75, 12);
  });

  it("ragged and empty ranges are #VALUE!; a single value stands for a 1×1 range", () => {
    expectError(progress([[1, 2], [3]], 4), "#VALUE!", "A range is not rectangular");
    expectError(progress([], 4), "#VALUE!", "A range is empty");
    expect(weighted(0.4 as never)).toBe(0.4);
    expect(grid(progress([[2]], 4))).toEqual([[0.5]]);
  });
});
