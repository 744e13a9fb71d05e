/**
 * The goal model: a table's cells in, typed goals and check-ins out. Each field keeps
 * what the reader made of it, so rules can name the cell and the value. `CellReader`
 * does the reading and owns what it keeps between rows; the engine has one per evaluation.
 */
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
import { CheckInKey, ColumnKey, Direction, GoalType, Level, RollupMode } from "./columns";
import { DateSystem, Day, Window, cycleWindow } from "./dates";
import {
  CHECKIN_FIELD,
  CheckInTable,
  GOAL_FIELD,
  GoalRecord,
  GoalTable,
  WorkbookInput,
  cellOrRowStart,
  fieldCell,
  fieldValue,
  isBlankRow,
  workbookFromRecords,
} from "./tables";

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
  /** The table the goal was read from, and its data row there (0-based). */
  table: GoalTable;
  r: number;
}

/** Where to fix a goal's field: the cell's address, else (the table lacks the field) the row's first cell. */
export function goalCell(goal: Goal, field: ColumnKey): string {
  return cellOrRowStart(goal.table, GOAL_FIELD[field], goal.r);
}

/** Where to fix a check-in's field: the cell's address, or null when the table lacks the column. */
export function checkInCell(t: CheckInTable, r: number, field: CheckInKey): string | null {
  return fieldCell(t, CHECKIN_FIELD[field], r) ?? null;
}

/** A goal's cell as the table holds it, by field. */
export function goalValue(goal: Goal, key: ColumnKey): unknown {
  return fieldValue(goal.table, GOAL_FIELD[key], goal.r);
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
}

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
 * `G-1; G-2` or `G-1=60%; G-2=40%`, separated by `;` or `,`. The list and its parents
 * are frozen (read-only), so that one list can be shared by the goals that write the same text.
 */
