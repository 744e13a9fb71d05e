/**
 * The reading path's allocation-free fast paths (docs/performance.md) give exactly
 * what the general paths give: the readers' values without a CellRead, `YYYY-MM-DD`
 * read by its characters, days worked out without a Date, IDs kept when upper-case
 * already, and rows read through shared scratch space one after another.
 */
import fc from "fast-check";
import {
  CellRead,
  actualValue,
  dateValue,
  isPlainCell,
  normalizeText,
  numberValue,
  parseNumberText,
  readActual,
  readDate,
  readEnum,
  readNumber,
  readText,
  textValue,
} from "../../src/core/cells";
import { COLUMN_KEYS, ColumnKey, INPUT_COLUMNS } from "../../src/core/columns";
import { DateSystem, Day, cycleWindow, dayFromIso, dayFromParts } from "../../src/core/dates";
import { CellReader, Goal, InvalidField, emptyCheckInFields, idKey, parseParents } from "../../src/core/model";
import { checkInRecords, checkInTable, goalRecord, goalRecords, workbookFromRecords, workbookInputFromTables } from "../../src/core/tables";

/** The day as the engine worked it out before (through a Date), for years of any size. */
function dayFromPartsByDate(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / 86_400_000);
}

/** ISO text as the engine read it before: by the pattern alone. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function dayFromIsoByPattern(text: string): Day | null {
  const m = ISO.exec(text.trim());
  return m ? dayFromPartsByDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const TRICKY_DATES = [
  "2026-03-31",
  "2026-02-30",
  "2026-02-29",
  "2024-02-29",
  "2000-02-29",
  "1900-02-29",
  "0000-02-29",
  "0100-02-29",
  "0000-01-01",
  "0001-01-01",
  "0099-12-31",
  "9999-12-31",
  "2026-3-31",
  "2026-03-1",
  "2026-13-01",
  "2026-00-10",
  "2026-04-31",
  "2026-04-00",
  "2026/03/31",
  "2026-03-31T10:00",
  "2026-03-31 10:00:00Z",
  "2026-03-31T10:00:00.5+01:00",
  " 2026-03-31",
  "2026-03-31 ",
  "\t2026-03-31",
  "2026-03-3a",
  "2026-0:-01",
  "202:-01-01",
  "2026-01-/1",
  "2O26-03-31",
  "2026-03-31x",
  "+2026-03-31",
  "-002026-03-31",
  "２０２６-03-31",
  "2026-٠3-31",
  "2026-03-31\u00a0",
  "",
  "31/03/2026",
];

/** Text of the shape `DDDD-DD-DD` from any characters that matter: digits, dashes, letters, spaces. */
const isoLike = fc
  .tuple(
    fc.string({ unit: fc.constantFrom("0", "1", "2", "9", "-", "a", " ", "/"), minLength: 4, maxLength: 4 }),
    fc.constantFrom("-", "/", "0"),
    fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "9", "-", ":"), minLength: 2, maxLength: 2 }),
    fc.constantFrom("-", " "),
    fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "9", "-", "x"), minLength: 2, maxLength: 2 }),
  )
  .map((parts) => parts.join(""));

const isoDigits = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

describe("days without a Date", () => {
  it("dayFromParts gives what the Date gives, for every day of years around the edges", () => {
    for (const year of [0, 1, 4, 99, 100, 400, 1582, 1899, 1900, 1904, 1969, 1970, 2000, 2024, 2026, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++)
          expect([year, month, day, dayFromParts(year, month, day)]).toEqual([year, month, day, dayFromPartsByDate(year, month, day)]);
      }
    }
  });

  it("dayFromParts gives what the Date gives, for any numbers", () => {
    const part = fc.oneof(fc.integer({ min: -20, max: 40 }), fc.constantFrom(1.5, NaN, Infinity, -0));
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -300_000, max: 300_000 }), fc.integer({ min: -1, max: 10_001 }), fc.constantFrom(0.5, NaN, -0)),
        part,
        part,
        (y, m, d) => {
          expect(dayFromParts(y, m, d)).toEqual(dayFromPartsByDate(y, m, d));
        },
      ),
    );
  });

  it("cycle windows are unchanged", () => {
    for (const label of ["2026", "2026-H1", "2026-Q4", "2026-02", "0000-02", "2024-Q1", "9999", "2026-13"]) {
      const w = cycleWindow(label);
      expect(w === null ? null : [w.start, w.end]).toEqual(label === "2026-13" ? null : expect.any(Array));
      if (w !== null) expect(w.end - w.start).toBeGreaterThanOrEqual(27);
    }
    expect(cycleWindow("2024-02")).toEqual({ start: dayFromPartsByDate(2024, 2, 1), end: dayFromPartsByDate(2024, 2, 29) });
  });
});

