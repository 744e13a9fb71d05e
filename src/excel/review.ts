/**
 * Review cycles in the workbook (review.md): moving the cycle's state with Excel's
 * own protection, sealing the locked columns, change requests, the audit log,
 * verifying the seal, and telling what state an interrupted operation left.
 *
 * Every operation reads first, then writes in this order, so that running it again
 * after a failed sync completes it:
 *   1. protection (idempotent: sheets are unprotected, their cells locked or
 *      unlocked, and protected again);
 *   2. for a change request, its audit entries (not yet committed) and then the cell;
 *   3. the commit: GoalMeta (state, seal, audit.count/head) together with the audit
 *      entries, in one sync, and the metadata sheet protected again.
 * Audit entries after `audit.count` are uncommitted: the next run overwrites them.
 * Passwords are passed in by the caller and never stored or shown.
 */
import { CanonicalValue, readActual, readDate, readEnum, readNumber } from "../core/cells";
import { ColumnKey, headerOf } from "../core/columns";
import { MIN_REASON, checkChangeRequest, checkTransition, stateIndex } from "../core/cycle";
import { Day, DateSystem, serialFromDay } from "../core/dates";
import { EvaluateOptions } from "../core/engine";
import { checkInput, confidenceProblem } from "../core/inputs";
import { CYCLE_STATES, CycleState, Meta } from "../core/meta";
import { AuditEntry, canonicalValue, checkInsEditable, isSealedState, sha256Hex } from "../core/seal";
import { cellAddress as sheetCell } from "../core/a1";
import { goalRecords } from "../core/tables";
import { CellValue, userCell } from "./cell-values";
import { refresh } from "./refresh";
import { AuditState, EntrySpec, chainEntries, prepareMetaWrite, queueAuditEntries } from "./review-log";
import {
  LockPlan,
  ProtectionStatus,
  ReviewError,
  ReviewField,
  checkPlan,
  goalColumnKeys,
  lockPlan,
  queueLockPlan,
  queueProtect,
  queueSheetRanges,
  queueUnprotect,
  readLockFlags,
  syncExplained,
} from "./review-protection";
import { CopyStatus, copyStatus } from "./review-copy";
import { LoadedTable, LoadedWorkbook, engineInput } from "./workbook";
import { ReviewContext, cloneMeta, isoNow, loadReview, sealOf, verifyLoaded } from "./review-verify";

export { isoNow, loadReview, sealOf, verifyLoaded, verifySeal } from "./review-verify";
export type { ReviewContext, SealDifferenceReport, VerifyReport } from "./review-verify";

export { ReviewError, lockPlan } from "./review-protection";
export type { ReviewField } from "./review-protection";
export { prepareReviewCopy, restoreLiveFormulas, ABOUT_SHEET, FORMULAS_TABLE } from "./review-copy";
export type { ReviewCopyResult, RestoreResult } from "./review-copy";

// ---- shared -------------------------------------------------------------------

function show(v: CanonicalValue): string {
  return v === null ? "(blank)" : typeof v === "string" ? v : JSON.stringify(v);
}

function isChange(e: AuditEntry): boolean {
  return e.action === "change" || e.action === "rebaseline";
}

function describePending(e: AuditEntry): string {
  if (isChange(e)) return `a change request for ${e.goalId ?? "(no ID)"} ${e.field ?? ""} (${show(e.old)} → ${show(e.new)})`;
  if (e.action === "state") return `changing the cycle from ${show(e.old)} to ${show(e.new)}`;
  return `an operation (${e.action})`;
}

