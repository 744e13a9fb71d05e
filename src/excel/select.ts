/**
 * Selecting a cell or a row from the task pane ("Go to cell", a node of the
 * cascade): activates its sheet and selects the range. Two syncs.
 */

import { parseRange, splitSheet } from "../core/a1";

/** A reference such as `Goals!H4`, `'My goals'!B3:Z3` or `H4` split into sheet and range. */
export interface SelectTarget {
  /** The sheet name without quotes; null when the address names no sheet (the active sheet). */
  sheet: string | null;
  /** The range as written, without `$` and in upper case: a cell or range (`H4`, `B3:P9`), whole columns (`A:N`) or whole rows (`3:40`). */
  range: string;
}

/** Splits an address into sheet and range; null when it is not a cell or range reference. */
export function selectTarget(address: string): SelectTarget | null {
  const split = splitSheet(address);
  if (!split || !parseRange(split.ref)) return null;
  return { sheet: split.sheet, range: split.ref.replace(/\$/g, "").toUpperCase() };
}

/** Thrown when the cell cannot be selected; the message says why and what to do. */
export class SelectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectError";
  }
}

/** Activates the sheet of `address` and selects the range. */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<{ sheet: string; range: string }> {
  const parsed = selectTarget(address);
  if (!parsed) throw new SelectError(`'${address}' is not a cell address Goal Scorecards understands. Refresh and try again.`);
  const sheets = context.workbook.worksheets;
  const ws = parsed.sheet === null ? sheets.getActiveWorksheet() : sheets.getItemOrNullObject(parsed.sheet);
  ws.load("name,visibility");
  await context.sync();
  if (ws.isNullObject)
    throw new SelectError(
      `The sheet '${parsed.sheet}' is no longer in the workbook. It may have been renamed or deleted: refresh the task pane and try again.`,
    );
  if (ws.visibility !== "Visible") throw new SelectError(`The sheet '${ws.name}' is hidden. Unhide it (right-click a sheet tab, then Unhide) and try again.`);
  ws.activate();
  ws.getRange(parsed.range).select();
  await context.sync();
  return { sheet: ws.name, range: parsed.range };
}
