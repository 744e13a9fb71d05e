/**
 * Converting a sheet of goals into a goal table, without losing a cell: propose a
 * header mapping, and on the user's confirmation rename the confirmed headers, add
 * missing columns at the right, give blank IDs the next free ID, add the table,
 * dropdowns, formats and the computed columns, then refresh. Every step can run
 * again: a second run after a failure completes the conversion.
 */
import { COMPUTED_COLUMNS, ColumnKey, DIRECTIONS, ENUM_SYNONYMS, EnumField, GOAL_TYPES, INPUT_COLUMNS, LEVELS, ROLLUP_MODES, headerOf } from "../core/columns";
import { cellAddress, columnLetters } from "../core/a1";
import { HeaderMapping, HeaderOverride, applyOverrides, headerText, matchComputed, proposeMapping } from "../core/headers";
import { isBlank } from "../core/cells";
import { isGoalTableName } from "../core/tables";
import { CellValue, readChunks } from "./cell-values";
import { ensureMetaSheet } from "./meta";
import { CellWrite, RefreshReport, refresh, writeRuns } from "./refresh";
import { loadWorkbook } from "./workbook";

export type ConvertSource = { kind: "sheet"; sheet?: string } | { kind: "selection" };

export interface SheetBlock {
  sheet: string;
  /** 0-based worksheet row of the header row and column of the first column. */
  rowIndex: number;
  columnIndex: number;
  /** Header row first, then the data rows. */
  values: unknown[][];
  /** Tables on the sheet that overlap the block, and whether they are goal tables. */
  tables: { name: string; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[];
  workbookTables: string[];
}

export interface HeaderChange {
  column: number;
  address: string;
  from: string;
  to: string;
  why: "mapped" | "duplicate" | "blank" | "added" | "computed";
}

export interface ConversionProposal {
  sheet: string;
  address: string;
  mapping: HeaderMapping;
  /** Headers that will be written: renames the user confirms, duplicates made unique, new columns. */
  headerChanges: HeaderChange[];
  rows: number;
  blankIds: number;
  duplicateIds: string[];
  /** Computed columns that already hold user data (the user must agree to replace them). */
  computedWithData: string[];
  tableName: string;
  /** The block is already a goal table: converting again completes it. */
  alreadyTable: string | null;
  problems: string[];
}

export interface ConversionPlan {
  source: ConvertSource;
  overrides?: HeaderOverride[];
  /** Replace computed columns that hold user data. */
  replaceComputed?: boolean;
  tableName?: string;
}

export interface ConversionResult {
  tableName: string;
  address: string;
  headerChanges: HeaderChange[];
  idsAssigned: { address: string; id: string }[];
  refresh: RefreshReport;
}

/** Reads the block to convert (a fixed number of syncs plus read chunks). */
export async function readBlock(context: Excel.RequestContext, source: ConvertSource): Promise<SheetBlock> {
  let range: Excel.Range;
  let sheet: Excel.Worksheet;
  let wholeLines: Excel.Range | null = null;
  if (source.kind === "selection") {
    const sel = context.workbook.getSelectedRange();
    sel.load("rowIndex,columnIndex,rowCount,columnCount,isEntireColumn,isEntireRow");
    await context.sync();
    sheet = sel.worksheet;
    if (sel.rowCount * sel.columnCount <= 1) range = sheet.getUsedRange(true);
    else if (sel.isEntireColumn || sel.isEntireRow) {
      // Whole columns (A:N) or rows (3:40): only the part inside the used range, not a million rows.
      range = sel.getUsedRangeOrNullObject(true);
      wholeLines = sel;
    } else range = sel;
  } else {
    sheet = source.sheet ? context.workbook.worksheets.getItem(source.sheet) : context.workbook.worksheets.getActiveWorksheet();
    range = sheet.getUsedRange(true);
  }
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  sheet.load("name");
  sheet.tables.load("items/name");
  const all = context.workbook.tables;
  all.load("items/name");
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- range.load(...) above loads it; isNullObject is readable after any load
  if (wholeLines && range.isNullObject) {
    // Nothing typed in the selected columns or rows: an empty block (the proposal says there are no goals).
    return {
      sheet: sheet.name,
      rowIndex: wholeLines.rowIndex,
      columnIndex: wholeLines.columnIndex,
      values: [[]],
      tables: [],
      workbookTables: all.items.map((t) => t.name),
    };
  }
  const tableRanges = sheet.tables.items.map((t) => {
    const r = t.getRange();
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name: t.name, r };
  });
  if (tableRanges.length > 0) await context.sync();
  const values: unknown[][] = new Array<unknown[]>(range.rowCount);
  const chunks = readChunks(range.rowCount, range.columnCount);
  for (const c of chunks) {
    const part = sheet.getRangeByIndexes(range.rowIndex + c.start, range.columnIndex, c.count, range.columnCount);
    part.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per read chunk, to stay under the payload limit
    await context.sync();
    part.values.forEach((row: unknown[], i) => (values[c.start + i] = row));
  }
  const tables = tableRanges
    .map((t) => ({ name: t.name, rowIndex: t.r.rowIndex, columnIndex: t.r.columnIndex, rowCount: t.r.rowCount, columnCount: t.r.columnCount }))
    .filter(
      (t) =>
        t.rowIndex < range.rowIndex + range.rowCount &&
        t.rowIndex + t.rowCount > range.rowIndex &&
        t.columnIndex < range.columnIndex + range.columnCount &&
        t.columnIndex + t.columnCount > range.columnIndex,
    );
  return { sheet: sheet.name, rowIndex: range.rowIndex, columnIndex: range.columnIndex, values, tables, workbookTables: all.items.map((t) => t.name) };
}

