/**
 * Seal and audit log (review.md): the canonical document of the locked columns,
 * its SHA-256, a diff against a sealed document, and the hash-chained audit log.
 * SHA-256 comes from Web Crypto, which Excel's runtime, browsers and Node have.
 */
import { CanonicalValue, displayText, readActual, readDate, readEnum, readNumber, readText, unwrap } from "./cells";
import { CHECKIN_COLUMNS, ColumnHeader, ColumnKey, INPUT_COLUMNS } from "./columns";
import { DateSystem, isoDay } from "./dates";
import { CheckInRecord, GoalRecord } from "./tables";
import { CycleState } from "./meta";

/** Input columns each state leaves editable (review.md). */
export const EDITABLE_COLUMNS: Record<CycleState, readonly ColumnKey[]> = {
  Draft: INPUT_COLUMNS.map((c) => c.key),
  Active: ["actual", "comment"],
  "Data locked": ["comment"],
  "In review": ["comment"],
  Closed: [],
};

/** Whether the CheckIns table stays editable in a state. */
export function checkInsEditable(state: CycleState): boolean {
  return state === "Draft" || state === "Active";
}

/** The states that are sealed when entered. */
export function isSealedState(state: CycleState): boolean {
  return state !== "Draft";
}

/** The sealed columns of a state: the twenty input columns less the editable ones, in model.md order. */
export function sealedColumns(state: CycleState): ColumnKey[] {
  const editable = new Set(EDITABLE_COLUMNS[state]);
  return INPUT_COLUMNS.map((c) => c.key).filter((k) => !editable.has(k));
}

