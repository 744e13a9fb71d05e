/**
 * The cascade roll-up (scoring.md "Cascade roll-up") against a naive recursive
 * computation written here straight from the spec's table:
 *
 * - children of g: the goals whose Parent ID names g; a(c, g) = 1 for a single parent,
 *   1/k for k parents without shares, the stated share otherwise (a parent listed
 *   without one has share 0 when another has one; totals off 100 % are divided by the total);
 * - sibling weights: all blank → 1 each; some set → a blank (or negative) one is the
 *   mean of the set ones;
 * - Own / no children → Score(g); Weighted → Σ w·a·R / Σ w·a over children with data and
 *   w·a > 0; Worst → min over children with data; Sum → Score of g with
 *   Actual := Σ a·Actual′(c); when no child has data → Score(g);
 * - coverage = Σ w·a of children with data ÷ Σ w·a of all children (null when 0); 1 or 0
 *   for a goal without children or with Rollup = Own;
 * - blocked goals and alignment-cycle members have no Rolled Up and count as no data.
 *
 * Reading taken where the table is silent: in Weighted mode, children whose w·a is 0
 * do not count as "a child with data" (otherwise Σ w·a·R / Σ w·a would be 0/0).
 */
import fc from "fast-check";
import { ROLLUP_MODES } from "../../../src/core/columns";
import { RollupNode, findCycles, rollup } from "../../../src/core/rollup";

const EPS = 1e-9;
const sumScore = (_i: number, a: number): number => a / 100;

// ----------------------------------------------------------------- generators

const weightArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(-1, -0.5) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 2, arbitrary: fc.double({ min: 0.01, max: 100, noNaN: true }) },
);

type ShareMode = "none" | "exact" | "off" | "partial";

/** One goal before its ID and links are fixed: what it is and how it picks parents. */
const specArb = fc.record({
  keyKind: fc.oneof({ weight: 12, arbitrary: fc.constant("own" as const) }, { weight: 1, arbitrary: fc.constantFrom("blank" as const, "dup" as const) }),
  weight: weightArb,
  mode: fc.constantFrom(...ROLLUP_MODES),
  score: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }) }),
  blocked: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  actual: fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.integer({ min: -50, max: 100 }) },
    { weight: 1, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
  ),
  /** How many parents (among earlier goals), which ones, and how shares are written. */
  count: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  shareMode: fc.constantFrom<ShareMode>("none", "none", "exact", "off", "partial"),
  raw: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
  unknown: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** A forest/DAG: parents only among lower-index goals, so no cycles. */
const forestArb: fc.Arbitrary<RollupNode[]> = fc.array(specArb, { minLength: 1, maxLength: 24 }).map((specs) => {
  const keys = specs.map((s, i) => (s.keyKind === "own" ? `N${i}` : s.keyKind === "dup" ? "DUP" : null));
  return specs.map((s, i): RollupNode => {
    // Keys the goal may name: earlier goals' keys, each once.
    const earlier = [...new Set(keys.slice(0, i).filter((k): k is string => k !== null))];
    const chosen: string[] = [];
    for (const p of s.picks) {
      if (chosen.length >= Math.min(s.count, earlier.length)) break;
      const k = earlier[p % earlier.length];
      if (!chosen.includes(k)) chosen.push(k);
    }
    let parents: { key: string; share: number | null }[];
    if (chosen.length === 0) parents = s.unknown ? [{ key: "NOPE", share: null }] : [];
    else if (s.shareMode === "none" || (chosen.length === 1 && s.shareMode === "partial")) {
      parents = chosen.map((key) => ({ key, share: null }));
      // A Parent ID naming no goal is dropped (R1); k counts the known parents.
      if (s.unknown) parents.push({ key: "NOPE", share: null });
    } else if (s.shareMode === "exact") {
      const raw = chosen.map((_, j) => s.raw[j] + 1);
      const tot = raw.reduce((a, b) => a + b, 0);
      parents = chosen.map((key, j) => ({ key, share: raw[j] / tot }));
    } else if (s.shareMode === "off") {
      parents = chosen.map((key, j) => ({ key, share: s.raw[j] / 100 }));
    } else {
      parents = chosen.map((key, j) => ({ key, share: j === 0 ? null : s.raw[j] / 100 }));
    }
    return { key: keys[i], parents, weight: s.weight, mode: s.mode, score: s.score, blocked: s.blocked, actual: s.actual };
  });
});

