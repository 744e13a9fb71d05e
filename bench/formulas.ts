/**
 * The formula template analysts use today, for comparison: the goal list with
 * Progress, Pace, Status and a three-level weighted roll-up written as native Excel
 * formulas (SUMIFS over the Parent ID column, VLOOKUP for the parent's owner), and a
 * Scorecards sheet with one row per owner (SUMIFS over the owner's top
 * goals: score, weight total, completeness, by SUMIFS), recalculated by HyperFormula.
 *
 * HyperFormula is GPL-3.0 (licenseKey "gpl-v3"): a devDependency of the benchmark
 * only, never imported from src/.
 */
import { HyperFormula } from "hyperformula";
import { serialFromDay } from "../src/core/dates";
import { Cell, GOAL_HEADERS, GeneratedWorkbook } from "./generate";
import { now } from "./measure";

const col = (h: string): number => GOAL_HEADERS.indexOf(h);

/** What an analyst pastes into the template: plain numbers (40% → 0.4, TRUE → 1), text, or blank. */
function plain(v: Cell): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t === "") return null;
  if (/^done$/i.test(t)) return 1;
  if (/^not done$/i.test(t)) return 0;
  const pct = t.endsWith("%");
  const n = Number(t.replace(/[,%]/g, ""));
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

function dateSerial(v: Cell): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  return serialFromDay(Math.round(Date.parse(`${v}T00:00:00Z`) / 86_400_000));
}

export interface TemplateSheets {
  goals: (string | number | null)[][];
  scorecards: (string | number | null)[][];
  /** Column of Actual in the Goals sheet (0-based), for the recalculation. */
  actualColumn: number;
  actuals: (number | null)[];
  formulas: number;
}

/**
 * Goals sheet, columns A–Y: ID, Parent, Owner, Weight, Baseline, Target, Actual, Start,
 * Due | Progress, Pace, Status, Top | weight × score and weight with data at each of
 * three roll-up steps, Rolled Up 1–3.
 */
