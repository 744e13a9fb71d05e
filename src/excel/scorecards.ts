/**
 * The Scorecards sheet: built on the worksheet functions, so analysts see the
 * formulas and can reuse them — a GOAL.SCORECARD spill over the goal tables, a
 * GOAL.ROLLUP cascade view, and a native Excel chart of the scores.
 */
import { INPUT_COLUMNS, headerOf } from "../core/columns";
import { EvaluateOptions, evaluate } from "../core/engine";
import { headerText } from "../core/headers";
import { WorkbookInput, goalRecords } from "../core/tables";
import { enumGroupField } from "../core/scorecard";
import { userCell } from "./cell-values";
import { LoadedWorkbook, SCORECARDS_SHEET, engineInput, loadWorkbook } from "./workbook";

export { SCORECARDS_SHEET };
/** The name of the chart of scores on the Scorecards sheet, so that refresh finds it. */
export const SCORECARDS_CHART = "Goal Scorecards scores";
/** The header row of the GOAL.SCORECARD block (1-based); the formula spills from the row below, in column A. */
const SCORECARD_HEADER_ROW = 3;

export interface ScorecardsSheetResult {
  sheet: string;
  scorecardFormula: string;
  rollupFormula: string;
  groups: number;
  goals: number;
}

/** A column of every goal table: `Goals[Owner]`, or `VSTACK(Goals[Owner],Goals_Sales[Owner])` for several. */
export function columnRef(tables: readonly string[], column: string): string {
  const refs = tables.map((t) => `${t}[${column.replace(/([[\]#'])/g, "'$1")}]`);
  return refs.length === 1 ? refs[0] : `VSTACK(${refs.join(",")})`;
}

/**
 * The GOAL.SCORECARD formula: the Rolled Up column the task pane wrote, top goals by ID and Parent
 * ID, and the Status column, so that empty rows of a table make no group. Grouped by an
 * enumeration column (Type, Level, Direction, Rollup) it names that column, so that `team` and
 * `Team` are one group, as in the task pane.
 */
export function scorecardFormula(tables: readonly string[], groupBy = "Owner"): string {
  const c = (name: string): string => columnRef(tables, name);
  const field = enumGroupField(groupBy);
  // The canonical header, never the user's text, goes into the formula.
  const column = field === null ? "" : `,"${headerOf(field)}"`;
  return `=GOAL.SCORECARD(${c(groupBy)},${c("Rolled Up")},${c("Weight")},${c("ID")},${c("Parent ID")},${c("Status")}${column})`;
}

/**
 * The GOAL.ROLLUP formula of the cascade view. It recomputes Weighted, Worst and Own roll-ups from
 * the Score column; the Status column tells it which goals the task pane blocked, and the Rolled
 * Up column gives it the Sum goals' roll-ups (sums of Actuals, which it does not take).
 */
export function rollupFormula(tables: readonly string[]): string {
  const c = (name: string): string => columnRef(tables, name);
  return `=GOAL.ROLLUP(${c("ID")},${c("Parent ID")},${c("Score")},${c("Weight")},${c("Rollup")},${c("Status")},${c("Rolled Up")})`;
}

/** The goals' rows of a column (rows with a Status: not the empty rows of a table); `&""` shows a blank cell blank, not 0. */
export function goalColumnFormula(tables: readonly string[], column: string, text = true): string {
  return `=FILTER(${columnRef(tables, column)}${text ? '&""' : ""},${columnRef(tables, "Status")}<>"")`;
}

/** The cascade view's roll-up column, over the goals' rows only, as goalColumnFormula's. */
export function cascadeFormula(tables: readonly string[]): string {
  return `=FILTER(${rollupFormula(tables).slice(1)},${columnRef(tables, "Status")}<>"")`;
}

