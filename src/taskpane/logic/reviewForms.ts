/**
 * The Review view's cards without React: which goal and field a form shows, the
 * forms' checks before anything is sent, the confirmation dialog's rules, and what
 * each operation says when it is done. Pure.
 */
import { headerText } from "../../core/headers";
import type { ColumnKey } from "../../core/columns";
import type { DateSystem } from "../../core/dates";
import type { ChangeRequestResult, CheckInResult, RestoreResult, StateChangeResult } from "../../excel/review";
import { FieldError, FormField, checkChangeValue, checkCheckInForm, columnValueText, localDay, messageFor, valueText } from "./review";
import { MIN_REASON, Move, checkMove } from "./stepper";
import { WorkbookInput, goalRecords } from "../../core/tables";

/** Fluent Field props showing a form error beside its field. */
export function fieldMessage(errors: readonly FieldError[], field: FormField): { validationMessage?: string; validationState: "error" | "none" } {
  const m = messageFor(errors, field);
  return m ? { validationMessage: m, validationState: "error" } : { validationState: "none" };
}

/** The goal a picker shows: the one chosen while it is still offered, else the first (or "" when there is none). */
export function pickGoal(goalIds: readonly string[], chosen: string): string {
  return goalIds.includes(chosen) ? chosen : (goalIds[0] ?? "");
}

/** The field the change request shows: the one chosen while it is still changeable, else the first (or null). */
export function pickField<F extends { key: string }>(fields: readonly F[], chosen: string): F | null {
  return fields.find((f) => f.key === chosen) ?? fields[0] ?? null;
}

/** A goal's current value of a column, as the "Now: …" hint shows it; null when the goal is not found. */
export function currentValueText(input: WorkbookInput, goalId: string, key: ColumnKey, system: DateSystem): string | null {
  if (goalId === "") return null;
  const g = goalRecords(input).find((x) => headerText(x.values.id).toUpperCase() === goalId.toUpperCase());
  return g ? columnValueText(key, g.values[key], system) : null;
}

/** The error beside the audit-log name field when no name was given. */
function actorError(what: string): FieldError {
  return { field: "actor", message: `Enter your name; it goes into the audit log with the ${what}.` };
}

/** The change request form checked before anything is sent; `actor` is the name for the audit log ("" when none). */
export function checkChangeRequestForm(input: { key: ColumnKey; value: string; reason: string; actor: string }, system: DateSystem): FieldError[] {
  const errors: FieldError[] = [];
  const bad = checkChangeValue(input.key, input.value, system);
  if (bad) errors.push(bad);
  if (input.reason.trim().length < MIN_REASON)
    errors.push({ field: "reason", message: `Give a reason of at least ${MIN_REASON} characters; it goes into the audit log.` });
  if (input.actor === "") errors.push(actorError("change"));
  return errors;
}

/** The check-in form checked before anything is sent; `actor` is the name for the audit log ("" when none). */
export function checkCheckInRequest(input: { date: string; value: string; confidence: string; actor: string }, system: DateSystem): FieldError[] {
  const errors = checkCheckInForm({ date: input.date, value: input.value, confidence: input.confidence }, system);
  if (input.actor === "") errors.push(actorError("check-in"));
  return errors;
}

/** What a change request did, in a sentence. */
export function changeRequestDone(res: Pick<ChangeRequestResult, "changed" | "goalId" | "field" | "old" | "new" | "cell" | "seal">): string {
  return res.changed
    ? `${res.goalId} ${res.field} changed from ${valueText(res.old)} to ${valueText(res.new)} (cell ${res.cell}). The change is in the audit log${res.seal ? " and the goals are sealed again" : ""}.`
    : `${res.goalId} ${res.field} already holds that value; nothing was changed.`;
}

/** What adding a check-in did, in a sentence. */
export function checkInDone(res: Pick<CheckInResult, "added" | "goalId" | "date" | "cell">): string {
  return res.added
    ? `Check-in for ${res.goalId} on ${localDay(res.date)} added (cell ${res.cell}).`
    : `That check-in for ${res.goalId} is already there; it was not added twice.`;
}

/** What restoring the live formulas did, in a sentence. */
export function restoreDone(r: RestoreResult): string {
  return r.restored > 0 ? `Restored ${r.restored} live formula${r.restored === 1 ? "" : "s"}: they recalculate again.` : "There were no formulas to restore.";
}

// ---- the cycle's move and its confirmation dialog -----------------------------------------

/** The busy label and the "doing" phrase of a move. */
export function moveProgress(direction: Move["direction"]): { label: string; doing: string } {
  return direction === "advance"
    ? { label: "Advancing the cycle…", doing: "Advancing the cycle" }
    : { label: "Reopening the cycle…", doing: "Reopening the cycle" };
}

/** What a move did, in a sentence. */
export function moveDone(res: Pick<StateChangeResult, "to" | "seal">): string {
  return `The cycle is now ${res.to}.${res.seal ? " The goals are sealed: any later edit shows under Seal." : ""}`;
}

/**
 * What the move sends: the reason (null when blank) and the new password, only when
 * leaving Draft with one typed (a locked cycle's password is asked for when Excel needs it).
 */
export function moveRequest(move: Move, reason: string, newPassword: string): { reason: string | null; password: string | undefined } {
  return {
    reason: reason.trim() === "" ? null : reason,
    password: move.from === "Draft" && newPassword !== "" ? newPassword : undefined,
  };
}

/** The confirmation dialog's state: the message beside the reason, and whether the move can be confirmed. */
export function moveDialog(move: Move | null, reason: string, actor: string, actorName: string): { reasonMessage: string | undefined; canConfirm: boolean } {
  const check = move ? checkMove(move, reason) : null;
  return {
    reasonMessage: move?.needsReason && reason !== "" && check && !check.ok ? check.message : undefined,
    canConfirm: check?.ok === true && !(actor === "" && actorName.trim() === ""),
  };
}