function refusePendingChange(audit: AuditState): void {
  const p = audit.pending[0];
  if (p && isChange(p)) throw new ReviewError(`${capital(describePending(p))} was interrupted; run that change request again to finish it first.`, "pending");
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function requireActor(actor: string): string {
  const a = (actor ?? "").trim();
  if (a === "") throw new ReviewError("Enter your name first; it goes into the audit log with every change.", "refused");
  return a;
}

// ---- check-ins typed below the table ----------------------------------------------

/**
 * Adds the rows typed right below the CheckIns table to it (Excel does not grow a table on
 * a protected sheet), with a `checkin` audit entry for each, in one request of its own:
 * both sheets unprotected, the table resized, the entries committed, both protected again.
 * Then reads the workbook again. Nothing to do, or an interrupted operation pending in the
 * audit log (its entries must not be overwritten): returns the review as it was; the rows
 * still count (refresh and the seal read them) and a later operation adds them.
 */
async function adoptTypedCheckIns(
  context: Excel.RequestContext,
  review: ReviewContext,
  actor: string,
  at: string,
  password: string | undefined,
): Promise<ReviewContext> {
  const { wb, status, audit } = review;
  const ci = wb.checkIns;
  if (!ci || wb.checkInsBelow.length === 0 || audit.pending.length > 0) return review;
  const metaSheet = metaSheetName(wb);
  const col = (name: string): number => ci.columnNames.findIndex((n) => n.trim().toLowerCase() === name);
  const [idCol, valueCol, commentCol] = [col("goal id"), col("value"), col("comment")];
  const ids = new Map<string, string>();
  for (const g of goalRecords(engineInput(wb))) {
    const id = canonicalValue("id", g.values.id, wb.dateSystem);
    if (id !== null) ids.set(String(id).toUpperCase(), String(id));
  }
  const specs: EntrySpec[] = [];
  for (const row of wb.checkInsBelow) {
    if (row.every((v) => v === "" || v === null || v === undefined)) continue;
    // The cells as Office.js reads them: strings, numbers and booleans.
    const typedId = idCol >= 0 ? String((row[idCol] as CellValue | null | undefined) ?? "").trim() : "";
    const comment = commentCol >= 0 ? String((row[commentCol] as CellValue | null | undefined) ?? "").trim() : "";
    specs.push({
      at,
      actor,
      action: "checkin",
      goalId: typedId === "" ? null : (ids.get(typedId.toUpperCase()) ?? typedId),
      field: "Value",
      old: null,
      new: valueCol >= 0 ? canonicalValue("actual", row[valueCol], wb.dateSystem) : null,
      reason: `Check-in typed below the CheckIns table, added to it by the add-in${comment === "" ? "" : `: ${comment}`}`,
    });
  }
  const entries = await chainEntries(audit, specs);
  const meta = cloneMeta(wb.meta);
  if (entries.length > 0) meta.audit = { head: entries[entries.length - 1].hash, count: audit.committed + entries.length };
  const plan = lockPlan(wb, wb.meta.cycle.state);
  const protectBack = (sheet: string): void => {
    const sp = plan.sheets.find((x) => x.sheet.toLowerCase() === sheet.toLowerCase());
    if (sp?.protect) queueProtect(context, status, sheet, sp.options, password);
  };
  queueUnprotect(context, status, ci.sheet, password);
  queueUnprotect(context, status, metaSheet, password);
  const write = await prepareMetaWrite(context, wb, meta);
  queueAuditEntries(context, wb, audit, entries);
  write.queueHead();
  const rows = Math.max(1, ci.rows.length) + wb.checkInsBelow.length;
  const ws = context.workbook.worksheets.getItem(ci.sheet);
  context.workbook.tables.getItem(ci.name).resize(ws.getRangeByIndexes(ci.headerRowIndex, ci.firstColumn, 1 + rows, ci.headers.length));
  // The table grew: the spare rows below it moved down, lock and unlock them where they are now.
  queueSheetRanges(
    context,
    lockPlan(grownCheckIns(wb, [...ci.rows.slice(0, Math.max(1, ci.rows.length)), ...wb.checkInsBelow]), wb.meta.cycle.state),
    ci.sheet,
  );
  protectBack(ci.sheet);
  protectBack(metaSheet);
  await syncExplained(context);
  return loadReview(context, password);
}

/** The workbook as it is once its CheckIns table holds these rows (for the lock plan of the grown table). */
function grownCheckIns(wb: LoadedWorkbook, rows: unknown[][]): LoadedWorkbook {
  return wb.checkIns ? { ...wb, checkIns: { ...wb.checkIns, rows }, checkInsBelow: [] } : wb;
}

// ---- state changes --------------------------------------------------------------

export interface StateChangeOptions {
  to: CycleState;
  /** Who does it (the name the user gave the task pane). */
  actor: string;
  /** Required (10+ characters) when reopening. */
  reason?: string | null;
  /** The protection password, when the cycle is or should be locked with one. Never stored. */
  password?: string;
  now?: Date;
}

export interface StateChangeResult {
  from: CycleState;
  to: CycleState;
  direction: "advance" | "reopen";
  /** The new seal; null in Draft. */
  seal: { hash: string; at: string; state: CycleState } | null;
  /** Audit entries appended. */
  entries: AuditEntry[];
}

/** Moves the cycle one step forward or (with a reason) one step back: protection, seal, audit log, state. */
export async function changeState(context: Excel.RequestContext, options: StateChangeOptions): Promise<StateChangeResult> {
  const actor = requireActor(options.actor);
  if (!(CYCLE_STATES as readonly string[]).includes(options.to))
    throw new ReviewError(`'${String(options.to)}' is not a review state; use ${CYCLE_STATES.join(", ")}.`, "refused");
  const at = isoNow(options.now);
  const loaded = await loadReview(context, options.password);
  const from = loaded.wb.meta.cycle.state;
  const check = checkTransition(from, options.to, options.reason);
  if (!check.ok) throw check.code === "reason" ? new ReviewError(check.message, "input", "reason") : new ReviewError(check.message, "refused");
  refusePendingChange(loaded.audit);
  const { wb, status, audit } = await adoptTypedCheckIns(context, loaded, actor, at, options.password);
  const to = check.to;
  const plan = lockPlan(wb, to);

  const meta = cloneMeta(wb.meta);
  const specs: EntrySpec[] = [{ at, actor, action: "state", goalId: null, field: "cycle.state", old: from, new: to, reason: check.reason }];
  let seal: StateChangeResult["seal"] = null;
  if (isSealedState(to)) {
    const s = await sealOf(wb, to);
    specs.push({ at, actor, action: "seal", goalId: null, field: "seal.hash", old: meta.seal.hash, new: s.hash, reason: null });
    meta.seal = { hash: s.hash, at, state: to, doc: s.doc };
    seal = { hash: s.hash, at, state: to };
  } else if (meta.seal.hash !== null || meta.seal.doc !== null) {
    specs.push({
      at,
      actor,
      action: "seal",
      goalId: null,
      field: "seal.hash",
      old: meta.seal.hash,
      new: null,
      reason: "Seal cleared: the cycle was reopened to Draft",
    });
    meta.seal = { hash: null, at: null, state: null, doc: null };
  }
  meta.cycle.state = to;
  meta.cycle.changedAt = at;
  const entries = await chainEntries(audit, specs);
  meta.audit = { head: entries[entries.length - 1].hash, count: audit.committed + entries.length };

  // 1. Protection for the new state; the metadata sheet stays open for the commit.
  const metaSheet = metaSheetName(wb);
  queueLockPlan(context, plan, status, options.password, [metaSheet]);
  await syncExplained(context);

  // 2. The commit: GoalMeta and GoalAudit in one request, then the metadata sheet protected.
  await commit(context, wb, status, plan, meta, audit, entries, options.password);
  return { from, to, direction: check.direction, seal, entries };
}

/** Moves the cycle one step forward. */
export async function advanceCycle(context: Excel.RequestContext, options: StateChangeOptions): Promise<StateChangeResult> {
  return changeState(context, options);
}

/** Reopens the cycle one step back; needs a reason of at least 10 characters. */
export async function reopenCycle(context: Excel.RequestContext, options: StateChangeOptions & { reason: string }): Promise<StateChangeResult> {
  return changeState(context, options);
}

function metaSheetName(wb: LoadedWorkbook): string {
  const t = wb.metaTable ?? wb.auditTable;
  if (!t) throw new ReviewError("The metadata sheet is missing.", "missing");
  return t.sheet;
}

async function commit(
  context: Excel.RequestContext,
  wb: LoadedWorkbook,
  status: ProtectionStatus,
  plan: LockPlan,
  meta: Meta,
  audit: AuditState,
  entries: readonly AuditEntry[],
  password: string | undefined,
): Promise<void> {
  const metaSheet = metaSheetName(wb);
  queueUnprotect(context, status, metaSheet, password);
  const write = await prepareMetaWrite(context, wb, meta);
  queueAuditEntries(context, wb, audit, entries);
  write.queueHead();
  const sp = plan.sheets.find((s) => s.sheet.toLowerCase() === metaSheet.toLowerCase());
  if (sp?.protect) queueProtect(context, status, metaSheet, sp.options, password);
  await syncExplained(context);
  wb.meta = meta;
}

// ---- change requests ------------------------------------------------------------

export type ChangeValue = string | number | boolean | null;

export interface ChangeRequestOptions {
  goalId: string;
  /** Column key (`target`) or header (`Target`). */
  field: string;
  value: ChangeValue;
  reason: string;
  actor: string;
  password?: string;
  now?: Date;
}

export interface ChangeRequestResult {
  goalId: string;
  field: string;
  action: "change" | "rebaseline";
  old: CanonicalValue;
  new: CanonicalValue;
  /** The cell written, e.g. `Goals!L3`. */
  cell: string;
  /** False when the cell already held the value and nothing was logged. */
  changed: boolean;
  seal: { hash: string; at: string } | null;
  /** Warnings the table gained with the new value (they do not refuse it), in words. */
  warnings: string[];
}

const NUMBER_KEYS: readonly ColumnKey[] = ["weight", "baseline", "threshold", "target", "stretch"];
const DATE_KEYS: readonly ColumnKey[] = ["start", "due"];
const ENUM_KEYS = ["type", "level", "direction", "rollup"] as const;

/** What to write for a value: numbers as numbers, dates as serials, enumerations in canonical spelling, text as literal text. */
export function cellInput(key: ColumnKey, value: ChangeValue, system: DateSystem): { cell: CellValue; raw: unknown; date: boolean } {
  const header = headerOf(key);
  if (value === null || (typeof value === "string" && value.trim() === "")) return { cell: "", raw: "", date: false };
  const bad = (what: string): ReviewError => new ReviewError(`'${String(value)}' is not ${what} for ${header}; enter ${what}.`, "input", "value");
  if (NUMBER_KEYS.includes(key)) {
    const r = readNumber(value);
    if (r.kind !== "value" || typeof value === "boolean") throw bad("a number");
    return { cell: r.value, raw: r.value, date: false };
  }
  if (key === "actual") {
    const r = readActual(value);
    if (r.kind !== "value") throw bad("a number or TRUE/FALSE");
    return { cell: r.value, raw: r.value, date: false };
  }
  if (DATE_KEYS.includes(key)) {
    if (typeof value === "boolean") throw bad("a date (YYYY-MM-DD)");
    const r = readDate(value, system);
    if (r.kind !== "value") throw bad("a date (YYYY-MM-DD)");
    const serial = serialFromDay(r.value, system);
    return { cell: serial, raw: serial, date: true };
  }
  const e = ENUM_KEYS.find((k) => k === key);
  if (e) {
    const r = readEnum(e, value);
    if (r.kind !== "value") throw bad(`a known ${header}`);
    return { cell: userCell(r.value), raw: r.value, date: false };
  }
  const text = String(value);
  return { cell: userCell(text), raw: text, date: false };
}

interface GoalCell {
  table: LoadedTable;
  row: number;
  column: number;
  id: string;
  /** The goal's index in the engine's input (what its findings name). */
  index: number;
}

function findGoal(wb: LoadedWorkbook, goalId: string, key: ColumnKey): GoalCell {
  const want = (goalId ?? "").trim().toUpperCase();
  if (want === "") throw new ReviewError("Choose the goal first.", "input", "goal");
  const goals = goalRecords(engineInput(wb));
  const index = goals.findIndex((g) => {
    const id = canonicalValue("id", g.values.id, wb.dateSystem);
    return id !== null && String(id).toUpperCase() === want;
  });
  const goal = goals[index];
  const none = (): ReviewError => new ReviewError(`There is no goal with ID '${goalId.trim()}'; choose one from the list.`, "input", "goal");
  if (!goal || !goal.source) throw none();
  const table = wb.goalTables.find((t) => t.name === goal.source?.table);
  if (!table) throw none();
  const column = goalColumnKeys(table).indexOf(key);
  if (column < 0) throw new ReviewError(`The goal table '${table.name}' has no ${headerOf(key)} column.`, "input", "field");
  return { table, row: goal.source.row, column, id: String(canonicalValue("id", goal.values.id, wb.dateSystem)), index };
}

/** A change request checkChangeRequest refused, naming the form field to fix. */
function changeRefusal(state: CycleState, field: string, message: string): ReviewError {
  if (state === "Draft") return new ReviewError(message, "input", "state");
  // Refused with a reason long enough too: the field is what is wrong; else the reason is.
  const withReason = checkChangeRequest(state, field, "x".repeat(MIN_REASON));
  return new ReviewError(message, "input", withReason.ok ? "reason" : "field");
}

function sentence(message: string): string {
  const m = message.trim();
  return capital(/[.!?]$/.test(m) ? m : `${m}.`);
}

/** The workbook with one goal cell holding `raw` (a copy; the loaded tables are not changed). */
function withGoalCell(wb: LoadedWorkbook, goal: GoalCell, raw: unknown): LoadedWorkbook {
  const rows = goal.table.rows.slice();
  rows[goal.row] = rows[goal.row].slice();
  rows[goal.row][goal.column] = raw;
  return { ...wb, goalTables: wb.goalTables.map((t) => (t === goal.table ? { ...t, rows } : t)) };
}

function evaluateOptions(wb: LoadedWorkbook): EvaluateOptions {
  return { settings: wb.meta.settings, reviewCycle: wb.meta.cycle.name };
}

/**
 * Refuses a change request whose new value would give the table a failure it does not
 * have now (the engine's own rules, on the goal and on every goal it touches); returns the
 * warnings it would gain. The message is the rule's, which says what to change.
 */
function refuseChangeFindings(wb: LoadedWorkbook, goal: GoalCell, key: ColumnKey, raw: unknown): string[] {
  const header = headerOf(key);
  const target = { goalIndex: goal.index, field: header };
  const result = checkInput(engineInput(wb), engineInput(withGoalCell(wb, goal, raw)), target, evaluateOptions(wb));
  const f = result.refused[0];
  if (f) {
    const message =
      f.goalIndex !== goal.index
        ? `With this ${header}, goal ${f.goal ?? "(no ID)"} would fail a check: ${sentence(f.message)} Choose another ${header}.`
        : f.field !== header
          ? `${sentence(f.message)} Choose another ${header}, or first change ${f.field} with a change request of its own.`
          : sentence(f.message);
    throw new ReviewError(message, "input", "value");
  }
  return result.warnings.map((w) => (w.goalIndex === goal.index ? sentence(w.message) : `${w.goal ?? "(no ID)"}: ${sentence(w.message)}`));
}

function sameValue(a: CanonicalValue, b: CanonicalValue): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));
}