/** Adds extra Parent ID links anywhere (including to itself), which may close cycles. */
const cyclicArb: fc.Arbitrary<RollupNode[]> = forestArb.chain((nodes) =>
  fc.array(fc.tuple(fc.nat({ max: nodes.length - 1 }), fc.nat({ max: nodes.length - 1 })), { minLength: 1, maxLength: 4 }).map((extra) => {
    const out = nodes.map((n) => ({ ...n, parents: [...n.parents] }));
    for (const [child, parent] of extra) {
      const key = out[parent].key;
      if (key === null || out[child].parents.some((p) => p.key === key)) continue;
      // Without a share: 1/k with the others, or share 0 when the others have shares.
      out[child].parents.push({ key, share: null });
    }
    return out;
  }),
);

// ------------------------------------------------------------ the naive model

interface Naive {
  rolledUp: (number | null)[];
  coverage: (number | null)[];
  cycleMembers: Set<number>;
  sccs: number[][];
}

function naiveWeights(ws: (number | null)[]): number[] {
  const set = ws.filter((w): w is number => w !== null && w >= 0);
  const fill = set.length === 0 ? 1 : set.reduce((a, b) => a + b, 0) / set.length;
  return ws.map((w) => (w !== null && w >= 0 ? w : fill));
}

function naive(nodes: readonly RollupNode[], score: (i: number, a: number) => number | null): Naive {
  const n = nodes.length;
  const first = new Map<string, number>();
  nodes.forEach((nd, i) => {
    if (nd.key !== null && !first.has(nd.key)) first.set(nd.key, i);
  });

  // a(c, g) for every resolved link.
  const kids: { c: number; a: number; w: number }[][] = nodes.map(() => []);
  const parentsOf: number[][] = nodes.map(() => []);
  nodes.forEach((nd, c) => {
    const known = nd.parents.filter((r) => first.has(r.key));
    const stated = nd.parents.some((r) => r.share !== null);
    const total = nd.parents.reduce((s, r) => s + (r.share ?? 0), 0);
    const divisor = stated && Math.abs(total - 1) > 0.005 ? total : 1;
    for (const r of known) {
      const g = first.get(r.key) as number;
      const a = !stated ? 1 / known.length : divisor === 0 ? 0 : (r.share ?? 0) / divisor;
      kids[g].push({ c, a, w: 0 });
      parentsOf[c].push(g);
    }
  });
  kids.forEach((list) => {
    const eff = naiveWeights(list.map((k) => nodes[k.c].weight));
    list.forEach((k, j) => (k.w = eff[j]));
  });

  // Cycles: strongly connected components by plain reachability.
  const reach: boolean[][] = nodes.map((_, s) => {
    const seen = new Array<boolean>(n).fill(false);
    const todo = [...parentsOf[s]];
    while (todo.length > 0) {
      const v = todo.pop() as number;
      if (seen[v]) continue;
      seen[v] = true;
      todo.push(...parentsOf[v]);
    }
    return seen;
  });
  const cycleMembers = new Set<number>();
  const sccs: number[][] = [];
  const placed = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (placed.has(i) || !reach[i][i]) continue;
    const comp = [];
    for (let j = 0; j < n; j++) if (j === i || (reach[i][j] && reach[j][i])) comp.push(j);
    comp.forEach((j) => {
      placed.add(j);
      cycleMembers.add(j);
    });
    sccs.push(comp);
  }

  const own = (g: number): number | null => (nodes[g].blocked ? null : nodes[g].score);
  const memoR = new Map<number, number | null>();
  const memoA = new Map<number, number | null>();

  function actualPrime(c: number): number | null {
    if (memoA.has(c)) return memoA.get(c) as number | null;
    let v: number | null;
    if (cycleMembers.has(c) || nodes[c].blocked) v = null;
    else {
      const s = nodes[c].mode === "Sum" ? sumOf(c) : null;
      v = s ?? nodes[c].actual ?? null;
    }
    memoA.set(c, v);
    return v;
  }

  function sumOf(g: number): number | null {
    const data = kids[g].filter((k) => actualPrime(k.c) !== null);
    if (data.length === 0) return null;
    return data.reduce((s, k) => s + k.a * (actualPrime(k.c) as number), 0);
  }

  function R(g: number): number | null {
    if (memoR.has(g)) return memoR.get(g) as number | null;
    let v: number | null;
    const mode = nodes[g].mode;
    if (cycleMembers.has(g) || nodes[g].blocked) v = null;
    else if (kids[g].length === 0 || mode === "Own") v = own(g);
    else if (mode === "Sum") {
      const s = sumOf(g);
      v = s === null ? own(g) : score(g, s);
    } else if (mode === "Worst") {
      const rs = kids[g].map((k) => R(k.c)).filter((r): r is number => r !== null);
      v = rs.length === 0 ? own(g) : Math.min(...rs);
    } else {
      const data = kids[g].filter((k) => R(k.c) !== null && k.w * k.a > 0);
      if (data.length === 0) v = own(g);
      else {
        const num = data.reduce((s, k) => s + k.w * k.a * (R(k.c) as number), 0);
        const den = data.reduce((s, k) => s + k.w * k.a, 0);
        v = num / den;
      }
    }
    memoR.set(g, v);
    return v;
  }

  function coverage(g: number): number | null {
    if (cycleMembers.has(g)) return null;
    if (kids[g].length === 0 || nodes[g].mode === "Own") return own(g) === null ? 0 : 1;
    const hasData = (c: number): boolean => (nodes[g].mode === "Sum" ? actualPrime(c) !== null : R(c) !== null);
    const all = kids[g].reduce((s, k) => s + k.w * k.a, 0);
    const withData = kids[g].reduce((s, k) => s + (hasData(k.c) ? k.w * k.a : 0), 0);
    return all > 0 ? withData / all : null;
  }

  return { rolledUp: nodes.map((_, g) => R(g)), coverage: nodes.map((_, g) => coverage(g)), cycleMembers, sccs };
}

