import fc from "fast-check";
import {
  BLANK,
  CellRead,
  displayText,
  EXCEL_ERRORS,
  excelError,
  isBlank,
  parseNumberText,
  readActual,
  readBoolean,
  readDate,
  readEnum,
  readNumber,
  readText,
  unwrap,
} from "../../src/core/cells";
import { DIRECTIONS, ENUM_SYNONYMS, EnumField, GOAL_TYPES, LEVELS, ROLLUP_MODES } from "../../src/core/columns";
import { Day, dayFromIso } from "../../src/core/dates";

/** The day of an ISO date, for expectations. */
function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

function value<T>(v: T): CellRead<T> {
  return { kind: "value", value: v };
}

function invalid(code: "E1" | "E2" | "E3" | "E4", text: string): CellRead<never> {
  return { kind: "invalid", code, text };
}

/** Every reader, each as `raw → CellRead`. */
const READERS: [string, (raw: unknown) => CellRead<unknown>][] = [
  ["readText", (v) => readText(v)],
  ["readNumber", (v) => readNumber(v)],
  ["readDate 1900", (v) => readDate(v)],
  ["readDate 1904", (v) => readDate(v, 1904)],
  ["readBoolean", (v) => readBoolean(v)],
  ["readBoolean milestone", (v) => readBoolean(v, true)],
  ["readActual", (v) => readActual(v)],
  ["readEnum type", (v) => readEnum("type", v)],
  ["readEnum level", (v) => readEnum("level", v)],
  ["readEnum direction", (v) => readEnum("direction", v)],
  ["readEnum rollup", (v) => readEnum("rollup", v)],
];

const SPEC_ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#GETTING_DATA",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
];

describe("blanks", () => {
  const blanks: unknown[] = ["", null, undefined, " ", "   ", "\t", "\n", " \r\n\t ", "\u00a0", "\u3000", { formula: "A1" }, { richText: [] }];
  it.each(READERS)("%s reads every blank as blank", (_name, read) => {
    for (const b of blanks) expect(read(b)).toEqual(BLANK);
  });

  it("isBlank agrees", () => {
    for (const b of blanks) expect(isBlank(b)).toBe(true);
    for (const v of [0, false, "0", "x", " x ", new Date(0), "#N/A"]) expect(isBlank(v)).toBe(false);
  });
});

describe("Excel errors", () => {
  it("EXCEL_ERRORS is exactly model.md's list", () => {
    expect([...EXCEL_ERRORS]).toEqual(SPEC_ERRORS);
  });

  const errorCases = SPEC_ERRORS.flatMap((e) => [
    [e, e],
    [` ${e.toLowerCase()} `, e],
    [{ error: e }, e],
    [{ formula: "A1/0", result: { error: e } }, e],
  ]) as [unknown, string][];

  it.each(READERS)("%s reads every error value as E1 naming the error", (_name, read) => {
    for (const [raw, code] of errorCases) expect(read(raw)).toEqual(invalid("E1", code));
  });

  it("excelError names the error and nothing else", () => {
    expect(excelError("#div/0!")).toBe("#DIV/0!");
    expect(excelError({ error: "#REF!" })).toBe("#REF!");
    for (const v of ["#", "#N/A!", "N/A", "#NOPE!", "#N/A x", 0, null, true]) expect(excelError(v)).toBeNull();
  });

  it("text that only looks like an error is not one", () => {
    expect(readText("#N/A x")).toEqual(value("#N/A x"));
    expect(readText("#hashtag")).toEqual(value("#hashtag"));
    expect(readNumber("#5")).toEqual(invalid("E2", "#5"));
  });
});

