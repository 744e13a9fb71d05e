/**
 * The views render (server-side, no DOM needed) with a real refresh report: stable
 * test ids, tab names, headings, button names, labelled inputs, no raw HTML.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { ExcelHost } from "../../src/excel-host";
import { App } from "../../src/taskpane/App";
import { describeError } from "../../src/taskpane/logic/errors";
import { PaneApi, PaneContext, VIEWS } from "../../src/taskpane/pane";
import { verifyLoaded } from "../../src/taskpane/reviewApi";
import { CascadeView } from "../../src/taskpane/views/CascadeView";
import { CheckView } from "../../src/taskpane/views/CheckView";
import { ReviewView } from "../../src/taskpane/views/ReviewView";
import { ScorecardsView } from "../../src/taskpane/views/ScorecardsView";
import { SettingsView } from "../../src/taskpane/views/SettingsView";
import { SetupView } from "../../src/taskpane/views/SetupView";
import { convertedMessy, fakePane } from "./support";

async function paneFor(withReport: boolean): Promise<PaneApi> {
  const { host, report } = await convertedMessy();
  return fakePane(host, withReport ? report : null, await verifyLoaded(report.workbook), "Pat <b>Analyst</b>");
}

function render(pane: PaneApi, view: ReactElement): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={pane}>{view}</PaneContext.Provider>
    </FluentProvider>,
  );
}

describe("views", () => {
  test("each view has its test id and a heading, with and without goals", async () => {
    const views: [string, ReactElement][] = [
      ["view-setup", <SetupView key="a" />],
      ["view-check", <CheckView key="b" />],
      ["view-scorecards", <ScorecardsView key="c" />],
      ["view-cascade", <CascadeView key="d" />],
      ["view-review", <ReviewView key="e" />],
      ["view-settings", <SettingsView key="f" />],
    ];
    for (const withReport of [true, false]) {
      const pane = await paneFor(withReport);
      for (const [id, el] of views) {
        const html = render(pane, el);
        expect(html).toContain(`data-testid="${id}"`);
        expect(html).toMatch(/<h2[^>]*>/);
      }
    }
  });

  test("check: summary, findings named by rule, Go to buttons that say which cell", async () => {
    const html = render(await paneFor(true), <CheckView />);
    expect(html).toMatch(/data-testid="check-summary"[^>]*>5 goals · \d+ failures · \d+ warnings/);
    expect(html).toMatch(/data-address="&#x27;Goals sheet&#x27;!\$?[A-Z]+\d+"[^>]*>Go to Goals sheet![A-Z]+\d+</);
    expect(html).not.toContain(">Go to cell<");
    expect(html).toContain(">Duplicate ID</span>");
    expect(html).toContain(">ID · rule D1</span>");
    for (const label of ["Severity", "Rule", "Owner"]) expect(html).toContain(`>${label}</label>`);
  });

  test("scorecards, cascade, review and settings show their main controls", async () => {
    const pane = await paneFor(true);
    const sc = render(pane, <ScorecardsView />);
    expect(sc).toContain(">Write Scorecards sheet<");
    expect(sc).toContain('data-testid="scorecard-row"');
    expect(sc).toMatch(/role="img" aria-label="Bar chart of scores: /);
    expect(sc).toContain(">Sort by</label>");
    expect(sc).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Dana Reyes, \d+ goals?: \d+ [A-Z]/);
    expect(sc).toMatch(/data-testid="status-badge" data-status="[^"]+"[^>]*>[A-Z][a-z ]+ \d+</);
    const cascade = render(pane, <CascadeView />);
    expect(cascade).toContain('role="tree"');
    expect(cascade).toContain('data-testid="cascade-node"');
    expect(cascade).toContain(">Search goals</label>");
    const review = render(pane, <ReviewView />);
    expect(review).toContain('aria-current="step"');
    expect(review).toContain(">Advance to Active<");
    expect(review).toContain(">Prepare review copy<");
    expect(review).toContain(">Restore live formulas<");
    expect(review).toContain(">Verify seal<");
    const settings = render(pane, <SettingsView />);
    expect(settings).toContain(">Your name for the audit log</label>");
    expect(settings).toContain(">On track gap (%)</label>");
    expect(settings).toContain('type="date"');
  });

  test("user text is escaped, never HTML", async () => {
    const pane = await paneFor(true);
    const html = render(pane, <ReviewView />);
    expect(html).not.toContain("<b>Analyst</b>");
    const err = describeError(new Error("<img src=x onerror=alert(1)>"));
    expect(err.message).toBe("<img src=x onerror=alert(1)>");
  });

  test("App: the tab list names the six views, Refresh is a button, the host line is in the footer", () => {
    const host = new ExcelHost({ initialSheet: null });
    const html = renderToString(<App runner={(b) => host.run(b)} mode="preview" />);
    expect(html).toContain('role="tablist"');
    for (const v of VIEWS) expect(html).toMatch(new RegExp(`role="tab"[^>]*>(<[^>]+>)*${v.label}<`));
    expect(html).toContain(">Refresh<");
    expect(html).toContain(">Convert sheet<");
    expect(html).toContain(">Convert selection<");
    expect(html).toContain(">Start from template<");
    expect(html).toContain("Running outside Office (preview)");
  });
});