/**
 * A change request (review.md): writes a locked field of one goal with a reason,
 * logs the old and new value, renews the seal and refreshes the computed columns.
 */
export async function changeRequest(context: Excel.RequestContext, options: ChangeRequestOptions): Promise<ChangeRequestResult> {
  const actor = requireActor(options.actor);
  const at = isoNow(options.now);
  const loaded = await loadReview(context, options.password);
  const check = checkChangeRequest(loaded.wb.meta.cycle.state, options.field, options.reason);
  if (!check.ok) throw changeRefusal(loaded.wb.meta.cycle.state, options.field, check.message);
  // Everything is checked before anything is written (adopting typed check-ins included).
  const checked = findGoal(loaded.wb, options.goalId, check.field);
  const warnings = refuseChangeFindings(loaded.wb, checked, check.field, cellInput(check.field, options.value, loaded.wb.dateSystem).raw);
  const { wb, status, audit } = await adoptTypedCheckIns(context, loaded, actor, at, options.password);
  const state = wb.meta.cycle.state;
  const key = check.field;
  const header = headerOf(key);
  const target = findGoal(wb, options.goalId, key);
  const input = cellInput(key, options.value, wb.dateSystem);
  const t = target.table;
  const cellAddress = sheetCell(t.sheet, t.headerRowIndex + 2 + target.row, t.firstColumn + target.column);
  let old = canonicalValue(key, t.rows[target.row][target.column], wb.dateSystem);
  const now = canonicalValue(key, input.raw, wb.dateSystem);

  // An interrupted attempt of this same request left its entries: they hold the true old value.
  const pending = audit.pending[0];
  let resumed = false;
  if (pending && isChange(pending)) {
    if ((pending.goalId ?? "").toUpperCase() === target.id.toUpperCase() && pending.field === header && sameValue(pending.new, now)) {
      old = pending.old;
      resumed = true;
    } else throw new ReviewError(`${capital(describePending(pending))} was interrupted; run that change request again to finish it first.`, "pending");
  }
  const plan = lockPlan(wb, state);
  const sheetPlan = plan.sheets.find((s) => s.sheet.toLowerCase() === t.sheet.toLowerCase());
  if (!resumed && sameValue(old, now)) {
    await refresh(context);
    return {
      goalId: target.id,
      field: header,
      action: check.action,
      old,
      new: now,
      cell: cellAddress,
      changed: false,
      seal: wb.meta.seal.hash && wb.meta.seal.at ? { hash: wb.meta.seal.hash, at: wb.meta.seal.at } : null,
      warnings: [],
    };
  }
  const metaSheet = metaSheetName(wb);

  // The seal of the workbook as it will be.
  t.rows = t.rows.slice();
  t.rows[target.row] = t.rows[target.row].slice();
  t.rows[target.row][target.column] = input.raw;
  const meta = cloneMeta(wb.meta);
  const specs: EntrySpec[] = [{ at, actor, action: check.action, goalId: target.id, field: header, old, new: now, reason: options.reason.trim() }];
  let seal: ChangeRequestResult["seal"] = null;
  if (isSealedState(state)) {
    const s = await sealOf(wb, state);
    specs.push({ at, actor, action: "seal", goalId: null, field: "seal.hash", old: meta.seal.hash, new: s.hash, reason: null });
    meta.seal = { hash: s.hash, at, state, doc: s.doc };
    seal = { hash: s.hash, at };
  }
  const entries = await chainEntries(audit, specs);
  meta.audit = { head: entries[entries.length - 1].hash, count: audit.committed + entries.length };

  // 1. The audit entries (uncommitted: they keep the old value should the rest fail), then the cell.
  // Both sheets are unprotected before anything is written, the goal sheet first (a wrong password names it).
  queueUnprotect(context, status, t.sheet, options.password);
  queueUnprotect(context, status, metaSheet, options.password);
  queueAuditEntries(context, wb, audit, entries);
  const ws = context.workbook.worksheets.getItem(t.sheet);
  const cell = ws.getRangeByIndexes(t.headerRowIndex + 1 + target.row, t.firstColumn + target.column, 1, 1);
  cell.values = [[input.cell]];
  if (input.date) cell.numberFormat = [["yyyy-mm-dd"]];
  if (sheetPlan?.protect) queueProtect(context, status, t.sheet, sheetPlan.options, options.password);
  await syncExplained(context);

  // 2. The commit.
  await commitMetaOnly(context, wb, status, plan, meta, options.password);

  // 3. The computed columns.
  await refresh(context);
  return { goalId: target.id, field: header, action: check.action, old, new: now, cell: cellAddress, changed: true, seal, warnings };
}

