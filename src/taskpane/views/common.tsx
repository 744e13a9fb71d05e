/** Small pieces shared by the views. */
import type { ReactNode } from "react";
import { Body1, Button, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
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
