/**
 * The goal model: rows of cells in, typed goals out. Each field keeps what the
 * reader made of it, so rules can name the cell and the value.
 */
import { z } from "zod";
import {
  ActualValue,
  CellRead,
  DataRule,
  isPlainCell,
  readActual,
  readDate,
  readEnum,
  readNumber,
  readText,
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
}

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
  return goal.row.cells?.[field] ?? goal.row.where ?? null;
}

/** Position of each goal field in COLUMN_KEYS. */
export const GOAL_FIELD: Readonly<Record<ColumnKey, number>> = Object.fromEntries(COLUMN_KEYS.map((k, j) => [k, j])) as Record<ColumnKey, number>;
/** The check-in fields, in CHECKIN_COLUMNS order. */
export const CHECKIN_KEYS_IN_ORDER: readonly CheckInKey[] = CHECKIN_COLUMNS.map((c) => c.key);

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

/** The fields a row's reader rejected; the record is made only when one is. */
interface Rejected {
  invalid: Record<string, InvalidField> | null;
}

function take<T>(r: CellRead<T>, key: string, rejected: Rejected): T | null {
  if (r.kind === "value") return r.value;
  if (r.kind === "invalid") (rejected.invalid ??= {})[key] = { code: r.code, text: r.text };
  return null;
}

/** The `invalid` record of a row with no rejected cell (shared, frozen). */
const NONE_INVALID: Readonly<Record<string, InvalidField>> = Object.freeze({});

export function idKey(id: string | null): string | null {
  return id === null ? null : id.toUpperCase();
}

/** The parents of a goal without any (shared, frozen). */
const NO_PARENTS: ParentRef[] = Object.freeze([]) as unknown as ParentRef[];

/** `;`, `,` or `=`: text with none of them names one parent and no share. */
const SEPARATORS = /[;,=]/;

/** `G-1; G-2` or `G-1=60%; G-2=40%`, separated by `;` or `,`. */
export function parseParents(text: string | null): ParentRef[] {
  if (text === null) return NO_PARENTS;
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

export function readGoal(row: GoalRowInput, index: number, system: DateSystem = 1900): Goal {
  const v = fieldsOf(row, COLUMN_KEYS, new Array<unknown>(COLUMN_KEYS.length));
  const r: Rejected = { invalid: null };
  // Read in this order, the order of the E1–E4 findings of a row.
  const id = take(readText(v[F.id]), "id", r);
  const parentText = take(readText(v[F.parent]), "parent", r);
  const cycle = take(readText(v[F.cycle]), "cycle", r);
  const title = take(readText(v[F.title]), "title", r);
  const typeGiven = take(readEnum("type", v[F.type]), "type", r);
  const level = take(readEnum("level", v[F.level]), "level", r);
  const owner = take(readText(v[F.owner]), "owner", r);
  const weight = take(readNumber(v[F.weight]), "weight", r);
  const unit = take(readText(v[F.unit]), "unit", r);
  const directionGiven = take(readEnum("direction", v[F.direction]), "direction", r);
  const baseline = take(readNumber(v[F.baseline]), "baseline", r);
  const threshold = take(readNumber(v[F.threshold]), "threshold", r);
  const target = take(readNumber(v[F.target]), "target", r);
  const stretch = take(readNumber(v[F.stretch]), "stretch", r);
  const actualCell = take(readActual(v[F.actual]), "actual", r);
  const start = take(readDate(v[F.start], system), "start", r);
  const due = take(readDate(v[F.due], system), "due", r);
  const source = take(readText(v[F.source]), "source", r);
  const rollupGiven = take(readEnum("rollup", v[F.rollup]), "rollup", r);
  const comment = take(readText(v[F.comment]), "comment", r);
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
    invalid: r.invalid ?? NONE_INVALID,
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
  const v = fieldsOf(row, CHECKIN_KEYS_IN_ORDER, new Array<unknown>(CHECKIN_KEYS_IN_ORDER.length));
  const r: Rejected = { invalid: null };
  const goalId = take(readText(v[0]), "goalId", r);
  out.goalId = goalId;
  out.key = idKey(goalId);
  out.date = take(readDate(v[1], system), "date", r);
  out.value = take(readActual(v[2]), "value", r);
  out.confidence = all || !isPlainCell(v[3], false) ? take(readNumber(v[3]), "confidence", r) : null;
  out.comment = all || !isPlainCell(v[4], true) ? take(readText(v[4]), "comment", r) : null;
  out.invalid = r.invalid ?? NONE_INVALID;
  return out;
}

export function emptyCheckInFields(): CheckInFields {
  return { goalId: null, key: null, date: null, value: null, confidence: null, comment: null, invalid: NONE_INVALID };
}

export function readCheckIn(row: CheckInRowInput, index: number, system: DateSystem = 1900): CheckIn {
  const f = readCheckInInto(row, system, emptyCheckInFields());
  return { index, ...f, cells: row.cells ?? NO_CELLS };
}
