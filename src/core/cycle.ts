/**
 * The review cycle's state machine (review.md): Draft → Active → Data locked →
 * In review → Closed, one step forward at a time; reopening goes one step back
 * and needs a reason. Change requests change locked fields with a reason.
 */
import { ColumnKey, INPUT_COLUMNS, headerOf } from "./columns";
import { CYCLE_STATES, CycleState } from "./meta";
import { EDITABLE_COLUMNS } from "./seal";

export const MIN_REASON = 10;

export type CycleRefusal = "skip" | "reason" | "same" | "unknown";

export type TransitionCheck =
  { ok: true; from: CycleState; to: CycleState; direction: "advance" | "reopen"; reason: string | null } | { ok: false; code: CycleRefusal; message: string };

export function stateIndex(s: CycleState): number {
  return CYCLE_STATES.indexOf(s);
}

export function nextState(s: CycleState): CycleState | null {
  return CYCLE_STATES[stateIndex(s) + 1] ?? null;
}

export function previousState(s: CycleState): CycleState | null {
  const i = stateIndex(s);
  return i > 0 ? CYCLE_STATES[i - 1] : null;
}

/** Whether moving from `from` to `to` is allowed, and why not. */
export function checkTransition(from: CycleState, to: CycleState, reason?: string | null): TransitionCheck {
  const a = stateIndex(from);
  const b = stateIndex(to);
  if (a < 0 || b < 0) return { ok: false, code: "unknown", message: `'${String(to)}' is not a review state; use ${CYCLE_STATES.join(", ")}` };
  if (a === b) return { ok: false, code: "same", message: `The cycle is already ${from}.` };
  if (b === a + 1) return { ok: true, from, to, direction: "advance", reason: reason?.trim() || null };
  if (b === a - 1) {
    const r = (reason ?? "").trim();
    if (r.length < MIN_REASON)
      return {
        ok: false,
        code: "reason",
        message: `Reopening ${from} back to ${to} needs a reason of at least ${MIN_REASON} characters; it goes into the audit log.`,
      };
    return { ok: true, from, to, direction: "reopen", reason: r };
  }
  return {
    ok: false,
    code: "skip",
    message:
      b > a
        ? `The cycle moves one step at a time: from ${from} the next step is ${nextState(from)}, not ${to}.`
        : `Reopening goes one step back at a time: from ${from} that is ${previousState(from)}, not ${to}.`,
  };
}

/** Whether an input column's data cells can be edited directly in a state. */
export function isEditable(state: CycleState, key: ColumnKey): boolean {
  return EDITABLE_COLUMNS[state].includes(key);
}

export type ChangeCheck = { ok: true; field: ColumnKey; action: "change" | "rebaseline" } | { ok: false; message: string };

/** A change request: in Active and later, a locked field, and a reason of at least 10 characters. */
export function checkChangeRequest(state: CycleState, field: string, reason: string | null | undefined): ChangeCheck {
  const col = INPUT_COLUMNS.find((c) => c.key === field || c.header.toLowerCase() === field.trim().toLowerCase());
  if (!col) return { ok: false, message: `'${field}' is not a goal column; choose one of ${INPUT_COLUMNS.map((c) => c.header).join(", ")}` };
  if (state === "Draft") return { ok: false, message: "In Draft every cell can be edited directly; no change request is needed." };
  if (isEditable(state, col.key)) return { ok: false, message: `${col.header} can be edited directly while the cycle is ${state}.` };
  if (col.key === "id") return { ok: false, message: "A goal's ID cannot be changed by a change request; it is what the seal and the audit log refer to." };
  if ((reason ?? "").trim().length < MIN_REASON)
    return { ok: false, message: `Give a reason of at least ${MIN_REASON} characters for changing ${headerOf(col.key)}; it goes into the audit log.` };
  return { ok: true, field: col.key, action: col.key === "baseline" ? "rebaseline" : "change" };
}