/** The header row: the first of the top ten rows with at least two strong matches, else the first row. */
export function findHeaderRow(values: readonly (readonly unknown[])[]): number {
  for (let r = 0; r < Math.min(10, values.length); r++) {
    const m = proposeMapping(values[r]);
    if (m.matches.filter((x) => x.confidence === "strong").length >= 2) return r;
  }
  return 0;
}

function tableNameFor(sheet: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has("goals")) return "Goals";
  const base = `Goals_${sheet.replace(/[^A-Za-z0-9_]/g, "_").replace(/^_+|_+$/g, "") || "Sheet"}`;
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}

/**
 * The columns of the goal list: from the first to the last column that has a header
 * or data below the header row (a title in A1 does not widen the table).
 */
export function trimBlock(block: SheetBlock, headerRow: number): SheetBlock {
  const width = block.values.reduce((w, r) => Math.max(w, r.length), 0);
  const used = (c: number): boolean => block.values.slice(headerRow).some((r) => !isBlank(r[c]));
  let first = 0;
  while (first < width && !used(first)) first++;
  let last = width - 1;
  while (last > first && !used(last)) last--;
  if (first === 0 && last === width - 1) return block;
  return { ...block, columnIndex: block.columnIndex + first, values: block.values.map((r) => r.slice(first, last + 1)) };
}

