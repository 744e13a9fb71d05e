/**
 * The preview grid's view model, without React: which cells to show and how (text,
 * kind, formats, locked, table headers, text spilling into an empty neighbour, column
 * widths), the selection's geometry, what the keys do, and the messages of refused
 * edits. Grid.tsx renders it; useSelection.ts and CellEditor.tsx act on it.
 */
import { ExcelHost, HostProtectionError } from "../excel-host";
import { Rect, addressRect as parseRect, cellName, rangeText } from "../core/a1";
import { contains } from "../excel-host/address";
import { formattedText as displayText } from "../excel-host/number-format";
import { literalText } from "../excel/cell-values";

export type { Rect };
export { contains, rangeText };

export type Kind = "empty" | "number" | "text" | "bool" | "error";

export interface CellView {
  text: string;
  kind: Kind;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  color: string | null;
  locked: boolean;
  tableHeader: boolean;
  /** Text that may overflow into the empty cell on its right. */
  spill: boolean;
}

export interface SheetView {
  name: string;
  rows: number;
  cols: number;
  cells: CellView[][];
  widths: number[];
  protected: boolean;
  hasPassword: boolean;
  truncated: boolean;
}

/** A cell by its 0-based row and column. */
export interface Point {
  r: number;
  c: number;
}

export const ROW_HEAD_WIDTH = 44;
export const MIN_ROWS = 30;
export const MIN_COLS = 12;
export const MAX_ROWS = 1000;
export const MAX_COLS = 80;
export const ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|BUSY!|CALC!|FIELD!|GETTING_DATA)$/;

// ---- which cells to show, and how ------------------------------------------------------

/**
 * How many rows and columns to show: the used range and a margin (6 rows, 3 columns),
 * at least MIN_ROWS × MIN_COLS, at most MAX_ROWS × MAX_COLS (then `truncated`).
 */
export function gridSize(used: Rect | null): { rows: number; cols: number; truncated: boolean } {
  const wantRows = Math.max(MIN_ROWS, used ? used.r1 + 6 : 0);
  const wantCols = Math.max(MIN_COLS, used ? used.c1 + 3 : 0);
  const rows = Math.min(MAX_ROWS, wantRows);
  const cols = Math.min(MAX_COLS, wantCols);
  return { rows, cols, truncated: rows < wantRows || cols < wantCols };
}

/** A cell's value as the grid shows it: its kind and text (numbers in their number format, read only when needed). */
export function cellText(v: string | number | boolean | null | undefined, numberFormat: () => string): { kind: Kind; text: string } {
  if (v === null || v === undefined || v === "") return { kind: "empty", text: "" };
  if (typeof v === "number") return { kind: "number", text: displayText(v, numberFormat()) };
  if (typeof v === "boolean") return { kind: "bool", text: displayText(v, "General") };
  const text = String(v);
  return { kind: ERROR.test(text) ? "error" : "text", text };
}

/** A column's width in pixels for its longest text (in characters, at most 40). */
export function columnWidth(chars: number): number {
  return Math.max(56, Math.min(320, Math.ceil(chars * 7.6) + 16));
}

/**
 * Marks text that spills into an empty neighbour (as a title in A1 spills in Excel) and
 * gives the column widths (in pixels) from the text that cannot spill.
 */
export function layoutColumns(cells: CellView[][], cols: number): number[] {
  const widths = Array.from({ length: cols }, () => 4);
  for (const row of cells) {
    for (let c = 0; c < cols; c++) {
      const cell = row[c];
      if (cell.kind === "empty") continue;
      const spills = cell.kind === "text" && c + 1 < cols && row[c + 1].kind === "empty";
      cell.spill = spills;
      if (!spills) widths[c] = Math.max(widths[c], Math.min(40, cell.text.length));
    }
  }
  return widths.map(columnWidth);
}

