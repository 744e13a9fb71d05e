/**
 * `consolidate FILE... --out FILE [--prefer newest]`: the goal tables and check-ins
 * of several workbooks in one new workbook, with a `Source` column. The same ID with
 * the same content is kept once; the same ID with different content is a conflict,
 * reported with the files and the differing columns, and nothing is written unless
 * `--prefer newest` picks the row of the most recently sealed or modified file.
 * Input files are only ever read.
 */
import { createHash } from "crypto";
import * as path from "path";
import { promises as fs } from "fs";
import { CanonicalValue, displayText, readDate, readNumber, unwrap } from "../core/cells";
import { COLUMN_KEYS, ColumnKey, INPUT_COLUMNS } from "../core/columns";
import { DateSystem } from "../core/dates";
import { normalizeHeader } from "../core/headers";
import { emptyMeta, metaRows } from "../core/meta";
import { canonicalValue, sealDocument } from "../core/seal";
import { DEFAULT_SETTINGS, Settings } from "../core/settings";
import { FileError } from "./errors";
import { SourceWorkbook, systemReason } from "./read";
import { Style, table, truncate } from "./render";
import { Spill, SpillRef } from "./spill";
import { OutValue, SOURCE_COLUMN, openOut, plainValue } from "./write";
import { writeStreamedWorkbook } from "./xlsx-stream";
import { checkInRecords, goalRecords } from "../core/tables";

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
  /** User columns a kept goal took values of from a later copy of itself; not part of the JSON. */
  userValuesFilled: string[];
}

function textOf(raw: unknown): string {
  return displayText(unwrap(raw)).trim().normalize("NFC");
}

function same(a: CanonicalValue, b: CanonicalValue): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

