/**
 * `verify`: recompute the seal document from the file's current cells, compare its
 * SHA-256 with the stored seal, list the differences, and check the audit chain
 * (review.md "Seal", "Audit log"). Everything is computed by src/core/seal.ts.
 */
import { CanonicalValue } from "../core/cells";
import { AuditVerdict, auditEntryFromRow, diffSeal, parseSealDocument, sealDocument, serializeSeal, sha256Hex, verifyAudit } from "../core/seal";
import { SourceWorkbook } from "./read";
import { Style, table, truncate } from "./render";

export interface Difference {
  goal: string | null;
  column: string;
  sealed: CanonicalValue | CanonicalValue[];
  current: CanonicalValue | CanonicalValue[];
}

export interface VerifyResult {
  sealed: boolean;
  state: string;
  cycle: string | null;
  sealedAt: string | null;
  /** null when the workbook is not sealed. */
  intact: boolean | null;
  differences: Difference[];
  audit: { entries: number; intact: boolean; firstBadSeq: number | null };
  /** Why the audit chain is broken; not part of the JSON. */
  auditReason: string | null;
}

export async function verifyWorkbook(wb: SourceWorkbook): Promise<VerifyResult> {
  const meta = wb.meta;
  const entries = wb.auditRows.map((r) => auditEntryFromRow(r));
  const verdict: AuditVerdict = await verifyAudit(entries, { hash: meta.audit.head, count: meta.audit.count });
  const audit = { entries: verdict.entries, intact: verdict.intact, firstBadSeq: verdict.firstBadSeq };
  const stored = parseSealDocument(meta.seal.doc);
  if (meta.seal.hash === null) {
    return { sealed: false, state: meta.cycle.state, cycle: meta.cycle.name, sealedAt: meta.seal.at, intact: null, differences: [], audit, auditReason: verdict.reason };
  }
  // The state that was sealed; the stored document or the cycle's state when seal.state is blank.
  const state = meta.seal.state ?? stored?.state ?? meta.cycle.state;
  const current = sealDocument(meta.cycle.name, state, wb.input.goals, wb.input.checkIns ?? [], wb.dateSystem);
  const hash = await sha256Hex(serializeSeal(current));
  const intact = hash === meta.seal.hash.toLowerCase();
  const differences: Difference[] = [];
  if (!intact) {
    if (stored === null) {
      differences.push({ goal: null, column: "(seal document)", sealed: meta.seal.doc === null ? null : "unreadable", current: null });
    } else {
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

export function verifyJson(r: VerifyResult) {
  return { sealed: r.sealed, state: r.state, cycle: r.cycle, sealedAt: r.sealedAt, intact: r.intact, differences: r.differences, audit: r.audit };
}

export function verifyOk(r: VerifyResult): boolean {
  return r.sealed && r.intact === true && r.audit.intact;
}

function show(v: CanonicalValue | CanonicalValue[]): string {
  if (v === null) return "(blank)";
  if (Array.isArray(v)) return truncate(JSON.stringify(v), 60);
  return truncate(typeof v === "string" ? v : JSON.stringify(v), 40);
}

export function verifyText(wb: SourceWorkbook, r: VerifyResult, style: Style): string[] {
  const lines: string[] = [];
  const cycle = r.cycle ?? "(unnamed)";
  if (!r.sealed) {
    lines.push(`${style.bold(wb.file)}: cycle ${cycle} (${r.state})`);
    lines.push(style.red(`Not sealed: there is no seal to verify${r.state === "Draft" ? " (the cycle is in Draft; a seal is made when it becomes Active)" : ""}.`));
  } else {
    lines.push(`${style.bold(wb.file)}: cycle ${cycle}, sealed in state ${r.state}${r.sealedAt ? ` at ${r.sealedAt}` : ""}`);
    if (r.intact) lines.push(style.green("Seal: intact — the sealed cells are as they were sealed."));
    else {
      lines.push(style.red(`Seal: BROKEN — ${r.differences.length} ${r.differences.length === 1 ? "difference" : "differences"} from the sealed document`));
      if (r.differences.length > 0)
        lines.push(
          ...table(
            [{ header: "Goal" }, { header: "Column" }, { header: "Sealed" }, { header: "Current" }],
            r.differences.map((d) => [d.goal ?? "", d.column, show(d.sealed), show(d.current)]),
            style,
          ),
        );
    }
  }
  const a = r.audit;
  if (a.intact) lines.push(style.green(`Audit log: ${a.entries} ${a.entries === 1 ? "entry" : "entries"}, chain intact.`));
  else lines.push(style.red(`Audit log: ${a.entries} entries, chain BROKEN at Seq ${a.firstBadSeq}${r.auditReason ? `: ${r.auditReason}` : ""}.`));
  return lines;
}
