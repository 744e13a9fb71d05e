/**
 * Keeps one object of a class alive for the life of the page.
 *
 * V8 describes the objects of a class by a layout (a "map") that it drops when a garbage
 * collection finds no object using it, and with it the compiled code that relied on it.
 * Between two refreshes every table row, goal and findings list of the last run is
 * garbage, so after a full collection each refresh would start again with slow code
 * (measured: about a third slower at 10,000 goals). One object of each kind kept here
 * keeps its layout, and the compiled code, from one refresh to the next.
 */
const kept: object[] = [];

export function keepLayout<T extends object>(sample: T): T {
  kept.push(sample);
  return sample;
}
