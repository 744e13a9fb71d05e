/**
 * Selecting a cell or a row from the task pane ("Go to cell", a node of the
 * cascade): activates its sheet and selects the range. Two syncs.
 */

/** A reference such as `Goals!H4`, `'My goals'!B3:Z3` or `H4` split into sheet and range. */
export interface ParsedAddress {
  /** The sheet name without quotes; null when the address names no sheet (the active sheet). */
  sheet: string | null;
  range: string;
}

/** A cell or range (`H4`, `B3:P9`), whole columns (`A:N`) or whole rows (`3:40`), as Excel writes a selection's address. */
const RANGE = /^(?:\$?[A-Za-z]{1,3}\$?[1-9]\d*(?::\$?[A-Za-z]{1,3}\$?[1-9]\d*)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[1-9]\d*:\$?[1-9]\d*)$/;

/** Splits an address into sheet and range; null when it is not a cell or range reference. */
export function parseAddress(address: string): ParsedAddress | null {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  let sheet: string | null = null;
  let range = text;
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    range = text.slice(bang + 1);
    if (raw.startsWith("'")) {
      if (!raw.endsWith("'") || raw.length < 3) return null;
      sheet = raw.slice(1, -1).replace(/''/g, "'");
    } else sheet = raw;
    if (sheet === "") return null;
  }
  if (!RANGE.test(range)) return null;
  return { sheet, range: range.replace(/\$/g, "").toUpperCase() };
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
  const parsed = parseAddress(address);
  if (!parsed) throw new SelectError(`'${address}' is not a cell address Goal Scorecards understands. Refresh and try again.`);
  const sheets = context.workbook.worksheets;
  const ws = parsed.sheet === null ? sheets.getActiveWorksheet() : sheets.getItemOrNullObject(parsed.sheet);
  ws.load("name,visibility");
  await context.sync();
  if (ws.isNullObject)
    throw new SelectError(`The sheet '${parsed.sheet}' is no longer in the workbook. It may have been renamed or deleted: refresh the task pane and try again.`);
  if (ws.visibility !== "Visible")
    throw new SelectError(`The sheet '${ws.name}' is hidden. Unhide it (right-click a sheet tab, then Unhide) and try again.`);
  ws.activate();
  ws.getRange(parsed.range).select();
  await context.sync();
  return { sheet: ws.name, range: parsed.range };
}
