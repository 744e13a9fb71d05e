/**
 * The goal model: rows of cells in, typed goals out. Each field keeps what the
 * reader made of it, so rules can name the cell and the value.
 */
import { z } from "zod";
import {
  ActualValue,
  CellRead,
  DataRule,
  actualValue,
  dateValue,
  isPlainCell,
  numberValue,
  readActual,
  readDate,
  readEnum,
  readNumber,
  readText,
  textValue,
} from "./cells";
import { CHECKIN_COLUMNS, COLUMN_KEYS, CheckInKey, ColumnKey, Direction, GoalType, Level, RollupMode } from "./columns";
import { DateSystem, Day, Window, cycleWindow } from "./dates";

/** Raw cells of one goal row, keyed by column, with their addresses (`Goals!H4`). */
export const GoalRowSchema = z.object({
  values: z.record(z.string(), z.unknown()),
  cells: z.record(z.string(), z.string()).optional(),
  /** Where the row is, for findings without a field cell: `Goals!A4`. */
  where: z.string().optional(),
});
export type GoalRowInput = {
  values: Partial<Record<ColumnKey, unknown>>;
  cells?: Partial<Record<ColumnKey, string>>;
  where?: string;
  /** Which table and which of its data rows (0-based) the goal came from. */
  source?: { table: string; row: number };
  /** Rows read from a table: their cells, read without building `values` (src/core/tables.ts). */
  readonly [ROW_CELLS]?: RowCells;
};

/**
 * A row's cells as the table holds them: `raw[at[j]]` is field j (in COLUMN_KEYS order for
 * goals, CHECKIN_COLUMNS order for check-ins), and a negative `at[j]` is a column the table
 * does not have. The engine reads 100,000 goals through this without a record per row.
 */
export interface RowCells {
  readonly raw: readonly unknown[];
  readonly at: Int32Array;
  /** The address of field j's cell (`Goals!H4`), undefined for a column the table does not have. */
  cellOf(j: number): string | undefined;
}
export const ROW_CELLS: unique symbol = Symbol("row cells");

export const CheckInRowSchema = z.object({
  values: z.record(z.string(), z.unknown()),
  cells: z.record(z.string(), z.string()).optional(),
});
export type CheckInRowInput = {
  values: Partial<Record<CheckInKey, unknown>>;
  cells?: Partial<Record<CheckInKey, string>>;
  readonly [ROW_CELLS]?: RowCells;
};

export interface WorkbookInput {
  goals: readonly GoalRowInput[];
  checkIns?: readonly CheckInRowInput[];
  dateSystem?: DateSystem;
  /**
   * The check-ins straight from their table (src/core/tables.ts), read by the engine one
   * row at a time instead of `checkIns`: 300,000 check-ins need no object each.
   */
  readonly [CHECKIN_ROWS]?: CheckInRowSource;
}

/** A table's check-in rows, read through one row object that moves from row to row. */
export interface CheckInRowSource {
  /** Rows in the table, blank ones included. */
  readonly count: number;
  /** Row r (valid until the next call), or null for a blank row. Rows are read in order. */
  at(r: number): CheckInRowInput | null;
}
export const CHECKIN_ROWS: unique symbol = Symbol("check-in rows");

export const WorkbookInputSchema = z.object({
  goals: z.array(GoalRowSchema),
  checkIns: z.array(CheckInRowSchema).optional(),
  dateSystem: z.union([z.literal(1900), z.literal(1904)]).optional(),
});

const GOAL_KEYS = new Set<string>(COLUMN_KEYS);
const CHECKIN_KEYS = new Set<string>(CHECKIN_COLUMNS.map((c) => c.key));

/**
 * Validates data from outside (a file, a message from the task pane) as workbook
 * input. Unknown column keys are dropped; a wrong shape is a message, not an exception.
 */
