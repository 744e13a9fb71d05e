/**
 * The Excel proxy classes (the subset of Office.js the add-in uses). Each is a
 * ProxyBase: sets and calls are queued, reads need load + sync.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, rangeAddress } from "../core/a1";
import { addressArgument, bounding, cols, inBounds, intersect, rect, rows } from "./address";
import { Calc } from "./calc";
import { ErrorCode, HostError } from "./errors";
import { ChartModel, ConditionalFormatModel, FormatProp, SheetModel, TableModel, ValidationModel, WorkbookModel, tableColumnNames } from "./model";
import {
  Env,
  addSheet,
  addTable,
  addTableColumn,
  addTableRows,
  checkContent,
  checkFormat,
  checkSheetName,
  checkStructure,
  checkTableName,
  clearRange,
  deleteSheet,
  deleteTableRows,
  formulaOf,
  invalidArgument,
  invalidOperation,
  itemNotFound,
  numberFormatOf,
  protectSheet,
  rangeValid,
  readGrid,
  setVisibility,
  tableColumnIndex,
  textOf,
  unprotectSheet,
  valueType,
  writeCells,
  writeNumberFormat,
  wrongPassword,
} from "./ops";
import { HostClientResult, LoadSpec, Op, ProxyBase, QueueLike, emptySpec, wireName } from "./proxy-base";

/** What the host objects need from the host. */
export interface HostInternals extends Env {
  wb: WorkbookModel;
  calc: Calc;
  counters: { suspendApiCalculation: number };
}

// ---------------------------------------------------------------------------------
// Request context
// ---------------------------------------------------------------------------------

/**
 * The host's side of every request: the root objects the responder (richapi.ts) starts
 * each object path from, and the queue their operations go to until the request runs.
 */
export class RequestContextImpl implements QueueLike {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly runtime: RuntimeProxy;
  /** Operations queued for the request being answered. */
  queue: Op[] = [];

  constructor(readonly host: HostInternals) {
    this.workbook = new WorkbookProxy(this, "workbook", () => host.wb);
    this.application = this.workbook.application;
    this.runtime = new RuntimeProxy(this, "runtime", () => host.wb);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }
}

function env(p: { context: QueueLike }): HostInternals {
  return (p.context as RequestContextImpl).host;
}

function required<T>(v: T | null | undefined, where: string): T {
  if (v === null || v === undefined) throw itemNotFound(where);
  return v;
}

// ---------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------

abstract class CollectionProxy<T, P extends ProxyBase<unknown>> extends ProxyBase<T[]> {
  protected abstract _item(t: T, index: number): P;
  protected get _ownScalars(): readonly string[] {
    return [];
  }
  protected get _scalars(): readonly string[] {
    return this._ownScalars;
  }
  protected _read(name: string, list: T[]): unknown {
    if (name === "count") return list.length;
    return undefined;
  }

  getCount(): HostClientResult<number> {
    return this._result("getCount", [], (list) => list.length);
  }

  /** A collection's instantiate answers nothing of its items (100,000 table rows would be sent back unasked). */
  override _instanceWire(): Record<string, unknown> {
    return {};
  }

  override _query(spec: LoadSpec): Record<string, unknown> | null {
    const list = this._resolve();
    if (list === null) return null;
    const { own, itemSpec, wantItems } = this._split(spec);
    const out: Record<string, unknown> = {};
    for (const name of own) out[wireName(name)] = this._read(name, list);
    if (wantItems) out._Items = list.map((t, i) => this._item(t, i)._query(itemSpec));
    return out;
  }

  /** A collection's load: its own scalars, and what to load of each item. */
  private _split(spec: LoadSpec): { own: string[]; itemSpec: LoadSpec; wantItems: boolean } {
    let itemSpec = emptySpec(spec.all && spec.children.size === 0);
    const own: string[] = [];
    let wantItems = spec.all || spec.children.size === 0;
    for (const [name, sub] of spec.children) {
      if (name === "items") {
        wantItems = true;
        if (sub.children.size === 0) itemSpec.all = true;
        else for (const [k, v] of sub.children) itemSpec.children.set(k, v);
      } else if (this._ownScalars.includes(name)) {
        own.push(name);
      } else {
        wantItems = true;
        itemSpec.children.set(name, sub);
      }
    }
    if (wantItems && itemSpec.children.size === 0) itemSpec = emptySpec(true);
    return { own, itemSpec, wantItems };
  }
}

// ---------------------------------------------------------------------------------
// Workbook, application, runtime
// ---------------------------------------------------------------------------------

export class WorkbookProxy extends ProxyBase<WorkbookModel> {
  private _worksheets?: WorksheetCollectionProxy;
  private _tables?: TableCollectionProxy;
  private _protection?: WorkbookProtectionProxy;
  private _application?: ApplicationProxy;
  protected get _entity(): string {
    return "Workbook";
  }
  protected get _scalars(): readonly string[] {
    return ["name"];
  }
  protected _read(name: string): unknown {
    return name === "name" ? "Book1.xlsx" : undefined;
  }
  protected override _nav(name: string): ProxyBase<unknown> | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "tables") return this.tables;
    if (name === "protection") return this.protection;
    if (name === "application") return this.application;
    return undefined;
  }
  get worksheets(): WorksheetCollectionProxy {
    return (this._worksheets ??= new WorksheetCollectionProxy(this.context, "worksheets", () => env(this).wb.sheets));
  }
  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, "tables", () => env(this).wb.tables, null));
  }
  get protection(): WorkbookProtectionProxy {
    return (this._protection ??= new WorkbookProtectionProxy(this.context, "workbook.protection", () => env(this).wb));
  }
  get application(): ApplicationProxy {
    return (this._application ??= new ApplicationProxy(this.context, "application", () => env(this).wb));
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, "workbook.getSelectedRange()", () => {
      const wb = env(this).wb;
      const sel = wb.selection;
      const sheet = sel ? wb.sheetById(sel.sheetId) : wb.sheetById(wb.activeSheetId ?? "");
      if (!sheet) throw itemNotFound("Workbook.getSelectedRange");
      return { sheet, rect: sel && sel.sheetId === sheet.id ? sel.rect : rect(0, 0) };
    });
  }
  getActiveCell(): RangeProxy {
    return this.getSelectedRange().getCell(0, 0);
  }
}

export class ApplicationProxy extends ProxyBase<WorkbookModel> {
  private _mode = "Automatic";
  protected get _entity(): string {
    return "Application";
  }
  protected get _scalars(): readonly string[] {
    return ["calculationMode"];
  }
  protected _read(): unknown {
    return this._mode;
  }
  set calculationMode(v: string) {
    this._set("calculationMode", v, () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], (_t, stage) => {
      stage.commits.push(() => void env(this).counters.suspendApiCalculation++);
    });
  }
  calculate(_type?: unknown): void {
    this._call("calculate", [_type], () => env(this).calc.invalidate());
  }
}

export class RuntimeProxy extends ProxyBase<WorkbookModel> {
  protected get _entity(): string {
    return "Runtime";
  }
  protected get _scalars(): readonly string[] {
    return ["enableEvents"];
  }
  protected _read(_name: string, wb: WorkbookModel): unknown {
    return wb.enableEvents;
  }
  set enableEvents(v: boolean) {
    this._set("enableEvents", v, (wb) => env(this).wb.setField(wb, "enableEvents", v === true));
  }
}

