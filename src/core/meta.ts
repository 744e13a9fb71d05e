/**
 * The metadata sheet `_GoalScorecards` (review.md): plain cell values in two
 * tables, `GoalMeta` (Key, Value) and `GoalAudit`. This module reads and writes
 * their contents; the adapter and the command line move the cells.
 */
import { Settings, SettingsProblem, SettingsSchema, readSettings } from "./settings";
import { displayText, unwrap } from "./cells";

export const META_SHEET = "_GoalScorecards";
export const META_TABLE = "GoalMeta";
export const AUDIT_TABLE = "GoalAudit";
export const META_SCHEMA = 1;
export const AUDIT_COLUMNS = ["Seq", "At", "Actor", "Action", "Goal ID", "Field", "Old", "New", "Reason", "Prev Hash", "Hash"] as const;

export const CYCLE_STATES = ["Draft", "Active", "Data locked", "In review", "Closed"] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/** Largest piece of the seal document in one cell. */
export const SEAL_PIECE = 30_000;

export interface Meta {
  schema: number;
  cycle: { name: string | null; state: CycleState; changedAt: string | null };
  seal: { hash: string | null; at: string | null; state: CycleState | null; doc: string | null };
  /** The audit log's last Hash and its number of entries, so that deleting the last entries shows. */
  audit: { head: string | null; count: number | null };
  settings: Settings;
  /** Keys the add-in does not know, kept as they are. */
  other: [string, string][];
  problems: SettingsProblem[];
}

function text(v: unknown): string | null {
  const t = displayText(unwrap(v)).trim();
  return t === "" ? null : t;
}

export function readState(v: unknown): CycleState | null {
  const t = text(v);
  if (t === null) return null;
  const found = CYCLE_STATES.find((s) => s.toLowerCase() === t.toLowerCase().replace(/\s+/g, " "));
  return found ?? null;
}

/** Reads GoalMeta's Key/Value rows. Missing keys take their defaults; nothing throws. */
export function readMeta(rows: readonly (readonly unknown[])[]): Meta {
  const map = new Map<string, string | null>();
  /** Each key's first raw Value cell (the seal's pieces are read raw). */
  const firstRaw = new Map<string, unknown>();
  const order: string[] = [];
  for (const r of rows) {
    const k = text(r[0]);
    if (k === null) continue;
    if (!map.has(k)) {
      order.push(k);
      firstRaw.set(k, r[1]);
    }
    map.set(k, text(r[1]));
  }
  const settingsRaw: Record<string, unknown> = {};
  const other: [string, string][] = [];
  const pieces: { n: number; text: string }[] = [];
  const known = new Set(["schema", "cycle.name", "cycle.state", "cycle.changedAt", "seal.hash", "seal.at", "seal.state", "audit.head", "audit.count"]);
  for (const k of order) {
    const v = map.get(k) ?? null;
    const piece = /^seal\.doc\.(\d+)$/.exec(k);
    if (piece) {
      // Pieces are read raw (not trimmed): the document is JSON and must join exactly.
      // The first row of each key, found in one pass above (a search per piece made
      // reading a document of 100,000 pieces quadratic).
      const raw = firstRaw.get(k);
      pieces.push({ n: Number(piece[1]), text: raw === null || raw === undefined ? "" : displayText(unwrap(raw)) });
    } else if (k.startsWith("setting.") && k.slice(8) in SettingsSchema.shape) settingsRaw[k.slice(8)] = v;
    else if (!known.has(k)) other.push([k, v ?? ""]);
  }
  pieces.sort((a, b) => a.n - b.n);
  const { settings, problems } = readSettings(settingsRaw);
  const schema = Number(map.get("schema") ?? META_SCHEMA);
  return {
    schema: Number.isFinite(schema) ? schema : META_SCHEMA,
    cycle: { name: map.get("cycle.name") ?? null, state: readState(map.get("cycle.state")) ?? "Draft", changedAt: map.get("cycle.changedAt") ?? null },
    seal: {
      hash: map.get("seal.hash") ?? null,
      at: map.get("seal.at") ?? null,
      state: readState(map.get("seal.state")),
      doc: pieces.length > 0 ? pieces.map((p) => p.text).join("") : null,
    },
    audit: {
      head: map.get("audit.head") ?? null,
      count: (() => {
        const c = Number(map.get("audit.count") ?? NaN);
        return Number.isInteger(c) && c >= 0 ? c : null;
      })(),
    },
    settings,
    other,
    problems,
  };
}

export function emptyMeta(): Meta {
  return readMeta([]);
}

/** GoalMeta's rows to write: known keys in order, changed settings, the seal in pieces, other keys kept. */
export function metaRows(meta: Meta, defaults: Settings): [string, string | number][] {
  const rows: [string, string | number][] = [
    ["schema", META_SCHEMA],
    ["cycle.name", meta.cycle.name ?? ""],
    ["cycle.state", meta.cycle.state],
    ["cycle.changedAt", meta.cycle.changedAt ?? ""],
    ["seal.hash", meta.seal.hash ?? ""],
    ["seal.at", meta.seal.at ?? ""],
    ["seal.state", meta.seal.state ?? ""],
    ["audit.head", meta.audit.head ?? ""],
    ["audit.count", meta.audit.count ?? ""],
  ];
  const doc = meta.seal.doc ?? "";
  for (let i = 0, n = 1; i < doc.length; n++) {
    let end = Math.min(doc.length, i + SEAL_PIECE);
    // Never split a character made of two UTF-16 units (an emoji) between two cells.
    const last = doc.charCodeAt(end - 1);
    if (end < doc.length && last >= 0xd800 && last <= 0xdbff) end--;
    rows.push([`seal.doc.${n}`, doc.slice(i, end)]);
    i = end;
  }
  for (const key of Object.keys(meta.settings) as (keyof Settings)[]) {
    if (meta.settings[key] !== defaults[key]) rows.push([`setting.${key}`, meta.settings[key]]);
  }
  for (const [k, v] of meta.other) rows.push([k, v]);
  return rows;
}
