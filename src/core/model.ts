/**
 * The goal model: rows of cells in, typed goals out. Each field keeps what the
 * reader made of it, so rules can name the cell and the value.
 */
import { z } from "zod";
import {
  ActualValue,
  CellRead,
  DataRule,
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
};

export const CheckInRowSchema = z.object({
  values: z.record(z.string(), z.unknown()),
  cells: z.record(z.string(), z.string()).optional(),
});
export type CheckInRowInput = {
  values: Partial<Record<CheckInKey, unknown>>;
  cells?: Partial<Record<CheckInKey, string>>;
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
  /** The row's cells as handed over (read, never changed). */
  values: Partial<Record<ColumnKey, unknown>>;
  /** Cell addresses (the input's own record, shared, never changed). */
  cells: Partial<Record<ColumnKey, string>>;
  where: string | null;
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

function take<T>(r: CellRead<T>, key: string, invalid: Record<string, InvalidField>): T | null {
  if (r.kind === "value") return r.value;
  if (r.kind === "invalid") invalid[key] = { code: r.code, text: r.text };
  return null;
}

export function idKey(id: string | null): string | null {
  return id === null ? null : id.toUpperCase();
}

/** `G-1; G-2` or `G-1=60%; G-2=40%`, separated by `;` or `,`. */
export function parseParents(text: string | null): ParentRef[] {
  if (text === null) return [];
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

export function readGoal(row: GoalRowInput, index: number, system: DateSystem = 1900): Goal {
  const v = row.values;
  const invalid: Record<string, InvalidField> = {};
  const text = (k: ColumnKey): string | null => take(readText(v[k]), k, invalid);
  const num = (k: ColumnKey): number | null => take(readNumber(v[k]), k, invalid);
  const date = (k: ColumnKey): Day | null => take(readDate(v[k], system), k, invalid);
  const id = text("id");
  const parentText = text("parent");
  const cycle = text("cycle");
  return {
    index,
    id,
    key: idKey(id),
    title: text("title"),
    typeGiven: take(readEnum("type", v.type), "type", invalid),
    level: take(readEnum("level", v.level), "level", invalid),
    parentText,
    parentRefs: parseParents(parentText),
    owner: text("owner"),
    weight: num("weight"),
    unit: text("unit"),
    directionGiven: take(readEnum("direction", v.direction), "direction", invalid),
    baseline: num("baseline"),
    threshold: num("threshold"),
    target: num("target"),
    stretch: num("stretch"),
    actualCell: take(readActual(v.actual), "actual", invalid),
    start: date("start"),
    due: date("due"),
    cycle,
    window: cycleWindow(cycle),
    source: text("source"),
    rollupGiven: take(readEnum("rollup", v.rollup), "rollup", invalid),
    comment: text("comment"),
    invalid,
    values: v,
    cells: row.cells ?? NO_CELLS,
    where: row.where ?? null,
  };
}

export function readCheckIn(row: CheckInRowInput, index: number, system: DateSystem = 1900): CheckIn {
  const v = row.values;
  const invalid: Record<string, InvalidField> = {};
  const goalId = take(readText(v.goalId), "goalId", invalid);
  return {
    index,
    goalId,
    key: idKey(goalId),
    date: take(readDate(v.date, system), "date", invalid),
    value: take(readActual(v.value), "value", invalid),
    confidence: take(readNumber(v.confidence), "confidence", invalid),
    comment: take(readText(v.comment), "comment", invalid),
    invalid,
    cells: row.cells ?? NO_CELLS,
  };
}
