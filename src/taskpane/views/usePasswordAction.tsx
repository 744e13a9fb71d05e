/**
 * Operations that may need the protection password (review operations, settings in a
 * locked cycle): run it; when Excel needs the password, ask for it in a dialog and run
 * it again with it. The password lives in this component's state for that one retry
 * and is never stored.
 */
import { useState } from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from "@fluentui/react-components";
import { isPasswordError } from "../logic/review";
import { RunOptions, usePane } from "../pane";
import { useViewStyles } from "./common";

interface Ask {
  message: string;
  retry(password: string): void;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export interface PasswordAction {
  /** Runs `op`; resolves to its value, or undefined when it failed, was cancelled, or waits for the password. */
  act<T>(label: string, op: (password?: string) => Promise<T>, options: { doing: string; success: (v: T) => string | null; then?: (v: T) => Promise<void> | void }): Promise<T | undefined>;
  dialog: JSX.Element;
}

export function usePasswordAction(): PasswordAction {
  const pane = usePane();
  const styles = useViewStyles();
  const [ask, setAsk] = useState<Ask | null>(null);
  const [password, setPassword] = useState("");

  async function attempt<T>(
    label: string,
    op: (password?: string) => Promise<T>,
    options: { doing: string; success: (v: T) => string | null; then?: (v: T) => Promise<void> | void },
    pw?: string,
  ): Promise<T | undefined> {
    const runOptions: RunOptions<Outcome<T>> = { doing: options.doing, success: (o) => (o.ok ? options.success(o.value) : null) };
    const r = await pane.run<Outcome<T>>(
      label,
      async () => {
        try {
          return { ok: true, value: await op(pw) };
        } catch (e) {
          if (isPasswordError(e)) return { ok: false, message: e.message };
          throw e;
        }
      },
      runOptions,
    );
    if (!r) return undefined;
    if (!r.ok) {
      setPassword("");
      setAsk({ message: r.message, retry: (given) => void attempt(label, op, options, given) });
      return undefined;
    }
    await options.then?.(r.value);
    return r.value;
  }

  const close = (): void => {
    setAsk(null);
    setPassword("");
  };

  const dialog = (
    <Dialog open={ask !== null} onOpenChange={(_, d) => (d.open ? undefined : close())}>
      <DialogSurface aria-describedby="password-explanation">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const a = ask;
            const pw = password;
            close();
            a?.retry(pw);
          }}
        >
          <DialogBody>
            <DialogTitle>Password needed</DialogTitle>
            <DialogContent className={styles.section}>
              <Body1 id="password-explanation">{ask?.message}</Body1>
              <Field label="Password" hint="Used for this operation only; never stored.">
                <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={password === ""}>
                Continue
              </Button>
              <Button onClick={close}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );

  return { act: (label, op, options) => attempt(label, op, options), dialog };
}
