/**
 * The preview's sample workbook: the goals of a 40-person company as an HR analyst
 * keeps them before the add-in — a plain sheet (not yet a table) with synonym
 * headers, a title above, a blank row, blank and duplicate IDs, an `#N/A`, dates as
 * serials and as text, percentages as text — plus a `CheckIns` table, a `People`
 * list and the metadata sheet with one review cycle, "2026", in Draft.
 * See docs/preview.md.
 */
import type { CellInput, ExcelHost } from "../excel-host";
import { ensureMetaSheet, writeMeta } from "../excel/meta";
import { loadWorkbook } from "../excel/workbook";

export const GOALS_SHEET = "Goals 2026";
export const CHECKINS_SHEET = "Check-ins";
export const PEOPLE_SHEET = "People";
export const CYCLE_NAME = "2026";

/** The messy headers, as the analyst typed them (row 3 of the goals sheet). `Metric` is not a known synonym: the user maps it to Unit. */
export const SAMPLE_HEADERS = [
  "Goal ID",
  "Objective",
  "Goal type",
  "Employee",
  "Level",
  "Aligned to",
  "Weighting %",
  "Metric",
  "Start value",
  "Target",
  "Current",
  "Deadline",
  "Data source",
  "Notes",
] as const;

export interface Person {
  name: string;
  department: string;
  team: string;
  role: string;
  manager: string;
}

const CEO = "Maya Chen";

/** Departments → teams → people. 1 CEO + 4 heads + 8 leads + 27 team members = 40. */
const ORG: { department: string; head: string; teams: { team: string; lead: string; members: string[] }[] }[] = [
  {
    department: "Sales",
    head: "Dana Reyes",
    teams: [
      { team: "Sales North", lead: "Tom Becker", members: ["Nina Kowalski", "Ben Carter", "Omar Haddad", "Lucy Park"] },
      { team: "Sales South", lead: "Aisha Khan", members: ["Diego Alvarez", "Hannah Schmidt", "Kwame Mensah", "Sofia Ricci"] },
    ],
  },
  {
    department: "Product & Engineering",
    head: "Raj Patel",
    teams: [
      { team: "Platform", lead: "Jonas Berg", members: ["Elena Petrova", "Max Müller", "Chen Wei", "Arjun Rao"] },
      { team: "Mobile", lead: "Priya Nair", members: ["Fatima Zahra", "Léo Dubois", "Mia Johansson"] },
    ],
  },
  {
    department: "Customer Success",
    head: "Sam Okafor",
    teams: [
      { team: "Support", lead: "Carlos Mendes", members: ["Ivan Novak", "Olivia Brown", "Samir Aziz", "Kim Nguyen"] },
      { team: "Onboarding", lead: "Yuki Tanaka", members: ["Paulo Santos", "Emma Wilson", "Noah Kim"] },
    ],
  },
  {
    department: "People & Operations",
    head: "Lena Fischer",
    teams: [
      { team: "Talent", lead: "Grace Okoye", members: ["Zara Ahmed", "Lukas Weber", "Chloe Martin"] },
      { team: "People Partners", lead: "Marco Rossi", members: ["Aiko Sato", "Daniel Cohen"] },
    ],
  },
];

export function samplePeople(): Person[] {
  const out: Person[] = [{ name: CEO, department: "Leadership", team: "", role: "CEO", manager: "" }];
  for (const d of ORG) {
    out.push({ name: d.head, department: d.department, team: "", role: "Head of department", manager: CEO });
    for (const t of d.teams) {
      out.push({ name: t.lead, department: d.department, team: t.team, role: "Team lead", manager: d.head });
      for (const m of t.members) out.push({ name: m, department: d.department, team: t.team, role: "Team member", manager: t.lead });
    }
  }
  return out;
}

// Dates: 46387 is 2026-12-31 and 46295 is 2026-09-30 as 1900-system serials (no date
// format: the analyst pasted them from another file); "'2026-06-30" is text.
const DEC31 = 46387;
const SEP30 = 46295;
const JUN30_TEXT = "'2026-06-30";
const DEC31_TEXT = "'2026-12-31";

type Row = [
  id: string,
  title: string,
  type: string,
  owner: string,
  level: string,
  parent: string,
  weight: CellInput,
  metric: string,
  start: CellInput,
  target: CellInput,
  current: CellInput,
  due: CellInput,
  source: string,
  notes: string,
];

/**
 * The goal rows, Company → departments → teams → individuals. Messy on purpose:
 * two blank IDs, the duplicate ID `I-17`, an `#N/A` Current, weights as `60%`,
 * `'50%` (text), `0.5` and `25`, dates as serials and text, "team" in lower case,
 * a blank row, and notes with HTML-looking text (it must show as text).
 */