describe("dayFromIso: `YYYY-MM-DD` by its characters", () => {
  it("tricky text reads as through the pattern", () => {
    for (const t of TRICKY_DATES) expect([t, dayFromIso(t)]).toEqual([t, dayFromIsoByPattern(t)]);
  });

  it("any text of the shape reads as through the pattern", () => {
    fc.assert(
      fc.property(fc.oneof(isoLike, isoDigits, fc.string({ minLength: 10, maxLength: 10 })), (t) => {
        expect(dayFromIso(t)).toEqual(dayFromIsoByPattern(t));
      }),
      { numRuns: 3000 },
    );
  });
});

/** What a value reader's answer stands for: the value, null for blank, or undefined (left to the reader). */
function expectAgrees<T>(fast: T | null | undefined, full: CellRead<T>): void {
  if (fast === undefined) return;
  if (fast === null) expect(full).toEqual({ kind: "blank" });
  else expect(full).toEqual({ kind: "value", value: fast });
}

const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "a", "A", "#", "\u00a0", "\u2003", "é", "e\u0301", "1", "%", ".", "-", "ß") }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
  fc.constantFrom(...TRICKY_DATES),
  fc.constantFrom(
    null,
    undefined,
    "",
    " ",
    "#N/A",
    " #REF!",
    "45%",
    "12.5%",
    "0%",
    "00.50%",
    "1e3",
    "-0",
    "-0.0",
    " 12",
    "12 ",
    "1,234",
    "$5",
    "(3)",
    "TRUE",
    "yes",
    "done",
    "no",
  ),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, 5e-324, 45_000, 60, 61, 2_958_466),
  fc.oneof(fc.double(), fc.integer({ min: 0, max: 10_000 })).map((n) => `${n}%`),
  fc.oneof(fc.double(), fc.integer()).map((n) => String(n)),
);

