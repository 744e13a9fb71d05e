/**
 * Header synonyms (model.md "Header synonyms"): proposes which source column of an
 * existing sheet feeds which canonical goal-table column, for the user to confirm.
 *
 * Matching, in this order (the first stage that finds something decides):
 *  1. the normalized header as is (so "Goal #" matches ID's synonym "goal #");
 *  2. the normalized header with a trailing `#` / `#<digits>` removed ("Target #2");
 *  3. the normalized header with *decorations* removed, then again with a trailing
 *     `#` suffix removed. A decoration is a trailing `%`, `:` or `*`, a leading `*`,
 *     or a trailing group in round or square brackets, e.g. "Target (USD)",
 *     "Weighting %", "Due date:", "* Title", "Baseline (%) #2".
 *     When every decoration removed is a *unit or sign* — `%`, `:`, `*`, or brackets
 *     holding a currency sign or code, `%`, `#`, a unit word (`days`, `count`, `pts`
 *     …) or a date format (`date`, `dd/mm/yyyy` …) — the match keeps the name's own
 *     confidence: "Target (USD)" is Target, as sure as "Target". Other bracketed
 *     text ("Target (see note)", "Actual (YTD) %") still finds the column, but only
 *     *weakly*, and every weak match is shown to the user for confirmation before
 *     anything is written (the command line does not read weak matches).
 * Stages 1 and 2 give the synonym's own confidence: weak for the short words of
 * model.md (`from`, `to`, `by`, `base`, `minimum`, `maximum`), strong otherwise.
 *
 * Normalization: Unicode NFD with combining marks stripped (accents ignored),
 * lower case, and every white space character, `_`, `-` (and the Unicode hyphens and
 * dashes U+2010–U+2015, U+2212) and `.` removed. `#`, `%` and brackets are kept so the
 * stages above can see them.
 *
 * Computed columns (Progress, Score, Status, Rolled Up, SMART) are recognised by the
 * same stages and go to `computed`, never to `matches`.
 *
 * Two source columns never map to one canonical column. When several match the same
 * column: strong beats weak, then the exact canonical name (possibly with a `#` suffix
 * or decoration) beats a synonym, then the leftmost wins; the others are kept as user
 * columns (`unmapped`) with a reason naming the winner. The same holds for computed
 * columns: a second "Score" is kept as a user column.
 */
import { columnLetters } from "./a1";
import { ColumnKey, ComputedHeader, COMPUTED_COLUMNS, INPUT_COLUMNS, headerOf } from "./columns";
import { displayText, unwrap } from "./cells";

export type Confidence = "strong" | "weak";

export interface ColumnMatch {
  /** Index of the source column (0 = first column of the header row). */
  source: number;
  /** The header text as read (trimmed). */
  header: string;
  key: ColumnKey;
  confidence: Confidence;
}

export interface ComputedMatch {
  source: number;
  header: string;
  column: ComputedHeader;
}

export interface UnmappedColumn {
  source: number;
  header: string;
  /** Why it is kept as a user column, e.g. "no known column". */
  reason: string;
}

export interface HeaderMapping {
  /** At most one per canonical key, in source order. */
  matches: ColumnMatch[];
  /** Headers that are our computed columns, in source order. */
  computed: ComputedMatch[];
  /** Kept as user columns, in source order. */
  unmapped: UnmappedColumn[];
  /** Canonical keys with no source column, in canonical order. */
  missing: ColumnKey[];
}

/** A user's change to a proposal: map `source` to `key`, or (`key: null`) keep it as a user column. */
export interface HeaderOverride {
  source: number;
  key: ColumnKey | null;
}

export interface MappingOptions {
  /**
   * How a source column is named in reasons. Default: spreadsheet letters counted
   * from the first source column (0 → "A", 1 → "B", 26 → "AA").
   */
  columnName?: (source: number) => string;
}