async function commitMetaOnly(
  context: Excel.RequestContext,
  wb: LoadedWorkbook,
  status: ProtectionStatus,
  plan: LockPlan,
  meta: Meta,
  password: string | undefined,
): Promise<void> {
  const metaSheet = metaSheetName(wb);
  queueUnprotect(context, status, metaSheet, password);
  const write = await prepareMetaWrite(context, wb, meta);
  write.queueHead();
  const sp = plan.sheets.find((s) => s.sheet.toLowerCase() === metaSheet.toLowerCase());
  if (sp?.protect) queueProtect(context, status, metaSheet, sp.options, password);
  await syncExplained(context);
  wb.meta = meta;
}

/** Protects the workbook as its current state says (after protection was changed by hand, or an interrupted run). */
export async function reapplyProtection(context: Excel.RequestContext, options: { password?: string } = {}): Promise<{ state: CycleState }> {
  const { wb, status } = await loadReview(context, options.password);
  const plan = lockPlan(wb, wb.meta.cycle.state);
  queueLockPlan(context, plan, status, options.password);
  await syncExplained(context);
  return { state: wb.meta.cycle.state };
}

// ---- inspecting -----------------------------------------------------------------

export interface ReviewInspection {
  state: CycleState;
  cycle: string | null;
  /** Whether sheet and workbook protection are as the state says. */
  protectionMatchesState: boolean;
  protectionProblems: string[];
  sealed: boolean;
  /** null when not sealed. */
  sealIntact: boolean | null;
  auditIntact: boolean;
  reviewCopy: CopyStatus["state"];
  /** What an interrupted operation left, in words, and how to finish it; null when nothing is pending. */
  pending: string | null;
}

