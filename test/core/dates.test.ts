import fc from "fast-check";
import {
  cycleWindow,
  Day,
  dayFromDate,
  dayFromIso,
  dayFromParts,
  dayFromSerial,
  EXCEL_1904_OFFSET,
  EXCEL_MAX_SERIAL,
  isoDay,
  partsFromDay,
  serialFromDay,
  today,
} from "../../src/core/dates";

function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** Last 1904-system serial that is still a day Excel can show (9999-12-31). */
const MAX_1904_SERIAL = EXCEL_MAX_SERIAL - EXCEL_1904_OFFSET;

describe("days", () => {
  it("day 0 is 1970-01-01 and differences are plain subtraction", () => {
    expect(dayFromParts(1970, 1, 1)).toBe(0);
    expect(dayFromParts(1970, 1, 2)).toBe(1);
    expect(dayFromParts(1969, 12, 31)).toBe(-1);
    expect(day("2024-03-01") - day("2024-02-28")).toBe(2);
    expect(day("2023-03-01") - day("2023-02-28")).toBe(1);
    expect(day("2027-01-01") - day("2026-01-01")).toBe(365);
  });

  it("dayFromParts rejects days that do not exist", () => {
    expect(dayFromParts(2026, 2, 29)).toBeNull();
    expect(dayFromParts(2024, 2, 30)).toBeNull();
    expect(dayFromParts(1900, 2, 29)).toBeNull();
    expect(dayFromParts(2026, 4, 31)).toBeNull();
    expect(dayFromParts(2026, 0, 1)).toBeNull();
    expect(dayFromParts(2026, 13, 1)).toBeNull();
    expect(dayFromParts(2026, 1, 0)).toBeNull();
    expect(dayFromParts(2026, 1.5, 1)).toBeNull();
    expect(dayFromParts(NaN, 1, 1)).toBeNull();
    expect(dayFromParts(2000, 2, 29)).not.toBeNull();
  });

  it("years 0..99 are those years, not 1900..1999", () => {
    const d = dayFromParts(50, 6, 15);
    expect(d).not.toBeNull();
    expect(partsFromDay(d as Day)).toEqual({ year: 50, month: 6, day: 15 });
    expect(isoDay(d as Day)).toBe("0050-06-15");
  });

  it("isoDay and dayFromIso are inverse", () => {
    for (const iso of ["1900-01-01", "1900-03-01", "1970-01-01", "2024-02-29", "2026-12-31", "9999-12-31", "0001-01-01"]) {
      expect(isoDay(day(iso))).toBe(iso);
    }
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (d) => {
        expect(dayFromIso(isoDay(d))).toBe(d);
        const p = partsFromDay(d);
        expect(dayFromParts(p.year, p.month, p.day)).toBe(d);
      }),
    );
  });

  it("dayFromIso accepts YYYY-MM-DD with an optional time that is dropped", () => {
    expect(dayFromIso("2026-03-15")).toBe(day("2026-03-15"));
    expect(dayFromIso(" 2026-03-15 ")).toBe(day("2026-03-15"));
    expect(dayFromIso("2026-03-15T00:00")).toBe(day("2026-03-15"));
    expect(dayFromIso("2026-03-15T23:59:59Z")).toBe(day("2026-03-15"));
    expect(dayFromIso("2026-03-15T23:59:59.5-0800")).toBe(day("2026-03-15"));
    expect(dayFromIso("2026-03-15 12:00:00")).toBe(day("2026-03-15"));
    for (const bad of ["2026-02-30", "2026-3-15", "26-03-15", "2026/03/15", "2026-03-15T", "x2026-03-15", "", "2026-03"]) {
      expect(dayFromIso(bad)).toBeNull();
    }
  });

  it("dayFromDate reads the UTC calendar day", () => {
    expect(dayFromDate(new Date(Date.UTC(2026, 2, 15)))).toBe(day("2026-03-15"));
    expect(dayFromDate(new Date(Date.UTC(2026, 2, 15, 23, 59, 59, 999)))).toBe(day("2026-03-15"));
    expect(dayFromDate(new Date(Date.UTC(1969, 11, 31, 23)))).toBe(-1);
    expect(dayFromDate(new Date(NaN))).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 86_399_999 }), (d, ms) => {
        expect(dayFromDate(new Date(d * 86_400_000 + ms))).toBe(d);
      }),
    );
  });

  it("today is the local calendar day of the given instant", () => {
    expect(today(new Date(2026, 2, 15, 0, 0, 1))).toBe(day("2026-03-15"));
    expect(today(new Date(2026, 2, 15, 23, 59, 59))).toBe(day("2026-03-15"));
  });
});

