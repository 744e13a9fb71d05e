/**
 * Verifying a workbook (review.md "Seal", cli.md `verify`): recompute the seal
 * document from the current cells, compare its SHA-256 with the stored seal, list
 * the differences, and check the audit chain. The task pane and the command line
 * both call this, so they agree on every workbook.
 */
import { CanonicalValue } from "./cells";
import { DateSystem } from "./dates";
import { CycleState, Meta } from "./meta";
import { CheckInRowInput, GoalRowInput } from "./model";
import { auditEntriesFromRows, diffSeal, parseSealDocument, sealDocument, serializeSeal, sha256Hex, verifyAudit } from "./seal";

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
  goals: readonly GoalRowInput[];
  checkIns: readonly CheckInRowInput[];
  /** The GoalAudit table's rows as cells (blank rows are skipped). */
  auditRows: readonly (readonly unknown[])[];
  dateSystem: DateSystem;
}

export async function verifyWorkbook(input: VerifyInput): Promise<VerifyResult> {
  const { meta } = input;
  const verdict = await verifyAudit(auditEntriesFromRows(input.auditRows), meta.audit);
  const audit = { entries: verdict.entries, intact: verdict.intact, firstBadSeq: verdict.firstBadSeq };
  if (meta.seal.hash === null)
    return { sealed: false, state: meta.cycle.state, cycle: meta.cycle.name, sealedAt: meta.seal.at, intact: null, differences: [], audit, auditReason: verdict.reason };
  const stored = parseSealDocument(meta.seal.doc);
  // The state that was sealed: seal.state, else the stored document's, else the cycle's.
  const state = meta.seal.state ?? stored?.state ?? meta.cycle.state;
  const current = sealDocument(meta.cycle.name, state, input.goals, input.checkIns, input.dateSystem);
  const hash = await sha256Hex(serializeSeal(current));
  const intact = hash === meta.seal.hash.toLowerCase();
  const differences: VerifyDifference[] = [];
  if (!intact) {
    if (stored === null) differences.push({ goal: null, column: "(seal document)", sealed: meta.seal.doc === null ? null : "unreadable", current: null });
    else {
      // The stored document must be the one that was sealed, or its differences mean little.
      if (meta.seal.doc !== null) {
        const storedHash = await sha256Hex(meta.seal.doc);
        if (storedHash !== meta.seal.hash.toLowerCase()) differences.push({ goal: null, column: "(seal document)", sealed: meta.seal.hash, current: storedHash });
      }
      if ((stored.cycle ?? null) !== (current.cycle ?? null)) differences.push({ goal: null, column: "(cycle)", sealed: stored.cycle ?? null, current: current.cycle ?? null });
      if (stored.state !== current.state) differences.push({ goal: null, column: "(state)", sealed: stored.state, current: current.state });
      for (const d of diffSeal(stored, current)) differences.push({ goal: d.goal, column: d.column, sealed: d.sealed, current: d.current });
    }
  }
  return { sealed: true, state, cycle: meta.cycle.name, sealedAt: meta.seal.at, intact, differences, audit, auditReason: verdict.reason };
}
