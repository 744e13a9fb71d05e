import fc from "fast-check";
import { TreeGoal, childrenOf, loopText, matchGoals, nodeKey, openKeysFor, pathOf, rootsOf, unreachable, withAncestors } from "../../src/taskpane/logic/tree";

function goals(links: [number, number][], n: number): TreeGoal[] {
  const out: TreeGoal[] = Array.from({ length: n }, (_, i) => ({ id: `G-${i}`, title: `Goal ${i}`, owner: i % 2 ? "Ann" : "Bob", parents: [], children: [] }));
  for (const [p, c] of links) {
    (out[c].parents as number[]).push(p);
    (out[p].children as number[]).push(c);
  }
  return out;
}

describe("cascade tree", () => {
  test("roots, children, keys", () => {
    const g = goals(
      [
        [0, 1],
        [0, 2],
        [2, 3],
        [4, 3],
      ],
      5,
    );
    expect(rootsOf(g)).toEqual([0, 4]);
    expect(childrenOf(g, [0])).toEqual([1, 2]);
    expect(childrenOf(g, [0, 2])).toEqual([3]);
    expect(childrenOf(g, [4])).toEqual([3]); // a goal with two parents appears under each
    expect(pathOf(nodeKey([0, 2, 3]))).toEqual([0, 2, 3]);
    expect(unreachable(g)).toEqual([]);
  });

  test("a loop is cut on the path and its goals are unreachable when nothing above them", () => {
    const g = goals(
      [
        [1, 2],
        [2, 1],
        [0, 3],
      ],
      4,
    );
    expect(rootsOf(g)).toEqual([0]);
    expect(unreachable(g)).toEqual([1, 2]);
    const h = goals(
      [
        [0, 1],
        [1, 2],
        [2, 1],
      ],
      3,
    );
    expect(childrenOf(h, [0, 1, 2])).toEqual([]); // 1 is already on the path
    expect(loopText(h, [1, 2])).toBe("G-1 and G-2");
  });

  test("search: matches by ID, title or owner, with the goals above them, and their branches open", () => {
    const g = goals(
      [
        [0, 1],
        [1, 2],
        [0, 3],
      ],
      4,
    );
    expect(matchGoals(g, "  ")).toBeNull();
    expect([...(matchGoals(g, "goal 2") ?? [])]).toEqual([2]);
    expect([...(matchGoals(g, "g-3") ?? [])]).toEqual([3]);
    expect([...(matchGoals(g, "ANN") ?? [])].sort()).toEqual([1, 3]);
    const visible = withAncestors(g, new Set([2]));
    expect([...visible].sort()).toEqual([0, 1, 2]);
    expect([...openKeysFor(g, visible)].sort()).toEqual(["0", "0/1"]);
  });

  test("property: every node reachable by opening keys is a visible goal, paths never repeat a goal, and it terminates on any graph", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30 }), (n, raw) => {
        const links = raw.filter(([p, c]) => p < n && c < n);
        const g = goals(links, n);
        const all = new Set(g.map((_, i) => i));
        const open = openKeysFor(g, all, 500);
        for (const k of open) {
          const p = pathOf(k);
          expect(new Set(p).size).toBe(p.length);
        }
        // Every goal is either under a root or reported unreachable.
        const seen = new Set<number>();
        const stack = rootsOf(g).map((r) => [r]);
        let budget = 5000;
        while (stack.length > 0 && budget-- > 0) {
          const p = stack.pop() as number[];
          seen.add(p[p.length - 1]);
          for (const c of childrenOf(g, p)) stack.push([...p, c]);
        }
        if (budget > 0) for (const i of all) expect(seen.has(i) || unreachable(g).includes(i)).toBe(true);
      }),
    );
  });
});