/** What state the workbook is in, and whether an operation was interrupted (the task pane reports it). */
export async function inspectReview(context: Excel.RequestContext): Promise<ReviewInspection> {
  const { wb, status, audit } = await loadReview(context, undefined, false);
  const state = wb.meta.cycle.state;
  const plans = new Map(CYCLE_STATES.map((s) => [s, lockPlan(wb, s)]));
  const flags = await readLockFlags(context, plans.get("Active") as LockPlan, status);
  const own = checkPlan(plans.get(state) as LockPlan, status, flags);
  const verify = await verifyLoaded(wb);
  const copy = await copyStatus(context, wb);

  const pending: string[] = [];
  const p = audit.pending[0];
  if (p) {
    if (isChange(p)) pending.push(`${capital(describePending(p))} was interrupted. Run the same change request again to finish it.`);
    else if (p.action === "state") pending.push(`${capital(describePending(p))} was interrupted. Run it again to finish it.`);
    else pending.push(`The audit log has ${audit.pending.length} entries that were written but not committed. Run the last operation again.`);
  }
  if (
    wb.meta.seal.hash !== null &&
    wb.meta.seal.doc !== null &&
    (await sha256Hex(wb.meta.seal.doc)) !== wb.meta.seal.hash.toLowerCase() &&
    pending.length === 0
  ) {
    pending.push(
      "The stored seal document does not match the seal: renewing the seal was interrupted, or the metadata sheet was edited. Run the last operation again.",
    );
  }
  if (!own.matches && pending.length === 0) {
    const metaSheet = wb.metaTable?.sheet ?? null;
    const neighbours = CYCLE_STATES.filter((s) => s !== state && Math.abs(stateIndex(s) - stateIndex(state)) === 1);
    const lockedFor = neighbours.find((s) => checkPlan(plans.get(s) as LockPlan, status, flags, metaSheet).matches);
    if (lockedFor)
      pending.push(
        `The sheets are locked for ${lockedFor}, but the cycle is still recorded as ${state}: changing to ${lockedFor} was interrupted. Run it again to finish it.`,
      );
    else
      pending.push(
        `Protection does not match the ${state} state (${own.problems.slice(0, 3).join("; ")}${own.problems.length > 3 ? " …" : ""}): an operation was interrupted or protection was changed by hand. Run the last operation again, or reapply the protection.`,
      );
  }
  if (copy.state === "partial" && copy.pending) pending.push(copy.pending);
  return {
    state,
    cycle: wb.meta.cycle.name,
    protectionMatchesState: own.matches,
    protectionProblems: own.problems,
    sealed: verify.sealed,
    sealIntact: verify.intact,
    auditIntact: verify.audit.intact,
    reviewCopy: copy.state,
    pending: pending.length > 0 ? pending.join(" ") : null,
  };
}

