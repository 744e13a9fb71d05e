/**
 * The review cycle: its state as a stepper, an unfinished operation, and the moves
 * (advance, or reopen with a reason) with their confirmation dialog.
 */
import { useState } from "react";
import {
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
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CycleState } from "../../../core/meta";
import { moveDialog, moveDone, moveProgress, moveRequest } from "../../logic/reviewForms";
import { Move, checkMove, moves, reasonHint, steps } from "../../logic/stepper";
import { usePane } from "../../pane";
import { useViewStyles } from "../common";
import type { ReviewActions } from "./useReviewActions";

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
  current: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  done: { color: tokens.colorNeutralForeground2 },
  upcoming: { color: tokens.colorNeutralForeground3 },
});

export function CycleCard({ state, cycleName, actions }: { state: CycleState; cycleName: string | null; actions: Pick<ReviewActions, "act" | "inspection"> }) {
  const pane = usePane();
  const styles = useViewStyles();
  const own = useStyles();
  const [move, setMove] = useState<Move | null>(null);
  const [reason, setReason] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [actorName, setActorName] = useState("");

  const { services, actor } = pane;
  const { inspection } = actions;
  const { advance, reopen } = moves(state);

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
    const request = moveRequest(m, reason, newPassword);
    setMove(null);
    setNewPassword("");
    const progress = moveProgress(m.direction);
    await actions.act(
      progress.label,
      progress.doing,
      (p) => services.review.changeState({ to: m.to, actor: who, reason: request.reason, password: p }),
      moveDone,
      request.password,
    );
  }

  const dialog = moveDialog(move, reason, actor, actorName);

  return (
    <>
      <section className={styles.section} aria-labelledby="review-cycle">
        <Subtitle2 as="h3" id="review-cycle" className={styles.heading}>
          Review cycle{cycleName ? ` ${cycleName}` : ""}
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
                validationMessage={dialog.reasonMessage}
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
              <Button appearance="primary" onClick={() => void confirmMove()} disabled={!dialog.canConfirm}>
                {move?.direction === "reopen" ? "Reopen" : "Advance"}
              </Button>
              <Button onClick={() => setMove(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