export class WorkbookProtectionProxy extends ProxyBase<WorkbookModel> {
  protected get _entity(): string {
    return "WorkbookProtection";
  }
  protected get _scalars(): readonly string[] {
    return ["protected"];
  }
  protected _read(_name: string, wb: WorkbookModel): unknown {
    return wb.protection.protected;
  }
  protect(password?: string): void {
    this._call("protect", [password === undefined ? undefined : "***"], (wb) => {
      if (wb.protection.protected) throw new HostError(ErrorCode.accessDenied, "The workbook is already protected.", "WorkbookProtection.protect");
      wb.setField(wb, "protection", { protected: true, password: password ? password : null });
    });
  }
  unprotect(password?: string): void {
    this._call("unprotect", [password === undefined ? undefined : "***"], (wb) => {
      if (!wb.protection.protected) return;
      if (wb.protection.password !== null && wb.protection.password !== password) throw wrongPassword(wb, "WorkbookProtection.unprotect");
      wb.setField(wb, "protection", { protected: false, password: null });
    });
  }
}

// ---------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------

function sheetResolver(ctx: QueueLike, find: () => SheetModel | undefined, nullable: boolean, where: string): () => SheetModel | null {
  void ctx;
  return () => {
    const s = find();
    if (s) return s;
    if (nullable) return null;
    throw itemNotFound(where);
  };
}

export class WorksheetCollectionProxy extends CollectionProxy<SheetModel, WorksheetProxy> {
  protected get _entity(): string {
    return "WorksheetCollection";
  }
  protected _item(s: SheetModel): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `worksheets[${JSON.stringify(s.id)}]`,
      sheetResolver(this.context, () => env(this).wb.sheetById(s.id), false, "Worksheet"),
    );
  }
  private find(key: string): () => SheetModel | undefined {
    return () => {
      const wb = env(this).wb;
      return wb.sheetByName(key) ?? wb.sheetById(key);
    };
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `worksheets.getItem(${JSON.stringify(key)})`,
      sheetResolver(this.context, this.find(key), false, "WorksheetCollection.getItem"),
    );
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      sheetResolver(this.context, this.find(key), true, "WorksheetCollection.getItemOrNullObject"),
    );
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      "worksheets.getActiveWorksheet()",
      sheetResolver(this.context, () => env(this).wb.sheetById(env(this).wb.activeSheetId ?? ""), false, "WorksheetCollection.getActiveWorksheet"),
    );
  }
  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      "worksheets.getFirst()",
      sheetResolver(this.context, () => env(this).wb.sheets.find((s) => !visibleOnly || s.visibility === "Visible"), false, "WorksheetCollection.getFirst"),
    );
  }
  add(name?: string): WorksheetProxy {
    const id = env(this).wb.newSheetId();
    this._call("add", [name], () => void addSheet(env(this).wb, id, name));
    return new WorksheetProxy(
      this.context,
      `worksheets[${JSON.stringify(id)}]`,
      sheetResolver(this.context, () => env(this).wb.sheetById(id), false, "Worksheet"),
    );
  }
}

export class WorksheetProxy extends ProxyBase<SheetModel> {
  private _tables?: TableCollectionProxy;
  private _protection?: WorksheetProtectionProxy;
  private _charts?: ChartCollectionProxy;
  private _freezePanes?: FreezePanesProxy;

