/**
 * Review: the cycle's state as a stepper; advance or reopen (with confirmation and,
 * when reopening, a reason); change requests; the seal (intact, or what changed);
 * the audit log; "Prepare review copy" and "Restore live formulas". Passwords are
 * asked for when Excel needs one and never stored.
 *
 * One card per part, under ./review/, each with its own form state; this view lays
 * them out and holds what they share (useReviewActions: the review inspection, the
 * password flow and the refresh after an operation, the name typed for the audit log).
 */
import { useMemo } from "react";
import type { CycleState } from "../../core/meta";
import { goalOptions } from "../logic/review";
import { usePane } from "../pane";
import { NoGoals, ViewHeading, hasGoals, useViewStyles } from "./common";
import { AuditCard } from "./review/AuditCard";
import { ChangeRequestCard } from "./review/ChangeRequestCard";
import { CheckInCard } from "./review/CheckInCard";
import { CycleCard } from "./review/CycleCard";
import { ReviewCopyCard } from "./review/ReviewCopyCard";
import { SealCard } from "./review/SealCard";
import { useReviewActions } from "./review/useReviewActions";

export function ReviewView() {
  const pane = usePane();
  const styles = useViewStyles();
  const wb = pane.report?.workbook ?? null;
  const ev = pane.report?.evaluation ?? null;
  const state: CycleState = wb?.meta.cycle.state ?? "Draft";
  const actions = useReviewActions();
  const goals = useMemo(() => goalOptions(ev?.goals ?? []), [ev]);

  if (!wb || !ev || !hasGoals(pane))
    return (
      <section className={styles.view} data-testid="view-review" aria-labelledby="review-heading">
        <ViewHeading id="review-heading">Review</ViewHeading>
        <NoGoals what="review" />
      </section>
    );

  return (
    <section className={styles.view} data-testid="view-review" aria-labelledby="review-heading">
      <ViewHeading id="review-heading">Review</ViewHeading>
      <CycleCard state={state} cycleName={wb.meta.cycle.name} actions={actions} />
      <ChangeRequestCard state={state} wb={wb} goals={goals} actions={actions} />
      <CheckInCard state={state} dateSystem={wb.dateSystem} goals={goals} actions={actions} />
      <SealCard />
      <ReviewCopyCard state={state} actions={actions} />
      <AuditCard wb={wb} />
      {actions.passwordDialog}
    </section>
  );
}
