/**
 * Timing and heap measurement for the benchmark: medians of several runs after a
 * warm-up, and peak heap from V8's GC profiler (the heap in use just before each
 * garbage collection during the run, and at its end), after a full collection when
 * Node runs with --expose-gc.
 */
import { GCProfiler } from "node:v8";

export function now(): number {
  return performance.now();
}

/** A full garbage collection when Node runs with --expose-gc (else nothing). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export function gcAvailable(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === "function";
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Timing {
  /** Median milliseconds over the timed runs. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

/**
 * Times `run` `runs` times after `warmup` untimed runs; each run starts after a full
 * collection so that one run's garbage is not collected on the next one's clock.
 */
export function time<T>(run: () => T, runs: number, warmup = 1): Timing & { last: T } {
  const t = timer(run);
  for (let i = 0; i < warmup; i++) t.last = run();
  for (let i = 0; i < runs; i++) t.step();
  return { ...timingOf(t.ms, runs), last: t.last as T };
}

/** One thing timed run by run: each run after a full collection, its previous result dropped first, so that it can be collected. */
function timer<T>(run: () => T): { ms: number[]; last: T | undefined; step(): void } {
  const t = {
    ms: [] as number[],
    last: undefined as T | undefined,
    step(): void {
      t.last = undefined;
      collect();
      const start = now();
      t.last = run();
      t.ms.push(now() - start);
    },
  };
  return t;
}

function timingOf(ms: number[], runs: number): Timing {
  return { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), runs };
}

/**
 * Times two things run by run in turn (a, b, then b, a …), each after a full collection,
 * so that both see the same machine: on a shared machine the load changes from second to
 * second, and timing one after the other would put that change into their ratio.
 */
export function timeSideBySide<A, B>(a: () => A, b: () => B, runs: number, warmup = 1): { a: Timing & { last: A }; b: Timing & { last: B } } {
  const ta = timer(a);
  const tb = timer(b);
  for (let i = 0; i < warmup; i++) {
    ta.last = a();
    tb.last = b();
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ta.step();
      tb.step();
    } else {
      tb.step();
      ta.step();
    }
  }
  return { a: { ...timingOf(ta.ms, runs), last: ta.last as A }, b: { ...timingOf(tb.ms, runs), last: tb.last as B } };
}

export interface HeapPeak {
  /** Peak heap in use during the run (MB), everything in the process. */
  peakMB: number;
  /** Heap in use before the run (MB), after a full collection: the input and the runtime. */
  beforeMB: number;
  /** Peak minus before: what the run itself held at its peak, live or not yet collected. */
  runPeakMB: number;
  /** Heap still held after the run and a full collection, minus before: the result. */
  retainedMB: number;
}

const MB = 1024 * 1024;

/** Peak heap of one run, from the heap in use before each GC during it and at its end. */
export function heapPeak<T>(run: () => T): HeapPeak & { result: T } {
  collect();
  const before = process.memoryUsage().heapUsed;
  const profiler = new GCProfiler();
  profiler.start();
  const result = run();
  const end = process.memoryUsage().heapUsed;
  const stats = profiler.stop();
  let peak = Math.max(before, end);
  for (const s of stats?.statistics ?? []) peak = Math.max(peak, s.beforeGC.heapStatistics.usedHeapSize);
  collect();
  const after = process.memoryUsage().heapUsed;
  return { peakMB: peak / MB, beforeMB: before / MB, runPeakMB: (peak - before) / MB, retainedMB: (after - before) / MB, result };
}

/** Per-call time in microseconds: batches of `batch` calls, median over `batches` batches. */
export function perCall(call: (i: number) => unknown, batch: number, batches: number): { medianUs: number; minUs: number; calls: number } {
  let sink = 0;
  for (let i = 0; i < batch; i++) if (call(i) === undefined) sink++;
  const us: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t = now();
    for (let i = 0; i < batch; i++) if (call(i) === undefined) sink++;
    us.push(((now() - t) * 1000) / batch);
  }
  if (sink < 0) console.log(sink);
  return { medianUs: median(us), minUs: Math.min(...us), calls: batch * batches };
}
