/** A1 addresses (src/core/a1.ts): column letters, cells, ranges, sheet quoting; round trips and no throws. */
import fc from "fast-check";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  addressRect,
  cellAddress,
  cellName,
  columnIndex,
  columnLetters,
  columnPrefix,
  orderedRect,
  parseAddress,
  parseCell,
  parseCellRange,
  parseRange,
  quoteSheet,
  rangeAddress,
  rangeText,
  splitSheet,
} from "../../src/core/a1";

const column = fc.integer({ min: 0, max: MAX_COLUMNS - 1 });
const row = fc.integer({ min: 0, max: MAX_ROWS - 1 });
const rect: fc.Arbitrary<Rect> = fc.tuple(row, column, row, column).map(([r0, c0, r1, c1]) => orderedRect({ r0, c0, r1, c1 }));
const sheetName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 31 }),
  fc.string({ unit: fc.constantFrom("'", "!", " ", "a", "Z", "1", "_", ".", "-", "ü", "$", ":"), minLength: 1, maxLength: 12 }),
  fc.constantFrom("Goals", "My goals", "O'Brien", "''", "'", "Q1", "R1C1", "RC", "TRUE", "2026", "A!B", "Données"),
);
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("'", "!", "$", ":", "A", "z", "X", "F", "D", "0", "1", "9", " ", "-"), maxLength: 20 }),
);

describe("column letters", () => {
  test("0 → A, 25 → Z, 26 → AA, the last column XFD", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, MAX_COLUMNS - 1].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });
  test("a negative or fractional index counts as its floor, at least 0; not a number as 0", () => {
    expect(columnLetters(-3)).toBe("A");
    expect(columnLetters(2.7)).toBe("C");
    expect([NaN, Infinity, -Infinity].map(columnLetters)).toEqual(["A", "A", "A"]);
  });
  test("letters → index, any case; -1 for anything but letters", () => {
    expect(["A", "z", "AA", "aB", "XFD", "ZZZ"].map(columnIndex)).toEqual([0, 25, 26, 27, MAX_COLUMNS - 1, 18277]);
    expect(["", "A1", "$A", " A", "Ä"].map(columnIndex)).toEqual([-1, -1, -1, -1, -1]);
  });
  test("property: index → letters → index", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (i) => columnIndex(columnLetters(i)) === i));
  });
  test("property: letters are upper case A–Z and longer for larger indexes", () => {
    fc.assert(
      fc.property(column, column, (a, b) => {
        const la = columnLetters(a);
        expect(la).toMatch(/^[A-Z]{1,3}$/);
        if (a < b) expect(la.length <= columnLetters(b).length).toBe(true);
      }),
    );
  });
});

describe("cells", () => {
  test("names are 0-based in, 1-based rows out", () => {
    expect(cellName(0, 0)).toBe("A1");
    expect(cellName(2, 1)).toBe("B3");
    expect(cellName(MAX_ROWS - 1, MAX_COLUMNS - 1)).toBe("XFD1048576");
  });
  test("parseCell reads $ signs and any case, refuses row 0 and other text", () => {
    expect(parseCell("B3")).toEqual({ row: 2, column: 1 });
    expect(parseCell("$b$3")).toEqual({ row: 2, column: 1 });
    for (const bad of ["", "B", "3", "B0", "B-1", "ABCD1", "B3:C4", " B3", "B 3", "$$B3"]) expect(parseCell(bad)).toBeNull();
  });
  test("parseCell is not bounded by the sheet (a file reader clamps)", () => {
    expect(parseCell("ZZZ99999999")).toEqual({ row: 99999998, column: 18277 });
  });
  test("parseCellRange: a cell or two, corners in order, not bounded", () => {
    expect(parseCellRange("B3")).toEqual({ r0: 2, c0: 1, r1: 2, c1: 1 });
    expect(parseCellRange("$D$10:b2")).toEqual({ r0: 1, c0: 1, r1: 9, c1: 3 });
    expect(parseCellRange("A1:T99999999")).toEqual({ r0: 0, c0: 0, r1: 99999998, c1: 19 });
    for (const bad of ["", "A:C", "2:5", "A1:B2:C3", "A1:", ":A1", "nonsense"]) expect(parseCellRange(bad)).toBeNull();
  });
  test("property: cellName → parseCell", () => {
    fc.assert(fc.property(row, column, (r, c) => expect(parseCell(cellName(r, c))).toEqual({ row: r, column: c })));
  });
});

