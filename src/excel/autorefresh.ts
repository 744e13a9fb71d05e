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
  private handlers: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs>[] = [];
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

  /** Listens to every goal table and CheckIns (call again after a conversion adds a table). */
  async start(): Promise<number> {
    await this.stop();
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      for (const t of tables.items) {
        if (!isGoalTableName(t.name) && !isCheckInTableName(t.name)) continue;
        this.handlers.push(t.onChanged.add(async () => this.schedule()));
      }
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

  /** Listens again from scratch (after a conversion adds a table): the old handlers go, new ones come. */
  async restart(): Promise<number> {
    return this.start();
  }

  /** How many handlers are registered now. */
  get listening(): number {
    return this.handlers.length;
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
