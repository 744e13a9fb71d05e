/**
 * "Prepare review copy" and "Restore live formulas" (review.md "Sharing by email").
 *
 * Excel without the add-in shows #NAME? for GOAL.* formulas once it recalculates,
 * so the copy replaces them by their current values. The original formulas are kept
 * on the metadata sheet in the table GoalFormulas (Sheet, Address, Formula, Spill):
 * Spill is the range the formula's result filled (its spill), found by comparing the
 * sheet before and after the formula was replaced; restoring clears that range and
 * writes the formula back, so that it spills again.
 *
 * Order, so that a re-run completes an interrupted run:
 *   1. record the formulas (Spill blank), replace them by their values, reprotect;
 *   2. write the spilled values, fill in Spill, the About sheet, reprotect.
 * A recorded row with a blank Spill whose cell has lost its formula was interrupted
 * between 1 and 2: the next run writes the formula back first and starts again.
 */
import { cellName, parseRange, rangeText } from "../core/a1";
import { CycleState } from "../core/meta";
import { readChunks, userCell, CellValue } from "./cell-values";
import { loadReview, verifyLoaded } from "./review-verify";
import {
  BASE_PROTECTION,
  ProtectionFlags,
  ProtectionStatus,
  ReviewError,
  checkPlan,
  lockPlan,
  queueProtect,
  queueStructure,
  queueUnprotect,
  readLockFlags,
  readProtection,
  syncExplained,
} from "./review-protection";
import { LoadedWorkbook } from "./workbook";

export const ABOUT_SHEET = "About this review";
export const FORMULAS_TABLE = "GoalFormulas";
export const FORMULAS_COLUMNS = ["Sheet", "Address", "Formula", "Spill"] as const;
/** GoalFormulas sits at P:S of the metadata sheet (GoalMeta A:B, GoalAudit D:N). */
export const FORMULAS_COLUMN = 15;

const LOCKED_STATES: readonly CycleState[] = ["Data locked", "In review", "Closed"];