function records(wb: SourceWorkbook, fileIndex: number): GoalRecord[] {
  return goalRecords(wb.input).map((g, i) => {
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
  if (key === "weight" && typeof unwrap(raw) === "string") {
    // A weight typed as text (`45%`, `0.4`) lands as the number the reader makes of it,
    // in the number-validated Weight column; text that is no number stays text.
    const r = readNumber(raw);
    if (r.kind === "value") return r.value + 0;
  }
  return plainValue(raw);
}

/** A weight typed as a percentage (`45%`): written as 0.45 with a percent format. */
function percentText(raw: unknown): boolean {
  const v = unwrap(raw);
  return typeof v === "string" && /%\s*$/.test(v) && readNumber(raw).kind === "value";
}

export interface ConsolidateOptions {
  out: string;
  preferNewest: boolean;
  cwd: string;
  now: Date;
  /** Runs the writing of the new workbook (for a progress line). */
  writing?: (work: () => Promise<void>) => Promise<void>;
}

/** A goal as kept on disk while the other files are read (see Spill). */
interface SpilledGoal {
  cell: string | null;
  /** Canonical values in COLUMN_KEYS order. */
  canonical: CanonicalValue[];
  /** User columns: normalized header, header as written, text for comparing, cell for the new workbook. */
  user: [string, string, string, OutValue][];
  source: string | null;
  /** The twenty input columns' cells for the new workbook. */
  out: OutValue[];
  /** Weight typed as a percentage. */
  percent: boolean;
}

/** A check-in on disk: its goal's ID key, its canonical key (hashed), its file, its row for the new workbook. */
type SpilledCheckIn = [string | null, string, number, ...OutValue[]];

/** What is kept of a goal: its record as compared, and its cells for the new workbook. */
interface KeptRecord extends GoalRecord {
  userOut: Map<string, OutValue>;
  out: OutValue[];
  percent: boolean;
}

function fromSpill(g: SpilledGoal, file: number): KeptRecord {
  const canonical = {} as Record<ColumnKey, CanonicalValue>;
  COLUMN_KEYS.forEach((k, i) => (canonical[k] = g.canonical[i] ?? null));
  const user = new Map<string, { header: string; raw: unknown; text: string }>();
  const userOut = new Map<string, OutValue>();
  for (const [key, header, text, out] of g.user) {
    user.set(key, { header, raw: out, text });
    userOut.set(key, out);
  }
  return { file, cell: g.cell, raw: {}, canonical, user, source: g.source, system: 1900, userOut, out: g.out, percent: g.percent };
}

/** What is kept of each input file once it has been read. */
interface FileInfo {
  summary: FileSummary;
  time: number;
  cycleName: string | null;
  settings: Settings;
}

/**
 * Reads the files one at a time (`read`), keeps of each only its goals and check-ins
 * as the new workbook needs them (on disk, in a private temporary folder) and what
 * deciding needs (in memory: each goal's file, ID and weight), merges, and writes the
 * result unless there are unresolved conflicts. Memory stays flat in the number of
 * files: one input workbook at a time, and the output is streamed (xlsx-stream.ts).
 */
export async function consolidate(
  files: readonly string[],
  read: (file: string, index: number) => Promise<SourceWorkbook>,
  o: ConsolidateOptions,
): Promise<ConsolidateResult> {
  const goalSpill = new Spill("goals.jsonl");
  let checkInSpill: Spill | null = null;
  try {
    checkInSpill = new Spill("checkins.jsonl");
    return await merge(files, read, o, goalSpill, checkInSpill);
  } finally {
    goalSpill.close();
    checkInSpill?.close();
  }
}

async function merge(
  files: readonly string[],
  read: (file: string, index: number) => Promise<SourceWorkbook>,
  o: ConsolidateOptions,
  goalSpill: Spill,
  checkInSpill: Spill,
): Promise<ConsolidateResult> {
  const info: FileInfo[] = [];
  // Per goal, in reading order: its file, where it is on disk, its weight (NaN: none).
  const recFile: number[] = [];
  const recRef: SpillRef[] = [];
  const recWeight: number[] = [];
  const recPercent: boolean[] = [];
  // User columns, in order of first appearance.
  const userOrder: { key: string; header: string }[] = [];
  const seenUser = new Set<string>();
  // Group by ID (case-insensitive); goals without an ID are never merged.
  const groups = new Map<string, number[]>();
  const order: (number | string)[] = [];

  for (let fi = 0; fi < files.length; fi++) {
    const wb = await read(files[fi], fi);
    const time = fileTime(wb);
    info.push({
      summary: {
        file: wb.file,
        goals: wb.input.goalCount,
        checkIns: checkInRecords(wb.input).length,
        sealedAt: wb.meta.seal.at,
        modified: new Date(time).toISOString(),
      },
      time,
      cycleName: wb.meta.cycle.name,
      settings: wb.meta.settings,
    });
    for (const r of records(wb, fi)) {
      for (const [k, u] of r.user)
        if (!seenUser.has(k)) {
          seenUser.add(k);
          userOrder.push({ key: k, header: u.header });
        }
      const idx = recFile.length;
      const spilled: SpilledGoal = {
        cell: r.cell,
        canonical: COLUMN_KEYS.map((k) => r.canonical[k]),
        user: [...r.user].map(([k, u]) => [k, u.header, u.text, plainValue(u.raw)]),
        source: r.source,
        out: COLUMN_KEYS.map((k) => outValue(k, r.raw[k], r.system)),
        percent: percentText(r.raw.weight),
      };
      recFile.push(fi);
      recRef.push(goalSpill.add(spilled));
      recWeight.push(typeof r.canonical.weight === "number" ? r.canonical.weight : NaN);
      recPercent.push(spilled.percent);
      const id = r.canonical.id;
      if (id === null) {
        order.push(idx);
        continue;
      }
      const k = String(id).toUpperCase();
      const list = groups.get(k);
      if (list) list.push(idx);
      else {
        groups.set(k, [idx]);
        order.push(k);
      }
    }
    for (const c of checkInRecords(wb.input)) {
      const doc = sealDocument(null, "Closed", [], [c], wb.dateSystem);
      const canon = doc.checkins?.[0] ?? [];
      const idKey = canon[0] === null || canon[0] === undefined ? null : String(canon[0]).toUpperCase();
      const key = createHash("sha256").update(JSON.stringify(canon)).digest("base64");
      const v = c.values;
      const row: SpilledCheckIn = [
        idKey,
        key,
        fi,
        plainValue(v.goalId),
        outValue("checkinDate", v.date, wb.dateSystem),
        plainValue(v.value),
        plainValue(v.confidence),
        plainValue(v.comment),
        wb.file,
      ];
      checkInSpill.add(row);
    }
  }
  const times = info.map((f) => f.time);
  const fileName = (fi: number) => info[fi].summary.file;
  const load = (idx: number): KeptRecord => fromSpill(goalSpill.get<SpilledGoal>(recRef[idx]), recFile[idx]);

  const conflicts: Conflict[] = [];
  /** For a resolved conflict: the file whose check-ins of that ID are kept. */
  const chosenFile = new Map<string, number>();
  let duplicates = 0;
  const kept: number[] = [];
  /** User-column values a kept goal takes from a later copy of itself, by goal. */
  const filled = new Map<number, Map<string, OutValue>>();
  const userValuesFilled = new Set<string>();
  for (const item of order) {
    if (typeof item !== "string") {
      kept.push(item);
      continue;
    }
    const indexes = groups.get(item) ?? [];
    if (indexes.length === 1) {
      kept.push(indexes[0]);
      continue;
    }
    // Several goals with this ID: compared in full, read back from disk.
    const list = indexes.map((idx) => ({ idx, r: load(idx) }));
    const variants: KeptRecord[] = [];
    for (const { r } of list) if (!variants.some((v) => differing(v, r).length === 0)) variants.push(r);
    if (variants.length === 1) {
      // One content: same-file repeats stay (validate reports D1); copies from other files are dropped.
      // A copy's values in user columns the kept row does not have are not lost: they fill it.
      const firstFile = list[0].r.file;
      const keptHere = list.filter((x) => x.r.file === firstFile);
      for (const { idx, r } of list) {
        if (r.file === firstFile) {
          kept.push(idx);
          continue;
        }
        duplicates++;
        for (const [key, u] of r.user) {
          if (u.text === "") continue;
          for (const k of keptHere) {
            if (k.r.user.has(key)) continue;
            k.r.user.set(key, u);
            const fill = filled.get(k.idx) ?? new Map<string, OutValue>();
            fill.set(key, r.userOut.get(key) ?? null);
            filled.set(k.idx, fill);
            userValuesFilled.add(u.header);
          }
        }
      }
      continue;
    }
    const columns: string[] = [];
    for (const v of variants.slice(1)) for (const c of differing(variants[0], v)) if (!columns.includes(c)) columns.push(c);
    const byHeader = new Map<string, ColumnKey>(INPUT_COLUMNS.map((c) => [c.header as string, c.key]));
    const rows: ConflictRow[] = list.map(({ r }) => {
      const values: Record<string, CanonicalValue> = {};
      for (const c of columns) {
        const key = byHeader.get(c);
        values[c] = key ? r.canonical[key] : (r.user.get(normalizeHeader(c))?.text ?? null);
      }
      return { file: fileName(r.file), cell: r.cell, values };
    });
    let chosen: { idx: number; r: GoalRecord } | null = null;
    if (o.preferNewest) {
      // The newest file; on a tie the later one on the command line; in one file the lower row.
      for (const x of list)
        if (chosen === null || times[x.r.file] > times[chosen.r.file] || (times[x.r.file] === times[chosen.r.file] && x.r.file >= chosen.r.file)) chosen = x;
    }
    conflicts.push({ id: String(list[0].r.canonical.id), columns, rows, chosen: chosen ? fileName(chosen.r.file) : null });
    if (chosen) {
      kept.push(chosen.idx);
      chosenFile.set(item, chosen.r.file);
      duplicates += list.length - 1;
    }
  }

  // Check-ins: every file's, in file order; an identical check-in from another file is kept once.
  const checkInRows = function* (): Generator<OutValue[]> {
    const firstFileOf = new Map<string, number>();
    for (const [idKey, key, fi, ...row] of checkInSpill.each<SpilledCheckIn>()) {
      if (idKey !== null && chosenFile.has(idKey) && chosenFile.get(idKey) !== fi) continue;
      const first = firstFileOf.get(key);
      if (first !== undefined && first !== fi) continue;
      firstFileOf.set(key, fi);
      yield row;
    }
  };
  const percentRows = new Set<number>();
  kept.forEach((idx, row) => {
    if (recPercent[idx]) percentRows.add(row);
  });
  const goalRows = function* (): Generator<OutValue[]> {
    for (const idx of kept) {
      const r = load(idx);
      const fill = filled.get(idx);
      const user = (key: string): OutValue => (r.userOut.has(key) ? (r.userOut.get(key) as OutValue) : (fill?.get(key) ?? null));
      yield [...r.out, ...userOrder.map((u) => user(u.key)), r.source ?? fileName(r.file)];
    }
  };

  // Settings and cycle name carry over where every input agrees.
  const meta = emptyMeta();
  const names = [...new Set(info.map((b) => b.cycleName).filter((n): n is string => n !== null))];
  meta.cycle.name = names.length === 1 ? names[0] : null;
  const settingsDropped: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const values = new Set(info.map((b) => b.settings[key]));
    if (values.size === 1) settings[key] = [...values][0];
    else settingsDropped.push(key);
  }
  meta.settings = settings;

  const weights = kept.map((idx) => recWeight[idx]).filter((w) => !Number.isNaN(w));
  const unresolved = conflicts.some((c) => c.chosen === null);
  let written = false;
  let checkInCount = 0;
  if (!unresolved) {
    for (const _ of checkInRows()) checkInCount++;
    const write = async () => {
      const out = await openOut(o.out, o.cwd, true);
      try {
        await writeStreamedWorkbook(
          {
            userColumns: userOrder.map((u) => u.header),
            source: true,
            goalCount: kept.length,
            checkInCount,
            goals: goalRows,
            checkIns: checkInRows,
            weightPercent: weights.every((w) => w <= 1),
            percentWeightRows: percentRows,
            metaRows: metaRows(meta, DEFAULT_SETTINGS),
            auditRows: [],
          },
          out.handle,
          o.now,
        );
      } catch (e) {
        await out.abort();
        if (e instanceof FileError) throw e;
        throw new FileError(o.out, `cannot be written: ${systemReason(e)}`);
      }
      await out.commit();
    };
    await (o.writing ? o.writing(write) : write());
    written = true;
  }
  return {
    out: o.out,
    written,
    files: info.map((f) => f.summary),
    goals: written ? kept.length : 0,
    checkIns: written ? checkInCount : 0,
    duplicates,
    conflicts,
    settingsDropped,
    userValuesFilled: [...userValuesFilled],
  };
}

/** Refuses an --out that is one of the inputs (consolidate never changes an input). */
export async function checkOut(out: string, inputs: readonly string[], cwd: string): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => p);
  const target = await real(path.resolve(cwd, out));
  for (const f of inputs)
    if ((await real(path.resolve(cwd, f))) === target)
      throw new FileError(out, "is also an input file; consolidate never changes an input, choose another --out");
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