describe("Excel serials, 1900 system", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [45000, "2023-03-15"],
    [EXCEL_MAX_SERIAL, "9999-12-31"],
  ])("serial %p is %s", (serial, iso) => {
    expect(dayFromSerial(serial)).toBe(day(iso));
    expect(dayFromSerial(serial, 1900)).toBe(day(iso));
    expect(serialFromDay(day(iso))).toBe(serial);
    expect(serialFromDay(day(iso), 1900)).toBe(serial);
  });

  it("serial 60 is Excel's fictitious 1900-02-29: no day (documented choice)", () => {
    expect(dayFromSerial(60)).toBeNull();
    expect(dayFromSerial(60.25)).toBeNull();
    expect((dayFromSerial(61) as Day) - (dayFromSerial(59) as Day)).toBe(1);
  });

  it("the day is 1899-12-30 + serial from serial 61 on", () => {
    const epoch = day("1899-12-30");
    for (const s of [61, 62, 100, 1000, 45000, 2_000_000]) expect(dayFromSerial(s)).toBe(epoch + s);
  });

  it("serials below 61 are one day later than 1899-12-30 + serial", () => {
    const epoch = day("1899-12-30");
    for (const s of [1, 2, 30, 58, 59]) expect(dayFromSerial(s)).toBe(epoch + s + 1);
  });

  it("a fractional serial drops the time", () => {
    expect(dayFromSerial(45000.0001)).toBe(day("2023-03-15"));
    expect(dayFromSerial(45000.5)).toBe(day("2023-03-15"));
    expect(dayFromSerial(45000.999999)).toBe(day("2023-03-15"));
    expect(dayFromSerial(1.5)).toBe(day("1900-01-01"));
    expect(dayFromSerial(61.9)).toBe(day("1900-03-01"));
  });

  it("out of range or not finite is no day", () => {
    for (const s of [0, 0.99, -1, -0.5, EXCEL_MAX_SERIAL + 1, 1e15, NaN, Infinity, -Infinity]) {
      expect(dayFromSerial(s)).toBeNull();
    }
    expect(dayFromSerial(EXCEL_MAX_SERIAL + 0.5)).toBe(day("9999-12-31"));
  });
});

describe("Excel serials, 1904 system", () => {
  it("serial 0 is 1904-01-01", () => {
    expect(EXCEL_1904_OFFSET).toBe(1462);
    expect(dayFromSerial(0, 1904)).toBe(day("1904-01-01"));
    expect(dayFromSerial(0.75, 1904)).toBe(day("1904-01-01"));
    expect(dayFromSerial(1, 1904)).toBe(day("1904-01-02"));
    expect(dayFromSerial(59, 1904)).toBe(day("1904-02-29"));
    expect(serialFromDay(day("1904-01-01"), 1904)).toBe(0);
    expect(serialFromDay(day("2023-03-15"), 1904)).toBe(45000 - 1462);
  });

  it("serial X in 1904 is serial X + 1462 in 1900", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_1904_SERIAL }), (x) => {
        expect(dayFromSerial(x, 1904)).toBe(dayFromSerial(x + EXCEL_1904_OFFSET, 1900));
      }),
    );
  });

  it("before 1904-01-01 or after 9999-12-31 is no day", () => {
    for (const s of [-1, -0.5, -1462, MAX_1904_SERIAL + 1, EXCEL_MAX_SERIAL, NaN, Infinity]) {
      expect(dayFromSerial(s, 1904)).toBeNull();
    }
    expect(dayFromSerial(MAX_1904_SERIAL, 1904)).toBe(day("9999-12-31"));
  });
});