export function parseParents(text: string | null): ParentRef[] {
  if (text === null) return NO_PARENTS;
  const parents = parseParentText(text);
  if (parents !== NO_PARENTS) {
    for (let k = 0; k < parents.length; k++) Object.freeze(parents[k]);
    Object.freeze(parents);
  }
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

/** A check-in's fields without its position: what the engine keeps of it. */
export type CheckInFields = Omit<CheckIn, "index">;

export function emptyCheckInFields(): CheckInFields {
  return { goalId: null, key: null, date: null, value: null, confidence: null, comment: null, invalid: NONE_INVALID };
}

const F = GOAL_FIELD;
const C = CHECKIN_FIELD;

/** Field j of a table row, by the table's column of each field (undefined where it has none). */
function cellIn(row: readonly unknown[], at: Int32Array, j: number): unknown {
  return at[j] < 0 ? undefined : row[at[j]];
}

/**
 * Reads goals and check-ins out of their tables, one row at a time. What it keeps from row
 * to row is its own: the fields the row being read has rejected (a record made only when
 * one is), the last Parent ID text read and its parents (the children of a goal mostly sit
 * one after another under the same text, and share the frozen list), and the date system.
 */
export class CellReader {
  private rejected: Record<string, InvalidField> | null = null;
  private lastParentText: string | null = null;
  private lastParents: ParentRef[] = NO_PARENTS;
  constructor(private readonly system: DateSystem = 1900) {}

  /** Goal i of the input. */
  goal(input: WorkbookInput, i: number): Goal {
    return this.goalAt(input.goalTables[input.goalTable[i]], input.goalRow[i], i);
  }

  /** The goal in data row r of a goal table, as goal number `index`. */
  goalAt(table: GoalTable, r: number, index: number): Goal {
    const row = table.data.rows[r];
    const at = table.at;
    this.rejected = null;
    // Read in this order, the order of the E1–E4 findings of a row.
    const id = this.text(cellIn(row, at, F.id), "id");
    const parentText = this.text(cellIn(row, at, F.parent), "parent");
    const cycle = this.text(cellIn(row, at, F.cycle), "cycle");
    const title = this.text(cellIn(row, at, F.title), "title");
    const typeGiven = this.take(readEnum("type", cellIn(row, at, F.type)), "type");
    const level = this.take(readEnum("level", cellIn(row, at, F.level)), "level");
    const owner = this.text(cellIn(row, at, F.owner), "owner");
    const weight = this.number(cellIn(row, at, F.weight), "weight");
    const unit = this.text(cellIn(row, at, F.unit), "unit");
    const directionGiven = this.take(readEnum("direction", cellIn(row, at, F.direction)), "direction");
    const baseline = this.number(cellIn(row, at, F.baseline), "baseline");
    const threshold = this.number(cellIn(row, at, F.threshold), "threshold");
    const target = this.number(cellIn(row, at, F.target), "target");
    const stretch = this.number(cellIn(row, at, F.stretch), "stretch");
    const actualCell = this.actual(cellIn(row, at, F.actual), "actual");
    const start = this.date(cellIn(row, at, F.start), "start");
    const due = this.date(cellIn(row, at, F.due), "due");
    const source = this.text(cellIn(row, at, F.source), "source");
    const rollupGiven = this.take(readEnum("rollup", cellIn(row, at, F.rollup)), "rollup");
    const comment = this.text(cellIn(row, at, F.comment), "comment");
    return {
      index,
      id,
      key: idKey(id),
      title,
      typeGiven,
      level,
      parentText,
      parentRefs: this.parents(parentText),
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
      invalid: this.rejectedFields(),
      table,
      r,
    };
  }

  /**
   * Reads the check-in in data row r into `out`, which is overwritten (the engine reads
   * 300,000 check-ins through one record). `out.invalid` is a new record when a cell is
   * rejected, else a shared empty one. With `all` false, Confidence and Comment are only
   * checked for findings and left null (the engine uses neither).
   */
  checkInInto(table: CheckInTable, r: number, out: CheckInFields, all = true): CheckInFields {
    const row = table.data.rows[r];
    const at = table.at;
    this.rejected = null;
    const goalId = this.text(cellIn(row, at, C.goalId), "goalId");
    out.goalId = goalId;
    out.key = idKey(goalId);
    out.date = this.date(cellIn(row, at, C.date), "date");
    out.value = this.actual(cellIn(row, at, C.value), "value");
    const confidence = cellIn(row, at, C.confidence);
    const comment = cellIn(row, at, C.comment);
    out.confidence = all || !isPlainCell(confidence, false) ? this.number(confidence, "confidence") : null;
    out.comment = all || !isPlainCell(comment, true) ? this.text(comment, "comment") : null;
    out.invalid = this.rejectedFields();
    return out;
  }

  /** parseParents, with the last text's list shared. */
  private parents(text: string | null): ParentRef[] {
    if (text === null) return NO_PARENTS;
    if (text !== this.lastParentText) {
      this.lastParents = parseParents(text);
      this.lastParentText = text;
    }
    return this.lastParents;
  }

  private take<T>(r: CellRead<T>, key: string): T | null {
    if (r.kind === "value") return r.value;
    if (r.kind === "invalid") (this.rejected ??= {})[key] = { code: r.code, text: r.text };
    return null;
  }

  /*
   * A field's value: the usual cells through the readers' values (cells.ts), without a
   * CellRead; the rest through the full reader, which records what it rejects.
   */
  private text(raw: unknown, key: string): string | null {
    const v = textValue(raw);
    return v !== undefined ? v : this.take(readText(raw), key);
  }

  private number(raw: unknown, key: string): number | null {
    const v = numberValue(raw);
    return v !== undefined ? v : this.take(readNumber(raw), key);
  }

  private actual(raw: unknown, key: string): ActualValue | null {
    const v = actualValue(raw);
    return v !== undefined ? v : this.take(readActual(raw), key);
  }

  private date(raw: unknown, key: string): Day | null {
    const v = dateValue(raw, this.system);
    return v !== undefined ? v : this.take(readDate(raw, this.system), key);
  }

  /** The rejected fields of the row just read, or the shared empty record. */
  private rejectedFields(): Record<string, InvalidField> {
    const r = this.rejected;
    this.rejected = null;
    return r ?? NONE_INVALID;
  }
}

/** A goal read from a record of its cells (a worksheet function's arguments, a test's row). */
export function goalFromRecord(record: GoalRecord, system: DateSystem = 1900): Goal {
  return new CellReader(system).goal(workbookFromRecords({ goals: [record], dateSystem: system }), 0);
}

/** Every check-in of the input, read in full (blank rows left out), with its position among the table's data rows. */
export function readCheckIns(input: WorkbookInput): CheckIn[] {
  const t = input.checkIns;
  if (!t) return [];
  const reader = new CellReader(input.dateSystem);
  const out: CheckIn[] = [];
  for (let r = 0; r < t.data.rows.length; r++) {
    if (isBlankRow(t.data.rows[r])) continue;
    out.push({ index: r, ...reader.checkInInto(t, r, emptyCheckInFields()) });
  }
  return out;
}
