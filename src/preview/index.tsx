/**
 * The local preview (preview.html): the task pane beside a grid view of the
 * in-memory Excel host, loaded with the sample workbook. Excel does not run on Linux:
 * the page loads Microsoft's Excel client library (excel-web-16.00.js, without the rest
 * of office.js), whose requests the in-memory workbook answers. See docs/preview.md.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ExcelHost, installGlobals } from "../excel-host";
import { setDefaultClient } from "../excel-host/client";
import { GOAL_FUNCTIONS } from "../functions/registry";
import { Preview } from "./Preview";
import { loadSample } from "./sample";
import { HostWatch } from "./watch";

/** Microsoft's client, as the script tag of preview.html defined it. */
function useLoadedClient(): void {
  const w = window as unknown as { Excel?: typeof Excel; OfficeExtension?: typeof OfficeExtension };
  if (!w.Excel || !w.OfficeExtension) throw new Error("Microsoft's Excel client library (office-js/excel-web-16.00.js) did not load.");
  setDefaultClient({ Excel: w.Excel, OfficeExtension: w.OfficeExtension, platform: "web" });
}

export function newPreviewHost(): ExcelHost {
  const host = new ExcelHost({ initialSheet: null, payloadLimitBytes: 5 * 1024 * 1024 });
  host.registerFunctions(GOAL_FUNCTIONS);
  return host;
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("preview.html has no #container element");
  useLoadedClient();
  const host = newPreviewHost();
  // Excel.run, Excel's enums and Office.onReady for code that uses the globals.
  installGlobals(host);
  await loadSample(host);
  const watch = new HostWatch(host);
  // A handle for the browser tests and for curious people with the dev tools open.
  (window as unknown as { goalScorecardsPreview: unknown }).goalScorecardsPreview = { host, watch };
  createRoot(container).render(
    <StrictMode>
      <Preview host={host} watch={watch} />
    </StrictMode>,
  );
}

main().catch((e: unknown) => {
  const container = document.getElementById("container");
  if (container) container.textContent = `The preview could not start: ${e instanceof Error ? e.message : String(e)}`;
  console.error(e);
});
