/**
 * Tables (header row + rows, with where they sit) → engine input, keeping each
 * cell's address (model.md; findings point at cells such as `Goals!H4`).
 */
import { CHECKIN_COLUMNS, COLUMN_KEYS, CheckInKey, ColumnKey } from "../../../src/core/columns";
import { cellAddress } from "../../../src/core/a1";
import { checkInCell } from "../../../src/core/model";
import {
  GOAL_FIELD,
  TableData,
  WorkbookInput,
  checkInRecords,
  checkInTable,
  goalCellAddress,
  goalRecords,
  goalTable,
  isBlankRow,
  isCheckInTableName,
  isGoalTableName,
  workbookInput,
  workbookInputFromTables,
} from "../../../src/core/tables";

/** The addresses of goal i's cells, for the fields its table has (what findings name). */
function cellsOf(input: WorkbookInput, i: number): Partial<Record<ColumnKey, string>> {
  const t = input.goalTables[input.goalTable[i]];
  return Object.fromEntries(COLUMN_KEYS.filter((k) => t.at[GOAL_FIELD[k]] >= 0).map((k) => [k, goalCellAddress(input, i, k)]));
}

/** A goal table's goals as records, with the addresses of their cells. */
function goalRowsFromTable(t: TableData) {
  const input = workbookInput([goalTable(t)], null);
  return goalRecords(input).map((g, i) => ({ ...g, cells: cellsOf(input, i) }));
}

/** A check-in table's rows as records (blank rows left out), with the addresses of their cells. */
function checkInRowsFromTable(t: TableData) {
  const ct = checkInTable(t);
  const records = checkInRecords(workbookInput([], ct));
  const rows = t.rows.flatMap((row, r) => (isBlankRow(row) ? [] : [r]));
  return records.map((c, k) => ({
    ...c,
    cells: Object.fromEntries(CHECKIN_COLUMNS.map((col) => [col.key, checkInCell(ct, rows[k], col.key)]).filter(([, a]) => a !== null)) as Partial<
      Record<CheckInKey, string>
    >,
  }));
}

const HEADERS = ["ID", "Title", "Owner", "Weight", "Baseline", "Target", "Actual", "Due", "Notes to self"];

/** A goal table whose header row is row 5 and whose first column is C. */
const GOALS: TableData = {
  name: "Goals",
  sheet: "Goals",
  headerRow: 5,
  firstColumn: 2,
  headers: HEADERS,
  rows: [
    ["G-1", "Grow ARR", "Ana", "40%", 100, 200, 150, 46022, "mine"],
    ["", null, "  ", undefined, "", null, "", "", ""],
    ["G-2", "Cut churn", "Bo", 0.6, 10, 5, 7, "2026-06-30", null],
  ],
};

describe("cellAddress", () => {
  test("plain sheet names are not quoted", () => {
    expect(cellAddress("Goals", 4, 7)).toBe("Goals!H4");
    expect(cellAddress("Goals_Sales", 10, 0)).toBe("Goals_Sales!A10");
    expect(cellAddress("Goals", 1, 25)).toBe("Goals!Z1");
    expect(cellAddress("Goals", 1, 26)).toBe("Goals!AA1");
    expect(cellAddress("Goals", 1, 16383)).toBe("Goals!XFD1");
  });

  test("names that need quotes are quoted, with ' doubled", () => {
    expect(cellAddress("My goals", 3, 1)).toBe("'My goals'!B3");
    expect(cellAddress("O'Brien", 1, 0)).toBe("'O''Brien'!A1");
    expect(cellAddress("2026", 2, 0)).toBe("'2026'!A2");
    expect(cellAddress("Q1", 2, 0)).toBe("'Q1'!A2");
    expect(cellAddress("AB12", 2, 0)).toBe("'AB12'!A2");
    expect(cellAddress("Goals-2026", 2, 0)).toBe("'Goals-2026'!A2");
    expect(cellAddress("Ziele \u00fc", 2, 0)).toBe("'Ziele \u00fc'!A2");
  });
});

