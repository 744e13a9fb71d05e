/**
 * ExcelHost: one in-memory workbook behind an Office.js-like API (see docs/excel-host.md).
 * Pure TypeScript: no Node or DOM imports, so the browser preview can use it too.
 */
import { Rect, rangeAddress, rangeText } from "../core/a1";
import { addressArgument, cols, rect, rows } from "./address";
import { Calc, HostFunction, Shown } from "./calc";
import { ErrorCode, HostError, HostProtectionError, HostValidationError, Message } from "./errors";
import { ChartModel, ConditionalFormatModel, ProtectionOptions, SheetModel, TableModel, Visibility, WorkbookModel, tableColumnNames } from "./model";
import { addSheet, addTable, formulaOf, numberFormatOf, protectSheet, readGrid, setVisibility, typedRefusal, unprotectSheet, writeCells } from "./ops";
import { OfficeClient, PlatformName, clientFor, defaultPlatformName, openSession, triggerEvent } from "./client";
import { Change, ProxyBase, Stage, utf8Length } from "./proxy-base";
import { HostInternals, RequestContextImpl } from "./proxies";
import { PLATFORMS, PlatformProfile, apiNotFoundError } from "./platforms";
import { MemberCheck, RichApiError, RichApiRequest, ResponderHost, isCleanupRequest, translate } from "./richapi";

export interface ExcelHostOptions {
  /** Date system of the workbook (default 1900). */
  dateSystem?: 1900 | 1904;
  /** Request (and response) payload limit in bytes; null (default) = unlimited. 5 * 1024 * 1024 mimics Excel on the web. */
  payloadLimitBytes?: number | null;
  /** Name of the sheet a new workbook starts with (default "Sheet1"); null for none. */
  initialSheet?: string | null;
  /** Clock for TODAY() (default: the system clock). */
  today?: () => Date;
  /**
   * true (default): a sync that fails applies nothing of its batch (all-or-nothing).
   * false: the operations before the failing one stay applied, as in real Excel.
   */
  atomicSyncs?: boolean;
  /** Microsoft's Excel client the host answers (default: the one set with setDefaultClient). */
  client?: OfficeClient;
  /** The platform whose client build is used (default: the default client's). */
  platform?: PlatformName;
  /** The code `unprotect` fails with for a wrong or missing password: "InvalidArgument" (default) or "AccessDenied" (Windows, OfficeDev/office-js#6784). */
  wrongPasswordCode?: "InvalidArgument" | "AccessDenied";
}

export interface RunOptions {
  /** As Excel.RunOptions.delayForCellEdit: wait while the user edits a cell instead of failing. */
  delayForCellEdit?: boolean;
}

export interface RequestStats {
  /** Request size: the RichApi body the client sent, serialized as JSON (UTF-8 bytes). */
  bytes: number;
  /** Number of actions in the request. */
  ops: number;
  /** Response size: the answer serialized as JSON (UTF-8 bytes). */
  responseBytes: number;
}

export interface HostStats {
  /** Round trips: syncs that had queued operations (an empty sync sends nothing, as in Office.js). */
  syncs: number;
  requests: RequestStats[];
  maxRequestBytes: number;
  /** Calls of application.suspendApiCalculationUntilNextSync(). */
  suspendApiCalculation: number;
  /** The client's own clean-up requests after a batch (releasing kept references; not awaited, not counted in syncs). */
  cleanups: number;
  reset(): void;
}

export interface HostChangeEvent {
  type: "WorksheetChanged" | "TableChanged";
  changeType: string;
  source: "Local";
  /** Worksheet events only: Excel.TableChangedEventArgs has no triggerSource (WorksheetChangedEventArgs has, ExcelApi 1.14). */
  triggerSource?: "ThisLocalAddin" | "Unknown";
  address: string;
  worksheetId: string;
  tableId?: string;
  details?: { valueBefore: unknown; valueAfter: unknown };
}

export type CellInput = string | number | boolean | null;

