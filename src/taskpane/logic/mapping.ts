/**
 * The Set up view's mapping table: one row per source column of the block being
 * converted, with the canonical column it feeds (or none), how sure the match is,
 * and the choices the user can make. Pure; the mapping comes from the adapter
 * (planConversion) with the user's overrides applied.
 */
import { COMPUTED_COLUMNS, INPUT_COLUMNS, headerOf } from "../../core/columns";
import { columnLetters } from "../../core/a1";
import { HeaderMapping, HeaderOverride } from "../../core/headers";

export type MatchKind = "strong" | "weak" | "yours" | "computed" | "none";

export interface MappingRow {
  source: number;
  /** The column's letter in the sheet ("B"). */
  letter: string;
  header: string;
  /** The label of its dropdown: the header, or "Column B (no header)". */
  label: string;
  /** The Select's value: a ColumnKey, COMPUTED for a computed column, KEEP for a user column. */
  value: string;
  kind: MatchKind;
  /** Why it is kept as the user's own column, when it is. */
  reason: string | null;
  /** The computed column it is, for a computed match. */
  computed: string | null;
}

export const KEEP = "";
export const COMPUTED = "computed";

export interface ChoiceOption {
  value: string;
  label: string;
}

/** The dropdown's options for a row. Computed rows also offer to stay computed. */
export function choiceOptions(row: Pick<MappingRow, "computed">): ChoiceOption[] {
  const out: ChoiceOption[] = [];
  if (row.computed) out.push({ value: COMPUTED, label: `${row.computed} (filled in by Goal Scorecards)` });
  out.push({ value: KEEP, label: "Keep as my own column" });
  for (const c of INPUT_COLUMNS) out.push({ value: c.key, label: c.header });
  return out;
}

/** Rows for the table, in sheet order. `firstColumn` is the 0-based sheet column of source 0. */
export function mappingRows(original: HeaderMapping, applied: HeaderMapping, overrides: readonly HeaderOverride[], firstColumn = 0): MappingRow[] {
  const chosen = new Set(overrides.map((o) => o.source));
  const computedOf = new Map<number, string>(original.computed.map((c) => [c.source, c.column]));
  const rows: MappingRow[] = [];
  const base = (source: number, header: string): Pick<MappingRow, "source" | "letter" | "header" | "label" | "computed"> => {
    const letter = columnLetters(firstColumn + source);
    return { source, letter, header, label: header === "" ? `Column ${letter} (no header)` : header, computed: computedOf.get(source) ?? null };
  };
  for (const m of applied.matches) rows.push({ ...base(m.source, m.header), value: m.key, kind: chosen.has(m.source) ? "yours" : m.confidence, reason: null });
  for (const c of applied.computed) rows.push({ ...base(c.source, c.header), value: COMPUTED, kind: "computed", reason: null });
  for (const u of applied.unmapped) rows.push({ ...base(u.source, u.header), value: KEEP, kind: chosen.has(u.source) ? "yours" : "none", reason: u.reason });
  return rows.sort((a, b) => a.source - b.source);
}

/**
 * The overrides after the user picks `value` for `source`: an earlier choice for that
 * column is replaced (and moved last, since overrides apply in order). Picking
 * COMPUTED for a computed column removes the override.
 */
export function choose(overrides: readonly HeaderOverride[], source: number, value: string): HeaderOverride[] {
  const rest = overrides.filter((o) => o.source !== source);
  if (value === COMPUTED) return rest;
  const key = value === KEEP ? null : (INPUT_COLUMNS.find((c) => c.key === value)?.key ?? null);
  return [...rest, { source, key }];
}

export function kindLabel(kind: MatchKind): string {
  switch (kind) {
    case "strong":
      return "Sure";
    case "weak":
      return "Please check";
    case "yours":
      return "Your choice";
    case "computed":
      return "Calculated";
    case "none":
      return "Not a goal column";
  }
}

/** Canonical input columns nothing maps to (they will be added, empty, at the right). */
export function missingText(mapping: HeaderMapping): string {
  return mapping.missing.map((k) => headerOf(k)).join(", ");
}

export { COMPUTED_COLUMNS };
