/**
 * The workbook state behind the proxies: sheets with sparse cells, formats, tables,
 * protection, and an undo log so that a failed sync can be rolled back.
 */
import { MAX_COLUMNS, Rect } from "../core/a1";
import { cols, contains, intersect, key, keyCol, keyRow, rows } from "./address";

export type Scalar = string | number | boolean;

/** One cell: a constant (`v`) or a formula (`f`, with the leading `=`), and a number format. */
export interface Cell {
  v?: Scalar;
  f?: string;
  nf?: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FormatProps {
  locked: boolean;
  fill: string | null;
  fontBold: boolean;
  fontItalic: boolean;
  fontColor: string;
  horizontalAlignment: string;
  wrapText: boolean;
}
export type FormatProp = keyof FormatProps;

export const DEFAULT_FORMAT: FormatProps = {
  locked: true,
  fill: null,
  fontBold: false,
  fontItalic: false,
  fontColor: "#000000",
  horizontalAlignment: "General",
  wrapText: false,
};

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
}

export interface ValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: string;
  /** Rule as set by the add-in: `{ formula }` for custom, `{ formula1, formula2, operator }` for cell value, … */
  rule: Record<string, unknown>;
  fill: string | null;
  fontColor: string | null;
  fontBold: boolean | null;
  stopIfTrue: boolean;
}

interface FmtEntry {
  v: unknown;
  seq: number;
}
interface FmtLayer {
  rect: Rect;
  prop: FormatProp;
  v: unknown;
  seq: number;
}

/** Ranges bigger than this store formats as a rectangle layer instead of per cell. */
const LAYER_CELLS = 4096;

export class SheetModel {
  readonly cells = new Map<number, Cell>();
  readonly fmtCells = new Map<number, Partial<Record<FormatProp, FmtEntry>>>();
  readonly fmtLayers: FmtLayer[] = [];
  protection: { protected: boolean; password: string | null; options: ProtectionOptions } = {
    protected: false,
    password: null,
    options: { ...DEFAULT_PROTECTION_OPTIONS },
  };
  frozenRows = 0;
  frozenColumns = 0;
  readonly charts: ChartModel[] = [];
  readonly validations: ValidationModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly columnWidths: Record<number, number> = {};
  tabColor = "";

  constructor(
    readonly id: string,
    public name: string,
    public visibility: Visibility = "Visible",
  ) {}

  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(key(r, c));
  }

  hasContent(r: number, c: number): boolean {
    const x = this.cells.get(key(r, c));
    return x !== undefined && (x.f !== undefined || (x.v !== undefined && x.v !== ""));
  }

  format<P extends FormatProp>(prop: P, r: number, c: number): FormatProps[P] {
    let best: FmtEntry | undefined = this.fmtCells.get(key(r, c))?.[prop];
    for (let i = this.fmtLayers.length - 1; i >= 0; i--) {
      const l = this.fmtLayers[i];
      if (best && l.seq < best.seq) break;
      if (l.prop === prop && contains(l.rect, r, c)) {
        if (!best || l.seq > best.seq) best = l;
        break;
      }
    }
    return (best ? best.v : DEFAULT_FORMAT[prop]) as FormatProps[P];
  }

  /** The format of a range when uniform, else null (as Office.js reports mixed formats). */
  rangeFormat<P extends FormatProp>(prop: P, x: Rect): FormatProps[P] | null {
    const first = this.format(prop, x.r0, x.c0);
    const n = rows(x) * cols(x);
    if (n > 1_000_000) return first; // too big to scan; report the corner
    for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) if (this.format(prop, r, c) !== first) return null;
    return first;
  }

  /** Bounding box of cells with values or formulas (and, unless valuesOnly, formats). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (k: number) => {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    for (const [k, cell] of this.cells) {
      if (cell.f !== undefined || (cell.v !== undefined && cell.v !== "") || (!valuesOnly && cell.nf !== undefined)) take(k);
    }
    if (!valuesOnly) for (const k of this.fmtCells.keys()) take(k);
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Header row included. */
  rect: Rect;
  columnIds: number[];
  nextColumnId: number;
  showTotals: boolean;
  style: string;
}

let seqCounter = 0;

