/**
 * What the views need from the last refresh besides the engine's results: where
 * each goal's row is (to select it), which columns scorecards can be grouped by,
 * and scorecards per another column (the engine computes them). Pure.
 */
import { ColumnKey, INPUT_COLUMNS, COMPUTED_COLUMNS } from "../../core/columns";
import { Day } from "../../core/dates";
import { Evaluation, evaluate } from "../../core/engine";
import { columnLetters } from "../../core/a1";
import { headerText, matchComputed, matchHeader } from "../../core/headers";
import { WorkbookInput, goalCellAddress, goalRecord, goalRecords } from "../../core/tables";
import { Scorecard } from "../../core/scorecard";
import type { LoadedWorkbook } from "../../excel/workbook";
import { engineInput } from "../../excel/workbook";

const inputs = new WeakMap<LoadedWorkbook, WorkbookInput>();

/** The engine input of a loaded workbook, computed once per workbook. */
export function inputOf(wb: LoadedWorkbook): WorkbookInput {
  let i = inputs.get(wb);
  if (!i) inputs.set(wb, (i = engineInput(wb)));
  return i;
}

/** The address of goal `index`'s whole table row, e.g. `Goals!B4:AC4`; null when unknown. */
export function goalRowAddress(wb: LoadedWorkbook, index: number): string | null {
  const input = inputOf(wb);
  if (!(index >= 0 && index < input.goalCount)) return null;
  const g = goalRecord(input, index);
  if (!g.where) return null;
  const t = g.source ? wb.goalTables.find((x) => x.name === g.source?.table) : undefined;
  if (!t || t.headers.length <= 1) return g.where;
  const row = t.headerRowIndex + 2 + (g.source?.row ?? 0);
  return `${g.where}:${columnLetters(t.firstColumn + t.headers.length - 1)}${row}`;
}

/** The cell to select for a finding without a cell: the goal's ID cell, else its row start. */
export function goalCell(wb: LoadedWorkbook, index: number): string | null {
  const input = inputOf(wb);
  return index >= 0 && index < input.goalCount ? goalCellAddress(input, index, "id") : null;
}

export interface GroupOption {
  /** The column's header as written on the Scorecards sheet (`Owner`, `Team`). */
  header: string;
  /** A canonical column, or null for a user column. */
  key: ColumnKey | null;
}

const GROUPABLE: readonly ColumnKey[] = ["owner", "level", "type", "cycle", "unit", "source", "direction"];

/** Columns to group scorecards by: Owner first, other text columns, then the user's own columns. */
export function groupOptions(wb: LoadedWorkbook | null): GroupOption[] {
  const out: GroupOption[] = GROUPABLE.map((k) => ({ header: INPUT_COLUMNS.find((c) => c.key === k)?.header ?? k, key: k }));
  if (!wb) return out;
  const seen = new Set(out.map((o) => o.header.toLowerCase()));
  for (const t of wb.goalTables) {
    for (const name of t.columnNames) {
      const h = name.trim();
      if (h === "" || seen.has(h.toLowerCase())) continue;
      if (matchHeader(h) !== null || matchComputed(h) !== null || (COMPUTED_COLUMNS as readonly string[]).includes(h)) continue;
      seen.add(h.toLowerCase());
      out.push({ header: h, key: null });
    }
  }
  return out;
}

/** The value of a user column for every goal (null where a table lacks the column). */
export function userColumnValues(wb: LoadedWorkbook, header: string): (string | null)[] {
  const input = inputOf(wb);
  const want = header.trim().toLowerCase();
  return goalRecords(input).map((g) => {
    if (!g.source) return null;
    const t = wb.goalTables.find((x) => x.name === g.source?.table);
    const c = t ? t.columnNames.findIndex((n) => n.trim().toLowerCase() === want) : -1;
    if (!t || c < 0) return null;
    const v = headerText(t.rows[g.source.row]?.[c]);
    return v === "" ? null : v;
  });
}

/** Scorecards grouped by `option` (Owner: the refresh's own). The engine computes them. */
export function scorecardsBy(wb: LoadedWorkbook, ev: Evaluation, option: GroupOption, asOf: Day | null): Scorecard[] {
  if (option.key === "owner") return ev.scorecards;
  const input = inputOf(wb);
  const common = { asOf: asOf ?? ev.asOf, settings: ev.settings, reviewCycle: wb.meta.cycle.name };
  const again =
    option.key !== null ? evaluate(input, { ...common, groupBy: option.key }) : evaluate(input, { ...common, groups: userColumnValues(wb, option.header) });
  return again.scorecards;
}