export function parseWorkbookInput(data: unknown): { ok: true; input: WorkbookInput } | { ok: false; message: string } {
  const r = WorkbookInputSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, message: `Workbook data is not in the expected shape at ${issue.path.join(".") || "(top)"}: ${issue.message}` };
  }
  const pick = <K extends string>(rec: Record<string, unknown>, keys: Set<string>): Partial<Record<K, unknown>> => {
    const out: Partial<Record<K, unknown>> = {};
    for (const k of Object.keys(rec)) if (keys.has(k)) out[k as K] = rec[k];
    return out;
  };
  const pickCells = <K extends string>(rec: Record<string, string> | undefined, keys: Set<string>): Partial<Record<K, string>> | undefined => {
    if (!rec) return undefined;
    const out: Partial<Record<K, string>> = {};
    for (const k of Object.keys(rec)) if (keys.has(k)) out[k as K] = rec[k];
    return out;
  };
  return {
    ok: true,
    input: {
      goals: r.data.goals.map((g) => ({ values: pick<ColumnKey>(g.values, GOAL_KEYS), cells: pickCells<ColumnKey>(g.cells, GOAL_KEYS), where: g.where })),
      checkIns: r.data.checkIns?.map((c) => ({ values: pick<CheckInKey>(c.values, CHECKIN_KEYS), cells: pickCells<CheckInKey>(c.cells, CHECKIN_KEYS) })),
      dateSystem: r.data.dateSystem,
    },
  };
}

/** A field that the reader rejected (E1–E4), with the text that was in the cell. */
export interface InvalidField {
  code: DataRule;
  text: string;
}

/** A parent link written in Parent ID, before it is resolved. */
export interface ParentRef {
  id: string;
  /** The stated share as a fraction, or null when none was written. */
  share: number | null;
  /** The share text when it could not be read. */
  badShare: string | null;
}

export interface Goal {
  index: number;
  id: string | null;
  /** Upper-cased ID for case-insensitive matching. */
  key: string | null;
  title: string | null;
  typeGiven: GoalType | null;
  level: Level | null;
  parentText: string | null;
  parentRefs: ParentRef[];
  owner: string | null;
  weight: number | null;
  unit: string | null;
  directionGiven: Direction | null;
  baseline: number | null;
  threshold: number | null;
  target: number | null;
  stretch: number | null;
  /** The Actual cell itself. */
  actualCell: ActualValue | null;
  start: Day | null;
  due: Day | null;
  cycle: string | null;
  window: Window | null;
  source: string | null;
  rollupGiven: RollupMode | null;
  comment: string | null;
  invalid: Partial<Record<ColumnKey, InvalidField>>;
  /** The row as handed over (read, never changed): its cells and their addresses. */
  row: GoalRowInput;
}

/** Where to fix a goal's field: the cell's address, else the row's, else null. */
export function goalCell(goal: Goal, field: ColumnKey): string | null {
  const rc = goal.row[ROW_CELLS];
  // A row from a table names its cell without making the record of its addresses.
  if (rc) return rc.cellOf(GOAL_FIELD[field]) ?? goal.row.where ?? null;
  return goal.row.cells?.[field] ?? goal.row.where ?? null;
}

/** Where to fix a check-in's field: the cell's address, or null. */
export function checkInCell(row: CheckInRowInput, field: CheckInKey): string | null {
  const rc = row[ROW_CELLS];
  if (rc) return rc.cellOf(CHECKIN_FIELD_INDEX[field]) ?? null;
  return row.cells?.[field] ?? null;
}

/** Position of each goal field in COLUMN_KEYS. */
export const GOAL_FIELD: Readonly<Record<ColumnKey, number>> = Object.fromEntries(COLUMN_KEYS.map((k, j) => [k, j])) as Record<ColumnKey, number>;
/** The check-in fields, in CHECKIN_COLUMNS order. */
export const CHECKIN_KEYS_IN_ORDER: readonly CheckInKey[] = CHECKIN_COLUMNS.map((c) => c.key);
const CHECKIN_FIELD_INDEX = Object.fromEntries(CHECKIN_KEYS_IN_ORDER.map((k, j) => [k, j])) as Record<CheckInKey, number>;

/** A cell of a goal row as handed over, by column. */
export function rowValue(row: GoalRowInput, key: ColumnKey): unknown {
  const rc = row[ROW_CELLS];
  if (!rc) return row.values[key];
  const c = rc.at[GOAL_FIELD[key]];
  return c < 0 ? undefined : rc.raw[c];
}

/** A row's cells in `keys` order, into `out`. */
function fieldsOf<K extends string>(row: { values: Partial<Record<K, unknown>>; readonly [ROW_CELLS]?: RowCells }, keys: readonly K[], out: unknown[]): unknown[] {
  const rc = row[ROW_CELLS];
  if (rc) {
    const { raw, at } = rc;
    for (let j = 0; j < keys.length; j++) out[j] = at[j] < 0 ? undefined : raw[at[j]];
  } else {
    const v = row.values;
    for (let j = 0; j < keys.length; j++) out[j] = v[keys[j]];
  }
  return out;
}

