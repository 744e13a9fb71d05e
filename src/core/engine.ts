/**
 * The engine end to end: cells in; findings, scores, statuses, roll-ups and
 * scorecards out. Every goal gets values or findings; nothing throws.
 */
import { ActualValue, displayText, unwrap } from "./cells";
import { ColumnKey, Direction, GoalType, RollupMode, Status, levelRank } from "./columns";
import { Day, Window, cycleWindow, isoDay, today } from "./dates";
import { Finding, quote, smartString } from "./findings";
import { CheckIn, Goal, WorkbookInput, readCheckIn, readGoal } from "./model";
import { LinkGraph, RollupNode, computeRollup, resolveLinks } from "./rollup";
import { BLANK_GROUP, Missing, Scorecard, scorecards } from "./scorecard";
import { NO_DATA, Outcome, fmt, inferDirection, pace, progress, score, status, uncappedProgress } from "./scoring";
import { DEFAULT_SETTINGS, Settings } from "./settings";
import { dataFindings, finding, isBlocking, rowFindings } from "./smart";
import { effectiveWeights, isFullTotal } from "./weights";

export interface EvaluateOptions {
  asOf?: Day;
  settings?: Settings;
  /** Group scorecards by this column (default Owner) … */
  groupBy?: ColumnKey;
  /** … or by these values, one per goal (a user column, for instance). */
  groups?: readonly (string | null)[];
  missing?: Missing;
  /** The review cycle's name (`2026-H1`): its window is used for T3 when a goal has no Cycle. */
  reviewCycle?: string | null;
}

export interface GoalResult {
  index: number;
  id: string | null;
  title: string | null;
  owner: string | null;
  type: GoalType;
  direction: Direction;
  rollupMode: RollupMode;
  actual: ActualValue | null;
  start: Day | null;
  due: Day | null;
  progress: number | null;
  score: number | null;
  /** Expected progress at asOf; null when undefined. */
  pace: number | null;
  status: Status | null;
  rolledUp: number | null;
  coverage: number | null;
  smart: string;
  escalate: boolean;
  blocked: boolean;
  /** The first blocking finding's message, for a blocked goal. */
  error: string | null;
  findings: string[];
  /** Indices of the resolved parents. */
  parents: number[];
  children: number[];
}

export interface Evaluation {
  asOf: Day;
  settings: Settings;
  goals: GoalResult[];
  findings: Finding[];
  scorecards: Scorecard[];
  cycles: number[][];
  checkIns: CheckIn[];
}

const BLANK_OUTCOME: Outcome = NO_DATA;