/** A read-only view of a sheet for tests and the preview. */
export class HostSheet {
  constructor(
    private readonly host: ExcelHost,
    readonly model: SheetModel,
  ) {}
  get id(): string {
    return this.model.id;
  }
  get name(): string {
    return this.model.name;
  }
  get visibility(): Visibility {
    return this.model.visibility;
  }
  get protected(): boolean {
    return this.model.protection.protected;
  }
  get hasPassword(): boolean {
    return this.model.protection.password !== null;
  }
  get protectionOptions(): Readonly<ProtectionOptions> {
    return { ...this.model.protection.options };
  }
  get frozenRows(): number {
    return this.model.frozenRows;
  }
  get frozenColumns(): number {
    return this.model.frozenColumns;
  }
  get charts(): readonly ChartModel[] {
    return this.model.charts.map((c) => ({ ...c }));
  }
  get dataValidations(): ReadonlyArray<{ address: string; rule: Record<string, unknown> }> {
    return this.model.validations.map((v) => ({ address: rangeText(v.rect), rule: v.rule }));
  }
  get conditionalFormats(): ReadonlyArray<Omit<ConditionalFormatModel, "rect"> & { address: string }> {
    return this.model.conditionalFormats.map(({ rect: x, ...rest }) => ({ ...rest, address: rangeText(x) }));
  }
  columnWidth(column: number): number | undefined {
    return this.model.columnWidths[column];
  }
  isLocked(address: string): boolean {
    const { rect: x } = addressArgument(address);
    return this.model.format("locked", x.r0, x.c0);
  }
  format(address: string): { fill: string | null; fontBold: boolean; fontColor: string; locked: boolean; numberFormat: string } {
    const { rect: x } = addressArgument(address);
    const m = this.model;
    return {
      fill: m.format("fill", x.r0, x.c0),
      fontBold: m.format("fontBold", x.r0, x.c0),
      fontColor: m.format("fontColor", x.r0, x.c0),
      locked: m.format("locked", x.r0, x.c0),
      numberFormat: numberFormatOf(m, x.r0, x.c0),
    };
  }
  /** Review > Protect Sheet, as a user. Throws a HostError where the API would fail. */
  protect(options?: Partial<ProtectionOptions>, password?: string): void {
    protectSheet(this.model, this.host._wb, options, password);
  }
  unprotect(password?: string): void {
    unprotectSheet(this.model, this.host._wb, password);
  }
  /** Test setup: sets the visibility directly (a user cannot make a sheet very hidden). */
  setVisibility(v: Visibility): void {
    setVisibility(this.host._wb, this.model, v);
  }
}

export interface HostTable {
  id: string;
  name: string;
  sheet: string;
  address: string;
  columns: string[];
  rowCount: number;
}

export class ExcelHost {
  /** @internal */
  readonly _wb: WorkbookModel;
  private readonly calc: Calc;
  private readonly internals: HostInternals;
  private readonly payloadLimit: number | null;
  private readonly atomic: boolean;
  private syncNumber = 0;
  private readonly failures = new Map<number, { code: string; message: string }>();
  private _editing = false;
  private editWaiters: Array<() => void> = [];
  readonly stats: HostStats;
  /** Microsoft's Excel client this workbook answers. */
  readonly client: OfficeClient;
  /** The session URL the client reaches this workbook at. */
  readonly url: string;
  private readonly session: { process(body: unknown, flags: number): Promise<string> };
  /** The host's side of every request: the objects the actions name queue here. */
  private readonly queue: RequestContextImpl;
  private readonly responder: ResponderHost;
  /** Registrations of change events by worksheet or table id (`_RegisterDataChangedEvent`). */
  private readonly sheetEvents = new Map<string, number>();
  private readonly tableEvents = new Map<string, number>();
  /** The platform profile: its requirement sets decide which members a request may use. */
  readonly profile: PlatformProfile;
  /** Answers whether a member is available on the host's platform (null: it is); default: the profile's sets. */
  checkMember: MemberCheck;

