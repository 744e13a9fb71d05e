/**
 * Scorecards: weighted score per owner (or another column) over the top goals,
 * with completeness and status counts, a bar chart, and "Write Scorecards sheet"
 * (the sheet is built on GOAL.SCORECARD / GOAL.ROLLUP formulas).
 */
import { useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { percent, statusCountsText } from "../logic/format";
import { groupOptions, scorecardsBy } from "../logic/workbookView";
import { usePane } from "../pane";
import { NoGoals, ViewHeading, hasGoals, useViewStyles } from "./common";

const useStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0 },
  bar: { display: "grid", gridTemplateColumns: "minmax(5em, 35%) 1fr 3.5em", alignItems: "center", gap: tokens.spacingHorizontalS },
  track: { backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, height: "14px", overflow: "hidden" },
  fill: { backgroundColor: tokens.colorBrandBackground, height: "100%" },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export function ScorecardsView() {
  const pane = usePane();
  const styles = useViewStyles();
  const own = useStyles();
  const [groupBy, setGroupBy] = useState("Owner");
  const wb = pane.report?.workbook ?? null;
  const ev = pane.report?.evaluation ?? null;
  const options = useMemo(() => groupOptions(wb), [wb]);
  const option = options.find((o) => o.header === groupBy) ?? options[0];
  const cards = useMemo(() => (wb && ev ? scorecardsBy(wb, ev, option, pane.asOf) : []), [wb, ev, option, pane.asOf]);

  if (!wb || !ev || !hasGoals(pane))
    return (
      <section className={styles.view} data-testid="view-scorecards" aria-labelledby="scorecards-heading">
        <ViewHeading id="scorecards-heading">Scorecards</ViewHeading>
        <NoGoals what="score" />
      </section>
    );

  async function write() {
    await pane.run("Writing the Scorecards sheet…", () => pane.services.writeScorecards(option.header), {
      doing: "Writing the Scorecards sheet",
      success: (r) => `The sheet '${r.sheet}' now shows ${r.groups} scorecard${r.groups === 1 ? "" : "s"} by ${option.header}, with a chart. Its formulas recalculate as goals change.`,
    });
  }

  const state = wb.meta.cycle.state;
  const structureLocked = state === "Data locked" || state === "In review" || state === "Closed";
  const chartSummary = cards.map((c) => `${c.group} ${percent(c.score)}`).join(", ");

  return (
    <section className={styles.view} data-testid="view-scorecards" aria-labelledby="scorecards-heading">
      <ViewHeading id="scorecards-heading">Scorecards</ViewHeading>
      <Body1>
        Each scorecard is the weighted average of the rolled-up scores of its top goals. Completeness is the share of their weight that
        has data.
      </Body1>
      <div className={styles.row}>
        <Field label="Group by" size="small">
          <Select size="small" value={option.header} onChange={(_, d) => setGroupBy(d.value)}>
            {options.map((o) => (
              <option key={o.header} value={o.header}>
                {o.header}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Table size="small" aria-label={`Scorecards by ${option.header}`} className={styles.table} data-testid="scorecards-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{option.header}</TableHeaderCell>
            <TableHeaderCell>Score</TableHeaderCell>
            <TableHeaderCell>Complete</TableHeaderCell>
            <TableHeaderCell>Goals by status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cards.map((c) => (
            <TableRow key={c.group} data-testid="scorecard-row">
              <TableCell>{c.group}</TableCell>
              <TableCell>{percent(c.score)}</TableCell>
              <TableCell>{percent(c.completeness)}</TableCell>
              <TableCell>
                <Caption1>
                  {statusCountsText(c.statusCounts)}
                  {c.weightsOff ? ` · weights total ${Math.round(c.weightTotal * 1000) / 1000}, not 100%` : ""}
                </Caption1>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <figure className={own.chart} aria-labelledby="scorecards-chart-title">
        <Text as="span" size={200} id="scorecards-chart-title" weight="semibold">
          Score by {option.header}
        </Text>
        <div role="img" aria-label={`Bar chart of scores: ${chartSummary}`} className={own.chart}>
          {cards.map((c) => (
            <div key={c.group} className={own.bar} aria-hidden="true">
              <Caption1 className={own.label} title={c.group}>
                {c.group}
              </Caption1>
              <div className={own.track}>
                <div className={own.fill} style={{ width: `${Math.max(0, Math.min(1, c.score ?? 0)) * 100}%` }} />
              </div>
              <Caption1>{percent(c.score)}</Caption1>
            </div>
          ))}
        </div>
      </figure>
      {structureLocked ? (
        <Caption1 className={styles.muted}>
          The cycle is {state}: sheets can&apos;t be added now, so an existing Scorecards sheet is rewritten in place; if there is none yet,
          reopen the cycle to Active on the Review tab to add it.
        </Caption1>
      ) : null}
      <div>
        <Button appearance="primary" onClick={() => void write()} disabled={pane.busy}>
          Write Scorecards sheet
        </Button>
      </div>
    </section>
  );
}
