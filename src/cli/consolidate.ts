/**
 * `consolidate FILE... --out FILE [--prefer newest]`: the goal tables and check-ins
 * of several workbooks in one new workbook, with a `Source` column. The same ID with
 * the same content is kept once; the same ID with different content is a conflict,
 * reported with the files and the differing columns, and nothing is written unless
 * `--prefer newest` picks the row of the most recently sealed or modified file.
 * Input files are only ever read.
 */
import * as path from "path";
import { promises as fs } from "fs";
import { CanonicalValue, displayText, readDate, unwrap } from "../core/cells";
import { COLUMN_KEYS, ColumnKey, INPUT_COLUMNS } from "../core/columns";
import { DateSystem } from "../core/dates";
import { normalizeHeader } from "../core/headers";
import { emptyMeta, metaRows } from "../core/meta";
import { canonicalValue, sealDocument } from "../core/seal";
import { DEFAULT_SETTINGS, Settings } from "../core/settings";
import { FileError } from "./errors";
import { SourceWorkbook } from "./read";
import { Style, table, truncate } from "./render";
import { OutValue, SOURCE_COLUMN, buildWorkbook, plainValue, writeWorkbook } from "./write";

const SOURCE_KEY = normalizeHeader(SOURCE_COLUMN);

interface GoalRecord {
  file: number;
  cell: string | null;
  /** Raw cells of the twenty input columns. */
  raw: Partial<Record<ColumnKey, unknown>>;
  canonical: Record<ColumnKey, CanonicalValue>;
  /** User columns by normalized header: header as written, raw cell, text for comparing. */
  user: Map<string, { header: string; raw: unknown; text: string }>;
  /** The Source column's value when the input already has one (a consolidation of consolidations). */
  source: string | null;
  system: DateSystem;
}

export interface ConflictRow {
  file: string;
  cell: string | null;
  values: Record<string, CanonicalValue>;
}

export interface Conflict {
  id: string;
  columns: string[];
  rows: ConflictRow[];
  /** The file whose row was kept (with --prefer newest); null when nothing was written. */
  chosen: string | null;
}

export interface FileSummary {
  file: string;
  goals: number;
  checkIns: number;
  sealedAt: string | null;
  /** The workbook's modified property, else the file's modification time (ISO 8601). */
  modified: string;
}

export interface ConsolidateResult {
  out: string;
  written: boolean;
  files: FileSummary[];
  goals: number;
  checkIns: number;
  duplicates: number;
  conflicts: Conflict[];
  /** Settings the inputs disagree on (left at their defaults); not part of the JSON. */
  settingsDropped: string[];
}

function textOf(raw: unknown): string {
  return displayText(unwrap(raw)).trim().normalize("NFC");
}

function same(a: CanonicalValue, b: CanonicalValue): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

function records(wb: SourceWorkbook, fileIndex: number): GoalRecord[] {
  return wb.input.goals.map((g, i) => {
    const { source, row } = wb.origin[i];
    const s = wb.sources[source];
    const cells = s.table.rows[row] ?? [];
    const user = new Map<string, { header: string; raw: unknown; text: string }>();
    let src: string | null = null;
    for (const u of s.mapping.unmapped) {
      const header = u.header.trim();
      if (header === "") continue;
      const key = normalizeHeader(header);
      if (key === SOURCE_KEY) {
        const t = textOf(cells[u.source]);
        src = t === "" ? null : t;
        continue;
      }
      if (!user.has(key)) user.set(key, { header, raw: cells[u.source], text: textOf(cells[u.source]) });
    }
    const canonical = {} as Record<ColumnKey, CanonicalValue>;
    for (const k of COLUMN_KEYS) canonical[k] = canonicalValue(k, g.values[k], wb.dateSystem);
    return { file: fileIndex, cell: g.where ?? null, raw: g.values, canonical, user, source: src, system: wb.dateSystem };
  });
}

/** The columns in which two rows differ: input columns, then user columns both rows have. */
function differing(a: GoalRecord, b: GoalRecord): string[] {
  const out: string[] = [];
  for (const c of INPUT_COLUMNS) if (!same(a.canonical[c.key], b.canonical[c.key])) out.push(c.header);
  for (const [k, u] of a.user) {
    const v = b.user.get(k);
    if (v && v.text !== u.text) out.push(u.header);
  }
  return out;
}

function fileTime(wb: SourceWorkbook): number {
  const sealed = wb.meta.seal.at ? Date.parse(wb.meta.seal.at) : NaN;
  const modified = (wb.modified ?? wb.mtime).getTime();
  return Number.isFinite(sealed) ? Math.max(sealed, modified) : modified;
}

