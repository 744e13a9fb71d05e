/**
 * Realistic goal workbooks of any size, seeded so that every run (and every
 * machine) gets the same cells: a cascade of objectives and key results several
 * levels deep, owners with a handful of goals each, sibling weights written as
 * `40%`, `0.4`, `2` or left blank, metrics of every direction with text
 * percentages and text dates among the numbers and serials, check-ins, and a few
 * of the blanks, errors, duplicate IDs, unknown parents and shared parents that
 * real workbooks hold.
 *
 * The cells are what Office.js hands over for a converted goal table (numbers,
 * strings, booleans, `""` for blank): the shape the adapter passes to
 * `workbookInputFromTables`. No Node imports, so the task pane can use it for a
 * preview sample.
 */
import { COMPUTED_COLUMNS, INPUT_COLUMNS } from "../src/core/columns";
import { Day, dayFromParts, isoDay, serialFromDay } from "../src/core/dates";
import { TableData } from "../src/core/tables";

export type Cell = string | number | boolean;

export interface GenerateOptions {
  /** Number of goals (rows of the goal table). */
  goals: number;
  /** Check-ins per goal (default 3). */
  checkInsPerGoal?: number;
  /** Depth of the Parent ID cascade (default: 4 up to 1,000 goals, 5 up to 10,000, 6 above). */
  levels?: number;
  /** Seed of the random numbers (default 1). */
  seed?: number;
  /** Year of the review cycle (default 2026). */
  year?: number;
}

/** A table as the adapter loads it, with the cells typed as Office.js hands them. */
export type GeneratedTable = Omit<TableData, "rows" | "headers"> & { headers: readonly string[]; rows: Cell[][] };

export interface GeneratedWorkbook {
  goals: GeneratedTable;
  checkIns: GeneratedTable;
  /** The date to evaluate at: mid-May of the year, after the check-ins. */
  asOf: Day;
  /** The review cycle's name (`2026`). */
  reviewCycle: string;
  levels: number;
  /** Goals per level of the cascade, top first. */
  levelSizes: number[];
  owners: number;
}

/** Header row of the generated goal table: the twenty input columns, then the computed ones. */
export const GOAL_HEADERS: readonly string[] = [...INPUT_COLUMNS.map((c) => c.header), ...COMPUTED_COLUMNS];
export const CHECKIN_HEADERS: readonly string[] = ["Goal ID", "Date", "Value", "Confidence", "Comment"];

const COL = Object.fromEntries(GOAL_HEADERS.map((h, i) => [h, i])) as Record<string, number>;

/** mulberry32: small, fast, and the same sequence everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Ana",
  "Ben",
  "Chloe",
  "Dana",
  "Elif",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
  "Uma",
  "Victor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
];
const LAST = [
  "Lima",
  "Reyes",
  "Okafor",
  "Schmidt",
  "Tanaka",
  "Nowak",
  "Haddad",
  "Kowalski",
  "Moreau",
  "Silva",
  "Jensen",
  "Rossi",
  "Khan",
  "Park",
  "Novak",
  "Meyer",
  "Costa",
  "Ibrahim",
  "Larsen",
  "Dubois",
];
const VERBS = ["Increase", "Grow", "Reduce", "Improve", "Cut", "Raise", "Lift", "Keep", "Deliver", "Launch", "Expand", "Shorten"];
const THINGS = [
  "net revenue",
  "customer retention",
  "churn",
  "ticket backlog",
  "gross margin",
  "pipeline coverage",
  "employee engagement",
  "onboarding time",
  "NPS",
  "release frequency",
  "defect rate",
  "partner sales",
  "cloud spend",
  "hiring velocity",
  "training hours",
];
const WHERE = [
  "in EMEA",
  "in the northern region",
  "for enterprise accounts",
  "across all teams",
  "in the south",
  "for new customers",
  "in APAC",
  "for the core product",
  "in the Americas",
  "this year",
];
const SOURCES = ["Finance ERP", "CRM report", "Support desk export", "HRIS dashboard", "Survey tool", "Product analytics", "Monthly board pack"];
const COMMENTS = [
  "board approved",
  "check with finance",
  "depends on hiring",
  "carried over from last year",
  "see plan in the wiki",
  "stretch agreed with manager",
];

/** Excel's 1900-system serial of a day. */
function serial(d: Day): number {
  return serialFromDay(d, 1900);
}

