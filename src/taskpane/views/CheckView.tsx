/**
 * Check: the SMART and data findings grouped by goal (goals with failures first),
 * filterable by severity, rule letter and owner, each with the rule's name, its
 * message and a button that names and selects its cell.
 */
import { useMemo, useState } from "react";
import { Badge, Body1, Button, Caption1, Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import {
  ALL_FINDINGS,
  FindingFilter,
  LETTER_OPTIONS,
  LetterFilter,
  SEVERITY_OPTIONS,
  SeverityFilter,
  findingRank,
  goalLabel,
  groupFindings,
  ownerOptions,
  ruleDetail,
  ruleName,
  severityLabel,
  summarize,
  summaryLine,
} from "../logic/findings";
import { cellLabel } from "../logic/format";
import { goalCell } from "../logic/workbookView";
import { usePane } from "../pane";
import { NoGoals, ViewHeading, hasGoals, useViewStyles } from "./common";

const PAGE = 50;

export function CheckView() {
  const pane = usePane();
  const styles = useViewStyles();
  const [filter, setFilter] = useState<FindingFilter>(ALL_FINDINGS);
  const [shown, setShown] = useState(PAGE);
  const ev = pane.report?.evaluation ?? null;
  const wb = pane.report?.workbook ?? null;

  const groups = useMemo(() => (ev ? groupFindings(ev, filter) : []), [ev, filter]);
  const summary = useMemo(() => (ev ? summarize(ev) : null), [ev]);
  const owners = useMemo(() => (ev ? ownerOptions(ev) : []), [ev]);

  if (!ev || !wb || !hasGoals(pane))
    return (
      <section className={styles.view} data-testid="view-check" aria-labelledby="check-heading">
        <ViewHeading id="check-heading">Check</ViewHeading>
        <NoGoals what="check" />
      </section>
    );

  const update = (patch: Partial<FindingFilter>): void => {
    setFilter({ ...filter, ...patch });
    setShown(PAGE);
  };

  return (
    <section className={styles.view} data-testid="view-check" aria-labelledby="check-heading">
      <ViewHeading id="check-heading">Check</ViewHeading>
      {summary ? (
        <Body1 data-testid="check-summary" role="status">
          {summaryLine(summary)}
          {summary.goalsFailing > 0 ? ` (${summary.goalsFailing} of the goals need a fix)` : ""}
        </Body1>
      ) : null}
      <div className={styles.row}>
        <Field label="Severity" size="small">
          <Select size="small" value={filter.severity} onChange={(_, d) => update({ severity: d.value as SeverityFilter })}>
            {SEVERITY_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Rule" size="small">
          <Select size="small" value={filter.letter} onChange={(_, d) => update({ letter: d.value as LetterFilter })}>
            {LETTER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner" size="small">
          <Select size="small" value={filter.owner ?? ""} onChange={(_, d) => update({ owner: d.value === "" ? null : d.value })}>
            <option value="">All owners</option>
            {owners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {groups.length === 0 ? (
        <Body1 data-testid="check-empty">
          {ev.findings.length === 0 ? "Nothing to fix: every goal passes every rule." : "No finding matches these filters."}
        </Body1>
      ) : (
        <ul className={styles.list} aria-label="Findings by goal">
          {groups.slice(0, shown).map((g) => (
            <li key={g.key} className={styles.card} data-testid="finding-group">
              <Subtitle2 as="h3" className={styles.heading}>
                {goalLabel(g)}
              </Subtitle2>
              {g.goalIndex >= 0 ? (
                <Caption1 className={styles.muted}>
                  {g.owner ?? "No owner"} · SMART {g.smart}
                </Caption1>
              ) : null}
              <ul className={styles.list}>
                {g.findings.map((f, i) => {
                  const cell = f.cell ?? (f.goalIndex >= 0 ? goalCell(wb, f.goalIndex) : null);
                  return (
                    <li key={`${f.code}-${f.field}-${i}`} data-testid="finding" data-rule={f.code} data-severity={f.severity}>
                      <div className={styles.row}>
                        <Badge appearance="filled" color={f.severity === "fail" ? "danger" : "warning"} size="small">
                          {severityLabel(f.severity, findingRank(f) === 0)}
                        </Badge>
                        <Text size={300} weight="semibold" data-testid="finding-rule">
                          {ruleName(f.code)}
                        </Text>
                        <Caption1 className={styles.muted}>{ruleDetail(f)}</Caption1>
                      </div>
                      <Body1 as="p" className={styles.block}>
                        {f.message}
                      </Body1>
                      {cell ? (
                        <div>
                          <Button size="small" onClick={() => void pane.goTo(cell)} disabled={pane.busy} data-address={cell}>
                            {`Go to ${cellLabel(cell)}`}
                          </Button>
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {groups.length > shown ? (
        <div>
          <Button onClick={() => setShown(shown + PAGE)}>Show more goals ({groups.length - shown} more)</Button>
        </div>
      ) : null}
    </section>
  );
}
