/**
 * Goal workbooks as HR collects them, one per manager, written to .xlsx files with
 * exceljs: a `Goals` table (the twenty input columns and a user column `Team`), a
 * `CheckIns` table and, for some managers, the metadata sheet. The cells come from
 * `generateWorkbook` (seeded, so the same options give the same files); each
 * manager's IDs are their own (`M12-000001`), and every workbook also carries the same
 * two company goals, so that consolidating them keeps those once.
 */
import { Workbook } from "exceljs";
import { INPUT_COLUMNS } from "../src/core/columns";
import { AUDIT_COLUMNS, emptyMeta, metaRows } from "../src/core/meta";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { CHECKIN_HEADERS, Cell, GOAL_HEADERS, generateWorkbook } from "./generate";

export interface ManagerWorkbookOptions {
  /** The manager's number: their IDs, their seed, their team. */
  index: number;
  goals: number;
  checkInsPerGoal?: number;
  /** The workbook's modified property (default: a day in June, later for higher indexes). */
  modified?: Date;
}

const INPUT_HEADERS = INPUT_COLUMNS.map((c) => c.header as string);
const TEAMS = ["Sales", "Support", "Finance", "People", "Product", "Operations"];

/** The company goals every manager copies into their workbook, identical everywhere. */
function companyGoals(): (Cell | null)[][] {
  const row = (id: string, title: string, target: number): (Cell | null)[] => {
    const r: (Cell | null)[] = INPUT_HEADERS.map(() => null);
    const set = (h: string, v: Cell) => (r[INPUT_HEADERS.indexOf(h)] = v);
    set("ID", id);
    set("Title", title);
    set("Type", "Objective");
    set("Level", "Company");
    set("Owner", "CEO Office");
    set("Weight", 0.5);
    set("Unit", "%");
    set("Direction", "Increase");
    set("Baseline", 40);
    set("Target", target);
    set("Cycle", "2026");
    return [...r, "Company"];
  };
  return [row("C-1", "Grow net revenue across all teams", 60), row("C-2", "Raise employee engagement across all teams", 75)];
}

const idPattern = /\bG-(\d{6}X?)\b/g;

/** Goal and check-in rows of one manager: generated cells, their own IDs, blanks as empty cells. */
export function managerRows(o: ManagerWorkbookOptions): { goals: (Cell | null)[][]; checkIns: (Cell | null)[][] } {
  const g = generateWorkbook({ goals: o.goals, checkInsPerGoal: o.checkInsPerGoal ?? 3, seed: 1000 + o.index });
  const own = (v: Cell): Cell | null => (v === "" ? null : typeof v === "string" ? v.replace(idPattern, `M${o.index}-$1`) : v);
  const at = INPUT_HEADERS.map((h) => GOAL_HEADERS.indexOf(h));
  const team = TEAMS[o.index % TEAMS.length];
  const goals = [...companyGoals(), ...g.goals.rows.map((r) => [...at.map((i) => own(r[i])), team])];
  // The generator repeats an ID now and then (a rule finding); a manager's file keeps its IDs apart.
  const seen = new Set<unknown>();
  for (const r of goals) {
    if (r[0] !== null && seen.has(r[0])) r[0] = `${String(r[0])}-b`;
    seen.add(r[0]);
  }
  const checkIns = g.checkIns.rows.map((r) => CHECKIN_HEADERS.map((_, i) => own(r[i])));
  return { goals, checkIns };
}

/** Writes one manager's workbook to `file`. */
export async function writeManagerWorkbook(file: string, o: ManagerWorkbookOptions): Promise<void> {
  const { goals, checkIns } = managerRows(o);
  const wb = new Workbook();
  const modified = o.modified ?? new Date(Date.UTC(2026, 5, 1 + (o.index % 28), 8));
  wb.created = modified;
  wb.modified = modified;
  const table = (sheet: string, name: string, headers: readonly string[], rows: (Cell | null)[][], ref = "A1") =>
    (wb.getWorksheet(sheet) ?? wb.addWorksheet(sheet)).addTable({
      name,
      ref,
      headerRow: true,
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows: rows.length > 0 ? rows : [headers.map(() => null)],
    });
  table("Goals", "Goals", [...INPUT_HEADERS, "Team"], goals);
  table("CheckIns", "CheckIns", CHECKIN_HEADERS, checkIns);
  if (o.index % 3 === 0) {
    // Some managers' workbooks carry the metadata sheet (cycle name, a setting).
    const meta = emptyMeta();
    meta.cycle.name = "2026";
    meta.settings = { ...DEFAULT_SETTINGS, staleDays: 45 };
    wb.addWorksheet("_GoalScorecards", { state: "veryHidden" });
    table(
      "_GoalScorecards",
      "GoalMeta",
      ["Key", "Value"],
      metaRows(meta, DEFAULT_SETTINGS).map(([k, v]) => [k, v === "" ? null : v]),
    );
    table("_GoalScorecards", "GoalAudit", AUDIT_COLUMNS, [], "D1");
  }
  await wb.xlsx.writeFile(file);
}
