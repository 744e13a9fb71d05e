/**
 * Arbitraries for the engine robustness properties (quality.md "Robustness"): nasty
 * cell values of every kind, plausible values per column, whole workbooks.
 */
import fc from "fast-check";
import { EvaluateOptions } from "../../../src/core/engine";
import { EXCEL_ERRORS } from "../../../src/core/cells";
import { COLUMN_KEYS, ColumnKey } from "../../../src/core/columns";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { GoalRecord, CheckInRecord } from "../../../src/core/tables";

// ---------------------------------------------------------------- nasty values

const excelError = fc.constantFrom(...EXCEL_ERRORS, "#n/a", " #REF! ", "#DIV/0", "#NULL");

export const nastyString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\u200B", "\u202E", "\uFEFF", " ", "\t", "\n", "%", "$", "=", ";", ",", "-", "1", "e", "."),
    maxLength: 30,
  }),
  fc.constantFrom(
    "",
    " ",
    "\u00a0",
    '=HYPERLINK("http://x","y")',
    "+1",
    "@SUM(A1)",
    "-",
    "%",
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "-Infinity",
    "1,234.5",
    "1,23,4",
    "(5)",
    "$-5",
    "-$5",
    "€ 12",
    "12 USD",
    "45%",
    "%45",
    "0x10",
    "1_000",
    "TRUE",
    "false",
    "yes",
    "not done",
    "0000-00-00",
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "2026-06-30T25:99",
    "\u2212 3",
    "Ⅻ",
    "١٢٣",
    "𝟙𝟚𝟛",
    "目標を達成する",
    "👩‍👩‍👧‍👦 grow revenue",
    "toString",
    "__proto__",
    "constructor",
  ),
  fc.nat({ max: 200_000 }).map((n) => "x".repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.double(),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.integer(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    1e308,
    -1e308,
    5e-324,
    -5e-324,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_VALUE,
    1.7976931348623157e308,
    60,
    61,
    2958465,
    2958466,
  ),
);

const nastyDate = fc.oneof(
  fc.date(),
  fc.constant(new Date(NaN)),
  fc.constantFrom(new Date(-8.64e15), new Date(8.64e15), new Date(0), new Date(-62198755200000)),
);

const hostile = fc.constantFrom<unknown>(
  Object.create(null),
  { toString: 1 },
  {
    toString: () => {
      throw new Error("boom");
    },
  },
  { valueOf: null, toString: null },
  { richText: [{ text: Object.create(null) }] },
  { richText: [{ text: { toString: 5 } }] },
  { richText: "nope" },
  { richText: [null, 1, { text: 2 }] },
  { result: Object.create(null) },
  { formula: "A1" },
  { sharedFormula: "A1", result: { error: "#N/A" } },
  { formula: "1/0", result: { error: "#DIV/0!" } },
  { error: 42 },
  { text: 42 },
  { hyperlink: "http://x", text: "link" },
  [],
  [1, 2],
  Symbol("s"),
  10n,
  () => 1,
  new Map([[1, 2]]),
  new Set([1]),
  /re/,
  new Number(5),
  new String("5"),
  new Boolean(false),
);

function exceljsLike(inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    inner.map((result) => ({ formula: "A1*2", result })),
    inner.map((result) => ({ sharedFormula: "B2", result })),
    fc.array(inner, { maxLength: 3 }).map((parts) => ({ richText: parts.map((text) => ({ text })) })),
    excelError.map((error) => ({ error })),
    inner.map((text) => ({ text, hyperlink: "https://example.com" })),
  );
}

const base: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 4, arbitrary: nastyNumber },
  { weight: 2, arbitrary: excelError },
  { weight: 2, arbitrary: nastyDate },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: hostile },
  {
    weight: 2,
    arbitrary: fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withObjectString: true,
      maxDepth: 2,
    }),
  },
);

export const nasty: fc.Arbitrary<unknown> = fc.oneof({ weight: 6, arbitrary: base }, { weight: 1, arbitrary: exceljsLike(base) });

// ------------------------------------------------------- plausible per column
// Mixed in so that goals actually get scored and rolled up (not only blocked).

const ID_POOL = ["G-1", "G-2", "G-3", "g-1", "G-4", "G-5", " G-2 ", "G-6"];
const id = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ID_POOL) }, { weight: 1, arbitrary: nasty });

const shareText = fc.constantFrom("", "=60%", "=40%", "=0.5", "=50", "=100%", "=abc", "=", "=-10%", "=1e400", "= 33.3 %", "=0", "=#N/A");
const parentText = fc
  .array(fc.tuple(fc.constantFrom(...ID_POOL, "G-99", "", "=", "x"), shareText), { minLength: 1, maxLength: 4 })
  .chain((parts) => fc.constantFrom(";", ",", "; ", " ,").map((sep) => parts.map(([p, s]) => `${p}${s}`).join(sep)));