export interface CheckIn {
  index: number;
  goalId: string | null;
  key: string | null;
  date: Day | null;
  value: ActualValue | null;
  confidence: number | null;
  comment: string | null;
  invalid: Partial<Record<CheckInKey, InvalidField>>;
  cells: Partial<Record<CheckInKey, string>>;
}

/**
 * The fields the row being read had rejected; the record is made only when one is.
 * One row is read at a time (the readers call nothing that reads a row), so this is
 * set to null when a row's reading starts and taken when it ends.
 */
let rejected: Record<string, InvalidField> | null = null;

function take<T>(r: CellRead<T>, key: string): T | null {
  if (r.kind === "value") return r.value;
  if (r.kind === "invalid") (rejected ??= {})[key] = { code: r.code, text: r.text };
  return null;
}

/*
 * A field's value: the usual cells through the readers' values (cells.ts), without a
 * CellRead; the rest through the full reader, which records what it rejects.
 */
function takeText(raw: unknown, key: string): string | null {
  const v = textValue(raw);
  return v !== undefined ? v : take(readText(raw), key);
}

function takeNumber(raw: unknown, key: string): number | null {
  const v = numberValue(raw);
  return v !== undefined ? v : take(readNumber(raw), key);
}

function takeActual(raw: unknown, key: string): ActualValue | null {
  const v = actualValue(raw);
  return v !== undefined ? v : take(readActual(raw), key);
}

function takeDate(raw: unknown, key: string, system: DateSystem): Day | null {
  const v = dateValue(raw, system);
  return v !== undefined ? v : take(readDate(raw, system), key);
}

/** The rejected fields of the row just read, or the shared empty record. */
function rejectedFields(): Record<string, InvalidField> {
  const r = rejected;
  rejected = null;
  return r ?? NONE_INVALID;
}

/** The `invalid` record of a row with no rejected cell (shared, frozen). */
const NONE_INVALID: Readonly<Record<string, InvalidField>> = Object.freeze({});

/** Whether the reader rejected any of a row's cells (its `invalid` record is not the shared empty one). */
export function hasInvalid(row: { invalid: Readonly<Record<string, InvalidField | undefined>> }): boolean {
  return row.invalid !== NONE_INVALID;
}

export function idKey(id: string | null): string | null {
  return id === null ? null : hasLowerOrNonAscii(id) ? id.toUpperCase() : id;
}

/**
 * Whether toUpperCase could change the text: a lower-case ASCII letter or any non-ASCII
 * character. IDs are mostly written in capitals already; they are kept as they are
 * (the same string, whose hash is already known).
 */
function hasLowerOrNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/** The parents of a goal without any (shared, frozen). */
const NO_PARENTS: ParentRef[] = Object.freeze([]) as unknown as ParentRef[];

/** `;`, `,` or `=`: text with none of them names one parent and no share. */
const SEPARATORS = /[;,=]/;

/**
 * The last Parent ID text read and its parents (frozen, so they can be shared): the
 * children of a goal mostly sit one after another, under the same Parent ID text.
 */
let lastParentText: string | null = null;
let lastParents: ParentRef[] = NO_PARENTS;

/**
 * `G-1; G-2` or `G-1=60%; G-2=40%`, separated by `;` or `,`. The list and its parents
 * are frozen (read-only): the same text gives the same list, which may be shared.
 */
export function parseParents(text: string | null): ParentRef[] {
  if (text === null) return NO_PARENTS;
  if (text === lastParentText) return lastParents;
  const parents = parseParentText(text);
  if (parents !== NO_PARENTS) {
    for (let k = 0; k < parents.length; k++) Object.freeze(parents[k]);
    Object.freeze(parents);
  }
  lastParentText = text;
  lastParents = parents;
  return parents;
}

function parseParentText(text: string): ParentRef[] {
  // One parent without a share, the usual case.
  if (!SEPARATORS.test(text)) {
    const p = text.trim();
    return p === "" ? NO_PARENTS : [{ id: p, share: null, badShare: null }];
  }
  const out: ParentRef[] = [];
  for (const part of text.split(/[;,]/)) {
    const p = part.trim();
    if (p === "") continue;
    const eq = p.indexOf("=");
    if (eq < 0) {
      out.push({ id: p, share: null, badShare: null });
      continue;
    }
    const id = p.slice(0, eq).trim();
    const shareText = p.slice(eq + 1).trim();
    if (id === "") continue;
    const n = readNumber(shareText);
    if (n.kind === "value" && n.value >= 0) {
      // A share above 1 written without % (e.g. `60`) is read as a percentage.
      const share = !shareText.endsWith("%") && n.value > 1 ? n.value / 100 : n.value;
      out.push({ id, share, badShare: null });
    } else {
      out.push({ id, share: 0, badShare: shareText });
    }
  }
  return out;
}

