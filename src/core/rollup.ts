/**
 * Cascade roll-up (scoring.md): children, attribution shares, cycles, Weighted /
 * Worst / Sum / Own, coverage. Iterative throughout (no recursion depth limit) and
 * linear in goals plus links.
 *
 * One implementation, over goals and links held column-wise (`resolveFlatLinks`,
 * `computeFlatRollup`): the engine and GOAL.ROLLUP use it directly, and `rollup`,
 * `resolveLinks` and `computeRollup` give the same results as objects.
 */
import { RollupMode } from "./columns";
import { WeightBuffer, applyWeightRule, weightScale } from "./weights";

export interface RollupParentRef {
  /** Upper-cased ID of the parent as written. */
  key: string;
  /** Stated share as a fraction; null when none was written. */
  share: number | null;
}

export interface RollupNode {
  /** Upper-cased ID; null when blank (such a goal cannot be a parent). */
  key: string | null;
  parents: readonly RollupParentRef[];
  weight: number | null;
  mode: RollupMode;
  /** The goal's own Score; null for no data. */
  score: number | null;
  /** A blocked goal has no Rolled Up and counts as no data for its parents. */
  blocked?: boolean;
  /** Numeric Actual, for Sum roll-ups. */
  actual?: number | null;
}

export interface Link {
  /** Index of the other goal. */
  node: number;
  /** Attribution share a(c, g). */
  share: number;
  /** The child's weight among its siblings under this parent, relative to the largest (= 1). */
  weight: number;
  /** On a parent's list of children: the same link as the child lists it. */
  back?: Link;
}

export interface RollupValues {
  /** R(g); null when no data, blocked or on a cycle. */
  rolledUp: (number | null)[];
  coverage: (number | null)[];
  /** True when R(g) came from the goal's children. */
  fromChildren: boolean[];
  /** In Sum mode with children that have data: the summed Actual. */
  sumActual: (number | null)[];
}

export type RollupResult = RollupValues & LinkGraph;

/** Resolved alignment links. */
export interface LinkGraph {
  /** Index of the goal each goal's ID resolves to first (for duplicates), by key. */
  indexOf: Map<string, number>;
  parentsOf: Link[][];
  childrenOf: Link[][];
  /** Parent IDs that name no goal (rule R1). */
  unknownParents: { node: number; key: string }[];
  /** Goals whose stated shares do not total 100 % (rule R5), with the total. */
  badShares: { node: number; total: number }[];
  /** Alignment cycles: each a list of goal indices in parent order. */
  cycles: number[][];
  /** Cycle number of each goal, or -1. */
  cycleOf: Int32Array;
  /** The same links column-wise (not enumerable). */
  readonly flat: FlatLinks;
}

/**
 * Resolves links and computes the roll-up. `sumScore(i, actual)` gives the Score of
 * goal i with its Actual replaced by `actual` (used by Sum mode).
 */
export function rollup(nodes: readonly RollupNode[], sumScore: (index: number, actual: number) => number | null = (i) => nodes[i].score): RollupResult {
  const graph = resolveLinks(nodes);
  const values = computeRollup(graph, nodes, sumScore);
  const { indexOf, parentsOf, childrenOf, unknownParents, badShares, cycles, cycleOf } = graph;
  const result = { indexOf, parentsOf, childrenOf, unknownParents, badShares, cycles, cycleOf, ...values } as RollupResult;
  Object.defineProperty(result, "flat", { value: graph.flat, enumerable: false });
  return result;
}

/**
 * Goals column-wise for `resolveFlatLinks`, one goal at a time in row order: `goal(key,
 * weight)`, then `parent(key, share)` for each of its Parent IDs in order (key upper-cased;
 * share null when none was written).
 */
