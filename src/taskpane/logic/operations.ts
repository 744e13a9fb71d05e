/**
 * One operation at a time, with a progress indicator for those that take longer
 * than a moment and a cancel for those where stopping is safe (reads). Cancelling
 * stops waiting: the result is dropped (Excel's batch itself cannot be aborted,
 * which is why only operations that write nothing, or only recomputable values,
 * offer it). Pure TypeScript, no React.
 */

export interface OperationState {
  id: number;
  label: string;
  cancellable: boolean;
  /** True once it has run longer than `slowMs`: show the progress bar. */
  slow: boolean;
}

export type Outcome<T> = { status: "done"; value: T } | { status: "cancelled" } | { status: "failed"; error: unknown } | { status: "busy" };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const DEFAULT_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Operations {
  private current: (OperationState & { cancel: () => void }) | null = null;
  private nextId = 1;

  constructor(
    private readonly onChange: (state: OperationState | null) => void,
    private readonly slowMs = 300,
    private readonly timers: Timers = DEFAULT_TIMERS,
  ) {}

  get state(): OperationState | null {
    if (!this.current) return null;
    const { cancel: _c, ...s } = this.current;
    return s;
  }

  get busy(): boolean {
    return this.current !== null;
  }

  /** Runs `fn` unless another operation is running (then "busy"). Never throws. */
  async run<T>(label: string, fn: () => Promise<T>, options: { cancellable?: boolean } = {}): Promise<Outcome<T>> {
    if (this.current) return { status: "busy" };
    const id = this.nextId++;
    let cancel: () => void = () => undefined;
    const cancelled = new Promise<{ status: "cancelled" }>((resolve) => {
      cancel = () => resolve({ status: "cancelled" });
    });
    this.current = { id, label, cancellable: options.cancellable === true, slow: false, cancel };
    this.emit();
    const timer = this.timers.set(() => {
      if (this.current?.id === id) {
        this.current = { ...this.current, slow: true };
        this.emit();
      }
    }, this.slowMs);
    const work: Promise<Outcome<T>> = (async () => {
      try {
        return { status: "done", value: await fn() };
      } catch (error) {
        return { status: "failed", error };
      }
    })();
    try {
      return await Promise.race([work, cancelled]);
    } finally {
      this.timers.clear(timer);
      if (this.current?.id === id) {
        this.current = null;
        this.emit();
      }
    }
  }

  /** Cancels the running operation when it allows it; returns whether it did. */
  cancel(): boolean {
    if (!this.current?.cancellable) return false;
    this.current.cancel();
    return true;
  }

  private emit(): void {
    this.onChange(this.state);
  }
}