  protected get _entity(): string {
    return "Worksheet";
  }
  protected get _scalars(): readonly string[] {
    return ["name", "id", "position", "visibility", "tabColor", "showGridlines"];
  }
  protected _read(name: string, s: SheetModel): unknown {
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return env(this).wb.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
        return true;
    }
    return undefined;
  }
  protected override _nav(name: string): ProxyBase<unknown> | undefined {
    if (name === "tables") return this.tables;
    if (name === "protection") return this.protection;
    if (name === "charts") return this.charts;
    return undefined;
  }

  set name(v: string) {
    this._set("name", v, (s) => {
      const wb = env(this).wb;
      if (v === s.name) return;
      checkStructure(wb, "Worksheet.name");
      wb.setField(s, "name", checkSheetName(wb, v, s));
    });
  }
  set position(v: number) {
    this._set("position", v, (s) => {
      const wb = env(this).wb;
      checkStructure(wb, "Worksheet.position");
      if (!Number.isInteger(v) || v < 0 || v >= wb.sheets.length) throw invalidArgument();
      wb.removeAt(wb.sheets, wb.sheets.indexOf(s));
      wb.insertAt(wb.sheets, v, s);
    });
  }
  set visibility(v: string) {
    this._set("visibility", v, (s) => setVisibility(env(this).wb, s, v));
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (s) => env(this).wb.setField(s, "tabColor", v));
  }
  set showGridlines(v: boolean) {
    this._set("showGridlines", v, () => undefined);
  }

  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(
      this.context,
      `${this._path}.tables`,
      () => {
        const s = this._resolve();
        return s === null ? null : env(this).wb.tablesOn(s);
      },
      this,
    ));
  }
  get protection(): WorksheetProtectionProxy {
    return (this._protection ??= new WorksheetProtectionProxy(this.context, `${this._path}.protection`, this._resolve));
  }
  get charts(): ChartCollectionProxy {
    return (this._charts ??= new ChartCollectionProxy(this.context, `${this._path}.charts`, () => this._resolve()?.charts ?? null, this));
  }
  get freezePanes(): FreezePanesProxy {
    return (this._freezePanes ??= new FreezePanesProxy(this.context, `${this._path}.freezePanes`, this._resolve));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getRange(${JSON.stringify(address ?? "")})`, () => {
      const s = this._resolve();
      if (s === null) return null;
      if (address === undefined || address === "") return { sheet: s, rect: rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1) };
      const p = addressArgument(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase())
        throw invalidArgument(`The address "${address}" is not on worksheet "${s.name}".`, "Worksheet.getRange");
      return { sheet: s, rect: p.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const s = this._resolve();
      if (s === null) return null;
      const x = rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1 || !inBounds(x)) {
        throw invalidArgument(undefined, "Worksheet.getRangeByIndexes");
      }
      return { sheet: s, rect: x };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getUsedRange(${valuesOnly === true})`, () => {
      const s = this._resolve();
      if (s === null) return null;
      return { sheet: s, rect: s.usedRect(valuesOnly === true) ?? rect(0, 0) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getUsedRangeOrNullObject(${valuesOnly === true})`, () => {
      const s = this._resolve();
      if (s === null) return null;
      const used = s.usedRect(valuesOnly === true);
      return used ? { sheet: s, rect: used } : null;
    });
  }
  delete(): void {
    this._call("delete", [], (s) => deleteSheet(env(this).wb, s));
  }
  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw invalidOperation("A hidden worksheet can't be activated.", "Worksheet.activate");
      env(this).wb.setField(env(this).wb, "activeSheetId", s.id);
    });
  }
  calculate(_markAllDirty?: boolean): void {
    this._call("calculate", [], () => env(this).calc.invalidate());
  }
}

export class WorksheetProtectionProxy extends ProxyBase<SheetModel> {
  protected get _entity(): string {
    return "WorksheetProtection";
  }
  // Not isPasswordProtected nor checkPassword(): ExcelApiOnline 1.1 (the web only), and absent
  // from every build of Microsoft's client on npm (1.1.110), so no request can name them.
  protected get _scalars(): readonly string[] {
    return ["protected", "options"];
  }
  protected _read(name: string, s: SheetModel): unknown {
    if (name === "protected") return s.protection.protected;
    if (name === "options") return { ...s.protection.options };
    return undefined;
  }
  protect(options?: Record<string, unknown> | null, password?: string): void {
    this._call("protect", [options, password === undefined ? undefined : "***"], (s) => protectSheet(s, env(this).wb, options, password));
  }
  unprotect(password?: string): void {
    this._call("unprotect", [password === undefined ? undefined : "***"], (s) => unprotectSheet(s, env(this).wb, password));
  }
}

export class FreezePanesProxy extends ProxyBase<SheetModel> {
  protected get _entity(): string {
    return "WorksheetFreezePanes";
  }
  protected get _scalars(): readonly string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  freezeRows(count?: number): void {
    this._call("freezeRows", [count], (s) => {
      env(this).wb.setField(s, "frozenRows", count ?? 1);
      env(this).wb.setField(s, "frozenColumns", 0);
    });
  }
  freezeColumns(count?: number): void {
    this._call("freezeColumns", [count], (s) => {
      env(this).wb.setField(s, "frozenColumns", count ?? 1);
      env(this).wb.setField(s, "frozenRows", 0);
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s) => {
      env(this).wb.setField(s, "frozenRows", 0);
      env(this).wb.setField(s, "frozenColumns", 0);
    });
  }
}

// ---------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function derived(parent: RangeProxy, path: string, f: (t: RangeTarget) => Rect): RangeProxy {
  return new RangeProxy(parent.context, `${parent._path}.${path}`, () => {
    const t = parent._resolve();
    if (t === null) return null;
    const x = f(t);
    if (!inBounds(x)) throw invalidArgument(undefined, `Range.${path}`);
    return { sheet: t.sheet, rect: x };
  });
}

/** "Fails if applied to a range with more than one cell" (getSpillingToRange); null when the cell does not spill. */
function spillOf(e: { calc: Calc }, t: RangeTarget, where: string): Rect | null {
  if (rows(t.rect) !== 1 || cols(t.rect) !== 1) throw invalidArgument(undefined, where);
  return e.calc.spillExtent(t.sheet, t.rect.r0, t.rect.c0);
}

export class RangeProxy extends ProxyBase<RangeTarget> {
  private _format?: RangeFormatProxy;
  private _validation?: DataValidationProxy;
  private _cfs?: ConditionalFormatCollectionProxy;

  protected get _entity(): string {
    return "Range";
  }
  protected get _scalars(): readonly string[] {
    return [
      "address",
      "addressLocal",
      "values",
      "formulas",
      "formulasLocal",
      "numberFormat",
      "numberFormatLocal",
      "text",
      "valueTypes",
      "rowCount",
      "columnCount",
      "cellCount",
      "rowIndex",
      "columnIndex",
      "isEntireColumn",
      "isEntireRow",
      "hidden",
    ];
  }
  protected _read(name: string, t: RangeTarget): unknown {
    const e = env(this);
    const { sheet, rect: x } = t;
    switch (name) {
      case "address":
      case "addressLocal":
        return rangeAddress(sheet.name, x);
      case "values":
        return readGrid(x, (r, c) => e.calc.value(sheet, r, c));
      case "formulas":
      case "formulasLocal":
        return readGrid(x, (r, c) => formulaOf(e, sheet, r, c));
      case "numberFormat":
      case "numberFormatLocal":
        return readGrid(x, (r, c) => numberFormatOf(sheet, r, c));
      case "text":
        return readGrid(x, (r, c) => textOf(e, sheet, r, c));
      case "valueTypes":
        return readGrid(x, (r, c) => valueType(e.calc.value(sheet, r, c)));
      case "rowCount":
        return rows(x);
      case "columnCount":
        return cols(x);
      case "cellCount":
        return rows(x) * cols(x);
      case "rowIndex":
        return x.r0;
      case "columnIndex":
        return x.c0;
      case "isEntireColumn":
        return x.r0 === 0 && x.r1 === MAX_ROWS - 1;
      case "isEntireRow":
        return x.c0 === 0 && x.c1 === MAX_COLUMNS - 1;
      case "hidden":
        return false;
    }
    return undefined;
  }
  protected override _nav(name: string): ProxyBase<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  set values(v: unknown[][]) {
    this._set("values", v, (t, stage) => writeCells(env(this), t.sheet, t.rect, v, "Range.values", stage.changes));
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, (t, stage) => writeCells(env(this), t.sheet, t.rect, v, "Range.formulas", stage.changes));
  }
  set formulasLocal(v: unknown[][]) {
    this._set("formulasLocal", v, (t, stage) => writeCells(env(this), t.sheet, t.rect, v, "Range.formulasLocal", stage.changes));
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, (t) => writeNumberFormat(env(this), t.sheet, t.rect, v, "Range.numberFormat"));
  }
  set numberFormatLocal(v: unknown[][]) {
    this._set("numberFormatLocal", v, (t) => writeNumberFormat(env(this), t.sheet, t.rect, v, "Range.numberFormatLocal"));
  }

  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.context, `${this._path}.format`, this._resolve));
  }
  get dataValidation(): DataValidationProxy {
    return (this._validation ??= new DataValidationProxy(this.context, `${this._path}.dataValidation`, this._resolve));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this._cfs ??= new ConditionalFormatCollectionProxy(
      this.context,
      `${this._path}.conditionalFormats`,
      () => {
        const t = this._resolve();
        return t === null ? null : t.sheet.conditionalFormats.filter((cf) => intersect(cf.rect, t.rect) !== null);
      },
      this,
    ));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this._path}.worksheet`, () => this._resolve()?.sheet ?? null);
  }

  getCell(row: number, column: number): RangeProxy {
    return derived(this, `getCell(${row},${column})`, ({ rect: x }) => rect(x.r0 + row, x.c0 + column));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return derived(this, `getOffsetRange(${rowOffset},${columnOffset})`, ({ rect: x }) =>
      rect(x.r0 + rowOffset, x.c0 + columnOffset, x.r1 + rowOffset, x.c1 + columnOffset),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return derived(this, `getResizedRange(${deltaRows},${deltaColumns})`, ({ rect: x }) => rect(x.r0, x.c0, x.r1 + deltaRows, x.c1 + deltaColumns));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return derived(this, `getAbsoluteResizedRange(${numRows},${numColumns})`, ({ rect: x }) => rect(x.r0, x.c0, x.r0 + numRows - 1, x.c0 + numColumns - 1));
  }
  getRow(row: number): RangeProxy {
    return derived(this, `getRow(${row})`, ({ rect: x }) => {
      if (row < 0 || row >= rows(x)) throw invalidArgument(undefined, "Range.getRow");
      return rect(x.r0 + row, x.c0, x.r0 + row, x.c1);
    });
  }
  getColumn(column: number): RangeProxy {
    return derived(this, `getColumn(${column})`, ({ rect: x }) => {
      if (column < 0 || column >= cols(x)) throw invalidArgument(undefined, "Range.getColumn");
      return rect(x.r0, x.c0 + column, x.r1, x.c0 + column);
    });
  }
  getLastRow(): RangeProxy {
    return derived(this, "getLastRow()", ({ rect: x }) => rect(x.r1, x.c0, x.r1, x.c1));
  }
  getLastColumn(): RangeProxy {
    return derived(this, "getLastColumn()", ({ rect: x }) => rect(x.r0, x.c1, x.r1, x.c1));
  }
  getEntireColumn(): RangeProxy {
    return derived(this, "getEntireColumn()", ({ rect: x }) => rect(0, x.c0, MAX_ROWS - 1, x.c1));
  }
  getEntireRow(): RangeProxy {
    return derived(this, "getEntireRow()", ({ rect: x }) => rect(x.r0, 0, x.r1, MAX_COLUMNS - 1));
  }
  getRowsAbove(count = 1): RangeProxy {
    return derived(this, `getRowsAbove(${count})`, ({ rect: x }) => rect(x.r0 - count, x.c0, x.r0 - 1, x.c1));
  }
  getRowsBelow(count = 1): RangeProxy {
    return derived(this, `getRowsBelow(${count})`, ({ rect: x }) => rect(x.r1 + 1, x.c0, x.r1 + count, x.c1));
  }
  private other(r: RangeProxy | string, t: RangeTarget): Rect {
    if (typeof r === "string") {
      const p = addressArgument(r);
      return p.rect;
    }
    const o = required(r._resolve(), "Range");
    if (o.sheet !== t.sheet) throw invalidArgument("The ranges are on different worksheets.");
    return o.rect;
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return derived(this, "getIntersection()", (t) => {
      const x = intersect(t.rect, this.other(anotherRange, t));
      if (!x) throw itemNotFound("Range.getIntersection");
      return x;
    });
  }
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getIntersectionOrNullObject()`, () => {
      const t = this._resolve();
      if (t === null) return null;
      const x = intersect(t.rect, this.other(anotherRange, t));
      return x ? { sheet: t.sheet, rect: x } : null;
    });
  }
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return derived(this, "getBoundingRect()", (t) => bounding(t.rect, this.other(anotherRange, t)));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return derived(this, `getUsedRange(${valuesOnly === true})`, (t) => {
      const used = t.sheet.usedRect(valuesOnly === true);
      const x = used ? intersect(used, t.rect) : null;
      if (!x) throw itemNotFound("Range.getUsedRange");
      return x;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getUsedRangeOrNullObject()`, () => {
      const t = this._resolve();
      if (t === null) return null;
      const used = t.sheet.usedRect(valuesOnly === true);
      const x = used ? intersect(used, t.rect) : null;
      return x ? { sheet: t.sheet, rect: x } : null;
    });
  }
  /** ExcelApi 1.12: the range an anchor cell's dynamic array spills into (the anchor included). */
  getSpillingToRange(): RangeProxy {
    return derived(this, "getSpillingToRange()", (t) => {
      const x = spillOf(env(this), t, "Range.getSpillingToRange");
      if (!x) throw itemNotFound("Range.getSpillingToRange");
      return x;
    });
  }
  getSpillingToRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getSpillingToRangeOrNullObject()`, () => {
      const t = this._resolve();
      if (t === null) return null;
      const x = spillOf(env(this), t, "Range.getSpillingToRangeOrNullObject");
      return x ? { sheet: t.sheet, rect: x } : null;
    });
  }
  clear(applyTo?: string): void {
    this._call("clear", [applyTo], (t, stage) => clearRange(env(this), t.sheet, t.rect, applyTo ?? "All", "Range.clear", stage.changes));
  }
  select(): void {
    this._call("select", [], (t) => {
      const wb = env(this).wb;
      if (t.sheet.visibility !== "Visible") throw invalidOperation("A range on a hidden worksheet can't be selected.", "Range.select");
      wb.setField(wb, "selection", { sheetId: t.sheet.id, rect: t.rect });
      wb.setField(wb, "activeSheetId", t.sheet.id);
    });
  }
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (k === "values") this.values = v as unknown[][];
      else if (k === "formulas") this.formulas = v as unknown[][];
      else if (k === "numberFormat") this.numberFormat = v as unknown[][];
      else throw new HostError(ErrorCode.notImplemented, `The host does not implement Range.set(${k}).`);
    }
  }
}

// ---- formats ----------------------------------------------------------------------

const NAMED_COLORS: Record<string, string> = {
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  white: "#FFFFFF",
  black: "#000000",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgreen: "#90EE90",
  pink: "#FFC0CB",
  purple: "#800080",
};

export function normalizeColor(v: unknown): string {
  if (typeof v !== "string") throw invalidArgument();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  throw invalidArgument(`The color "${v}" is not valid.`);
}

abstract class FormatPart extends ProxyBase<RangeTarget> {
  /** Sets a format property on the range, after the protection check. */
  protected setFormat(name: string, prop: FormatProp, value: unknown, allow: "allowFormatCells" | "allowFormatColumns" | "allowFormatRows" | null): void {
    this._set(name, value, (t) => {
      checkFormat(t.sheet, allow, `${this._entity}.${name}`);
      env(this).wb.setFormat(t.sheet, t.rect, prop, value);
    });
  }
}

export class RangeFormatProxy extends FormatPart {
  private _fill?: RangeFillProxy;
  private _font?: RangeFontProxy;
  private _protection?: FormatProtectionProxy;
  protected get _entity(): string {
    return "RangeFormat";
  }
  protected get _scalars(): readonly string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "wrapText"];
  }
  protected _read(name: string, t: RangeTarget): unknown {
    if (name === "columnWidth") return t.sheet.columnWidths[t.rect.c0] ?? 48;
    if (name === "rowHeight") return 15;
    if (name === "horizontalAlignment") return t.sheet.rangeFormat("horizontalAlignment", t.rect);
    if (name === "wrapText") return t.sheet.rangeFormat("wrapText", t.rect);
    return undefined;
  }
  protected override _nav(name: string): ProxyBase<unknown> | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "protection") return this.protection;
    return undefined;
  }
  get fill(): RangeFillProxy {
    return (this._fill ??= new RangeFillProxy(this.context, `${this._path}.fill`, this._resolve));
  }
  get font(): RangeFontProxy {
    return (this._font ??= new RangeFontProxy(this.context, `${this._path}.font`, this._resolve));
  }
  get protection(): FormatProtectionProxy {
    return (this._protection ??= new FormatProtectionProxy(this.context, `${this._path}.protection`, this._resolve));
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, (t) => {
      checkFormat(t.sheet, "allowFormatColumns", "RangeFormat.columnWidth");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) env(this).wb.setField(t.sheet.columnWidths, c, v);
    });
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, (t) => checkFormat(t.sheet, "allowFormatRows", "RangeFormat.rowHeight"));
  }
  set horizontalAlignment(v: string) {
    this.setFormat("horizontalAlignment", "horizontalAlignment", v, "allowFormatCells");
  }
  set wrapText(v: boolean) {
    this.setFormat("wrapText", "wrapText", v, "allowFormatCells");
  }
  autofitColumns(): void {
    this._call("autofitColumns", [], (t) => checkFormat(t.sheet, "allowFormatColumns", "RangeFormat.autofitColumns"));
  }
  autofitRows(): void {
    this._call("autofitRows", [], (t) => checkFormat(t.sheet, "allowFormatRows", "RangeFormat.autofitRows"));
  }
}

export class RangeFillProxy extends FormatPart {
  protected get _entity(): string {
    return "RangeFill";
  }
  protected get _scalars(): readonly string[] {
    return ["color"];
  }
  protected _read(_name: string, t: RangeTarget): unknown {
    const v = t.sheet.rangeFormat("fill", t.rect);
    return v === null ? (t.sheet.format("fill", t.rect.r0, t.rect.c0) === null ? "#FFFFFF" : null) : v;
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      checkFormat(t.sheet, "allowFormatCells", "RangeFill.color");
      env(this).wb.setFormat(t.sheet, t.rect, "fill", normalizeColor(v));
    });
  }
  clear(): void {
    this._call("clear", [], (t) => {
      checkFormat(t.sheet, "allowFormatCells", "RangeFill.clear");
      env(this).wb.setFormat(t.sheet, t.rect, "fill", null);
    });
  }
}

export class RangeFontProxy extends FormatPart {
  protected get _entity(): string {
    return "RangeFont";
  }
  protected get _scalars(): readonly string[] {
    return ["bold", "italic", "color"];
  }
  protected _read(name: string, t: RangeTarget): unknown {
    if (name === "bold") return t.sheet.rangeFormat("fontBold", t.rect);
    if (name === "italic") return t.sheet.rangeFormat("fontItalic", t.rect);
    if (name === "color") return t.sheet.rangeFormat("fontColor", t.rect);
    return undefined;
  }
  set bold(v: boolean) {
    this.setFormat("bold", "fontBold", v === true, "allowFormatCells");
  }
  set italic(v: boolean) {
    this.setFormat("italic", "fontItalic", v === true, "allowFormatCells");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      checkFormat(t.sheet, "allowFormatCells", "RangeFont.color");
      env(this).wb.setFormat(t.sheet, t.rect, "fontColor", normalizeColor(v));
    });
  }
}

export class FormatProtectionProxy extends ProxyBase<RangeTarget> {
  protected get _entity(): string {
    return "FormatProtection";
  }
  protected get _scalars(): readonly string[] {
    return ["locked", "formulaHidden"];
  }
  protected _read(name: string, t: RangeTarget): unknown {
    if (name === "locked") return t.sheet.rangeFormat("locked", t.rect);
    return false;
  }
  set locked(v: boolean) {
    this._set("locked", v, (t) => {
      // Cell protection can't be changed while the sheet is protected (whatever the options).
      checkFormat(t.sheet, null, "FormatProtection.locked");
      env(this).wb.setFormat(t.sheet, t.rect, "locked", v === true);
    });
  }
}

// ---- data validation ----------------------------------------------------------------

function validationOf(t: RangeTarget): ValidationModel | undefined {
  return t.sheet.validations.find((v) => intersect(v.rect, t.rect) !== null);
}

const RULE_TYPES: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

export class DataValidationProxy extends ProxyBase<RangeTarget> {
  protected get _entity(): string {
    return "DataValidation";
  }
  protected get _scalars(): readonly string[] {
    return ["rule", "type", "errorAlert", "prompt", "ignoreBlanks", "valid"];
  }
  protected _read(name: string, t: RangeTarget): unknown {
    const v = validationOf(t);
    switch (name) {
      case "rule":
        return v ? structuredCloneish(v.rule) : {};
      case "type":
        return v ? (RULE_TYPES[Object.keys(v.rule)[0]] ?? "None") : "None";
      case "errorAlert":
        return v?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      case "prompt":
        return v?.prompt ?? { showPrompt: false, title: "", message: "" };
      case "ignoreBlanks":
        return v?.ignoreBlanks ?? true;
      case "valid":
        return rangeValid(env(this), t.sheet, t.rect);
    }
    return undefined;
  }
  private update(t: RangeTarget, patch: Partial<ValidationModel>): void {
    checkFormat(t.sheet, null, "DataValidation");
    const wb = env(this).wb;
    const old = validationOf(t);
    if (old && old.rect.r0 === t.rect.r0 && old.rect.c0 === t.rect.c0 && old.rect.r1 === t.rect.r1 && old.rect.c1 === t.rect.c1) {
      wb.removeAt(t.sheet.validations, t.sheet.validations.indexOf(old));
      wb.insertAt(t.sheet.validations, t.sheet.validations.length, { ...old, ...patch });
      return;
    }
    this.remove(t);
    wb.insertAt(t.sheet.validations, t.sheet.validations.length, { rect: t.rect, rule: {}, errorAlert: null, prompt: null, ignoreBlanks: true, ...patch });
  }
  private remove(t: RangeTarget): void {
    const wb = env(this).wb;
    for (let i = t.sheet.validations.length - 1; i >= 0; i--) if (intersect(t.sheet.validations[i].rect, t.rect)) wb.removeAt(t.sheet.validations, i);
  }
  set rule(v: Record<string, unknown>) {
    this._set("rule", v, (t) => {
      if (typeof v !== "object" || v === null || Object.keys(v).length !== 1 || !(Object.keys(v)[0] in RULE_TYPES))
        throw invalidArgument(undefined, "DataValidation.rule");
      this.update(t, { rule: structuredCloneish(v) });
    });
  }
  set errorAlert(v: Record<string, unknown>) {
    this._set("errorAlert", v, (t) => {
      checkTextLengths(v, 225, "DataValidation.errorAlert");
      if (v.style !== undefined && v.style !== "Stop" && v.style !== "Warning" && v.style !== "Information")
        throw invalidArgument(undefined, "DataValidation.errorAlert");
      this.update(t, { errorAlert: structuredCloneish(v) });
    });
  }
  set prompt(v: Record<string, unknown>) {
    this._set("prompt", v, (t) => {
      checkTextLengths(v, 255, "DataValidation.prompt");
      this.update(t, { prompt: structuredCloneish(v) });
    });
  }
  set ignoreBlanks(v: boolean) {
    this._set("ignoreBlanks", v, (t) => this.update(t, { ignoreBlanks: v }));
  }
  clear(): void {
    this._call("clear", [], (t) => {
      checkFormat(t.sheet, null, "DataValidation.clear");
      this.remove(t);
    });
  }
}

/**
 * A workbook stores at most 32 characters of an alert's or prompt's title and 225 (alert) / 255
 * (prompt) of its message ([MS-XLS] 2.5.37 DValStrings); longer text is refused (code not confirmed).
 */
function checkTextLengths(v: Record<string, unknown>, messageMax: number, where: string): void {
  if (typeof v !== "object" || v === null) throw invalidArgument(undefined, where);
  const title = v.title;
  const message = v.message;
  if ((typeof title === "string" && title.length > 32) || (typeof message === "string" && message.length > messageMax)) throw invalidArgument(undefined, where);
}

function structuredCloneish<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

// ---- conditional formats ----------------------------------------------------------

const CF_TYPES: Record<string, string> = {
  Custom: "custom",
  CellValue: "cellValue",
  ContainsText: "textComparison",
  TopBottom: "topBottom",
  PresetCriteria: "preset",
};

export class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatModel, ConditionalFormatProxy> {
  constructor(
    context: QueueLike,
    path: string,
    resolve: () => ConditionalFormatModel[] | null,
    private readonly range: RangeProxy,
  ) {
    super(context, path, resolve);
  }
  protected get _entity(): string {
    return "ConditionalFormatCollection";
  }
  protected _item(cf: ConditionalFormatModel): ConditionalFormatProxy {
    return cfProxy(this.context, cf.id, this.range);
  }
  add(type: string): ConditionalFormatProxy {
    const id = String(env(this).wb.nextObjectId++);
    this._enqueue({ p: this._path, call: "add", a: [type] }, () => {
      const t = required(this.range._resolve(), "ConditionalFormatCollection.add");
      if (!(type in CF_TYPES)) throw invalidArgument(`The host does not implement conditional format type ${type}.`);
      checkFormat(t.sheet, "allowFormatCells", "ConditionalFormatCollection.add");
      const cf: ConditionalFormatModel = { id, rect: t.rect, type, rule: {}, fill: null, fontColor: null, fontBold: null, stopIfTrue: false };
      env(this).wb.insertAt(t.sheet.conditionalFormats, t.sheet.conditionalFormats.length, cf);
    });
    return cfProxy(this.context, id, this.range);
  }
  clearAll(): void {
    this._enqueue({ p: this._path, call: "clearAll" }, () => {
      const t = required(this.range._resolve(), "ConditionalFormatCollection.clearAll");
      checkFormat(t.sheet, "allowFormatCells", "ConditionalFormatCollection.clearAll");
      const list = t.sheet.conditionalFormats;
      for (let i = list.length - 1; i >= 0; i--) if (intersect(list[i].rect, t.rect)) env(this).wb.removeAt(list, i);
    });
  }
}

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

function cfProxy(ctx: QueueLike, id: string, range: RangeProxy): ConditionalFormatProxy {
  return new ConditionalFormatProxy(ctx, `conditionalFormats[${id}]`, () => {
    const t = range._resolve();
    if (t === null) return null;
    const cf = t.sheet.conditionalFormats.find((x) => x.id === id);
    return { sheet: t.sheet, cf: required(cf, "ConditionalFormat") };
  });
}

export class ConditionalFormatProxy extends ProxyBase<CfTarget> {
  private _subs = new Map<string, CfSubProxy>();
  protected get _entity(): string {
    return "ConditionalFormat";
  }
  protected get _scalars(): readonly string[] {
    return ["id", "type", "stopIfTrue", "priority"];
  }
  protected _read(name: string, t: CfTarget): unknown {
    if (name === "id") return t.cf.id;
    if (name === "type") return t.cf.type;
    if (name === "stopIfTrue") return t.cf.stopIfTrue;
    if (name === "priority") return t.sheet.conditionalFormats.indexOf(t.cf);
    return undefined;
  }
  private sub(name: string): CfSubProxy {
    let s = this._subs.get(name);
    if (!s) this._subs.set(name, (s = new CfSubProxy(this.context, `${this._path}.${name}`, this._resolve)));
    return s;
  }
  get custom(): CfSubProxy {
    return this.sub("custom");
  }
  get cellValue(): CfSubProxy {
    return this.sub("cellValue");
  }
  get textComparison(): CfSubProxy {
    return this.sub("textComparison");
  }
  get topBottom(): CfSubProxy {
    return this.sub("topBottom");
  }
  get preset(): CfSubProxy {
    return this.sub("preset");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (t) => env(this).wb.setField(t.cf, "stopIfTrue", v));
  }
  delete(): void {
    this._call("delete", [], (t) => {
      checkFormat(t.sheet, "allowFormatCells", "ConditionalFormat.delete");
      env(this).wb.removeAt(t.sheet.conditionalFormats, t.sheet.conditionalFormats.indexOf(t.cf));
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getRange()`, () => {
      const t = this._resolve();
      return t === null ? null : { sheet: t.sheet, rect: t.cf.rect };
    });
  }
}

