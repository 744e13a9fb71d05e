/**
 * The Review tab rendered (server-side) in each cycle state: the change request form
 * only in locked states before Closed (Closed says why), searchable goal pickers that
 * show ID and title, the check-in form's Confidence field, plain wording.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CycleState } from "../../src/core/meta";
import { PaneApi, PaneContext } from "../../src/taskpane/pane";
import { verifyLoaded } from "../../src/taskpane/reviewApi";
import { ReviewView } from "../../src/taskpane/views/ReviewView";
import { convertedMessy, fakePane } from "./support";

async function paneIn(state: CycleState, actor = "Pat Analyst"): Promise<PaneApi> {
  const { host, report } = await convertedMessy();
  report.workbook.meta.cycle.state = state;
  return fakePane(host, report, await verifyLoaded(report.workbook), actor);
}

function render(pane: PaneApi): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={pane}>
        <ReviewView />
      </PaneContext.Provider>
    </FluentProvider>,
  );
}

describe("the Review tab in each state", () => {
  test("Closed: no change request form, and the reason why; no check-in form", async () => {
    const html = render(await paneIn("Closed"));
    expect(html).not.toContain('aria-label="Change request"');
    expect(html).not.toContain(">Submit change request<");
    expect(html).toMatch(/data-testid="no-change-request"[^>]*>The cycle is closed: /);
    expect(html).not.toContain('aria-label="Add a check-in"');
  });
  test("In review: the change request form with a searchable goal picker showing ID and title", async () => {
    const html = render(await paneIn("In review"));
    expect(html).toContain('aria-label="Change request"');
    expect(html).toMatch(/<input[^>]*role="combobox"[^>]*value="[^"]+ — [^"]+"/);
    expect(html).toContain("Type an ID or a word of the title.");
  });
  test("Active: the check-in form has a Confidence field; a name field only when no name is set", async () => {
    const named = render(await paneIn("Active"));
    expect(named).toContain(">Confidence (optional)</label>");
    expect(named).not.toContain(">Your name for the audit log</label>");
    const unnamed = render(await paneIn("Active", ""));
    expect(unnamed.split(">Your name for the audit log</label>").length - 1).toBe(2); // both forms ask
  });
  test("Draft: no change request, and the reason why", async () => {
    const html = render(await paneIn("Draft"));
    expect(html).toMatch(/data-testid="no-change-request"[^>]*>In Draft every cell can be edited directly/);
    expect(html).toContain(">Confidence (optional)</label>");
  });
  test("the review copy says before the click that it changes this workbook", async () => {
    const html = render(await paneIn("Data locked"));
    expect(html).toMatch(/data-testid="copy-explained"[^>]*>Prepare review copy changes this workbook/);
  });
});
