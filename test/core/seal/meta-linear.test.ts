/**
 * Reading a seal document stored in very many pieces is linear: readMeta looks at
 * each GoalMeta row a fixed number of times, whatever the number of pieces (it used
 * to search the rows once per piece: 100,000 pieces took 87 s to verify). Work is
 * counted through rows that count their reads, not timed.
 */
import { readMeta } from "../../../src/core/meta";

/** GoalMeta rows of a document in `n` pieces, each row counting how often its cells are read. */
function countedRows(doc: string, n: number): { rows: unknown[][]; reads: () => number } {
  let reads = 0;
  const size = Math.ceil(doc.length / n);
  const plain: unknown[][] = [["seal.hash", "abc"]];
  for (let i = 0; i < n; i++) plain.push([`seal.doc.${i + 1}`, doc.slice(i * size, (i + 1) * size)]);
  const rows = plain.map(
    (r) =>
      new Proxy(r, {
        get(target, key, receiver) {
          if (key === "0" || key === "1") reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
  );
  return { rows, reads: () => reads };
}

test.each([1_000, 4_000])("a document in %i pieces: each row read a few times, and joined in order", (n) => {
  const doc = JSON.stringify({ v: 1, goals: Array.from({ length: n }, (_, i) => [`G-${i}`, i]) });
  const { rows, reads } = countedRows(doc, n);
  const meta = readMeta(rows);
  expect(meta.seal.doc).toBe(doc);
  // Two cells per row, each read at most twice: linear in the number of rows.
  expect(reads()).toBeLessThanOrEqual(4 * rows.length);
});

test("pieces out of order and a repeated key: sorted by number, the first row of a key counts", () => {
  const meta = readMeta([
    ["seal.doc.2", "cd"],
    ["seal.doc.1", " ab"],
    ["seal.doc.2", "XX"],
    ["seal.doc.10", "e "],
  ]);
  expect(meta.seal.doc).toBe(" abcde ");
});