/** A GOAL.* formula (not text that merely mentions it). */
export function isGoalFormula(f: unknown): boolean {
  return typeof f === "string" && f.startsWith("=") && /(^|[^A-Za-z0-9_.])GOAL\.[A-Za-z]+\s*\(/i.test(f);
}

// ---- A1 helpers ------------------------------------------------------------------

/** A block of cells as getRangeByIndexes takes it: the 0-based top left cell and the size. */
interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** `C5` or `C5:E9` → block; null when it is not an address. */
function parseBlock(text: string): Block | null {
  const x = parseRange(text.trim());
  return x && { row: x.r0, column: x.c0, rows: x.r1 - x.r0 + 1, columns: x.c1 - x.c0 + 1 };
}

function blockText(b: Block): string {
  return rangeText({ r0: b.row, c0: b.column, r1: b.row + b.rows - 1, c1: b.column + b.columns - 1 });
}

// ---- GoalFormulas ----------------------------------------------------------------

interface Recorded {
  /** Body row of the table. */
  index: number;
  sheet: string;
  address: string;
  formula: string;
  spill: string | null;
}

interface FormulasTable {
  sheet: string;
  headerRowIndex: number;
  firstColumn: number;
  bodyRows: number;
  rows: Recorded[];
  /** Body rows with content. */
  used: number[];
}

function text(v: unknown): string {
  // Cell formulas and values from Office.js are strings, numbers and booleans.
  const cell = v as CellValue | null | undefined;
  return cell === null || cell === undefined ? "" : String(cell);
}

/** Reads GoalFormulas (two syncs when it exists). */
async function loadFormulas(context: Excel.RequestContext): Promise<FormulasTable | null> {
  const t = context.workbook.tables.getItemOrNullObject(FORMULAS_TABLE);
  t.load("name");
  await context.sync();
  if (t.isNullObject) return null;
  const range = t.getRange();
  range.load("values,rowIndex,columnIndex,rowCount");
  const ws = t.worksheet;
  ws.load("name");
  await context.sync();
  const [header, ...body] = range.values;
  const idx = FORMULAS_COLUMNS.map((name, i) => {
    const k = header.findIndex((h) => text(h).trim().toLowerCase() === name.toLowerCase());
    return k >= 0 ? k : i;
  });
  const rows: Recorded[] = [];
  const used: number[] = [];
  body.forEach((r, i) => {
    const cells = idx.map((k) => text(r[k]));
    if (cells.every((c) => c.trim() === "")) return;
    used.push(i);
    rows.push({ index: i, sheet: cells[0], address: cells[1], formula: cells[2], spill: cells[3].trim() === "" ? null : cells[3].trim() });
  });
  return { sheet: ws.name, headerRowIndex: range.rowIndex, firstColumn: range.columnIndex, bodyRows: body.length, rows, used };
}

export interface CopyStatus {
  state: "none" | "partial" | "complete";
  /** Formulas recorded on the metadata sheet. */
  recorded: number;
  pending: string | null;
}

const PREPARE_AGAIN = "Preparing the review copy was interrupted. Run Prepare review copy again to finish it (or Restore live formulas to undo it).";
const RESTORE_AGAIN = "Restoring the live formulas was interrupted. Run Restore live formulas again to finish it.";

/** Whether the workbook is a review copy, and whether making or undoing one was interrupted. */
export async function copyStatus(context: Excel.RequestContext, wb: LoadedWorkbook): Promise<CopyStatus> {
  void wb;
  const table = await loadFormulas(context);
  if (!table || table.rows.length === 0) return { state: "none", recorded: 0, pending: null };
  const cells = table.rows.map((r) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(r.sheet);
    const rect = parseBlock(r.address);
    const range = rect ? ws.getRangeByIndexes(rect.row, rect.column, 1, 1) : null;
    range?.load("formulas");
    return { r, ws, range };
  });
  const about = context.workbook.worksheets.getItemOrNullObject(ABOUT_SHEET);
  about.load("name");
  for (const c of cells) c.ws.load("name");
  await context.sync();
  let interruptedPrepare = about.isNullObject;
  let interruptedRestore = false;
  for (const c of cells) {
    if (c.ws.isNullObject || !c.range) continue;
    const hasFormula = isGoalFormula(c.range.formulas[0]?.[0]);
    if (c.r.spill === null) interruptedPrepare = true;
    else if (hasFormula) interruptedRestore = true;
  }
  if (interruptedRestore) return { state: "partial", recorded: table.rows.length, pending: RESTORE_AGAIN };
  if (interruptedPrepare) return { state: "partial", recorded: table.rows.length, pending: PREPARE_AGAIN };
  return { state: "complete", recorded: table.rows.length, pending: null };
}

// ---- scanning --------------------------------------------------------------------

interface SheetScan {
  sheet: string;
  row: number;
  column: number;
  formulas: unknown[][];
  values: unknown[][];
}

interface Anchor {
  sheet: string;
  row: number;
  column: number;
  formula: string;
  value: unknown;
}

