/** The change request: a locked goal column changed with a reason, logged; or why there is none in this state. */
import { useMemo, useState } from "react";
import { Body1, Button, Field, Input, Select, Subtitle2, Textarea } from "@fluentui/react-components";
import type { CycleState } from "../../../core/meta";
import type { LoadedWorkbook } from "../../../excel/workbook";
import { CHANGE_REQUEST_FIELDS, FieldError, GoalOption, changeableFields, fieldChoices, fieldHint, messageFor, noChangeRequestText } from "../../logic/review";
import { changeRequestDone, checkChangeRequestForm, currentValueText, fieldMessage, pickField, pickGoal } from "../../logic/reviewForms";
import { reasonHint } from "../../logic/stepper";
import { inputOf } from "../../logic/workbookView";
import { usePane } from "../../pane";
import { useViewStyles } from "../common";
import { GoalPicker } from "../GoalPicker";
import type { ReviewActions } from "./useReviewActions";

export function ChangeRequestCard({
  state,
  wb,
  goals,
  actions,
}: {
  state: CycleState;
  wb: LoadedWorkbook;
  goals: readonly GoalOption[];
  actions: Pick<ReviewActions, "actForm" | "formActor" | "setFormActor" | "formActorName">;
}) {
  const pane = usePane();
  const styles = useViewStyles();
  const [crGoal, setCrGoal] = useState("");
  const [crField, setCrField] = useState<string>("");
  const [crValue, setCrValue] = useState("");
  const [crReason, setCrReason] = useState("");
  const [crErrors, setCrErrors] = useState<FieldError[]>([]);

  const fields = changeableFields(state);
  const goalIds = useMemo(() => goals.map((g) => g.id), [goals]);
  const field = pickField(fields, crField);
  const goalId = pickGoal(goalIds, crGoal);
  const currentValue = useMemo(() => (field ? currentValueText(inputOf(wb), goalId, field.key, wb.dateSystem) : null), [wb, field, goalId]);

  async function submitChange() {
    setCrErrors([]);
    if (!field || goalId === "") return;
    const who = actions.formActorName();
    const errors = checkChangeRequestForm({ key: field.key, value: crValue, reason: crReason, actor: who }, wb.dateSystem);
    if (errors.length > 0) {
      setCrErrors(errors);
      return;
    }
    const r = await actions.actForm(
      "Making the change…",
      "The change request",
      CHANGE_REQUEST_FIELDS,
      (p) => pane.services.review.changeRequest({ goalId, field: field.key, value: crValue, reason: crReason, actor: who, password: p }),
      changeRequestDone,
    );
    if (r.ok) {
      setCrValue("");
      setCrReason("");
    } else setCrErrors(r.errors);
  }

  const choices = field ? fieldChoices(field.key) : null;

  return (
    <section className={styles.section} aria-labelledby="review-change">
      <Subtitle2 as="h3" id="review-change" className={styles.heading}>
        Change request
      </Subtitle2>
      {fields.length === 0 ? (
        <Body1 data-testid="no-change-request">{noChangeRequestText(state)}</Body1>
      ) : (
        <form
          className={styles.section}
          onSubmit={(e) => {
            e.preventDefault();
            void submitChange();
          }}
          aria-label="Change request"
          noValidate
        >
          <GoalPicker
            label="Goal"
            goals={goals}
            value={goalId}
            onChange={(id) => {
              setCrGoal(id);
              setCrErrors([]);
            }}
            validationMessage={messageFor(crErrors, "goal")}
          />
          <Field label="Field" size="small" {...fieldMessage(crErrors, "field")}>
            <Select
              size="small"
              value={field?.key ?? ""}
              onChange={(_, d) => {
                setCrField(d.value);
                setCrValue("");
                setCrErrors([]);
              }}
            >
              {fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.header}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="New value"
            size="small"
            hint={`${field ? fieldHint(field.key) : ""}${currentValue !== null ? ` Now: ${currentValue}.` : ""}`}
            {...fieldMessage(crErrors, "value")}
          >
            {choices ? (
              <Select size="small" value={crValue} onChange={(_, d) => setCrValue(d.value)}>
                <option value="">(blank)</option>
                {choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            ) : (
              <Input size="small" value={crValue} onChange={(_, d) => setCrValue(d.value)} />
            )}
          </Field>
          <Field label="Reason" size="small" hint={reasonHint(true, crReason)} {...fieldMessage(crErrors, "reason")}>
            <Textarea value={crReason} onChange={(_, d) => setCrReason(d.value)} resize="vertical" />
          </Field>
          {pane.actor === "" ? (
            <Field label="Your name for the audit log" size="small" hint="Kept on this computer only." {...fieldMessage(crErrors, "actor")}>
              <Input size="small" value={actions.formActor} onChange={(_, d) => actions.setFormActor(d.value)} />
            </Field>
          ) : null}
          <div>
            <Button type="submit" disabled={pane.busy}>
              Submit change request
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
