/** The preview page: a banner that says it is not Excel, the simulated workbook, and the real task pane. */
import type { ExcelHost } from "../excel-host";
import { App } from "../taskpane/App";
import { Grid } from "./Grid";
import { HostWatch } from "./watch";

export function Preview({ host, watch }: { host: ExcelHost; watch: HostWatch }) {
  return (
    <div className="preview">
      <section className="banner" aria-label="About this preview" data-testid="preview-banner">
        <p>
          <strong>Preview — this is not Excel: a simulated workbook in your browser.</strong>{" "}
          <span>
            The task pane on the right is the real add-in; it works on the in-memory workbook on the left. Nothing is saved: reload the page to start again with
            the sample goals.
          </span>
        </p>
      </section>
      <div className="split">
        <section className="workbook" aria-label="Simulated workbook">
          <Grid host={host} watch={watch} />
        </section>
        <div className="taskpane-frame" data-testid="taskpane">
          <div className="taskpane-title" aria-hidden="true">
            Goal Scorecards
          </div>
          <div className="taskpane-body">
            <App runner={watch.runner} mode="preview" />
          </div>
        </div>
      </div>
    </div>
  );
}