/** A cell for the new workbook; dates through the reader, so 1904 workbooks land right. */
function outValue(key: ColumnKey | "checkinDate", raw: unknown, system: DateSystem): OutValue {
  if (key === "start" || key === "due" || key === "checkinDate") {
    const r = readDate(raw, system);
    if (r.kind === "value") return new Date(r.value * 86_400_000);
  }
  return plainValue(raw);
}

export interface ConsolidateOptions {
  out: string;
  preferNewest: boolean;
  cwd: string;
  now: Date;
}

/** Merges the workbooks (already read) and writes the result unless there are unresolved conflicts. */
export async function consolidate(books: readonly SourceWorkbook[], o: ConsolidateOptions): Promise<ConsolidateResult> {
  const all: GoalRecord[] = books.flatMap((wb, i) => records(wb, i));
  const times = books.map(fileTime);

  // User columns, in order of first appearance.
  const userOrder: { key: string; header: string }[] = [];
  const seenUser = new Set<string>();
  for (const r of all)
    for (const [k, u] of r.user)
      if (!seenUser.has(k)) {
        seenUser.add(k);
        userOrder.push({ key: k, header: u.header });
      }

  // Group by ID (case-insensitive); goals without an ID are never merged.
  const groups = new Map<string, GoalRecord[]>();
  const order: (GoalRecord | string)[] = [];
  for (const r of all) {
    const id = r.canonical.id;
    if (id === null) {
      order.push(r);
      continue;
    }
    const k = String(id).toUpperCase();
    const list = groups.get(k);
    if (list) list.push(r);
    else {
      groups.set(k, [r]);
      order.push(k);
    }
  }

  const conflicts: Conflict[] = [];
  /** For a resolved conflict: the file whose check-ins of that ID are kept. */
  const chosenFile = new Map<string, number>();
  let duplicates = 0;
  const kept: GoalRecord[] = [];
  for (const item of order) {
    if (typeof item !== "string") {
      kept.push(item);
      continue;
    }
    const list = groups.get(item) ?? [];
    const variants: GoalRecord[] = [];
    for (const r of list) if (!variants.some((v) => differing(v, r).length === 0)) variants.push(r);
    if (variants.length === 1) {
      // One content: same-file repeats stay (validate reports D1); copies from other files are dropped.
      const firstFile = list[0].file;
      for (const r of list) {
        if (r.file === firstFile) kept.push(r);
        else duplicates++;
      }
      continue;
    }
    const columns: string[] = [];
    for (const v of variants.slice(1)) for (const c of differing(variants[0], v)) if (!columns.includes(c)) columns.push(c);
    const byHeader = new Map<string, ColumnKey>(INPUT_COLUMNS.map((c) => [c.header as string, c.key]));
    const rows: ConflictRow[] = list.map((r) => {
      const values: Record<string, CanonicalValue> = {};
      for (const c of columns) {
        const key = byHeader.get(c);
        values[c] = key ? r.canonical[key] : (r.user.get(normalizeHeader(c))?.text ?? null);
      }
      return { file: books[r.file].file, cell: r.cell, values };
    });
    let chosen: GoalRecord | null = null;
    if (o.preferNewest) {
      // The newest file; on a tie the later one on the command line; in one file the lower row.
      for (const r of list) if (chosen === null || times[r.file] > times[chosen.file] || (times[r.file] === times[chosen.file] && r.file >= chosen.file)) chosen = r;
    }
    conflicts.push({ id: String(list[0].canonical.id), columns, rows, chosen: chosen ? books[chosen.file].file : null });
    if (chosen) {
      kept.push(chosen);
      chosenFile.set(item, chosen.file);
      duplicates += list.length - 1;
    }
  }

  // Check-ins: every file's, in file order; an identical check-in from another file is kept once.
  const checkIns: OutValue[][] = [];
  const firstFileOf = new Map<string, number>();
  books.forEach((wb, fi) => {
    for (const c of wb.input.checkIns ?? []) {
      const doc = sealDocument(null, "Closed", [], [c], wb.dateSystem);
      const canon = doc.checkins?.[0] ?? [];
      const idKey = canon[0] === null || canon[0] === undefined ? null : String(canon[0]).toUpperCase();
      if (idKey !== null && chosenFile.has(idKey) && chosenFile.get(idKey) !== fi) continue;
      const k = JSON.stringify(canon);
      const first = firstFileOf.get(k);
      if (first !== undefined && first !== fi) continue;
      firstFileOf.set(k, fi);
      const v = c.values;
      checkIns.push([
        plainValue(v.goalId),
        outValue("checkinDate", v.date, wb.dateSystem),
        plainValue(v.value),
        plainValue(v.confidence),
        plainValue(v.comment),
        wb.file,
      ]);
    }
  });

  // Settings and cycle name carry over where every input agrees.
  const meta = emptyMeta();
  const names = [...new Set(books.map((b) => b.meta.cycle.name).filter((n): n is string => n !== null))];
  meta.cycle.name = names.length === 1 ? names[0] : null;
  const settingsDropped: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const values = new Set(books.map((b) => b.meta.settings[key]));
    if (values.size === 1) settings[key] = [...values][0];
    else settingsDropped.push(key);
  }
  meta.settings = settings;

  const weights = kept.map((r) => r.canonical.weight).filter((w): w is number => typeof w === "number");
  const goalsOut: OutValue[][] = kept.map((r) => [
    ...COLUMN_KEYS.map((k) => outValue(k, r.raw[k], r.system)),
    ...userOrder.map((u) => {
      const v = r.user.get(u.key);
      return v ? plainValue(v.raw) : null;
    }),
    r.source ?? books[r.file].file,
  ]);

  const unresolved = conflicts.some((c) => c.chosen === null);
  let written = false;
  if (!unresolved) {
    const wb = buildWorkbook(
      {
        userColumns: userOrder.map((u) => u.header),
        source: true,
        goals: goalsOut,
        checkIns,
        weightPercent: weights.every((w) => w <= 1),
        metaRows: metaRows(meta, DEFAULT_SETTINGS),
        auditRows: [],
      },
      o.now,
    );
    await writeWorkbook(wb, o.out, o.cwd, true);
    written = true;
  }
  return {
    out: o.out,
    written,
    files: books.map((b, i) => ({
      file: b.file,
      goals: b.input.goals.length,
      checkIns: b.input.checkIns?.length ?? 0,
      sealedAt: b.meta.seal.at,
      modified: new Date(times[i]).toISOString(),
    })),
    goals: written ? goalsOut.length : 0,
    checkIns: written ? checkIns.length : 0,
    duplicates,
    conflicts,
    settingsDropped,
  };
}