/** `custom`, `cellValue`, `textComparison` …: a `format` and a `rule`. */
export class CfSubProxy extends ProxyBase<CfTarget> {
  private _format?: CfFormatProxy;
  private _rule?: CfRuleProxy;
  protected get _entity(): string {
    return "ConditionalFormatRule";
  }
  protected get _scalars(): readonly string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  get format(): CfFormatProxy {
    return (this._format ??= new CfFormatProxy(this.context, `${this._path}.format`, this._resolve));
  }
  /** For `custom`, `rule.formula` is set on this object; for the others, `rule` is assigned an object. */
  get rule(): CfRuleProxy {
    return (this._rule ??= new CfRuleProxy(this.context, `${this._path}.rule`, this._resolve));
  }
  set rule(v: CfRuleProxy) {
    this._set("rule", v, (t) => env(this).wb.setField(t.cf, "rule", structuredCloneish(v as unknown as Record<string, unknown>)));
  }
}

export class CfRuleProxy extends ProxyBase<CfTarget> {
  protected get _entity(): string {
    return "ConditionalFormatRule";
  }
  protected get _scalars(): readonly string[] {
    return ["formula"];
  }
  protected _read(_name: string, t: CfTarget): unknown {
    return t.cf.rule.formula ?? "";
  }
  set formula(v: string) {
    this._set("formula", v, (t) => env(this).wb.setField(t.cf, "rule", { ...t.cf.rule, formula: v }));
  }
}

