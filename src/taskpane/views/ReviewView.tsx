/**
 * Review: the cycle's state as a stepper; advance or reopen (with confirmation and,
 * when reopening, a reason); change requests; the seal (intact, or what changed);
 * the audit log; "Prepare review copy" and "Restore live formulas". Passwords are
 * asked for when Excel needs one and never stored.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { headerText } from "../../core/headers";
import { auditEntriesFromRows } from "../../core/seal";
import type { CycleState } from "../../core/meta";
import {
  CHANGE_REQUEST_FIELDS,
  CHECK_IN_FIELDS,
  FieldError,
  FormField,
  LastCopy,
  REVIEW_COPY_EXPLAINED,
  auditRows,
  auditStatusText,
  canPrepareCopy,
  changeableFields,
  checkChangeValue,
  checkCheckInForm,
  columnValueText,
  fieldChoices,
  fieldErrorOf,
  fieldHint,
  goalOptions,
  localDay,
  localIsoDay,
  messageFor,
  noChangeRequestText,
  parseConfidence,
  reviewCopyDone,
  reviewCopyText,
  sealText,
  valueText,
} from "../logic/review";
import { MIN_REASON, Move, checkMove, moves, reasonHint, steps } from "../logic/stepper";
import { inputOf } from "../logic/workbookView";
import { usePane } from "../pane";
import type { ReviewInspection } from "../reviewApi";
import type { ReviewField } from "../../excel/review-protection";
import { NoGoals, ViewHeading, hasGoals, useViewStyles } from "./common";
import { GoalPicker } from "./GoalPicker";
import { usePasswordAction } from "./usePasswordAction";

const AUDIT_PAGE = 25;

const useStyles = makeStyles({
  stepper: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  step: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
  done: { color: tokens.colorNeutralForeground2 },
  upcoming: { color: tokens.colorNeutralForeground3 },
});

/** Fluent Field props showing a form error beside its field. */
function fieldMessage(errors: readonly FieldError[], field: FormField): { validationMessage?: string; validationState: "error" | "none" } {
  const m = messageFor(errors, field);
  return m ? { validationMessage: m, validationState: "error" } : { validationState: "none" };
}