const parent = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ID_POOL) },
  { weight: 3, arbitrary: parentText },
  { weight: 1, arbitrary: fc.constantFrom("G-1=60%; G-2=40%", "G-1=abc", "G-1; G-2", "G-1=60%; G-2") },
  { weight: 2, arbitrary: fc.constantFrom(null, "") },
  { weight: 1, arbitrary: nasty },
);

const smallNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 2, arbitrary: fc.double({ min: -100, max: 200, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom("45%", "1,234.5", "$100", "100 USD", "0", "-0") },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 1.7976931348623157e308, 5e-324, -5e-324, 1e-300, 9e15) },
);
const plausibleDate = fc.oneof(
  fc.integer({ min: 40000, max: 50000 }),
  fc.constantFrom("2026-01-01", "2026-06-30", "2026-12-31", "2025-07-01", "2027-03-31"),
  fc.date({ min: new Date("2024-01-01"), max: new Date("2028-01-01") }),
);

const PLAUSIBLE: Partial<Record<ColumnKey, fc.Arbitrary<unknown>>> = {
  title: fc.constantFrom("Grow revenue in the north", "Cut churn", "Ship the new portal by June", "x"),
  type: fc.constantFrom("Objective", "Key Result", "KPI", "kr", "Performance", "Development", "Idea"),
  level: fc.constantFrom("Company", "Department", "Team", "Individual", "dept", "Galaxy"),
  owner: fc.constantFrom("Ann", "Bob", "ann ", "Cy"),
  weight: fc.oneof(smallNumber, fc.constantFrom(0, -1, "40%", 1e308, 1.7976931348623157e308, 5e-324, "1e308")),
  unit: fc.constantFrom("USD", "%", "count", "days"),
  direction: fc.constantFrom("Increase", "Decrease", "At least", "At most", "Milestone", "up", "↓", ">=", "max", "binary", "sideways"),
  baseline: smallNumber,
  threshold: smallNumber,
  target: smallNumber,
  stretch: smallNumber,
  actual: fc.oneof(smallNumber, fc.boolean(), fc.constantFrom("done", "not done", "yes", "no", 1, 0)),
  start: plausibleDate,
  due: plausibleDate,
  cycle: fc.constantFrom("2026", "2026-H1", "2026-Q3", "2026-02", "2026-13", "FY26", "0000-Q1"),
  source: fc.constantFrom("CRM", "ERP"),
  rollup: fc.constantFrom("Weighted", "Worst", "Sum", "Own", "sum", "Average"),
  comment: fc.constantFrom("ok", "n/a"),
};

function field(key: ColumnKey): fc.Arbitrary<unknown> {
  if (key === "id") return id;
  if (key === "parent") return parent;
  const p = PLAUSIBLE[key];
  const opts: fc.Arbitrary<unknown>[] = [nasty, nasty];
  if (p) opts.push(p, p, p);
  return fc.oneof(...opts, fc.constant(undefined));
}

/** A row where every column may hold anything. */
const nastyRow = fc.record(Object.fromEntries(COLUMN_KEYS.map((k) => [k, field(k)])) as Record<ColumnKey, fc.Arbitrary<unknown>>, {
  requiredKeys: ["id", "parent"],
});

/** A mostly sensible row (so it is scored and rolled up) with a few columns replaced by nasty values. */
const cleanRow = fc
  .tuple(
    fc.record(
      Object.fromEntries(
        COLUMN_KEYS.map((k) => [k, k === "id" ? fc.constantFrom(...ID_POOL) : k === "parent" ? parent : (PLAUSIBLE[k] as fc.Arbitrary<unknown>)]),
      ) as Record<ColumnKey, fc.Arbitrary<unknown>>,
      { requiredKeys: ["id", "title", "owner", "target", "due"] },
    ),
    fc.array(fc.tuple(fc.constantFrom(...COLUMN_KEYS), nasty), { maxLength: 2 }),
  )
  .map(([values, bad]) => {
    const v: Partial<Record<ColumnKey, unknown>> = { ...values };
    for (const [k, x] of bad) v[k] = x;
    return v;
  });

