/**
 * The weight rule (scoring.md): a Weight is compared only with the weights it stands
 * beside. When every one is blank each counts 1; when some are set, a blank one counts
 * as the mean of the set ones. A negative Weight is treated as blank.
 */
export function effectiveWeights(weights: readonly (number | null)[]): number[] {
  // A running mean, so that 1e308 and 1e308 average to 1e308 rather than overflow.
  let mean = 0;
  let n = 0;
  for (const w of weights) {
    if (w !== null && Number.isFinite(w) && w >= 0) {
      n++;
      mean += (w - mean) / n;
    }
  }
  const fill = n === 0 ? 1 : mean;
  return weights.map((w) => (w !== null && Number.isFinite(w) && w >= 0 ? w : fill));
}

/** True when a total is 1 or 100 within ±0.5 %. */
export function isFullTotal(total: number): boolean {
  return Math.abs(total - 1) <= 0.005 || Math.abs(total - 100) <= 0.5;
}

/**
 * Weights divided by their largest, so that sums neither overflow (1e308 + 1e308)
 * nor lose the smallest weights to rounding (5e-324 × 1.5). Ratios are unchanged.
 */
export function relativeWeights(weights: readonly number[]): { scaled: number[]; scale: number } {
  let max = 0;
  for (const w of weights) if (w > max) max = w;
  if (!(max > 0) || !Number.isFinite(max)) return { scaled: weights.slice(), scale: 1 };
  return { scaled: weights.map((w) => w / max), scale: max };
}
