/**
 * Which outcome message the pane shows: one at a time, on the tab it belongs to.
 * Pure; App.tsx keeps the state.
 *
 * - A new message replaces the one shown (success, info or warning alike).
 * - A message belongs to the tab that was open when it was made; moving to another
 *   tab dismisses it (the outcome was seen where it happened). Errors are kept apart
 *   and stay until dismissed or until the next operation starts.
 */
import type { Notice, ViewId } from "../pane";

/** The pane's message with the tab it belongs to. */
export interface ShownNotice extends Notice {
  view: ViewId;
}

/** The message to show after `next` arrived while `view` was open (null clears). */
export function showNotice(next: Notice | null, view: ViewId): ShownNotice | null {
  return next === null ? null : { intent: next.intent, text: next.text, view };
}

/** The message left when the user opens `view`: kept on its own tab, dismissed elsewhere. */
export function noticeOnView(shown: ShownNotice | null, view: ViewId): ShownNotice | null {
  return shown !== null && shown.view === view ? shown : null;
}
