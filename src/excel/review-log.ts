/**
 * The commit step of review operations: GoalMeta's rows and new GoalAudit entries,
 * written so that a re-run after a failure is safe.
 *
 * The audit log is committed by `audit.count` (and `audit.head`) on GoalMeta: entries
 * below the count are the log; entries after it were written by an operation that did
 * not finish ("uncommitted"). The next operation writes its entries from the first
 * uncommitted row on, so an interrupted attempt never leaves duplicates.
 */
import { AUDIT_TABLE, META_TABLE, Meta, metaRows } from "../core/meta";
import { AuditEntry, auditEntriesFromRows, auditRow, nextAuditEntry } from "../core/seal";
import { DEFAULT_SETTINGS } from "../core/settings";
import { CellValue, MAX_REQUEST_BYTES, chunkRows, estimateBytes, userCell } from "./cell-values";
import { writeRuns } from "./refresh";
import { LoadedWorkbook } from "./workbook";

/** The fixed GoalMeta rows (schema … audit.count) that commit an operation; metaRows writes them first. */
const HEAD_ROWS = 9;

export interface AuditState {
  /** Every entry in the table (blank rows skipped). */
  entries: AuditEntry[];
  /** Row index (in the table body) of each entry. */
  rowIndex: number[];
  /** Entries that belong to the log (meta's audit.count; all when it is blank). */
  committed: number;
  /** Entries written after the count by an operation that did not finish. */
  pending: AuditEntry[];
  /** Body row where the next entry goes. */
  slot: number;
}

function blankRow(r: readonly unknown[]): boolean {
  return r.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
}

export function auditState(wb: LoadedWorkbook): AuditState {
  const rows = wb.auditTable?.rows ?? [];
  const rowIndex: number[] = [];
  rows.forEach((r, i) => {
    if (!blankRow(r)) rowIndex.push(i);
  });
  const entries = auditEntriesFromRows(rows);
  const count = wb.meta.audit.count;
  const committed = count === null ? entries.length : Math.min(Math.max(0, count), entries.length);
  const slot = committed < entries.length ? rowIndex[committed] : rowIndex.length > 0 ? rowIndex[rowIndex.length - 1] + 1 : 0;
  return { entries, rowIndex, committed, pending: entries.slice(committed), slot };
}

/** An audit entry before the chain numbers and hashes it. */
export type EntrySpec = Omit<AuditEntry, "seq" | "prevHash" | "hash">;

/** Chains new entries after the last committed one. */
export async function chainEntries(state: AuditState, specs: readonly EntrySpec[]): Promise<AuditEntry[]> {
  let last = state.committed > 0 ? state.entries[state.committed - 1] : null;
  const out: AuditEntry[] = [];
  for (const s of specs) {
    const e = await nextAuditEntry(last, s);
    out.push(e);
    last = e;
  }
  return out;
}

function auditCells(e: AuditEntry): CellValue[] {
  return auditRow(e).map((v) => userCell(v));
}

/**
 * Queues the entries at the audit slot (growing the table when needed) and blanks any
 * uncommitted rows after them. The metadata sheet must be unprotected. No sync.
 */
export function queueAuditEntries(context: Excel.RequestContext, wb: LoadedWorkbook, state: AuditState, entries: readonly AuditEntry[]): void {
  const t = wb.auditTable;
  if (!t) throw new Error("The GoalAudit table is missing");
  const width = t.headers.length;
  const rows = entries.map((e) => {
    const cells = auditCells(e);
    while (cells.length < width) cells.push("");
    return cells.slice(0, width);
  });
  const have = t.rows.length;
  const inTable = rows.slice(0, Math.max(0, have - state.slot));
  const extra = rows.slice(inTable.length);
  const ws = context.workbook.worksheets.getItem(t.sheet);
  if (inTable.length > 0) ws.getRangeByIndexes(t.headerRowIndex + 1 + state.slot, t.firstColumn, inTable.length, width).values = inTable;
  if (extra.length > 0) context.workbook.tables.getItem(AUDIT_TABLE).rows.add(undefined, extra);
  // Uncommitted rows of an earlier attempt that the new entries did not cover.
  const end = state.slot + rows.length;
  for (const i of state.rowIndex) {
    if (i >= end) ws.getRangeByIndexes(t.headerRowIndex + 1 + i, t.firstColumn, 1, width).values = [new Array<CellValue>(width).fill("")];
  }
  // Keep the loaded copy in step, so that a later step in the same run sees what was written.
  const next = t.rows.slice();
  rows.forEach((r, k) => (next[state.slot + k] = r));
  for (const i of state.rowIndex) if (i >= end) next[i] = new Array<unknown>(width).fill("");
  t.rows = next;
}

/** GoalMeta's rows as cells. */
function metaCells(meta: Meta): CellValue[][] {
  return metaRows(meta, DEFAULT_SETTINGS).map(([k, v]) => [k, typeof v === "string" ? userCell(v) : v]);
}

export interface MetaWrite {
  /** Queue the head rows (the commit); the caller syncs. */
  queueHead(): void;
}

/** Prepares GoalMeta's write: large tails are written now (their own syncs); the head is queued by `queueHead`. */
export async function prepareMetaWrite(context: Excel.RequestContext, wb: LoadedWorkbook, meta: Meta): Promise<MetaWrite> {
  const t = wb.metaTable;
  if (!t) throw new Error("The GoalMeta table is missing");
  const rows = metaCells(meta);
  const have = t.rows.length;
  const ws = context.workbook.worksheets.getItem(t.sheet);
  const body: CellValue[][] = rows.slice(0, Math.min(have, rows.length));
  for (let i = rows.length; i < have; i++) body.push(["", ""]);
  const extra = rows.slice(have);
  const head = body.slice(0, HEAD_ROWS);
  const tail = body.slice(HEAD_ROWS);
  const big = estimateBytes(tail) + estimateBytes(extra) > MAX_REQUEST_BYTES * 0.5;
  const queueTail = (): void => {
    if (tail.length > 0) ws.getRangeByIndexes(t.headerRowIndex + 1 + HEAD_ROWS, t.firstColumn, tail.length, 2).values = tail;
    if (extra.length > 0) context.workbook.tables.getItem(META_TABLE).rows.add(undefined, extra);
  };
  if (big) {
    // Pieces of a large seal document: their own requests, before the commit.
    const writes = chunkRows(tail).map((c) => ({ sheet: t.sheet, row: t.headerRowIndex + 1 + HEAD_ROWS + c.start, column: t.firstColumn, values: c.rows }));
    await writeRuns(context, writes);
    for (const c of chunkRows(extra)) {
      context.workbook.tables.getItem(META_TABLE).rows.add(undefined, c.rows);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of a large seal document
      await context.sync();
    }
  }
  return {
    queueHead(): void {
      if (!big) queueTail();
      if (head.length > 0) ws.getRangeByIndexes(t.headerRowIndex + 1, t.firstColumn, head.length, 2).values = head;
      t.rows = rows.map((r) => [...r]);
    },
  };
}