/** A well-defined, scorable goal (Increase/Decrease/Milestone …) with at most one nasty column. */
const goodRow = fc
  .tuple(
    fc.record({
      title: fc.constantFrom("Grow revenue in the north", "Cut churn in the south", "Ship the new portal by June"),
      owner: fc.constantFrom("Ann", "Bob"),
      level: fc.constantFrom("Company", "Department", "Team", "Individual", undefined),
      unit: fc.constantFrom("USD", "count"),
      source: fc.constant("CRM"),
      start: fc.constantFrom("2026-01-01", undefined),
      due: fc.constantFrom("2026-12-31", "2026-03-31"),
      cycle: fc.constantFrom("2026", undefined),
      parent,
      weight: fc.oneof(fc.constantFrom(undefined, null, 0, 1, 2, 0.4, "60%", 1e308, 1.7976931348623157e308, 5e-324, 1e300), fc.integer({ min: 0, max: 100 })),
      rollup: fc.constantFrom(undefined, "Weighted", "Worst", "Sum", "Own"),
      b: fc.integer({ min: 0, max: 50 }),
      span: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(1e308, 5e-324)),
      kind: fc.constantFrom("up", "down", "atleast", "atmost", "milestone"),
      actual: fc.oneof(fc.constant(undefined), fc.integer({ min: -10, max: 200 }), fc.constantFrom(1e308, -1e308, 1.7976931348623157e308)),
      tier: fc.boolean(),
    }),
    fc.array(fc.tuple(fc.constantFrom(...COLUMN_KEYS), nasty), { maxLength: 1 }),
  )
  .map(([r, bad]) => {
    const { b, span, kind, tier, actual, ...rest } = r;
    const v: Partial<Record<ColumnKey, unknown>> = { ...rest, actual };
    if (kind === "up") Object.assign(v, { direction: "Increase", baseline: b, target: b + span, ...(tier ? { threshold: b, stretch: b + 2 * span } : {}) });
    else if (kind === "down")
      Object.assign(v, { direction: "Decrease", baseline: b + span, target: b, ...(tier ? { threshold: b + span, stretch: b - span } : {}) });
    else if (kind === "atleast") Object.assign(v, { direction: "At least", target: b });
    else if (kind === "atmost") Object.assign(v, { direction: "At most", target: b });
    else Object.assign(v, { direction: "Milestone", actual: typeof actual === "number" && actual > 100 ? true : actual });
    for (const [k, x] of bad) v[k] = x;
    return v;
  });

type Row = { values: Partial<Record<ColumnKey, unknown>>; good: boolean };
const goalRow: fc.Arbitrary<Row> = fc.oneof(
  nastyRow.map((values) => ({ values, good: false })),
  cleanRow.map((values) => ({ values, good: false })),
  { weight: 5, arbitrary: goodRow.map((values) => ({ values, good: true })) },
);

/** Goals; in most workbooks the good rows get distinct IDs G-1, G-2 … so that they are not D1 duplicates. */
const goalRows: fc.Arbitrary<GoalRecord[]> = fc
  .tuple(fc.array(goalRow, { maxLength: 12 }), fc.oneof(fc.constant(true), fc.constant(true), fc.constant(true), fc.constant(false)), fc.boolean())
  .map(([rows, renumber, keepSome]) =>
    rows.map((r, i) => ({
      values: renumber && r.good && !(keepSome && i % 4 === 3) ? { ...r.values, id: `G-${i + 1}` } : r.values,
    })),
  );

const checkInRow: fc.Arbitrary<CheckInRecord> = fc
  .record(
    {
      goalId: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ID_POOL) }, { weight: 1, arbitrary: nasty }),
      date: fc.oneof(plausibleDate, nasty),
      value: fc.oneof(smallNumber, fc.boolean(), nasty),
      confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), nasty),
      comment: fc.oneof(fc.constant("fine"), nasty),
    },
    { requiredKeys: [] },
  )
  .map((values) => ({ values }));

export const options: fc.Arbitrary<EvaluateOptions> = fc.record(
  {
    asOf: fc.oneof(fc.integer({ min: 19000, max: 21500 }), fc.constantFrom(20634)),
    settings: fc.constantFrom(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, progressCap: 1.5 }, { ...DEFAULT_SETTINGS, staleDays: 0, onTrackGap: 0, atRiskGap: 0 }),
    groupBy: fc.constantFrom<ColumnKey>("owner", "title", "level", "cycle", "weight"),
    missing: fc.constantFrom("exclude" as const, "zero" as const),
    reviewCycle: fc.oneof(fc.constantFrom("2026-H1", "2026", "FY26", null), nastyString),
  },
  { requiredKeys: ["asOf", "settings"] },
);

export const workbook = fc.record({
  goals: goalRows,
  checkIns: fc.array(checkInRow, { maxLength: 10 }),
  dateSystem: fc.constantFrom<1900 | 1904 | undefined>(1900, 1904, undefined),
});