/** Level sizes of a cascade of `n` goals and `depth` levels, growing geometrically from a few top goals. */
export function levelSizes(n: number, depth: number): number[] {
  const d = Math.max(1, Math.min(depth, n));
  const top = Math.max(1, Math.min(8, Math.round(n / 12_500)));
  if (d === 1) return [n];
  // Ratio r with top·(1 + r + … + r^(d-1)) = n, by bisection.
  const total = (r: number) => (top * (Math.pow(r, d) - 1)) / (r - 1);
  let lo = 1.000001;
  let hi = Math.max(2, n);
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) > n) hi = mid;
    else lo = mid;
  }
  const sizes: number[] = [];
  let used = 0;
  for (let k = 0; k < d; k++) {
    const left = n - used;
    const levelsLeft = d - k;
    const want = k === d - 1 ? left : Math.max(1, Math.min(left - (levelsLeft - 1), Math.round(top * Math.pow(lo, k))));
    sizes.push(want);
    used += want;
  }
  return sizes;
}

function defaultLevels(n: number): number {
  return n <= 1_000 ? 4 : n <= 10_000 ? 5 : 6;
}

interface Node {
  depth: number;
  parent: number;
  children: number[];
  owner: string;
}

/** A workbook of `goals` goals and `checkInsPerGoal` check-ins each, the same for the same options. */
export function generateWorkbook(options: GenerateOptions): GeneratedWorkbook {
  const n = Math.max(0, Math.floor(options.goals));
  const perGoal = options.checkInsPerGoal ?? 3;
  const levels = options.levels ?? defaultLevels(n);
  const year = options.year ?? 2026;
  const rand = rng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number): boolean => rand() < p;
  const between = (a: number, b: number): number => a + rand() * (b - a);

  const sizes = n === 0 ? [] : levelSizes(n, levels);
  // The cascade: each level's goals split into contiguous blocks under the level above.
  const nodes: Node[] = [];
  const levelStart: number[] = [];
  for (let k = 0; k < sizes.length; k++) {
    levelStart.push(nodes.length);
    for (let j = 0; j < sizes[k]; j++) {
      const parent = k === 0 ? -1 : levelStart[k - 1] + Math.floor((j * sizes[k - 1]) / sizes[k]);
      const id = nodes.length;
      nodes.push({ depth: k, parent, children: [], owner: "" });
      if (parent >= 0) nodes[parent].children.push(id);
    }
  }

  // Owners: the CEO office at the top; below, each owner takes two to four siblings,
  // and some key results stay with the owner of the objective above them.
  let ownerCount = 0;
  const ownerName = (k: number): string => {
    const base = `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`;
    const round = Math.floor(k / (FIRST.length * LAST.length));
    return round === 0 ? base : `${base} ${round + 1}`;
  };
  const newOwner = (): string => ownerName(ownerCount++);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.depth === 0) node.owner = "CEO Office";
    if (node.children.length === 0) continue;
    let current = "";
    let left = 0;
    for (const c of node.children) {
      if (node.depth > 0 && chance(0.3)) {
        nodes[c].owner = node.owner;
        continue;
      }
      if (left === 0) {
        current = newOwner();
        left = 2 + Math.floor(rand() * 3);
      }
      nodes[c].owner = current;
      left--;
    }
  }
  if (nodes.some((x) => x.depth === 0)) ownerCount++;

  // Depth-first order, as people list an objective and then what sits under it.
  const order: number[] = [];
  const stack: number[] = [];
  for (let j = (sizes[0] ?? 0) - 1; j >= 0; j--) stack.push(j);
  while (stack.length > 0) {
    const v = stack.pop() as number;
    order.push(v);
    const kids = nodes[v].children;
    for (let j = kids.length - 1; j >= 0; j--) stack.push(kids[j]);
  }
  const rowOf = new Int32Array(nodes.length);
  order.forEach((v, r) => (rowOf[v] = r));
  const idOf = (v: number): string => `G-${String(rowOf[v] + 1).padStart(6, "0")}`;

  // Weights, one style per owner's block of siblings, so that each owner's top goals
  // add up to 100% (or 1) unless the style is relative numbers or a blank among them.
  const weightCell: Cell[] = new Array<Cell>(nodes.length).fill("");
  const blocks: number[][] = [];
  const siblingGroups: number[][] = [Array.from({ length: sizes[0] ?? 0 }, (_, j) => j), ...nodes.map((x) => x.children).filter((c) => c.length > 0)];
  for (const g of siblingGroups) {
    const byOwner = new Map<string, number[]>();
    for (const v of g) {
      const list = byOwner.get(nodes[v].owner);
      if (list) list.push(v);
      else byOwner.set(nodes[v].owner, [v]);
    }
    blocks.push(...byOwner.values());
  }
  for (const g of blocks) {
    const style = rand();
    const parts = g.map(() => 1 + Math.floor(rand() * 5));
    const sum = parts.reduce((a, b) => a + b, 0);
    const pct = parts.map((p) => Math.round((p / sum) * 100));
    pct[pct.length - 1] += 100 - pct.reduce((a, b) => a + b, 0);
    g.forEach((v, j) => {
      if (style < 0.5) weightCell[v] = `${pct[j]}%`;
      else if (style < 0.7) weightCell[v] = pct[j] / 100;
      else if (style < 0.85) weightCell[v] = "";
      else if (style < 0.95) weightCell[v] = parts[j];
      else weightCell[v] = j === 0 && g.length > 1 ? "" : `${pct[j]}%`;
    });
  }

  const y0 = dayFromParts(year, 1, 1) as Day;
  const h1End = dayFromParts(year, 6, 30) as Day;
  const q2Start = dayFromParts(year, 4, 1) as Day;
  const yEnd = dayFromParts(year, 12, 31) as Day;
  const asOf = dayFromParts(year, 5, 15) as Day;
  const dateCell = (d: Day): Cell => (chance(0.1) ? isoDay(d) : serial(d));

  const goalRows: Cell[][] = new Array<Cell[]>(nodes.length);
  const checkIns: { row: number; id: string; kind: Metric; base: number; target: number; actual: Cell; start: Day }[] = [];
  const lastDepth = sizes.length - 1;
  for (let r = 0; r < order.length; r++) {
    const v = order[r];
    const node = nodes[v];
    const row: Cell[] = new Array<Cell>(GOAL_HEADERS.length).fill("");
    const leaf = node.children.length === 0;
    const set = (h: string, x: Cell): void => {
      row[COL[h]] = x;
    };
    let id = idOf(v);
    if (leaf && chance(0.0005)) id = "";
    else if (r > 0 && leaf && chance(0.0002)) id = goalRows[r - 1][COL["ID"]] as string;
    set("ID", id);
    set("Title", chance(0.01) ? pick(THINGS) : `${pick(VERBS)} ${pick(THINGS)} ${pick(WHERE)}`);
    set("Type", leaf ? (chance(0.15) ? "KPI" : chance(0.7) ? "Key Result" : "") : chance(0.8) ? "Objective" : "");
    // Below the individual level (their key results and tasks) Level is mostly left blank.
    set(
      "Level",
      node.depth === 0 ? "Company" : node.depth === 1 ? "Department" : node.depth === 2 ? "Team" : node.depth === 3 || chance(0.05) ? "Individual" : "",
    );
    if (node.parent >= 0) {
      let parent = idOf(node.parent);
      const peer = node.parent + 1;
      if (chance(0.003) && peer < nodes.length && nodes[peer].depth === nodes[node.parent].depth) parent = `${idOf(node.parent)}=60%; ${idOf(peer)}=40%`;
      else if (chance(0.0005)) parent = "G-999999X";
      set("Parent ID", parent);
    }
    set("Owner", chance(0.002) ? "" : node.owner);
    set("Weight", weightCell[v]);

    // The metric: objectives with children mostly have none of their own and roll up.
    const cycleKind = rand();
    const cycle = cycleKind < 0.5 ? String(year) : cycleKind < 0.8 ? `${year}-H1` : `${year}-Q2`;
    const start = cycleKind < 0.8 ? y0 : q2Start;
    const due = cycleKind < 0.5 ? yEnd : h1End;
    set("Cycle", cycle);
    const s = rand();
    if (s < 0.7) set("Start", dateCell(start));
    const dd = rand();
    if (dd < 0.85 || node.depth < lastDepth - 1) set("Due", dateCell(due));
    if (!leaf && chance(0.85)) {
      if (!chance(0.85)) set("Rollup", pick(["Worst", "Own", "Weighted", "Sum"]));
    } else {
      const kind = metric(rand());
      const m = metricCells(kind, rand, chance);
      set("Unit", m.unit);
      set("Direction", m.direction);
      set("Baseline", m.baseline);
      set("Target", m.target);
      set("Threshold", m.threshold);
      set("Stretch", m.stretch);
      set("Data Source", chance(0.85) ? pick(SOURCES) : "");
      // Actual: set for most, blank for a third (the latest check-in counts), a few errors.
      const a = rand();
      const actual = a < 0.6 ? m.actual : a < 0.995 ? "" : a < 0.998 ? "#N/A" : "n/a";
      set("Actual", actual);
      if (id !== "") checkIns.push({ row: r, id, kind, base: m.base, target: m.goal, actual: m.actual, start });
    }
    if (chance(0.2)) set("Comment", pick(COMMENTS));
    goalRows[r] = row;
  }

  // Check-ins: n × perGoal in all, spread over the goals that have a metric, evenly
  // from three weeks after the start to a few days before asOf; the table lists them
  // round by round, as a team checks in.
  const total = n * perGoal;
  const rounds: Cell[][][] = [];
  checkIns.forEach((c, i) => {
    const count = Math.floor(total / checkIns.length) + (i < total % checkIns.length ? 1 : 0);
    const first = c.start + 20;
    const last = asOf - 3 - Math.floor(rand() * 5);
    for (let k = 0; k < count; k++) {
      const date = count === 1 ? last : Math.round(first + ((last - first) * k) / (count - 1));
      const share = Math.min(1.2, ((k + 1) / count) * between(0.6, 1.2));
      const x = rand();
      const value: Cell =
        x < 0.02 ? "" : x < 0.023 ? "#N/A" : checkInValue(c.kind, c.base, c.target, share, typeof c.actual === "boolean" ? c.actual : k === count - 1, chance);
      (rounds[k] ??= []).push([
        c.id,
        chance(0.05) ? isoDay(date) : serial(date),
        value,
        chance(0.3) ? "" : chance(0.5) ? `${Math.round(between(4, 10)) * 10}%` : Math.round(between(4, 10)) / 10,
        chance(0.15) ? pick(COMMENTS) : "",
      ]);
    }
  });
  const ciRows: Cell[][] = [];
  for (const round of rounds) for (const row of round) ciRows.push(row);

  return {
    goals: { name: "Goals", sheet: "Goals", headerRow: 1, firstColumn: 0, headers: GOAL_HEADERS, rows: goalRows },
    checkIns: { name: "CheckIns", sheet: "CheckIns", headerRow: 1, firstColumn: 0, headers: CHECKIN_HEADERS, rows: ciRows },
    asOf,
    reviewCycle: String(year),
    levels: sizes.length,
    levelSizes: sizes,
    owners: ownerCount,
  };
}

