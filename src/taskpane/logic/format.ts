/** Numbers, statuses and colours as the views show them. Pure. */
import type { Status } from "../../core/columns";

export function percent(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return `${(n * 100).toFixed(digits)}%`;
}

export type BadgeColor = "brand" | "danger" | "important" | "informative" | "severe" | "subtle" | "success" | "warning";

/** A status's badge: label and colour (Office's traffic-light colours). */
export function statusAppearance(status: Status | null, blocked: boolean): { label: string; color: BadgeColor } {
  if (blocked) return { label: "Blocked", color: "danger" };
  switch (status) {
    case "Achieved":
      return { label: status, color: "brand" };
    case "On track":
      return { label: status, color: "success" };
    case "At risk":
      return { label: status, color: "warning" };
    case "Off track":
      return { label: status, color: "severe" };
    case "Missed":
      return { label: status, color: "danger" };
    case "Stale":
      return { label: status, color: "subtle" };
    case "Not started":
    case "No data":
      return { label: status, color: "informative" };
    default:
      return { label: "No status", color: "informative" };
  }
}

/** "On track 3, At risk 1" in a fixed order. */
export function statusCountsText(counts: Partial<Record<Status, number>>): string {
  const order: Status[] = ["Achieved", "On track", "At risk", "Off track", "Missed", "Stale", "Not started", "No data"];
  const parts = order.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${s} ${counts[s]}`);
  return parts.length > 0 ? parts.join(", ") : "no status yet";
}

/**
 * A cell address as a person reads it on a button: `'Goals 2026'!$L$7` → `Goals 2026!L7`
 * (no `$`, no quotes around the sheet name). The button still selects the exact address.
 */
export function cellLabel(address: string): string {
  const bang = address.lastIndexOf("!");
  const ref = (bang < 0 ? address : address.slice(bang + 1)).replace(/\$/g, "");
  if (bang < 0) return ref;
  let sheet = address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return `${sheet}!${ref}`;
}