/** Refuses an --out that is one of the inputs (consolidate never changes an input). */
export async function checkOut(out: string, inputs: readonly string[], cwd: string): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => p);
  const target = await real(path.resolve(cwd, out));
  for (const f of inputs) if ((await real(path.resolve(cwd, f))) === target) throw new FileError(out, "is also an input file; consolidate never changes an input, choose another --out");
}

export function consolidateJson(r: ConsolidateResult) {
  return {
    out: r.out,
    written: r.written,
    files: r.files,
    goals: r.goals,
    checkIns: r.checkIns,
    duplicates: r.duplicates,
    conflicts: r.conflicts,
  };
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

function show(v: CanonicalValue): string {
  return v === null ? "(blank)" : truncate(String(v), 30);
}

export function consolidateText(r: ConsolidateResult, style: Style): string[] {
  const lines: string[] = [];
  lines.push(`Read ${r.files.length} ${r.files.length === 1 ? "file" : "files"}: ${r.files.map((f) => `${f.file} (${count(f.goals, "goal")}, ${count(f.checkIns, "check-in")})`).join(", ")}`);
  if (r.duplicates > 0) lines.push(`${r.duplicates} duplicate ${r.duplicates === 1 ? "goal" : "goals"} kept once.`);
  if (r.conflicts.length > 0) {
    lines.push("", style.bold(`Conflicts (${r.conflicts.length}): the same ID with different content`));
    for (const c of r.conflicts) {
      lines.push(`${style.bold(c.id)} differs in ${c.columns.join(", ")}`);
      lines.push(
        ...table(
          [{ header: "File" }, { header: "Cell" }, ...c.columns.map((h) => ({ header: h })), { header: "" }],
          c.rows.map((row) => [row.file, row.cell ?? "", ...c.columns.map((h) => show(row.values[h] ?? null)), c.chosen === row.file ? style.green("← kept (newest)") : ""]),
          style,
        ),
      );
    }
  }
  if (r.settingsDropped.length > 0) lines.push(style.yellow(`Note: the files disagree on settings ${r.settingsDropped.join(", ")}; the new workbook uses the defaults.`));
  lines.push("");
  if (r.written) lines.push(style.green(`Wrote ${r.out}: ${count(r.goals, "goal")}, ${count(r.checkIns, "check-in")} from ${count(r.files.length, "file")}.`));
  else lines.push(style.red(`Nothing written: resolve the conflicts in the files, or run again with --prefer newest.`));
  return lines;
}

