/**
 * Tells the preview's grid when the in-memory workbook changed: after every batch
 * the task pane runs (the runner is wrapped), after every edit made in the grid,
 * and — for anything else, such as event handlers that write through their own
 * runner — by polling the host's counters a few times a second.
 */
import type { ExcelHost } from "../excel-host";
import type { Runner } from "../excel/autorefresh";

export class HostWatch {
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private seen = "";
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly host: ExcelHost) {}

  /** The task pane's runner: batches wait while a cell is being edited, as in Office. */
  readonly runner: Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    this.host.run({ delayForCellEdit: true }, batch).finally(() => this.changed());

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === null) this.timer = setInterval(() => this.poll(), 250);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== null) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  };

  readonly getVersion = (): number => this.version;

  /** Something changed (or may have): re-render. */
  changed(): void {
    this.seen = this.fingerprint();
    this.version++;
    for (const l of this.listeners) l();
  }

  private fingerprint(): string {
    // `_wb.version` is bumped by every change to the workbook model (cells, formats,
    // tables, sheets, selection); syncs catch anything else the add-in did.
    return `${this.host._wb.version}:${this.host.stats.syncs}`;
  }

  private poll(): void {
    if (this.fingerprint() !== this.seen) this.changed();
  }
}