export class FlatGoalsBuilder {
  private readonly keys: (string | null)[];
  private readonly refStart: Int32Array;
  private readonly refKeys: string[] = [];
  private readonly refShares: number[] = [];
  private readonly weights: Float64Array;
  private count = 0;
  constructor(n: number) {
    this.keys = new Array<string | null>(n);
    this.refStart = new Int32Array(n + 1);
    this.weights = new Float64Array(n);
  }
  goal(key: string | null, weight: number | null): void {
    const i = this.count++;
    this.keys[i] = key;
    this.weights[i] = weight ?? NaN;
    this.refStart[i + 1] = this.refKeys.length;
  }
  parent(key: string, share: number | null): void {
    this.refKeys.push(key);
    this.refShares.push(share === null ? NaN : share);
    this.refStart[this.count] = this.refKeys.length;
  }
  build(): FlatGoals {
    return { keys: this.keys, refStart: this.refStart, refKeys: this.refKeys, refShares: this.refShares, weights: this.weights };
  }
}

/** Goals as objects → goals column-wise. */
export function flatGoals(nodes: readonly Pick<RollupNode, "key" | "parents" | "weight">[]): FlatGoals {
  const b = new FlatGoalsBuilder(nodes.length);
  for (const node of nodes) {
    b.goal(node.key, node.weight);
    for (const r of node.parents) b.parent(r.key, r.share);
  }
  return b.build();
}

/** Resolves Parent IDs to goals: shares, sibling weights, unknown parents, cycles. */
export function resolveLinks(nodes: readonly Pick<RollupNode, "key" | "parents" | "weight">[]): LinkGraph {
  const flat = resolveFlatLinks(flatGoals(nodes));
  const n = nodes.length;
  const { linkStart, linkParent, linkShare, linkWeight, linkChild, childStart, childLink } = flat;
  const parentsOf: Link[][] = new Array<Link[]>(n);
  const childrenOf: Link[][] = new Array<Link[]>(n);
  const byLink: Link[] = new Array<Link>(flat.count);
  for (let i = 0; i < n; i++) {
    const links: Link[] = [];
    for (let l = linkStart[i]; l < linkStart[i + 1]; l++) links.push((byLink[l] = { node: linkParent[l], share: linkShare[l], weight: linkWeight[l] }));
    parentsOf[i] = links;
  }
  for (let g = 0; g < n; g++) {
    const kids: Link[] = [];
    for (let j = childStart[g]; j < childStart[g + 1]; j++) {
      const l = childLink[j];
      kids.push({ node: linkChild[l], share: linkShare[l], weight: linkWeight[l], back: byLink[l] });
    }
    childrenOf[g] = kids;
  }
  const { indexOf, unknownParents, badShares, cycles, cycleOf } = flat;
  const graph = { indexOf, parentsOf, childrenOf, unknownParents, badShares, cycles, cycleOf } as LinkGraph;
  // Not enumerable: the graph reads (and compares) as its lists; `flat` is the same links for computeRollup.
  Object.defineProperty(graph, "flat", { value: flat, enumerable: false });
  return graph;
}

/** R(g), coverage and Sum actuals over resolved links, children before parents. */
export function computeRollup(graph: LinkGraph, nodes: readonly RollupNode[], sumScore: (index: number, actual: number) => number | null): RollupValues {
  const n = nodes.length;
  const mode = new Uint8Array(n);
  const score = new Float64Array(n);
  const blocked = new Uint8Array(n);
  const actual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    mode[i] = FLAT_MODE[node.mode];
    score[i] = node.score === null ? NaN : node.score;
    blocked[i] = node.blocked ? 1 : 0;
    const a = node.actual;
    actual[i] = a === undefined || a === null ? NaN : a;
  }
  const r = computeFlatRollup(graph.flat, mode, score, blocked, { actual, sumScore });
  const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
  return {
    rolledUp: Array.from(r.rolledUp, orNull),
    coverage: Array.from(r.coverage, orNull),
    fromChildren: Array.from(r.fromChildren, (x) => x === 1),
    sumActual: Array.from(r.sumActual, orNull),
  };
}

/**
 * Strongly connected components of the child → parent graph (iterative Tarjan).
 * A component of two or more goals, or a goal that is its own parent, is a cycle.
 */
export function findCycles(parentsOf: readonly (readonly { node: number }[])[]): { cycles: number[][]; cycleOf: Int32Array } {
  const n = parentsOf.length;
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v] + parentsOf[v].length;
  const target = new Int32Array(start[n]);
  for (let v = 0, e = 0; v < n; v++) for (const l of parentsOf[v]) target[e++] = l.node;
  return findCyclesFlat(start, target);
}

