/**
 * The weight rule (scoring.md), the one implementation that the roll-up (sibling
 * weights), the scorecards (top goals of a group) and the owner rules (A4, W1, W2) use.
 *
 * A Weight is compared only with the weights it stands beside. When every one is blank
 * each counts 1; when some are set, a blank one counts as the mean of the set ones. A
 * negative or unreadable Weight is treated as blank. Weights are then divided by the
 * largest of them before they are summed, so that 1e308 and 5e-324 neither overflow nor
 * vanish; ratios are unchanged.
 */

/** A Weight the rule takes as written: a finite number, 0 or more (null and NaN are blank). */
export function isSetWeight(w: number | null): w is number {
  return w !== null && Number.isFinite(w) && w >= 0;
}

/**
 * The weight rule over `w[0]` … `w[count - 1]` (NaN for a blank one), in place: each
 * weight that is not set becomes the mean of the set ones (a running mean, so that 1e308
 * and 1e308 average to 1e308), or 1 when none is. Returns the largest weight.
 */
export function applyWeightRule(w: Float64Array, count: number): number {
  let mean = 0;
  let set = 0;
  for (let j = 0; j < count; j++) {
    const x = w[j];
    if (Number.isFinite(x) && x >= 0) {
      set++;
      mean += (x - mean) / set;
    }
  }
  const fill = set === 0 ? 1 : mean;
  let max = 0;
  for (let j = 0; j < count; j++) {
    const x = w[j];
    const e = Number.isFinite(x) && x >= 0 ? x : fill;
    w[j] = e;
    if (e > max) max = e;
  }
  return max;
}

/** The divisor that makes weights relative: their largest, or 1 when that is 0 or not finite. */
export function weightScale(max: number): number {
  return max > 0 && Number.isFinite(max) ? max : 1;
}

/**
 * Room for the weights of one set at a time (a parent's children, a group's or an
 * owner's top goals), owned by whoever walks the sets; it grows as needed.
 */
export class WeightBuffer {
  private buf = new Float64Array(16);
  /** The buffer, at least `count` long; what it held is kept when it grows. */
  room(count: number): Float64Array {
    if (this.buf.length < count) {
      const grown = new Float64Array(Math.max(count, this.buf.length * 2));
      grown.set(this.buf);
      this.buf = grown;
    }
    return this.buf;
  }
}

/** The weight rule over a list of weights (null for blank). */
export function effectiveWeights(weights: readonly (number | null)[]): number[] {
  const w = Float64Array.from(weights, (x) => (x === null ? NaN : x));
  applyWeightRule(w, w.length);
  return Array.from(w);
}

/** Weights divided by their largest (see the top of this file). */
export function relativeWeights(weights: readonly number[]): { scaled: number[]; scale: number } {
  let max = 0;
  for (const w of weights) if (w > max) max = w;
  const scale = weightScale(max);
  return { scaled: weights.map((w) => w / scale), scale };
}

/** True when a total of weights is 1 or 100 within ±0.5 % (W1, scorecards' "weights off"). */
export function isFullTotal(total: number): boolean {
  return Math.abs(total - 1) <= 0.005 || Math.abs(total - 100) <= 0.5;
}