describe("table names", () => {
  test("goal tables start with Goals", () => {
    for (const n of ["Goals", "Goals_Sales", "Goals_2026Q1", "goals"]) expect(isGoalTableName(n)).toBe(true);
    for (const n of ["MyGoals", "CheckIns", "Table1"]) expect(isGoalTableName(n)).toBe(false);
  });
  test("the check-in table", () => {
    for (const n of ["CheckIns", "checkins", "Check_Ins", "Check-Ins"]) expect(isCheckInTableName(n)).toBe(true);
    for (const n of ["CheckIns2", "Goals", "Checks"]) expect(isCheckInTableName(n)).toBe(false);
  });
});

/** A row's values and cells. */
function plain(r: { values: unknown; cells?: unknown }): { values: unknown; cells: unknown } {
  return { values: r.values, cells: r.cells };
}

describe("goalRowsFromTable", () => {
  const rows = goalRowsFromTable(GOALS);

  test("blank rows are skipped", () => {
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.values.id)).toEqual(["G-1", "G-2"]);
  });

  test("header row 5 → first data row 6; columns from C", () => {
    expect(rows[0].cells).toEqual({
      id: "Goals!C6",
      title: "Goals!D6",
      owner: "Goals!E6",
      weight: "Goals!F6",
      baseline: "Goals!G6",
      target: "Goals!H6",
      actual: "Goals!I6",
      due: "Goals!J6",
    });
    expect(rows[0].where).toBe("Goals!C6");
  });

  test("a row after a skipped blank row keeps its own Excel row", () => {
    expect(rows[1].cells?.target).toBe("Goals!H8");
    expect(rows[1].where).toBe("Goals!C8");
  });

  test("each goal remembers its table and data row (0-based, blank rows counted)", () => {
    expect(rows.map((r) => r.source)).toEqual([
      { table: "Goals", row: 0 },
      { table: "Goals", row: 2 },
    ]);
  });

  test("a row reads the same each time; its values are made once", () => {
    expect(rows[0].values).toBe(rows[0].values);
    expect(rows[0].cells).toEqual(rows[0].cells);
    expect(rows[0].source).toEqual(rows[0].source);
    expect(JSON.parse(JSON.stringify(rows[0].cells))).toEqual(rows[0].cells);
  });

  test("values are the raw cells; user columns are not goal values", () => {
    expect(rows[0].values).toEqual({ id: "G-1", title: "Grow ARR", owner: "Ana", weight: "40%", baseline: 100, target: 200, actual: 150, due: 46022 });
    expect(Object.keys(rows[1].values)).not.toContain("comment");
  });

  test("quoted sheet names in every address", () => {
    const t: TableData = { name: "Goals_Mine", sheet: "My goals", headerRow: 2, firstColumn: 1, headers: ["ID", "Target"], rows: [["G-1", 5]] };
    const [g] = goalRowsFromTable(t);
    expect(g.cells).toEqual({ id: "'My goals'!B3", target: "'My goals'!C3" });
    expect(g.where).toBe("'My goals'!B3");
  });

  test("header synonyms and canonical spellings map to their columns", () => {
    const t: TableData = {
      name: "Goals",
      sheet: "Goals",
      headerRow: 1,
      firstColumn: 0,
      headers: ["Goal ID", "Objective", "Parent ID", "Data Source", "Due Date", "roll-up", "Polarity"],
      rows: [["G-1", "Grow", "G-0", "CRM", "2026-06-30", "worst", "up"]],
    };
    const [g] = goalRowsFromTable(t);
    expect(g.values).toEqual({ id: "G-1", title: "Grow", parent: "G-0", source: "CRM", due: "2026-06-30", rollup: "worst", direction: "up" });
    expect(g.cells?.source).toBe("Goals!D2");
    expect(g.cells?.direction).toBe("Goals!G2");
  });
});