const HEADER: Record<ColumnKey, ColumnHeader> = Object.fromEntries(INPUT_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, ColumnHeader>;

function fromRead(r: ReturnType<typeof readText> | ReturnType<typeof readNumber>, raw: unknown): CanonicalValue {
  if (r.kind === "blank") return null;
  if (r.kind === "invalid") return displayText(unwrap(raw)).trim().normalize("NFC");
  return r.value;
}

/** What the cell reader makes of a cell, in the seal's canonical form. */
export function canonicalValue(key: ColumnKey, raw: unknown, system: DateSystem = 1900): CanonicalValue {
  switch (key) {
    case "type":
    case "level":
    case "direction":
    case "rollup": {
      const r = readEnum(key, raw);
      return r.kind === "value" ? r.value : fromRead(r, raw);
    }
    case "weight":
    case "baseline":
    case "threshold":
    case "target":
    case "stretch": {
      const r = readNumber(raw);
      return r.kind === "value" ? r.value + 0 : fromRead(r, raw);
    }
    case "actual": {
      const r = readActual(raw);
      if (r.kind === "value") return typeof r.value === "number" ? r.value + 0 : r.value;
      return fromRead(r, raw);
    }
    case "start":
    case "due": {
      const r = readDate(raw, system);
      return r.kind === "value" ? isoDay(r.value) : fromRead(r, raw);
    }
    default:
      return fromRead(readText(raw), raw);
  }
}

export interface SealDocument {
  v: 1;
  cycle: string | null;
  state: CycleState;
  columns: string[];
  goals: CanonicalValue[][];
  checkins?: CanonicalValue[][];
}

function sortKey(v: CanonicalValue): string {
  return v === null ? "" : String(v).toUpperCase();
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical document of a workbook in a state (review.md "Seal", step 1). */
export function sealDocument(
  cycle: string | null,
  state: CycleState,
  goals: readonly GoalRecord[],
  checkIns: readonly CheckInRecord[],
  system: DateSystem = 1900,
): SealDocument {
  const keys = sealedColumns(state);
  const rows = goals.map((g, i) => ({ i, values: keys.map((k) => canonicalValue(k, g.values[k], system)), id: canonicalValue("id", g.values.id, system) }));
  rows.sort((a, b) => ordinal(sortKey(a.id), sortKey(b.id)) || a.i - b.i);
  const doc: SealDocument = { v: 1, cycle, state, columns: keys.map((k) => HEADER[k]), goals: rows.map((r) => r.values) };
  if (!checkInsEditable(state)) {
    const cis = checkIns.map((c, i) => ({
      i,
      row: [
        fromRead(readText(c.values.goalId), c.values.goalId),
        (() => {
          const r = readDate(c.values.date, system);
          return r.kind === "value" ? isoDay(r.value) : fromRead(r, c.values.date);
        })(),
        (() => {
          const r = readActual(c.values.value);
          return r.kind === "value" ? (typeof r.value === "number" ? r.value + 0 : r.value) : fromRead(r, c.values.value);
        })(),
        fromRead(readNumber(c.values.confidence), c.values.confidence),
        fromRead(readText(c.values.comment), c.values.comment),
      ] as CanonicalValue[],
    }));
    cis.sort((a, b) => ordinal(sortKey(a.row[0]), sortKey(b.row[0])) || ordinal(String(a.row[1] ?? ""), String(b.row[1] ?? "")) || a.i - b.i);
    doc.checkins = cis.map((c) => c.row);
  }
  return doc;
}

/** The document serialized with JSON.stringify (no spaces). */
export function serializeSeal(doc: SealDocument): string {
  return JSON.stringify(doc);
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes (Web Crypto). */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("Web Crypto (crypto.subtle) is not available in this runtime");
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  const bytes = new Uint8Array(digest);
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

export interface SealDifference {
  /** Goal ID (or check-in goal ID); null for a goal without ID. */
  goal: string | null;
  /** Column name; `(goal)` for a goal added or removed, `CheckIns` for a check-in. */
  column: string;
  sealed: CanonicalValue | CanonicalValue[];
  current: CanonicalValue | CanonicalValue[];
  kind: "changed" | "added" | "removed";
}

/** Parses a stored document; null when it is not one. */
export function parseSealDocument(text: string | null): SealDocument | null {
  if (text === null) return null;
  try {
    const d = JSON.parse(text) as Partial<SealDocument>;
    if (d && d.v === 1 && Array.isArray(d.columns) && Array.isArray(d.goals)) return d as SealDocument;
  } catch {
    return null;
  }
  return null;
}

/**
 * The differences between the sealed document and the current one: goal, column,
 * sealed value, current value; goals added or removed; check-ins added or removed.
 * Goals are matched by upper-cased ID (the n-th occurrence with the n-th).
 */
export function diffSeal(sealed: SealDocument, current: SealDocument): SealDifference[] {
  const out: SealDifference[] = [];
  const idIndex = sealed.columns.indexOf("ID");
  const curIdIndex = current.columns.indexOf("ID");
  const group = (doc: SealDocument, idx: number): Map<string, CanonicalValue[][]> => {
    const m = new Map<string, CanonicalValue[][]>();
    for (const row of doc.goals) {
      const k = idx < 0 ? "" : sortKey(row[idx] ?? null);
      const list = m.get(k);
      if (list) list.push(row);
      else m.set(k, [row]);
    }
    return m;
  };
  const a = group(sealed, idIndex);
  const b = group(current, curIdIndex);
  const idOf = (row: CanonicalValue[], idx: number): string | null => (idx < 0 ? null : row[idx] === null ? null : String(row[idx]));
  for (const [k, rows] of a) {
    const others = b.get(k) ?? [];
    rows.forEach((row, n) => {
      const other = others[n];
      if (!other) {
        out.push({ goal: idOf(row, idIndex), column: "(goal)", sealed: row, current: null, kind: "removed" });
        return;
      }
      sealed.columns.forEach((col, c) => {
        const ci = current.columns.indexOf(col);
        const cur = ci < 0 ? null : (other[ci] ?? null);
        const old = row[c] ?? null;
        if (!sameValue(old, cur)) out.push({ goal: idOf(row, idIndex), column: col, sealed: old, current: cur, kind: "changed" });
      });
    });
  }
  for (const [k, rows] of b) {
    const before = a.get(k)?.length ?? 0;
    rows.slice(before).forEach((row) => out.push({ goal: idOf(row, curIdIndex), column: "(goal)", sealed: null, current: row, kind: "added" }));
  }
  if (sealed.checkins) {
    const cur = current.checkins ?? [];
    const count = new Map<string, number>();
    for (const r of cur) count.set(JSON.stringify(r), (count.get(JSON.stringify(r)) ?? 0) + 1);
    for (const r of sealed.checkins) {
      const k = JSON.stringify(r);
      const n = count.get(k) ?? 0;
      if (n > 0) count.set(k, n - 1);
      else out.push({ goal: r[0] === null ? null : String(r[0]), column: "CheckIns", sealed: r, current: null, kind: "removed" });
    }
    for (const r of cur) {
      const k = JSON.stringify(r);
      const n = count.get(k) ?? 0;
      if (n > 0) {
        count.set(k, n - 1);
        out.push({ goal: r[0] === null ? null : String(r[0]), column: "CheckIns", sealed: null, current: r, kind: "added" });
      }
    }
  }
  return out;
}

function sameValue(a: CanonicalValue, b: CanonicalValue): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

// ---- Audit log ----

export const ZERO_HASH = "0".repeat(64);

export const AUDIT_ACTIONS = ["convert", "state", "change", "rebaseline", "checkin", "seal", "unlock", "import"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  /** An AuditAction; read back from the sheet, whatever text the row holds. */
  action: string;
  goalId: string | null;
  field: string | null;
  old: CanonicalValue;
  new: CanonicalValue;
  reason: string | null;
  prevHash: string;
  hash: string;
}

/** The hashed array: [Seq, At, Actor, Action, Goal ID, Field, Old, New, Reason]. */
export function auditPayload(e: Omit<AuditEntry, "prevHash" | "hash">): string {
  return JSON.stringify([e.seq, e.at, e.actor, e.action, e.goalId, e.field, e.old, e.new, e.reason]);
}

export async function auditHash(prevHash: string, e: Omit<AuditEntry, "prevHash" | "hash">): Promise<string> {
  return sha256Hex(`${prevHash}\n${auditPayload(e)}`);
}

/** The next entry of the chain after `last` (or the first). */
export async function nextAuditEntry(last: AuditEntry | null, e: Omit<AuditEntry, "seq" | "prevHash" | "hash">): Promise<AuditEntry> {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : ZERO_HASH;
  const body = { ...e, seq };
  return { ...body, prevHash, hash: await auditHash(prevHash, body) };
}

/** An audit entry as the 11 cells of a GoalAudit row. */
export function auditRow(e: AuditEntry): (string | number | boolean | null)[] {
  return [e.seq, e.at, e.actor, e.action, e.goalId, e.field, e.old, e.new, e.reason, e.prevHash, e.hash];
}

function cellValue(v: unknown): CanonicalValue {
  const u = unwrap(v);
  if (u === null || u === undefined) return null;
  if (typeof u === "string") return u === "" ? null : u;
  if (typeof u === "number") return u + 0;
  if (typeof u === "boolean") return u;
  if (u instanceof Date) return Number.isFinite(u.getTime()) ? isoDay(Math.floor(u.getTime() / 86_400_000)) : null;
  return displayText(u);
}

/** A GoalAudit row's cells → an entry (cells as stored; a blank cell is null). */
export function auditEntryFromRow(row: readonly unknown[]): AuditEntry {
  const t = (v: unknown): string | null => {
    const c = cellValue(v);
    return c === null ? null : String(c);
  };
  // Seq is a number cell; anything else (TRUE, text) is not a Seq, so the chain breaks there.
  const seqCell = cellValue(row[0]);
  return {
    seq: typeof seqCell === "number" ? seqCell : NaN,
    at: t(row[1]) ?? "",
    actor: t(row[2]),
    action: t(row[3]) ?? "",
    goalId: t(row[4]),
    field: t(row[5]),
    old: cellValue(row[6]),
    new: cellValue(row[7]),
    reason: t(row[8]),
    prevHash: t(row[9]) ?? "",
    hash: t(row[10]) ?? "",
  };
}

export interface AuditVerdict {
  entries: number;
  intact: boolean;
  /** The Seq of the first entry that breaks the chain (its position's Seq when unreadable). */
  firstBadSeq: number | null;
  reason: string | null;
}

/**
 * Verifies the chain: Seq runs 1, 2, 3 …; each Prev Hash is the previous Hash (64 zeros
 * first); each Hash recomputes. `head`/`count`, when recorded on the metadata sheet,
 * also catch the last entries being deleted.
 */
export async function verifyAudit(
  entries: readonly AuditEntry[],
  recorded?: { head?: string | null; hash?: string | null; count: number | null },
): Promise<AuditVerdict> {
  const head = recorded ? { hash: recorded.head ?? recorded.hash ?? null, count: recorded.count } : undefined;
  let prev = ZERO_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const expectedSeq = i + 1;
    // The first bad Seq is the position where the chain breaks: entries before it are intact.
    const bad = (reason: string): AuditVerdict => ({ entries: entries.length, intact: false, firstBadSeq: expectedSeq, reason });
    if (e.seq !== expectedSeq)
      return bad(`entry ${expectedSeq} has Seq ${Number.isFinite(e.seq) ? e.seq : "(unreadable)"}: an entry was deleted, added or moved`);
    if (e.prevHash !== prev) return bad(`entry ${expectedSeq}'s Prev Hash does not match the entry before it`);
    const h = await auditHash(prev, e);
    if (h !== e.hash) return bad(`entry ${expectedSeq} was edited: its Hash does not match its contents`);
    prev = e.hash;
  }
  if (head && head.count !== null && head.count !== entries.length) {
    const seq = Math.min(head.count, entries.length) + 1;
    return { entries: entries.length, intact: false, firstBadSeq: seq, reason: `the log should have ${head.count} entries but has ${entries.length}` };
  }
  if (head && head.hash !== null && entries.length > 0 && head.hash !== prev) {
    return { entries: entries.length, intact: false, firstBadSeq: entries.length, reason: "the last entry is not the one recorded on the metadata sheet" };
  }
  return { entries: entries.length, intact: true, firstBadSeq: null, reason: null };
}

export { CHECKIN_COLUMNS };

/** GoalAudit rows → entries, skipping blank rows (an empty table keeps one blank row). */
export function auditEntriesFromRows(rows: readonly (readonly unknown[])[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const r of rows) {
    if (r.every((v) => cellValue(v) === null)) continue;
    out.push(auditEntryFromRow(r));
  }
  return out;
}
