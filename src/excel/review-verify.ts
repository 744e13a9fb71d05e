/**
 * Reading a workbook for review operations, its seal and verifying it (review.md
 * "Seal", "Audit log"); the same result as `goal-scorecards verify --json`.
 */
import { CanonicalValue } from "../core/cells";
import { CycleState, Meta } from "../core/meta";
import { auditEntriesFromRows, diffSeal, parseSealDocument, sealDocument, serializeSeal, sha256Hex, verifyAudit } from "../core/seal";
import { ensureMetaSheet } from "./meta";
import { AuditState, auditState } from "./review-log";
import { ProtectionStatus, protectedSheets, readProtection } from "./review-protection";
import { LoadedWorkbook, engineInput, loadWorkbook } from "./workbook";

/** UTC ISO 8601 without milliseconds, as the command line writes it. */
export function isoNow(now?: Date): string {
  return (now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface ReviewContext {
  wb: LoadedWorkbook;
  status: ProtectionStatus;
  audit: AuditState;
}

/** Loads the workbook (creating the metadata sheet when `create`), its protection and the audit log's state. */
export async function loadReview(context: Excel.RequestContext, password?: string, create = true): Promise<ReviewContext> {
  let wb = await loadWorkbook(context);
  if (create && (!wb.metaTable || !wb.auditTable)) {
    await ensureMetaSheet(context);
    wb = await loadWorkbook(context);
  }
  const status = await readProtection(context, protectedSheets(wb), password);
  return { wb, status, audit: auditState(wb) };
}

export function cloneMeta(m: Meta): Meta {
  return { ...m, cycle: { ...m.cycle }, seal: { ...m.seal }, audit: { ...m.audit }, settings: { ...m.settings }, other: m.other.map(([k, v]) => [k, v]), problems: [...m.problems] };
}

/** The canonical seal document of the goal rows the engine reads, and its SHA-256. */
export async function sealOf(wb: LoadedWorkbook, state: CycleState): Promise<{ doc: string; hash: string }> {
  const input = engineInput(wb);
  const doc = serializeSeal(sealDocument(wb.meta.cycle.name, state, input.goals, input.checkIns ?? [], wb.dateSystem));
  return { doc, hash: await sha256Hex(doc) };
}

// ---- verifying ------------------------------------------------------------------

export interface SealDifferenceReport {
  goal: string | null;
  column: string;
  sealed: CanonicalValue | CanonicalValue[];
  current: CanonicalValue | CanonicalValue[];
}

/** The shape of `goal-scorecards verify --json` (cli.md), plus why the audit chain broke. */
export interface VerifyReport {
  sealed: boolean;
  state: CycleState;
  cycle: string | null;
  sealedAt: string | null;
  /** null when the workbook is not sealed. */
  intact: boolean | null;
  differences: SealDifferenceReport[];
  audit: { entries: number; intact: boolean; firstBadSeq: number | null };
  auditReason: string | null;
}

/** Recomputes the seal from the current cells and checks the audit chain (what the task pane shows on open). */
export async function verifySeal(context: Excel.RequestContext): Promise<VerifyReport> {
  return verifyLoaded(await loadWorkbook(context));
}

export async function verifyLoaded(wb: LoadedWorkbook): Promise<VerifyReport> {
  const meta = wb.meta;
  const entries = auditEntriesFromRows(wb.auditTable?.rows ?? []);
  const verdict = await verifyAudit(entries, meta.audit);
  const audit = { entries: verdict.entries, intact: verdict.intact, firstBadSeq: verdict.firstBadSeq };
  if (meta.seal.hash === null)
    return { sealed: false, state: meta.cycle.state, cycle: meta.cycle.name, sealedAt: meta.seal.at, intact: null, differences: [], audit, auditReason: verdict.reason };
  const stored = parseSealDocument(meta.seal.doc);
  const state = meta.seal.state ?? stored?.state ?? meta.cycle.state;
  const input = engineInput(wb);
  const current = sealDocument(meta.cycle.name, state, input.goals, input.checkIns ?? [], wb.dateSystem);
  const hash = await sha256Hex(serializeSeal(current));
  const intact = hash === meta.seal.hash.toLowerCase();
  const differences: SealDifferenceReport[] = [];
  if (!intact) {
    if (stored === null) differences.push({ goal: null, column: "(seal document)", sealed: meta.seal.doc === null ? null : "unreadable", current: null });
    else {
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

