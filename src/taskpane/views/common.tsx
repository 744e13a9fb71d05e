/** Small pieces shared by the views. */
import type { ReactNode } from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarProps,
  MessageBarTitle,
  Subtitle1,
  makeStaticStyles,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { usePane } from "../pane";

export const useViewStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  table: { width: "100%" },
  nowrap: { whiteSpace: "nowrap" },
  heading: { margin: 0 },
  block: { display: "block", margin: 0 },
});

export function ViewHeading({ id, children }: { id?: string; children: ReactNode }) {
  const styles = useViewStyles();
  return (
    <Subtitle1 as="h2" id={id} className={styles.heading}>
      {children}
    </Subtitle1>
  );
}

/** Shown by views that need goals when the workbook has no goal table yet. */
export function NoGoals({ what }: { what: string }) {
  const pane = usePane();
  const styles = useViewStyles();
  if (pane.report === null)
    return <Body1 className={styles.muted}>{pane.busy ? "Reading the workbook…" : "The workbook has not been read yet. Select Refresh."}</Body1>;
  return (
    <div className={styles.section}>
      <Body1>There are no goals yet, so there is nothing to {what}. Convert a sheet of goals, or start from the template, on the Set up tab.</Body1>
      <div>
        <Button onClick={() => pane.openView("setup")}>Go to Set up</Button>
      </div>
    </div>
  );
}

export function hasGoals(pane: ReturnType<typeof usePane>): boolean {
  return (pane.report?.workbook.goalTables.length ?? 0) > 0;
}

const useMessageStyles = makeStyles({
  // Long words (addresses, sheet names, numbers) break rather than widen the pane.
  root: { whiteSpace: "normal", minWidth: 0, maxWidth: "100%" },
  body: { minWidth: 0, overflowWrap: "anywhere", whiteSpace: "normal" },
  title: { display: "block" },
  actions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXS },
});

/**
 * Every Fluent message bar in the pane wraps its text, whatever its layout. Fluent's
 * "auto" layout measures the bar with a ResizeObserver to switch to two lines; under
 * React's StrictMode (the `npm start` build) the observer is disconnected by the
 * simulated unmount and never re-attached, so the bar stayed on one line and pushed
 * its buttons out of the pane. This rule is the safety net for bars that do not use
 * PaneMessage; `fui-*` are Fluent's stable class names.
 */
export const useWrappingMessageBars = makeStaticStyles({
  ".fui-MessageBar.fui-MessageBar": { whiteSpace: "normal", minWidth: 0, maxWidth: "100%" },
  ".fui-MessageBarBody.fui-MessageBarBody": { minWidth: 0, overflowWrap: "anywhere" },
});

export interface PaneMessageProps {
  intent: NonNullable<MessageBarProps["intent"]>;
  title?: string;
  children: ReactNode;
  /** Buttons at the bottom right (Dismiss, Open Review …). */
  actions?: ReactNode;
  politeness?: MessageBarProps["politeness"];
  "data-testid"?: string;
  className?: string;
}

/**
 * A message bar laid out for a 380 px pane: always two rows (text, then its buttons),
 * so every build looks the same and nothing is measured at run time.
 */
export function PaneMessage({ intent, title, children, actions, politeness, className, ...rest }: PaneMessageProps) {
  const styles = useMessageStyles();
  return (
    <MessageBar intent={intent} layout="multiline" politeness={politeness} className={mergeClasses(styles.root, className)} data-testid={rest["data-testid"]}>
      <MessageBarBody className={styles.body}>
        {title ? <MessageBarTitle className={styles.title}>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
      {actions ? <MessageBarActions className={styles.actions}>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}
