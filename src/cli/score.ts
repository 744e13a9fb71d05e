/**
 * `score` and `validate`: read a workbook, run the engine (src/core evaluate), and
 * print the result as JSON (cli.md) or as tables for a person.
 */
import { displayText, unwrap } from "../core/cells";
import { ColumnKey, STATUSES, Status } from "../core/columns";
import { Day, dayFromIso, isoDay, today } from "../core/dates";
import { Evaluation, GoalResult, evaluate } from "../core/engine";
import { Finding } from "../core/findings";
import { matchHeader, normalizeHeader, headerText } from "../core/headers";
import { Missing } from "../core/scorecard";
import { FileError, UsageError } from "./errors";
import { SourceWorkbook } from "./read";
import { Style, num, pct, severityColour, statusColour, table, truncate } from "./render";
import { checkInRecords } from "../core/tables";

export function parseAsOf(text: string | undefined, now: Date): Day {
  if (text === undefined) return today(now);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? dayFromIso(text) : null;
  if (day === null) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, not '${text}'`);
  return day;
}

export interface Grouping {
  label: string;
  groupBy?: ColumnKey;
  groups?: (string | null)[];
}

/**
 * `--by COLUMN`: a goal column (canonical name or synonym, as the table maps it) groups
 * by that column; any other column of the goal table (a user column) by its values.
 */
export function grouping(wb: SourceWorkbook, by: string | undefined): Grouping {
  if (by === undefined) return { label: "Owner", groupBy: "owner" };
  const want = normalizeHeader(by);
  for (const s of wb.sources) {
    const mapped = s.mapping.matches.find((m) => normalizeHeader(m.header) === want);
    if (mapped) return { label: mapped.header, groupBy: mapped.key };
  }
  const known = matchHeader(by);
  const inAnyTable = (key: ColumnKey) => wb.sources.some((s) => s.mapping.matches.some((m) => m.key === key));
  if (known && inAnyTable(known.key)) {
    const header = wb.sources.flatMap((s) => s.mapping.matches).find((m) => m.key === known.key)?.header ?? by;
    return { label: header, groupBy: known.key };
  }
  // A user column: its index in each source table (or -1).
  const index = wb.sources.map((s) => s.table.headers.findIndex((h) => normalizeHeader(headerText(h)) === want));
  if (index.some((i) => i >= 0)) {
    const groups = wb.origin.map(({ source, row }) => {
      const i = index[source];
      const cells = wb.sources[source].table.rows[row];
      if (i < 0 || !cells) return null;
      const t = displayText(unwrap(cells[i])).trim();
      return t === "" ? null : t;
    });
    const header = wb.sources.map((s, si) => (index[si] >= 0 ? headerText(s.table.headers[index[si]]) : null)).find((h) => h !== null) ?? by;
    return { label: header, groups };
  }
  const columns = [...new Set(wb.sources.flatMap((s) => s.table.headers.map(headerText)).filter((h) => h !== ""))];
  throw new FileError(wb.file, `has no column '${by}' to group by (--by); its goal columns: ${columns.join(", ")}`);
}

export interface RunOptions {
  asOf: Day;
  by?: string;
  missing?: Missing;
}

export function evaluateWorkbook(wb: SourceWorkbook, o: RunOptions): { evaluation: Evaluation; grouping: Grouping } {
  const g = grouping(wb, o.by);
  const evaluation = evaluate(wb.input, {
    asOf: o.asOf,
    settings: wb.meta.settings,
    groupBy: g.groupBy,
    groups: g.groups,
    missing: o.missing ?? "exclude",
    reviewCycle: wb.meta.cycle.name,
  });
  return { evaluation, grouping: g };
}

// ---- JSON (cli.md) ----

export function findingJson(f: Finding) {
  return { code: f.code, severity: f.severity, goal: f.goal, field: f.field, cell: f.cell, message: f.message };
}

function finite(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}

export function scoreJson(ev: Evaluation) {
  return {
    asOf: isoDay(ev.asOf),
    goals: ev.goals.map((g) => ({
      id: g.id,
      title: g.title,
      owner: g.owner,
      type: g.type,
      progress: finite(g.progress),
      score: finite(g.score),
      status: g.status,
      rolledUp: finite(g.rolledUp),
      coverage: finite(g.coverage),
      smart: g.smart,
      escalate: g.escalate,
      findings: g.findings,
    })),
    scorecards: ev.scorecards.map((c) => ({
      group: c.group,
      score: finite(c.score),
      weightTotal: c.weightTotal,
      completeness: finite(c.completeness),
      statusCounts: c.statusCounts,
    })),
    findings: ev.findings.map(findingJson),
  };
}

export function summary(ev: Evaluation): { fail: number; warn: number } {
  let fail = 0;
  let warn = 0;
  for (const f of ev.findings)
    if (f.severity === "fail") fail++;
    else warn++;
  return { fail, warn };
}

export function validateJson(ev: Evaluation) {
  return { asOf: isoDay(ev.asOf), findings: ev.findings.map(findingJson), summary: summary(ev) };
}

// ---- Text ----

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function headline(wb: SourceWorkbook, ev: Evaluation, style: Style): string {
  const parts = [plural(ev.goals.length, "goal"), plural(checkInRecords(wb.input).length, "check-in"), `as of ${isoDay(ev.asOf)}`];
  const m = wb.meta;
  if (m.cycle.name) parts.push(`cycle ${m.cycle.name} (${m.cycle.state})`);
  else if (wb.hasMeta) parts.push(`cycle state ${m.cycle.state}`);
  return `${style.bold(wb.file)}: ${parts.join(" · ")}`;
}

function notes(wb: SourceWorkbook, style: Style): string[] {
  const out: string[] = [];
  for (const s of wb.sources)
    if (s.kind === "sheet")
      out.push(
        style.dim(
          `Read from sheet '${s.table.sheet}' (no Goals table), header row ${s.table.headerRow}${s.ignored.length ? `; not read (weak header matches): ${s.ignored.join(", ")}` : ""}`,
        ),
      );
  for (const p of wb.meta.problems) out.push(style.yellow(`Note: ${p.message}`));
  return out;
}

function goalLabel(g: GoalResult | undefined): string {
  if (!g) return "(check-ins of no goal)";
  return `${g.id ?? "(no ID)"}  ${truncate(g.title ?? "(no title)", 60)}`;
}

/** Findings grouped by goal, in goal order; check-in findings without a goal last. */
export function findingsText(ev: Evaluation, style: Style): string[] {
  const byGoal = new Map<number, Finding[]>();
  for (const f of ev.findings) {
    const list = byGoal.get(f.goalIndex);
    if (list) list.push(f);
    else byGoal.set(f.goalIndex, [f]);
  }
  const keys = [...byGoal.keys()].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  const lines: string[] = [];
  for (const k of keys) {
    const fs = byGoal.get(k) ?? [];
    lines.push(style.bold(goalLabel(ev.goals[k])));
    const rows = fs.map((f) => [severityColour(f.severity, style)(f.severity), f.code, f.field, f.cell ?? "", f.message]);
    // No header row: each block is short; columns still line up within a goal.
    lines.push(...table([{ header: "" }, { header: "" }, { header: "" }, { header: "" }, { header: "" }], rows, style).slice(1));
  }
  return lines;
}

function statusCountsText(counts: Partial<Record<Status, number>>, style: Style): string {
  return STATUSES.filter((s) => counts[s])
    .map((s) => statusColour(s, style)(`${s} ${counts[s]}`))
    .join(", ");
}

export function scoreText(wb: SourceWorkbook, ev: Evaluation, g: Grouping, style: Style): string[] {
  const lines: string[] = [headline(wb, ev, style), ...notes(wb, style), ""];
  if (ev.goals.length === 0) {
    lines.push("No goals yet: the goal table is empty.");
    return lines;
  }
  lines.push(style.bold(`Scorecard by ${g.label}`));
  lines.push(
    ...table(
      [
        { header: g.label },
        { header: "Score", align: "right" },
        { header: "Weights", align: "right" },
        { header: "Complete", align: "right" },
        { header: "Statuses" },
      ],
      ev.scorecards.map((c) => [truncate(c.group, 40), pct(c.score), num(c.weightTotal), pct(c.completeness), statusCountsText(c.statusCounts, style)]),
      style,
    ),
  );
  lines.push("", style.bold("Goals by status"));
  const order: (Status | null)[] = [...STATUSES, null];
  for (const st of order) {
    const goals = ev.goals.filter((x) => x.status === st);
    if (goals.length === 0) continue;
    const colour = statusColour(st, style);
    lines.push(colour(`${st ?? "Not scored"} (${goals.length})`));
    if (st === null) {
      lines.push(
        ...table(
          [{ header: "ID" }, { header: "Title" }, { header: "Owner" }, { header: "Why" }],
          goals.map((x) => [x.id ?? "", truncate(x.title ?? "", 40), truncate(x.owner ?? "", 20), x.error ?? ""]),
          style,
        ),
      );
      continue;
    }
    lines.push(
      ...table(
        [
          { header: "ID" },
          { header: "Title" },
          { header: "Owner" },
          { header: "Progress", align: "right" },
          { header: "Score", align: "right" },
          { header: "Rolled up", align: "right" },
          { header: "SMART" },
          { header: "" },
        ],
        goals.map((x) => [
          x.id ?? "",
          truncate(x.title ?? "", 40),
          truncate(x.owner ?? "", 20),
          pct(x.progress),
          pct(x.score),
          pct(x.rolledUp),
          x.smart,
          x.escalate ? style.red("escalate") : "",
        ]),
        style,
      ),
    );
  }
  const s = summary(ev);
  lines.push("", style.bold(`Findings: ${s.fail} fail, ${s.warn} warn`));
  lines.push(...findingsText(ev, style));
  return lines;
}

export function validateText(wb: SourceWorkbook, ev: Evaluation, style: Style): string[] {
  const lines: string[] = [headline(wb, ev, style), ...notes(wb, style), ""];
  const s = summary(ev);
  if (ev.findings.length === 0) {
    lines.push(style.green("No findings: every goal passes the SMART and data rules."));
    return lines;
  }
  const verdict = s.fail > 0 ? style.red(`${s.fail} fail`) : `${s.fail} fail`;
  lines.push(style.bold(`Findings: `) + `${verdict}, ${s.warn} warn`);
  lines.push(...findingsText(ev, style));
  return lines;
}
