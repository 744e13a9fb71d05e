/** The goal table's columns (model.md), in canonical order, and their enumerations. */

export const INPUT_COLUMNS = [
  { key: "id", header: "ID" },
  { key: "title", header: "Title" },
  { key: "type", header: "Type" },
  { key: "level", header: "Level" },
  { key: "parent", header: "Parent ID" },
  { key: "owner", header: "Owner" },
  { key: "weight", header: "Weight" },
  { key: "unit", header: "Unit" },
  { key: "direction", header: "Direction" },
  { key: "baseline", header: "Baseline" },
  { key: "threshold", header: "Threshold" },
  { key: "target", header: "Target" },
  { key: "stretch", header: "Stretch" },
  { key: "actual", header: "Actual" },
  { key: "start", header: "Start" },
  { key: "due", header: "Due" },
  { key: "cycle", header: "Cycle" },
  { key: "source", header: "Data Source" },
  { key: "rollup", header: "Rollup" },
  { key: "comment", header: "Comment" },
] as const;

export type ColumnKey = (typeof INPUT_COLUMNS)[number]["key"];
export type ColumnHeader = (typeof INPUT_COLUMNS)[number]["header"];

export const COLUMN_KEYS: readonly ColumnKey[] = INPUT_COLUMNS.map((c) => c.key);

const HEADER_BY_KEY = new Map<ColumnKey, ColumnHeader>(INPUT_COLUMNS.map((c) => [c.key, c.header]));

export function headerOf(key: ColumnKey): ColumnHeader {
  return HEADER_BY_KEY.get(key) ?? "ID";
}

/** Computed columns, written by the add-in and never read as input. */
export const COMPUTED_COLUMNS = ["Progress", "Score", "Status", "Rolled Up", "SMART"] as const;
export type ComputedHeader = (typeof COMPUTED_COLUMNS)[number];

export const CHECKIN_COLUMNS = [
  { key: "goalId", header: "Goal ID" },
  { key: "date", header: "Date" },
  { key: "value", header: "Value" },
  { key: "confidence", header: "Confidence" },
  { key: "comment", header: "Comment" },
] as const;
export type CheckInKey = (typeof CHECKIN_COLUMNS)[number]["key"];

export const GOAL_TYPES = ["Objective", "Key Result", "KPI", "Performance", "Development"] as const;
export type GoalType = (typeof GOAL_TYPES)[number];

export const LEVELS = ["Company", "Department", "Team", "Individual"] as const;
export type Level = (typeof LEVELS)[number];

export const DIRECTIONS = ["Increase", "Decrease", "At least", "At most", "Milestone"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ROLLUP_MODES = ["Weighted", "Worst", "Sum", "Own"] as const;
export type RollupMode = (typeof ROLLUP_MODES)[number];

export const STATUSES = ["Not started", "No data", "On track", "At risk", "Off track", "Stale", "Achieved", "Missed"] as const;
export type Status = (typeof STATUSES)[number];

/** Enumeration fields of the goal table. */
export type EnumField = "type" | "level" | "direction" | "rollup";

/** Values accepted for each enumeration, besides the canonical spelling (model.md). */
export const ENUM_SYNONYMS: {
  type: Record<GoalType, readonly string[]>;
  level: Record<Level, readonly string[]>;
  direction: Record<Direction, readonly string[]>;
  rollup: Record<RollupMode, readonly string[]>;
} = {
  type: {
    Objective: ["objective", "obj"],
    "Key Result": ["key result", "kr", "keyresult"],
    KPI: ["kpi"],
    Performance: ["performance"],
    Development: ["development"],
  },
  level: {
    Company: ["company"],
    Department: ["department", "dept"],
    Team: ["team"],
    Individual: ["individual"],
  },
  direction: {
    Increase: ["up", "higher is better", "increase", "↑"],
    Decrease: ["down", "lower is better", "reduce", "decrease", "↓"],
    "At least": ["at least", "maintain above", "≥", ">=", "min"],
    "At most": ["at most", "maintain below", "≤", "<=", "max"],
    Milestone: ["milestone", "binary", "done", "yes/no"],
  },
  rollup: {
    Weighted: ["weighted"],
    Worst: ["worst"],
    Sum: ["sum"],
    Own: ["own"],
  },
};

/** Rank used by rule R3: Company > Department > Team > Individual. */
export function levelRank(level: Level): number {
  return LEVELS.length - LEVELS.indexOf(level);
}