  constructor(options: ExcelHostOptions = {}) {
    const platform = options.client?.platform ?? options.platform ?? defaultPlatformName();
    this._wb = new WorkbookModel(options.dateSystem ?? 1900, {
      // Excel on Windows reports a wrong sheet password as AccessDenied (OfficeDev/office-js#6784).
      wrongPasswordCode: options.wrongPasswordCode ?? (platform === "windows" || platform === "excel2021" ? "AccessDenied" : undefined),
    });
    this.calc = new Calc(this._wb, options.today ?? (() => new Date()));
    this.payloadLimit = options.payloadLimitBytes ?? null;
    this.atomic = options.atomicSyncs !== false;
    const counters = { suspendApiCalculation: 0 };
    const stats: HostStats = {
      syncs: 0,
      requests: [],
      maxRequestBytes: 0,
      cleanups: 0,
      get suspendApiCalculation() {
        return counters.suspendApiCalculation;
      },
      reset() {
        stats.syncs = 0;
        stats.requests = [];
        stats.maxRequestBytes = 0;
        stats.cleanups = 0;
        counters.suspendApiCalculation = 0;
      },
    };
    this.stats = stats;
    this.internals = {
      wb: this._wb,
      calc: this.calc,
      counters,
    };
    this.queue = new RequestContextImpl(this.internals);
    const refs = new Map<string, ProxyBase<unknown>>();
    let refSeq = 0;
    this.responder = {
      queue: this.queue,
      refs,
      newReferenceId: () => `{host-ref-${++refSeq}}`,
      registerEvents: (className, target, delta) => {
        const map = className === "Worksheet" ? this.sheetEvents : className === "Table" ? this.tableEvents : null;
        const id = (target as { id?: unknown }).id;
        if (!map || typeof id !== "string") return;
        map.set(id, Math.max(0, (map.get(id) ?? 0) + delta));
      },
      checkMember: (className, member) => this.checkMember(className, member),
    };
    this.client = options.client ?? clientFor(options.platform);
    this.profile = PLATFORMS[this.client.platform];
    // A member outside the platform's requirement sets fails as Excel fails it: ApiNotFound.
    this.checkMember = (className, member) => {
      const denied = apiNotFoundError(this.profile, className, member);
      return denied ? new HostError(denied.code, denied.message, denied.debugInfo.errorLocation) : null;
    };
    this.session = { process: (body, flags) => this.process(body, flags) };
    this.url = openSession(this.client, this.session);
    const first = options.initialSheet === undefined ? "Sheet1" : options.initialSheet;
    if (first !== null) this.addSheet(first);
  }

  // ---- Office.js side ----------------------------------------------------------------

  /**
   * Like Excel.run, through Microsoft's client: a fresh request context on this workbook's
   * session, the batch, then a final sync of anything still queued.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Reuses the context of a previous batch (e.g. to remove an event handler, which needs its own context). */
  run<T>(previous: { context: unknown } | Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(a: RunOptions | object | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const excel = this.client.Excel as unknown as { run(...args: unknown[]): Promise<T> };
    if (typeof a === "function") return excel.run({ session: this.url }, a);
    if (typeof b !== "function") return Promise.reject(new HostError(ErrorCode.invalidArgument, Message.invalidArgument, "Excel.run"));
    const proto: unknown = Object.getPrototypeOf(a);
    if (proto === Object.prototype || proto === null) {
      const { context } = a as { context?: unknown };
      if (context === undefined) return excel.run({ ...(a as RunOptions), session: this.url }, b);
      return excel.run(context, b);
    }
    const ctxClass = (this.client.OfficeExtension as unknown as { ClientRequestContext: new () => object }).ClientRequestContext;
    if (a instanceof ctxClass) return excel.run(a, b);
    const { context } = a as { context?: unknown };
    return excel.run(context ?? a, b);
  }

  /** The n-th sync from now (1 = the next one that sends a request) fails and applies nothing. */
  failSync(n: number, error: { code: string; message: string } = { code: ErrorCode.generalException, message: "An internal error has occurred." }): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("failSync(n) needs n >= 1");
    this.failures.set(this.syncNumber + n, error);
  }