type Metric = "increase" | "percent" | "decrease" | "atLeast" | "atMost" | "milestone";

function metric(x: number): Metric {
  return x < 0.45 ? "increase" : x < 0.6 ? "percent" : x < 0.75 ? "decrease" : x < 0.85 ? "atLeast" : x < 0.9 ? "atMost" : "milestone";
}

interface MetricCells {
  unit: Cell;
  direction: Cell;
  baseline: Cell;
  target: Cell;
  threshold: Cell;
  stretch: Cell;
  actual: Cell;
  /** Baseline and Target as numbers, for the check-ins. */
  base: number;
  goal: number;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function metricCells(kind: Metric, rand: () => number, chance: (p: number) => boolean): MetricCells {
  const between = (a: number, b: number): number => a + rand() * (b - a);
  const blank: MetricCells = { unit: "", direction: "", baseline: "", target: "", threshold: "", stretch: "", actual: "", base: 0, goal: 1 };
  switch (kind) {
    case "increase": {
      const b = Math.round(between(50, 1000));
      const t = Math.round(b * between(1.1, 1.6));
      const a = Math.round(b + (t - b) * between(-0.1, 1.2));
      const tiered = chance(0.1);
      return {
        ...blank,
        unit: chance(0.5) ? "USD" : "count",
        direction: chance(0.5) ? "" : chance(0.8) ? "Increase" : "up",
        baseline: chance(0.1) ? "" : b,
        target: chance(0.05) ? t.toLocaleString("en-US") : t,
        threshold: tiered ? Math.round(b + (t - b) * 0.5) : "",
        stretch: tiered && chance(0.5) ? Math.round(t + (t - b) * 0.5) : "",
        actual: a,
        base: b,
        goal: t,
      };
    }
    case "percent": {
      const b = Math.round(between(30, 70)) / 100;
      const t = Math.min(0.99, b + Math.round(between(5, 20)) / 100);
      const a = b + (t - b) * between(0, 1.1);
      return {
        ...blank,
        unit: "%",
        direction: chance(0.6) ? "Increase" : "",
        baseline: chance(0.5) ? pct(b) : b,
        target: chance(0.5) ? pct(t) : t,
        actual: chance(0.5) ? pct(a) : Math.round(a * 1000) / 1000,
        base: b,
        goal: t,
      };
    }
    case "decrease": {
      const b = Math.round(between(20, 60));
      const t = Math.round(b * between(0.5, 0.9));
      const a = Math.round(b - (b - t) * between(-0.1, 1.1));
      return {
        ...blank,
        unit: "days",
        direction: chance(0.5) ? "Decrease" : chance(0.5) ? "" : "lower is better",
        baseline: b,
        target: t,
        actual: a,
        base: b,
        goal: t,
      };
    }
    case "atLeast": {
      const t = Math.round(between(90, 99)) / 100;
      const a = Math.round(between(t - 0.05, t + 0.03) * 1000) / 1000;
      return { ...blank, unit: "%", direction: chance(0.8) ? "At least" : ">=", target: chance(0.5) ? pct(t) : t, actual: a, base: t, goal: t };
    }
    case "atMost": {
      const t = Math.round(between(2, 8));
      return { ...blank, unit: "count", direction: "At most", target: t, actual: Math.round(between(0, t * 1.4)), base: t, goal: t };
    }
    case "milestone": {
      const done = chance(0.4);
      return { ...blank, direction: "Milestone", target: chance(0.5) ? 1 : "", actual: chance(0.7) ? done : done ? "done" : "not done", base: 0, goal: 1 };
    }
  }
}

function checkInValue(kind: Metric, base: number, target: number, share: number, done: boolean, chance: (p: number) => boolean): Cell {
  switch (kind) {
    case "increase":
    case "decrease":
      return Math.round(base + (target - base) * share);
    case "percent": {
      const v = base + (target - base) * share;
      return chance(0.3) ? pct(v) : Math.round(v * 1000) / 1000;
    }
    case "atLeast":
      return Math.round((target - 0.03 + 0.05 * share) * 1000) / 1000;
    case "atMost":
      return Math.round(target * (1.3 - share * 0.5));
    case "milestone":
      return done;
  }
}
