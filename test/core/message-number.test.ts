/** Numbers in finding messages read as a person reads them (findings.ts messageNumber). */
import fc from "fast-check";
import { messageNumber } from "../../src/core/findings";
import { messageNumber as fmt } from "../../src/core/findings";

describe("numbers in messages", () => {
  test.each([
    [10970480.152885, "10,970,480"],
    [12000000, "12,000,000"],
    [1234.5, "1,234.5"],
    [123456.78, "123,457"],
    [-2500.256, "-2,500.26"],
    [99.99999, "100"],
    [1.5, "1.5"],
    [60, "60"],
    [0.6, "0.6"],
    [0.333333, "0.3333"],
    [0.005, "0.005"],
    [0.0001234, "0.0001234"],
    [0, "0"],
    [-0.00000001, "-0.00000001"],
  ])("%p reads %p", (v, text) => {
    expect(messageNumber(v)).toBe(text);
  });

  test("blank, booleans and non-finite numbers", () => {
    expect(messageNumber(null)).toBe("(blank)");
    expect(messageNumber(true)).toBe("TRUE");
    expect(messageNumber(false)).toBe("FALSE");
    expect(messageNumber(Number.NaN)).toBe("NaN");
  });

  test("the engine's message helper is this one", () => {
    expect(fmt(10970480.152885)).toBe("10,970,480");
  });

  test("property: never more than 6 significant digits (or 4 below 1), no exponent, and close to the number", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), (v) => {
        const text = messageNumber(v);
        expect(text).not.toMatch(/e/i);
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
        const back = Number(text.replace(/,/g, ""));
        const a = Math.abs(v);
        // Rounded to the digits shown: within half a unit of the last place kept.
        const tolerance = a < 1 ? a * 5e-4 + 1e-300 : Math.max(a * 5e-6, 5e-5);
        expect(Math.abs(back - v)).toBeLessThanOrEqual(tolerance * 1.0001);
        const decimals = text.split(".")[1] ?? "";
        if (a >= 1) expect(decimals.length).toBeLessThanOrEqual(4);
        if (a >= 1) expect(text.replace(/[-,.]/g, "").replace(/^0+/, "").length).toBeLessThanOrEqual(Math.max(6, Math.floor(Math.log10(a)) + 2)); // +1: a carry (999,999.99 → 1,000,000)
      }),
    );
  });
});