/** The sheet as the grid shows it; null when there is no such sheet. */
export function buildSheetView(host: ExcelHost, name: string): SheetView | null {
  const hs = host.sheet(name);
  if (!hs) return null;
  const { rows, cols, truncated } = gridSize(hs.model.usedRect(false));
  const values = host.getValues(name, `A1:${cellName(rows - 1, cols - 1)}`);
  const isProtected = hs.protected;

  const headers: Rect[] = [];
  for (const t of host.tableNames()) {
    const table = host.table(t);
    if (!table || table.sheet !== hs.name) continue;
    const x = parseRect(table.address);
    if (x) headers.push({ ...x, r1: x.r0 });
  }
  const containsText: { rect: Rect; text: string; fill: string | null; color: string | null; bold: boolean | null }[] = [];
  for (const cf of hs.conditionalFormats) {
    const text = cf.rule["text"];
    const x = parseRect(cf.address);
    if (x && typeof text === "string" && text !== "")
      containsText.push({ rect: x, text: text.toLowerCase(), fill: cf.fill, color: cf.fontColor, bold: cf.fontBold });
  }

  const cells: CellView[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellView[] = [];
    for (let c = 0; c < cols; c++) {
      const { kind, text } = cellText(values[r]?.[c], () => host.getNumberFormat(name, cellName(r, c)));
      const m = hs.model;
      let fill = m.format("fill", r, c);
      let color: string | null = m.format("fontColor", r, c);
      let bold = m.format("fontBold", r, c);
      if (kind === "text" && containsText.length > 0) {
        const lower = text.toLowerCase();
        const cf = containsText.find((f) => contains(f.rect, r, c) && lower.includes(f.text));
        if (cf) {
          fill = cf.fill ?? fill;
          color = cf.color ?? color;
          bold = cf.bold ?? bold;
        }
      }
      const tableHeader = headers.some((x) => contains(x, r, c));
      row.push({
        text,
        kind,
        fill,
        bold: bold || tableHeader,
        italic: m.format("fontItalic", r, c),
        color: color === "#000000" ? null : color,
        locked: isProtected && m.format("locked", r, c),
        tableHeader,
        spill: false,
      });
    }
    cells.push(row);
  }
  const widths = layoutColumns(cells, cols);
  return { name: hs.name, rows, cols, cells, widths, protected: isProtected, hasPassword: hs.hasPassword, truncated };
}

/** The table's width in pixels: the row heads and every column. */
export function tableWidth(view: Pick<SheetView, "widths">): number {
  return ROW_HEAD_WIDTH + view.widths.reduce((a, b) => a + b, 0);
}