/** Runs every rule and computation over a workbook's goals and check-ins. */
export function evaluate(input: WorkbookInput, options: EvaluateOptions = {}): Evaluation {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const asOf = options.asOf ?? today();
  const system = input.dateSystem ?? 1900;
  const goals: Goal[] = input.goals.map((row, i) => readGoal(row, i, system));
  const checkIns: CheckIn[] = (input.checkIns ?? []).map((row, i) => readCheckIn(row, i, system));
  const n = goals.length;
  const findings: Finding[][] = goals.map(() => []);
  const looseFindings: Finding[] = [];

  // Links first: Type, M1 and the roll-up depend on who has children.
  const graph: LinkGraph = resolveLinks(
    goals.map((g) => ({
      key: g.key,
      parents: g.parentRefs.map((r) => ({ key: r.id.toUpperCase(), share: r.share })),
      weight: g.weight,
    })),
  );

  // Check-ins per goal, oldest first; the latest is the greatest Date, on a tie the lower row.
  const history: CheckIn[][] = goals.map(() => []);
  for (const c of checkIns) {
    const gi = c.key === null ? undefined : graph.indexOf.get(c.key);
    for (const key of Object.keys(c.invalid) as (keyof CheckIn["invalid"])[]) {
      const bad = c.invalid[key];
      if (!bad) continue;
      const field = key === "goalId" ? "Goal ID" : key === "date" ? "Date" : key === "value" ? "Value" : key === "confidence" ? "Confidence" : "Comment";
      const what =
        bad.code === "E1"
          ? `holds the Excel error ${bad.text}; fix the formula or type the value`
          : bad.code === "E3"
            ? `${quote(bad.text)} is not a date; enter a date such as 2026-06-30`
            : `${quote(bad.text)} is not a number; enter a number`;
      const f: Finding = {
        code: bad.code,
        severity: "fail",
        goal: c.goalId,
        goalIndex: gi ?? -1,
        field,
        cell: c.cells[key] ?? null,
        message: `Check-in ${field} ${what}`,
      };
      if (gi === undefined) looseFindings.push(f);
      else findings[gi].push(f);
    }
    if (gi !== undefined && c.date !== null && c.value !== null) history[gi].push(c);
  }
  for (const h of history) if (h.length > 1) h.sort((a, b) => (a.date ?? 0) - (b.date ?? 0) || a.index - b.index);

  // Effective values.
  const direction: Direction[] = new Array(n);
  const type: GoalType[] = new Array(n);
  const actual: (ActualValue | null)[] = new Array(n);
  const start: (Day | null)[] = new Array(n);
  const due: (Day | null)[] = new Array(n);
  const windows: (Window | null)[] = new Array(n);
  const reviewWindow = cycleWindow(options.reviewCycle ?? null);
  for (let i = 0; i < n; i++) {
    const g = goals[i];
    direction[i] = g.directionGiven ?? inferDirection(g.target, g.baseline);
    const hasChildren = graph.childrenOf[i].length > 0;
    type[i] = g.typeGiven ?? (hasChildren && g.target === null && g.invalid.target === undefined ? "Objective" : "Key Result");
    const h = history[i];
    actual[i] = g.actualCell ?? (h.length > 0 ? h[h.length - 1].value : null);
    start[i] = g.start ?? g.window?.start ?? null;
    due[i] = g.due ?? g.window?.end ?? null;
    windows[i] = g.window ?? reviewWindow;
    findings[i].push(...dataFindings(g));
    findings[i].push(
      ...rowFindings(g, {
        direction: direction[i],
        type: type[i],
        hasChildren,
        start: start[i],
        due: due[i],
        dueWindow: windows[i],
        windowLabel: g.window ? g.cycle : (options.reviewCycle ?? null),
        settings,
      }),
    );
  }

  workbookRules(goals, graph, history, findings, { direction, type, due, settings });

  // Blocked goals and own scores.
  const blocked: boolean[] = new Array(n).fill(false);
  const own: Outcome[] = new Array(n);
  const p: Outcome[] = new Array(n);
  for (let i = 0; i < n; i++) {
    blocked[i] = findings[i].some(isBlocking);
    const g = goals[i];
    if (blocked[i]) {
      own[i] = BLANK_OUTCOME;
      p[i] = BLANK_OUTCOME;
      continue;
    }
    const inp = {
      actual: actual[i],
      target: g.target,
      baseline: g.baseline,
      direction: direction[i],
      threshold: g.threshold,
      stretch: g.stretch,
      thresholdPay: settings.thresholdPay,
      stretchPay: settings.stretchPay,
    };
    own[i] = score(inp);
    p[i] = uncappedProgress(inp);
    const bad = own[i];
    if (bad.kind === "invalid" && !(graph.childrenOf[i].length > 0 && bad.code === "M1")) {
      // The definition passed the rules but the Actual cannot be scored (TRUE for an Increase goal …).
      const exempt = (bad.code === "M1" || bad.code === "M3") && (type[i] === "Objective" || graph.childrenOf[i].length > 0);
      const field = bad.code === "E2" ? "Actual" : "Target";
      if (!exempt && !findings[i].some((f) => f.code === bad.code && f.field === field && f.goalIndex === i && isBlocking(f))) {
        findings[i].push(finding(g, bad.code, "fail", bad.code === "E2" ? "actual" : "target", bad.message.replace(/^[A-Z]\d: /, "")));
      }
      blocked[i] = !exempt;
      own[i] = BLANK_OUTCOME;
      p[i] = BLANK_OUTCOME;
    }
  }

  // Roll-up.
  const ownScore = own.map((o) => (o.kind === "value" ? o.value : null));
  const nodes: RollupNode[] = goals.map((g, i) => ({
    key: g.key,
    parents: [],
    weight: g.weight,
    mode: g.rollupGiven ?? "Weighted",
    score: ownScore[i],
    blocked: blocked[i],
    actual: typeof actual[i] === "number" ? (actual[i] as number) : null,
  }));
  const sumInput = (i: number, a: number) => ({
    actual: a,
    target: goals[i].target,
    baseline: goals[i].baseline,
    direction: direction[i],
    threshold: goals[i].threshold,
    stretch: goals[i].stretch,
    thresholdPay: settings.thresholdPay,
    stretchPay: settings.stretchPay,
  });
  const rolled = computeRollup(graph, nodes, (i, a) => {
    const s = score(sumInput(i, a));
    return s.kind === "value" ? s.value : null;
  });

  // Status, escalation, results.
  const results: GoalResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = goals[i];
    const h = history[i];
    const last = h.length > 0 ? h[h.length - 1].date : null;
    const mode = nodes[i].mode;
    let st: Status | null = null;
    let escalate = false;
    if (!blocked[i]) {
      const pi = p[i];
      let P: number | null = pi.kind === "value" ? pi.value : null;
      let thresholdScore: number | null = g.threshold !== null ? ownScore[i] : null;
      const fromChildren = rolled.fromChildren[i];
      if (fromChildren) {
        if (mode === "Sum") {
          const sp = uncappedProgress(sumInput(i, rolled.sumActual[i] ?? 0));
          P = sp.kind === "value" ? sp.value : null;
        } else P = rolled.rolledUp[i];
        thresholdScore = g.threshold !== null ? rolled.rolledUp[i] : null;
      }
      st = status({ direction: direction[i], p: P, thresholdScore, start: start[i], due: due[i], asOf, lastCheckIn: last, settings });
      escalate = st === "Missed" || (!fromChildren && offTrackTwice(g, h, direction[i], start[i], due[i], settings));
    }
    // T4
    if (due[i] !== null && (due[i] as number) < asOf && st !== "Achieved")
      findings[i].push(
        finding(g, "T4", "warn", "due", `Due ${isoDay(due[i] as number)} has passed and the goal is ${st ?? "not scored"}; record the result or agree a new date`),
      );
    const ownProgress = blocked[i]
      ? null
      : (() => {
          const pr = progress({ actual: actual[i], target: g.target, baseline: g.baseline, direction: direction[i], cap: settings.progressCap });
          return pr.kind === "value" ? pr.value : null;
        })();
    const fs = findings[i];
    const firstBlock = fs.find(isBlocking);
    results[i] = {
      index: i,
      id: g.id,
      title: g.title,
      owner: g.owner,
      type: type[i],
      direction: direction[i],
      rollupMode: mode,
      actual: actual[i],
      start: start[i],
      due: due[i],
      progress: ownProgress,
      score: ownScore[i],
      pace: blocked[i] ? null : pace(start[i], due[i], asOf),
      status: st,
      rolledUp: blocked[i] || rolled.rolledUp[i] === null ? null : rolled.rolledUp[i],
      coverage: rolled.coverage[i],
      smart: smartString(fs),
      escalate,
      blocked: blocked[i],
      error: firstBlock ? `${firstBlock.code}: ${firstBlock.message}` : null,
      findings: fs.map((f) => f.code),
      parents: graph.parentsOf[i].map((l) => l.node),
      children: graph.childrenOf[i].map((l) => l.node),
    };
  }

  // Scorecards.
  const groupOf = (i: number): string => {
    const explicit = options.groups?.[i];
    if (options.groups) return explicit === null || explicit === undefined || String(explicit).trim() === "" ? BLANK_GROUP : String(explicit).trim();
    const key = options.groupBy ?? "owner";
    const v = displayText(unwrap(goals[i].values[key])).trim();
    return v === "" ? BLANK_GROUP : v;
  };
  const groups = goals.map((_, i) => groupOf(i));
  const items = goals.map((g, i) => ({
    group: groups[i],
    score: results[i].rolledUp,
    weight: g.weight,
    top: !graph.parentsOf[i].some((l) => groups[l.node] === groups[i]),
    status: results[i].status,
  }));
  const cards = scorecards(items, options.missing ?? "exclude");

  const all: Finding[] = [];
  for (const fs of findings) all.push(...fs);
  all.push(...looseFindings);
  return { asOf, settings, goals: results, findings: all, scorecards: cards, cycles: graph.cycles, checkIns };
}