const NO_CELLS: Readonly<Record<string, string>> = Object.freeze({});
const F = GOAL_FIELD;

/**
 * A goal row's cells while it is read (one row at a time). They are not emptied after:
 * they keep at most the last row's cell values alive, and emptying them costs more
 * than the rest of reading a check-in.
 */
const GOAL_CELLS: unknown[] = new Array<unknown>(COLUMN_KEYS.length).fill(undefined);
/** A check-in row's cells while it is read. */
const CHECKIN_CELLS: unknown[] = new Array<unknown>(CHECKIN_KEYS_IN_ORDER.length).fill(undefined);

export function readGoal(row: GoalRowInput, index: number, system: DateSystem = 1900): Goal {
  const v = fieldsOf(row, COLUMN_KEYS, GOAL_CELLS);
  rejected = null;
  // Read in this order, the order of the E1–E4 findings of a row.
  const id = takeText(v[F.id], "id");
  const parentText = takeText(v[F.parent], "parent");
  const cycle = takeText(v[F.cycle], "cycle");
  const title = takeText(v[F.title], "title");
  const typeGiven = take(readEnum("type", v[F.type]), "type");
  const level = take(readEnum("level", v[F.level]), "level");
  const owner = takeText(v[F.owner], "owner");
  const weight = takeNumber(v[F.weight], "weight");
  const unit = takeText(v[F.unit], "unit");
  const directionGiven = take(readEnum("direction", v[F.direction]), "direction");
  const baseline = takeNumber(v[F.baseline], "baseline");
  const threshold = takeNumber(v[F.threshold], "threshold");
  const target = takeNumber(v[F.target], "target");
  const stretch = takeNumber(v[F.stretch], "stretch");
  const actualCell = takeActual(v[F.actual], "actual");
  const start = takeDate(v[F.start], "start", system);
  const due = takeDate(v[F.due], "due", system);
  const source = takeText(v[F.source], "source");
  const rollupGiven = take(readEnum("rollup", v[F.rollup]), "rollup");
  const comment = takeText(v[F.comment], "comment");
  return {
    index,
    id,
    key: idKey(id),
    title,
    typeGiven,
    level,
    parentText,
    parentRefs: parseParents(parentText),
    owner,
    weight,
    unit,
    directionGiven,
    baseline,
    threshold,
    target,
    stretch,
    actualCell,
    start,
    due,
    cycle,
    window: cycleWindow(cycle),
    source,
    rollupGiven,
    comment,
    invalid: rejectedFields(),
    row,
  };
}

/** A check-in's fields without its position and cells: what the engine keeps of it. */
export type CheckInFields = Omit<CheckIn, "index" | "cells">;

/**
 * Reads a check-in row's fields into `out`, which is overwritten (the engine reads
 * 300,000 check-ins through one record). `out.invalid` is a new record when a cell
 * is rejected, else a shared empty one. With `all` false, Confidence and Comment are
 * only checked for findings and left null (the engine uses neither).
 */
export function readCheckInInto(row: CheckInRowInput, system: DateSystem, out: CheckInFields, all = true): CheckInFields {
  const v = fieldsOf(row, CHECKIN_KEYS_IN_ORDER, CHECKIN_CELLS);
  rejected = null;
  const goalId = takeText(v[0], "goalId");
  out.goalId = goalId;
  out.key = idKey(goalId);
  out.date = takeDate(v[1], "date", system);
  out.value = takeActual(v[2], "value");
  out.confidence = all || !isPlainCell(v[3], false) ? takeNumber(v[3], "confidence") : null;
  out.comment = all || !isPlainCell(v[4], true) ? takeText(v[4], "comment") : null;
  out.invalid = rejectedFields();
  return out;
}

export function emptyCheckInFields(): CheckInFields {
  return { goalId: null, key: null, date: null, value: null, confidence: null, comment: null, invalid: NONE_INVALID };
}

export function readCheckIn(row: CheckInRowInput, index: number, system: DateSystem = 1900): CheckIn {
  const f = readCheckInInto(row, system, emptyCheckInFields());
  return { index, ...f, cells: row.cells ?? NO_CELLS };
}
