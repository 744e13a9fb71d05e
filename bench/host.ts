/**
 * Round trips against the in-memory Excel host (src/excel-host): how many
 * `context.sync()` calls and how large the largest request is when the add-in
 * converts a sheet, reads the workbook, refreshes the computed columns and changes
 * the review state, at a given number of rows.
 */
import { convert } from "../src/excel/convert";
import { refresh } from "../src/excel/refresh";
import { changeState } from "../src/excel/review";
import { loadWorkbook } from "../src/excel/workbook";
import { ExcelHost } from "../src/excel-host";
import { setClientLoader } from "../src/excel-host/client";
import { loadOfficeClient } from "../src/excel-host/node-client";
import { requirementsFor } from "../src/excel-host/platforms";

// Requests go through Microsoft's Excel client (Excel on the web's build): sync counts and
// request sizes are those of the real serialized RichApi bodies.
setClientLoader((platform) => loadOfficeClient(platform, requirementsFor(platform).isSetSupported), "web");
import { CHECKIN_HEADERS, GOAL_HEADERS, GeneratedWorkbook } from "./generate";
import { now } from "./measure";

export interface RoundTrip {
  operation: string;
  rows: number;
  /** null when the operation is not available in this checkout. */
  syncs: number | null;
  requests: number | null;
  maxRequestBytes: number | null;
  maxResponseBytes: number | null;
  ms: number | null;
  note?: string;
}

const INPUT_WIDTH = GOAL_HEADERS.indexOf("Progress");

/** A sheet of goals as an analyst has it (the input columns, not yet a table), and a CheckIns table. */
function seed(wb: GeneratedWorkbook): ExcelHost {
  const host = new ExcelHost({ initialSheet: null, payloadLimitBytes: 5 * 1024 * 1024 });
  host.addSheet("Goals sheet");
  host.setValues("Goals sheet", "A1", [GOAL_HEADERS.slice(0, INPUT_WIDTH), ...wb.goals.rows.map((r) => r.slice(0, INPUT_WIDTH))]);
  host.addSheet("CheckIns");
  host.setValues("CheckIns", "A1", [[...CHECKIN_HEADERS], ...wb.checkIns.rows]);
  host.addTable("CheckIns", `A1:E${wb.checkIns.rows.length + 1}`, "CheckIns");
  return host;
}

let progress: ((line: string) => void) | null = null;

/** Where to report each operation as it finishes (the host at 100,000 rows takes a while). */
export function onProgress(report: ((line: string) => void) | null): void {
  progress = report;
}

async function measure(host: ExcelHost, operation: string, rows: number, run: (ctx: Excel.RequestContext) => Promise<unknown>): Promise<RoundTrip> {
  host.stats.reset();
  const t = now();
  let note: string | undefined;
  try {
    await host.run(async (ctx) => {
      await run(ctx);
    });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    note = `failed: ${err.code ?? "error"}${err.message ? ` (${err.message.slice(0, 120)})` : ""}`;
  }
  const ms = now() - t;
  const requests = host.stats.requests;
  const result: RoundTrip = {
    operation,
    rows,
    syncs: host.stats.syncs,
    requests: requests.length,
    maxRequestBytes: host.stats.maxRequestBytes,
    maxResponseBytes: requests.reduce((m, r) => Math.max(m, r.responseBytes), 0),
    ms,
  };
  if (note) result.note = note;
  if (progress) progress(`${operation} at ${rows} rows: ${result.syncs} syncs, ${Math.round(ms)} ms${note ? `, ${note}` : ""}`);
  return result;
}

/** Convert, read, refresh and a state change (Draft → Active → Data locked) at this size. */
export async function benchRoundTrips(wb: GeneratedWorkbook): Promise<RoundTrip[]> {
  const rows = wb.goals.rows.length;
  const host = seed(wb);
  const out: RoundTrip[] = [];
  out.push(await measure(host, "convert a sheet", rows, (ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals sheet" } })));
  out.push(await measure(host, "read (loadWorkbook)", rows, (ctx) => loadWorkbook(ctx)));
  // The user clears the computed columns (not counted): the refresh then writes every
  // computed cell, the largest payload a refresh can send.
  const firstComputed = GOAL_HEADERS.indexOf("Progress");
  const width = GOAL_HEADERS.length - firstComputed;
  host.setValues(
    "Goals sheet",
    `${String.fromCharCode(65 + firstComputed)}2`,
    wb.goals.rows.map(() => new Array<string>(width).fill("")),
  );
  out.push(await measure(host, "refresh computed columns", rows, (ctx) => refresh(ctx, { asOf: wb.asOf })));
  const at = new Date(Date.UTC(2026, 4, 15, 9));
  out.push(await measure(host, "state change Draft → Active", rows, (ctx) => changeState(ctx, { to: "Active", actor: "Bench", now: at })));
  out.push(await measure(host, "state change Active → Data locked", rows, (ctx) => changeState(ctx, { to: "Data locked", actor: "Bench", now: at })));
  return out;
}