// ----------------------------------------------------------------- comparing

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(b));
}

function compare(nodes: RollupNode[]): void {
  const got = rollup(nodes, sumScore);
  const want = naive(nodes, sumScore);
  for (let g = 0; g < nodes.length; g++) {
    if (want.cycleMembers.has(g)) {
      if (got.rolledUp[g] !== null) throw new Error(`node ${g} is on a cycle but rolledUp = ${got.rolledUp[g]}`);
      continue;
    }
    if (!close(got.rolledUp[g], want.rolledUp[g])) throw new Error(`node ${g} (${nodes[g].mode}): rolledUp ${got.rolledUp[g]}, naive ${want.rolledUp[g]}`);
    if (!close(got.coverage[g], want.coverage[g])) throw new Error(`node ${g} (${nodes[g].mode}): coverage ${got.coverage[g]}, naive ${want.coverage[g]}`);
  }
  const norm = (cs: number[][]) => cs.map((c) => [...c].sort((a, b) => a - b).join(",")).sort();
  expect(norm(got.cycles)).toEqual(norm(want.sccs));
}

// --------------------------------------------------------------------- tests

describe("roll-up equals the naive computation from scoring.md", () => {
  test("random forests and DAGs (shares, multiple parents, all modes, blanks, blocked goals)", () => {
    fc.assert(
      fc.property(forestArb, (nodes) => {
        compare(nodes);
      }),
      { seed: 424242, numRuns: 1000 },
    );
  });

  test("with alignment cycles: members have no Rolled Up and are reported; others as if a cycle child had no data", () => {
    fc.assert(
      fc.property(cyclicArb, (nodes) => {
        compare(nodes);
      }),
      { seed: 737373, numRuns: 1000 },
    );
  });
});