  /** GOAL.* implementations by upper-case name (`PROGRESS` or `GOAL.PROGRESS`). */
  registerFunctions(fns: Record<string, HostFunction>): void {
    for (const [name, fn] of Object.entries(fns)) this.calc.functions.set(name.toUpperCase(), fn);
    this.calc.invalidate();
  }

  /** True while the "user" is editing a cell: syncs fail (InvalidOperationInCellEditMode) or, with delayForCellEdit, wait. */
  get editing(): boolean {
    return this._editing;
  }
  set editing(v: boolean) {
    this._editing = v;
    if (!v) {
      const waiters = this.editWaiters;
      this.editWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Answers one RichApi request from Microsoft's client (one `context.sync()`). */
  private async process(body: unknown, flags: number): Promise<string> {
    await Promise.resolve();
    if (this._editing) {
      // Excel.run({ delayForCellEdit: true }) sets flag 64 (office-js: onBeforeExcelRun).
      if ((flags & 64) === 0) return errorBody({ Code: ErrorCode.invalidOperationInCellEditMode, Message: Message.cellEditMode });
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    }
    const request = body as RichApiRequest;
    if (isCleanupRequest(request)) {
      this.stats.cleanups++;
      return this.answer(request, { bytes: 0, ops: 0, responseBytes: 0 });
    }
    this.syncNumber++;
    const bytes = utf8Length(JSON.stringify(body));
    const stats: RequestStats = { bytes, ops: request.Actions?.length ?? 0, responseBytes: 0 };
    this.stats.syncs++;
    this.stats.requests.push(stats);
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, bytes);

    const injected = this.failures.get(this.syncNumber);
    if (injected) {
      this.failures.delete(this.syncNumber);
      return errorBody({ Code: injected.code, Message: injected.message });
    }
    if (this.payloadLimit !== null && bytes > this.payloadLimit) {
      return errorBody({ Code: ErrorCode.requestPayloadSizeLimitExceeded, Message: Message.requestPayload });
    }
    return this.answer(request, stats);
  }

  /** Runs a request's actions as one stage (all or nothing unless atomicSyncs is false) and answers it. */
  private answer(request: RichApiRequest, stats: RequestStats): string {
    this.queue.queue = [];
    const translation = translate(this.responder, request);
    const ops = this.queue.queue;
    this.queue.queue = [];
    const stage: Stage = { commits: [], changes: [], traces: [], responseBytes: 0 };
    const undo: Array<() => void> = [];
    this._wb.undo = undo;
    const rollBack = () => {
      this._wb.undo = null;
      if (this.atomic) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]();
        this._wb.version++;
      }
      this.calc.invalidate();
    };
    try {
      for (const op of ops) op.run(stage);
    } catch (e) {
      rollBack();
      const err = e instanceof HostError ? e : null;
      return errorBody(
        {
          Code: err?.code ?? ErrorCode.generalException,
          Message: err?.message ?? (e instanceof Error ? e.message : String(e)),
          ...(err?.debugInfo.errorLocation ? { Location: err.debugInfo.errorLocation } : {}),
          ActionIndex: Math.max(0, translation.actionIndex()),
        },
        translation.traceIds(),
      );
    }
    for (const c of stage.commits) c();
    const response = JSON.stringify({ Results: translation.results(), TraceIds: translation.traceIds() });
    stats.responseBytes = utf8Length(response);
    if (this.payloadLimit !== null && stats.responseBytes > this.payloadLimit) {
      // Excel refuses to send it: the client receives only the error.
      rollBack();
      const refused = errorBody({ Code: ErrorCode.responsePayloadSizeLimitExceeded, Message: Message.responsePayload });
      stats.responseBytes = utf8Length(refused);
      return refused;
    }
    this._wb.undo = null;
    this.fire(stage.changes, "ThisLocalAddin");
    return response;
  }

  /** Change events for the worksheets and tables whose handlers were registered through the client. */
  private fire(changes: Change[], triggerSource: "ThisLocalAddin" | "Unknown"): void {
    if (!this._wb.enableEvents) return;
    for (const ch of changes) {
      const base = {
        changeType: ch.changeType,
        source: "Local",
        worksheetId: ch.sheet.id,
        ...(ch.details ? { valueBefore: ch.details.valueBefore, valueAfter: ch.details.valueAfter } : {}),
      };
      // Only worksheet events carry triggerSource (ExcelApi 1.14); table events have none.
      if ((this.sheetEvents.get(ch.sheet.id) ?? 0) > 0) this.dispatch(SHEET_CHANGED, ch.sheet.id, { ...base, triggerSource, address: rangeText(ch.rect) });
      for (const t of this._wb.tablesIntersecting(ch.sheet, ch.rect)) {
        if ((this.tableEvents.get(t.id) ?? 0) === 0) continue;
        this.dispatch(TABLE_CHANGED, t.id, { ...base, address: rangeText(intersectRect(t.rect, ch.rect)), tableId: t.id });
      }
    }
  }

  private dispatch(eventType: number, targetId: string, args: Record<string, unknown>): void {
    queueMicrotask(() => triggerEvent(this.client, eventType, targetId, args));
  }

  // ---- user / test side ----------------------------------------------------------------

  sheetNames(): string[] {
    return this._wb.sheets.map((s) => s.name);
  }

  sheet(name: string): HostSheet | undefined {
    const s = this._wb.sheetByName(name);
    return s ? new HostSheet(this, s) : undefined;
  }

  /** Adds a worksheet (test setup; respects workbook structure protection). */
  addSheet(name: string): HostSheet {
    const s = addSheet(this._wb, this._wb.newSheetId(), name);
    return new HostSheet(this, s);
  }

  private sheetModel(name: string): SheetModel {
    const s = this._wb.sheetByName(name);
    if (!s) throw new HostError(ErrorCode.itemNotFound, `No worksheet named "${name}".`);
    return s;
  }

  /**
   * A user typing into one cell: "=…" becomes a formula, "'…" stays text, "45%" a number…
   * Throws HostProtectionError for a locked cell on a protected sheet, and HostValidationError when the
   * cell's list validation with a Stop alert (the default) refuses the value. Typing directly below
   * a table extends the table by that row (Excel's AutoExpansion), unless the sheet is
   * protected. Fires onChanged (triggerSource "Unknown").
   */
  setCell(sheet: string, address: string, value: CellInput): void {
    const s = this.sheetModel(sheet);
    const { rect: x } = addressArgument(address);
    if (rows(x) !== 1 || cols(x) !== 1) throw new RangeError("setCell takes one cell; use setValues for a range");
    if (!(s.protection.protected && s.format("locked", x.r0, x.c0))) {
      const refusal = typedRefusal({ wb: this._wb, calc: this.calc }, s, x.r0, x.c0, value);
      if (refusal) throw new HostValidationError(s.name, address, value, refusal.message, refusal.title);
    }
    this.userWrite(s, x, [[value]], address);
  }

  /**
   * A user pasting a block of values (same rules as setCell for each cell). A plain paste does not
   * trigger data validation (Excel), so no validation is checked here.
   */
  setValues(sheet: string, address: string, values: CellInput[][]): void {
    const s = this.sheetModel(sheet);
    const { rect: x0 } = addressArgument(address);
    const x = rect(x0.r0, x0.c0, x0.r0 + values.length - 1, x0.c0 + (values[0]?.length ?? 1) - 1);
    this.userWrite(s, x, values, address);
  }

  private userWrite(s: SheetModel, x: Rect, values: CellInput[][], address: string): void {
    if (s.protection.protected) {
      for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) if (s.format("locked", r, c)) throw new HostProtectionError(s.name, address);
    }
    const changes: Change[] = [];
    const env = { wb: this._wb, calc: this.calc };
    // AutoExpansion: typing in the row right below a table extends it, except on a protected
    // sheet (tables cannot change there, even over unlocked cells; docs/excel-host.md "Tables").
    for (const t of s.protection.protected ? [] : this._wb.tablesOn(s)) {
      const typed = values.some((row) => row.some((v) => v !== null && v !== ""));
      if (typed && x.r0 === t.rect.r1 + 1 && x.c0 >= t.rect.c0 && x.c0 <= t.rect.c1 && !this._wb.tableAt(s, x.r0, x.c0)) {
        this._wb.setField(t, "rect", rect(t.rect.r0, t.rect.c0, t.rect.r1 + 1, t.rect.c1));
      }
    }
    writeCells(env, s, x, values, "setCell", changes);
    this.fire(changes, "Unknown");
  }

  /** Test setup: makes a table (header row first) and optionally names it. */
  addTable(sheet: string, address: string, name?: string): HostTable {
    const s = this.sheetModel(sheet);
    const env = { wb: this._wb, calc: this.calc };
    const t = addTable(env, s, addressArgument(address).rect, true, String(this._wb.nextTableId++));
    if (name !== undefined) t.name = name;
    return this.describeTable(t);
  }

  table(name: string): HostTable | undefined {
    const t = this._wb.tableByName(name);
    return t ? this.describeTable(t) : undefined;
  }

  tableNames(): string[] {
    return this._wb.tables.map((t) => t.name);
  }

  private describeTable(t: TableModel): HostTable {
    return {
      id: t.id,
      name: t.name,
      sheet: t.sheet.name,
      address: rangeAddress(t.sheet.name, t.rect),
      columns: tableColumnNames(this._wb, t),
      rowCount: t.rect.r1 - t.rect.r0,
    };
  }

  getValue(sheet: string, address: string): Shown {
    const s = this.sheetModel(sheet);
    const { rect: x } = addressArgument(address);
    return this.calc.value(s, x.r0, x.c0);
  }

  getFormula(sheet: string, address: string): Shown {
    const s = this.sheetModel(sheet);
    const { rect: x } = addressArgument(address);
    return formulaOf({ wb: this._wb, calc: this.calc }, s, x.r0, x.c0);
  }

  getValues(sheet: string, address: string): Shown[][] {
    const s = this.sheetModel(sheet);
    return readGrid(addressArgument(address).rect, (r, c) => this.calc.value(s, r, c));
  }

  getFormulas(sheet: string, address: string): Shown[][] {
    const s = this.sheetModel(sheet);
    return readGrid(addressArgument(address).rect, (r, c) => formulaOf({ wb: this._wb, calc: this.calc }, s, r, c));
  }

  getNumberFormat(sheet: string, address: string): string {
    const { rect: x } = addressArgument(address);
    return numberFormatOf(this.sheetModel(sheet), x.r0, x.c0);
  }

  /** The selection (set by Range.select()), e.g. `{ sheet: "Goals", address: "B3" }`. */
  get selection(): { sheet: string; address: string } | null {
    const sel = this._wb.selection;
    const s = sel ? this._wb.sheetById(sel.sheetId) : undefined;
    return sel && s ? { sheet: s.name, address: rangeText(sel.rect) } : null;
  }

  get activeSheet(): string | null {
    return this._wb.sheetById(this._wb.activeSheetId ?? "")?.name ?? null;
  }

  get workbookProtected(): boolean {
    return this._wb.protection.protected;
  }
}

/** Event types of the RichApi protocol (`eventType` of Worksheet.onChanged and Table.onChanged in the client). */
const SHEET_CHANGED = 10;
const TABLE_CHANGED = 101;

function errorBody(error: RichApiError, traceIds: number[] = []): string {
  return JSON.stringify({ Error: error, TraceIds: traceIds });
}

function intersectRect(a: Rect, b: Rect): Rect {
  return rect(Math.max(a.r0, b.r0), Math.max(a.c0, b.c0), Math.min(a.r1, b.r1), Math.min(a.c1, b.c1));
}