export const SAMPLE_ROWS: (Row | null)[] = [
  [
    "C-1",
    "Grow annual recurring revenue to 12 million",
    "KPI",
    CEO,
    "Company",
    "",
    "40%",
    "USD",
    8500000,
    12000000,
    10400000,
    DEC31,
    "Finance ERP",
    "Agreed in <b>Q1 board review</b>",
  ],
  ["C-2", "Raise customer NPS to 45", "KPI", CEO, "Company", "", "30%", "NPS pts", 31, 45, 38, DEC31_TEXT, "Survey tool", ""],
  ["C-3", "Keep regretted attrition under 8%", "KPI", CEO, "Company", "", "30%", "%", 0.12, 0.08, 0.095, DEC31, "HRIS", "lower is better"],
  // Departments
  [
    "D-S1",
    "Grow new-business bookings to 5.2 million",
    "Key Result",
    "Dana Reyes",
    "Department",
    "C-1",
    "60%",
    "USD",
    3000000,
    5200000,
    4100000,
    DEC31,
    "CRM",
    "",
  ],
  [
    "D-S2",
    "Grow expansion revenue from existing customers",
    "Key Result",
    "Dana Reyes",
    "Department",
    "C-1",
    "40%",
    "USD",
    900000,
    1800000,
    1150000,
    DEC31,
    "CRM",
    "",
  ],
  [
    "D-P1",
    "Ship the self-service onboarding flow",
    "Objective",
    "Raj Patel",
    "Department",
    "C-2",
    0.5,
    "milestone",
    0,
    1,
    0,
    "'2026-09-30",
    "Jira",
    "slipped from Q2",
  ],
  ["D-P2", "Cut P1 incidents per quarter to 2", "KPI", "Raj Patel", "Department", "C-2", 0.5, "incidents", 9, 2, 4, DEC31, "PagerDuty", ""],
  ["D-C1", "Reduce gross churn to 6%", "KPI", "Sam Okafor", "Department", "C-1", "'50%", "%", 0.11, 0.06, "#N/A", DEC31, "Billing", "check with finance"],
  ["D-C2", "Raise support CSAT to 92%", "KPI", "Sam Okafor", "Department", "C-2", "'50%", "%", 0.84, 0.92, 0.88, DEC31, "Zendesk", ""],
  ["D-O1", "Raise engagement survey score to 78", "KPI", "Lena Fischer", "Department", "C-3", 50, "score", 69, 78, 74, DEC31_TEXT, "Survey tool", ""],
  ["D-O2", "Hire 12 people into open roles", "KPI", "Lena Fischer", "Department", "C-3", 50, "hires", 0, 12, 7, DEC31, "ATS", ""],
  // Teams
  ["T-SN1", "Close 1.9 million new business in the north", "Key Result", "Tom Becker", "Team", "D-S1", "'60%", "USD", 0, 1900000, 1500000, DEC31, "CRM", ""],
  ["T-SN2", "Book 60 qualified demos per quarter", "Key Result", "Tom Becker", "Team", "D-S1", "'40%", "demos", 35, 60, 48, DEC31, "CRM", ""],
  ["T-SS1", "Close 1.6 million new business in the south", "Key Result", "Aisha Khan", "Team", "D-S1", "'60%", "USD", 0, 1600000, 1150000, DEC31, "CRM", ""],
  [
    "T-SS2",
    "Upsell 25 accounts to the Pro plan",
    "Key Result",
    "Aisha Khan",
    "team",
    "D-S2",
    "'40%",
    "accounts",
    0,
    25,
    9,
    DEC31,
    "CRM",
    "pricing change in March",
  ],
  ["T-PL1", "Bring p95 API latency under 300 ms", "KPI", "Jonas Berg", "Team", "D-P2", 0.5, "ms", 620, 300, 410, DEC31, "Grafana", ""],
  ["T-PL2", "Automate 90% of deployments", "KPI", "Jonas Berg", "Team", "D-P2", 0.5, "%", 0.4, 0.9, 0.75, SEP30, "CI dashboard", ""],
  ["T-MB1", "Release onboarding in the mobile app", "Objective", "Priya Nair", "Team", "D-P1", 0.6, "milestone", 0, 1, 0, "'2026-09-30", "Jira", ""],
  ["T-MB2", "Raise app store rating to 4.6", "KPI", "Priya Nair", "Team", "D-P1", 0.4, "stars", 4.1, 4.6, 4.4, DEC31, "App Store", ""],
  ["T-SU1", "First response under 2 hours", "KPI", "Carlos Mendes", "Team", "D-C2", 50, "hours", 5, 2, 2.6, DEC31, "Zendesk", ""],
  ["T-SU2", "Resolve 80% of tickets in one touch", "KPI", "Carlos Mendes", "Team", "D-C2", 50, "%", 0.55, 0.8, 0.71, DEC31, "Zendesk", ""],
  ["T-ON1", "Go live within 30 days for new customers", "KPI", "Yuki Tanaka", "Team", "D-C1", 50, "days", 58, 30, 41, DEC31, "Onboarding tracker", ""],
  ["T-ON2", "Run 40 onboarding workshops", "KPI", "Yuki Tanaka", "Team", "D-C1", 50, "workshops", 0, 40, 22, DEC31, "Calendar", ""],
  ["T-TA1", "Time to hire under 40 days", "KPI", "Grace Okoye", "Team", "D-O2", "50%", "days", 62, 40, 47, DEC31, "ATS", ""],
  ["T-TA2", "Offer acceptance at 85%", "KPI", "Grace Okoye", "Team", "D-O2", "50%", "%", 0.7, 0.85, 0.8, DEC31, "ATS", ""],
  ["T-PP1", "Career conversations with every employee", "Key Result", "Marco Rossi", "Team", "D-O1", "50%", "%", 0, 1, 0.7, JUN30_TEXT, "HRIS", ""],
  ["T-PP2", "Train all 12 managers in feedback skills", "Key Result", "Marco Rossi", "Team", "D-O1", "50%", "managers", 0, 12, 9, DEC31, "LMS", ""],
  null, // a blank row the analyst left between teams and individuals
  // Individuals: Sales North
  ["I-01", "Close 500k new business", "Performance", "Nina Kowalski", "Individual", "T-SN1", "'100%", "USD", 0, 500000, 410000, DEC31, "CRM", ""],
  ["I-02", "Close 450k new business", "Performance", "Ben Carter", "Individual", "T-SN1", "'70%", "USD", 0, 450000, 380000, DEC31, "CRM", ""],
  [
    "I-03",
    "Earn the solution-selling certificate",
    "Development",
    "Ben Carter",
    "Individual",
    "T-SN1",
    "'30%",
    "milestone",
    0,
    1,
    1,
    JUN30_TEXT,
    "LMS",
    "done in May",
  ],
  ["I-04", "Book 20 demos per quarter", "Performance", "Omar Haddad", "Individual", "T-SN2", "'100%", "demos", 10, 20, 16, DEC31, "CRM", ""],
  ["I-05", "Book 20 demos per quarter", "Performance", "Lucy Park", "Individual", "T-SN2", "'60%", "demos", 12, 20, 17, DEC31, "CRM", ""],
  [
    "I-06",
    "Close 300k new business",
    "Performance",
    "Lucy Park",
    "Individual",
    "T-SN1",
    "'40%",
    "USD",
    0,
    300000,
    205000,
    DEC31,
    "CRM",
    "new starter, ramping",
  ],
  // Sales South
  ["I-07", "Close 550k new business", "Performance", "Diego Alvarez", "Individual", "T-SS1", "'100%", "USD", 0, 550000, 390000, DEC31, "CRM", ""],
  ["I-08", "Close 400k new business", "Performance", "Hannah Schmidt", "Individual", "T-SS1", "'100%", "USD", 0, 400000, 330000, DEC31, "CRM", ""],
  ["I-09", "Upsell 10 accounts to Pro", "Performance", "Kwame Mensah", "Individual", "T-SS2", "'60%", "accounts", 0, 10, 4, DEC31, "CRM", ""],
  ["I-10", "Renew the 5 largest accounts early", "Performance", "Kwame Mensah", "Individual", "T-SS2", "'40%", "accounts", 0, 5, 2, SEP30, "CRM", ""],
  ["", "Upsell 8 accounts to Pro", "Performance", "Sofia Ricci", "Individual", "T-SS2", "'100%", "accounts", 0, 8, 3, DEC31, "CRM", "ID missing — new goal"],
  // Platform
  ["I-11", "Move the search service to the new cluster", "Performance", "Elena Petrova", "Individual", "T-PL1", 60, "milestone", 0, 1, 0, SEP30, "Jira", ""],
  ["I-12", "Cache the ten slowest endpoints", "Performance", "Elena Petrova", "Individual", "T-PL1", 40, "endpoints", 0, 10, 7, DEC31, "Jira", ""],
  ["I-13", "Cut build time to 8 minutes", "Performance", "Max Müller", "Individual", "T-PL2", 100, "minutes", 21, 8, 12, DEC31, "CI dashboard", ""],
  ["I-14", "Automate database migrations", "Performance", "Chen Wei", "Individual", "T-PL2", 100, "milestone", 0, 1, 1, JUN30_TEXT, "Jira", ""],
  ["I-15", "Reduce error rate to 0.5%", "Performance", "Arjun Rao", "Individual", "T-PL1", 70, "%", 0.021, 0.005, 0.009, DEC31, "Grafana", ""],
  ["I-16", "Mentor two junior engineers", "Development", "Arjun Rao", "Individual", "T-PL1", 30, "people", 0, 2, 2, DEC31, "", ""],
  // Mobile
  ["I-17", "Build the onboarding screens", "Performance", "Fatima Zahra", "Individual", "T-MB1", "", "milestone", 0, 1, 0, "'2026-08-31", "Jira", ""],
  [
    "I-17",
    "Ship offline mode for the iOS app",
    "Performance",
    "Léo Dubois",
    "Individual",
    "T-MB2",
    "",
    "milestone",
    0,
    1,
    0,
    SEP30,
    "Jira",
    "copied row, ID not changed",
  ],
  ["I-19", "Answer every app store review within 3 days", "Performance", "Mia Johansson", "Individual", "T-MB2", "", "%", 0.35, 1, 0.8, DEC31, "App Store", ""],
  // Support
  ["I-20", "First response under 2 hours on the EU queue", "Performance", "Ivan Novak", "Individual", "T-SU1", 0.5, "hours", 6, 2, 2.4, DEC31, "Zendesk", ""],
  ["I-21", "Write 15 help-centre articles", "Performance", "Ivan Novak", "Individual", "T-SU2", 0.5, "articles", 0, 15, 11, DEC31, "Help centre", ""],
  ["I-22", "First response under 2 hours on the US queue", "Performance", "Olivia Brown", "Individual", "T-SU1", 1, "hours", 5, 2, 2.9, DEC31, "Zendesk", ""],
  ["I-23", "One-touch resolution at 80%", "Performance", "Samir Aziz", "Individual", "T-SU2", 1, "%", 0.5, 0.8, 0.74, DEC31, "Zendesk", ""],
  ["I-24", "Build the macro library for billing tickets", "Performance", "Kim Nguyen", "Individual", "T-SU2", 0.6, "macros", 0, 30, 18, DEC31, "Zendesk", ""],
  ["I-25", "Complete the support lead course", "Development", "Kim Nguyen", "Individual", "T-SU2", 0.4, "milestone", 0, 1, 0, DEC31, "LMS", ""],
  // Onboarding
  [
    "I-26",
    "Go live in 30 days for mid-market customers",
    "Performance",
    "Paulo Santos",
    "Individual",
    "T-ON1",
    "",
    "days",
    55,
    30,
    38,
    DEC31,
    "Onboarding tracker",
    "",
  ],
  ["I-27", "Run 20 onboarding workshops", "Performance", "Emma Wilson", "Individual", "T-ON2", "", "workshops", 0, 20, 12, DEC31, "Calendar", ""],
  ["I-28", "Run 20 onboarding workshops", "Performance", "Noah Kim", "Individual", "T-ON2", "", "workshops", 0, 20, 10, DEC31, "Calendar", ""],
  ["I-29", "Publish the onboarding playbook", "Performance", "Noah Kim", "Individual", "T-ON1", "", "milestone", 0, 1, 1, JUN30_TEXT, "Confluence", ""],
  // Talent
  ["I-30", "Fill 6 engineering roles", "Performance", "Zara Ahmed", "Individual", "T-TA1", "'100%", "hires", 0, 6, 4, DEC31, "ATS", ""],
  ["", "Fill 4 customer success roles", "Performance", "Lukas Weber", "Individual", "T-TA1", "'100%", "hires", 0, 4, 2, DEC31, "ATS", ""],
  ["I-32", "Candidate NPS at 60", "Performance", "Chloe Martin", "Individual", "T-TA2", "'60%", "NPS pts", 38, 60, 52, DEC31, "Survey tool", ""],
  ["I-33", "Refresh the careers page", "Performance", "Chloe Martin", "Individual", "T-TA2", "'40%", "milestone", 0, 1, 1, "'2026-04-30", "Website", ""],
  // People Partners
  ["I-34", "Hold career conversations in Sales and CS", "Performance", "Aiko Sato", "Individual", "T-PP1", 50, "%", 0, 1, 0.75, JUN30_TEXT, "HRIS", ""],
  ["I-35", "Run the feedback training sessions", "Performance", "Aiko Sato", "Individual", "T-PP2", 50, "sessions", 0, 6, 5, DEC31, "LMS", ""],
  ["I-36", "Hold career conversations in Product and People", "Performance", "Daniel Cohen", "Individual", "T-PP1", 60, "%", 0, 1, 0.6, JUN30_TEXT, "HRIS", ""],
  [
    "I-37",
    "Launch the quarterly engagement pulse",
    "Performance",
    "Daniel Cohen",
    "Individual",
    "T-PP1",
    40,
    "milestone",
    0,
    1,
    1,
    "'2026-03-31",
    "Survey tool",
    "owner on leave until May",
  ],
];

