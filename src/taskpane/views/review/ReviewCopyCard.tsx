/** The review copy: what preparing it does (said before the click), its state, "Prepare review copy" and "Restore live formulas". */
import { useState } from "react";
import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { CycleState } from "../../../core/meta";
import { LastCopy, REVIEW_COPY_EXPLAINED, canPrepareCopy, reviewCopyDone, reviewCopyText } from "../../logic/review";
import { restoreDone } from "../../logic/reviewForms";
import { usePane } from "../../pane";
import { useViewStyles } from "../common";
import type { ReviewActions } from "./useReviewActions";

export function ReviewCopyCard({ state, actions }: { state: CycleState; actions: Pick<ReviewActions, "act" | "inspection"> }) {
  const pane = usePane();
  const styles = useViewStyles();
  // What the last "Prepare review copy" reported (the copy status follows it).
  const [lastCopy, setLastCopy] = useState<LastCopy | null>(null);
  const { services } = pane;
  const { inspection, act } = actions;
  return (
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
            void act("Restoring live formulas…", "Restoring the live formulas", (p) => services.review.restoreLiveFormulas({ password: p }), restoreDone).then(
              (r) => {
                if (r) setLastCopy(null);
              },
            )
          }
        >
          Restore live formulas
        </Button>
      </div>
    </section>
  );
}
