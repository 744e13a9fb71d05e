/**
 * The task pane's tab bar (issue 15, item 10; docs/taskpane.md "The tab bar"): one row
 * of six tabs, narrower panes scroll the bar instead of wrapping it, and the keyboard
 * works as the WAI-ARIA tabs pattern says — Tab enters on the open view's tab and
 * leaves the bar, arrows/Home/End move, Enter opens. No Tabster dummy elements
 * (axe: aria-hidden-focus).
 */
import { Session, VIEWS, axe, describeViolations, failing, idle, openView, pane, screenshot, sessionPerFile } from "./support";

let s: Session;

sessionPerFile((session) => (s = session));

function tabList() {
  return pane(s.page).getByRole("tablist", { name: "Goal Scorecards views" });
}

/** The label of the focused element when it is a tab, else its role/tag. */
async function focused(): Promise<string> {
  return s.page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e) return "(nothing)";
    return e.getAttribute("role") === "tab"
      ? `tab ${e.textContent?.replace(/(.+)\1$/, "$1")}`
      : `${e.tagName.toLowerCase()} ${e.getAttribute("aria-label") ?? e.textContent ?? ""}`;
  });
}

describe("the tab bar", () => {
  test("no focusable hidden elements in the bar, and axe finds nothing serious in it", async () => {
    expect(await tabList().locator("[data-tabster-dummy]").count()).toBe(0);
    expect(await tabList().getAttribute("data-tabster")).toBeNull();
    expect(failing(await axe(s.page, '[data-testid="taskpane"] nav', "tab-bar"))).toBe("");
  });

  test("every view as a newcomer first sees it (nothing converted yet): no serious or critical axe finding", async () => {
    const found: string[] = [];
    for (const v of VIEWS) {
      await openView(s, v.id);
      await idle(s.page);
      const violations = await axe(s.page, '[data-testid="taskpane"]', `first-${v.id}`);
      if (violations.length > 0) console.log(`axe, ${v.label} before conversion:\n${describeViolations(violations)}`);
      if (failing(violations)) found.push(`${v.label}: ${failing(violations)}`);
    }
    expect(found).toEqual([]);
    await openView(s, "setup");
  });

  test("only the open view's tab is in the Tab order", async () => {
    const indexes = await tabList()
      .getByRole("tab")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).tabIndex));
    expect(indexes).toEqual(VIEWS.map((_, i) => (i === 0 ? 0 : -1)));
  });

  test("keyboard: Tab enters on the open tab, arrows and Home/End move and wrap, Enter opens, Tab leaves", async () => {
    const { page } = s;
    await pane(page).getByRole("button", { name: "Refresh" }).focus();
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("tab Set up");
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toBe("tab Check");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await focused()).toBe("tab Settings"); // wraps around
    await page.keyboard.press("Home");
    expect(await focused()).toBe("tab Set up");
    await page.keyboard.press("End");
    expect(await focused()).toBe("tab Settings");
    // Moving does not open a view; Enter does.
    await expect(page.getByTestId("view-setup").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("view-settings").waitFor();
    await expect(tabList().getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")).resolves.toBe("true");
    // The open tab is now the bar's Tab stop: Tab leaves the bar, Shift+Tab comes back to it.
    await page.keyboard.press("Tab");
    expect(await focused()).not.toMatch(/^tab /);
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("tab Settings");
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("button Refresh");
  });

  for (const width of [320, 280]) {
    test(`at ${width} px: still one row; the bar scrolls on its own, and a tab reached by keyboard is in view`, async () => {
      const { page } = s;
      await page.setViewportSize({ width, height: 900 });
      const nav = pane(page).getByRole("navigation", { name: "Views" });
      const boxes = await tabList()
        .getByRole("tab")
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
      const { clientWidth, scrollWidth } = await nav.evaluate((e) => ({ clientWidth: e.clientWidth, scrollWidth: e.scrollWidth }));
      expect(clientWidth).toBeLessThanOrEqual(width);
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      await tabList().getByRole("tab", { name: "Settings" }).focus();
      await page.keyboard.press("Home");
      await page.keyboard.press("End");
      expect(await focused()).toBe("tab Settings");
      const navBox = (await nav.boundingBox()) as { x: number; width: number };
      const last = (await tabList().getByRole("tab", { name: "Settings" }).boundingBox()) as { x: number; width: number };
      expect(last.x).toBeGreaterThanOrEqual(navBox.x - 1);
      expect(last.x + last.width).toBeLessThanOrEqual(navBox.x + navBox.width + 1);
      await page.keyboard.press("Home");
      const first = (await tabList().getByRole("tab", { name: "Set up" }).boundingBox()) as { x: number };
      expect(first.x).toBeGreaterThanOrEqual(navBox.x - 1);
      await screenshot(page, `tab-bar-${width}`, nav);
      expect(failing(await axe(page, "body", `page-${width}`))).toBe("");
    });
  }
});
