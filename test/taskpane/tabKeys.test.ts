/** The tab bar's keys (src/taskpane/logic/tabKeys.ts): arrows wrap, Home/End, other keys are not the bar's. */
import fc from "fast-check";
import { nextTabIndex } from "../../src/taskpane/logic/tabKeys";

describe("tab bar keys", () => {
  test("Right and Left move one tab and wrap around; Home and End go to the ends", () => {
    expect(nextTabIndex("ArrowRight", 0, 6)).toBe(1);
    expect(nextTabIndex("ArrowRight", 5, 6)).toBe(0);
    expect(nextTabIndex("ArrowLeft", 0, 6)).toBe(5);
    expect(nextTabIndex("ArrowLeft", 3, 6)).toBe(2);
    expect(nextTabIndex("Home", 4, 6)).toBe(0);
    expect(nextTabIndex("End", 1, 6)).toBe(5);
  });

  test("with no tab focused, Right goes to the first and Left to the last", () => {
    expect(nextTabIndex("ArrowRight", -1, 6)).toBe(0);
    expect(nextTabIndex("ArrowLeft", -1, 6)).toBe(5);
  });

  test("other keys (Tab, Enter, Space, Up, Down, letters) and an empty bar move nothing", () => {
    for (const key of ["Tab", "Enter", " ", "ArrowUp", "ArrowDown", "a"]) expect(nextTabIndex(key, 2, 6)).toBeNull();
    expect(nextTabIndex("ArrowRight", -1, 0)).toBeNull();
  });

  test("Right then Left comes back, from any tab of any bar, and every move stays in the bar", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        ([n, i]) => {
          const right = nextTabIndex("ArrowRight", i, n) as number;
          const left = nextTabIndex("ArrowLeft", i, n) as number;
          return nextTabIndex("ArrowLeft", right, n) === i && nextTabIndex("ArrowRight", left, n) === i && right >= 0 && right < n && left >= 0 && left < n;
        },
      ),
    );
  });
});
