/**
 * Operations that may need the protection password (review operations, settings in a
 * locked cycle). The logic is in ../logic/password.ts: the operation runs as the caller
 * gave it, then with the password remembered for this pane session, and only then is the
 * password asked for. A wrong password keeps the dialog open and says so beside the field;
 * one that works is remembered in memory (never written anywhere) until the pane closes or
 * it stops working.
 */
import { useReducer, useRef } from "react";
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from "@fluentui/react-components";
import { Attempt, PasswordMemory, WRONG_PASSWORD, promptReducer, runRemembered, runTyped, sessionPassword } from "../logic/password";
import { isPasswordError } from "../logic/review";
import { RunOptions, usePane } from "../pane";
import { useViewStyles } from "./common";

export interface PasswordAction {
  /**
   * Runs `op`, asking for the password when Excel needs one; resolves when it is done: to
   * its value, or undefined when it failed (the pane shows why) or was cancelled.
   */
  act<T>(
    label: string,
    op: (password?: string) => Promise<T>,
    options: { doing: string; success: (v: T) => string | null; then?: (v: T) => Promise<void> | void },
  ): Promise<T | undefined>;
  dialog: JSX.Element;
}

interface Pending {
  retry(typed: string): Promise<void>;
  cancel(): void;
}

export function usePasswordAction(memory: PasswordMemory = sessionPassword): PasswordAction {
  const pane = usePane();
  const styles = useViewStyles();
  const [prompt, dispatch] = useReducer(promptReducer, null);
  const pending = useRef<Pending | null>(null);

  async function act<T>(
    label: string,
    op: (password?: string) => Promise<T>,
    options: { doing: string; success: (v: T) => string | null; then?: (v: T) => Promise<void> | void },
  ): Promise<T | undefined> {
    const runOptions: RunOptions<Attempt<T>> = { doing: options.doing, success: (o) => (o.ok ? options.success(o.value) : null) };
    const first = await pane.run<Attempt<T>>(label, () => runRemembered(op, memory, isPasswordError), runOptions);
    if (!first) return undefined;
    if (first.ok) {
      await options.then?.(first.value);
      return first.value;
    }
    return new Promise<T | undefined>((resolve) => {
      const finish = (value: T | undefined): void => {
        pending.current = null;
        dispatch({ type: "close" });
        resolve(value);
      };
      pending.current = {
        retry: async (typed) => {
          dispatch({ type: "submit" });
          const r = await pane.run<Attempt<T>>(label, () => runTyped(op, typed, memory, isPasswordError), runOptions);
          if (!r) return finish(undefined);
          if (!r.ok) return dispatch({ type: "wrong", message: r.message });
          await options.then?.(r.value);
          finish(r.value);
        },
        cancel: () => finish(undefined),
      };
      dispatch({ type: "ask", message: first.message, stale: first.stale });
    });
  }

  const cancel = (): void => {
    if (prompt?.busy) return;
    if (pending.current) pending.current.cancel();
    else dispatch({ type: "close" });
  };

  const dialog = (
    <Dialog open={prompt !== null} onOpenChange={(_, d) => (d.open ? undefined : cancel())}>
      <DialogSurface aria-describedby="password-explanation">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!prompt || prompt.busy || prompt.value === "") return;
            void pending.current?.retry(prompt.value);
          }}
        >
          <DialogBody>
            <DialogTitle>Password needed</DialogTitle>
            <DialogContent className={styles.section}>
              <Body1 id="password-explanation">{prompt?.message}</Body1>
              <Field
                label="Password"
                hint="Kept in memory until you close the pane, so you are not asked again; never stored."
                validationState={prompt?.error ? (prompt.error === WRONG_PASSWORD ? "error" : "warning") : "none"}
                validationMessage={prompt?.error ?? undefined}
              >
                <Input
                  type="password"
                  value={prompt?.value ?? ""}
                  onChange={(_, d) => dispatch({ type: "type", value: d.value })}
                  autoComplete="current-password"
                  autoFocus
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!prompt || prompt.value === "" || prompt.busy}>
                {prompt?.busy ? "Checking…" : "Continue"}
              </Button>
              <Button onClick={cancel} disabled={prompt?.busy === true}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );

  return { act, dialog };
}