/** The synonyms of model.md, besides the canonical header itself. */
export const HEADER_SYNONYMS: Readonly<Record<ColumnKey, readonly string[]>> = {
  id: ["goal id", "key", "ref", "kr id", "goal #"],
  title: ["goal", "objective", "key result", "kr", "goal title", "description", "kpi"],
  type: ["goal type", "kind"],
  level: ["scope", "org level"],
  parent: ["parent", "parent goal", "aligned to", "aligns to", "supports", "contributes to"],
  owner: ["assignee", "responsible", "accountable", "employee", "champion"],
  weight: ["weighting", "weight %", "importance"],
  unit: ["uom", "unit of measure"],
  direction: ["polarity", "better when"],
  baseline: ["start value", "starting value", "base", "from"],
  threshold: ["floor", "minimum"],
  target: ["target value", "goal value", "commit", "to"],
  stretch: ["stretch target", "maximum"],
  actual: ["current", "current value", "result", "achieved", "ytd"],
  start: ["start date", "begin"],
  due: ["due date", "deadline", "end date", "target date", "by"],
  cycle: ["period", "quarter", "review period"],
  source: ["source", "calculation"],
  rollup: ["roll-up", "aggregation"],
  comment: ["comments", "notes"],
};

/** Short synonyms that match only weakly (model.md). */
export const WEAK_SYNONYMS: readonly string[] = ["from", "to", "by", "base", "minimum", "maximum"];

const COMBINING_MARKS = /\p{M}+/gu;
const IGNORED = /[\s_.\-\u2010-\u2015\u2212]+/gu;

/** Case-, accent-, space-, `_`-, `-`- and `.`-insensitive form of a header. */
export function normalizeHeader(h: string): string {
  return h.normalize("NFD").toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "").replace(IGNORED, "");
}

interface Entry {
  key: ColumnKey;
  confidence: Confidence;
  canonical: boolean;
}

const WEAK_SET = new Set(WEAK_SYNONYMS.map(normalizeHeader));

const INPUT_LOOKUP: ReadonlyMap<string, Entry> = (() => {
  const m = new Map<string, Entry>();
  for (const c of INPUT_COLUMNS) m.set(normalizeHeader(c.header), { key: c.key, confidence: "strong", canonical: true });
  for (const c of INPUT_COLUMNS) {
    for (const s of HEADER_SYNONYMS[c.key]) {
      const n = normalizeHeader(s);
      if (!m.has(n)) m.set(n, { key: c.key, confidence: WEAK_SET.has(n) ? "weak" : "strong", canonical: false });
    }
  }
  return m;
})();

const COMPUTED_LOOKUP: ReadonlyMap<string, ComputedHeader> = new Map(COMPUTED_COLUMNS.map((c) => [normalizeHeader(c), c]));

const HASH_SUFFIX = /#\d*$/;
const DECORATION = /(?:[%:*]|\(([^()]*)\)|\[([^[\]]*)\])$/;
const LEADING_SIGN = /^\*+/;

/** What a bracket may hold and still be only a unit or sign (normalized: lower case, no spaces, `-`, `_`, `.`). */
const UNIT_WORDS = new Set([
  "%",
  "#",
  "$",
  "€",
  "£",
  "¥",
  "₹",
  "₩",
  "chf",
  "fr",
  "usd",
  "eur",
  "gbp",
  "jpy",
  "cny",
  "rmb",
  "inr",
  "cad",
  "aud",
  "nzd",
  "sek",
  "nok",
  "dkk",
  "pln",
  "czk",
  "huf",
  "brl",
  "mxn",
  "zar",
  "sgd",
  "hkd",
  "krw",
  "try",
  "ils",
  "aed",
  "sar",
  "pct",
  "percent",
  "percentage",
  "count",
  "number",
  "no",
  "num",
  "units",
  "unit",
  "pts",
  "points",
  "score",
  "days",
  "day",
  "weeks",
  "months",
  "hours",
  "hrs",
  "k",
  "m",
  "mn",
  "bn",
  "000",
  "000s",
  "kusd",
  "keur",
  "musd",
  "meur",
  "01",
  "date",
  "yyyymmdd",
  "ddmmyyyy",
  "mmddyyyy",
  "dd/mm/yyyy",
  "mm/dd/yyyy",
  "yyyy/mm/dd",
  "ddmmyy",
  "mmddyy",
  "iso",
]);