describe("serialFromDay round trip", () => {
  it("1900: every integer serial 61..2958465 (and 1..59)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 61, max: EXCEL_MAX_SERIAL }), fc.integer({ min: 1, max: 59 })), (s) => {
        const d = dayFromSerial(s, 1900);
        expect(d).not.toBeNull();
        expect(serialFromDay(d as Day, 1900)).toBe(s);
      }),
      { numRuns: 2000 },
    );
    for (const s of [1, 59, 61, 62, EXCEL_MAX_SERIAL]) expect(serialFromDay(dayFromSerial(s) as Day)).toBe(s);
  });

  // In the 1904 system the last day Excel can show, 9999-12-31, is serial 2958465 - 1462;
  // serials above it are no day, so the round trip covers 0..2957003 (which includes 61..2957003).
  it("1904: every integer serial 0..2957003", () => {
    expect(MAX_1904_SERIAL).toBe(2_957_003);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_1904_SERIAL }), (s) => {
        const d = dayFromSerial(s, 1904);
        expect(d).not.toBeNull();
        expect(serialFromDay(d as Day, 1904)).toBe(s);
      }),
      { numRuns: 2000 },
    );
    for (const s of [0, 1, 60, 61, MAX_1904_SERIAL]) expect(serialFromDay(dayFromSerial(s, 1904) as Day, 1904)).toBe(s);
  });

  it("every day from 1900-03-01 to 9999-12-31 round-trips through its serial in both systems", () => {
    fc.assert(
      fc.property(fc.integer({ min: day("1900-03-01"), max: day("9999-12-31") }), (d) => {
        expect(dayFromSerial(serialFromDay(d, 1900), 1900)).toBe(d);
        if (d >= day("1904-01-01")) expect(dayFromSerial(serialFromDay(d, 1904), 1904)).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it("dayFromSerial never throws and gives an integer day or null", () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom<1900 | 1904>(1900, 1904), (s, system) => {
        const d = dayFromSerial(s, system);
        if (d !== null) expect(Number.isInteger(d)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("cycleWindow", () => {
  it.each([
    ["2026", "2026-01-01", "2026-12-31"],
    ["2026-H1", "2026-01-01", "2026-06-30"],
    ["2026-H2", "2026-07-01", "2026-12-31"],
    ["2026-Q1", "2026-01-01", "2026-03-31"],
    ["2026-Q2", "2026-04-01", "2026-06-30"],
    ["2026-Q3", "2026-07-01", "2026-09-30"],
    ["2026-Q4", "2026-10-01", "2026-12-31"],
    ["2026-01", "2026-01-01", "2026-01-31"],
    ["2026-02", "2026-02-01", "2026-02-28"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2000-02", "2000-02-01", "2000-02-29"],
    ["2100-02", "2100-02-01", "2100-02-28"],
    ["2026-04", "2026-04-01", "2026-04-30"],
    ["2026-12", "2026-12-01", "2026-12-31"],
    ["2024-Q1", "2024-01-01", "2024-03-31"],
    ["2024-H1", "2024-01-01", "2024-06-30"],
    ["2024", "2024-01-01", "2024-12-31"],
    [" 2026-q3 ", "2026-07-01", "2026-09-30"],
    ["2026-h2", "2026-07-01", "2026-12-31"],
  ])("%p is %s … %s", (label, start, end) => {
    expect(cycleWindow(label)).toEqual({ start: day(start), end: day(end) });
  });

  it.each(["Sprint 5", "FY26", "", "   ", "2026-Q5", "2026-Q0", "2026-H3", "2026-13", "2026-00", "26", "20261", "2026-1", "Q1 2026", "2026-W05"])(
    "%p is a label only (null)",
    (label) => {
      expect(cycleWindow(label)).toBeNull();
    },
  );

  it("null and undefined are no window", () => {
    expect(cycleWindow(null)).toBeNull();
    expect(cycleWindow(undefined)).toBeNull();
  });

  it("halves and quarters tile the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9998 }), (y) => {
        const year = cycleWindow(String(y));
        const parts = [1, 2, 3, 4].map((q) => cycleWindow(`${y}-Q${q}`));
        const halves = [1, 2].map((h) => cycleWindow(`${y}-H${h}`));
        const months = Array.from({ length: 12 }, (_, i) => cycleWindow(`${y}-${String(i + 1).padStart(2, "0")}`));
        for (const list of [parts, halves, months]) {
          expect(list[0]?.start).toBe(year?.start);
          expect(list[list.length - 1]?.end).toBe(year?.end);
          for (let i = 1; i < list.length; i++) expect(list[i]?.start).toBe((list[i - 1]?.end ?? NaN) + 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
