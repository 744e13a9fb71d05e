/**
 * The Review view's stepper and the moves it offers: one step forward, or one
 * step back with a reason (review.md). The rules are the engine's (checkTransition).
 */
import { MIN_REASON, TransitionCheck, checkTransition, nextState, previousState } from "../../core/cycle";
import { CYCLE_STATES, CycleState } from "../../core/meta";
import { EDITABLE_COLUMNS, checkInsEditable } from "../../core/seal";
import { INPUT_COLUMNS } from "../../core/columns";

export type StepStatus = "done" | "current" | "upcoming";

export interface Step {
  state: CycleState;
  /** 1-based, for "Step 2 of 5". */
  number: number;
  status: StepStatus;
}

export function steps(current: CycleState): Step[] {
  const at = CYCLE_STATES.indexOf(current);
  return CYCLE_STATES.map((state, i) => ({ state, number: i + 1, status: i < at ? "done" : i === at ? "current" : "upcoming" }));
}

export interface Move {
  direction: "advance" | "reopen";
  from: CycleState;
  to: CycleState;
  /** Reopening needs a reason of at least MIN_REASON characters. */
  needsReason: boolean;
  /** The button's text, e.g. "Advance to Data locked". */
  label: string;
  /** What the move does, for the confirmation dialog. */
  explanation: string;
}

/** What stays editable in a state, in words. */
export function editableText(state: CycleState): string {
  const cols = EDITABLE_COLUMNS[state];
  if (cols.length === INPUT_COLUMNS.length) return "every cell can be edited";
  const names: string[] = cols.map((k) => INPUT_COLUMNS.find((c) => c.key === k)?.header ?? k);
  if (checkInsEditable(state)) names.push("the CheckIns table");
  if (names.length === 0) return "no cell can be edited";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `only ${list} can be edited; other changes need a change request`;
}

export function moves(current: CycleState): { advance: Move | null; reopen: Move | null } {
  const next = nextState(current);
  const prev = previousState(current);
  return {
    advance: next
      ? {
          direction: "advance",
          from: current,
          to: next,
          needsReason: false,
          label: `Advance to ${next}`,
          explanation:
            `The cycle moves from ${current} to ${next}: ${editableText(next)}.` +
            (next === "Closed" ? " The cycle is then over and sealed for the record." : " The goals are sealed so that any later edit shows.") +
            (next === "Data locked" ? " The workbook structure is protected too." : ""),
        }
      : null,
    reopen: prev
      ? {
          direction: "reopen",
          from: current,
          to: prev,
          needsReason: true,
          label: `Reopen to ${prev}`,
          explanation: `The cycle goes back from ${current} to ${prev}: ${editableText(prev)}. The reason goes into the audit log.`,
        }
      : null,
  };
}

/** Whether the move can be confirmed with this reason; the engine's message when not. */
export function checkMove(move: Move, reason: string): TransitionCheck {
  return checkTransition(move.from, move.to, move.needsReason ? reason : reason.trim() || null);
}

export function reasonHint(needsReason: boolean, reason: string): string {
  const n = reason.trim().length;
  if (!needsReason) return "Optional. It goes into the audit log.";
  return n >= MIN_REASON ? "It goes into the audit log." : `At least ${MIN_REASON} characters (${n} so far). It goes into the audit log.`;
}

export { MIN_REASON };