describe("extreme weights", () => {
  test("1e308 and 5e-324 sibling weights: Weighted R stays between its children's, coverage in [0, 1]", () => {
    const extreme = fc.constantFrom(1e308, 1.7976931348623157e308, 1e300, 5e-324, 1e-310, 1, null);
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.double({ min: 0, max: 1.5, noNaN: true }), weight: extreme }), { minLength: 1, maxLength: 5 }), (kids) => {
        const nodes: RollupNode[] = [
          { key: "P", parents: [], weight: null, mode: "Weighted", score: null },
          ...kids.map((k, i) => ({ key: `C${i}`, parents: [{ key: "P", share: null }], weight: k.weight, mode: "Weighted" as const, score: k.score })),
        ];
        const r = rollup(nodes);
        const rs = kids.map((k) => k.score);
        const R = r.rolledUp[0];
        const cov = r.coverage[0];
        if (R === null || !Number.isFinite(R) || R < Math.min(...rs) - EPS || R > Math.max(...rs) + EPS)
          throw new Error(`R(P) = ${R}, children ${rs.join(", ")}`);
        if (cov === null || !(cov >= 0 && cov <= 1)) throw new Error(`coverage(P) = ${cov}`);
      }),
      { seed: 919191, numRuns: 300 },
    );
  });
});

describe("scale: no recursion depth limit, one pass", () => {
  const N = 200_000;

  test(`a chain of ${N} goals (each the child of the previous) rolls up`, () => {
    // Weighted chain: every goal takes the leaf's score.
    const nodes: RollupNode[] = Array.from({ length: N }, (_, i) => ({
      key: `G-${i}`,
      parents: i === 0 ? [] : [{ key: `G-${i - 1}`, share: null }],
      weight: null,
      mode: "Weighted",
      score: i === N - 1 ? 0.75 : 0.1,
      actual: null,
    }));
    const r = rollup(nodes);
    expect(r.cycles).toEqual([]);
    expect(r.rolledUp.every((v) => v === 0.75)).toBe(true);
    expect(r.coverage.every((v) => v === 1)).toBe(true);
  });

  test(`a Sum chain of ${N} goals listed leaf first: each goal is computed exactly once`, () => {
    const nodes: RollupNode[] = Array.from({ length: N }, (_, i) => ({
      key: `G-${i}`,
      parents: i === N - 1 ? [] : [{ key: `G-${i + 1}`, share: null }],
      weight: 1,
      mode: "Sum",
      score: null,
      actual: i === 0 ? 7 : 1000,
    }));
    const calls = new Uint32Array(N);
    const r = rollup(nodes, (i, a) => {
      calls[i]++;
      return a / 100;
    });
    // Actual′ of each Sum goal is its own Sum, so 7 travels all the way up.
    expect(r.rolledUp[0]).toBeNull(); // leaf without score
    expect(r.rolledUp.slice(1).every((v) => v === 0.07)).toBe(true);
    expect(calls[0]).toBe(0);
    expect(calls.slice(1).every((c) => c === 1)).toBe(true);
  });

  test(`findCycles on a ring of ${N} goals reports one cycle with every goal`, () => {
    const parentsOf = Array.from({ length: N }, (_, i) => [{ node: (i + 1) % N }]);
    const { cycles, cycleOf } = findCycles(parentsOf);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(N);
    expect(new Set(cycles[0]).size).toBe(N);
    expect(cycleOf.every((c) => c === 0)).toBe(true);
  });

  test(`rollup() on a ring of ${N} goals: every goal on the cycle, none rolled up`, () => {
    const nodes: RollupNode[] = Array.from({ length: N }, (_, i) => ({
      key: `G-${i}`,
      parents: [{ key: `G-${(i + 1) % N}`, share: null }],
      weight: null,
      mode: "Weighted",
      score: 0.5,
    }));
    const r = rollup(nodes);
    expect(r.cycles).toHaveLength(1);
    expect(r.cycles[0]).toHaveLength(N);
    expect(r.rolledUp.every((v) => v === null)).toBe(true);
  });
});
