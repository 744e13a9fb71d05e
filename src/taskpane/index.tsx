/**
 * The task pane's entry: in Excel, the App over Office's Excel.run (waiting while a
 * cell is being edited); outside Office, a short message pointing to the preview page.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Link, Spinner, Title3, webLightTheme } from "@fluentui/react-components";
import { officeRunner } from "../excel/autorefresh";
import { App } from "./App";
import { OUTSIDE_OFFICE_MESSAGE, detectHost } from "./host";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

function OutsideOffice() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }}>
        <Title3 as="h1">Goal Scorecards</Title3>
        <Body1 data-testid="host-line">{OUTSIDE_OFFICE_MESSAGE}</Body1>
        <Body1>
          This page is the Excel add-in&apos;s task pane and works inside Excel. To try it in a browser with a sample workbook, open the{" "}
          <Link href="preview.html">preview page</Link>.
        </Body1>
      </main>
    </FluentProvider>
  );
}

root.render(
  <FluentProvider theme={webLightTheme}>
    <Spinner style={{ marginTop: 48 }} label="Starting Goal Scorecards…" />
  </FluentProvider>,
);

void detectHost().then((info) => {
  const inOffice = info?.host !== undefined && info.host !== null && info.host !== "" && typeof Excel !== "undefined";
  root.render(<StrictMode>{inOffice ? <App runner={officeRunner()} mode="office" /> : <OutsideOffice />}</StrictMode>);
});
