/** One outcome message at a time, on the tab it belongs to (logic/notices.ts). */
import { noticeOnView, showNotice } from "../../src/taskpane/logic/notices";

describe("the pane's outcome message", () => {
  test("a new message replaces the one shown and belongs to the tab that is open", () => {
    const first = showNotice({ intent: "success", text: "Converted" }, "setup");
    expect(first).toEqual({ intent: "success", text: "Converted", view: "setup" });
    const second = showNotice({ intent: "success", text: "Sheet written" }, "scorecards");
    expect(second).toEqual({ intent: "success", text: "Sheet written", view: "scorecards" });
    expect(showNotice(null, "setup")).toBeNull();
  });

  test("moving to another tab dismisses it; staying (or coming back to the same tab) keeps it", () => {
    const shown = showNotice({ intent: "success", text: "Settings saved" }, "settings");
    expect(noticeOnView(shown, "settings")).toBe(shown);
    expect(noticeOnView(shown, "check")).toBeNull();
    expect(noticeOnView(null, "check")).toBeNull();
    const info = showNotice({ intent: "info", text: "Another operation is still running." }, "review");
    expect(noticeOnView(info, "cascade")).toBeNull();
  });
});
