/**
 * "Start from template": a new sheet with the canonical goal columns and three
 * example goals (an objective and two key results aligned to it), converted into
 * a goal table at once. The analyst overwrites the examples.
 */
import { INPUT_COLUMNS, ColumnKey } from "../core/columns";
import { goalRecords } from "../core/tables";
import { dayFromParts, serialFromDay } from "../core/dates";
import { headerText } from "../core/headers";
import { CellValue, userCell } from "./cell-values";
import { ConversionResult, convert, nextIds } from "./convert";
import { engineInput, loadWorkbook } from "./workbook";

export const TEMPLATE_SHEET = "Goals";

export interface TemplateResult {
  sheet: string;
  conversion: ConversionResult;
}

type Row = Partial<Record<ColumnKey, string | number>>;

/** The example goals for a year; IDs are given by the caller (unique in the workbook). */
export function templateRows(year: number, ids: readonly [string, string, string]): CellValue[][] {
  const day = (m: number, d: number): number => serialFromDay(dayFromParts(year, m, d) as number);
  const start = day(1, 1);
  const due = day(12, 31);
  const rows: Row[] = [
    {
      id: ids[0],
      title: "Delight our customers this year",
      type: "Objective",
      level: "Company",
      owner: "Leadership team",
      start,
      due,
      rollup: "Weighted",
      comment: "Example: replace with your own objective",
    },
    {
      id: ids[1],
      title: "Raise net promoter score from 40 to 60",
      type: "Key Result",
      level: "Department",
      parent: ids[0],
      owner: "Example owner",
      weight: 0.5,
      unit: "points",
      direction: "Increase",
      baseline: 40,
      target: 60,
      start,
      due,
      source: "Quarterly customer survey",
      comment: "Example",
    },
    {
      id: ids[2],
      title: "Cut first support response time to eight hours",
      type: "Key Result",
      level: "Department",
      parent: ids[0],
      owner: "Example owner",
      weight: 0.5,
      unit: "hours",
      direction: "Decrease",
      baseline: 24,
      target: 8,
      start,
      due,
      source: "Support desk report",
      comment: "Example",
    },
  ];
  return rows.map((r) => INPUT_COLUMNS.map((c) => userCell(r[c.key] ?? null)));
}

/** A sheet name not yet used: `Goals`, `Goals 2`, … (case-insensitive). */
export function freeSheetName(taken: readonly string[], base = TEMPLATE_SHEET): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

/** Adds the template sheet, activates it and converts it into a goal table. */
export async function startFromTemplate(context: Excel.RequestContext, options: { now?: Date } = {}): Promise<TemplateResult> {
  const year = (options.now ?? new Date()).getFullYear();
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = freeSheetName(sheets.items.map((s) => s.name));
  const wb = await loadWorkbook(context);
  const used = goalRecords(engineInput(wb))
    .map((g) => g.values.id)
    .filter((v) => v !== undefined && v !== null && headerText(v) !== "")
    .map((v) => headerText(v));
  const [a, b, c] = nextIds(used, 3);
  const sheet = sheets.add(name);
  const values: CellValue[][] = [INPUT_COLUMNS.map((col) => col.header), ...templateRows(year, [a, b, c])];
  sheet.getRangeByIndexes(0, 0, values.length, INPUT_COLUMNS.length).values = values;
  sheet.activate();
  await context.sync();
  const conversion = await convert(context, { source: { kind: "sheet", sheet: name } });
  return { sheet: name, conversion };
}
