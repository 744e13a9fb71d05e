/**
 * Cascade roll-up (scoring.md): children, attribution shares, cycles, Weighted /
 * Worst / Sum / Own, coverage. Iterative throughout (no recursion depth limit) and
 * linear in goals plus links.
 */
import { RollupMode } from "./columns";

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
}

/**
 * Resolves links and computes the roll-up. `sumScore(i, actual)` gives the Score of
 * goal i with its Actual replaced by `actual` (used by Sum mode).
 */
export function rollup(
  nodes: readonly RollupNode[],
  sumScore: (index: number, actual: number) => number | null = (i) => nodes[i].score,
): RollupResult {
  const graph = resolveLinks(nodes);
  return { ...graph, ...computeRollup(graph, nodes, sumScore) };
}

/** Resolves Parent IDs to goals: shares, sibling weights, unknown parents, cycles. */
export function resolveLinks(nodes: readonly Pick<RollupNode, "key" | "parents" | "weight">[]): LinkGraph {
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = nodes[i].key;
    if (k !== null && !indexOf.has(k)) indexOf.set(k, i);
  }

  // Resolve parent links with shares. Each link is made once, the child's; its parent lists it
  // as `back`. Arrays are sized up front and no temporary lists are made per goal.
  const parentsOf: Link[][] = new Array(n);
  const unknownParents: { node: number; key: string }[] = [];
  const badShares: { node: number; total: number }[] = [];
  const childCount = new Int32Array(n);
  /** Resolved parent index of each of one goal's refs, -1 when unknown (reused). */
  let resolved = new Int32Array(4);
  for (let i = 0; i < n; i++) {
    const refs = nodes[i].parents;
    const m = refs.length;
    if (m === 0) {
      parentsOf[i] = [];
      continue;
    }
    let anyShare = false;
    for (let k = 0; k < m; k++) if (refs[k].share !== null) anyShare = true;
    let total = 0;
    if (anyShare) for (let k = 0; k < m; k++) total += refs[k].share ?? 0;
    const badTotal = anyShare && Math.abs(total - 1) > 0.005;
    if (badTotal) badShares.push({ node: i, total });
    if (resolved.length < m) resolved = new Int32Array(m);
    let known = 0;
    for (let k = 0; k < m; k++) {
      const key = refs[k].key;
      const p = indexOf.get(key);
      if (p === undefined) {
        unknownParents.push({ node: i, key });
        resolved[k] = -1;
      } else {
        resolved[k] = p;
        known++;
      }
    }
    const divisor = anyShare ? (badTotal ? total : 1) : known;
    const links: Link[] = [];
    for (let k = 0; k < m; k++) {
      const p = resolved[k];
      if (p < 0) continue;
      const stated = anyShare ? refs[k].share ?? 0 : 1;
      const share = divisor > 0 ? stated / divisor : 0;
      let existing: Link | undefined;
      for (let j = 0; j < links.length; j++) {
        if (links[j].node === p) {
          existing = links[j];
          break;
        }
      }
      if (existing) existing.share += share;
      else {
        links.push({ node: p, share, weight: 0 });
        childCount[p]++;
      }
    }
    parentsOf[i] = links;
  }
  const childrenOf: Link[][] = new Array(n);
  for (let g = 0; g < n; g++) childrenOf[g] = childCount[g] === 0 ? [] : new Array<Link>(childCount[g]);
  const filled = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const links = parentsOf[i];
    for (let j = 0; j < links.length; j++) {
      const l = links[j];
      childrenOf[l.node][filled[l.node]++] = { node: i, share: l.share, weight: 0, back: l };
    }
  }

  // Sibling weights, per parent: relativeWeights(effectiveWeights(the children's weights)), without the arrays.
  for (let g = 0; g < n; g++) {
    const kids = childrenOf[g];
    const m = kids.length;
    if (m === 0) continue;
    let mean = 0;
    let set = 0;
    for (let j = 0; j < m; j++) {
      const w = nodes[kids[j].node].weight;
      if (w !== null && Number.isFinite(w) && w >= 0) {
        set++;
        mean += (w - mean) / set;
      }
    }
    const fill = set === 0 ? 1 : mean;
    let max = 0;
    for (let j = 0; j < m; j++) {
      const w = nodes[kids[j].node].weight;
      const e = w !== null && Number.isFinite(w) && w >= 0 ? w : fill;
      if (e > max) max = e;
    }
    const relative = max > 0 && Number.isFinite(max);
    for (let j = 0; j < m; j++) {
      const w = nodes[kids[j].node].weight;
      const e = w !== null && Number.isFinite(w) && w >= 0 ? w : fill;
      const r = relative ? e / max : e;
      kids[j].weight = r;
      const back = kids[j].back;
      if (back) back.weight = r;
    }
  }

  const { cycles, cycleOf } = findCycles(parentsOf);
  return { indexOf, parentsOf, childrenOf, unknownParents, badShares, cycles, cycleOf };
}