/** Escalation: Off track at each of the last two check-ins, each as of its own Date with its own Value. */
function offTrackTwice(g: Goal, h: readonly CheckIn[], dir: Direction, start: Day | null, due: Day | null, settings: Settings): boolean {
  if (h.length < 2) return false;
  for (const c of [h[h.length - 1], h[h.length - 2]]) {
    const inp = { actual: c.value, target: g.target, baseline: g.baseline, direction: dir, threshold: g.threshold, stretch: g.stretch };
    const P = uncappedProgress(inp);
    if (P.kind !== "value") return false;
    const s = score(inp);
    const st = status({
      direction: dir,
      p: P.value,
      thresholdScore: g.threshold !== null && s.kind === "value" ? s.value : null,
      start,
      due,
      asOf: c.date ?? 0,
      lastCheckIn: c.date,
      settings,
    });
    if (st !== "Off track") return false;
  }
  return true;
}

interface Effective {
  direction: Direction[];
  type: GoalType[];
  due: (Day | null)[];
  settings: Settings;
}

/** Rules that look across goals: S3, A3, A4, R1–R5, D1, W1, W2, U1. */
function workbookRules(goals: Goal[], graph: LinkGraph, history: CheckIn[][], findings: Finding[][], eff: Effective): void {
  const n = goals.length;
  const { settings } = eff;

  // D1: every occurrence of a repeated ID.
  const byKey = new Map<string, number[]>();
  for (const g of goals) {
    if (g.key === null) continue;
    const list = byKey.get(g.key);
    if (list) list.push(g.index);
    else byKey.set(g.key, [g.index]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const i of list) {
      const others = list.filter((j) => j !== i).map((j) => goals[j].cells.id ?? goals[j].where ?? `goal ${j + 1}`);
      findings[i].push(finding(goals[i], "D1", "fail", "id", `ID ${quote(goals[i].id)} is used more than once (also ${others.join(", ")}); give each goal its own ID`));
    }
  }

  // S3: same Owner and Cycle, same Title.
  const titles = new Map<string, number[]>();
  for (const g of goals) {
    if (g.title === null || g.owner === null) continue;
    const key = `${norm(g.owner)}\u0000${norm(g.cycle ?? "")}\u0000${norm(g.title)}`;
    const list = titles.get(key);
    if (list) list.push(g.index);
    else titles.set(key, [g.index]);
  }
  for (const list of titles.values()) {
    if (list.length < 2) continue;
    for (const i of list) {
      const other = list.find((j) => j !== i) as number;
      findings[i].push(
        finding(goals[i], "S3", "warn", "title", `${goals[i].owner} has another goal titled ${quote(goals[i].title)} (${goals[other].id ?? "no ID"}); merge them or make the titles distinct`),
      );
    }
  }

  // R1, R5
  for (const u of graph.unknownParents)
    findings[u.node].push(finding(goals[u.node], "R1", "fail", "parent", `Parent ID ${quote(u.key)} names no goal in the workbook; correct the ID or clear it`));
  for (const b of graph.badShares)
    findings[b.node].push(
      finding(goals[b.node], "R5", "fail", "parent", `Attribution shares in Parent ID ${quote(goals[b.node].parentText)} total ${fmt(Math.round(b.total * 10000) / 100)}%; make them add up to 100%`),
    );
  for (const g of goals) {
    const bad = g.parentRefs.find((r) => r.badShare !== null);
    if (bad && !graph.badShares.some((b) => b.node === g.index))
      findings[g.index].push(finding(g, "R5", "fail", "parent", `Share ${quote(bad.badShare)} for parent ${bad.id} is not a percentage; write it like ${bad.id}=40%`));
  }

  // R2, R3
  for (const g of goals) {
    if (g.parentText === null && g.invalid.parent === undefined && g.level !== "Company")
      findings[g.index].push(
        finding(g, "R2", "warn", "parent", `${g.level ?? "This"} goal has no Parent ID, so it is not aligned; name the goal it supports`),
      );
    if (g.level === null) continue;
    for (const l of graph.parentsOf[g.index]) {
      const pl = goals[l.node].level;
      if (pl === null || levelRank(pl) > levelRank(g.level)) continue;
      findings[g.index].push(
        finding(g, "R3", "warn", "parent", `Parent ${goals[l.node].id} is a ${pl} goal, not above this ${g.level} goal; align to a goal at a higher level`),
      );
    }
  }

  // R4
  for (const cycle of graph.cycles) {
    const ids = cycle.map((i) => goals[i].id ?? `row ${i + 1}`);
    const text = [...ids, ids[0]].join(" → ");
    for (const i of cycle)
      findings[i].push(finding(goals[i], "R4", "fail", "parent", `Goal is on an alignment cycle ${text}; remove one of these Parent ID links`));
  }

  // W2 among siblings (same parent).
  const w2 = new Set<number>();
  for (let p = 0; p < n; p++) {
    const kids = graph.childrenOf[p];
    if (kids.length < 2) continue;
    if (!kids.some((c) => hasWeight(goals[c.node]))) continue;
    for (const c of kids) if (isBlankWeight(goals[c.node])) w2.add(c.node);
  }

  // Owner rules over top goals: A4, W1, W2.
  const byOwner = new Map<string, number[]>();
  for (const g of goals) {
    if (g.owner === null) continue;
    const o = norm(g.owner);
    const top = !graph.parentsOf[g.index].some((l) => goals[l.node].owner !== null && norm(goals[l.node].owner as string) === o);
    if (!top) continue;
    const list = byOwner.get(o);
    if (list) list.push(g.index);
    else byOwner.set(o, [g.index]);
  }
  for (const tops of byOwner.values()) {
    if (tops.length < 2) continue;
    const raw = tops.map((i) => (goals[i].weight !== null && goals[i].weight >= 0 ? goals[i].weight : null));
    const w = effectiveWeights(raw);
    const total = w.reduce((a, b) => a + b, 0);
    const anySet = raw.some((x) => x !== null);
    for (let j = 0; j < tops.length; j++) {
      const g = goals[tops[j]];
      if (total > 0 && w[j] / total > settings.maxWeightShare + 1e-12)
        findings[g.index].push(
          finding(
            g,
            "A4",
            "warn",
            "weight",
            `Weight ${fmt(w[j])} is ${Math.round((w[j] / total) * 100)}% of ${g.owner}'s weight total (limit ${Math.round(settings.maxWeightShare * 100)}%); spread the weight over the goals`,
          ),
        );
      if (anySet && !isFullTotal(total))
        findings[g.index].push(
          finding(g, "W1", "warn", "weight", `${g.owner}'s top-goal weights total ${fmt(total)}, not 100% or 1; adjust the weights so they add up`),
        );
      if (anySet && isBlankWeight(g)) w2.add(g.index);
    }
  }
  for (const i of w2)
    findings[i].push(finding(goals[i], "W2", "warn", "weight", "Weight is blank while the goals beside it have weights; it counts as their average — enter a weight"));

  // A3: trend of the check-ins against the Target.
  for (let i = 0; i < n; i++) {
    const g = goals[i];
    const dir = eff.direction[i];
    const due = eff.due[i];
    if ((dir !== "Increase" && dir !== "Decrease") || g.target === null || due === null) continue;
    const pts = history[i].filter((c) => typeof c.value === "number");
    if (pts.length < 3) continue;
    const base = g.baseline ?? (dir === "Increase" ? 0 : null);
    if (base === null || g.target === base) continue;
    const y = trendAt(pts, due);
    if (y === null) continue;
    const way = (y - base) / (g.target - base);
    if (way < settings.trendShortfall)
      findings[i].push(
        finding(
          g,
          "A3",
          "warn",
          "target",
          `At the current trend the goal reaches ${fmt(y)} by ${isoDay(due)}, ${Math.round(way * 100)}% of the way to Target ${fmt(g.target)}; review the plan or the Target`,
        ),
      );
  }

  // U1: Sum roll-up over children with another Unit.
  for (const g of goals) {
    if (g.rollupGiven !== "Sum") continue;
    const unit = norm(g.unit ?? "");
    const odd = graph.childrenOf[g.index].filter((c) => norm(goals[c.node].unit ?? "") !== unit);
    if (odd.length > 0)
      findings[g.index].push(
        finding(
          g,
          "U1",
          "warn",
          "unit",
          `Sum roll-up adds children measured in another unit (${odd
            .slice(0, 5)
            .map((c) => `${goals[c.node].id ?? "?"}: ${quote(goals[c.node].unit ?? "")}`)
            .join(", ")}) to ${quote(g.unit ?? "")}; use the same Unit or another Rollup`,
        ),
      );
  }
}

function hasWeight(g: Goal): boolean {
  return g.weight !== null && g.weight >= 0;
}

function isBlankWeight(g: Goal): boolean {
  return g.weight === null && g.invalid.weight === undefined;
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Least-squares line through (Date, Value), read at `at`; null when the dates do not vary. */
export function trendAt(points: readonly { date: Day | null; value: ActualValue | null }[], at: Day): number | null {
  let sx = 0;
  let sy = 0;
  let k = 0;
  for (const p of points) {
    if (p.date === null || typeof p.value !== "number") continue;
    sx += p.date;
    sy += p.value;
    k++;
  }
  if (k < 2) return null;
  const mx = sx / k;
  const my = sy / k;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    if (p.date === null || typeof p.value !== "number") continue;
    sxx += (p.date - mx) * (p.date - mx);
    sxy += (p.date - mx) * (p.value - my);
  }
  if (sxx === 0) return null;
  const y = my + (sxy / sxx) * (at - mx);
  return Number.isFinite(y) ? y : null;
}