describe("ranges", () => {
  test("cells, ranges, whole columns and whole rows", () => {
    expect(parseRange("A1")).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
    expect(parseRange("B3:N70")).toEqual({ r0: 2, c0: 1, r1: 69, c1: 13 });
    expect(parseRange("$N$70:$B$3")).toEqual({ r0: 2, c0: 1, r1: 69, c1: 13 });
    expect(parseRange("a:c")).toEqual({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 2 });
    expect(parseRange("$2:$5")).toEqual({ r0: 1, c0: 0, r1: 4, c1: MAX_COLUMNS - 1 });
  });
  test("anything else, or outside the sheet, is null", () => {
    for (const bad of ["", ":", "A", "3", "A:", ":N", "A:3", "3:N", "0:4", "A0", "A1:N", "XFE1", "A1048577", "A1:B2:C3", "Target", "=A1", "A1 "]) {
      expect(parseRange(bad)).toBeNull();
    }
  });
  test("rangeText writes what Excel writes", () => {
    expect(rangeText({ r0: 0, c0: 0, r1: 0, c1: 0 })).toBe("A1");
    expect(rangeText({ r0: 2, c0: 1, r1: 69, c1: 13 })).toBe("B3:N70");
    expect(rangeText({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 13 })).toBe("A:N");
    expect(rangeText({ r0: 2, c0: 0, r1: 39, c1: MAX_COLUMNS - 1 })).toBe("3:40");
    expect(rangeText({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 })).toBe("A1:XFD1048576");
  });
  test("property: rect → rangeText → parseRange gives the rect back", () => {
    fc.assert(fc.property(rect, (x) => expect(parseRange(rangeText(x))).toEqual(x)));
  });
  test("property: whatever parseRange reads, rangeText writes it back in the form it reads the same", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const x = parseRange(t);
        if (x) expect(parseRange(rangeText(x))).toEqual(x);
      }),
    );
  });
  test("property: a parsed range lies inside the sheet, corners in order", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const x = parseRange(t);
        if (!x) return;
        expect(x.r0 >= 0 && x.c0 >= 0 && x.r0 <= x.r1 && x.c0 <= x.c1 && x.r1 < MAX_ROWS && x.c1 < MAX_COLUMNS).toBe(true);
      }),
    );
  });
});

describe("sheet names", () => {
  test("plain names stand as they are", () => {
    for (const name of ["Goals", "Goals_Sales", "_x", "Données", "Sheet.1", "ABCD1"]) expect(quoteSheet(name)).toBe(name);
  });
  test("names that need quotes are quoted, with ' doubled", () => {
    expect(quoteSheet("My goals")).toBe("'My goals'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    for (const name of ["2026", "Q1", "AB12", "R1C1", "RC", "r2c", "TRUE", "false", "Goals-2026", "A!B"]) expect(quoteSheet(name)).toBe(`'${name}'`);
  });
  test("cellAddress and columnPrefix: Excel's row number, 0-based column", () => {
    expect(cellAddress("Goals", 4, 7)).toBe("Goals!H4");
    expect(cellAddress("My goals", 3, 1)).toBe("'My goals'!B3");
    expect(columnPrefix("Goals", 26)).toBe("Goals!AA");
    expect(columnPrefix("O'Brien", 0)).toBe("'O''Brien'!A");
  });
  test("rangeAddress", () => {
    expect(rangeAddress("Goals", { r0: 2, c0: 1, r1: 69, c1: 13 })).toBe("Goals!B3:N70");
    expect(rangeAddress("My goals", { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 2 })).toBe("'My goals'!A:C");
  });
  test("splitSheet: quoted, plain, none; null when the sheet part is broken", () => {
    expect(splitSheet("Goals!H4")).toEqual({ sheet: "Goals", ref: "H4" });
    expect(splitSheet(" 'Dana''s goals'!$C$5 ")).toEqual({ sheet: "Dana's goals", ref: "$C$5" });
    expect(splitSheet("'A!B'!C1")).toEqual({ sheet: "A!B", ref: "C1" });
    expect(splitSheet("H4")).toEqual({ sheet: null, ref: "H4" });
    for (const bad of ["!A1", "''!A1", "'Goals!A1", "'a'b!A1", "'Goals'A1"]) expect(splitSheet(bad)).toBeNull();
  });
});

describe("addresses", () => {
  test("parseAddress: sheet and rectangle", () => {
    expect(parseAddress("Goals!H4")).toEqual({ sheet: "Goals", rect: { r0: 3, c0: 7, r1: 3, c1: 7 } });
    expect(parseAddress("'Goals sheet'!$b:$p")).toEqual({ sheet: "Goals sheet", rect: { r0: 0, c0: 1, r1: MAX_ROWS - 1, c1: 15 } });
    expect(parseAddress("3:40")).toEqual({ sheet: null, rect: { r0: 2, c0: 0, r1: 39, c1: MAX_COLUMNS - 1 } });
    for (const bad of ["", "Goals!", "!A1", "'Goals!A1", "Goals!Target", "=A1", "Goals!A1:B", "''!A1"]) expect(parseAddress(bad)).toBeNull();
  });
  test("addressRect leaves the sheet aside", () => {
    expect(addressRect("'My goals'!B3:N70")).toEqual({ r0: 2, c0: 1, r1: 69, c1: 13 });
    expect(addressRect("B3")).toEqual({ r0: 2, c0: 1, r1: 2, c1: 1 });
    expect(addressRect("nonsense")).toBeNull();
  });
  test("property: rangeAddress → parseAddress gives the sheet and rect back", () => {
    fc.assert(fc.property(sheetName, rect, (s, x) => expect(parseAddress(rangeAddress(s, x))).toEqual({ sheet: s, rect: x })));
  });
  test("property: cellAddress → parseAddress gives the sheet and cell back", () => {
    fc.assert(
      fc.property(sheetName, row, column, (s, r, c) => {
        expect(parseAddress(cellAddress(s, r + 1, c))).toEqual({ sheet: s, rect: { r0: r, c0: c, r1: r, c1: c } });
      }),
    );
  });
  test("property: no input throws", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        parseAddress(t);
        addressRect(t);
        splitSheet(t);
        parseRange(t);
        parseCellRange(t);
        parseCell(t);
        columnIndex(t);
        quoteSheet(t);
      }),
    );
    fc.assert(fc.property(fc.double(), (n) => expect(columnLetters(n)).toMatch(/^[A-Z]+$/)));
  });
});
