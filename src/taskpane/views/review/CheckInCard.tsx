/**
 * Adding a check-in, in Draft and Active (later the CheckIns table is locked). The card
 * stays mounted in every state, so what was typed is kept while the cycle moves.
 */
import { useMemo, useState } from "react";
import { Button, Field, Input, Subtitle2 } from "@fluentui/react-components";
import type { CycleState } from "../../../core/meta";
import type { DateSystem } from "../../../core/dates";
import { CHECK_IN_FIELDS, FieldError, GoalOption, localIsoDay, messageFor, parseConfidence } from "../../logic/review";
import { checkCheckInRequest, checkInDone, fieldMessage, pickGoal } from "../../logic/reviewForms";
import { usePane } from "../../pane";
import { useViewStyles } from "../common";
import { GoalPicker } from "../GoalPicker";
import type { ReviewActions } from "./useReviewActions";

export function CheckInCard({
  state,
  dateSystem,
  goals,
  actions,
}: {
  state: CycleState;
  dateSystem: DateSystem;
  goals: readonly GoalOption[];
  actions: Pick<ReviewActions, "actForm" | "formActor" | "setFormActor" | "formActorName">;
}) {
  const pane = usePane();
  const styles = useViewStyles();
  const [ciGoal, setCiGoal] = useState("");
  const [ciDate, setCiDate] = useState(() => localIsoDay(new Date()));
  const [ciValue, setCiValue] = useState("");
  const [ciConfidence, setCiConfidence] = useState("");
  const [ciComment, setCiComment] = useState("");
  const [ciErrors, setCiErrors] = useState<FieldError[]>([]);
  const goalIds = useMemo(() => goals.map((g) => g.id), [goals]);

  if (state !== "Draft" && state !== "Active") return null;

  async function submitCheckIn() {
    setCiErrors([]);
    const gid = pickGoal(goalIds, ciGoal);
    if (gid === "") return;
    const who = actions.formActorName();
    const errors = checkCheckInRequest({ date: ciDate, value: ciValue, confidence: ciConfidence, actor: who }, dateSystem);
    const confidence = parseConfidence(ciConfidence);
    if (errors.length > 0 || !confidence.ok) {
      setCiErrors(errors);
      return;
    }
    const r = await actions.actForm(
      "Adding the check-in…",
      "The check-in",
      CHECK_IN_FIELDS,
      (p) =>
        pane.services.review.addCheckIn({
          goalId: gid,
          date: ciDate,
          value: ciValue.trim(),
          confidence: confidence.value,
          comment: ciComment,
          actor: who,
          password: p,
        }),
      checkInDone,
    );
    if (r.ok) {
      setCiValue("");
      setCiConfidence("");
      setCiComment("");
    } else setCiErrors(r.errors);
  }

  return (
    <section className={styles.section} aria-labelledby="review-checkin">
      <Subtitle2 as="h3" id="review-checkin" className={styles.heading}>
        Add a check-in
      </Subtitle2>
      <form
        className={styles.section}
        onSubmit={(e) => {
          e.preventDefault();
          void submitCheckIn();
        }}
        aria-label="Add a check-in"
        noValidate
      >
        <GoalPicker
          label="Goal for the check-in"
          goals={goals}
          value={pickGoal(goalIds, ciGoal)}
          onChange={(id) => {
            setCiGoal(id);
            setCiErrors([]);
          }}
          validationMessage={messageFor(ciErrors, "goal")}
        />
        <Field label="Date" size="small" {...fieldMessage(ciErrors, "date")}>
          <Input size="small" type="date" value={ciDate} onChange={(_, d) => setCiDate(d.value)} />
        </Field>
        <Field label="Value" size="small" hint="The measured value, or TRUE/FALSE for a milestone." {...fieldMessage(ciErrors, "value")}>
          <Input size="small" value={ciValue} onChange={(_, d) => setCiValue(d.value)} />
        </Field>
        <Field
          label="Confidence (optional)"
          size="small"
          hint="How sure the owner is of reaching the target, such as 80%."
          {...fieldMessage(ciErrors, "confidence")}
        >
          <Input size="small" value={ciConfidence} onChange={(_, d) => setCiConfidence(d.value)} />
        </Field>
        <Field label="Comment" size="small" {...fieldMessage(ciErrors, "comment")}>
          <Input size="small" value={ciComment} onChange={(_, d) => setCiComment(d.value)} />
        </Field>
        {pane.actor === "" ? (
          <Field label="Your name for the audit log" size="small" hint="Kept on this computer only." {...fieldMessage(ciErrors, "actor")}>
            <Input size="small" value={actions.formActor} onChange={(_, d) => actions.setFormActor(d.value)} />
          </Field>
        ) : null}
        <div>
          <Button type="submit" disabled={pane.busy}>
            Add check-in
          </Button>
        </div>
      </form>
    </section>
  );
}
