/** A converted messy workbook and its refresh report, for the task pane's tests. */
import { ExcelHost } from "../../src/excel-host";
import { convert } from "../../src/excel/convert";
import { RefreshReport, refresh } from "../../src/excel/refresh";
import type { VerifyReport } from "../../src/excel/review";
import type { PaneApi } from "../../src/taskpane/pane";
import { createServices } from "../../src/taskpane/services";
import { newHost, seedMessySheet } from "../excel/fixtures";

export const AS_OF = 20_600; // 2026-05-27

export async function convertedMessy(): Promise<{ host: ExcelHost; report: RefreshReport }> {
  const host = newHost();
  seedMessySheet(host);
  await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals sheet" } }));
  const report = await host.run((ctx) => refresh(ctx, { asOf: AS_OF }));
  return { host, report };
}

/** A task pane API for rendering a view: the host's services, the given report and seal check, nothing else happening. */
export function fakePane(host: ExcelHost, report: RefreshReport | null, verify: VerifyReport | null, actor: string): PaneApi {
  return {
    mode: "preview",
    services: createServices((b) => host.run(b)),
    report,
    verify,
    asOf: null,
    setAsOf: () => undefined,
    actor,
    setActor: (n) => n,
    operation: null,
    busy: false,
    run: async (_label, fn) => fn(),
    cancel: () => undefined,
    error: null,
    notice: null,
    showError: () => undefined,
    showNotice: () => undefined,
    dismiss: () => undefined,
    refresh: async () => undefined,
    setReport: () => undefined,
    restartAutoRefresh: () => undefined,
    autoRefreshOn: true,
    goTo: async () => undefined,
    openView: () => undefined,
  };
}