/**
 * `findCycles` over edges in flat arrays: the parents of goal v are
 * `target[start[v]]` … `target[start[v + 1] - 1]`, in order.
 */
function findCyclesFlat(start: Int32Array, target: Int32Array): { cycles: number[][]; cycleOf: Int32Array } {
  const n = start.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const cycleOf = new Int32Array(n).fill(-1);
  const cycles: number[][] = [];
  // The call stack of the depth-first search: goal and its next edge.
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    callNode[0] = root;
    callEdge[0] = start[root];
    let depth = 1;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const top = depth - 1;
      const v = callNode[top];
      if (callEdge[top] < start[v + 1]) {
        const w = target[callEdge[top]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[depth] = w;
          callEdge[depth] = start[w];
          depth++;
        } else if (onStack[w]) {
          if (index[w] < low[v]) low[v] = index[w];
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const u = callNode[depth - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
      if (low[v] !== index[v]) continue;
      if (stack[sp - 1] === v) {
        // A component of one goal (the usual case): a cycle only when the goal is its own parent.
        sp--;
        onStack[v] = 0;
        let selfLoop = false;
        for (let e = start[v]; e < start[v + 1]; e++) if (target[e] === v) selfLoop = true;
        if (selfLoop) {
          const id = cycles.length;
          cycleOf[v] = id;
          cycles.push(orderCycle([v], start, target, cycleOf, id));
        }
        continue;
      }
      const members: number[] = [];
      let w: number;
      do {
        w = stack[--sp];
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      const id = cycles.length;
      for (const m of members) cycleOf[m] = id;
      cycles.push(orderCycle(members, start, target, cycleOf, id));
    }
  }
  return { cycles, cycleOf };
}

/** Walks parent links inside a component from its first goal until it comes back, for the R4 message. */
function orderCycle(members: number[], start: Int32Array, target: Int32Array, cycleOf: Int32Array, id: number): number[] {
  let first = members[0];
  for (const m of members) if (m < first) first = m;
  const seen = new Map<number, number>();
  const path: number[] = [];
  let v = first;
  while (!seen.has(v)) {
    seen.set(v, path.length);
    path.push(v);
    let next = -1;
    for (let e = start[v]; e < start[v + 1]; e++) {
      if (cycleOf[target[e]] === id) {
        next = target[e];
        break;
      }
    }
    if (next < 0) break;
    v = next;
  }
  const from = seen.get(v) ?? 0;
  const loop = path.slice(from);
  // Members of the component not on this loop are still on a cycle through it.
  if (loop.length < members.length) {
    const inLoop = new Set(loop);
    for (const m of members) if (!inLoop.has(m)) loop.push(m);
  }
  return loop;
}

// ---------------------------------------------------------------------------
// The roll-up over goals held column-wise: no object per goal or link, so that
// 100,000 goals take milliseconds, not a garbage collector's worth of them.
// ---------------------------------------------------------------------------

/** Roll-up modes in `computeFlatRollup`'s `mode` column. */
export const FLAT_WEIGHTED = 0;
export const FLAT_WORST = 1;
export const FLAT_OWN = 2;
export const FLAT_SUM = 3;
export const FLAT_MODE: Readonly<Record<RollupMode, number>> = { Weighted: FLAT_WEIGHTED, Worst: FLAT_WORST, Own: FLAT_OWN, Sum: FLAT_SUM };

/**
 * Goals column-wise, for `resolveFlatLinks`. The parent refs of goal i are entries
 * `refStart[i]` … `refStart[i + 1] - 1` of `refKeys` and `refShares`.
 */
export interface FlatGoals {
  /** Upper-cased ID of each goal; null when blank. */
  keys: readonly (string | null)[];
  refStart: Int32Array;
  /** Upper-cased ID of each parent as written. */
  refKeys: readonly string[];
  /** Stated share of each ref as a fraction, NaN when none was written (a written share is never NaN). */
  refShares: readonly number[];
  /** Weight of each goal, NaN when blank (the weight rule treats both alike). */
  weights: Float64Array;
}

/**
 * Resolved links column-wise: the links of goal i (to its parents) are
 * `linkStart[i]` … `linkStart[i + 1] - 1`; the children of goal g are the links
 * `childLink[childStart[g]]` … in child order, as `resolveLinks` lists them.
 */
export interface FlatLinks {
  indexOf: Map<string, number>;
  /** For each goal, the first goal with its key (itself when it is the first); -1 without a key. */
  firstOf: Int32Array;
  /** Number of links. */
  count: number;
  linkStart: Int32Array;
  linkParent: Int32Array;
  linkShare: Float64Array;
  /** The child's weight among its siblings, relative to the largest (= 1). */
  linkWeight: Float64Array;
  linkChild: Int32Array;
  childStart: Int32Array;
  childLink: Int32Array;
  /** Parent IDs that name no goal (rule R1), in goal and then Parent ID order. */
  unknownParents: { node: number; key: string }[];
  /** Goals whose stated shares do not total 100 % (rule R5), with the total. */
  badShares: { node: number; total: number }[];
  cycles: number[][];
  cycleOf: Int32Array;
}

/** Resolves Parent IDs to goals: shares, sibling weights, unknown parents, cycles. */
export function resolveFlatLinks(goals: FlatGoals): FlatLinks {
  // One small function per step, so that each is compiled early and on its own.
  const { indexOf, firstOf } = indexKeys(goals.keys);
  const resolved = resolveRefs(indexOf, firstOf, goals);
  const links = linkRefs(goals, resolved);
  const children = childLists(links);
  const linkWeight = siblingWeights(goals.weights, links, children);
  const { cycles, cycleOf } = findCyclesFlat(links.linkStart, links.linkParent.subarray(0, links.count));
  return { indexOf, firstOf, ...links, ...children, linkWeight, cycles, cycleOf };
}

/** Each key's first goal; and for each goal, the first goal with its key (-1 for none). */
function indexKeys(keys: readonly (string | null)[]): { indexOf: Map<string, number>; firstOf: Int32Array } {
  const n = keys.length;
  const indexOf = new Map<string, number>();
  const firstOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k === null) {
      firstOf[i] = -1;
      continue;
    }
    const first = indexOf.get(k);
    if (first === undefined) {
      indexOf.set(k, i);
      firstOf[i] = i;
    } else firstOf[i] = first;
  }
  return { indexOf, firstOf };
}