describe("checkInRowsFromTable", () => {
  const base = (headers: unknown[], rows: unknown[][]): TableData => ({ name: "CheckIns", sheet: "Check ins", headerRow: 3, firstColumn: 1, headers, rows });

  test("canonical headers, addresses, blank rows skipped", () => {
    const rows = checkInRowsFromTable(
      base(
        ["Goal ID", "Date", "Value", "Confidence", "Comment"],
        [
          ["G-1", "2026-01-31", 10, 0.8, "ok"],
          [null, "", "  ", undefined, ""],
          ["G-2", 46053, "yes", null, null],
        ],
      ),
    );
    expect(rows).toHaveLength(2);
    expect(plain(rows[0])).toEqual({
      values: { goalId: "G-1", date: "2026-01-31", value: 10, confidence: 0.8, comment: "ok" },
      cells: { goalId: "'Check ins'!B4", date: "'Check ins'!C4", value: "'Check ins'!D4", confidence: "'Check ins'!E4", comment: "'Check ins'!F4" },
    });
    expect(rows[1].cells?.value).toBe("'Check ins'!D6");
  });

  const synonymCases: [string, CheckInKey][] = [
    ["goal id", "goalId"],
    ["GOAL_ID", "goalId"],
    ["Goal-ID", "goalId"],
    ["GoalId", "goalId"],
    ["ID", "goalId"],
    ["Goal", "goalId"],
    ["date", "date"],
    [" DATE ", "date"],
    ["value", "value"],
    ["Actual", "value"],
    ["confidence", "confidence"],
    ["Comments", "comment"],
    ["Note", "comment"],
  ];
  test.each(synonymCases)("header %j → %s", (header, key) => {
    const [row] = checkInRowsFromTable(base([header], [["x"]]));
    expect(row.values).toEqual({ [key]: "x" });
    expect(row.cells).toEqual({ [key]: "'Check ins'!B4" });
  });

  test("columns in any order; unknown columns ignored; the first of two wins", () => {
    const [row] = checkInRowsFromTable(base(["Comment", "Who", "Value", "Goal ID", "Date", "Goal"], [["c", "me", 5, "G-1", "2026-02-01", "G-9"]]));
    expect(row.values).toEqual({ comment: "c", value: 5, goalId: "G-1", date: "2026-02-01" });
    expect(row.cells).toEqual({ comment: "'Check ins'!B4", value: "'Check ins'!D4", goalId: "'Check ins'!E4", date: "'Check ins'!F4" });
  });
});

describe("workbookInputFromTables", () => {
  test("every goal table in order, the check-ins and the date system", () => {
    const sales: TableData = { name: "Goals_Sales", sheet: "Sales", headerRow: 1, firstColumn: 0, headers: ["ID", "Target"], rows: [["S-1", 9]] };
    const ci: TableData = { name: "CheckIns", sheet: "CheckIns", headerRow: 1, firstColumn: 0, headers: ["Goal ID", "Value"], rows: [["S-1", 3]] };
    const input = workbookInputFromTables([GOALS, sales], ci, 1904);
    expect(goalRecords(input).map((g) => g.values.id)).toEqual(["G-1", "G-2", "S-1"]);
    expect(cellsOf(input, 2)).toEqual({ id: "Sales!A2", target: "Sales!B2" });
    expect(checkInRowsFromTable(ci).map(plain)).toEqual([{ values: { goalId: "S-1", value: 3 }, cells: { goalId: "CheckIns!A2", value: "CheckIns!B2" } }]);
    expect(input.dateSystem).toBe(1904);
  });

  test("no check-in table → no check-ins; default date system 1900", () => {
    const input = workbookInputFromTables([GOALS], null);
    expect(checkInRecords(input)).toEqual([]);
    expect(input.dateSystem).toBe(1900);
  });
});
