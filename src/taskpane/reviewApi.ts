/** The review operations the task pane uses (src/excel/review.ts), in one place. */
export { addCheckIn, changeRequest, changeState, inspectReview, prepareReviewCopy, restoreLiveFormulas, verifyLoaded } from "../excel/review";
export type {
  ChangeRequestResult,
  CheckInResult,
  ReviewCopyResult,
  ReviewInspection,
  RestoreResult,
  StateChangeResult,
  VerifyReport,
  SealDifferenceReport,
} from "../excel/review";