/** A cell's class names: its kind, spill (not while editing), locked, table header, selected, cursor. */
export function cellClass(cell: CellView, at: { editing: boolean; inSel: boolean; isCursor: boolean }): string {
  return [
    "cell",
    cell.kind,
    cell.spill && !at.editing ? "spill" : "",
    cell.locked ? "locked" : "",
    cell.tableHeader ? "table-header" : "",
    at.inSel ? "selected" : "",
    at.isCursor ? "cursor" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** A cell's tooltip: locked cells say so; long text is shown whole. */
export function cellTitle(cell: Pick<CellView, "locked" | "text">, name: string): string | undefined {
  return cell.locked ? `${name} (locked)${cell.text ? `: ${cell.text}` : ""}` : cell.text.length > 12 ? cell.text : undefined;
}

/** The sheet tabs to show: visible sheets, hidden ones too when asked, and always the current one. */
export function visibleTabs(names: readonly string[], visibilityOf: (name: string) => string | undefined, showHidden: boolean, current: string): string[] {
  return names.filter((n) => showHidden || visibilityOf(n) === "Visible" || n === current);
}

/** A sheet tab's text: its name, and "(hidden)" or "(very hidden)". */
export function sheetTabLabel(name: string, visibility: string): string {
  return visibility === "Visible" ? name : `${name} (${visibility === "Hidden" ? "hidden" : "very hidden"})`;
}

/** The sheet to show: the one asked for while it exists, else the active one, else the first. */
export function resolveSheet(requested: string, exists: (name: string) => boolean, active: string | null, names: readonly string[]): string {
  return exists(requested) ? requested : (active ?? names[0] ?? "");
}

// ---- the selection ------------------------------------------------------------------------

/** The rectangle between two corners. */
export function normalize(a: Point, b: Point): Rect {
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

/** The cursor (top left) and anchor (bottom right; null for one cell) of a selected range; A1 when there is none. */
export function selectionAt(x: Rect | null): { cursor: Point; anchor: Point | null } {
  if (!x) return { cursor: { r: 0, c: 0 }, anchor: null };
  return { cursor: { r: x.r0, c: x.c0 }, anchor: x.r0 === x.r1 && x.c0 === x.c1 ? null : { r: x.r1, c: x.c1 } };
}

/** A cell kept inside a sheet of `rows` × `cols`. */
export function clampPoint(p: Point, rows: number, cols: number): Point {
  return { r: Math.max(0, Math.min(rows - 1, p.r)), c: Math.max(0, Math.min(cols - 1, p.c)) };
}

/** The empty values that clear a rectangle. */
export function blankBlock(x: Rect): string[][] {
  return Array.from({ length: x.r1 - x.r0 + 1 }, () => Array.from({ length: x.c1 - x.c0 + 1 }, () => ""));
}

// ---- keys ------------------------------------------------------------------------------

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What a key does in the grid (not while editing). */
export type GridKeyAction =
  /** An arrow: move by (dr, dc) from the cursor, or extend the selection from the anchor's corner with Shift. */
  | { type: "move"; dr: number; dc: number; extend: boolean }
  /** Enter or F2: edit the cursor's cell. */
  | { type: "edit" }
  /** Delete or Backspace: clear the selection. */
  | { type: "clear" }
  /** A character: start editing the cursor's cell with it. */
  | { type: "type"; text: string };

const STEPS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function gridKeyAction(e: KeyPress): GridKeyAction | null {
  const step = Object.prototype.hasOwnProperty.call(STEPS, e.key) ? STEPS[e.key] : undefined;
  if (step) return { type: "move", dr: step[0], dc: step[1], extend: e.shiftKey };
  if (e.key === "Enter" || e.key === "F2") return { type: "edit" };
  if (e.key === "Delete" || e.key === "Backspace") return { type: "clear" };
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) return { type: "type", text: e.key };
  return null;
}

/** Where an arrow key goes: from the cursor, or (extending with Shift) from the anchor's corner; not yet kept inside the sheet. */
export function arrowTarget(cursor: Point, anchor: Point | null, action: { dr: number; dc: number; extend: boolean }): Point {
  const from = anchor && action.extend ? anchor : cursor;
  return { r: from.r + action.dr, c: from.c + action.dc };
}

/** What a key does in the cell editor: commit and move (Enter: down, Shift+Enter: up, Tab: right, Shift+Tab: left), or cancel (Escape). */
export type EditorKeyAction = { commit: true; move: { dr: number; dc: number } } | { commit: false };

export function editorKeyAction(e: Pick<KeyPress, "key" | "shiftKey">): EditorKeyAction | null {
  if (e.key === "Enter") return { commit: true, move: { dr: e.shiftKey ? -1 : 1, dc: 0 } };
  if (e.key === "Tab") return { commit: true, move: { dr: 0, dc: e.shiftKey ? -1 : 1 } };
  if (e.key === "Escape") return { commit: false };
  return null;
}

// ---- editing -----------------------------------------------------------------------------

/**
 * The text a cell is edited as: its formula; a number as typed (percentages and dates
 * in their format); text as typed back (a leading apostrophe when it would read as
 * something else); an error value as it is.
 */
export function editText(formula: unknown, value: string | number | boolean | null | undefined, numberFormat: () => string): string {
  if (typeof formula === "string" && formula.startsWith("=")) return formula;
  if (typeof value === "number") {
    const nf = numberFormat();
    return /%|[yd]/i.test(nf) ? displayText(value, nf) : String(value);
  }
  if (typeof value === "string") return ERROR.test(value) ? value : literalText(value);
  return value === null || value === undefined ? "" : String(value);
}

/** A cell's edit text in the host. */
export function editTextOf(host: ExcelHost, sheet: string, r: number, c: number): string {
  const a1 = cellName(r, c);
  return editText(host.getFormula(sheet, a1), host.getValue(sheet, a1), () => host.getNumberFormat(sheet, a1));
}

/** Why an edit was refused, in words: a protected cell as Excel would refuse it, anything else as it came. */
export function describeError(e: unknown, sheet: string, address: string): string {
  if (e instanceof HostProtectionError) {
    return `${address} is locked: "${sheet}" is a protected sheet, so Excel would refuse this edit too. Locked columns change through the task pane (a change request); or unprotect the sheet first.`;
  }
  return `Could not change ${address}: ${e instanceof Error ? e.message : String(e)}`;
}