/**
 * The goal each ref names (the first goal with that ID), -1 when none. Goals are mostly
 * listed under their parents: the row above, and its first parent, grandparent … (a few
 * steps) are tried before the table of IDs.
 */
function resolveRefs(indexOf: Map<string, number>, firstOf: Int32Array, goals: FlatGoals): Int32Array {
  const { refKeys, refStart, keys } = goals;
  const resolved = new Int32Array(refKeys.length);
  for (let i = 0; i < keys.length; i++) {
    for (let r = refStart[i]; r < refStart[i + 1]; r++) {
      const key = refKeys[r];
      let found = -1;
      let c = i - 1;
      for (let step = 0; step < 8 && c >= 0; step++) {
        if (keys[c] === key && firstOf[c] === c) {
          found = c;
          break;
        }
        // Up to the row's first parent, if it has one.
        c = refStart[c + 1] > refStart[c] ? resolved[refStart[c]] : -1;
      }
      resolved[r] = found >= 0 ? found : (indexOf.get(key) ?? -1);
    }
  }
  return resolved;
}

/**
 * The goals that share an ID with an earlier goal (D1), by the first goal with that ID:
 * `[first, repeat, repeat …]` in row order. Only repeated IDs make a list.
 */
export function repeatedIds(firstOf: Int32Array): Map<number, number[]> {
  const repeats = new Map<number, number[]>();
  for (let i = 0; i < firstOf.length; i++) {
    // -1: a goal without an ID.
    const first = firstOf[i];
    if (first < 0 || first === i) continue;
    const list = repeats.get(first);
    if (list) list.push(i);
    else repeats.set(first, [first, i]);
  }
  return repeats;
}