export class CfFormatProxy extends ProxyBase<CfTarget> {
  private _fill?: CfColorProxy;
  private _font?: CfColorProxy;
  protected get _entity(): string {
    return "ConditionalRangeFormat";
  }
  protected get _scalars(): readonly string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  get fill(): CfColorProxy {
    return (this._fill ??= new CfColorProxy(this.context, `${this._path}.fill`, this._resolve, "fill"));
  }
  get font(): CfColorProxy {
    return (this._font ??= new CfColorProxy(this.context, `${this._path}.font`, this._resolve, "font"));
  }
}

export class CfColorProxy extends ProxyBase<CfTarget> {
  constructor(
    context: QueueLike,
    path: string,
    resolve: () => CfTarget | null,
    private readonly part: "fill" | "font",
  ) {
    super(context, path, resolve);
  }
  protected get _entity(): string {
    return this.part === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }
  protected get _scalars(): readonly string[] {
    return this.part === "fill" ? ["color"] : ["color", "bold"];
  }
  protected _read(name: string, t: CfTarget): unknown {
    if (name === "bold") return t.cf.fontBold;
    return this.part === "fill" ? t.cf.fill : t.cf.fontColor;
  }
  set color(v: string) {
    this._set("color", v, (t) => env(this).wb.setField(t.cf, this.part === "fill" ? "fill" : "fontColor", normalizeColor(v)));
  }
  set bold(v: boolean) {
    this._set("bold", v, (t) => env(this).wb.setField(t.cf, "fontBold", v));
  }
}