function withoutHash(n: string): string {
  return n.replace(HASH_SUFFIX, "");
}

/** The header without its decorations, and whether every decoration was a unit or sign. */
function withoutDecorations(n: string): { bare: string; unitsOnly: boolean } {
  let t = n.replace(LEADING_SIGN, "");
  let unitsOnly = true;
  if (t === "") return { bare: n, unitsOnly };
  for (;;) {
    // A `#` suffix may sit before or after a decoration: "Target #2 (USD)", "Target (USD) #2".
    const h = withoutHash(t);
    const m = DECORATION.exec(h);
    const u = m ? h.slice(0, m.index) : h;
    if (u === t || u === "") return { bare: u === "" ? t : u, unitsOnly };
    const inside = m ? (m[1] ?? m[2]) : undefined;
    if (inside !== undefined && !UNIT_WORDS.has(inside)) unitsOnly = false;
    t = u;
  }
}

type Found = { kind: "input"; entry: Entry } | { kind: "computed"; column: ComputedHeader };

function lookup(n: string): Found | null {
  if (n === "") return null;
  const entry = INPUT_LOOKUP.get(n);
  if (entry) return { kind: "input", entry };
  const column = COMPUTED_LOOKUP.get(n);
  return column ? { kind: "computed", column } : null;
}

function find(header: string): Found | null {
  const n = normalizeHeader(header);
  if (n === "") return null;
  const direct = lookup(n) ?? lookup(withoutHash(n));
  if (direct) return direct;
  const { bare, unitsOnly } = withoutDecorations(n);
  if (bare === n) return null;
  const decorated = lookup(bare) ?? lookup(withoutHash(bare));
  if (decorated && decorated.kind === "input" && !unitsOnly) {
    return { kind: "input", entry: { ...decorated.entry, confidence: "weak" } };
  }
  return decorated;
}

/** The canonical column a header stands for, with the confidence of the match; null if none. */
export function matchHeader(h: string): { key: ColumnKey; confidence: Confidence } | null {
  const f = find(h);
  return f && f.kind === "input" ? { key: f.entry.key, confidence: f.entry.confidence } : null;
}

/** The computed column a header stands for (Progress, Score, Status, Rolled Up, SMART); null if none. */
export function matchComputed(h: string): ComputedHeader | null {
  const f = find(h);
  return f && f.kind === "computed" ? f.column : null;
}

/** The header text of a cell as handed over (string, number, boolean, null, exceljs object). */
export function headerText(raw: unknown): string {
  return displayText(unwrap(raw)).trim();
}

interface Candidate {
  source: number;
  header: string;
  entry: Entry;
}

function beats(a: Candidate, b: Candidate): boolean {
  if (a.entry.confidence !== b.entry.confidence) return a.entry.confidence === "strong";
  if (a.entry.canonical !== b.entry.canonical) return a.entry.canonical;
  return a.source < b.source;
}

function takenReason(column: string, winnerName: string, winnerHeader: string): string {
  return `${column} is already taken by column ${winnerName} '${winnerHeader}'`;
}

function bySource<T extends { source: number }>(a: T, b: T): number {
  return a.source - b.source;
}

function missingKeys(matches: readonly ColumnMatch[]): ColumnKey[] {
  const have = new Set(matches.map((m) => m.key));
  return INPUT_COLUMNS.map((c) => c.key).filter((k) => !have.has(k));
}

/**
 * Proposes a mapping of the given header row. Every source index appears exactly
 * once across `matches`, `computed` and `unmapped`. Never throws.
 */