/** Up to this many files, the text output names each with its counts. */
const LIST_FILES = 10;

export function consolidateText(r: ConsolidateResult, style: Style): string[] {
  const lines: string[] = [];
  if (r.files.length <= LIST_FILES)
    lines.push(
      `Read ${r.files.length} ${r.files.length === 1 ? "file" : "files"}: ${r.files.map((f) => `${f.file} (${count(f.goals, "goal")}, ${count(f.checkIns, "check-in")})`).join(", ")}`,
    );
  else {
    // Thousands of files do not make a line: the totals (--json lists every file).
    const goals = r.files.reduce((n, f) => n + f.goals, 0);
    const checkIns = r.files.reduce((n, f) => n + f.checkIns, 0);
    lines.push(`Read ${r.files.length} files: ${count(goals, "goal")}, ${count(checkIns, "check-in")} (--json lists them file by file).`);
  }
  if (r.duplicates > 0) lines.push(`${r.duplicates} duplicate ${r.duplicates === 1 ? "goal" : "goals"} kept once.`);
  if (r.written && r.userValuesFilled.length > 0)
    lines.push(`Values of ${r.userValuesFilled.join(", ")} taken from a later copy of the same goal where the kept row had none.`);
  if (r.conflicts.length > 0) {
    lines.push("", style.bold(`Conflicts (${r.conflicts.length}): the same ID with different content`));
    for (const c of r.conflicts) {
      lines.push(`${style.bold(c.id)} differs in ${c.columns.join(", ")}`);
      lines.push(
        ...table(
          [{ header: "File" }, { header: "Cell" }, ...c.columns.map((h) => ({ header: h })), { header: "" }],
          c.rows.map((row) => [
            row.file,
            row.cell ?? "",
            ...c.columns.map((h) => show(row.values[h] ?? null)),
            c.chosen === row.file ? style.green("← kept (newest)") : "",
          ]),
          style,
        ),
      );
    }
  }
  if (r.settingsDropped.length > 0)
    lines.push(style.yellow(`Note: the files disagree on settings ${r.settingsDropped.join(", ")}; the new workbook uses the defaults.`));
  lines.push("");
  if (r.written) lines.push(style.green(`Wrote ${r.out}: ${count(r.goals, "goal")}, ${count(r.checkIns, "check-in")} from ${count(r.files.length, "file")}.`));
  else lines.push(style.red(`Nothing written: resolve the conflicts in the files, or run again with --prefer newest.`));
  return lines;
}