// ---------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------

export class ChartCollectionProxy extends CollectionProxy<ChartModel, ChartProxy> {
  constructor(
    context: QueueLike,
    path: string,
    resolve: () => ChartModel[] | null,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context, path, resolve);
  }
  protected get _entity(): string {
    return "ChartCollection";
  }
  protected override get _ownScalars(): readonly string[] {
    return ["count"];
  }
  protected _item(c: ChartModel): ChartProxy {
    return this.chart(c.id);
  }
  private chart(id: string): ChartProxy {
    return new ChartProxy(this.context, `charts[${id}]`, () => {
      const s = this.sheet._resolve();
      return s === null
        ? null
        : required(
            s.charts.find((c) => c.id === id),
            "Chart",
          );
    });
  }
  /** By name (as Office.js documents it) or by id (how the client addresses a chart it has loaded). */
  getItem(key: string): ChartProxy {
    return this.lookup(key, false);
  }
  getItemOrNullObject(key: string): ChartProxy {
    return this.lookup(key, true);
  }
  private lookup(key: string, nullable: boolean): ChartProxy {
    return new ChartProxy(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => {
      const s = this.sheet._resolve();
      const found = s?.charts.find((c) => c.id === key || c.name.toLowerCase() === String(key).toLowerCase());
      if (found) return found;
      if (nullable) return null;
      throw itemNotFound("ChartCollection.getItem");
    });
  }
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    const id = `{chart-${env(this).wb.nextObjectId++}}`;
    this._enqueue({ p: this._path, call: "add", a: [type, { path: sourceData._path }, seriesBy] }, () => {
      const s = required(this.sheet._resolve(), "ChartCollection.add");
      const src = required(sourceData._resolve(), "ChartCollection.add");
      checkFormat(s, "allowEditObjects", "ChartCollection.add");
      const chart: ChartModel = {
        id,
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: rangeAddress(src.sheet.name, src.rect),
        seriesBy: seriesBy ?? "Auto",
        title: null,
      };
      env(this).wb.insertAt(s.charts, s.charts.length, chart);
    });
    return this.chart(id);
  }
}

export class ChartProxy extends ProxyBase<ChartModel> {
  private _title?: ChartTitleProxy;
  protected get _entity(): string {
    return "Chart";
  }
  protected get _scalars(): readonly string[] {
    return ["id", "name", "chartType"];
  }
  protected _read(name: string, c: ChartModel): unknown {
    if (name === "id") return c.id;
    if (name === "name") return c.name;
    return c.type;
  }
  set name(v: string) {
    this._set("name", v, (c) => env(this).wb.setField(c, "name", v));
  }
  get title(): ChartTitleProxy {
    return (this._title ??= new ChartTitleProxy(this.context, `${this._path}.title`, this._resolve));
  }
  /** Resets the chart's source data (ExcelApi 1.1): the range and, optionally, how series are taken. */
  setData(sourceData: RangeProxy, seriesBy?: string): void {
    this._call("setData", [sourceData, seriesBy], (c) => {
      const src = required(sourceData._resolve(), "Chart.setData");
      const wb = env(this).wb;
      const owner = wb.sheets.find((s) => s.charts.includes(c));
      if (owner) checkFormat(owner, "allowEditObjects", "Chart.setData");
      if (seriesBy !== undefined && seriesBy !== "Auto" && seriesBy !== "Columns" && seriesBy !== "Rows") throw invalidArgument(undefined, "Chart.setData");
      wb.setField(c, "source", rangeAddress(src.sheet.name, src.rect));
      if (seriesBy !== undefined) wb.setField(c, "seriesBy", seriesBy);
    });
  }
  setPosition(_startCell: unknown, _endCell?: unknown): void {
    this._call("setPosition", [_startCell, _endCell], () => undefined);
  }
  delete(): void {
    this._call("delete", [], (c) => {
      const wb = env(this).wb;
      for (const s of wb.sheets) {
        const i = s.charts.indexOf(c);
        if (i >= 0) wb.removeAt(s.charts, i);
      }
    });
  }
}