/** Check-ins: progress updates the owners sent, one row each. */
export const SAMPLE_CHECKINS: [goalId: string, date: string, value: number, confidence: string, comment: string][] = [
  // Confidence is 0–100 %; one owner typed "High" (a finding on the Check tab).
  ["C-1", "2026-03-31", 9300000, "80%", "Q1 close"],
  ["C-1", "2026-06-30", 9900000, "80%", "Q2 close"],
  ["C-1", "2026-09-30", 10400000, "60%", "Q3 close, two deals slipped"],
  ["C-2", "2026-06-30", 35, "60%", "mid-year survey"],
  ["C-2", "2026-10-15", 38, "60%", "autumn survey"],
  ["D-S1", "2026-06-30", 3500000, "80%", ""],
  ["D-S1", "2026-09-30", 4100000, "60%", ""],
  ["D-P2", "2026-06-30", 6, "60%", ""],
  ["D-P2", "2026-09-30", 4, "80%", "new on-call rota helps"],
  ["T-SN1", "2026-09-30", 1500000, "80%", ""],
  ["T-SS1", "2026-09-30", 1150000, "High", "two reps out in August"],
  ["T-PL1", "2026-05-31", 520, "60%", ""],
  ["T-PL1", "2026-09-30", 410, "60%", ""],
  ["T-SU1", "2026-09-30", 2.6, "80%", ""],
  ["T-ON1", "2026-09-30", 41, "60%", ""],
  ["T-TA1", "2026-09-30", 47, "60%", ""],
  ["I-01", "2026-09-30", 410000, "80%", ""],
  ["I-07", "2026-09-30", 390000, "60%", ""],
  ["I-13", "2026-08-31", 12, "80%", ""],
  ["I-20", "2026-09-30", 2.4, "80%", ""],
  ["I-27", "2026-10-10", 12, "60%", ""],
  ["I-32", "2026-10-01", 52, "60%", "spring cohort"],
  ["I-34", "2026-06-30", 0.75, "80%", ""],
];

