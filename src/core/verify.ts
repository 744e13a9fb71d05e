/**
 * Verifying a workbook (review.md "Seal", cli.md `verify`): recompute the seal
 * document from the current cells, compare its SHA-256 with the stored seal, list
 * the differences, and check the audit chain. The task pane and the command line
 * both call this, so they agree on every workbook.
 */
import { CanonicalValue, formulaOf } from "./cells";
import { INPUT_COLUMNS } from "./columns";
import { DateSystem } from "./dates";
import { CycleState, Meta } from "./meta";
import { CheckInRecord, GoalRecord } from "./tables";
import {
  SealDocument,
  auditEntriesFromRows,
  canonicalValue,
  checkInsEditable,
  diffSeal,
  parseSealDocument,
  sealDocument,
  sealedColumns,
  serializeSeal,
  sha256Hex,
  verifyAudit,
} from "./seal";

export interface VerifyDifference {
  goal: string | null;
  column: string;
  sealed: CanonicalValue | CanonicalValue[];
  current: CanonicalValue | CanonicalValue[];
}

export interface VerifyResult {
  sealed: boolean;
  state: CycleState;
  cycle: string | null;
  sealedAt: string | null;
  /** null when the workbook is not sealed. */
  intact: boolean | null;
  differences: VerifyDifference[];
  audit: { entries: number; intact: boolean; firstBadSeq: number | null };
  /** Why the audit chain is broken, in words (not part of the CLI's JSON). */
  auditReason: string | null;
}

export interface VerifyInput {
  meta: Meta;
  goals: readonly GoalRecord[];
  checkIns: readonly CheckInRecord[];
  /** The GoalAudit table's rows as cells (blank rows are skipped). */
  auditRows: readonly (readonly unknown[])[];
  dateSystem: DateSystem;
}

const HEADER = new Map<string, string>(INPUT_COLUMNS.map((c) => [c.key, c.header]));
const CHECKIN_FIELDS = ["goalId", "date", "value", "confidence", "comment"] as const;

function idKey(v: CanonicalValue): string {
  return v === null ? "" : String(v).toUpperCase();
}

/**
 * Sealed cells that hold a formula: the seal reads a formula cell's cached result, but
 * Excel shows (and the task pane reads) what the formula gives once it recalculates,
 * so a formula typed over a sealed value is a change even when its cached result still
 * matches. Each one is a difference: the sealed value, and the formula as current.
 */
function formulaDifferences(input: VerifyInput, state: VerifyResult["state"], stored: SealDocument | null): VerifyDifference[] {
  const out: VerifyDifference[] = [];
  const keys = sealedColumns(state);
  // The stored document's rows by ID (the n-th occurrence with the n-th), for the sealed value.
  const storedId = stored ? stored.columns.indexOf("ID") : -1;
  const byId = new Map<string, CanonicalValue[][]>();
  if (stored && storedId >= 0)
    for (const row of stored.goals) {
      const k = idKey(row[storedId] ?? null);
      const list = byId.get(k);
      if (list) list.push(row);
      else byId.set(k, [row]);
    }
  const seen = new Map<string, number>();
  for (const g of input.goals) {
    const id = canonicalValue("id", g.values.id, input.dateSystem);
    const k = idKey(id);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    for (const key of keys) {
      const raw = g.values[key];
      const formula = formulaOf(raw);
      if (formula === null) continue;
      const header = HEADER.get(key) ?? key;
      const storedRow = byId.get(k)?.[n];
      const at = stored ? stored.columns.indexOf(header) : -1;
      const sealed = storedRow && at >= 0 ? (storedRow[at] ?? null) : canonicalValue(key, raw, input.dateSystem);
      out.push({ goal: id === null ? null : String(id), column: header, sealed, current: formula });
    }
  }
  if (!checkInsEditable(state))
    for (const c of input.checkIns)
      for (const f of CHECKIN_FIELDS) {
        const formula = formulaOf(c.values[f]);
        if (formula === null) continue;
        const goal = canonicalValue("id", c.values.goalId, input.dateSystem);
        out.push({
          goal: goal === null ? null : String(goal),
          column: "CheckIns",
          sealed: canonicalValue("comment", c.values[f], input.dateSystem),
          current: formula,
        });
      }
  return out;
}

export async function verifyWorkbook(input: VerifyInput): Promise<VerifyResult> {
  const { meta } = input;
  const verdict = await verifyAudit(auditEntriesFromRows(input.auditRows), meta.audit);
  const audit = { entries: verdict.entries, intact: verdict.intact, firstBadSeq: verdict.firstBadSeq };
  if (meta.seal.hash === null)
    return {
      sealed: false,
      state: meta.cycle.state,
      cycle: meta.cycle.name,
      sealedAt: meta.seal.at,
      intact: null,
      differences: [],
      audit,
      auditReason: verdict.reason,
    };
  const stored = parseSealDocument(meta.seal.doc);
  // The state that was sealed: seal.state, else the stored document's, else the cycle's.
  const state = meta.seal.state ?? stored?.state ?? meta.cycle.state;
  const current = sealDocument(meta.cycle.name, state, input.goals, input.checkIns, input.dateSystem);
  const hash = await sha256Hex(serializeSeal(current));
  const hashMatches = hash === meta.seal.hash.toLowerCase();
  const formulas = formulaDifferences(input, state, stored);
  const intact = hashMatches && formulas.length === 0;
  const differences: VerifyDifference[] = [];
  if (!hashMatches) {
    if (stored === null) differences.push({ goal: null, column: "(seal document)", sealed: meta.seal.doc === null ? null : "unreadable", current: null });
    else {
      // The stored document must be the one that was sealed, or its differences mean little.
      if (meta.seal.doc !== null) {
        const storedHash = await sha256Hex(meta.seal.doc);
        if (storedHash !== meta.seal.hash.toLowerCase())
          differences.push({ goal: null, column: "(seal document)", sealed: meta.seal.hash, current: storedHash });
      }
      if ((stored.cycle ?? null) !== (current.cycle ?? null))
        differences.push({ goal: null, column: "(cycle)", sealed: stored.cycle ?? null, current: current.cycle ?? null });
      if (stored.state !== current.state) differences.push({ goal: null, column: "(state)", sealed: stored.state, current: current.state });
      for (const d of diffSeal(stored, current)) differences.push({ goal: d.goal, column: d.column, sealed: d.sealed, current: d.current });
    }
  }
  // A cell both changed and made a formula is listed once, as the formula.
  for (const f of formulas) {
    const i = differences.findIndex((d) => d.goal === f.goal && d.column === f.column && f.column !== "CheckIns");
    if (i >= 0) differences.splice(i, 1);
    differences.push(f);
  }
  return { sealed: true, state, cycle: meta.cycle.name, sealedAt: meta.seal.at, intact, differences, audit, auditReason: verdict.reason };
}