describe("the readers' values without a CellRead", () => {
  it("give what the readers give, or leave the cell to them", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        expectAgrees(textValue(raw), readText(raw));
        expectAgrees(numberValue(raw), readNumber(raw));
        expectAgrees(actualValue(raw), readActual(raw));
        for (const system of [1900, 1904] as DateSystem[]) expectAgrees(dateValue(raw, system), readDate(raw, system));
      }),
      { numRuns: 5000 },
    );
  });

  it("read the usual cells themselves", () => {
    for (const raw of ["Ann", "G-1", "Ré", "Ann ", "a\tb", "", null, undefined]) expect(textValue(raw)).not.toBeUndefined();
    for (const raw of [0, -0, 1.5, "45%", "12.5", "", null]) expect(numberValue(raw)).not.toBeUndefined();
    for (const raw of [true, false, 0.5, "34.4%", ""]) expect(actualValue(raw)).not.toBeUndefined();
    for (const raw of [46_023, "2026-03-31", "2026-03-31T10:00", "", null]) expect(dateValue(raw)).not.toBeUndefined();
    expect(Object.is(numberValue(-0), 0)).toBe(true);
    expect(Object.is(numberValue("-0%"), 0)).toBe(true);
  });

  it("percent text: the digits before `%` read as Number reads them", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1e9 })), fc.nat(20), (n, z) => {
        const digits = "0".repeat(z % 3) + String(n);
        if (!/^\d+(?:\.\d+)?$/.test(digits)) return;
        const expected = Number(digits) / 100;
        expect(parseNumberText(`${digits}%`)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe("number text and plain text read by their characters", () => {
  const numberish = fc.oneof(
    fc.string({ unit: fc.constantFrom("0", "1", "9", ".", "-", "+", "%", "e", ",", "$", "(", ")", " ", "\u2212", "٣"), maxLength: 8 }),
    fc.constantFrom("1.", ".5", "-5%", "1..2", "5%%", "+5", "1e3", "-", "%", ".", "-.5", "5.%", "0.5%", "-0%", "12,5", "1.5.5", "٣"),
  );
  it("the usual forms of number text read as the general rules read them", () => {
    fc.assert(
      fc.property(numberish, (t) => {
        if (t.trim() !== t) return;
        // With a space around it, text takes the general rules.
        expect(Object.is(parseNumberText(t), parseNumberText(` ${t} `))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  const NON_ASCII = /[^ -~]/;
  it("text is trimmed and NFC as before", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "a", "~", "\u007f", "\u00a0", "\u2003", "é", "e\u0301", "\ufeff") }),
        ),
        (t) => {
          const trimmed = t.trim();
          expect(normalizeText(t)).toBe(NON_ASCII.test(trimmed) ? trimmed.normalize("NFC") : trimmed);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("idKey: IDs in capitals are kept", () => {
  it("is toUpperCase for any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: fc.constantFrom("a", "z", "A", "Z", "-", "0", "ß", "ﬀ", "µ", "ÿ", "é", "`", "{", "@", "[", "ı") }),
        ),
        (s) => {
          expect(idKey(s)).toBe(s.toUpperCase());
        },
      ),
    );
    for (const s of ["g-1", "G-1", "G-1a", "straße", "ǆ", "`{@[", ""]) expect(idKey(s)).toBe(s.toUpperCase());
    expect(idKey(null)).toBeNull();
  });
});

/** Reads a goal as the engine did before, field by field through the full readers. */
function readGoalByReaders(values: Partial<Record<ColumnKey, unknown>>, index: number, system: DateSystem): Omit<Goal, "table" | "r"> {
  const invalid: Record<string, InvalidField> = {};
  const take = <T>(r: CellRead<T>, key: string): T | null => {
    if (r.kind === "value") return r.value;
    if (r.kind === "invalid") invalid[key] = { code: r.code, text: r.text };
    return null;
  };
  const v = values;
  const id = take(readText(v.id), "id");
  const parentText = take(readText(v.parent), "parent");
  const cycle = take(readText(v.cycle), "cycle");
  const title = take(readText(v.title), "title");
  const typeGiven = take(readEnum("type", v.type), "type");
  const level = take(readEnum("level", v.level), "level");
  const owner = take(readText(v.owner), "owner");
  const weight = take(readNumber(v.weight), "weight");
  const unit = take(readText(v.unit), "unit");
  const directionGiven = take(readEnum("direction", v.direction), "direction");
  const baseline = take(readNumber(v.baseline), "baseline");
  const threshold = take(readNumber(v.threshold), "threshold");
  const target = take(readNumber(v.target), "target");
  const stretch = take(readNumber(v.stretch), "stretch");
  const actualCell = take(readActual(v.actual), "actual");
  const start = take(readDate(v.start, system), "start");
  const due = take(readDate(v.due, system), "due");
  const source = take(readText(v.source), "source");
  const rollupGiven = take(readEnum("rollup", v.rollup), "rollup");
  const comment = take(readText(v.comment), "comment");
  return {
    index,
    id,
    key: id === null ? null : id.toUpperCase(),
    title,
    typeGiven,
    level,
    parentText,
    parentRefs: parseParents(parentText),
    owner,
    weight,
    unit,
    directionGiven,
    baseline,
    threshold,
    target,
    stretch,
    actualCell,
    start,
    due,
    cycle,
    window: cycleWindow(cycle),
    source,
    rollupGiven,
    comment,
    invalid,
  };
}

const fieldCell = fc.oneof(
  anyCell,
  fc.constantFrom("g-1", "G-1", "Increase", "Milestone", "Key Result", "2026", "2026-Q2", "G-1=60%; G-2", "G-1, g-2=40", "sum", "Bogus"),
);

describe("rows read one after another through shared scratch space", () => {
  it("each goal reads as through the full readers (a rejected cell is not carried to the next row)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fieldCell, { minLength: COLUMN_KEYS.length, maxLength: COLUMN_KEYS.length }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<DateSystem>(1900, 1904),
        (cells, system) => {
          // The same rows as records (every row a goal) and as a table (blank rows hold none), each read by one reader in turn.
          const records = workbookFromRecords({
            goals: cells.map((row) => ({ values: Object.fromEntries(COLUMN_KEYS.map((k, j) => [k, row[j]])) })),
            dateSystem: system,
          });
          const table = workbookInputFromTables(
            [{ name: "Goals", sheet: "Goals", headerRow: 1, firstColumn: 0, headers: INPUT_COLUMNS.map((c) => c.header), rows: cells }],
            null,
            system,
          );
          for (const input of [records, table]) {
            const reader = new CellReader(system);
            for (let i = 0; i < input.goalCount; i++) {
              const row = cells[input.goalRow[i]];
              const values: Partial<Record<ColumnKey, unknown>> = {};
              COLUMN_KEYS.forEach((k, j) => (values[k] = row[j]));
              expect({ ...reader.goal(input, i), table: null, r: null }).toEqual({ ...readGoalByReaders(values, i, system), table: null, r: null });
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("each check-in likewise, into one record", () => {
    const out = emptyCheckInFields();
    fc.assert(
      fc.property(fc.array(fc.array(fieldCell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (cells, all) => {
        const t = checkInTable({
          name: "CheckIns",
          sheet: "CheckIns",
          headerRow: 1,
          firstColumn: 0,
          headers: ["Goal ID", "Date", "Value", "Confidence", "Comment"],
          rows: cells,
        });
        const reader = new CellReader(1900);
        cells.forEach((row, r) => {
          const invalid: Record<string, InvalidField> = {};
          const take = <T>(r: CellRead<T>, key: string): T | null => {
            if (r.kind === "value") return r.value;
            if (r.kind === "invalid") invalid[key] = { code: r.code, text: r.text };
            return null;
          };
          const goalId = take(readText(row[0]), "goalId");
          const date = take(readDate(row[1]), "date");
          const value = take(readActual(row[2]), "value");
          const confidence = take(readNumber(row[3]), "confidence");
          const comment = take(readText(row[4]), "comment");
          reader.checkInInto(t, r, out, all);
          expect(out).toEqual({
            goalId,
            key: goalId === null ? null : goalId.toUpperCase(),
            date,
            value,
            confidence: all || !isPlainCell(row[3], false) ? confidence : null,
            comment: all || !isPlainCell(row[4], true) ? comment : null,
            invalid,
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("rows read from tables: the lists are made at their length", () => {
  const goalHeaders = INPUT_COLUMNS.map((c) => c.header);
  const blankRow = (n: number): unknown[] => Array.from({ length: n }, (_, j) => (j % 2 === 0 ? "" : j % 3 === 0 ? null : "  "));
  const goalRow = (id: string): unknown[] => goalHeaders.map((_, j) => (j === 0 ? id : ""));
  const table = (name: string, headers: readonly string[], rows: unknown[][]) => ({ name, sheet: name, headerRow: 1, firstColumn: 0, headers, rows });

  it("blank rows are left out, wherever they are", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (goalBlanks, checkInBlanks) => {
        const goals = goalBlanks.map((blank, r) => (blank ? blankRow(goalHeaders.length) : goalRow(`G-${r}`)));
        const checkIns = checkInBlanks.map((blank, r) => (blank ? blankRow(5) : [`G-${r}`, 46_000 + r, r, "", ""]));
        const checkInHeaders = ["Goal ID", "Date", "Value", "Confidence", "Comment"];
        const expectedIds = goalBlanks.flatMap((blank, r) => (blank ? [] : [`G-${r}`]));
        const expectedCheckIns = checkInBlanks.flatMap((blank, r) => (blank ? [] : [`G-${r}`]));
        // No holes left at the end of a list: its indices are those of the rows read.
        const expectList = (list: readonly { values: Partial<Record<string, unknown>> }[], key: string, expected: string[]) => {
          expect(list.length).toBe(expected.length);
          expect(list.map((g) => g.values[key])).toEqual(expected);
          expect(Object.keys(list)).toEqual(expected.map((_, i) => String(i)));
        };
        const one = workbookInputFromTables([table("Goals", goalHeaders, goals)], table("CheckIns", checkInHeaders, checkIns));
        expectList(goalRecords(one), "id", expectedIds);
        expectList(checkInRecords(one), "goalId", expectedCheckIns);
        const two = workbookInputFromTables(
          [table("Goals", goalHeaders, goals), table("Goals_2", goalHeaders, [goalRow("H-1"), blankRow(goalHeaders.length)])],
          null,
        );
        expectList(goalRecords(two), "id", [...expectedIds, "H-1"]);
        expect(checkInRecords(two)).toEqual([]);
      }),
    );
  });

  it("a goal as a record: its cells by field, where its row starts, its table and data row", () => {
    const input = workbookInputFromTables([table("Goals", goalHeaders, [blankRow(goalHeaders.length), goalRow("G-1")])], null);
    const g = goalRecord(input, 0);
    expect(g.values.id).toBe("G-1");
    expect(g.where).toBe("Goals!A3");
    expect(g.source).toEqual({ table: "Goals", row: 1 });
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });
});

describe("parseParents: the same text read again gives the same parents", () => {
  it("a reader shares one list among goals written one after another under the same text", () => {
    const input = workbookFromRecords({
      goals: [{ values: { id: "A", parent: "P=60%; Q" } }, { values: { id: "B", parent: "P=60%; Q" } }, { values: { id: "C", parent: "Q" } }],
    });
    const reader = new CellReader();
    const [a, b, c] = [0, 1, 2].map((i) => reader.goal(input, i));
    expect(b.parentRefs).toBe(a.parentRefs);
    expect(c.parentRefs).toEqual([{ id: "Q", share: null, badShare: null }]);
  });
  const parentText = fc.oneof(
    fc.constantFrom("G-1", "G-2", "g-1", " G-1 ", "G-1; G-2", "G-1=60%; G-2=40%", "G-1=60; G-2=x", "G-1,G-2", "", " ", "=5", "G-1=-1"),
    fc.string({ unit: fc.constantFrom("G", "-", "1", ";", ",", "=", "%", " "), maxLength: 8 }),
  );
  it("in any order, as when each is read on its own", () => {
    fc.assert(
      fc.property(fc.array(parentText, { maxLength: 10 }), (texts) => {
        const inOrder = texts.map((t) => parseParents(t));
        const onTheirOwn = texts.map((t) => {
          parseParents("\u0000another text");
          return parseParents(t);
        });
        expect(inOrder).toEqual(onTheirOwn);
      }),
    );
  });

  it("the parents are read-only", () => {
    const refs = parseParents("G-1=60%; G-2");
    expect(refs).toEqual([
      { id: "G-1", share: 0.6, badShare: null },
      { id: "G-2", share: null, badShare: null },
    ]);
    expect(parseParents("G-1=60%; G-2")).toEqual(refs);
    expect(Object.isFrozen(refs) && refs.every((r) => Object.isFrozen(r))).toBe(true);
    expect(Object.isFrozen(parseParents("G-3"))).toBe(true);
    expect(parseParents(null)).toEqual([]);
  });
});
