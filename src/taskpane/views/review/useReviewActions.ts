/**
 * What the Review view's cards share: the review inspection (read when the view opens
 * and after every operation), running an operation with the password flow and a
 * refresh after it, and the name for the audit log typed into a form when none is set
 * (both forms show the same one).
 */
import { useCallback, useEffect, useState } from "react";
import type { FieldError } from "../../logic/review";
import { fieldErrorOf } from "../../logic/review";
import { usePane } from "../../pane";
import type { ReviewInspection } from "../../reviewApi";
import type { ReviewField } from "../../../excel/review-protection";
import { usePasswordAction } from "../usePasswordAction";

/** A form operation's outcome: its value, or the errors to show beside the form's fields (none when the pane's banner says why). */
export type FormOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface ReviewActions {
  /** What the last check of the review state found; null until it is read. */
  inspection: ReviewInspection | null;
  /** Runs a review operation (asking for the password when Excel needs one), then refreshes. */
  act<T>(label: string, doing: string, op: (password?: string) => Promise<T>, success: (v: T) => string, pw?: string): Promise<T | undefined>;
  /**
   * Runs a form's operation: a refusal about one of the form's fields (ReviewError code
   * "input") comes back as that field's message instead of the pane's banner.
   */
  actForm<T>(
    label: string,
    doing: string,
    fields: readonly ReviewField[],
    op: (password?: string) => Promise<T>,
    success: (v: T) => string,
  ): Promise<FormOutcome<T>>;
  /** The name for the audit log as typed into a form (when none is set yet). */
  formActor: string;
  setFormActor(name: string): void;
  /** The name for the audit log: the one set, or the one typed into the form (then kept). */
  formActorName(): string;
  /** The password dialog, to render once in the view. */
  passwordDialog: JSX.Element;
}

export function useReviewActions(): ReviewActions {
  const pane = usePane();
  const { services, run } = pane;
  const passwords = usePasswordAction();
  const [inspection, setInspection] = useState<ReviewInspection | null>(null);
  // Both forms: the name for the audit log, when none is set yet.
  const [formActor, setFormActor] = useState("");

  const loadInspection = useCallback(async () => {
    const s = await run("Checking the review state…", () => services.review.status(), {
      cancellable: true,
      doing: "Checking the review state",
      quietIfBusy: true,
    });
    if (s) setInspection(s.inspection);
  }, [run, services]);

  const tables = pane.report?.workbook.goalTables.length ?? 0;
  const [needInspection, setNeedInspection] = useState(true);
  const busy = pane.busy;
  useEffect(() => {
    if (!needInspection || busy || tables === 0) return;
    setNeedInspection(false);
    void loadInspection();
  }, [needInspection, busy, tables, loadInspection]);

  async function act<T>(label: string, doing: string, op: (password?: string) => Promise<T>, success: (v: T) => string, pw?: string): Promise<T | undefined> {
    const call = (given?: string): Promise<T> => op(given ?? pw);
    return passwords.act(label, call, {
      doing,
      success,
      then: async () => {
        await pane.refresh();
        setNeedInspection(true);
      },
    });
  }

  async function actForm<T>(
    label: string,
    doing: string,
    fields: readonly ReviewField[],
    op: (password?: string) => Promise<T>,
    success: (v: T) => string,
  ): Promise<FormOutcome<T>> {
    type Attempt = { ok: true; value: T } | { ok: false; error: FieldError };
    const v = await passwords.act<Attempt>(
      label,
      async (p) => {
        try {
          return { ok: true, value: await op(p) };
        } catch (e) {
          const fe = fieldErrorOf(e, fields);
          if (fe) return { ok: false, error: fe };
          throw e;
        }
      },
      {
        doing,
        success: (a) => (a.ok ? success(a.value) : null),
        then: async (a) => {
          if (!a.ok) return;
          await pane.refresh();
          setNeedInspection(true);
        },
      },
    );
    if (v === undefined) return { ok: false, errors: [] };
    return v.ok ? v : { ok: false, errors: [v.error] };
  }

  function formActorName(): string {
    if (pane.actor !== "") return pane.actor;
    return formActor.trim() === "" ? "" : pane.setActor(formActor);
  }

  return { inspection, act, actForm, formActor, setFormActor, formActorName, passwordDialog: passwords.dialog };
}
