/**
 * Scorecards: weighted score per owner (or another column) over the top goals,
 * with completeness and coloured status counts, sortable; a bar chart of the scores
 * and a stacked bar of each group's status mix (SVG, with a text alternative); and
 * "Write Scorecards sheet" (the sheet is built on GOAL.SCORECARD / GOAL.ROLLUP formulas).
 */
import { useMemo, useState } from "react";
import type { Status } from "../../core/columns";
import {
  Badge,
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
import { percent, statusAppearance } from "../logic/format";
import { STATUS_ORDER, ScorecardSort, scoreChartText, sortOptions, sortScorecards, statusMixText, statusSegments } from "../logic/scorecards";
import { groupOptions, scorecardsBy } from "../logic/workbookView";
import { usePane } from "../pane";
import { NoGoals, ViewHeading, hasGoals, useViewStyles } from "./common";

const useStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0 },
  bar: { display: "grid", gridTemplateColumns: "minmax(5em, 35%) 1fr 3.5em", alignItems: "center", gap: tokens.spacingHorizontalS },
  track: { backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, height: "14px", overflow: "hidden" },
  fill: { backgroundColor: tokens.colorBrandBackground, height: "100%" },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  statuses: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  badge: { whiteSpace: "nowrap" },
  mixBar: { display: "block", width: "100%", height: "14px" },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, listStyleType: "none", margin: 0, padding: 0 },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "12px", height: "12px", borderRadius: tokens.borderRadiusSmall, flex: "none" },
});

/** Each status's colour in the stacked bar and its legend (Office's traffic lights; the text is always shown too). */
const STATUS_FILL: Record<Status, string> = {
  Achieved: tokens.colorPaletteBlueBorderActive,
  "On track": tokens.colorPaletteGreenBorderActive,
  "At risk": tokens.colorPaletteMarigoldBorderActive,
  "Off track": tokens.colorPaletteDarkOrangeBorderActive,
  Missed: tokens.colorPaletteRedBorderActive,
  Stale: tokens.colorNeutralForeground3,
  "Not started": tokens.colorNeutralStroke1,
  "No data": tokens.colorNeutralStroke2,
};

/** A group's statuses as coloured badges with their names and counts. */
function StatusBadges({ counts }: { counts: Partial<Record<Status, number>> }) {
  const own = useStyles();
  const present = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0);
  if (present.length === 0) return <Caption1>no status yet</Caption1>;
  return (
    <span className={own.statuses}>
      {present.map((s) => {
        const look = statusAppearance(s, false);
        return (
          <Badge key={s} className={own.badge} appearance="tint" color={look.color} size="medium" shape="rounded" data-testid="status-badge" data-status={s}>
            {`${look.label} ${counts[s] ?? 0}`}
          </Badge>
        );
      })}
    </span>
  );
}

export function ScorecardsView() {
  const pane = usePane();
  const styles = useViewStyles();
  const own = useStyles();
  const [groupBy, setGroupBy] = useState("Owner");
  const [sort, setSort] = useState<ScorecardSort>("group");
  const wb = pane.report?.workbook ?? null;
  const ev = pane.report?.evaluation ?? null;
  const options = useMemo(() => groupOptions(wb), [wb]);
  const option = options.find((o) => o.header === groupBy) ?? options[0];
  const grouped = useMemo(() => (wb && ev ? scorecardsBy(wb, ev, option, pane.asOf) : []), [wb, ev, option, pane.asOf]);
  const cards = useMemo(() => sortScorecards(grouped, sort), [grouped, sort]);

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
      success: (r) =>
        `The sheet '${r.sheet}' now shows ${r.groups} scorecard${r.groups === 1 ? "" : "s"} by ${option.header}, with a chart. Its formulas recalculate as goals change.`,
    });
  }

  const state = wb.meta.cycle.state;
  const structureLocked = state === "Data locked" || state === "In review" || state === "Closed";
  const chartSummary = scoreChartText(cards);
  const sortHeader = (column: "group" | "score" | "complete"): "ascending" | "descending" | undefined => {
    if (column === "group") return sort === "group" ? "ascending" : undefined;
    if (!sort.startsWith(column)) return undefined;
    return sort.endsWith("desc") ? "descending" : "ascending";
  };
  const usedStatuses = STATUS_ORDER.filter((s) => cards.some((c) => (c.statusCounts[s] ?? 0) > 0));

  return (
    <section className={styles.view} data-testid="view-scorecards" aria-labelledby="scorecards-heading">
      <ViewHeading id="scorecards-heading">Scorecards</ViewHeading>
      <Body1>Each scorecard is the weighted average of the rolled-up scores of its top goals. Completeness is the share of their weight that has data.</Body1>
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
        <Field label="Sort by" size="small">
          <Select size="small" value={sort} onChange={(_, d) => setSort(d.value as ScorecardSort)}>
            {sortOptions(option.header).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Table size="small" aria-label={`Scorecards by ${option.header}`} className={styles.table} data-testid="scorecards-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell aria-sort={sortHeader("group")}>{option.header}</TableHeaderCell>
            <TableHeaderCell aria-sort={sortHeader("score")}>Score</TableHeaderCell>
            <TableHeaderCell aria-sort={sortHeader("complete")}>Complete</TableHeaderCell>
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
                <StatusBadges counts={c.statusCounts} />
                {c.weightsOff ? <Caption1> Weights total {Math.round(c.weightTotal * 1000) / 1000}, not 100%</Caption1> : null}
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
      <figure className={own.chart} aria-labelledby="status-mix-title" data-testid="status-mix">
        <Text as="span" size={200} id="status-mix-title" weight="semibold">
          Goals by status, per {option.header}
        </Text>
        <ul className={own.legend} aria-label="Status colours">
          {usedStatuses.map((s) => (
            <li key={s} className={own.legendItem}>
              <span className={own.swatch} style={{ backgroundColor: STATUS_FILL[s] }} aria-hidden="true" />
              <Caption1>{s}</Caption1>
            </li>
          ))}
        </ul>
        {cards.map((c) => (
          <div key={c.group} className={own.bar}>
            <Caption1 className={own.label} title={c.group} aria-hidden="true">
              {c.group}
            </Caption1>
            <svg className={own.mixBar} viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={statusMixText(c)} data-testid="status-mix-bar">
              <title>{statusMixText(c)}</title>
              {statusSegments(c.statusCounts).map((seg) => (
                <rect
                  key={seg.status}
                  x={seg.start * 100}
                  y={0}
                  width={seg.share * 100}
                  height={10}
                  style={{ fill: STATUS_FILL[seg.status] }}
                  data-status={seg.status}
                />
              ))}
            </svg>
            <Caption1 aria-hidden="true">{statusSegments(c.statusCounts).reduce((n, seg) => n + seg.count, 0)}</Caption1>
          </div>
        ))}
      </figure>
      {structureLocked ? (
        <Caption1 className={styles.muted}>
          The cycle is {state}: sheets can&apos;t be added now, so an existing Scorecards sheet is rewritten in place; if there is none yet, reopen the cycle to
          Active on the Review tab to add it.
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