/** Links with shares; a parent named twice is one link with the shares added. */
function linkRefs(
  goals: FlatGoals,
  resolved: Int32Array,
): Pick<FlatLinks, "count" | "linkStart" | "linkParent" | "linkShare" | "linkChild" | "unknownParents" | "badShares"> {
  const { refStart, refShares, refKeys } = goals;
  const unknownParents: { node: number; key: string }[] = [];
  const badShares: { node: number; total: number }[] = [];
  const n = goals.keys.length;
  const refs = resolved.length;
  const linkStart = new Int32Array(n + 1);
  const linkParent = new Int32Array(refs);
  const linkShare = new Float64Array(refs);
  const linkChild = new Int32Array(refs);
  let links = 0;
  for (let i = 0; i < n; i++) {
    linkStart[i] = links;
    const from = refStart[i];
    const to = refStart[i + 1];
    if (from === to) continue;
    let anyShare = false;
    for (let r = from; r < to; r++) if (!Number.isNaN(refShares[r])) anyShare = true;
    let total = 0;
    if (anyShare) for (let r = from; r < to; r++) total += Number.isNaN(refShares[r]) ? 0 : refShares[r];
    const badTotal = anyShare && Math.abs(total - 1) > 0.005;
    if (badTotal) badShares.push({ node: i, total });
    let known = 0;
    for (let r = from; r < to; r++) {
      if (resolved[r] >= 0) known++;
      else unknownParents.push({ node: i, key: refKeys[r] });
    }
    const divisor = anyShare ? (badTotal ? total : 1) : known;
    for (let r = from; r < to; r++) {
      const p = resolved[r];
      if (p < 0) continue;
      const stated = anyShare ? (Number.isNaN(refShares[r]) ? 0 : refShares[r]) : 1;
      const share = divisor > 0 ? stated / divisor : 0;
      let existing = -1;
      for (let l = linkStart[i]; l < links; l++) {
        if (linkParent[l] === p) {
          existing = l;
          break;
        }
      }
      if (existing >= 0) linkShare[existing] += share;
      else {
        linkParent[links] = p;
        linkShare[links] = share;
        linkChild[links] = i;
        links++;
      }
    }
  }
  linkStart[n] = links;
  return { count: links, linkStart, linkParent, linkShare, linkChild, unknownParents, badShares };
}

/** The children of each goal, in child order, as link numbers. */
function childLists(links: { count: number; linkStart: Int32Array; linkParent: Int32Array }): { childStart: Int32Array; childLink: Int32Array } {
  const n = links.linkStart.length - 1;
  const { count, linkParent } = links;
  const childStart = new Int32Array(n + 1);
  for (let l = 0; l < count; l++) childStart[linkParent[l] + 1]++;
  for (let g = 0; g < n; g++) childStart[g + 1] += childStart[g];
  const childLink = new Int32Array(count);
  const next = childStart.slice(0, n);
  for (let l = 0; l < count; l++) childLink[next[linkParent[l]]++] = l;
  return { childStart, childLink };
}

/** Sibling weights, per parent: the weight rule (weights.ts) over the children's weights, relative, per link. */
function siblingWeights(
  weights: Float64Array,
  links: { count: number; linkChild: Int32Array },
  children: { childStart: Int32Array; childLink: Int32Array },
): Float64Array {
  const { linkChild } = links;
  const { childStart, childLink } = children;
  const n = childStart.length - 1;
  const linkWeight = new Float64Array(links.count);
  const room = new WeightBuffer();
  for (let g = 0; g < n; g++) {
    const from = childStart[g];
    const to = childStart[g + 1];
    if (from === to) continue;
    const w = room.room(to - from);
    for (let j = from; j < to; j++) w[j - from] = weights[linkChild[childLink[j]]];
    const scale = weightScale(applyWeightRule(w, to - from));
    for (let j = from; j < to; j++) linkWeight[childLink[j]] = w[j - from] / scale;
  }
  return linkWeight;
}

/** R(g) and coverage per goal (NaN where there is none), and for Sum goals the summed Actual. */
export interface FlatRollup {
  /** R(g); NaN when no data, blocked or on a cycle. */
  rolledUp: Float64Array;
  /** Weight with data ÷ weight of all children; NaN for a goal whose children weigh nothing. */
  coverage: Float64Array;
  /** 1 when R(g) came from the goal's children. */
  fromChildren: Uint8Array;
  /** In Sum mode with children that have data: the summed Actual; else NaN. */
  sumActual: Float64Array;
}