export function templateSheets(wb: GeneratedWorkbook): TemplateSheets {
  const rows = wb.goals.rows;
  const n = rows.length;
  const last = n + 1;
  const asOf = serialFromDay(wb.asOf);
  // The latest check-in value for a blank Actual (the analyst pastes it in).
  const latest = new Map<string, { date: number; value: number }>();
  for (const c of wb.checkIns.rows) {
    const date = dateSerial(c[1]);
    const value = plain(c[2]);
    if (date === null || value === null) continue;
    const id = String(c[0]);
    const prev = latest.get(id);
    if (!prev || date >= prev.date) latest.set(id, { date, value });
  }
  const r = (c: string): string => `$${c}$2:$${c}$${last}`;
  const goals: (string | number | null)[][] = [
    [
      "ID",
      "Parent",
      "Owner",
      "Weight",
      "Baseline",
      "Target",
      "Actual",
      "Start",
      "Due",
      "Progress",
      "Pace",
      "Status",
      "Top",
      "WS1",
      "WD1",
      "Rolled1",
      "WS2",
      "WD2",
      "Rolled2",
      "WS3",
      "WD3",
      "Rolled3",
      "AsOf",
      "WSR",
      "WDR",
    ],
  ];
  const actuals: (number | null)[] = [];
  // Height of each goal above its deepest descendant: roll-up step k needs a formula only
  // where the goal has descendants k levels down (analysts put the SUMIFS on objective rows).
  const ids = rows.map((row) => String(row[col("ID")]));
  const parents = rows.map((row) => String(row[col("Parent ID")]).split(/[;,]/)[0].split("=")[0].trim());
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id !== "" && !indexOf.has(id)) indexOf.set(id, i);
  });
  const height = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    // Rows are listed parents first, so a reverse pass sees children before parents.
    const p = indexOf.get(parents[i]);
    if (p !== undefined && p < i && height[p] < height[i] + 1) height[p] = height[i] + 1;
  }
  let formulas = 0;
  const rollupStep = (x: number, i: number, k: number, ws: string, wd: string, prev: string): string => {
    if (height[i] < k) return `=${prev}${x}`;
    formulas += 2;
    return `=IF(SUMIFS(${r(wd)},${r("B")},A${x})=0,${prev}${x},SUMIFS(${r(ws)},${r("B")},A${x})/SUMIFS(${r(wd)},${r("B")},A${x}))`;
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const x = i + 2;
    const id = ids[i];
    const parent = parents[i];
    const target = plain(row[col("Target")]);
    const baseline = plain(row[col("Baseline")]) ?? (target !== null && target <= 1 ? 0 : null);
    const actual = plain(row[col("Actual")]) ?? latest.get(id)?.value ?? null;
    actuals.push(actual);
    formulas += 14;
    goals.push([
      id,
      parent === "" ? null : parent,
      String(row[col("Owner")]),
      plain(row[col("Weight")]) ?? 1,
      baseline ?? 0,
      target,
      actual,
      dateSerial(row[col("Start")]),
      dateSerial(row[col("Due")]),
      `=IF(OR(G${x}="",F${x}="",F${x}=E${x}),"",MAX(0,MIN(1,(G${x}-E${x})/(F${x}-E${x}))))`,
      `=IF(OR(H${x}="",I${x}="",I${x}<=H${x}),"",MAX(0,MIN(1,($W$2-H${x})/(I${x}-H${x}))))`,
      `=IF(J${x}="","No data",IF(J${x}>=1,"Achieved",IF(AND(I${x}<>"",$W$2>I${x}),"Missed",IF(K${x}="",IF(J${x}>=0.7,"On track",IF(J${x}>=0.4,"At risk","Off track")),IF(K${x}-J${x}<=0.1,"On track",IF(K${x}-J${x}<=0.25,"At risk","Off track"))))))`,
      `=IF(IFERROR(VLOOKUP(B${x},$A$2:$C$${last},3,FALSE),"")=C${x},0,1)`,
      `=IF(J${x}="",0,D${x}*J${x})`,
      `=IF(J${x}="",0,D${x})`,
      rollupStep(x, i, 1, "N", "O", "J"),
      `=IF(P${x}="",0,D${x}*P${x})`,
      `=IF(P${x}="",0,D${x})`,
      rollupStep(x, i, 2, "Q", "R", "P"),
      `=IF(S${x}="",0,D${x}*S${x})`,
      `=IF(S${x}="",0,D${x})`,
      rollupStep(x, i, 3, "T", "U", "S"),
      i === 0 ? asOf : null,
      `=IF(V${x}="",0,D${x}*V${x})`,
      `=IF(V${x}="",0,D${x})`,
    ]);
  }
  const owners: string[] = [];
  const seen = new Set<string>();
  for (let i = 1; i <= n; i++) {
    const o = goals[i][2] as string;
    if (!seen.has(o)) {
      seen.add(o);
      owners.push(o);
    }
  }
  const g = (c: string): string => `Goals!${r(c)}`;
  const scorecards: (string | number | null)[][] = [["Owner", "Score", "Weight total", "Completeness"]];
  owners.forEach((o, k) => {
    const x = k + 2;
    const mine = `${g("C")},A${x},${g("M")},1`;
    scorecards.push([
      o,
      `=IFERROR(SUMIFS(${g("X")},${mine})/SUMIFS(${g("Y")},${mine}),"")`,
      `=SUMIFS(${g("D")},${mine})`,
      `=IFERROR(SUMIFS(${g("Y")},${mine})/C${x},"")`,
    ]);
  });
  // The AsOf cell sits in W2; Pace refers to it.
  return { goals, scorecards, actualColumn: 6, actuals, formulas: formulas + owners.length * 3 };
}

export interface TemplateTiming {
  goals: number;
  formulas: number;
  /** Parse and first full calculation (buildFromSheets). */
  buildMs: number;
  /** Recalculation after every Actual changed (one paste), median. */
  recalcMs: number;
  recalcRuns: number[];
  /** A check value: the first owner's score. */
  firstScore: unknown;
}

/** Builds the template in HyperFormula and times recalculations after pasting new Actuals. */
export function runTemplate(wb: GeneratedWorkbook, runs: number): TemplateTiming {
  const t = templateSheets(wb);
  let start = now();
  const hf = HyperFormula.buildFromSheets({ Goals: t.goals, Scorecards: t.scorecards }, { licenseKey: "gpl-v3" });
  const buildMs = now() - start;
  const goalsSheet = hf.getSheetId("Goals") as number;
  const cardSheet = hf.getSheetId("Scorecards") as number;
  const recalcRuns: number[] = [];
  for (let k = 0; k < runs; k++) {
    // A new round of check-ins: every Actual moves a little.
    const paste = t.actuals.map((a, i) => [a === null ? null : a * (1 + ((k + 1) % 2 === 0 ? 0.01 : -0.01) * ((i % 7) / 7))]);
    start = now();
    hf.setCellContents({ sheet: goalsSheet, col: t.actualColumn, row: 1 }, paste);
    recalcRuns.push(now() - start);
  }
  const firstScore = hf.getCellValue({ sheet: cardSheet, col: 1, row: 1 });
  hf.destroy();
  const sorted = [...recalcRuns].sort((a, b) => a - b);
  return { goals: wb.goals.rows.length, formulas: t.formulas, buildMs, recalcMs: sorted[sorted.length >> 1], recalcRuns, firstScore };
}
