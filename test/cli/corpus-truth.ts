/**
 * test/fixtures/corpus/writers/truth.py, the same data in TypeScript: the goals and
 * check-ins every file of writers/ holds (dates as ISO days, blank as null).
 */
import { ColumnKey } from "../../src/core/columns";

export type TruthGoal = Record<ColumnKey, string | number | null>;

function g(v: Partial<TruthGoal>): TruthGoal {
  const blank: TruthGoal = {
    id: null,
    title: null,
    type: null,
    level: null,
    parent: null,
    owner: null,
    weight: null,
    unit: null,
    direction: null,
    baseline: null,
    threshold: null,
    target: null,
    stretch: null,
    actual: null,
    start: null,
    due: null,
    cycle: null,
    source: null,
    rollup: null,
    comment: null,
  };
  return { ...blank, ...v };
}

export const TRUTH_GOALS: TruthGoal[] = [
  g({
    id: "G-1",
    title: "Wachstum in Café-Märkten",
    type: "Objective",
    level: "Company",
    owner: "Zoë Müller",
    weight: 1.0,
    start: "2026-01-01",
    due: "2026-12-31",
    cycle: "2026",
    rollup: "Weighted",
    comment: "Überprüfung Q3",
  }),
  g({
    id: "G-2",
    title: "Raise ARR",
    type: "Key Result",
    level: "Team",
    parent: "G-1",
    owner: "José Álvarez",
    weight: 0.45,
    unit: "USD",
    direction: "Increase",
    baseline: 100,
    target: 200,
    stretch: 250,
    actual: 150,
    start: "2026-01-01",
    due: "2026-12-31",
    cycle: "2026",
    source: "CRM export",
  }),
  g({
    id: "G-3",
    title: "Reduce churn",
    type: "Key Result",
    level: "Team",
    parent: "G-1",
    owner: "李雷",
    weight: 0.55,
    unit: "%",
    direction: "Decrease",
    baseline: 0.1,
    target: 0.05,
    start: "2026-01-01",
    due: "2026-06-30",
    cycle: "2026-H1",
    source: "Billing",
    comment: "from check-ins",
  }),
  g({
    id: "G-4",
    title: "NPS ≥ 50 — Ærø",
    type: "KPI",
    level: "Individual",
    owner: "Zoë Müller",
    weight: 0.3,
    unit: "count",
    direction: "At least",
    baseline: 40,
    threshold: 45,
    target: 50,
    actual: 52,
    start: "2026-04-01",
    due: "2026-09-30",
    cycle: "2026",
    source: "Survey",
  }),
];

export interface TruthCheckIn {
  goalId: string;
  date: string;
  value: number;
  confidence: number;
  comment: string;
}

export const TRUTH_CHECKINS: TruthCheckIn[] = [
  { goalId: "G-3", date: "2026-03-31", value: 0.08, confidence: 0.6, comment: "Q1 check" },
  { goalId: "G-3", date: "2026-05-31", value: 0.07, confidence: 0.7, comment: "Mai – gut" },
];

/** The scoring date of the corpus. */
export const TRUTH_AS_OF = "2026-07-01";