export class ChartTitleProxy extends ProxyBase<ChartModel> {
  protected get _entity(): string {
    return "ChartTitle";
  }
  protected get _scalars(): readonly string[] {
    return ["text"];
  }
  protected _read(_n: string, c: ChartModel): unknown {
    return c.title ?? "";
  }
  set text(v: string) {
    this._set("text", v, (c) => env(this).wb.setField(c, "title", v));
  }
}

// ---------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------

function tableProxy(ctx: QueueLike, id: string, path: string): TableProxy {
  return new TableProxy(ctx, path, () => required(env({ context: ctx }).wb.tableById(id), "Table"));
}

export class TableCollectionProxy extends CollectionProxy<TableModel, TableProxy> {
  constructor(
    context: QueueLike,
    path: string,
    resolve: () => TableModel[] | null,
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(context, path, resolve);
  }
  protected get _entity(): string {
    return "TableCollection";
  }
  protected override get _ownScalars(): readonly string[] {
    return ["count"];
  }
  protected _item(t: TableModel): TableProxy {
    return tableProxy(this.context, t.id, `tables[${t.id}]`);
  }
  private find(key: string): () => TableModel | undefined {
    return () => {
      const wb = env(this).wb;
      const t = wb.tableByName(key) ?? wb.tableById(key);
      if (t && this.sheet) {
        const s = this.sheet._resolve();
        if (s !== t.sheet) return undefined;
      }
      return t;
    };
  }
  getItem(key: string): TableProxy {
    const find = this.find(key);
    return new TableProxy(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => required(find(), "TableCollection.getItem"));
  }
  getItemOrNullObject(key: string): TableProxy {
    const find = this.find(key);
    return new TableProxy(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => find() ?? null);
  }
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, `${this._path}.getItemAt(${index})`, () => required(this._resolve()?.[index], "TableCollection.getItemAt"));
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const id = String(env(this).wb.nextTableId++);
    const desc = typeof address === "string" ? address : { path: address._path };
    this._enqueue({ p: this._path, call: "add", a: [desc, hasHeaders] }, () => {
      const e = env(this);
      let target: RangeTarget;
      if (typeof address !== "string") target = required(address._resolve(), "TableCollection.add");
      else {
        const p = addressArgument(address);
        let sheet: SheetModel | null | undefined;
        if (this.sheet) {
          sheet = this.sheet._resolve();
          if (sheet && p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(undefined, "TableCollection.add");
        } else sheet = p.sheet !== null ? e.wb.sheetByName(p.sheet) : e.wb.sheetById(e.wb.activeSheetId ?? "");
        target = { sheet: required(sheet, "TableCollection.add"), rect: p.rect };
      }
      addTable(e, target.sheet, target.rect, hasHeaders === true, id);
    });
    return tableProxy(this.context, id, `tables[${id}]`);
  }
}

