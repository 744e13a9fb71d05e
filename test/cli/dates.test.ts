/** exceljs hands over Dates where Office.js hands over serials: the command line reads them as serials. */
import { dateToSerial } from "../../src/cli/read";
import { readText } from "../../src/core/cells";
import { canonicalValue } from "../../src/core/seal";

test("a date cell reads as the serial Office.js would give, in either date system", () => {
  const d = new Date(Date.UTC(2026, 0, 1));
  expect(dateToSerial(d, 1900)).toBe(46023);
  expect(dateToSerial(d, 1904)).toBe(46023 - 1462);
  expect(dateToSerial(new Date(Date.UTC(2026, 0, 1, 12)), 1900)).toBe(46023.5);
  expect(dateToSerial("text", 1900)).toBe("text");
});

test("so a date typed into a text column seals the same on both sides", () => {
  const fromFile = dateToSerial(new Date(Date.UTC(2026, 0, 1)), 1900);
  expect(readText(fromFile)).toEqual(readText(46023));
  expect(canonicalValue("cycle", fromFile)).toBe(canonicalValue("cycle", 46023));
  expect(canonicalValue("due", fromFile)).toBe("2026-01-01");
});
