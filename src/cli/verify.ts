/**
 * `verify`: recompute the seal document from the file's current cells, compare its
 * SHA-256 with the stored seal, list the differences, and check the audit chain
 * (review.md "Seal", "Audit log"). Everything is computed by src/core/seal.ts.
 */
import { CanonicalValue } from "../core/cells";
import { VerifyDifference, VerifyResult, verifyWorkbook as verifyCore } from "../core/verify";
import { SourceWorkbook } from "./read";
import { Style, table, truncate } from "./render";
import { checkInRecords, goalRecords } from "../core/tables";

export type Difference = VerifyDifference;
export type { VerifyResult };

/** The file's cells through the core's verification (the task pane uses the same). */
export async function verifyWorkbook(wb: SourceWorkbook): Promise<VerifyResult> {
  return verifyCore({ meta: wb.meta, goals: goalRecords(wb.input), checkIns: checkInRecords(wb.input), auditRows: wb.auditRows, dateSystem: wb.dateSystem });
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
    lines.push(
      style.red(`Not sealed: there is no seal to verify${r.state === "Draft" ? " (the cycle is in Draft; a seal is made when it becomes Active)" : ""}.`),
    );
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
