/**
 * One queue for everything the add-in asks of Excel: a batch starts only when the one before
 * it has ended, so a refresh triggered by an edit never runs beside a review operation (their
 * reads and writes would interleave, e.g. a refresh reading the workbook half way through a
 * change request). The task pane's services and AutoRefresh share one queue (createServices).
 */
import type { Runner } from "./autorefresh";

export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Runs `task` after every task queued before it has settled (fulfilled or rejected). */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => void this.waiting--,
      () => void this.waiting--,
    );
    return result;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.waiting;
  }
}

/** A runner whose batches run one at a time, in the order they were asked for. */
export function queuedRunner(run: Runner, queue: SerialQueue = new SerialQueue()): Runner {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) => queue.run(() => run(batch));
}
