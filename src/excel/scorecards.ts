/**
 * The Scorecards sheet: built on the worksheet functions, so analysts see the
 * formulas and can reuse them — a GOAL.SCORECARD spill over the goal tables, a
 * GOAL.ROLLUP cascade view, and a native Excel chart of the scores.
 */
import { evaluate } from "../core/engine";
import { userCell } from "./cells";
import { engineInput, loadWorkbook } from "./workbook";

export const SCORECARDS_SHEET = "Scorecards";

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

export function scorecardFormula(tables: readonly string[], groupBy = "Owner"): string {
  const c = (name: string): string => columnRef(tables, name);
  return `=GOAL.SCORECARD(${c(groupBy)},${c("Rolled Up")},${c("Weight")},${c("ID")},${c("Parent ID")})`;
}

export function rollupFormula(tables: readonly string[]): string {
  const c = (name: string): string => columnRef(tables, name);
  return `=GOAL.ROLLUP(${c("ID")},${c("Parent ID")},${c("Score")},${c("Weight")},${c("Rollup")})`;
}

/** Writes (or rewrites) the Scorecards sheet. */
export async function writeScorecardsSheet(context: Excel.RequestContext, options: { groupBy?: string } = {}): Promise<ScorecardsSheetResult> {
  const wb = await loadWorkbook(context);
  if (wb.goalTables.length === 0) throw new Error("There is no goal table yet. Convert a sheet of goals first.");
  const groupBy = options.groupBy ?? "Owner";
  const names = wb.goalTables.map((t) => t.name);
  const ev = evaluate(engineInput(wb), { settings: wb.meta.settings });
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
    if (old.protection.protected)
      throw new Error("The Scorecards sheet is protected. Unprotect it (Review > Format > Unprotect Sheet) and write it again.");
    sheet = old;
    for (const c of old.charts.items) c.delete();
    sheet.getRange().clear();
  }
  const sc = scorecardFormula(names, groupBy);
  const ru = rollupFormula(names);
  sheet.getRange("A1").values = [[`Scorecards by ${groupBy}`]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A2").values = [["Written by Goal Scorecards from the goal tables; the formulas recalculate as the goals change."]];
  sheet.getRange("A3:D3").values = [[userCell(groupBy), "Score", "Weight total", "Completeness"]];
  sheet.getRange("A4").formulas = [[sc]];
  sheet.getRange("F3:I3").values = [["ID", "Title", "Parent ID", "Rolled up"]];
  sheet.getRange("F4").formulas = [[`=${columnRef(names, "ID")}`]];
  sheet.getRange("G4").formulas = [[`=${columnRef(names, "Title")}`]];
  sheet.getRange("H4").formulas = [[`=${columnRef(names, "Parent ID")}`]];
  sheet.getRange("I4").formulas = [[ru]];
  sheet.getRange("A3:I3").format.font.bold = true;
  const last = 3 + Math.max(1, groups);
  const lastGoal = 3 + Math.max(1, goals);
  // A single format applies to every cell of the range (Office.js).
  const percent = (address: string): void => {
    (sheet.getRange(address) as unknown as { numberFormat: string }).numberFormat = "0%";
  };
  percent(`B4:B${last}`);
  percent(`D4:D${last}`);
  percent(`I4:I${lastGoal}`);
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(`A3:B${last}`), "Columns");
  chart.title.text = `Score by ${groupBy}`;
  await context.sync();
  return { sheet: SCORECARDS_SHEET, scorecardFormula: sc, rollupFormula: ru, groups, goals };
}
