/**
 * Keeps one object of each per-evaluation class alive for the life of the page.
 *
 * V8 describes the objects of a class by a layout (a "map") that it drops when a garbage
 * collection finds no object using it, and with it the compiled code that relied on it.
 * Between two refreshes every table row, goal and findings list of the last run is
 * garbage, so after a full collection each refresh would start again with slow code
 * (measured: about a third slower at 10,000 goals). One object of each kind kept here
 * keeps its layout, and the compiled code, from one refresh to the next.
 *
 * This is the core's one piece of module state, and it changes no result.
 */
let kept: readonly object[] | null = null;

/** Keeps the samples `make` gives, the first time it is called. */
export function keepLayoutsOnce(make: () => readonly object[]): void {
  if (kept === null) kept = make();
}