/** Writes (or rewrites) the Scorecards sheet. */
export async function writeScorecardsSheet(context: Excel.RequestContext, options: { groupBy?: string } = {}): Promise<ScorecardsSheetResult> {
  const wb = await loadWorkbook(context);
  if (wb.goalTables.length === 0) throw new Error("There is no goal table yet. Convert a sheet of goals first.");
  const groupBy = options.groupBy ?? "Owner";
  const names = wb.goalTables.map((t) => t.name);
  const input = engineInput(wb);
  const ev = evaluate(input, { settings: wb.meta.settings, reviewCycle: wb.meta.cycle.name, ...groupingOf(wb, input, groupBy) });
  // As many as the formula spills and the task pane lists, grouped the same way.
  const groups = ev.scorecards.length;
  const goals = ev.goals.length;

  // Rewritten in place when it exists, so it also works while the workbook
  // structure is protected (from Data locked on sheets cannot be added or deleted).
  const old = context.workbook.worksheets.getItemOrNullObject(SCORECARDS_SHEET);
  old.load("name");
  old.charts.load("items/name");
  old.protection.load("protected");
  await context.sync();
  let sheet: Excel.Worksheet;
  if (old.isNullObject) sheet = context.workbook.worksheets.add(SCORECARDS_SHEET);
  else {
    if (old.protection.protected) throw new Error("The Scorecards sheet is protected. Unprotect it (Review > Format > Unprotect Sheet) and write it again.");
    sheet = old;
    for (const c of old.charts.items) c.delete();
    sheet.getRange().clear();
  }
  const sc = scorecardFormula(names, groupBy);
  const ru = cascadeFormula(names);
  sheet.getRange("A1").values = [[`Scorecards by ${groupBy}`]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A2").values = [["Written by Goal Scorecards from the goal tables; the formulas recalculate as the goals change."]];
  sheet.getRange("A3:D3").values = [[userCell(groupBy), "Score", "Weight total", "Completeness"]];
  sheet.getRange("A4").formulas = [[sc]];
  sheet.getRange("F3:J3").values = [["ID", "Title", "Parent ID", "Rolled up", "Status"]];
  sheet.getRange("F4").formulas = [[goalColumnFormula(names, "ID")]];
  sheet.getRange("G4").formulas = [[goalColumnFormula(names, "Title")]];
  sheet.getRange("H4").formulas = [[goalColumnFormula(names, "Parent ID")]];
  sheet.getRange("I4").formulas = [[cascadeFormula(names)]];
  sheet.getRange("J4").formulas = [[goalColumnFormula(names, "Status", false)]];
  sheet.getRange("A3:J3").format.font.bold = true;
  const last = 3 + Math.max(1, groups);
  const lastGoal = 3 + Math.max(1, goals);
  // A single format applies to every cell of the range (Office.js).
  const percent = (address: string): void => {
    (sheet.getRange(address) as unknown as { numberFormat: string }).numberFormat = "0%";
  };
  percent(`B4:B${last}`);
  percent(`D4:D${last}`);
  percent(`I4:I${lastGoal}`);
  // Sized by the engine's count for now; followScorecardSpill then sizes it by what Excel spilled.
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(`A3:B${last}`), "Columns");
  chart.name = SCORECARDS_CHART;
  chart.title.text = `Score by ${groupBy}`;
  await context.sync();
  await followScorecardSpill(context);
  return { sheet: SCORECARDS_SHEET, scorecardFormula: sc, rollupFormula: ru, groups, goals };
}

/** The engine's grouping for a column header: a goal column by its key, another column by its cells (as the task pane groups). */
function groupingOf(wb: LoadedWorkbook, input: WorkbookInput, header: string): Pick<EvaluateOptions, "groupBy" | "groups"> {
  const want = header.trim().toLowerCase();
  const known = INPUT_COLUMNS.find((c) => c.header.toLowerCase() === want);
  if (known) return { groupBy: known.key };
  const groups = goalRecords(input).map((g) => {
    const t = g.source ? wb.goalTables.find((x) => x.name === g.source?.table) : undefined;
    const c = t ? t.columnNames.findIndex((n) => n.trim().toLowerCase() === want) : -1;
    if (!t || !g.source || c < 0) return null;
    const v = headerText(t.rows[g.source.row]?.[c]);
    return v === "" ? null : v;
  });
  return { groups };
}

/** Whether Excel has ExcelApi 1.12 (`Range.getSpillingToRange`); true outside Office (the in-memory host). */
function spillApiSupported(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === "function" ? requirements.isSetSupported("ExcelApi", "1.12") : true;
}

/**
 * Points the Scorecards chart at the rows GOAL.SCORECARD spills into now, and gives
 * the spilled rows their percent formats: a chart's source is a fixed range, so a
 * spill that grows with new owners would otherwise leave them out of the chart.
 * Two syncs. Leaves the sheet alone when the chart is gone, the spill is blocked
 * (#SPILL!), the sheet is protected, or Excel has no ExcelApi 1.12 (no spills either).
 * The Scorecards sheet must exist.
 */
export async function followScorecardSpill(context: Excel.RequestContext): Promise<boolean> {
  if (!spillApiSupported()) return false;
  const sheet = context.workbook.worksheets.getItem(SCORECARDS_SHEET);
  sheet.protection.load("protected");
  const chart = sheet.charts.getItemOrNullObject(SCORECARDS_CHART);
  chart.load("name");
  const cards = sheet.getRange(`A${SCORECARD_HEADER_ROW + 1}`).getSpillingToRangeOrNullObject();
  cards.load("rowCount");
  const rollup = sheet.getRange(`I${SCORECARD_HEADER_ROW + 1}`).getSpillingToRangeOrNullObject();
  rollup.load("rowCount");
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- sheet.protection.load("protected") above; the rule reads the navigation as an unloaded property
  if (sheet.protection.protected || chart.isNullObject || cards.isNullObject) return false;
  const first = SCORECARD_HEADER_ROW + 1;
  const last = SCORECARD_HEADER_ROW + cards.rowCount;
  chart.setData(sheet.getRange(`A${SCORECARD_HEADER_ROW}:B${last}`), "Columns");
  // A single format applies to every cell of the range (Office.js).
  const percent = (address: string): void => {
    (sheet.getRange(address) as unknown as { numberFormat: string }).numberFormat = "0%";
  };
  percent(`B${first}:B${last}`);
  percent(`D${first}:D${last}`);
  if (!rollup.isNullObject) percent(`I${first}:I${SCORECARD_HEADER_ROW + rollup.rowCount}`);
  await context.sync();
  return true;
}
