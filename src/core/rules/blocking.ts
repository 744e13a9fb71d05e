/** What blocks scoring of a goal (smart.md "Blocking"). */
import { ColumnKey, headerOf } from "../columns";
import { Finding, RuleCode } from "../findings";

/** Fields that scoring uses: an E1–E4 finding in one of them blocks the goal. */
export const SCORING_FIELDS: ReadonlySet<string> = new Set(
  (["weight", "direction", "baseline", "threshold", "target", "stretch", "actual", "start", "due", "rollup"] as ColumnKey[]).map(headerOf),
);

/** Failures that always block: a repeated ID, a negative Weight, an impossible target, a cycle, no Target, no Baseline for Decrease. */
const ALWAYS_BLOCKING: ReadonlySet<RuleCode> = new Set<RuleCode>(["D1", "W3", "A1", "R4", "M1", "M3"]);

/** Whether a finding blocks scoring of its goal. */
export function isBlocking(f: Finding): boolean {
  if (f.severity !== "fail") return false;
  if (ALWAYS_BLOCKING.has(f.code)) return true;
  if (f.code === "E1" || f.code === "E2" || f.code === "E3" || f.code === "E4") return SCORING_FIELDS.has(f.field);
  return false;
}

/** The first blocking finding of a goal's findings, undefined when none blocks. */
export function firstBlocking(fs: readonly Finding[]): Finding | undefined {
  for (let k = 0; k < fs.length; k++) if (isBlocking(fs[k])) return fs[k];
  return undefined;
}