/** Rows of the goals sheet from A1: a title, a note, then headers and goals. */
export function goalsSheetRows(): CellInput[][] {
  const width = SAMPLE_HEADERS.length;
  const pad = (row: CellInput[]) => [...row, ...Array<CellInput>(Math.max(0, width - row.length)).fill("")];
  return [
    pad(["Goals 2026 — company, departments, teams and people"]),
    pad(["Owners update Current at month end. Ask Lena before changing weights."]),
    [...SAMPLE_HEADERS],
    ...SAMPLE_ROWS.map((r) => (r === null ? pad([]) : [...r])),
  ];
}

/** Fills an empty host with the sample workbook; the metadata sheet is written through the adapter. */
export async function loadSample(host: ExcelHost): Promise<void> {
  host.addSheet(GOALS_SHEET);
  host.setValues(GOALS_SHEET, "A1", goalsSheetRows());

  host.addSheet(CHECKINS_SHEET);
  const checkIns: CellInput[][] = [["Goal ID", "Date", "Value", "Confidence", "Comment"], ...SAMPLE_CHECKINS.map((r) => [...r])];
  host.setValues(CHECKINS_SHEET, "A1", checkIns);
  host.addTable(CHECKINS_SHEET, `A1:E${checkIns.length}`, "CheckIns");

  host.addSheet(PEOPLE_SHEET);
  const people: CellInput[][] = [
    ["Name", "Department", "Team", "Role", "Manager"],
    ...samplePeople().map((p) => [p.name, p.department, p.team, p.role, p.manager]),
  ];
  host.setValues(PEOPLE_SHEET, "A1", people);

  await host.run(async (context) => {
    await ensureMetaSheet(context);
    const wb = await loadWorkbook(context);
    await writeMeta(context, wb, { ...wb.meta, cycle: { name: CYCLE_NAME, state: "Draft", changedAt: null } });
    const sheet = context.workbook.worksheets.getItem(GOALS_SHEET);
    sheet.activate();
    sheet.getRange("A4").select();
    await context.sync();
  });
}