/** Formulas and values of a rectangle, read in chunks. */
async function readBlock(context: Excel.RequestContext, sheet: string, x: Block): Promise<SheetScan> {
  const scan: SheetScan = { sheet, row: x.row, column: x.column, formulas: new Array<unknown[]>(x.rows), values: new Array<unknown[]>(x.rows) };
  // Formulas and values together: half the cells of a read chunk.
  for (const c of readChunks(x.rows, x.columns * 2)) {
    const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(x.row + c.start, x.column, c.count, x.columns);
    range.load("formulas,values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per read chunk, to stay under the payload limit
    await context.sync();
    range.formulas.forEach((row: unknown[], i) => (scan.formulas[c.start + i] = row));
    range.values.forEach((row: unknown[], i) => (scan.values[c.start + i] = row));
  }
  return scan;
}

/**
 * Formulas and values of the used range of every sheet but the metadata and About
 * sheets. On a sheet with GOAL formulas the area grows right and down until its edge
 * is blank, since a spill can reach past the used range.
 */
async function scanSheets(context: Excel.RequestContext, metaSheet: string | null): Promise<SheetScan[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const used = sheets.items
    .filter((s) => s.name !== metaSheet && s.name.toLowerCase() !== ABOUT_SHEET.toLowerCase())
    .map((s) => {
      const r = s.getUsedRangeOrNullObject(true);
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      return { sheet: s.name, r };
    });
  await context.sync();
  const out: SheetScan[] = [];
  for (const u of used) {
    if (u.r.isNullObject) continue;
    let x: Block = { row: u.r.rowIndex, column: u.r.columnIndex, rows: u.r.rowCount, columns: u.r.columnCount };
    let scan = await readBlock(context, u.sheet, x);
    if (anchorsOf(scan).length > 0) {
      for (let step = 16; ; step *= 2) {
        const grown: Block = { ...x, rows: x.rows + step, columns: x.columns + step };
        const g = await readBlock(context, u.sheet, grown);
        let lastRow = x.rows - 1;
        let lastCol = x.columns - 1;
        g.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (blank(v) && blank(g.formulas[i][j])) return;
            lastRow = Math.max(lastRow, i);
            lastCol = Math.max(lastCol, j);
          }),
        );
        if (lastRow < x.rows && lastCol < x.columns) break;
        x = { ...x, rows: lastRow + 1, columns: lastCol + 1 };
        scan = trim(g, x);
      }
    }
    out.push(scan);
  }
  return out;
}

function trim(s: SheetScan, x: Block): SheetScan {
  return {
    sheet: s.sheet,
    row: x.row,
    column: x.column,
    formulas: s.formulas.slice(0, x.rows).map((r) => r.slice(0, x.columns)),
    values: s.values.slice(0, x.rows).map((r) => r.slice(0, x.columns)),
  };
}

function anchorsOf(scan: SheetScan): Anchor[] {
  const out: Anchor[] = [];
  scan.formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      if (isGoalFormula(f)) out.push({ sheet: scan.sheet, row: scan.row + i, column: scan.column + j, formula: f as string, value: scan.values[i][j] });
    }),
  );
  return out;
}

/**
 * What a cell shows while its formula is still being calculated: #BUSY! ("A function in the
 * formula is still running", support.microsoft.com "How to correct a #BUSY! error"), as a
 * custom function does until its promise settles; #GETTING_DATA is Excel's older placeholder.
 */
const CALCULATING = new Set(["#BUSY!", "#GETTING_DATA"]);