export function ReviewView() {
  const pane = usePane();
  const styles = useViewStyles();
  const own = useStyles();
  const wb = pane.report?.workbook ?? null;
  const ev = pane.report?.evaluation ?? null;
  const state: CycleState = wb?.meta.cycle.state ?? "Draft";
  const [inspection, setInspection] = useState<ReviewInspection | null>(null);
  const [move, setMove] = useState<Move | null>(null);
  const [reason, setReason] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [actorName, setActorName] = useState("");
  const [auditShown, setAuditShown] = useState(AUDIT_PAGE);
  // Change request form.
  const [crGoal, setCrGoal] = useState("");
  const [crField, setCrField] = useState<string>("");
  const [crValue, setCrValue] = useState("");
  const [crReason, setCrReason] = useState("");
  const [crErrors, setCrErrors] = useState<FieldError[]>([]);
  // Check-in form.
  const [ciGoal, setCiGoal] = useState("");
  const [ciDate, setCiDate] = useState(() => localIsoDay(new Date()));
  const [ciValue, setCiValue] = useState("");
  const [ciConfidence, setCiConfidence] = useState("");
  const [ciComment, setCiComment] = useState("");
  const [ciErrors, setCiErrors] = useState<FieldError[]>([]);
  // Both forms: the name for the audit log, when none is set yet.
  const [formActor, setFormActor] = useState("");
  // What the last "Prepare review copy" reported (the copy status follows it).
  const [lastCopy, setLastCopy] = useState<LastCopy | null>(null);

  const { services, run } = pane;
  const passwords = usePasswordAction();
  const loadInspection = useCallback(async () => {
    const s = await run("Checking the review state…", () => services.review.status(), { cancellable: true, doing: "Checking the review state", quietIfBusy: true });
    if (s) setInspection(s.inspection);
  }, [run, services]);

  const tables = wb?.goalTables.length ?? 0;
  const [needInspection, setNeedInspection] = useState(true);
  const busy = pane.busy;
  useEffect(() => {
    if (!needInspection || busy || tables === 0) return;
    setNeedInspection(false);
    void loadInspection();
  }, [needInspection, busy, tables, loadInspection]);

  const audit = useMemo(() => auditRows(auditEntriesFromRows(wb?.auditTable?.rows ?? [])), [wb]);
  const fields = changeableFields(state);
  const goals = useMemo(() => goalOptions(ev?.goals ?? []), [ev]);
  const goalIds = useMemo(() => goals.map((g) => g.id), [goals]);
  const field = fields.find((f) => f.key === crField) ?? fields[0] ?? null;
  const goalId = goalIds.includes(crGoal) ? crGoal : (goalIds[0] ?? "");
  const currentValue = useMemo(() => {
    if (!wb || !field || goalId === "") return null;
    const g = inputOf(wb).goals.find((x) => headerText(x.values.id).toUpperCase() === goalId.toUpperCase());
    return g ? columnValueText(field.key, g.values[field.key], wb.dateSystem) : null;
  }, [wb, field, goalId]);

  if (!wb || !ev || !hasGoals(pane))
    return (
      <section className={styles.view} data-testid="view-review" aria-labelledby="review-heading">
        <ViewHeading id="review-heading">Review</ViewHeading>
        <NoGoals what="review" />
      </section>
    );

  /** Runs a review operation (asking for the password when Excel needs one), then refreshes. */
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

  /**
   * Runs a form's operation: a refusal about one of the form's fields (ReviewError code
   * "input") comes back as that field's message instead of the pane's banner.
   */
  async function actForm<T>(
    label: string,
    doing: string,
    fields: readonly ReviewField[],
    op: (password?: string) => Promise<T>,
    success: (v: T) => string,
  ): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[] }> {
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

  /** The name for the audit log: the one set, or the one typed into the form (then kept). */
  function formActorName(): string {
    if (actor !== "") return actor;
    return formActor.trim() === "" ? "" : pane.setActor(formActor);
  }

  const actor = pane.actor;
  const { advance, reopen } = moves(state);
  const sealed = pane.verify;

  function openMove(m: Move) {
    setReason("");
    setNewPassword("");
    setActorName(actor);
    setMove(m);
  }

  async function confirmMove() {
    if (!move) return;
    const check = checkMove(move, reason);
    if (!check.ok) return;
    const who = actor || pane.setActor(actorName);
    if (who === "") return;
    const m = move;
    const r = reason;
    const pw = m.from === "Draft" && newPassword !== "" ? newPassword : undefined;
    setMove(null);
    setNewPassword("");
    await act(
      `${m.direction === "advance" ? "Advancing" : "Reopening"} the cycle…`,
      m.direction === "advance" ? "Advancing the cycle" : "Reopening the cycle",
      (p) => services.review.changeState({ to: m.to, actor: who, reason: r.trim() === "" ? null : r, password: p }),
      (res) => `The cycle is now ${res.to}.${res.seal ? " The goals are sealed: any later edit shows under Seal." : ""}`,
      pw,
    );
  }

  async function submitChange() {
    setCrErrors([]);
    if (!field || goalId === "") return;
    const errors: FieldError[] = [];
    const bad = checkChangeValue(field.key, crValue, wb?.dateSystem ?? 1900);
    if (bad) errors.push(bad);
    if (crReason.trim().length < MIN_REASON) errors.push({ field: "reason", message: `Give a reason of at least ${MIN_REASON} characters; it goes into the audit log.` });
    const who = formActorName();
    if (who === "") errors.push({ field: "actor", message: "Enter your name; it goes into the audit log with the change." });
    if (errors.length > 0) {
      setCrErrors(errors);
      return;
    }
    const r = await actForm(
      "Making the change…",
      "The change request",
      CHANGE_REQUEST_FIELDS,
      (p) => services.review.changeRequest({ goalId, field: field.key, value: crValue, reason: crReason, actor: who, password: p }),
      (res) =>
        res.changed
          ? `${res.goalId} ${res.field} changed from ${valueText(res.old)} to ${valueText(res.new)} (cell ${res.cell}). The change is in the audit log${res.seal ? " and the goals are sealed again" : ""}.`
          : `${res.goalId} ${res.field} already holds that value; nothing was changed.`,
    );
    if (r.ok) {
      setCrValue("");
      setCrReason("");
    } else setCrErrors(r.errors);
  }

  async function submitCheckIn() {
    setCiErrors([]);
    const gid = goalIds.includes(ciGoal) ? ciGoal : (goalIds[0] ?? "");
    if (gid === "") return;
    const errors = checkCheckInForm({ date: ciDate, value: ciValue, confidence: ciConfidence }, wb?.dateSystem ?? 1900);
    const who = formActorName();
    if (who === "") errors.push({ field: "actor", message: "Enter your name; it goes into the audit log with the check-in." });
    const confidence = parseConfidence(ciConfidence);
    if (errors.length > 0 || !confidence.ok) {
      setCiErrors(errors);
      return;
    }
    const r = await actForm(
      "Adding the check-in…",
      "The check-in",
      CHECK_IN_FIELDS,
      (p) => services.review.addCheckIn({ goalId: gid, date: ciDate, value: ciValue.trim(), confidence: confidence.value, comment: ciComment, actor: who, password: p }),
      (res) =>
        res.added ? `Check-in for ${res.goalId} on ${localDay(res.date)} added (cell ${res.cell}).` : `That check-in for ${res.goalId} is already there; it was not added twice.`,
    );
    if (r.ok) {
      setCiValue("");
      setCiConfidence("");
      setCiComment("");
    } else setCiErrors(r.errors);
  }

  const moveCheck = move ? checkMove(move, reason) : null;
  const choices = field ? fieldChoices(field.key) : null;

  return (
    <section className={styles.view} data-testid="view-review" aria-labelledby="review-heading">
      <ViewHeading id="review-heading">Review</ViewHeading>

      <section className={styles.section} aria-labelledby="review-cycle">
        <Subtitle2 as="h3" id="review-cycle" className={styles.heading}>
          Review cycle{wb.meta.cycle.name ? ` ${wb.meta.cycle.name}` : ""}
        </Subtitle2>
        <ol className={own.stepper} aria-label="Review cycle steps" data-testid="stepper">
          {steps(state).map((s) => (
            <li
              key={s.state}
              className={`${own.step} ${s.status === "current" ? own.current : s.status === "done" ? own.done : own.upcoming}`}
              aria-current={s.status === "current" ? "step" : undefined}
            >
              <Caption1>
                {s.number}. {s.state}
                {s.status === "done" ? " ✓" : ""}
              </Caption1>
            </li>
          ))}
        </ol>
        <Body1 data-testid="cycle-state">
          The cycle is <strong>{state}</strong>.
        </Body1>
        <Caption1 className={styles.muted}>
          Locking uses Excel's sheet protection: it prevents accidents, not determined editing. The seal is what makes any edit visible.
        </Caption1>
        {inspection?.pending ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Unfinished operation</MessageBarTitle>
              {inspection.pending}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.row}>
          {advance ? (
            <Button appearance="primary" onClick={() => openMove(advance)} disabled={pane.busy}>
              {advance.label}
            </Button>
          ) : null}
          {reopen ? (
            <Button onClick={() => openMove(reopen)} disabled={pane.busy}>
              {reopen.label}
            </Button>
          ) : null}
        </div>
      </section>

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
            {actor === "" ? (
              <Field label="Your name for the audit log" size="small" hint="Kept on this computer only." {...fieldMessage(crErrors, "actor")}>
                <Input size="small" value={formActor} onChange={(_, d) => setFormActor(d.value)} />
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

      {state === "Draft" || state === "Active" ? (
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
              value={goalIds.includes(ciGoal) ? ciGoal : (goalIds[0] ?? "")}
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
            <Field label="Confidence (optional)" size="small" hint="How sure the owner is of reaching the target, such as 80%." {...fieldMessage(ciErrors, "confidence")}>
              <Input size="small" value={ciConfidence} onChange={(_, d) => setCiConfidence(d.value)} />
            </Field>
            <Field label="Comment" size="small" {...fieldMessage(ciErrors, "comment")}>
              <Input size="small" value={ciComment} onChange={(_, d) => setCiComment(d.value)} />
            </Field>
            {actor === "" ? (
              <Field label="Your name for the audit log" size="small" hint="Kept on this computer only." {...fieldMessage(ciErrors, "actor")}>
                <Input size="small" value={formActor} onChange={(_, d) => setFormActor(d.value)} />
              </Field>
            ) : null}
            <div>
              <Button type="submit" disabled={pane.busy}>
                Add check-in
              </Button>
            </div>
          </form>
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="review-seal">
        <Subtitle2 as="h3" id="review-seal" className={styles.heading}>
          Seal
        </Subtitle2>
        <div data-testid="seal-status" role="status">
          {!sealed ? (
            <Body1>Not checked yet.</Body1>
          ) : !sealed.sealed ? (
            <Body1>{sealText(sealed)}</Body1>
          ) : sealed.intact ? (
            <div className={styles.row}>
              <Badge appearance="filled" color="success">
                Intact
              </Badge>
              <Body1>{sealText(sealed)}</Body1>
            </div>
          ) : (
            <div className={styles.section}>
              <div className={styles.row}>
                <Badge appearance="filled" color="danger">
                  Changed
                </Badge>
                <Body1>{sealText(sealed)}</Body1>
              </div>
              <Table size="small" aria-label="Differences from the seal" className={styles.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Goal</TableHeaderCell>
                    <TableHeaderCell>Column</TableHeaderCell>
                    <TableHeaderCell>Was</TableHeaderCell>
                    <TableHeaderCell>Now</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {sealed.differences.slice(0, 100).map((d, i) => (
                    <TableRow key={i}>
                      <TableCell>{d.goal ?? "—"}</TableCell>
                      <TableCell>{d.column}</TableCell>
                      <TableCell>{columnValueText(d.column, d.sealed)}</TableCell>
                      <TableCell>{columnValueText(d.column, d.current)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </div>
        <div>
          <Button onClick={() => void pane.refresh()} disabled={pane.busy}>
            Verify seal
          </Button>
        </div>
        <div>
          <Caption1 className={styles.muted}>Sealing records a fingerprint of the locked goal columns, so that any later edit shows here.</Caption1>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="review-copy">
        <Subtitle2 as="h3" id="review-copy" className={styles.heading}>
          Review copy
        </Subtitle2>
        <Body1 data-testid="copy-explained">{REVIEW_COPY_EXPLAINED}</Body1>
        {inspection ? <Caption1 data-testid="copy-status">{reviewCopyText(inspection.reviewCopy, lastCopy)}</Caption1> : null}
        {!canPrepareCopy(state) ? <Caption1 className={styles.muted}>A review copy is made once the cycle is Data locked or later.</Caption1> : null}
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={pane.busy || !canPrepareCopy(state)}
            onClick={() =>
              void act(
                "Preparing the review copy…",
                "Preparing the review copy",
                (p) => services.review.prepareReviewCopy({ password: p }),
                (r) => reviewCopyDone(r),
              ).then((r) => {
                if (r) setLastCopy({ replaced: r.replaced, recorded: r.recorded });
              })
            }
          >
            Prepare review copy
          </Button>
          <Button
            disabled={pane.busy}
            onClick={() =>
              void act(
                "Restoring live formulas…",
                "Restoring the live formulas",
                (p) => services.review.restoreLiveFormulas({ password: p }),
                (r) => (r.restored > 0 ? `Restored ${r.restored} live formula${r.restored === 1 ? "" : "s"}: they recalculate again.` : "There were no formulas to restore."),
              ).then((r) => {
                if (r) setLastCopy(null);
              })
            }
          >
            Restore live formulas
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="review-audit">
        <Subtitle2 as="h3" id="review-audit" className={styles.heading}>
          Audit log
        </Subtitle2>
        {sealed ? (
          <Caption1 data-testid="audit-status">{auditStatusText(sealed)}</Caption1>
        ) : null}
        {audit.length === 0 ? (
          <Body1>No entries yet.</Body1>
        ) : (
          <Table size="small" aria-label="Audit log, newest first" className={styles.table} data-testid="audit-log">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>#</TableHeaderCell>
                <TableHeaderCell>When and who</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {audit.slice(0, auditShown).map((a) => (
                <TableRow key={a.seq}>
                  <TableCell>{a.seq}</TableCell>
                  <TableCell>
                    <Caption1>
                      {a.at}
                      <br />
                      {a.actor}
                    </Caption1>
                  </TableCell>
                  <TableCell>
                    <Caption1>
                      <strong>{a.action}</strong> {a.what}
                      {a.reason ? ` — “${a.reason}”` : ""}
                    </Caption1>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {audit.length > auditShown ? (
          <div>
            <Button onClick={() => setAuditShown(audit.length)}>Show all {audit.length} entries</Button>
          </div>
        ) : null}
      </section>

      <Dialog open={move !== null} onOpenChange={(_, d) => (d.open ? undefined : setMove(null))}>
        <DialogSurface aria-describedby="move-explanation">
          <DialogBody>
            <DialogTitle>{move?.label}?</DialogTitle>
            <DialogContent className={styles.section}>
              <Body1 id="move-explanation">{move?.explanation}</Body1>
              {actor === "" ? (
                <Field label="Your name for the audit log" required hint="Kept on this computer only.">
                  <Input value={actorName} onChange={(_, d) => setActorName(d.value)} />
                </Field>
              ) : (
                <Caption1>Recorded in the audit log as {actor}.</Caption1>
              )}
              <Field
                label={move?.needsReason ? "Reason" : "Reason (optional)"}
                required={move?.needsReason}
                hint={reasonHint(move?.needsReason ?? false, reason)}
                validationMessage={move?.needsReason && reason !== "" && moveCheck && !moveCheck.ok ? moveCheck.message : undefined}
              >
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              {move?.from === "Draft" ? (
                <Field label="Protect the sheets with a password (optional)" hint="Goal Scorecards never stores it. You will need it to change a locked cycle.">
                  <Input type="password" value={newPassword} onChange={(_, d) => setNewPassword(d.value)} autoComplete="new-password" />
                </Field>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => void confirmMove()}
                disabled={!moveCheck?.ok || (actor === "" && actorName.trim() === "")}
              >
                {move?.direction === "reopen" ? "Reopen" : "Advance"}
              </Button>
              <Button onClick={() => setMove(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      {passwords.dialog}
    </section>
  );
}
