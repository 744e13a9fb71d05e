/**
 * Shared helpers for the seal, audit and metadata tests: an independent SHA-256
 * (Node's crypto, not the Web Crypto code under test) and small builders.
 */
import { createHash } from "crypto";
import { CanonicalValue } from "../../../src/core/cells";
import { AuditEntry, nextAuditEntry } from "../../../src/core/seal";

/** Lowercase hex SHA-256 of a string's UTF-8 bytes, computed with Node's crypto. */
export function nodeSha256(text: string): string {
  return createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");
}

/** The audit hash of review.md, computed by hand: SHA-256(Prev Hash + "\n" + JSON.stringify([...9 fields])). */
export function handAuditHash(
  prevHash: string,
  e: {
    seq: number;
    at: string;
    actor: string | null;
    action: string;
    goalId: string | null;
    field: string | null;
    old: CanonicalValue;
    new: CanonicalValue;
    reason: string | null;
  },
): string {
  return nodeSha256(prevHash + "\n" + JSON.stringify([e.seq, e.at, e.actor, e.action, e.goalId, e.field, e.old, e.new, e.reason]));
}

export type AuditBody = Omit<AuditEntry, "seq" | "prevHash" | "hash">;

/** Builds a chained log from entry bodies with nextAuditEntry. */
export async function buildLog(bodies: readonly AuditBody[]): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (const b of bodies) out.push(await nextAuditEntry(out.length > 0 ? out[out.length - 1] : null, b));
  return out;
}

/** A plausible entry body number `n`. */
export function body(n: number, over: Partial<AuditBody> = {}): AuditBody {
  return {
    at: `2026-01-${String((n % 28) + 1).padStart(2, "0")}T09:00:00.000Z`,
    actor: n % 3 === 0 ? null : `Analyst ${n}`,
    action: (["convert", "state", "change", "rebaseline", "checkin", "seal", "unlock", "import"] as const)[n % 8],
    goalId: n % 2 === 0 ? `G-${n}` : null,
    field: n % 2 === 0 ? "Target" : null,
    old: n % 4 === 0 ? 100 + n : n % 4 === 1 ? null : n % 4 === 2 ? `old ${n}` : false,
    new: n % 4 === 0 ? 120 + n : n % 4 === 1 ? "2026-06-30" : n % 4 === 2 ? `new ${n}` : true,
    reason: n % 5 === 0 ? null : `reason number ${n} for the change`,
    ...over,
  };
}