/** Refuses the copy while a GOAL cell it would freeze still shows a placeholder instead of its result. */
function refuseWhileCalculating(anchors: readonly Anchor[]): void {
  const busy = anchors.filter((a) => typeof a.value === "string" && CALCULATING.has(a.value.trim().toUpperCase()));
  if (busy.length === 0) return;
  const shown = busy.slice(0, 5).map((a) => `${a.sheet}!${cellName(a.row, a.column)}`);
  const cells =
    busy.length > 5
      ? `${shown.join(", ")} and ${busy.length - 5} more cells`
      : shown.length > 1
        ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`
        : shown[0];
  const what = [...new Set(busy.map((a) => String(a.value).trim().toUpperCase()))].join(" or ");
  throw new ReviewError(
    `Excel is still calculating ${cells} (${busy.length === 1 ? "it shows" : "they show"} ${what}), and the review copy would keep that instead of the score. Wait until Excel has finished calculating, then try again.`,
    "refused",
  );
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

function asCell(v: unknown): CellValue {
  if (typeof v === "number" || typeof v === "boolean") return v;
  return userCell(blank(v) ? null : String(v));
}

/** The spill of each anchor: the cells that held a value (and no formula) before and are empty once the anchors hold values. */
function spills(scan: SheetScan, after: unknown[][], anchors: readonly Anchor[]): Map<Anchor, Block> {
  const out = new Map<Anchor, Block>(anchors.map((a) => [a, { row: a.row, column: a.column, rows: 1, columns: 1 }]));
  scan.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = scan.formulas[i][j];
      if (blank(v) || (typeof f === "string" && f.startsWith("=")) || !blank(after[i]?.[j])) return;
      const r = scan.row + i;
      const c = scan.column + j;
      // The anchor up and to the left whose column is nearest (spills never overlap).
      let best: Anchor | null = null;
      for (const a of anchors) {
        if (a.row > r || a.column > c) continue;
        if (!best || a.column > best.column || (a.column === best.column && a.row > best.row)) best = a;
      }
      if (!best) return;
      const x = out.get(best) as Block;
      const r1 = Math.max(x.row + x.rows - 1, r);
      const c1 = Math.max(x.column + x.columns - 1, c);
      out.set(best, { row: x.row, column: x.column, rows: r1 - x.row + 1, columns: c1 - x.column + 1 });
    }),
  );
  return out;
}

function optionsOf(status: ProtectionStatus, sheet: string): Required<ProtectionFlags> {
  const loaded = status.sheets.get(sheet.toLowerCase())?.options ?? {};
  const out = { ...BASE_PROTECTION };
  for (const k of Object.keys(out) as (keyof ProtectionFlags)[]) {
    const v = (loaded as Record<string, unknown>)[k];
    if (typeof v === "boolean") out[k] = v;
  }
  return out;
}

// ---- prepare ---------------------------------------------------------------------

export interface ReviewCopyResult {
  state: CycleState;
  /** GOAL.* formulas replaced by their values in this run. */
  replaced: number;
  /** Formulas recorded on the metadata sheet (this run and earlier ones). */
  recorded: number;
  protectionMatchesState: boolean;
  protectionProblems: string[];
  sealIntact: boolean | null;
  auditIntact: boolean;
  aboutSheet: string;
}

/**
 * Makes the workbook ready to send by email: GOAL.* formulas become their values
 * (recorded for Restore live formulas), and a visible `About this review` sheet says
 * what the seal is and how to check it. Only in a locked state.
 */
export async function prepareReviewCopy(context: Excel.RequestContext, options: { password?: string } = {}): Promise<ReviewCopyResult> {
  const password = options.password;
  const { wb, status } = await loadReview(context, password);
  const state = wb.meta.cycle.state;
  if (!LOCKED_STATES.includes(state))
    throw new ReviewError(
      `A review copy is made once the cycle is locked (Data locked, In review or Closed); the cycle is ${state}. Move it to Data locked first.`,
      "refused",
    );
  const metaSheet = wb.metaTable?.sheet ?? null;
  if (metaSheet === null) throw new ReviewError("The metadata sheet is missing.", "missing");

  // Protection and seal, as they are before the copy is made.
  const plan = lockPlan(wb, state);
  const flags = await readLockFlags(context, plan, status);
  // The metadata sheet is protected again at the end of this run (an interrupted run leaves it open).
  const protection = checkPlan(plan, status, flags, metaSheet);
  const verify = await verifyLoaded(wb);

  let table = await loadFormulas(context);
  const about = context.workbook.worksheets.getItemOrNullObject(ABOUT_SHEET);
  about.load("name");
  await context.sync();
  const aboutExists = !about.isNullObject;
  let scans = await scanSheets(context, metaSheet);
  const anchorSheets = (): string[] => [
    ...new Set([...scans.filter((s) => anchorsOf(s).length > 0).map((s) => s.sheet), ...(table?.rows.map((r) => r.sheet) ?? [])]),
  ];
  const st = await readProtection(context, [...anchorSheets(), metaSheet]);

  // An interrupted run: formulas replaced but their spills not written back. Put the formulas back first.
  const broken = (table?.rows ?? []).filter((r) => r.spill === null);
  if (broken.length > 0) {
    const rescan = new Set(broken.map((r) => r.sheet));
    for (const r of broken) {
      const x = parseBlock(r.address);
      if (!x) continue;
      const scan = scans.find((s) => s.sheet === r.sheet);
      const f = scan ? scan.formulas[x.row - scan.row]?.[x.column - scan.column] : undefined;
      if (isGoalFormula(f)) continue;
      queueUnprotect(context, st, r.sheet, password);
      context.workbook.worksheets.getItem(r.sheet).getRangeByIndexes(x.row, x.column, 1, 1).formulas = [[r.formula]];
    }
    for (const s of rescan) queueProtectBack(context, st, s, password);
    await syncExplained(context);
    scans = await scanSheets(context, metaSheet);
  }

  const anchors = scans.flatMap((s) => anchorsOf(s));
  refuseWhileCalculating(anchors);
  const recordedAt = new Map<string, Recorded>((table?.rows ?? []).map((r) => [`${r.sheet}!${r.address}`.toUpperCase(), r]));
  let rowsAfter = table?.rows.length ?? 0;

  // 1. Record the formulas, replace them by their values, and read the sheets again (the probe for spills).
  let probes: { scan: SheetScan; range: Excel.Range }[] = [];
  const rowOf = new Map<Anchor, number>();
  if (anchors.length > 0) {
    queueUnprotect(context, st, metaSheet, password);
    const meta = context.workbook.worksheets.getItem(metaSheet);
    const fresh: CellValue[][] = [];
    for (const a of anchors) {
      const cells: CellValue[] = [userCell(a.sheet), cellName(a.row, a.column), userCell(a.formula), ""];
      const known = recordedAt.get(`${a.sheet}!${cellName(a.row, a.column)}`.toUpperCase());
      if (known && table) {
        meta.getRangeByIndexes(table.headerRowIndex + 1 + known.index, table.firstColumn, 1, 4).values = [cells];
        rowOf.set(a, known.index);
      } else {
        rowOf.set(a, -1 - fresh.length);
        fresh.push(cells);
      }
    }
    if (fresh.length > 0) {
      if (!table) {
        const range = meta.getRangeByIndexes(0, FORMULAS_COLUMN, 1 + fresh.length, 4);
        range.values = [[...FORMULAS_COLUMNS], ...fresh];
        meta.tables.add(range, true).name = FORMULAS_TABLE;
        table = { sheet: metaSheet, headerRowIndex: 0, firstColumn: FORMULAS_COLUMN, bodyRows: fresh.length, rows: [], used: [] };
        for (const [a, i] of rowOf) if (i < 0) rowOf.set(a, -1 - i);
      } else {
        const slot = table.used.length > 0 ? table.used[table.used.length - 1] + 1 : 0;
        const inTable = fresh.slice(0, Math.max(0, table.bodyRows - slot));
        const extra = fresh.slice(inTable.length);
        if (inTable.length > 0) meta.getRangeByIndexes(table.headerRowIndex + 1 + slot, table.firstColumn, inTable.length, 4).values = inTable;
        if (extra.length > 0) context.workbook.tables.getItem(FORMULAS_TABLE).rows.add(undefined, extra);
        for (const [a, i] of rowOf) if (i < 0) rowOf.set(a, slot + (-1 - i));
        table.bodyRows = Math.max(table.bodyRows, slot + fresh.length);
      }
    }
    rowsAfter = (table?.rows.length ?? 0) + fresh.length;
    for (const sheet of new Set(anchors.map((a) => a.sheet))) {
      queueUnprotect(context, st, sheet, password);
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const a of anchors.filter((x) => x.sheet === sheet)) ws.getRangeByIndexes(a.row, a.column, 1, 1).values = [[asCell(a.value)]];
    }
    probes = scans
      .filter((s) => anchors.some((a) => a.sheet === s.sheet))
      .map((scan) => {
        const range = context.workbook.worksheets
          .getItem(scan.sheet)
          .getRangeByIndexes(scan.row, scan.column, Math.max(1, scan.values.length), Math.max(1, scan.values[0]?.length ?? 1));
        range.load("values");
        return { scan, range };
      });
    for (const sheet of new Set(anchors.map((a) => a.sheet))) queueProtectBack(context, st, sheet, password);
    await syncExplained(context);
  }

  // 2. The spilled values, where each formula's result went, and the About sheet.
  for (const p of probes) {
    const mine = anchors.filter((a) => a.sheet === p.scan.sheet);
    const found = spills(p.scan, p.range.values, mine);
    let touched = false;
    for (const [a, x] of found) {
      if (table)
        context.workbook.worksheets.getItem(metaSheet).getRangeByIndexes(table.headerRowIndex + 1 + (rowOf.get(a) ?? 0), table.firstColumn + 3, 1, 1).values = [
          [blockText(x)],
        ];
      if (x.rows === 1 && x.columns === 1) continue;
      const grid: (CellValue | null)[][] = [];
      for (let i = 0; i < x.rows; i++) {
        const row: (CellValue | null)[] = [];
        for (let j = 0; j < x.columns; j++) {
          const si = x.row + i - p.scan.row;
          const sj = x.column + j - p.scan.column;
          const before = p.scan.values[si]?.[sj];
          const was = p.scan.formulas[si]?.[sj];
          const child = !blank(before) && !(typeof was === "string" && was.startsWith("=")) && blank(p.range.values[si]?.[sj]);
          row.push(child ? asCell(before) : null);
        }
        grid.push(row);
      }
      if (!touched) queueUnprotect(context, st, p.scan.sheet, password);
      touched = true;
      context.workbook.worksheets.getItem(p.scan.sheet).getRangeByIndexes(x.row, x.column, x.rows, x.columns).values = grid as CellValue[][];
    }
    if (touched) queueProtectBack(context, st, p.scan.sheet, password);
  }
  queueAbout(
    context,
    st,
    aboutExists,
    { state, cycle: wb.meta.cycle.name, sealedAt: wb.meta.seal.at, hash: wb.meta.seal.hash, intact: verify.intact, protectionOk: protection.matches },
    password,
  );
  const metaPlan = plan.sheets.find((s) => s.sheet === metaSheet);
  if (metaPlan?.protect) queueProtect(context, st, metaSheet, metaPlan.options, password);
  await syncExplained(context);

  return {
    state,
    replaced: anchors.length,
    recorded: rowsAfter,
    protectionMatchesState: protection.matches,
    protectionProblems: protection.problems,
    sealIntact: verify.intact,
    auditIntact: verify.audit.intact,
    aboutSheet: ABOUT_SHEET,
  };
}

/** Protects a sheet again with the options it had, if it was protected when loaded. */
function queueProtectBack(context: Excel.RequestContext, st: ProtectionStatus, sheet: string, password?: string): void {
  if (st.sheets.get(sheet.toLowerCase())?.wasProtected) queueProtect(context, st, sheet, optionsOf(st, sheet), password);
}

interface AboutInfo {
  state: CycleState;
  cycle: string | null;
  sealedAt: string | null;
  hash: string | null;
  intact: boolean | null;
  protectionOk: boolean;
}

/** The rows of the About sheet: plain words for a manager who opens the file without the add-in. */
export function aboutRows(info: AboutInfo): [string, string][] {
  const seal = info.hash ? info.hash.slice(0, 12) : "(not sealed)";
  return [
    ["About this review", ""],
    ["", ""],
    ["Review cycle", info.cycle ?? "(no name)"],
    ["State", info.state],
    ["Sealed at (UTC)", info.sealedAt ?? "(not sealed)"],
    ["Seal (first 12 characters)", seal],
    ["Seal intact when this copy was made", info.intact === null ? "Not sealed" : info.intact ? "Yes" : "No: locked cells were changed after sealing"],
    ["Sheets locked for this state", info.protectionOk ? "Yes" : "No: the protection differs from what this state locks"],
    ["", ""],
    [
      "What this file is",
      `The goals of review cycle ${info.cycle ?? "(no name)"}, as they stood when the cycle was ${info.state}. Scores and scorecards are plain values, so they read the same in Excel without the Goal Scorecards add-in.`,
    ],
    [
      "What the seal is",
      "When the cycle was locked, Goal Scorecards recorded a seal: a fingerprint of every locked cell. If anyone changes a locked cell afterwards — even after removing the sheet protection — checking the seal shows which cell changed, its sealed value and its current value.",
    ],
    [
      "How to check it",
      "Open this file in Excel with the Goal Scorecards add-in: it checks the seal when it opens. Or ask HR to run:  goal-scorecards verify FILE  (FILE is this workbook). The seal above must start with the same 12 characters.",
    ],
    [
      "Sheet protection",
      "The sheets are protected against accidental edits. Protection alone does not stop a determined person; the seal is what shows any change.",
    ],
  ];
}

/** Queues the About sheet (added when missing: the workbook structure is unprotected around it). */
function queueAbout(context: Excel.RequestContext, st: ProtectionStatus, exists: boolean, info: AboutInfo, password?: string): void {
  const wasStructure = st.structure;
  if (!exists) queueStructure(context, st, false, password);
  const ws = exists ? context.workbook.worksheets.getItem(ABOUT_SHEET) : context.workbook.worksheets.add(ABOUT_SHEET);
  const rows = aboutRows(info).map(([a, b]) => [userCell(a), userCell(b)]);
  ws.getRangeByIndexes(0, 0, rows.length, 2).values = rows;
  ws.getRange("A1").format.font.bold = true;
  ws.getRangeByIndexes(0, 0, rows.length, 1).format.columnWidth = 200;
  ws.getRangeByIndexes(0, 1, rows.length, 1).format.columnWidth = 480;
  ws.getRangeByIndexes(0, 1, rows.length, 1).format.wrapText = true;
  ws.activate();
  if (wasStructure) queueStructure(context, st, true, password);
}

// ---- restore ---------------------------------------------------------------------

export interface RestoreResult {
  restored: number;
}

/** Writes the recorded GOAL.* formulas back (their spills cleared first) and empties GoalFormulas. */
export async function restoreLiveFormulas(context: Excel.RequestContext, options: { password?: string } = {}): Promise<RestoreResult> {
  const password = options.password;
  const { wb } = await loadReview(context, password);
  const table = await loadFormulas(context);
  if (!table || table.rows.length === 0) return { restored: 0 };
  const metaSheet = table.sheet;
  const sheets = [...new Set(table.rows.map((r) => r.sheet))];
  const st = await readProtection(context, [...sheets, metaSheet]);
  const present = sheets.filter((s) => st.sheets.get(s.toLowerCase())?.exists);

  // 1. The formulas, each over its cleared spill.
  for (const sheet of present) {
    queueUnprotect(context, st, sheet, password);
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const r of table.rows.filter((x) => x.sheet === sheet)) {
      const anchor = parseBlock(r.address);
      if (!anchor) continue;
      const spill = r.spill ? parseBlock(r.spill) : null;
      if (spill && (spill.rows > 1 || spill.columns > 1)) {
        const grid = Array.from({ length: spill.rows }, () => new Array<string>(spill.columns).fill(""));
        ws.getRangeByIndexes(spill.row, spill.column, spill.rows, spill.columns).formulas = grid;
      }
      ws.getRangeByIndexes(anchor.row, anchor.column, 1, 1).formulas = [[r.formula]];
    }
    queueProtectBack(context, st, sheet, password);
  }
  await syncExplained(context);

  // 2. Empty the record.
  queueUnprotect(context, st, metaSheet, password);
  const blankRows = Array.from({ length: table.bodyRows }, () => ["", "", "", ""]);
  if (blankRows.length > 0)
    context.workbook.worksheets.getItem(metaSheet).getRangeByIndexes(table.headerRowIndex + 1, table.firstColumn, blankRows.length, 4).values = blankRows;
  const metaPlan = lockPlan(wb, wb.meta.cycle.state).sheets.find((s) => s.sheet === metaSheet);
  if (metaPlan?.protect) queueProtect(context, st, metaSheet, metaPlan.options, password);
  await syncExplained(context);
  return { restored: table.rows.length };
}