/**
 * R(g), coverage and Sum actuals over flat links, children before parents (Kahn),
 * cycle members left out. `mode` holds FLAT_WEIGHTED, FLAT_WORST, FLAT_OWN or FLAT_SUM,
 * `score` the own Score (NaN for no data), `blocked` 1 for a blocked goal. Sum needs
 * `sum`: each goal's numeric Actual (NaN for none) and `sumScore(i, actual)`, the Score
 * of goal i with its Actual replaced by `actual`.
 */
export function computeFlatRollup(
  links: FlatLinks,
  mode: Uint8Array,
  score: Float64Array,
  blocked: Uint8Array,
  sum?: { actual: Float64Array; sumScore: (index: number, actual: number) => number | null },
): FlatRollup {
  const { linkStart, linkParent, linkShare, linkWeight, linkChild, childStart, childLink, cycleOf } = links;
  const n = cycleOf.length;
  const rolledUp = new Float64Array(n).fill(NaN);
  const coverage = new Float64Array(n).fill(NaN);
  const fromChildren = new Uint8Array(n);
  const sumActual = new Float64Array(n).fill(NaN);
  const pending = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    if (cycleOf[c] >= 0) continue;
    for (let l = linkStart[c]; l < linkStart[c + 1]; l++) if (cycleOf[linkParent[l]] < 0) pending[linkParent[l]]++;
  }
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (cycleOf[i] < 0 && pending[i] === 0) queue[tail++] = i;
  while (head < tail) {
    const g = queue[head++];
    const own = blocked[g] ? NaN : score[g];
    const from = childStart[g];
    const to = childStart[g + 1];
    const m = mode[g];
    if (from === to || m === FLAT_OWN) {
      rolledUp[g] = own;
      coverage[g] = Number.isNaN(own) ? 0 : 1;
    } else {
      // Coverage: the weight × share of the children with data, over that of all children.
      let all = 0;
      for (let j = from; j < to; j++) all += linkWeight[childLink[j]] * linkShare[childLink[j]];
      let withData = 0;
      let value = NaN;
      if (m === FLAT_SUM) {
        // The children's Actuals, each its own summed Actual when it has one, else its Actual cell.
        let total = 0;
        let any = false;
        for (let j = from; j < to; j++) {
          const l = childLink[j];
          const c = linkChild[l];
          if (cycleOf[c] >= 0 || blocked[c]) continue;
          let a = sumActual[c];
          if (Number.isNaN(a)) {
            a = sum ? sum.actual[c] : NaN;
            if (!Number.isFinite(a)) continue;
          }
          withData += linkWeight[l] * linkShare[l];
          total += linkShare[l] * a;
          any = true;
        }
        // With children's Actuals, Rolled Up is the Score of their sum.
        if (any && sum && !blocked[g]) {
          sumActual[g] = total;
          const sc = sum.sumScore(g, total);
          value = sc === null ? NaN : sc;
          fromChildren[g] = 1;
        }
      } else {
        const worstMode = m === FLAT_WORST;
        let num = 0;
        let den = 0;
        let worst = Infinity;
        let any = false;
        for (let j = from; j < to; j++) {
          const l = childLink[j];
          const c = linkChild[l];
          const r = cycleOf[c] >= 0 ? NaN : rolledUp[c];
          if (Number.isNaN(r)) continue;
          // Worst: the minimum over every child with data, whatever its weight.
          if (r < worst) worst = r;
          if (worstMode) any = true;
          const wa = linkWeight[l] * linkShare[l];
          if (!(wa > 0)) continue;
          withData += wa;
          num += wa * r;
          den += wa;
          any = true;
        }
        if (any && !blocked[g]) {
          value = worstMode ? worst : num / den;
          fromChildren[g] = 1;
        }
      }
      coverage[g] = all > 0 ? withData / all : NaN;
      // Without children's data (or when blocked): the goal's own Score (NaN when blocked).
      if (!blocked[g]) rolledUp[g] = fromChildren[g] === 1 ? value : own;
    }
    for (let l = linkStart[g]; l < linkStart[g + 1]; l++) {
      const p = linkParent[l];
      if (cycleOf[p] >= 0) continue;
      if (--pending[p] === 0) queue[tail++] = p;
    }
  }
  return { rolledUp, coverage, fromChildren, sumActual };
}
