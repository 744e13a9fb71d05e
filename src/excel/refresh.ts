/**
 * Refresh: the computed columns (Progress, Score, Status, Rolled Up, SMART) hold
 * values written by the engine. Only cells whose value changed are written, in
 * column runs, in requests under 4 MB.
 */
import { ComputedHeader } from "../core/columns";
import { Day } from "../core/dates";
import { Evaluation, GoalResult, evaluate } from "../core/engine";
import { WorkbookInput, goalRecords } from "../core/tables";
import { CellValue, MAX_REQUEST_BYTES, estimateBytes } from "./cell-values";
import { followScorecardSpill } from "./scorecards";
import { LoadedTable, LoadedWorkbook, computedColumns, engineInput, loadWorkbook } from "./workbook";

export interface RefreshOptions {
  asOf?: Day;
  /** A workbook already loaded in this run (saves the read). */
  loaded?: LoadedWorkbook;
}

export interface RefreshReport {
  evaluation: Evaluation;
  workbook: LoadedWorkbook;
  /** Cells written (only those whose value changed). */
  cellsWritten: number;
}

/** The value a computed column shows for a goal; blank for no data. */
export function computedValue(column: ComputedHeader, g: GoalResult): CellValue {
  switch (column) {
    case "Progress":
      return g.blocked || g.progress === null ? "" : g.progress;
    case "Score":
      return g.blocked || g.score === null ? "" : g.score;
    case "Rolled Up":
      return g.blocked || g.rolledUp === null ? "" : g.rolledUp;
    case "Status":
      return g.blocked ? `Blocked (${g.blockedBy?.code ?? "error"})` : (g.status ?? "");
    case "SMART":
      return g.smart;
  }
}

function same(a: unknown, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  if ((a === null || a === undefined || a === "") && b === "") return true;
  return a === b;
}

export interface CellWrite {
  sheet: string;
  row: number;
  column: number;
  values: CellValue[][];
  /** Write these as number formats instead of values. */
  numberFormat?: boolean;
}

/** The runs of changed computed cells, column by column. */
export function computedWrites(wb: LoadedWorkbook, input: WorkbookInput, ev: Evaluation): CellWrite[] {
  const byTable = new Map<string, Map<number, GoalResult>>();
  goalRecords(input).forEach((g, i) => {
    if (!g.source) return;
    let m = byTable.get(g.source.table);
    if (!m) byTable.set(g.source.table, (m = new Map<number, GoalResult>()));
    m.set(g.source.row, ev.goals[i]);
  });
  const writes: CellWrite[] = [];
  for (const t of wb.goalTables) writes.push(...tableWrites(t, byTable.get(t.name) ?? new Map<number, GoalResult>()));
  return writes;
}

function tableWrites(t: LoadedTable, goals: Map<number, GoalResult>): CellWrite[] {
  const out: CellWrite[] = [];
  const cols = computedColumns(t);
  for (const column of Object.keys(cols) as ComputedHeader[]) {
    const c = cols[column] as number;
    let run: { start: number; values: CellValue[][] } | null = null;
    const close = (): void => {
      if (run) out.push({ sheet: t.sheet, row: t.headerRowIndex + 1 + run.start, column: t.firstColumn + c, values: run.values });
      run = null;
    };
    for (let r = 0; r < t.rows.length; r++) {
      const g = goals.get(r);
      const want: CellValue = g ? computedValue(column, g) : "";
      if (same(t.rows[r][c], want)) {
        close();
        continue;
      }
      if (run === null) run = { start: r, values: [] };
      (run as { values: CellValue[][] }).values.push([want]);
    }
    close();
  }
  return out;
}

/**
 * Bytes a range write adds to a request besides its values: the GetRangeByIndexes object
 * path with its four arguments, its instantiate and _KeepReference actions (a range inside
 * Excel.run is kept) and the Values (or NumberFormat) action, with their ids. Measured
 * through Microsoft's client: about 470 bytes a write (test/excel/refresh.test.ts "writes
 * in bulk": 30,000 one-cell writes were 14.3 MB). With 64, as before, a refresh of many
 * short runs sent 12 MB requests at 100,000 rows (npm run bench).
 */
