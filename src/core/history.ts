/**
 * Each goal's check-ins (history), oldest first, held column-wise: 300,000 check-ins are
 * a few typed arrays, not 300,000 objects. The latest is the greatest Date; on a tie, the
 * lower row (the later entry).
 */
import { ActualValue } from "./cells";
import { Day } from "./dates";
import { Finding } from "./findings";
import { CellReader, CheckInFields, emptyCheckInFields, hasInvalid } from "./model";
import { FlatLinks } from "./rollup";
import { checkInFindings } from "./rules/data";
import { FindingSink } from "./rules/finding";
import { CheckInTable, WorkbookInput, isBlankRow } from "./tables";

export interface History {
  /** Goal i's check-ins are `order[offset[i]]` … `order[offset[i + 1] - 1]`. */
  offset: Int32Array;
  order: Int32Array;
  date: Float64Array;
  /** A number, or for milestones TRUE/FALSE. */
  num: Float64Array;
  /** 0: the number in `num`; 1: FALSE; 2: TRUE. */
  bool: Uint8Array;
}

export function historyLength(h: History, i: number): number {
  return h.offset[i + 1] - h.offset[i];
}

/** The check-in number `k` (0 = oldest) of goal i. */
export function historyAt(h: History, i: number, k: number): number {
  return h.order[h.offset[i] + k];
}

export function checkInValue(h: History, c: number): ActualValue {
  const b = h.bool[c];
  return b === 0 ? h.num[c] : b === 2;
}

/** The Date of goal i's latest check-in, null without one. */
export function lastCheckIn(h: History, i: number): Day | null {
  const hn = historyLength(h, i);
  return hn > 0 ? h.date[historyAt(h, i, hn - 1)] : null;
}

/**
 * The goal a check-in's Goal ID names (the first goal with that ID), -1 for none. Check-ins
 * are mostly listed goal after goal, or a few for one goal in a row: the goal after the last
 * one found, or that goal again, is tried before the look-up table (100,000 IDs).
 */
export class GoalLookup {
  private last = -1;
  constructor(
    private readonly keys: readonly (string | null)[],
    private readonly links: Pick<FlatLinks, "indexOf" | "firstOf">,
  ) {}
  find(key: string): number {
    const { keys, links } = this;
    const next = this.last + 1;
    if (next < keys.length && keys[next] === key && links.firstOf[next] === next) return (this.last = next);
    if (this.last >= 0 && keys[this.last] === key && links.firstOf[this.last] === this.last) return this.last;
    const i = links.indexOf.get(key);
    if (i === undefined) return -1;
    this.last = i;
    return i;
  }
}

/**
 * Reads the check-ins: their E1–E3 findings (on the goal, or loose when the Goal ID
 * names no goal) and the history of each goal (check-ins with a Date and a Value).
 */
export function readHistory(input: WorkbookInput, cells: CellReader, lookup: GoalLookup, n: number, findings: FindingSink, loose: Finding[]): History {
  const t = input.checkIns;
  const rows = t ? t.data.rows : [];
  const reader = new HistoryReader(rows.length, n, cells, lookup, findings, loose);
  // Straight from the table's rows, through one record (no object per check-in); blank rows hold none.
  if (t) for (let r = 0; r < rows.length; r++) if (!isBlankRow(rows[r])) reader.read(t, r);
  return reader.history();
}

/** readHistory's work, one check-in (`read`) and one goal (`sortGoal`) at a time. */
export class HistoryReader {
  private readonly goalOf: Int32Array;
  private readonly date: Float64Array;
  private readonly num: Float64Array;
  private readonly bool: Uint8Array;
  private readonly offset: Int32Array;
  private readonly c: CheckInFields = emptyCheckInFields();
  constructor(
    m: number,
    private readonly n: number,
    private readonly cells: CellReader,
    private readonly lookup: GoalLookup,
    private readonly findings: FindingSink,
    private readonly loose: Finding[],
  ) {
    // -1: a row that names no goal (or a blank row of the table, never read).
    this.goalOf = new Int32Array(m).fill(-1);
    this.date = new Float64Array(m);
    this.num = new Float64Array(m);
    this.bool = new Uint8Array(m);
    this.offset = new Int32Array(n + 1);
  }

  /** The check-in in data row k of the table. */
  read(t: CheckInTable, k: number): void {
    const c = this.c;
    this.cells.checkInInto(t, k, c, false);
    const found = c.key === null ? -1 : this.lookup.find(c.key);
    const gi = found < 0 ? undefined : found;
    // The findings of rejected cells, in a function of their own: the usual row has none.
    if (hasInvalid(c)) checkInFindings(t, k, c, gi, this.findings, this.loose);
    if (gi !== undefined && c.date !== null && c.value !== null) {
      this.goalOf[k] = gi;
      this.date[k] = c.date;
      if (typeof c.value === "boolean") this.bool[k] = c.value ? 2 : 1;
      else this.num[k] = c.value;
      this.offset[gi + 1]++;
    } else this.goalOf[k] = -1;
  }

  history(): History {
    const { n, offset, goalOf, date, num, bool } = this;
    const m = goalOf.length;
    for (let i = 0; i < n; i++) offset[i + 1] += offset[i];
    const order = new Int32Array(offset[n]);
    const next = offset.slice(0, n);
    for (let k = 0; k < m; k++) if (goalOf[k] >= 0) order[next[goalOf[k]]++] = k;
    for (let i = 0; i < n; i++) if (offset[i + 1] - offset[i] > 1) sortGoal(order, offset[i], offset[i + 1], date);
    return { offset, order, date, num, bool };
  }
}

/**
 * A goal's check-ins `order[from]` … `order[to - 1]`, oldest first. Rows are in input order
 * already, so a stable sort by Date keeps ties by row.
 */
function sortGoal(order: Int32Array, from: number, to: number, date: Float64Array): void {
  if (to - from <= 16) {
    for (let a = from + 1; a < to; a++) {
      const k = order[a];
      let b = a - 1;
      while (b >= from && date[order[b]] > date[k]) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = k;
    }
    return;
  }
  const sorted = Array.from(order.subarray(from, to)).sort((x, y) => date[x] - date[y] || x - y);
  order.set(sorted, from);
}

/** The least-squares line through goal i's numeric check-ins (Date, Value), read at `at`; null when the dates do not vary. */
export function historyTrend(h: History, i: number, at: Day): number | null {
  const from = h.offset[i];
  const to = h.offset[i + 1];
  let k = 0;
  let sx = 0;
  let sy = 0;
  for (let a = from; a < to; a++) {
    const c = h.order[a];
    if (h.bool[c] !== 0) continue;
    k++;
    sx += h.date[c];
    sy += h.num[c];
  }
  if (k < 2) return null;
  const mx = sx / k;
  const my = sy / k;
  let sxx = 0;
  let sxy = 0;
  for (let a = from; a < to; a++) {
    const c = h.order[a];
    if (h.bool[c] !== 0) continue;
    sxx += (h.date[c] - mx) * (h.date[c] - mx);
    sxy += (h.date[c] - mx) * (h.num[c] - my);
  }
  if (sxx === 0) return null;
  const y = my + (sxy / sxx) * (at - mx);
  return Number.isFinite(y) ? y : null;
}

/** How many of goal i's check-ins have a number (not TRUE/FALSE) as Value. */
export function numericCheckIns(h: History, i: number): number {
  let numeric = 0;
  for (let k = h.offset[i]; k < h.offset[i + 1]; k++) if (h.bool[h.order[k]] === 0) numeric++;
  return numeric;
}