/**
 * What differs between Excel platforms and that the host models (set by ExcelHost options;
 * docs/excel-host.md "Platform differences"). Not the platform profiles themselves.
 */
export interface PlatformBehaviour {
  /** The code a wrong or missing password fails `unprotect` with. */
  wrongPasswordCode: "InvalidArgument" | "AccessDenied";
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  protection: { protected: boolean; password: string | null } = { protected: false, password: null };
  enableEvents = true;
  nextSheetId = 1;
  nextTableId = 1;
  nextObjectId = 1;
  /** Bumped on every change; the calculation cache keys on it. */
  version = 0;
  /** Undo log of the sync being applied, or null outside a sync. */
  undo: Array<() => void> | null = null;
  readonly platform: PlatformBehaviour;

  constructor(
    readonly dateSystem: 1900 | 1904,
    platform: Partial<PlatformBehaviour> = {},
  ) {
    this.platform = { wrongPasswordCode: platform.wrongPasswordCode ?? "InvalidArgument" };
  }

  // ---- undoable primitives -------------------------------------------------

  private record(fn: () => void): void {
    this.version++;
    if (this.undo) this.undo.push(fn);
  }

  setField<T extends object, K extends keyof T>(obj: T, k: K, value: T[K]): void {
    const old = obj[k];
    if (old === value) return;
    obj[k] = value;
    this.record(() => {
      obj[k] = old;
    });
  }

  insertAt<T>(arr: T[], index: number, item: T): void {
    arr.splice(index, 0, item);
    this.record(() => {
      arr.splice(index, 1);
    });
  }

  removeAt<T>(arr: T[], index: number): void {
    const [item] = arr.splice(index, 1);
    this.record(() => {
      arr.splice(index, 0, item);
    });
  }

  setCell(sheet: SheetModel, r: number, c: number, cell: Cell | undefined): void {
    const k = key(r, c);
    const old = sheet.cells.get(k);
    const empty = !cell || (cell.v === undefined && cell.f === undefined && cell.nf === undefined);
    if (empty) {
      if (!old) return;
      sheet.cells.delete(k);
    } else sheet.cells.set(k, cell);
    this.record(() => {
      if (old) sheet.cells.set(k, old);
      else sheet.cells.delete(k);
    });
  }

  setFormat(sheet: SheetModel, x: Rect, prop: FormatProp, value: unknown): void {
    const seq = ++seqCounter;
    if (rows(x) * cols(x) > LAYER_CELLS) {
      const layer: FmtLayer = { rect: x, prop, v: value, seq };
      sheet.fmtLayers.push(layer);
      this.record(() => {
        const i = sheet.fmtLayers.lastIndexOf(layer);
        if (i >= 0) sheet.fmtLayers.splice(i, 1);
      });
      return;
    }
    for (let r = x.r0; r <= x.r1; r++) {
      for (let c = x.c0; c <= x.c1; c++) {
        const k = r * MAX_COLUMNS + c;
        const had = sheet.fmtCells.get(k);
        const next = { ...(had ?? {}), [prop]: { v: value, seq } };
        sheet.fmtCells.set(k, next);
        this.record(() => {
          if (had) sheet.fmtCells.set(k, had);
          else sheet.fmtCells.delete(k);
        });
      }
    }
  }

  // ---- lookups ----------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  tableByName(name: string): TableModel | undefined {
    const n = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === n);
  }

  tableById(id: string): TableModel | undefined {
    return this.tables.find((t) => t.id === id);
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  tableAt(sheet: SheetModel, r: number, c: number): TableModel | undefined {
    return this.tables.find((t) => t.sheet === sheet && contains(t.rect, r, c));
  }

  tablesIntersecting(sheet: SheetModel, x: Rect): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet && intersect(t.rect, x) !== null);
  }

  newSheetId(): string {
    const n = this.nextSheetId++;
    return `{00000000-${String(n).padStart(4, "0")}-0000-0000-000000000000}`;
  }
}

/** Text of a header cell (what Excel shows as the column name). */
export function headerText(v: Scalar | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function tableColumnNames(wb: WorkbookModel, t: TableModel): string[] {
  const out: string[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) out.push(headerText(t.sheet.cell(t.rect.r0, c)?.v));
  void wb;
  return out;
}