describe("readText", () => {
  it.each([
    ["  Grow revenue  ", "Grow revenue"],
    ["e\u0301t\u00e9", "\u00e9t\u00e9"], // NFC
    [42, "42"],
    [-0, "0"],
    [0.5, "0.5"],
    [true, "TRUE"],
    [false, "FALSE"],
    ['=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
    ["+1", "+1"],
  ] as [unknown, string][])("%p → %p", (raw, text) => {
    expect(readText(raw)).toEqual(value(text));
  });
});

describe("readNumber", () => {
  it.each([
    [42, 42],
    [-3.25, -3.25],
    [0, 0],
    [1e300, 1e300],
    ["42", 42],
    [" 7 ", 7],
    ["-3", -3],
    ["+5", 5],
    ["\u22123", -3], // Unicode minus sign
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["-1,234", -1234],
    ["0.5", 0.5],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["2.5E-2", 0.025],
    ["45%", 0.45],
    ["45 %", 0.45],
    ["100%", 1],
    ["-5%", -0.05],
    ["1,234.5%", 12.345],
    ["$ 1,200", 1200],
    ["$1,200.50", 1200.5],
    ["€5", 5],
    ["£ 3.50", 3.5],
    ["¥1000", 1000],
    ["-$5", -5],
    ["100 USD", 100],
    ["100 usd", 100],
    ["100USD", 100],
    ["12.5 EUR", 12.5],
    ["(1,200)", -1200],
    ["1\u00a0USD", 1],
  ] as [unknown, number][])("%p → %p", (raw, n) => {
    const r = readNumber(raw);
    expect(r.kind).toBe("value");
    if (r.kind === "value") expect(r.value).toBeCloseTo(n, 12);
  });

  it("-0 becomes 0 (from a number or from text)", () => {
    for (const raw of [-0, "-0", "-0.0", "-0%"]) {
      const r = readNumber(raw);
      expect(r.kind === "value" && Object.is(r.value, 0)).toBe(true);
    }
  });

  it.each([
    ["abc", "abc"],
    [" abc ", "abc"],
    ["12 apples", "12 apples"],
    ["1.2.3", "1.2.3"],
    ["1,23", "1,23"],
    ["12,34,567", "12,34,567"],
    ["1 000", "1 000"],
    ["%", "%"],
    ["$", "$"],
    ["--5", "--5"],
    ["5-", "5-"],
    ["0x10", "0x10"],
    ["Infinity", "Infinity"],
    ["NaN", "NaN"],
    ["1e400", "1e400"],
    ["TBD", "TBD"],
    ["100 ABC", "100 ABC"],
    ["100 TBD", "100 TBD"],
    ["2026-03-15", "2026-03-15"],
  ])("text %p is E2 naming %p", (raw, text) => {
    expect(readNumber(raw)).toEqual(invalid("E2", text));
  });

  it.each([
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    [true, "TRUE"],
    [false, "FALSE"],
  ] as [unknown, string][])("%p is E2", (raw, text) => {
    expect(readNumber(raw)).toEqual(invalid("E2", text));
  });

  it("a Date is not a number (E2)", () => {
    const r = readNumber(new Date(Date.UTC(2026, 0, 1)));
    expect(r.kind === "invalid" && r.code).toBe("E2");
  });

  it("parseNumberText agrees with readNumber on text", () => {
    expect(parseNumberText("45%")).toBe(0.45);
    expect(parseNumberText("$ 1,200")).toBe(1200);
    expect(parseNumberText("nope")).toBeNull();
  });
});

describe("readDate", () => {
  it.each([
    [1, "1900-01-01"],
    [2, "1900-01-02"],
    [31, "1900-01-31"],
    [32, "1900-02-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [367, "1901-01-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45000, "2023-03-15"],
    [45000.99, "2023-03-15"],
    [45000.5, "2023-03-15"],
    [45351, "2024-02-29"],
    [46096, "2026-03-15"],
    [2958465, "9999-12-31"],
  ])("1900 serial %p → %s", (serial, iso) => {
    expect(readDate(serial)).toEqual(value(day(iso)));
    expect(readDate(serial, 1900)).toEqual(value(day(iso)));
  });

  it("serial 60, Excel's fictitious 1900-02-29, is no day: E3", () => {
    expect(readDate(60)).toEqual(invalid("E3", "60"));
    expect(readDate(60.5)).toEqual(invalid("E3", "60.5"));
  });

  it.each([0, 0.5, -1, -45000, 2958466, 1e12])("1900 serial %p is out of range: E3", (serial) => {
    expect(readDate(serial)).toEqual(invalid("E3", String(serial)));
  });

  it.each([NaN, Infinity, -Infinity])("%p is not a date: E3", (serial) => {
    expect(readDate(serial)).toEqual(invalid("E3", String(serial)));
  });

  it.each([
    [0, "1904-01-01"],
    [1, "1904-01-02"],
    [59, "1904-02-29"],
    [60, "1904-03-01"],
    [43538, "2023-03-15"],
    [43538.75, "2023-03-15"],
  ])("1904 serial %p → %s", (serial, iso) => {
    expect(readDate(serial, 1904)).toEqual(value(day(iso)));
  });

  it("1904 serial X is 1900 serial X + 1462", () => {
    for (const x of [0, 1, 58, 59, 60, 61, 1000, 43538, 2958465 - 1462]) {
      expect(readDate(x, 1904)).toEqual(readDate(x + 1462, 1900));
    }
  });

  it("1904 serials before 1904-01-01 or after 9999-12-31 are E3", () => {
    expect(readDate(-1, 1904)).toEqual(invalid("E3", "-1"));
    expect(readDate(2958465 - 1462 + 1, 1904).kind).toBe("invalid");
  });

  it.each([
    ["2026-03-15", "2026-03-15"],
    [" 2026-03-15 ", "2026-03-15"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2026-12-31", "2026-12-31"],
    ["2026-03-15T10:20:30Z", "2026-03-15"],
    ["2026-03-15T23:59:59.999+05:00", "2026-03-15"],
    ["2026-03-15 08:00", "2026-03-15"],
    ["0099-06-01", "0099-06-01"],
    [{ formula: "TODAY()", result: new Date(Date.UTC(2026, 2, 15)) }, "2026-03-15"],
  ] as [unknown, string][])("ISO %p → %s", (raw, iso) => {
    expect(readDate(raw)).toEqual(value(day(iso)));
  });

  it("ISO years 0..99 are not shifted to 1900..1999", () => {
    const r = readDate("0099-06-01");
    expect(r.kind === "value" && new Date(r.value * 86_400_000).getUTCFullYear()).toBe(99);
  });

  it.each([
    "2026-02-30",
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-32",
    "26-03-15",
    "2026-3-15",
    "15/03/2026",
    "03/15/2026",
    "March 15, 2026",
    "2026/03/15",
    "20260315",
    "2026-03-15x",
    "next Friday",
    "45000",
    "TRUE",
  ])("%p is E3 naming the text", (text) => {
    expect(readDate(text)).toEqual(invalid("E3", text));
  });

  it("a Date is its UTC calendar day, the time dropped", () => {
    expect(readDate(new Date(Date.UTC(2026, 2, 15)))).toEqual(value(day("2026-03-15")));
    expect(readDate(new Date(Date.UTC(2026, 2, 15, 23, 59, 59, 999)))).toEqual(value(day("2026-03-15")));
    expect(readDate(new Date(Date.UTC(2026, 2, 16, 0, 0, 0, 0)))).toEqual(value(day("2026-03-16")));
    expect(readDate(new Date(Date.UTC(1969, 11, 31, 12)))).toEqual(value(day("1969-12-31")));
    expect(readDate(new Date(Date.UTC(1900, 0, 1, 6)), 1904)).toEqual(value(day("1900-01-01")));
  });

  it("an invalid Date is E3", () => {
    expect(readDate(new Date(NaN))).toEqual(invalid("E3", "Invalid Date"));
  });

  it.each([true, false])("boolean %p is E3", (b) => {
    expect(readDate(b)).toEqual(invalid("E3", b ? "TRUE" : "FALSE"));
  });
});

describe("readBoolean", () => {
  it.each([
    [true, true],
    [false, false],
    ["TRUE", true],
    ["true", true],
    [" True ", true],
    ["FALSE", false],
    ["false", false],
    [{ formula: "1=1", result: true }, true],
  ] as [unknown, boolean][])("%p → %p, milestone or not", (raw, b) => {
    expect(readBoolean(raw)).toEqual(value(b));
    expect(readBoolean(raw, true)).toEqual(value(b));
  });

  it.each([
    ["yes", true],
    ["YES", true],
    ["Yes", true],
    ["done", true],
    ["Done", true],
    ["1", true],
    [1, true],
    ["no", false],
    ["NO", false],
    ["not done", false],
    ["Not Done", false],
    ["not   done", false],
    [" NOT DONE ", false],
    ["0", false],
    [0, false],
  ] as [unknown, boolean][])("milestone %p → %p; not a boolean otherwise (E2)", (raw, b) => {
    expect(readBoolean(raw, true)).toEqual(value(b));
    const plain = readBoolean(raw);
    expect(plain.kind === "invalid" && plain.code).toBe("E2");
  });

  it.each([
    ["maybe", "maybe"],
    ["y", "y"],
    ["notdone", "notdone"],
    ["2", "2"],
    [2, "2"],
    [0.5, "0.5"],
    [-1, "-1"],
  ] as [unknown, string][])("%p is E2 even for milestones", (raw, text) => {
    expect(readBoolean(raw, true)).toEqual(invalid("E2", text));
  });
});

describe("readActual", () => {
  it.each([
    [5, 5],
    [0, 0],
    ["45%", 0.45],
    ["1,234.5", 1234.5],
    ["$ 1,200", 1200],
    ["1", 1],
    ["0", 0],
    [1, 1],
    [true, true],
    [false, false],
    ["TRUE", true],
    ["false", false],
    ["yes", true],
    ["No", false],
    ["done", true],
    ["not done", false],
    [{ formula: "B2*2", result: 10 }, 10],
  ] as [unknown, number | boolean][])("%p → %p", (raw, v) => {
    expect(readActual(raw)).toEqual(value(v));
  });

  it("1 and 0 stay numbers (an Actual of 1 is a number unless the goal is a milestone)", () => {
    expect(readActual(1)).toEqual(value(1));
    expect(readActual("0")).toEqual(value(0));
  });

  it.each([
    ["abc", invalid("E2", "abc")],
    ["maybe", invalid("E2", "maybe")],
    [NaN, invalid("E2", "NaN")],
    ["#N/A", invalid("E1", "#N/A")],
    ["", BLANK],
    [null, BLANK],
  ] as [unknown, CellRead<unknown>][])("%p → %p", (raw, expected) => {
    expect(readActual(raw)).toEqual(expected);
  });
});

describe("readEnum", () => {
  const tables: [EnumField, Record<string, readonly string[]>, readonly string[]][] = [
    ["type", ENUM_SYNONYMS.type, GOAL_TYPES],
    ["level", ENUM_SYNONYMS.level, LEVELS],
    ["direction", ENUM_SYNONYMS.direction, DIRECTIONS],
    ["rollup", ENUM_SYNONYMS.rollup, ROLLUP_MODES],
  ];
  const cases = tables.flatMap(([field, table, canonicals]) => canonicals.flatMap((c) => [c, ...table[c]].map((s) => [field, s, c] as const)));

  it("every canonical value has a synonym list", () => {
    for (const [, table, canonicals] of tables) expect(Object.keys(table).sort()).toEqual([...canonicals].sort());
  });

  it("the direction synonyms include model.md's", () => {
    const spec: Record<string, string[]> = {
      Increase: ["up", "higher is better", "increase", "↑"],
      Decrease: ["down", "lower is better", "reduce", "decrease", "↓"],
      "At least": ["maintain above", "≥", ">=", "min"],
      "At most": ["maintain below", "≤", "<=", "max"],
      Milestone: ["binary", "done", "yes/no"],
    };
    for (const [canonical, syns] of Object.entries(spec)) {
      for (const s of syns) expect(readEnum("direction", s)).toEqual(value(canonical));
    }
  });

  it.each(cases)("%s: %p → %p", (field, s, canonical) => {
    expect(readEnum(field, s)).toEqual(value(canonical));
    expect(readEnum(field, s.toUpperCase())).toEqual(value(canonical));
    expect(readEnum(field, s.toLowerCase())).toEqual(value(canonical));
    expect(readEnum(field, `  ${s}  `)).toEqual(value(canonical));
  });

  it.each([
    ["type", "Key_Result", "Key Result"],
    ["type", "key-result", "Key Result"],
    ["direction", "AT  LEAST", "At least"],
    ["direction", "Higher_is_better", "Increase"],
    ["rollup", { formula: '"Sum"', result: "Sum" }, "Sum"],
    ["level", { richText: [{ text: "Te" }, { text: "am" }] }, "Team"],
  ] as [EnumField, unknown, string][])("%s: %p → %p", (field, raw, canonical) => {
    expect(readEnum(field, raw)).toEqual(value(canonical));
  });

  it.each([
    ["type", "Goal", "Goal"],
    ["type", " Stretch ", "Stretch"],
    ["level", "Division", "Division"],
    ["level", "Objective", "Objective"],
    ["direction", "sideways", "sideways"],
    ["direction", "Weighted", "Weighted"],
    ["rollup", "Average", "Average"],
    ["rollup", 5, "5"],
    ["type", true, "TRUE"],
  ] as [EnumField, unknown, string][])("%s: unknown %p is E4 naming %p", (field, raw, text) => {
    expect(readEnum(field, raw)).toEqual(invalid("E4", text));
  });
});

describe("exceljs shapes", () => {
  it("unwrap gives formula results, rich text, error codes and hyperlink text", () => {
    expect(unwrap({ formula: "1+1", result: 2 })).toBe(2);
    expect(unwrap({ sharedFormula: "A2", result: "x" })).toBe("x");
    expect(unwrap({ formula: "A1" })).toBeUndefined();
    expect(unwrap({ richText: [{ text: "Grow " }, { font: { bold: true }, text: "revenue" }] })).toBe("Grow revenue");
    expect(unwrap({ error: "#N/A" })).toBe("#N/A");
    expect(unwrap({ text: "Plan", hyperlink: "http://x" })).toBe("Plan");
    const d = new Date(Date.UTC(2026, 0, 1));
    expect(unwrap(d)).toBe(d);
    for (const v of [1, "a", true, null, undefined]) expect(unwrap(v)).toBe(v);
  });

  it("readers see through exceljs objects", () => {
    expect(readNumber({ formula: "A1*2", result: 84 })).toEqual(value(84));
    expect(readNumber({ formula: "A1", result: "45%" })).toEqual(value(0.45));
    expect(readNumber({ formula: "A1" })).toEqual(BLANK);
    expect(readText({ richText: [{ text: " Grow " }, { text: "revenue " }] })).toEqual(value("Grow revenue"));
    expect(readText({ text: "Plan", hyperlink: "http://x" })).toEqual(value("Plan"));
    expect(readNumber({ text: "1,200", hyperlink: "http://x" })).toEqual(value(1200));
    expect(readDate({ formula: "A1+1", result: 45000 })).toEqual(value(day("2023-03-15")));
    expect(readDate({ richText: [{ text: "2026-03-15" }] })).toEqual(value(day("2026-03-15")));
    expect(readText({ error: "#N/A" })).toEqual(invalid("E1", "#N/A"));
    expect(readNumber({ formula: "1/0", result: { error: "#DIV/0!" } })).toEqual(invalid("E1", "#DIV/0!"));
  });

  // exceljs hands a hyperlink cell whose text is formatted as `{ text: { richText: [...] }, hyperlink }`
  // (exceljs issues #1988 and #2979: CellHyperlinkValue.text is not always a string).
  it("a hyperlink whose text is rich text reads as its plain text", () => {
    const cell = { text: { richText: [{ font: { underline: true }, text: "Grow revenue" }] }, hyperlink: "http://x" };
    expect(unwrap(cell)).toBe("Grow revenue");
    expect(readText(cell)).toEqual(value("Grow revenue"));
    expect(displayText(cell)).toBe("Grow revenue");
  });

  it("displayText shows values as a person would see them", () => {
    expect(displayText(null)).toBe("");
    expect(displayText(undefined)).toBe("");
    expect(displayText(-0)).toBe("0");
    expect(displayText(1.5)).toBe("1.5");
    expect(displayText(true)).toBe("TRUE");
    expect(displayText(new Date(Date.UTC(2026, 0, 2)))).toBe("2026-01-02T00:00:00.000Z");
    expect(displayText(new Date(NaN))).toBe("Invalid Date");
    expect(displayText({ formula: "1+1", result: 2 })).toBe("2");
    expect(displayText({ error: "#REF!" })).toBe("#REF!");
  });
});

describe("properties", () => {
  const KINDS = ["blank", "value", "invalid"];
  const CODES = ["E1", "E2", "E3", "E4"];

  function wellFormed(r: CellRead<unknown>): void {
    expect(KINDS).toContain(r.kind);
    if (r.kind === "invalid") {
      expect(CODES).toContain(r.code);
      expect(typeof r.text).toBe("string");
    }
  }

  const anyCell = fc.oneof(
    fc.anything(),
    fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withBigInt: true,
      withNullPrototype: true,
    }),
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.double(),
    fc.integer(),
    fc.date({ noInvalidDate: false }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom(...SPEC_ERRORS, "-0", "1e400", "$", "%", "(", "()", "2026-02-30", "not done"),
    fc.record({ formula: fc.string(), result: fc.anything() }),
    fc.record({ richText: fc.array(fc.record({ text: fc.string() })) }),
    fc.record({ error: fc.string() }),
    fc.record({ text: fc.string(), hyperlink: fc.string() }),
  );

  it("every reader takes any value without throwing and returns blank, value or invalid", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        for (const [, read] of READERS) wellFormed(read(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it("every reader takes huge strings", () => {
    const huge = ["9".repeat(1_000_000), "1,".repeat(300_000) + "0", " ".repeat(500_000), "2026-01-01" + "x".repeat(200_000), "$".repeat(100_000) + "5"];
    for (const s of huge) for (const [, read] of READERS) wellFormed(read(s));
    fc.assert(
      fc.property(fc.string({ minLength: 5_000, maxLength: 20_000 }), (s) => {
        for (const [, read] of READERS) wellFormed(read(s));
      }),
      { numRuns: 20 },
    );
  });

  it("readNumber(String(n)) gives n back for every finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = readNumber(String(n));
        expect(r).toEqual(value(n === 0 ? 0 : n));
        expect(r.kind === "value" && Object.is(r.value, -0)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("readNumber of a finite number is that number (and -0 is 0)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = readNumber(n);
        expect(r.kind === "value" && Object.is(r.value, n === 0 ? 0 : n)).toBe(true);
      }),
    );
  });

  it("readText of a non-blank string is its trimmed NFC form", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const r = readText(s);
        if (s.trim() === "") expect(r).toEqual(BLANK);
        else if (excelError(s) !== null) expect(r.kind === "invalid" && r.code).toBe("E1");
        else expect(r).toEqual(value(s.trim().normalize("NFC")));
      }),
    );
  });
});

// The reader's contract is "it never throws". These objects cannot come from Office.js or
// exceljs, but nothing stops a caller from handing them over.
describe("hostile objects", () => {
  const cyclic: Record<string, unknown> = { formula: "A1" };
  cyclic.result = cyclic;
  const hostile: [string, unknown][] = [
    ["rich text whose run text cannot be converted to a string", { richText: [{ text: Object.create(null) }] }],
    [
      "rich text whose run text throws in toString",
      {
        richText: [
          {
            text: {
              toString: () => {
                throw new Error("no");
              },
            },
          },
        ],
      },
    ],
    ["a formula whose result is itself", cyclic],
  ];

  it.each(hostile)("every reader survives %s", (_name, raw) => {
    for (const [, read] of READERS) wellFormedNoThrow(() => read(raw));
  });

  function wellFormedNoThrow(f: () => CellRead<unknown>): void {
    let r: CellRead<unknown> | undefined;
    expect(() => {
      r = f();
    }).not.toThrow();
    expect(["blank", "value", "invalid"]).toContain(r?.kind);
  }
});