export function proposeMapping(headers: readonly unknown[], options: MappingOptions = {}): HeaderMapping {
  const name = options.columnName ?? columnLetters;
  const unmapped: UnmappedColumn[] = [];
  const computedCandidates: ComputedMatch[] = [];
  const best = new Map<ColumnKey, Candidate>();
  const inputCandidates: Candidate[] = [];

  for (let source = 0; source < headers.length; source++) {
    const header = headerText(headers[source]);
    if (header === "") {
      unmapped.push({ source, header, reason: "blank header" });
      continue;
    }
    const f = find(header);
    if (f === null) {
      unmapped.push({ source, header, reason: "no known column" });
    } else if (f.kind === "computed") {
      computedCandidates.push({ source, header, column: f.column });
    } else {
      const c: Candidate = { source, header, entry: f.entry };
      inputCandidates.push(c);
      const cur = best.get(c.entry.key);
      if (!cur || beats(c, cur)) best.set(c.entry.key, c);
    }
  }

  const matches: ColumnMatch[] = [];
  for (const c of inputCandidates) {
    const w = best.get(c.entry.key);
    if (w === c) {
      matches.push({ source: c.source, header: c.header, key: c.entry.key, confidence: c.entry.confidence });
    } else if (w) {
      unmapped.push({ source: c.source, header: c.header, reason: takenReason(headerOf(c.entry.key), name(w.source), w.header) });
    }
  }

  const computed: ComputedMatch[] = [];
  const firstComputed = new Map<ComputedHeader, ComputedMatch>();
  for (const c of computedCandidates) {
    const w = firstComputed.get(c.column);
    if (w) {
      unmapped.push({ source: c.source, header: c.header, reason: takenReason(c.column, name(w.source), w.header) });
    } else {
      firstComputed.set(c.column, c);
      computed.push(c);
    }
  }

  unmapped.sort(bySource);
  return { matches, computed, unmapped, missing: missingKeys(matches) };
}

/**
 * Applies the user's changes, in order. `{source, key}` maps that source column to
 * `key` (a user's choice is certain: confidence "strong"); the column that held `key`
 * before, if any, becomes unmapped with a reason naming the new one. `{source, key:
 * null}` keeps that source as a user column. A source column that is not in the
 * mapping is ignored. Still never two sources to one key. Returns a new mapping; the
 * input is not changed.
 */
export function applyOverrides(mapping: HeaderMapping, overrides: readonly HeaderOverride[], options: MappingOptions = {}): HeaderMapping {
  const name = options.columnName ?? columnLetters;
  let matches: ColumnMatch[] = mapping.matches.map((m) => ({ ...m }));
  let computed: ComputedMatch[] = mapping.computed.map((c) => ({ ...c }));
  let unmapped: UnmappedColumn[] = mapping.unmapped.map((u) => ({ ...u }));

  for (const o of overrides) {
    const header =
      matches.find((m) => m.source === o.source)?.header ??
      computed.find((c) => c.source === o.source)?.header ??
      unmapped.find((u) => u.source === o.source)?.header;
    if (header === undefined) continue;
    if (o.key !== null && matches.some((m) => m.source === o.source && m.key === o.key)) {
      matches = matches.map((m): ColumnMatch => (m.source === o.source ? { ...m, confidence: "strong" } : m));
      continue;
    }
    matches = matches.filter((m) => m.source !== o.source);
    computed = computed.filter((c) => c.source !== o.source);
    unmapped = unmapped.filter((u) => u.source !== o.source);
    if (o.key === null) {
      unmapped.push({ source: o.source, header, reason: "kept as a user column by your choice" });
      continue;
    }
    const key = o.key;
    const displaced = matches.find((m) => m.key === key);
    if (displaced) {
      matches = matches.filter((m) => m !== displaced);
      unmapped.push({
        source: displaced.source,
        header: displaced.header,
        reason: `${headerOf(key)} was given to column ${name(o.source)} '${header}' by your choice`,
      });
    }
    matches.push({ source: o.source, header, key, confidence: "strong" });
  }

  matches.sort(bySource);
  computed.sort(bySource);
  unmapped.sort(bySource);
  return { matches, computed, unmapped, missing: missingKeys(matches) };
}
