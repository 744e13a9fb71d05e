/** Messy goal sheets for the adapter tests, seeded into the in-memory Excel host. */
import { ExcelHost } from "../../src/excel-host";
import { GOAL_FUNCTIONS } from "../../src/functions/registry";

export function newHost(options: ConstructorParameters<typeof ExcelHost>[0] = {}): ExcelHost {
  const host = new ExcelHost({ initialSheet: null, ...options });
  host.registerFunctions(GOAL_FUNCTIONS);
  return host;
}

/** What an HR analyst mails us: synonym headers, a weak match, blank and duplicate IDs, notes, blank rows, errors, dates as serials and text, percentages as text. */
export const MESSY_HEADERS = [
  "Goal ID",
  "Objective",
  "Employee",
  "Level",
  "Parent",
  "KPI unit",
  "Weighting %",
  "Start value",
  "Target",
  "Current",
  "Deadline",
  "Data source",
  "My notes",
  "To",
];
export const MESSY_ROWS: (string | number | boolean | null)[][] = [
  [
    "C-1",
    "Grow company revenue to forty million",
    "CEO Office",
    "Company",
    null,
    "USD",
    "",
    30000000,
    40000000,
    34000000,
    "2026-12-31",
    "Finance ERP",
    "board approved",
    "",
  ],
  ["", "Grow revenue in the northern region", "Dana Reyes", "Department", "C-1", "USD", "60%", 10000000, 14000000, 12000000, 46387, "CRM", "", ""],
  [
    "D-2",
    "Grow revenue in the southern region",
    "Sam Okafor",
    "Department",
    "C-1",
    "USD",
    "40%",
    8000000,
    11000000,
    "#N/A",
    "2026-12-31",
    "CRM",
    "check with finance",
    "",
  ],
  [null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  ["D-2", "Cut customer churn in the south", "Sam Okafor", "Team", "D-2", "%", "0.6", 0.12, 0.08, 0.1, "2026-06-30", "Support desk", "", "x"],
  ["", "Launch partner portal before summer", "Ana Lima", "Individual", "C-1", "", "100", null, 1, "", "2026-06-30", "", "stretch", ""],
];

export function seedMessySheet(host: ExcelHost, sheet = "Goals sheet", at = "B3"): void {
  host.addSheet(sheet);
  host.setValues(sheet, "A1", [["Goals 2026 (draft)"]]);
  host.setValues(sheet, at, [MESSY_HEADERS, ...MESSY_ROWS.map((r) => r.map((v) => (v === null ? "" : v)))]);
}
