/**
 * The protection password in the task pane (docs/taskpane.md "Passwords"), without React:
 * how an operation is run with it, what the session remembers, and the dialog's states.
 *
 * - An operation runs first as the caller gave it (no password from here): a Draft cycle
 *   locked with a new password, or a cycle without one, never gets an old password.
 * - When Excel wants a password, the one remembered for this session is tried; if it no
 *   longer works it is forgotten and the dialog asks (saying so).
 * - A password typed in the dialog that works is remembered; a wrong one keeps the dialog
 *   open with "That password is not right" beside the field.
 * The memory is a variable of this module: it lasts while the pane is open and is never
 * written anywhere (no storage, no workbook, no log).
 */

/** The password remembered while the pane is open: in memory only. */
export class PasswordMemory {
  private value: string | undefined;
  get(): string | undefined {
    return this.value;
  }
  remember(password: string): void {
    this.value = password === "" ? undefined : password;
  }
  forget(): void {
    this.value = undefined;
  }
}

/** The pane's one memory, shared by every view (Review, Settings). */
export const sessionPassword = new PasswordMemory();

export const WRONG_PASSWORD = "That password is not right. Check it (capital letters count) and try again.";
export const STALE_PASSWORD = "The password you gave earlier no longer works for this workbook. Enter its password.";

export type Attempt<T> =
  | { ok: true; value: T }
  /** Excel wants a password: `message` says why; `stale` when the remembered one was tried and failed. */
  | { ok: false; message: string; stale: boolean };

/**
 * Runs `op` without a password; when it is refused for want of one and a password is
 * remembered, runs it again with that one (forgetting it when that fails too).
 * Other errors are thrown as they are.
 */
export async function runRemembered<T>(
  op: (password?: string) => Promise<T>,
  memory: PasswordMemory,
  isPasswordError: (e: unknown) => e is Error,
): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await op(undefined) };
  } catch (e) {
    if (!isPasswordError(e)) throw e;
    const remembered = memory.get();
    if (remembered === undefined) return { ok: false, message: e.message, stale: false };
    try {
      return { ok: true, value: await op(remembered) };
    } catch (again) {
      if (!isPasswordError(again)) throw again;
      memory.forget();
      return { ok: false, message: again.message, stale: true };
    }
  }
}

/** Runs `op` with a password typed in the dialog; remembers it when it works. */
export async function runTyped<T>(
  op: (password?: string) => Promise<T>,
  typed: string,
  memory: PasswordMemory,
  isPasswordError: (e: unknown) => e is Error,
): Promise<Attempt<T>> {
  try {
    const value = await op(typed);
    memory.remember(typed);
    return { ok: true, value };
  } catch (e) {
    if (!isPasswordError(e)) throw e;
    return { ok: false, message: e.message, stale: false };
  }
}

/** The password dialog: closed (null), or open with what it says and what was typed. */
export interface PasswordPrompt {
  /** Why the password is needed (from the refusal), in plain words. */
  message: string;
  value: string;
  /** Shown beside the field: the last password was wrong, or the remembered one stopped working. */
  error: string | null;
  /** The operation is running with the typed password. */
  busy: boolean;
}

export type PromptEvent =
  | { type: "ask"; message: string; stale: boolean }
  | { type: "type"; value: string }
  | { type: "submit" }
  | { type: "wrong"; message: string }
  /** It worked, failed for another reason (the pane shows that), or was cancelled. */
  | { type: "close" };

export function promptReducer(state: PasswordPrompt | null, event: PromptEvent): PasswordPrompt | null {
  switch (event.type) {
    case "ask":
      return { message: event.message, value: "", error: event.stale ? STALE_PASSWORD : null, busy: false };
    case "type":
      return state && !state.busy ? { ...state, value: event.value, error: null } : state;
    case "submit":
      return state && !state.busy && state.value !== "" ? { ...state, busy: true, error: null } : state;
    case "wrong":
      // The dialog stays open with what was typed (to correct it), and says why.
      return state ? { ...state, message: event.message, busy: false, error: WRONG_PASSWORD } : state;
    case "close":
      return null;
  }
}