// ---- check-ins ------------------------------------------------------------------

export interface CheckInOptions {
  goalId: string;
  /** ISO `YYYY-MM-DD` or an Excel serial. */
  date: string | number;
  /** A number, or TRUE/FALSE (yes/no, done) for a milestone. */
  value: string | number | boolean;
  /** 0 to 1 (a number, or text such as `70%`); blank for none. */
  confidence?: number | string | null;
  comment?: string | null;
  actor: string;
  password?: string;
  now?: Date;
}

export interface CheckInResult {
  goalId: string;
  date: string;
  value: CanonicalValue;
  /** Address of the new row's first cell. */
  cell: string;
  /** False when an interrupted attempt had already added the row. */
  added: boolean;
  /** Warnings the table gained with the check-in (they do not refuse it), in words. */
  warnings: string[];
}

const CHECKIN_FIELDS: Record<string, ReviewField> = { "goal id": "goal", date: "date", value: "value", confidence: "confidence", comment: "comment" };

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The check-in's date, value, confidence and comment, or a ReviewError naming the field to
 * fix. Date and Value are required; then the workbook is evaluated with the check-in as a
 * new row of CheckIns, and any failure it would bring refuses it (the engine's own rules:
 * a date or number it cannot read, a value its goal cannot score); then Confidence's range.
 * Returns too the warnings the check-in would bring.
 */