export class TableProxy extends ProxyBase<TableModel> {
  private _columns?: TableColumnCollectionProxy;
  private _rows?: TableRowCollectionProxy;
  protected get _entity(): string {
    return "Table";
  }
  protected get _scalars(): readonly string[] {
    return ["id", "name", "showHeaders", "showTotals", "style", "legacyId"];
  }
  protected _read(name: string, t: TableModel): unknown {
    switch (name) {
      case "id":
      case "legacyId":
        return t.id;
      case "name":
        return t.name;
      case "showHeaders":
        return true;
      case "showTotals":
        return t.showTotals;
      case "style":
        return t.style;
    }
    return undefined;
  }
  protected override _nav(name: string): ProxyBase<unknown> | undefined {
    if (name === "columns") return this.columns;
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      const wb = env(this).wb;
      if (v === t.name) return;
      checkFormat(t.sheet, null, "Table.name");
      wb.setField(t, "name", checkTableName(wb, v, t));
    });
  }
  set showTotals(v: boolean) {
    this._set("showTotals", v, () => {
      if (v) throw new HostError(ErrorCode.notImplemented, "The host does not implement table totals rows.");
    });
  }
  set style(v: string) {
    this._set("style", v, (t) => env(this).wb.setField(t, "style", v));
  }
  get columns(): TableColumnCollectionProxy {
    return (this._columns ??= new TableColumnCollectionProxy(this.context, `${this._path}.columns`, this._resolve));
  }
  get rows(): TableRowCollectionProxy {
    return (this._rows ??= new TableRowCollectionProxy(this.context, `${this._path}.rows`, this._resolve));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this._path}.worksheet`, () => this._resolve()?.sheet ?? null);
  }
  private range(path: string, f: (t: TableModel) => Rect): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.${path}`, () => {
      const t = this._resolve();
      return t === null ? null : { sheet: t.sheet, rect: f(t) };
    });
  }
  getRange(): RangeProxy {
    return this.range("getRange()", (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.range("getHeaderRowRange()", (t) => rect(t.rect.r0, t.rect.c0, t.rect.r0, t.rect.c1));
  }
  getDataBodyRange(): RangeProxy {
    return this.range("getDataBodyRange()", (t) => rect(t.rect.r0 + 1, t.rect.c0, t.rect.r1, t.rect.c1));
  }
  getTotalRowRange(): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getTotalRowRange()`, () => {
      throw invalidOperation("The table has no totals row.", "Table.getTotalRowRange");
    });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      const e = env(this);
      checkFormat(t.sheet, null, "Table.delete");
      e.wb.removeAt(e.wb.tables, e.wb.tables.indexOf(t));
      clearRange(e, t.sheet, t.rect, "All", "Table.delete", null);
    });
  }
  convertToRange(): RangeProxy {
    const r = this.getRange();
    this._call("convertToRange", [], (t) => {
      const e = env(this);
      checkFormat(t.sheet, null, "Table.convertToRange");
      e.wb.removeAt(e.wb.tables, e.wb.tables.indexOf(t));
    });
    return r;
  }
  resize(newRange: string | RangeProxy): void {
    this._call("resize", [typeof newRange === "string" ? newRange : { path: newRange._path }], (t) => {
      const e = env(this);
      checkFormat(t.sheet, null, "Table.resize");
      const x = typeof newRange === "string" ? addressArgument(newRange).rect : required(newRange._resolve(), "Table.resize").rect;
      if (x.r0 !== t.rect.r0 || x.r1 <= x.r0) throw invalidArgument("The header row must stay in place and the table keep a data row.", "Table.resize");
      if (e.wb.tablesIntersecting(t.sheet, x).some((o) => o !== t)) throw invalidArgument("A table can't overlap another table.", "Table.resize");
      const ids = t.columnIds.slice(0, Math.min(t.columnIds.length, cols(x)));
      let next = t.nextColumnId;
      while (ids.length < cols(x)) ids.push(next++);
      e.wb.setField(t, "rect", x);
      e.wb.setField(t, "columnIds", ids);
      e.wb.setField(t, "nextColumnId", next);
    });
  }
  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }
}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

export class TableColumnCollectionProxy extends CollectionProxy<ColumnTarget, TableColumnProxy> {
  protected get _entity(): string {
    return "TableColumnCollection";
  }
  protected override get _ownScalars(): readonly string[] {
    return ["count"];
  }
  constructor(
    context: QueueLike,
    path: string,
    private readonly table: () => TableModel | null,
  ) {
    super(context, path, () => {
      const t = table();
      return t === null ? null : t.columnIds.map((_, index) => ({ table: t, index }));
    });
  }
  protected _item(c: ColumnTarget): TableColumnProxy {
    return this.byId(c.table.columnIds[c.index]);
  }
  private byId(id: number): TableColumnProxy {
    return new TableColumnProxy(this.context, `${this._path}[${id}]`, () => {
      const t = this.table();
      if (t === null) return null;
      const index = t.columnIds.indexOf(id);
      if (index < 0) throw itemNotFound("TableColumn");
      return { table: t, index };
    });
  }
  private lookup(key: string | number, nullable: boolean, where: string): TableColumnProxy {
    return new TableColumnProxy(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => {
      const t = this.table();
      if (t === null) return null;
      const index = tableColumnIndex(env(this).wb, t, key);
      if (index < 0) {
        if (nullable) return null;
        throw itemNotFound(where);
      }
      return { table: t, index };
    });
  }
  getItem(key: string | number): TableColumnProxy {
    return this.lookup(key, false, "TableColumnCollection.getItem");
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return this.lookup(key, true, "TableColumnCollection.getItemOrNullObject");
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this.table();
      if (t === null) return null;
      if (!Number.isInteger(index) || index < 0 || index >= t.columnIds.length) throw invalidArgument(undefined, "TableColumnCollection.getItemAt");
      return { table: t, index };
    });
  }
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let addedId = -1;
    const result = new TableColumnProxy(this.context, `${this._path}.add()`, () => {
      const t = this.table();
      if (t === null) return null;
      const i = t.columnIds.indexOf(addedId);
      if (i < 0) throw itemNotFound("TableColumn");
      return { table: t, index: i };
    });
    this._enqueue({ p: this._path, call: "add", a: [index, values, name] }, (stage) => {
      const t = required(this.table(), "TableColumnCollection.add");
      const at = addTableColumn(env(this), t, index, values, name, stage.changes);
      addedId = t.columnIds[at];
    });
    return result;
  }
}

export class TableColumnProxy extends ProxyBase<ColumnTarget> {
  protected get _entity(): string {
    return "TableColumn";
  }
  protected get _scalars(): readonly string[] {
    return ["id", "index", "name", "values"];
  }
  protected _read(name: string, c: ColumnTarget): unknown {
    const t = c.table;
    switch (name) {
      case "id":
        return t.columnIds[c.index];
      case "index":
        return c.index;
      case "name":
        return tableColumnNames(env(this).wb, t)[c.index];
      case "values":
        return readGrid(rect(t.rect.r0, t.rect.c0 + c.index, t.rect.r1, t.rect.c0 + c.index), (r, col) => env(this).calc.value(t.sheet, r, col));
    }
    return undefined;
  }
  set name(v: string) {
    this._set("name", v, (c, stage) =>
      writeCells(env(this), c.table.sheet, rect(c.table.rect.r0, c.table.rect.c0 + c.index), [[`'${v}`]], "TableColumn.name", stage.changes),
    );
  }
  set values(v: unknown[][]) {
    this._set("values", v, (c, stage) => {
      const t = c.table;
      writeCells(env(this), t.sheet, rect(t.rect.r0, t.rect.c0 + c.index, t.rect.r1, t.rect.c0 + c.index), v, "TableColumn.values", stage.changes);
    });
  }
  private range(path: string, f: (t: TableModel, col: number) => Rect): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.${path}`, () => {
      const c = this._resolve();
      return c === null ? null : { sheet: c.table.sheet, rect: f(c.table, c.table.rect.c0 + c.index) };
    });
  }
  getDataBodyRange(): RangeProxy {
    return this.range("getDataBodyRange()", (t, col) => rect(t.rect.r0 + 1, col, t.rect.r1, col));
  }
  getHeaderRowRange(): RangeProxy {
    return this.range("getHeaderRowRange()", (t, col) => rect(t.rect.r0, col));
  }
  getRange(): RangeProxy {
    return this.range("getRange()", (t, col) => rect(t.rect.r0, col, t.rect.r1, col));
  }
  delete(): void {
    this._call("delete", [], (c, stage) => {
      const e = env(this);
      const t = c.table;
      checkFormat(t.sheet, null, "TableColumn.delete");
      if (t.columnIds.length === 1) throw invalidOperation("A table must keep at least one column.", "TableColumn.delete");
      const col = t.rect.c0 + c.index;
      clearRange(e, t.sheet, rect(t.rect.r0, col, t.rect.r1, col), "Contents", "TableColumn.delete", null);
      for (let cc = col + 1; cc <= t.rect.c1; cc++) {
        for (let r = t.rect.r0; r <= t.rect.r1; r++) {
          e.wb.setCell(t.sheet, r, cc - 1, t.sheet.cell(r, cc));
          e.wb.setCell(t.sheet, r, cc, undefined);
        }
      }
      const ids = [...t.columnIds];
      ids.splice(c.index, 1);
      e.wb.setField(t, "columnIds", ids);
      e.wb.setField(t, "rect", rect(t.rect.r0, t.rect.c0, t.rect.r1, t.rect.c1 - 1));
      stage.changes.push({ sheet: t.sheet, rect: rect(t.rect.r0, col, t.rect.r1, col), changeType: "ColumnDeleted" });
    });
  }
}

interface RowTarget {
  table: TableModel;
  index: number;
}

export class TableRowCollectionProxy extends CollectionProxy<RowTarget, TableRowProxy> {
  protected get _entity(): string {
    return "TableRowCollection";
  }
  protected override get _ownScalars(): readonly string[] {
    return ["count"];
  }
  constructor(
    context: QueueLike,
    path: string,
    private readonly table: () => TableModel | null,
  ) {
    super(context, path, () => {
      const t = table();
      return t === null ? null : Array.from({ length: t.rect.r1 - t.rect.r0 }, (_, index) => ({ table: t, index }));
    });
  }
  protected _item(r: RowTarget): TableRowProxy {
    return this.getItemAt(r.index);
  }
  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this.table();
      if (t === null) return null;
      if (!Number.isInteger(index) || index < 0 || index >= t.rect.r1 - t.rect.r0) throw invalidArgument(undefined, "TableRowCollection.getItemAt");
      return { table: t, index };
    });
  }
  add(index?: number | null, values?: unknown, _alwaysInsert?: boolean): TableRowProxy {
    let at = -1;
    const result = new TableRowProxy(this.context, `${this._path}.add()`, () => {
      const t = this.table();
      return t === null ? null : { table: t, index: at };
    });
    this._enqueue({ p: this._path, call: "add", a: [index, values] }, (stage) => {
      const t = required(this.table(), "TableRowCollection.add");
      at = addTableRows(env(this), t, index, values, stage.changes);
    });
    return result;
  }
  deleteRowsAt(index: number, count = 1): void {
    this._enqueue({ p: this._path, call: "deleteRowsAt", a: [index, count] }, (stage) => {
      deleteTableRows(env(this), required(this.table(), "TableRowCollection.deleteRowsAt"), index, count, stage.changes);
    });
  }
}

export class TableRowProxy extends ProxyBase<RowTarget> {
  protected get _entity(): string {
    return "TableRow";
  }
  protected get _scalars(): readonly string[] {
    return ["index", "values"];
  }
  protected _read(name: string, r: RowTarget): unknown {
    if (name === "index") return r.index;
    const t = r.table;
    const row = t.rect.r0 + 1 + r.index;
    return readGrid(rect(row, t.rect.c0, row, t.rect.c1), (rr, c) => env(this).calc.value(t.sheet, rr, c));
  }
  set values(v: unknown[][]) {
    this._set("values", v, (r, stage) => {
      const t = r.table;
      const row = t.rect.r0 + 1 + r.index;
      writeCells(env(this), t.sheet, rect(row, t.rect.c0, row, t.rect.c1), v, "TableRow.values", stage.changes);
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getRange()`, () => {
      const r = this._resolve();
      if (r === null) return null;
      const row = r.table.rect.r0 + 1 + r.index;
      return { sheet: r.table.sheet, rect: rect(row, r.table.rect.c0, row, r.table.rect.c1) };
    });
  }
  delete(): void {
    this._call("delete", [], (r, stage) => deleteTableRows(env(this), r.table, r.index, 1, stage.changes));
  }
}

export { checkContent };
