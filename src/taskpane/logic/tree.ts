/**
 * The Cascade view's tree: goals under their parents (a goal with several parents
 * appears under each), built lazily per path so that a large or tangled workbook
 * renders only the open branches. Loops are cut where a goal would appear under
 * itself; goals that only sit on a loop are listed as problems. Pure.
 */

export interface TreeGoal {
  id: string | null;
  title: string | null;
  owner: string | null;
  parents: readonly number[];
  children: readonly number[];
}

/** A tree item's value: the path of goal indices from a root, e.g. "0/4/9". */
export type NodeKey = string;

export function nodeKey(path: readonly number[]): NodeKey {
  return path.join("/");
}

export function pathOf(key: NodeKey): number[] {
  return key === "" ? [] : key.split("/").map(Number);
}

/** Top goals: no parent (after unknown parents were dropped), in sheet order. */
export function rootsOf(goals: readonly TreeGoal[]): number[] {
  const out: number[] = [];
  goals.forEach((g, i) => {
    if (g.parents.length === 0) out.push(i);
  });
  return out;
}

/** A node's children, leaving out goals already on its path (a loop). */
export function childrenOf(goals: readonly TreeGoal[], path: readonly number[]): number[] {
  const last = path[path.length - 1];
  const g = goals[last];
  if (!g) return [];
  const on = new Set(path);
  return g.children.filter((c) => !on.has(c) && c >= 0 && c < goals.length);
}

/** Goals that no top goal reaches: they sit on an alignment loop (or only below one). */
export function unreachable(goals: readonly TreeGoal[]): number[] {
  const seen = new Uint8Array(goals.length);
  const stack = rootsOf(goals);
  for (const r of stack) seen[r] = 1;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (const c of goals[i].children) {
      if (c >= 0 && c < goals.length && !seen[c]) {
        seen[c] = 1;
        stack.push(c);
      }
    }
  }
  const out: number[] = [];
  for (let i = 0; i < goals.length; i++) if (!seen[i]) out.push(i);
  return out;
}

/** The text as a search compares it: lower case, runs of white space as one space, trimmed. */
function searchForm(s: string | null): string {
  return (s ?? "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Goals whose ID, title or owner contains the query (case- and space-insensitive); null when the query is blank. */
export function matchGoals(goals: readonly TreeGoal[], query: string): Set<number> | null {
  const q = searchForm(query);
  if (q === "") return null;
  const out = new Set<number>();
  goals.forEach((g, i) => {
    if (searchForm(g.id).includes(q) || searchForm(g.title).includes(q) || searchForm(g.owner).includes(q)) out.add(i);
  });
  return out;
}

/** The matches and every goal above them: what the tree shows while searching. */
export function withAncestors(goals: readonly TreeGoal[], matched: ReadonlySet<number>): Set<number> {
  const out = new Set<number>(matched);
  const stack = [...matched];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (const p of goals[i].parents) {
      if (p >= 0 && p < goals.length && !out.has(p)) {
        out.add(p);
        stack.push(p);
      }
    }
  }
  return out;
}

/** Keys of every branch to open so that all visible goals show, up to `limit` nodes (a tangled DAG can have many paths). */
export function openKeysFor(goals: readonly TreeGoal[], visible: ReadonlySet<number>, limit = 2000): Set<NodeKey> {
  const open = new Set<NodeKey>();
  let budget = limit;
  const stack: number[][] = rootsOf(goals)
    .filter((r) => visible.has(r))
    .map((r) => [r]);
  while (stack.length > 0 && budget > 0) {
    const path = stack.pop() as number[];
    budget--;
    const kids = childrenOf(goals, path).filter((c) => visible.has(c));
    if (kids.length === 0) continue;
    open.add(nodeKey(path));
    for (const c of kids) stack.push([...path, c]);
  }
  return open;
}

/** The goals of a loop as readable text: "G-1, G-2 and G-3". */
export function loopText(goals: readonly TreeGoal[], cycle: readonly number[]): string {
  const ids = cycle.map((i) => goals[i]?.id ?? `goal ${i + 1}`);
  return ids.length <= 1 ? (ids[0] ?? "") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}