function checkCheckInInput(
  wb: LoadedWorkbook,
  goal: GoalCell,
  options: CheckInOptions,
): { date: { value: Day }; value: { value: number | boolean }; confidence: number | null; comment: string; warnings: string[] } {
  const ci = wb.checkIns as LoadedTable;
  if (blank(options.date)) throw new ReviewError("Enter the date of the check-in, such as 2026-06-30.", "input", "date");
  if (blank(options.value)) throw new ReviewError("Enter the value measured: a number, or TRUE/FALSE for a milestone.", "input", "value");
  const comment = (options.comment ?? "").trim();
  const raw: Record<string, unknown> = { "goal id": goal.id, date: options.date, value: options.value, confidence: options.confidence ?? "", comment };
  const row = ci.columnNames.map((name) => raw[name.trim().toLowerCase()] ?? "");
  const after: LoadedWorkbook = { ...wb, checkInsBelow: [...wb.checkInsBelow, row] };
  const result = checkInput(engineInput(wb), engineInput(after), { goalIndex: goal.index, field: null }, evaluateOptions(wb));
  const f = result.refused[0];
  if (f) {
    const field = CHECKIN_FIELDS[f.field.trim().toLowerCase()];
    const own = f.cell !== null && f.goalIndex === goal.index && field !== undefined && f.checkIn === true;
    if (own) throw new ReviewError(sentence(f.message), "input", field);
    throw new ReviewError(`With this check-in, goal ${f.goal ?? "(no ID)"} would fail a check: ${sentence(f.message)} Enter another value.`, "input", "value");
  }
  const date = readDate(options.date, wb.dateSystem);
  if (date.kind !== "value") throw new ReviewError(`The date '${String(options.date)}' is not a date; enter one such as 2026-06-30.`, "input", "date");
  const value = readActual(options.value);
  if (value.kind !== "value")
    throw new ReviewError(`The value '${String(options.value)}' is not a number (or TRUE/FALSE for a milestone); enter the measured value.`, "input", "value");
  let confidence: number | null = null;
  if (!blank(options.confidence)) {
    const c = readNumber(options.confidence);
    if (c.kind !== "value")
      throw new ReviewError(`Confidence '${String(options.confidence)}' is not a number; enter one from 0 to 1, or leave it blank.`, "input", "confidence");
    const problem = confidenceProblem(c.value);
    if (problem !== null) throw new ReviewError(sentence(problem), "input", "confidence");
    confidence = c.value;
  }
  const warnings = result.warnings.map((w) => (w.goalIndex === goal.index ? sentence(w.message) : `${w.goal ?? "(no ID)"}: ${sentence(w.message)}`));
  return { date, value, confidence, comment, warnings };
}

/**
 * Adds a check-in to the CheckIns table and logs it (action `checkin`). Check-ins are
 * editable in Draft and Active; in Active the sheet is protected, and Excel does not
 * grow a table on a protected sheet when someone types below it, so the add-in adds
 * the row: the sheet is unprotected, the row added, the sheet protected again and the
 * audit entry committed, in one request.
 */
