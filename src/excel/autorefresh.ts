/**
 * Refresh after edits: goal tables and CheckIns fire `onChanged`; a debounce
 * gathers a burst of edits into one refresh. The batch waits while the user is
 * editing a cell (`delayForCellEdit`), so typing is never blocked.
 */
import { Day } from "../core/dates";
import { isCheckInTableName, isGoalTableName } from "../core/tables";
import { RefreshReport, refresh } from "./refresh";

/** Runs a batch against Excel: `Excel.run` in Office, the in-memory host in tests and the preview. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office's runner: batches wait for the user to leave cell edit mode. */
export function officeRunner(): Runner {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run({ delayForCellEdit: true }, batch);
}

/**
 * Runs a batch in an existing request context: `Excel.run(context, batch)`. Event handlers
 * are removed only through the context they were added with ("The same RequestContext object
 * that the handler was added in must be used when removing the handler",
 * OfficeExtension.EventHandlerResult).
 */
export type ContextRunner = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office's: Excel.run with the handler's context. */
export function officeContextRunner(): ContextRunner {
  return <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(context, batch);
}

export interface AutoRefreshOptions {
  delayMs?: number;
  /** How to run a batch in the context a handler was added with (default `Excel.run(context, …)`). */
  runIn?: ContextRunner;
  /** The as-of date each refresh uses (asked at each refresh, so a changed date applies); default today. */
  asOf?: () => Day | null | undefined;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onRefreshed?: (report: RefreshReport) => void;
  onError?: (error: unknown) => void;
}

export class AutoRefresh {
  private timer: unknown = null;
  private running = false;
  private again = false;
  private handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  private readonly delay: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly run: Runner,
    private readonly options: AutoRefreshOptions = {},
  ) {
    this.delay = options.delayMs ?? 800;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /**
   * Listens to every sheet that holds a goal table or CheckIns, one handler per sheet (call
   * again after a conversion adds a table). Sheets, not tables: only WorksheetChangedEventArgs
   * has `triggerSource` (to tell the add-in's own writes from edits), and a check-in typed
   * below the CheckIns table is outside the table but on its sheet.
   */
  async start(): Promise<number> {
    await this.stop();
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const followed = tables.items.filter((t) => isGoalTableName(t.name) || isCheckInTableName(t.name)).map((t) => t.worksheet.load("name"));
      if (followed.length > 0) await context.sync();
      const sheets = new Set(followed.map((w) => w.name));
      for (const name of sheets) this.handlers.push(context.workbook.worksheets.getItem(name).onChanged.add(async (e) => this.changed(e)));
      await context.sync();
      return this.handlers.length;
    });
  }

  /** Stops listening: every handler removed through the context it was added with. */
  async stop(): Promise<void> {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (this.handlers.length === 0) return;
    const handlers = this.handlers;
    this.handlers = [];
    const runIn = this.options.runIn ?? officeContextRunner();
    for (const context of new Set(handlers.map((h) => h.context))) {
      await runIn(context as Excel.RequestContext, async (ctx) => {
        for (const h of handlers) if (h.context === context) h.remove();
        await ctx.sync();
      });
    }
  }

  /** Listens again from scratch (after a conversion adds a table): the old handlers go, new ones come (one per sheet). */
  async restart(): Promise<number> {
    return this.start();
  }

  /** How many handlers are registered now. */
  get listening(): number {
    return this.handlers.length;
  }

  /**
   * A change event. The add-in's own writes (a refresh's computed cells, a review operation)
   * fire too, with `triggerSource: "ThisLocalAddin"` (Excel.EventTriggerSource, ExcelApi 1.14):
   * those are not edits and schedule nothing, or every refresh would trigger the next one.
   * Where Excel does not say (before ExcelApi 1.14), the change counts as an edit.
   */
  changed(event: { triggerSource?: string }): void {
    if (event.triggerSource === "ThisLocalAddin") return;
    this.schedule();
  }

  /** An edit happened: refresh once things are quiet for `delayMs`. */
  schedule(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.fire();
    }, this.delay);
  }

  private async fire(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      const asOf = this.options.asOf?.() ?? undefined;
      const report = await this.run((context) => refresh(context, { asOf }));
      this.options.onRefreshed?.(report);
    } catch (e) {
      this.options.onError?.(e);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }
}
