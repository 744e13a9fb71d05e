/**
 * Reading a workbook for review operations, its seal and verifying it (review.md
 * "Seal", "Audit log"); the same result as `goal-scorecards verify --json`.
 */
import { CycleState, Meta } from "../core/meta";
import { sealDocument, serializeSeal, sha256Hex } from "../core/seal";
import { VerifyDifference, VerifyResult, verifyWorkbook } from "../core/verify";
import { ensureMetaSheet } from "./meta";
import { AuditState, auditState } from "./review-log";
import { ProtectionStatus, protectedSheets, readProtection } from "./review-protection";
import { LoadedWorkbook, engineInput, loadWorkbook } from "./workbook";
import { checkInRecords, goalRecords } from "../core/tables";

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
  const status = await readProtection(context, protectedSheets(wb));
  return { wb, status, audit: auditState(wb) };
}

export function cloneMeta(m: Meta): Meta {
  return {
    ...m,
    cycle: { ...m.cycle },
    seal: { ...m.seal },
    audit: { ...m.audit },
    settings: { ...m.settings },
    other: m.other.map(([k, v]) => [k, v]),
    problems: [...m.problems],
  };
}

/** The canonical seal document of the goal rows the engine reads, and its SHA-256. */
export async function sealOf(wb: LoadedWorkbook, state: CycleState): Promise<{ doc: string; hash: string }> {
  const input = engineInput(wb);
  const doc = serializeSeal(sealDocument(wb.meta.cycle.name, state, goalRecords(input), checkInRecords(input), wb.dateSystem));
  return { doc, hash: await sha256Hex(doc) };
}

// ---- verifying ------------------------------------------------------------------

/** The shape of `goal-scorecards verify --json` (cli.md), plus why the audit chain broke: the core's result. */
export type SealDifferenceReport = VerifyDifference;
export type VerifyReport = VerifyResult;

/** Recomputes the seal from the current cells and checks the audit chain (what the task pane shows on open). */
export async function verifySeal(context: Excel.RequestContext): Promise<VerifyReport> {
  return verifyLoaded(await loadWorkbook(context));
}

export async function verifyLoaded(wb: LoadedWorkbook): Promise<VerifyReport> {
  const input = engineInput(wb);
  return verifyWorkbook({
    meta: wb.meta,
    goals: goalRecords(input),
    checkIns: checkInRecords(input),
    auditRows: wb.auditTable?.rows ?? [],
    dateSystem: wb.dateSystem,
  });
}
