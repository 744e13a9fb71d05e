/**
 * The weight rule (scoring.md): a Weight is compared only with the weights it stands
 * beside. When every one is blank each counts 1; when some are set, a blank one counts
 * as the mean of the set ones. A negative Weight is treated as blank.
 */
export function effectiveWeights(weights: readonly (number | null)[]): number[] {
  let sum = 0;
  let n = 0;
  for (const w of weights) {
    if (w !== null && Number.isFinite(w) && w >= 0) {
      sum += w;
      n++;
    }
  }
  const fill = n === 0 ? 1 : sum / n;
  return weights.map((w) => (w !== null && Number.isFinite(w) && w >= 0 ? w : fill));
}

/** True when a total is 1 or 100 within ±0.5 %. */
export function isFullTotal(total: number): boolean {
  return Math.abs(total - 1) <= 0.005 || Math.abs(total - 100) <= 0.5;
}