export async function addCheckIn(context: Excel.RequestContext, options: CheckInOptions): Promise<CheckInResult> {
  const actor = requireActor(options.actor);
  const at = isoNow(options.now);
  const loaded = await loadReview(context, options.password);
  refusePendingChange(loaded.audit);
  const state = loaded.wb.meta.cycle.state;
  if (!checkInsEditable(state))
    throw new ReviewError(`Check-ins are locked while the cycle is ${state}. Reopen the cycle to Active (with a reason) to add one.`, "input", "state");
  if (!loaded.wb.checkIns)
    throw new ReviewError(
      "This workbook has no CheckIns table. Add a table named CheckIns with the columns Goal ID, Date, Value, Confidence and Comment.",
      "missing",
    );
  const goal = findGoal(loaded.wb, options.goalId, "id");
  const input = checkCheckInInput(loaded.wb, goal, options);
  const { wb, status, audit } = await adoptTypedCheckIns(context, loaded, actor, at, options.password);
  const ci = wb.checkIns as LoadedTable;
  const { date, value, confidence, comment } = input;
  const serial = serialFromDay(date.value, wb.dateSystem);
  const iso = String(canonicalValue("due", serial, wb.dateSystem));
  const newValue = canonicalValue("actual", value.value, wb.dateSystem);

  const cells: CellValue[] = ci.columnNames.map((name) => {
    const n = name.trim().toLowerCase();
    if (n === "goal id") return userCell(goal.id);
    if (n === "date") return serial;
    if (n === "value") return value.value;
    if (n === "confidence") return confidence ?? "";
    if (n === "comment") return userCell(comment);
    return "";
  });
  // Resuming: an interrupted attempt left its row and its entry (pending, or committed
  // when only the refresh failed). The same check-in twice in a row is not added again.
  const lastEntry = audit.pending[0] ?? audit.entries[audit.committed - 1];
  const last = ci.rows[ci.rows.length - 1];
  const dateCol = ci.columnNames.findIndex((n) => n.trim().toLowerCase() === "date");
  const valueCol = ci.columnNames.findIndex((n) => n.trim().toLowerCase() === "value");
  const resumed =
    lastEntry !== undefined &&
    lastEntry.action === "checkin" &&
    (lastEntry.goalId ?? "").toUpperCase() === goal.id.toUpperCase() &&
    sameValue(lastEntry.new, newValue) &&
    last !== undefined &&
    dateCol >= 0 &&
    valueCol >= 0 &&
    last[dateCol] === serial &&
    last[valueCol] === value.value;
  if (resumed && audit.pending.length === 0) {
    await refresh(context);
    return {
      goalId: goal.id,
      date: iso,
      value: newValue,
      cell: sheetCell(ci.sheet, ci.headerRowIndex + 1 + ci.rows.length, ci.firstColumn),
      added: false,
      warnings: input.warnings,
    };
  }

  const plan = lockPlan(wb, state);
  const sheetPlan = plan.sheets.find((s) => s.sheet.toLowerCase() === ci.sheet.toLowerCase());
  const entries = await chainEntries(audit, [
    { at, actor, action: "checkin", goalId: goal.id, field: "Value", old: null, new: newValue, reason: comment === "" ? null : comment },
  ]);
  const meta = cloneMeta(wb.meta);
  meta.audit = { head: entries[entries.length - 1].hash, count: audit.committed + entries.length };

  // An Excel table keeps one empty data row: fill it rather than add after it.
  const emptyAt = ci.rows.length > 0 && ci.rows[ci.rows.length - 1].every((v) => v === "" || v === null) ? ci.rows.length - 1 : -1;
  const rowIndex = resumed ? ci.rows.length - 1 : emptyAt >= 0 ? emptyAt : ci.rows.length;
  const sheetRow = ci.headerRowIndex + 1 + rowIndex;
  // The sheet's cells are locked and unlocked for the table as it is after the row (the
  // spare rows below it move down one), also when resuming: an interrupted attempt may
  // have added the row without that.
  queueUnprotect(context, status, ci.sheet, options.password);
  const ws = context.workbook.worksheets.getItem(ci.sheet);
  if (!resumed) {
    if (emptyAt >= 0) ws.getRangeByIndexes(sheetRow, ci.firstColumn, 1, cells.length).values = [cells];
    else context.workbook.tables.getItem(ci.name).rows.add(undefined, [cells]);
    if (dateCol >= 0) ws.getRangeByIndexes(sheetRow, ci.firstColumn + dateCol, 1, 1).numberFormat = [["yyyy-mm-dd"]];
  }
  queueSheetRanges(context, lockPlan(resumed || emptyAt >= 0 ? wb : grownCheckIns(wb, [...ci.rows, cells]), state), ci.sheet);
  if (sheetPlan?.protect) queueProtect(context, status, ci.sheet, sheetPlan.options, options.password);
  await commit(context, wb, status, plan, meta, audit, entries, options.password);
  await refresh(context);
  return { goalId: goal.id, date: iso, value: newValue, cell: sheetCell(ci.sheet, sheetRow + 1, ci.firstColumn), added: !resumed, warnings: input.warnings };
}
