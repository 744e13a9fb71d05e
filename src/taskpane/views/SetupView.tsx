/**
 * Set up: convert the active sheet or the selection into a goal table after the
 * user has seen (and changed) the proposed header mapping; or start a new goal
 * sheet from the template in one click.
 */
import { useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { HeaderOverride } from "../../core/headers";
import { planConversion } from "../../excel/convert";
import { choiceOptions, choose, kindLabel, mappingRows, missingText, MatchKind } from "../logic/mapping";
import { usePane } from "../pane";
import type { BlockToConvert } from "../services";
import { ViewHeading, useViewStyles } from "./common";

const KIND_COLOR: Record<MatchKind, "success" | "warning" | "brand" | "informative" | "subtle"> = {
  strong: "success",
  weak: "warning",
  yours: "brand",
  computed: "informative",
  none: "subtle",
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function SetupView() {
  const pane = usePane();
  const styles = useViewStyles();
  const [pending, setPending] = useState<BlockToConvert | null>(null);
  const [overrides, setOverrides] = useState<HeaderOverride[]>([]);
  const [replaceComputed, setReplaceComputed] = useState(false);

  const original = useMemo(() => (pending ? planConversion(pending.block) : null), [pending]);
  const plan = useMemo(() => (pending ? planConversion(pending.block, { overrides, replaceComputed }) : null), [pending, overrides, replaceComputed]);
  const rows = useMemo(
    () => (original && plan ? mappingRows(original.mapping, plan.mapping, overrides, plan.block.columnIndex) : []),
    [original, plan, overrides],
  );

  const tables = pane.report?.workbook.goalTables ?? [];
  const goals = pane.report?.evaluation.goals.length ?? 0;

  async function propose(kind: "sheet" | "selection") {
    const b = await pane.run(kind === "sheet" ? "Reading the sheet…" : "Reading the selection…", () => pane.services.readBlock(kind), {
      cancellable: true,
      doing: "Reading the goals",
    });
    if (!b) return;
    pane.dismiss();
    setOverrides([]);
    setReplaceComputed(false);
    setPending(b);
  }

  async function confirm() {
    if (!pending) return;
    const result = await pane.run("Converting…", () => pane.services.convert(pending.source, { overrides, replaceComputed }), {
      doing: "Converting",
      success: (r) =>
        `Converted into the table ${r.tableName}: ${plural(r.refresh.evaluation.goals.length, "goal", "goals")}` +
        (r.idsAssigned.length > 0 ? `, ${plural(r.idsAssigned.length, "new ID", "new IDs")}` : "") +
        ". Next: the Check tab lists what each goal still needs.",
    });
    if (!result) return;
    setPending(null);
    pane.setReport(result.refresh);
    pane.restartAutoRefresh();
    if (pane.asOf !== null) await pane.refresh();
  }

  async function template() {
    const result = await pane.run("Creating a goal sheet…", () => pane.services.startFromTemplate(), {
      doing: "Starting from the template",
      success: (r) => `Added the sheet '${r.sheet}' with the goal table ${r.conversion.tableName} and three example goals. Replace them with your own goals.`,
    });
    if (!result) return;
    setPending(null);
    pane.setReport(result.conversion.refresh);
    pane.restartAutoRefresh();
  }

  const blockingProblems = plan ? plan.problems : [];

  return (
    <section className={styles.view} data-testid="view-setup" aria-labelledby="setup-heading">
      <ViewHeading id="setup-heading">Set up</ViewHeading>
      {tables.length > 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            This workbook has {plural(goals, "goal", "goals")} in {tables.map((t) => t.name).join(", ")}. The Check tab shows what to fix.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1>
        Turn a sheet of goals into a goal table. Goal Scorecards proposes which of your columns is which; you check it before anything changes. Every cell you
        have is kept.
      </Body1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void propose("sheet")} disabled={pane.busy}>
          Convert sheet
        </Button>
        <Button onClick={() => void propose("selection")} disabled={pane.busy}>
          Convert selection
        </Button>
      </div>
      <div className={styles.section}>
        <Body1>No goals yet? Start a new goal sheet with the right columns and three examples.</Body1>
        <div>
          <Button onClick={() => void template()} disabled={pane.busy}>
            Start from template
          </Button>
        </div>
      </div>

      {pending && plan ? (
        <section className={styles.section} aria-labelledby="proposal-heading" data-testid="proposal">
          <ViewHeading id="proposal-heading">Check the columns</ViewHeading>
          <Body1>
            {plan.address}: {plural(plan.rows, "row", "rows")} below the header row.
            {plan.blankIds > 0 ? ` ${plural(plan.blankIds, "goal has", "goals have")} no ID and will get one.` : ""}
            {plan.duplicateIds.length > 0 ? ` These IDs are used more than once: ${plan.duplicateIds.join(", ")} (fix them after converting).` : ""}
          </Body1>
          <Caption1 className={styles.muted}>
            For each of your columns, choose the goal column it holds, or keep it as your own column. “Please check” marks a guess.
          </Caption1>
          <Table size="small" aria-label="Proposed columns" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Your column</TableHeaderCell>
                <TableHeaderCell>Goal column</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.source} data-testid={`mapping-${r.letter}`}>
                  <TableCell>
                    <div className={styles.section}>
                      <Body1>
                        {r.letter}: {r.header === "" ? "(no header)" : r.header}
                      </Body1>
                      <div>
                        <Badge appearance="tint" color={KIND_COLOR[r.kind]} size="small">
                          {kindLabel(r.kind)}
                        </Badge>
                      </div>
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.section}>
                      <Select aria-label={r.label} value={r.value} onChange={(_, d) => setOverrides(choose(overrides, r.source, d.value))} size="small">
                        {choiceOptions(r).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </Select>
                      {r.reason && r.kind === "none" && r.reason !== "no known column" ? <Caption1 className={styles.muted}>{r.reason}</Caption1> : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {plan.mapping.missing.length > 0 ? <Caption1>Added at the right, empty, for you to fill: {missingText(plan.mapping)}.</Caption1> : null}
          {plan.headerChanges.length > 0 ? (
            <Accordion collapsible>
              <AccordionItem value="changes">
                <AccordionHeader size="small">What changes in your sheet ({plan.headerChanges.length})</AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {plan.headerChanges.map((c) => (
                      <li key={c.column}>
                        <Caption1>
                          {c.address}: {c.from === "" ? `new column “${c.to}”` : `“${c.from}” becomes “${c.to}”`}
                        </Caption1>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          ) : null}
          {plan.computedWithData.length > 0 ? (
            <Checkbox
              checked={replaceComputed}
              onChange={(_, d) => setReplaceComputed(d.checked === true)}
              label={`Replace what is in ${plan.computedWithData.join(", ")} with Goal Scorecards' own values`}
            />
          ) : null}
          {blockingProblems.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Not ready to convert</MessageBarTitle>
                {blockingProblems.join(" ")}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void confirm()} disabled={pane.busy || (blockingProblems.length > 0 && !plan.alreadyTable)}>
              Confirm and convert
            </Button>
            <Button onClick={() => setPending(null)} disabled={pane.busy}>
              Cancel
            </Button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