/** Everything conversion will do, computed from the block and the user's overrides. Pure. */
export function planConversion(
  input: SheetBlock,
  plan: Omit<ConversionPlan, "source"> = {},
): ConversionProposal & { headerRow: number; finalHeaders: string[]; block: SheetBlock } {
  const problems: string[] = [];
  const block = trimBlock(input, findHeaderRow(input.values));
  const headerRow = findHeaderRow(block.values);
  const headers = block.values[headerRow] ?? [];
  // Reasons name columns by their sheet letter ("already taken by column J 'Target'").
  const letters = { columnName: (i: number): string => columnLetters(block.columnIndex + i) };
  const mapping = applyOverrides(proposeMapping(headers, letters), plan.overrides ?? [], letters);
  const sheetRow = block.rowIndex + headerRow;
  const addr = (col: number): string => cellAddress(block.sheet, sheetRow + 1, block.columnIndex + col);
  const existing = block.tables.find((t) => t.rowIndex === sheetRow && t.columnIndex === block.columnIndex);
  const alreadyTable = existing && isGoalTableName(existing.name) ? existing.name : null;
  if (existing && !alreadyTable) problems.push(`The range is already the table '${existing.name}'. Rename it to start with "Goals", or convert another range.`);
  else if (block.tables.length > 0 && !existing)
    problems.push(`The range overlaps the table '${block.tables[0].name}'. Select the goals alone, or convert that table.`);

  const finalHeaders: string[] = headers.map((h) => headerText(h));
  const headerChanges: HeaderChange[] = [];
  for (const m of mapping.matches) {
    const to = headerOf(m.key);
    if (finalHeaders[m.source] !== to) {
      headerChanges.push({ column: m.source, address: addr(m.source), from: finalHeaders[m.source], to, why: "mapped" });
      finalHeaders[m.source] = to;
    }
  }
  const computedAt = new Map<string, number>();
  for (const c of mapping.computed) {
    if (!computedAt.has(c.column)) {
      computedAt.set(c.column, c.source);
      if (finalHeaders[c.source] !== c.column) {
        headerChanges.push({ column: c.source, address: addr(c.source), from: finalHeaders[c.source], to: c.column, why: "computed" });
        finalHeaders[c.source] = c.column;
      }
    }
  }
  // Add missing input columns, then missing computed columns, at the right.
  const mapped = new Set<ColumnKey>(mapping.matches.map((m) => m.key));
  for (const c of INPUT_COLUMNS) {
    if (mapped.has(c.key)) continue;
    const col = finalHeaders.length;
    finalHeaders.push(c.header);
    headerChanges.push({ column: col, address: addr(col), from: "", to: c.header, why: "added" });
  }
  for (const c of COMPUTED_COLUMNS) {
    if (computedAt.has(c)) continue;
    const col = finalHeaders.length;
    finalHeaders.push(c);
    headerChanges.push({ column: col, address: addr(col), from: "", to: c, why: "added" });
  }
  // Table headers must be unique and not blank: the user sees these renames too.
  const seen = new Set<string>();
  finalHeaders.forEach((h, i) => {
    let name = h.trim();
    const why: HeaderChange["why"] = name === "" ? "blank" : "duplicate";
    if (name === "") name = `Column ${columnLetters(block.columnIndex + i)}`;
    let unique = name;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${name} (${n})`;
    seen.add(unique.toLowerCase());
    if (unique !== h) {
      const prev = headerChanges.find((c) => c.column === i);
      if (prev) prev.to = unique;
      else headerChanges.push({ column: i, address: addr(i), from: h, to: unique, why });
      finalHeaders[i] = unique;
    }
  });
  headerChanges.sort((a, b) => a.column - b.column);

  const dataRows = block.values.slice(headerRow + 1);
  const idCol = mapping.matches.find((m) => m.key === "id")?.source;
  let blankIds = 0;
  const count = new Map<string, number>();
  dataRows.forEach((row) => {
    if (row.every((v) => isBlank(v))) return;
    const v = idCol === undefined ? null : row[idCol];
    if (idCol === undefined || isBlank(v)) blankIds++;
    else {
      const k = headerText(v).toUpperCase();
      count.set(k, (count.get(k) ?? 0) + 1);
    }
  });
  const computedWithData: string[] = [];
  if (!alreadyTable) for (const [name, col] of computedAt) if (dataRows.some((r) => !isBlank(r[col]))) computedWithData.push(name);
  if (computedWithData.length > 0 && !plan.replaceComputed)
    problems.push(
      `The column${computedWithData.length > 1 ? "s" : ""} ${computedWithData.join(", ")} already hold${computedWithData.length > 1 ? "" : "s"} data. ` +
        `Goal Scorecards writes its own values there: agree to replace them, or rename your column${computedWithData.length > 1 ? "s" : ""} first.`,
    );
  if (dataRows.every((r) => r.every((v) => isBlank(v)))) problems.push("There are no goals below the header row.");
  const lastCol = block.columnIndex + finalHeaders.length - 1;
  return {
    sheet: block.sheet,
    address: `${cellAddress(block.sheet, sheetRow + 1, block.columnIndex)}:${columnLetters(lastCol)}${sheetRow + block.values.length - headerRow}`,
    mapping,
    headerChanges,
    rows: dataRows.length,
    blankIds,
    duplicateIds: [...count].filter(([, n]) => n > 1).map(([k]) => k),
    computedWithData,
    tableName: alreadyTable ?? plan.tableName ?? tableNameFor(block.sheet, block.workbookTables),
    alreadyTable,
    problems,
    headerRow,
    finalHeaders,
    block,
  };
}

/** Proposes a mapping for the selection or a sheet; writes nothing. */
export async function proposeConversion(
  context: Excel.RequestContext,
  source: ConvertSource,
  plan: Omit<ConversionPlan, "source"> = {},
): Promise<ConversionProposal> {
  const block = await readBlock(context, source);
  const { headerRow: _h, finalHeaders: _f, block: _b, ...proposal } = planConversion(block, plan);
  return proposal;
}

/** The next free `G-0001`-style IDs, not used anywhere in the workbook (case-insensitive). */
export function nextIds(used: Iterable<string>, count: number): string[] {
  const taken = new Set<string>();
  let max = 0;
  for (const u of used) {
    const k = u.trim().toUpperCase();
    taken.add(k);
    const m = /^G-(\d+)$/.exec(k);
    if (m) max = Math.max(max, Number(m[1]));
  }
  const out: string[] = [];
  for (let n = max + 1; out.length < count; n++) {
    const id = `G-${String(n).padStart(4, "0")}`;
    if (!taken.has(id)) out.push(id);
  }
  return out;
}

export class ConversionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
    this.name = "ConversionError";
  }
}

const LISTS: Record<EnumField, readonly string[]> = { type: GOAL_TYPES, level: LEVELS, direction: DIRECTIONS, rollup: ROLLUP_MODES };

function isEnumField(key: ColumnKey | undefined): key is EnumField {
  return key !== undefined && key in LISTS;
}

/** Excel keeps at most 32 characters of an alert's title and 225 of its message ([MS-XLS] DValStrings). */
const ALERT_TITLE_MAX = 32;
const ALERT_MESSAGE_MAX = 225;

/**
 * The alert of a dropdown when the user types a value that is not in its list.
 * Information, not Excel's default Stop: the engine reads synonyms (`up`, `>=`, `kr`,
 * spec model.md) that the list does not show, so OK keeps what was typed; a value the
 * engine does not know is reported at refresh (E4) instead of refused while typing.
 */
export function dropdownAlert(field: EnumField, header: string): Excel.DataValidationErrorAlert {
  const canonical = new Set(LISTS[field].map((v) => v.toLowerCase()));
  const others = (Object.values(ENUM_SYNONYMS[field]) as readonly (readonly string[])[]).flat().filter((s) => !canonical.has(s.toLowerCase()));
  const tail = "OK keeps what you typed; refresh flags values it can't read (E4).";
  const text = (n: number): string =>
    n > 0 ? `Also accepted: ${others.slice(0, n).join(", ")}${n < others.length ? "…" : ""}. ${tail}` : `Not in the list. ${tail}`;
  let n = others.length;
  while (n > 0 && text(n).length > ALERT_MESSAGE_MAX) n--;
  const message = text(n);
  return { showAlert: true, style: "Information", title: `${header} (Goal Scorecards)`.slice(0, ALERT_TITLE_MAX), message };
}
const FORMATS: Partial<Record<string, string>> = { Start: "yyyy-mm-dd", Due: "yyyy-mm-dd", Progress: "0%", Score: "0%", "Rolled Up": "0%" };
const STATUS_COLOURS: [string, string][] = [
  ["Off track", "#F8D7DA"],
  ["Missed", "#F1AEB5"],
  ["At risk", "#FFF3CD"],
  ["Stale", "#E2E3E5"],
  ["On track", "#D1E7DD"],
  ["Achieved", "#CFE2FF"],
  ["Blocked", "#F8D7DA"],
];

/** Converts on the user's confirmation; returns what was written. */
export async function convert(context: Excel.RequestContext, plan: ConversionPlan): Promise<ConversionResult> {
  const p = planConversion(await readBlock(context, plan.source), plan);
  const block = p.block;
  if (p.problems.length > 0 && !(p.alreadyTable && p.problems.every((x) => x.startsWith("There are no goals")))) throw new ConversionError(p.problems);

  const sheet = context.workbook.worksheets.getItem(block.sheet);
  const headerSheetRow = block.rowIndex + p.headerRow;
  const dataRows = block.values.slice(p.headerRow + 1);
  const width = p.finalHeaders.length;

  // IDs for goals whose ID is blank (blank rows are left alone).
  const idCol = p.finalHeaders.indexOf("ID");
  const used: string[] = [];
  for (const row of dataRows) if (idCol < row.length && !isBlank(row[idCol])) used.push(headerText(row[idCol]));
  const needIds = dataRows.map((row) => !row.every((v) => isBlank(v)) && (idCol >= row.length || isBlank(row[idCol])));
  const otherIds = await idsElsewhere(context, block.sheet);
  const fresh = nextIds([...used, ...otherIds], needIds.filter(Boolean).length);
  const idsAssigned: { address: string; id: string }[] = [];

  // Headers and new IDs: values, in runs of consecutive cells.
  const writes: CellWrite[] = p.headerChanges.map((change) => ({
    sheet: block.sheet,
    row: headerSheetRow,
    column: block.columnIndex + change.column,
    values: [[change.to]],
  }));
  let k = 0;
  let run: CellWrite | null = null;
  needIds.forEach((need, i) => {
    const r = headerSheetRow + 1 + i;
    if (!need) {
      run = null;
      return;
    }
    const id = fresh[k++];
    idsAssigned.push({ address: cellAddress(block.sheet, r + 1, block.columnIndex + idCol), id });
    if (run && run.row + run.values.length === r) run.values.push([id]);
    else writes.push((run = { sheet: block.sheet, row: r, column: block.columnIndex + idCol, values: [[id]] }));
  });
  await writeRuns(context, writes);

  // The table, dropdowns and status colours.
  const rows = Math.max(1, dataRows.length);
  const table = p.alreadyTable
    ? context.workbook.tables.getItem(p.alreadyTable)
    : sheet.tables.add(sheet.getRangeByIndexes(headerSheetRow, block.columnIndex, rows + 1, width), true);
  if (!p.alreadyTable) table.name = p.tableName;
  p.finalHeaders.forEach((h, i) => {
    const body = sheet.getRangeByIndexes(headerSheetRow + 1, block.columnIndex + i, rows, 1);
    const key = INPUT_COLUMNS.find((c) => c.header === h)?.key;
    const fmt = FORMATS[h];
    // A single value applies to every cell of the range (Office.js), so the request stays small.
    if (fmt) (body as unknown as { numberFormat: string }).numberFormat = fmt;
    if (isEnumField(key)) {
      body.dataValidation.clear();
      body.dataValidation.rule = { list: { inCellDropDown: true, source: LISTS[key].join(",") } };
      body.dataValidation.errorAlert = dropdownAlert(key, h);
    }
    if (h === "Status") {
      body.conditionalFormats.clearAll();
      for (const [text, colour] of STATUS_COLOURS) {
        const cf = body.conditionalFormats.add("ContainsText");
        cf.textComparison.format.fill.color = colour;
        cf.textComparison.rule = { operator: "Contains", text };
      }
    }
  });
  await context.sync();
  await ensureMetaSheet(context);
  const report = await refresh(context, { loaded: await loadWorkbook(context) });
  return { tableName: p.tableName, address: p.address, headerChanges: p.headerChanges, idsAssigned, refresh: report };
}

/** IDs used in goal tables on other sheets (IDs are unique across the workbook). */
async function idsElsewhere(context: Excel.RequestContext, sheet: string): Promise<string[]> {
  const wb = await loadWorkbook(context);
  const out: string[] = [];
  for (const t of wb.goalTables) {
    if (t.sheet === sheet) continue;
    const c = t.columnNames.findIndex((n) => matchComputed(n) === null && n.trim().toLowerCase() === "id");
    if (c < 0) continue;
    for (const r of t.rows) if (!isBlank(r[c])) out.push(headerText(r[c]));
  }
  return out;
}

export type { CellValue };