/** R(g), coverage and Sum actuals over resolved links, children before parents. */
export function computeRollup(
  graph: LinkGraph,
  nodes: readonly RollupNode[],
  sumScore: (index: number, actual: number) => number | null,
): RollupValues {
  const n = nodes.length;
  const { parentsOf, childrenOf, cycleOf } = graph;
  // Children before parents (Kahn), cycle members left out.
  const pending = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    if (cycleOf[c] >= 0) continue;
    for (const l of parentsOf[c]) if (cycleOf[l.node] < 0) pending[l.node]++;
  }
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (cycleOf[i] < 0 && pending[i] === 0) queue[tail++] = i;

  const rolledUp: (number | null)[] = new Array<number | null>(n).fill(null);
  const coverage: (number | null)[] = new Array<number | null>(n).fill(null);
  const fromChildren: boolean[] = new Array<boolean>(n).fill(false);
  const sumActual: (number | null)[] = new Array<number | null>(n).fill(null);

  while (head < tail) {
    const g = queue[head++];
    computeNode(g);
    for (const l of parentsOf[g]) {
      if (cycleOf[l.node] >= 0) continue;
      if (--pending[l.node] === 0) queue[tail++] = l.node;
    }
  }

  function actualPrime(c: number): number | null {
    if (cycleOf[c] >= 0 || nodes[c].blocked) return null;
    if (sumActual[c] !== null) return sumActual[c];
    const a = nodes[c].actual;
    return a === undefined || a === null || !Number.isFinite(a) ? null : a;
  }

  function computeNode(g: number): void {
    const node = nodes[g];
    const kids = childrenOf[g];
    const own = node.blocked ? null : node.score;
    if (kids.length === 0 || node.mode === "Own") {
      rolledUp[g] = own;
      coverage[g] = own === null ? 0 : 1;
      return;
    }
    let all = 0;
    let withData = 0;
    if (node.mode === "Sum") {
      let sum = 0;
      let any = false;
      for (const c of kids) {
        const wa = c.weight * c.share;
        all += wa;
        const a = actualPrime(c.node);
        if (a === null) continue;
        withData += wa;
        sum += c.share * a;
        any = true;
      }
      coverage[g] = all > 0 ? withData / all : null;
      if (node.blocked) return;
      if (!any) {
        rolledUp[g] = own;
        return;
      }
      sumActual[g] = sum;
      rolledUp[g] = sumScore(g, sum);
      fromChildren[g] = true;
      return;
    }
    let num = 0;
    let den = 0;
    let worst = Infinity;
    let any = false;
    for (const c of kids) {
      const wa = c.weight * c.share;
      all += wa;
      const r = cycleOf[c.node] >= 0 ? null : rolledUp[c.node];
      if (r === null) continue;
      // Worst: the minimum over every child with data, whatever its weight.
      if (r < worst) worst = r;
      if (node.mode === "Worst") any = true;
      if (!(wa > 0)) continue;
      withData += wa;
      num += wa * r;
      den += wa;
      any = true;
    }
    coverage[g] = all > 0 ? withData / all : null;
    if (node.blocked) return;
    if (!any) {
      rolledUp[g] = own;
      return;
    }
    rolledUp[g] = node.mode === "Worst" ? worst : num / den;
    fromChildren[g] = true;
  }

  return { rolledUp, coverage, fromChildren, sumActual };
}

/**
 * Strongly connected components of the child → parent graph (iterative Tarjan).
 * A component of two or more goals, or a goal that is its own parent, is a cycle.
 */
export function findCycles(parentsOf: readonly (readonly { node: number }[])[]): { cycles: number[][]; cycleOf: Int32Array } {
  const n = parentsOf.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const cycleOf = new Int32Array(n).fill(-1);
  const cycles: number[][] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    callNode.push(root);
    callEdge.push(0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top];
      const edges = parentsOf[v];
      if (callEdge[top] < edges.length) {
        const w = edges[callEdge[top]++].node;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(0);
        } else if (onStack[w]) {
          if (index[w] < low[v]) low[v] = index[w];
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const u = callNode[callNode.length - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
      if (low[v] === index[v]) {
        if (stack[stack.length - 1] === v) {
          // A component of one goal (the usual case): a cycle only when the goal is its own parent.
          stack.pop();
          onStack[v] = 0;
          let selfLoop = false;
          for (let k = 0; k < edges.length; k++) if (edges[k].node === v) selfLoop = true;
          if (selfLoop) {
            const id = cycles.length;
            cycleOf[v] = id;
            cycles.push(orderCycle([v], parentsOf, cycleOf, id));
          }
          continue;
        }
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          members.push(w);
        } while (w !== v);
        const selfLoop = members.length === 1 && parentsOf[v].some((l) => l.node === v);
        if (members.length > 1 || selfLoop) {
          const id = cycles.length;
          for (const m of members) cycleOf[m] = id;
          cycles.push(orderCycle(members, parentsOf, cycleOf, id));
        }
      }
    }
  }
  return { cycles, cycleOf };
}

/** Walks parent links inside a component from its first goal until it comes back, for the R4 message. */
function orderCycle(members: number[], parentsOf: readonly (readonly { node: number }[])[], cycleOf: Int32Array, id: number): number[] {
  let start = members[0];
  for (const m of members) if (m < start) start = m;
  const seen = new Map<number, number>();
  const path: number[] = [];
  let v = start;
  while (!seen.has(v)) {
    seen.set(v, path.length);
    path.push(v);
    const next = parentsOf[v].find((l) => cycleOf[l.node] === id);
    if (!next) break;
    v = next.node;
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
