/** A converted messy workbook and its refresh report, for the task pane's tests. */
import { ExcelHost } from "../../src/excel-host";
import { convert } from "../../src/excel/convert";
import { RefreshReport, refresh } from "../../src/excel/refresh";
import { newHost, seedMessySheet } from "../excel/fixtures";

export const AS_OF = 20_600; // 2026-05-27

export async function convertedMessy(): Promise<{ host: ExcelHost; report: RefreshReport }> {
  const host = newHost();
  seedMessySheet(host);
  await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals sheet" } }));
  const report = await host.run((ctx) => refresh(ctx, { asOf: AS_OF }));
  return { host, report };
}