export const WRITE_OVERHEAD = 512;

function isRequestTooLarge(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "RequestPayloadSizeLimitExceeded";
}

/** A refused batch in two: its runs between the halves, or one run's rows; null for a single row. */
function halves(batch: readonly CellWrite[]): [CellWrite[], CellWrite[]] | null {
  if (batch.length > 1) {
    const m = Math.ceil(batch.length / 2);
    return [batch.slice(0, m), batch.slice(m)];
  }
  const w = batch[0];
  if (!w || w.values.length <= 1) return null;
  const m = Math.ceil(w.values.length / 2);
  return [[{ ...w, values: w.values.slice(0, m) }], [{ ...w, row: w.row + m, values: w.values.slice(m) }]];
}

/**
 * Writes cell runs in as few requests as fit under `maxBytes` (their real JSON size);
 * calculation is suspended during each. Should Excel still refuse a request as too
 * large (`RequestPayloadSizeLimitExceeded`: nothing of it was applied), it is sent
 * again in halves, down to a single row, in the same operation.
 */
export async function writeRuns(context: Excel.RequestContext, writes: readonly CellWrite[], maxBytes = MAX_REQUEST_BYTES * 0.8): Promise<number> {
  let cells = 0;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    let s = sheets.get(name);
    if (!s) sheets.set(name, (s = context.workbook.worksheets.getItem(name)));
    return s;
  };
  const send = async (batch: readonly CellWrite[]): Promise<void> => {
    context.application.suspendApiCalculationUntilNextSync();
    for (const w of batch) {
      const range = sheet(w.sheet).getRangeByIndexes(w.row, w.column, w.values.length, w.values[0]?.length ?? 1);
      if (w.numberFormat) range.numberFormat = w.values;
      else range.values = w.values;
    }
    try {
      await context.sync();
    } catch (e) {
      const parts = isRequestTooLarge(e) ? halves(batch) : null;
      if (!parts) throw e;
      await send(parts[0]);
      await send(parts[1]);
    }
  };
  let batch: CellWrite[] = [];
  let size = 0;
  for (const w of splitLarge(writes, maxBytes)) {
    const bytes = estimateBytes(w.values) + WRITE_OVERHEAD;
    if (batch.length > 0 && size + bytes > maxBytes) {
      await send(batch);
      batch = [];
      size = 0;
    }
    batch.push(w);
    size += bytes;
    cells += w.values.length * (w.values[0]?.length ?? 1);
  }
  if (batch.length > 0) await send(batch);
  return cells;
}

/** Cuts runs that alone exceed the limit into smaller runs (at least one row each). */
function splitLarge(writes: readonly CellWrite[], maxBytes: number): CellWrite[] {
  const out: CellWrite[] = [];
  for (const w of writes) {
    if (estimateBytes(w.values) + WRITE_OVERHEAD <= maxBytes) {
      out.push(w);
      continue;
    }
    let start = 0;
    while (start < w.values.length) {
      let end = start;
      let bytes = WRITE_OVERHEAD + 2;
      while (end < w.values.length) {
        const row = estimateBytes([w.values[end]]) - 1; // the row and its comma
        if (end > start && bytes + row > maxBytes) break;
        bytes += row;
        end++;
      }
      out.push({ ...w, row: w.row + start, values: w.values.slice(start, end) });
      start = end;
    }
  }
  return out;
}

/** Reads the workbook, runs the engine and writes the computed columns that changed. */
export async function refresh(context: Excel.RequestContext, options: RefreshOptions = {}): Promise<RefreshReport> {
  const workbook = options.loaded ?? (await loadWorkbook(context));
  const input = engineInput(workbook);
  const evaluation = evaluate(input, {
    asOf: options.asOf,
    settings: workbook.meta.settings,
    reviewCycle: workbook.meta.cycle.name,
  });
  const cellsWritten = await writeRuns(context, computedWrites(workbook, input, evaluation));
  // The chart of the Scorecards sheet follows the GOAL.SCORECARD spill (owners come and go).
  if (workbook.scorecardsSheetExists) await followScorecardSpill(context);
  return { evaluation, workbook, cellsWritten };
}
