/**
 * Properties of the seal and the audit chain (review.md "Seal", "Audit log").
 *
 * The goal-table generators produce pairs {raw cell, canonical value}, where the
 * canonical value is worked out here from review.md and model.md, independently of
 * src/core/seal.ts. The expected document and hash are built from those values.
 */
import fc from "fast-check";
import { CanonicalValue } from "../../../src/core/cells";
import { ColumnKey, INPUT_COLUMNS } from "../../../src/core/columns";
import { CycleState } from "../../../src/core/meta";

import { AUDIT_ACTIONS, AuditEntry, diffSeal, sealDocument, serializeSeal, sha256Hex, verifyAudit } from "../../../src/core/seal";
import { AuditBody, buildLog, nodeSha256 } from "./helpers";
import { GoalRecord, CheckInRecord } from "../../../src/core/tables";

const RUNS = 150;

// ------------------------------------------------------------ cell generators

interface Pair {
  raw: unknown;
  canon: CanonicalValue;
}
const P = (raw: unknown, canon: CanonicalValue): Pair => ({ raw, canon });
const same = (a: CanonicalValue, b: CanonicalValue): boolean => JSON.stringify(a) === JSON.stringify(b);

const blank = fc.constantFrom(P("", null), P("   ", null), P("\t", null), P(null, null), P(undefined, null));
const error = fc.constantFrom(P("#N/A", "#N/A"), P(" #DIV/0! ", "#DIV/0!"), P({ error: "#REF!" }, "#REF!"), P("#VALUE!", "#VALUE!"), P("#NAME?", "#NAME?"));
const pad = fc.constantFrom("", " ", "  ", "\t");

/** NFC words; the raw cell may hold them decomposed (NFD) and padded. */
const WORDS = [
  "Grow ARR",
  "Caf\u00e9",
  "\u00c5ngstr\u00f6m",
  "na\u00efve plan",
  "\u76ee\u6a19",
  "Revenue 2026",
  '=HYPERLINK("http://x","y")',
  "+1",
  "two  spaces",
  "x",
  "G-1; G-2=40%",
  "USD",
  "2026-H1",
];
const text = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...WORDS), pad, pad, fc.boolean()).map(([w, a, b, nfd]) => P(a + (nfd ? w.normalize("NFD") : w) + b, w)) },
  { weight: 1, arbitrary: fc.integer({ min: -999, max: 99999 }).map((n) => P(n, String(n))) },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: error },
);

const number = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => P(d, d === 0 ? 0 : d)) },
  { weight: 2, arbitrary: fc.integer({ min: -50, max: 50 }).map((n) => P(n, n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 9_999_999 }).map((n) => P(n.toLocaleString("en-US"), n)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => P(`${n}%`, n / 100)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 5000 }), pad).map(([n, p]) => P(`${p}$${n}${p}`, n)) },
  { weight: 1, arbitrary: fc.constantFrom(P("about 20", "about 20"), P(" n/a ", "n/a"), P(true, "TRUE"), P("1,23,4", "1,23,4"), P("12 apples", "12 apples")) },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: error },
);

const actual = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((d) => P(d, d === 0 ? 0 : d)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => P(`${n}%`, n / 100)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      P(true, true),
      P(false, false),
      P("TRUE", true),
      P("false", false),
      P("yes", true),
      P("Done", true),
      P("no", false),
      P("not done", false),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(P("maybe", "maybe"), P(" half ", "half")) },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: error },
);

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const isoOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** Days from 1900-03-01 (serial 61) to 9999-12-31 (serial 2958465). */
const serial = fc.integer({ min: 61, max: 2_958_465 });
const date = fc.oneof(
  { weight: 2, arbitrary: serial.map((s) => P(s, isoOfMs(EPOCH_1900 + s * MS_PER_DAY))) },
  { weight: 1, arbitrary: fc.tuple(serial, fc.double({ min: 0, max: 0.999, noNaN: true })).map(([s, f]) => P(s + f, isoOfMs(EPOCH_1900 + s * MS_PER_DAY))) },
  { weight: 2, arbitrary: serial.map((s) => isoOfMs(EPOCH_1900 + s * MS_PER_DAY)).map((iso) => P(iso, iso)) },
  {
    weight: 1,
    arbitrary: fc.tuple(serial, pad).map(([s, p]) => {
      const iso = isoOfMs(EPOCH_1900 + s * MS_PER_DAY);
      return P(`${p}${iso}T08:15:00Z${p}`, iso);
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(serial, fc.integer({ min: 0, max: MS_PER_DAY - 1 }))
      .map(([s, t]) => P(new Date(EPOCH_1900 + s * MS_PER_DAY + t), isoOfMs(EPOCH_1900 + s * MS_PER_DAY))),
  },
  { weight: 1, arbitrary: fc.constantFrom(P("31/12/2025", "31/12/2025"), P("2026-02-30", "2026-02-30"), P(" soon ", "soon"), P("Q3", "Q3")) },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: error },
);

function enumPool(pairs: [string, string][], rejected: string[]): fc.Arbitrary<Pair> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...pairs), pad, fc.constantFrom("same", "upper", "lower"))
        .map(([[raw, canon], p, c]) => P(p + (c === "upper" ? raw.toUpperCase() : c === "lower" ? raw.toLowerCase() : raw) + p, canon)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...rejected).map((r) => P(r, r.trim())) },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: error },
  );
}
const ENUMS: Record<"type" | "level" | "direction" | "rollup", fc.Arbitrary<Pair>> = {
  type: enumPool(
    [
      ["Objective", "Objective"],
      ["Key Result", "Key Result"],
      ["KPI", "KPI"],
      ["Performance", "Performance"],
      ["Development", "Development"],
    ],
    ["Goal", " Task "],
  ),
  level: enumPool(
    [
      ["Company", "Company"],
      ["Department", "Department"],
      ["dept", "Department"],
      ["Team", "Team"],
      ["Individual", "Individual"],
    ],
    ["Division", " Squad "],
  ),
  direction: enumPool(
    [
      ["Increase", "Increase"],
      ["up", "Increase"],
      ["higher is better", "Increase"],
      ["\u2191", "Increase"],
      ["Decrease", "Decrease"],
      ["down", "Decrease"],
      ["lower is better", "Decrease"],
      ["reduce", "Decrease"],
      ["\u2193", "Decrease"],
      ["At least", "At least"],
      ["maintain above", "At least"],
      ["\u2265", "At least"],
      [">=", "At least"],
      ["min", "At least"],
      ["At most", "At most"],
      ["maintain below", "At most"],
      ["\u2264", "At most"],
      ["<=", "At most"],
      ["max", "At most"],
      ["Milestone", "Milestone"],
      ["binary", "Milestone"],
      ["done", "Milestone"],
      ["yes/no", "Milestone"],
    ],
    ["sideways", " flat "],
  ),
  rollup: enumPool(
    [
      ["Weighted", "Weighted"],
      ["Worst", "Worst"],
      ["Sum", "Sum"],
      ["Own", "Own"],
    ],
    ["Average", " Max "],
  ),
};

function pool(key: ColumnKey): fc.Arbitrary<Pair> {
  switch (key) {
    case "type":
    case "level":
    case "direction":
    case "rollup":
      return ENUMS[key];
    case "weight":
    case "baseline":
    case "threshold":
    case "target":
    case "stretch":
      return number;
    case "actual":
      return actual;
    case "start":
    case "due":
      return date;
    default:
      return text;
  }
}

const KEYS: ColumnKey[] = INPUT_COLUMNS.map((c) => c.key);
const HEADER = new Map<ColumnKey, string>(INPUT_COLUMNS.map((c) => [c.key, c.header]));
const OTHER_KEYS = KEYS.filter((k) => k !== "id");

/** An ID cell for goal number n: `G-n` in any case, maybe padded. Canonical: trimmed. */
const idCell = (n: number): fc.Arbitrary<Pair> => fc.tuple(fc.constantFrom("G", "g"), pad, pad).map(([g, a, b]) => P(`${a}${g}-${n}${b}`, `${g}-${n}`));

type Row = Record<ColumnKey, Pair>;

const table: fc.Arbitrary<Row[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 6 })
  .chain((ns) =>
    fc.tuple(
      ...ns.map((n) => fc.record(Object.fromEntries([["id", idCell(n)], ...OTHER_KEYS.map((k) => [k, pool(k)])]) as Record<ColumnKey, fc.Arbitrary<Pair>>)),
    ),
  );

const SEALED_STATES: CycleState[] = ["Active", "Data locked", "In review", "Closed"];
const SEALED: Record<string, ColumnKey[]> = {
  Active: KEYS.filter((k) => k !== "actual" && k !== "comment"),
  "Data locked": KEYS.filter((k) => k !== "comment"),
  "In review": KEYS.filter((k) => k !== "comment"),
  Closed: KEYS,
};

const toInput = (rows: readonly Row[]): GoalRecord[] => rows.map((r) => ({ values: Object.fromEntries(KEYS.map((k) => [k, r[k].raw])) }));

const upper = (v: CanonicalValue): string => (v === null ? "" : String(v).toUpperCase());
const ord = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical document of review.md, built from the expected canonical values. */
function expectedDocument(cycle: string, state: CycleState, rows: readonly Row[]): string {
  const keys = SEALED[state];
  const goals = [...rows].sort((a, b) => ord(upper(a.id.canon), upper(b.id.canon))).map((r) => keys.map((k) => r[k].canon));
  const doc: Record<string, unknown> = { v: 1, cycle, state, columns: keys.map((k) => HEADER.get(k)), goals };
  if (state !== "Active") doc.checkins = [];
  return JSON.stringify(doc);
}

const cycle = fc.constantFrom("2026-H1", "2026-Q3", "FY 2026");
const state = fc.constantFrom(...SEALED_STATES);

// ------------------------------------------------------------ seal properties

describe("seal properties", () => {
  test("the document equals the one built from review.md, and its hash is SHA-256 of it", async () => {
    await fc.assert(
      fc.asyncProperty(table, cycle, state, async (rows, c, s) => {
        const actualDoc = serializeSeal(sealDocument(c, s, toInput(rows), []));
        const expected = expectedDocument(c, s, rows);
        expect(actualDoc).toBe(expected);
        expect(await sha256Hex(actualDoc)).toBe(nodeSha256(expected));
      }),
      { numRuns: RUNS },
    );
  });

  test("untouched: same hash twice, no differences; reordered rows: same hash", async () => {
    await fc.assert(
      fc.asyncProperty(
        table.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        cycle,
        state,
        async ([rows, shuffled], c, s) => {
          const a = sealDocument(c, s, toInput(rows), []);
          const b = sealDocument(c, s, toInput(rows), []);
          const r = sealDocument(c, s, toInput(shuffled), []);
          const ha = await sha256Hex(serializeSeal(a));
          expect(await sha256Hex(serializeSeal(b))).toBe(ha);
          expect(await sha256Hex(serializeSeal(r))).toBe(ha);
          expect(diffSeal(a, b)).toEqual([]);
          expect(diffSeal(a, r)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  /** A table, one of its cells, and a new value for that cell. */
  const mutation = table.chain((rows) =>
    fc
      .tuple(
        fc.constant(rows),
        fc.nat({ max: rows.length - 1 }),
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constant<ColumnKey>("id") }),
      )
      .chain(([rows, r, key]) => {
        const n = Number(/(\d+)$/.exec(String(rows[r].id.canon))?.[1]);
        const taken = new Set(rows.map((row) => upper(row.id.canon)));
        const newValue =
          key === "id"
            ? fc.oneof(
                idCell(n),
                fc
                  .integer({ min: 1000, max: 1999 })
                  .filter((m) => !taken.has(`G-${m}`))
                  .chain(idCell),
              )
            : pool(key);
        return fc.tuple(fc.constant(rows), fc.constant(r), fc.constant(key), newValue);
      }),
  );

  test("changing any single cell: hash changes ⇔ its canonical value changes (sealed columns), and diffSeal names exactly that goal and column", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, cycle, state, async ([rows, r, key, next], c, s) => {
        const before = sealDocument(c, s, toInput(rows), []);
        const changedRows = rows.map((row, i) => (i === r ? { ...row, [key]: next } : row));
        const after = sealDocument(c, s, toInput(changedRows), []);
        const h1 = await sha256Hex(serializeSeal(before));
        const h2 = await sha256Hex(serializeSeal(after));
        const old = rows[r][key].canon;
        const sealedCol = SEALED[s].includes(key);
        const canonChanged = sealedCol && !same(old, next.canon);

        expect(h1 === h2).toBe(!canonChanged);
        expect(serializeSeal(after)).toBe(expectedDocument(c, s, changedRows));

        const diff = diffSeal(before, after);
        if (!canonChanged) {
          expect(diff).toEqual([]);
        } else if (key !== "id" || upper(old) === upper(next.canon)) {
          expect(diff).toEqual([{ goal: rows[r].id.canon, column: HEADER.get(key), sealed: old, current: next.canon, kind: "changed" }]);
        } else {
          const kinds = diff.map((d) => [d.kind, d.goal, d.column]).sort();
          expect(kinds).toEqual([
            ["added", next.canon, "(goal)"],
            ["removed", old, "(goal)"],
          ]);
        }
      }),
      { numRuns: 200 },
    );
  });

  // Check-ins (sealed from Data locked on): any single changed cell changes the hash
  // iff its canonical value changes; the diff shows the old check-in removed and the
  // new one added.
  const ciCell = {
    goalId: fc.integer({ min: 1, max: 5 }).chain(idCell),
    date: date.filter((p) => typeof p.canon === "string" && /^\d{4}-\d{2}-\d{2}$/.test(p.canon)),
    value: actual,
    confidence: number,
    comment: text,
  };
  type CiRow = { goalId: Pair; date: Pair; value: Pair; confidence: Pair; comment: Pair };
  const CI_KEYS = ["goalId", "date", "value", "confidence", "comment"] as const;
  const ciInput = (rows: readonly CiRow[]): CheckInRecord[] => rows.map((r) => ({ values: Object.fromEntries(CI_KEYS.map((k) => [k, r[k].raw])) }));
  const ciCanon = (r: CiRow): CanonicalValue[] => CI_KEYS.map((k) => r[k].canon);

  test("check-ins: sorted by goal ID then date then row order; a changed cell shows ⇔ its canonical value changes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.record(ciCell), { minLength: 1, maxLength: 6 })
          .chain((cis) => fc.tuple(fc.constant(cis), fc.nat({ max: cis.length - 1 }), fc.constantFrom(...CI_KEYS)))
          .chain(([cis, i, k]) => fc.tuple(fc.constant(cis), fc.constant(i), fc.constant(k), ciCell[k])),
        fc.constantFrom<CycleState>("Data locked", "In review", "Closed"),
        async ([cis, i, k, next], s) => {
          const before = sealDocument("c", s, [], ciInput(cis));
          const expectedOrder = cis
            .map((r, idx) => ({ r, idx }))
            .sort((a, b) => ord(upper(a.r.goalId.canon), upper(b.r.goalId.canon)) || ord(String(a.r.date.canon), String(b.r.date.canon)) || a.idx - b.idx)
            .map((x) => ciCanon(x.r));
          expect(before.checkins).toEqual(expectedOrder);

          const changed = cis.map((r, idx) => (idx === i ? { ...r, [k]: next } : r));
          const after = sealDocument("c", s, [], ciInput(changed));
          const h1 = await sha256Hex(serializeSeal(before));
          const h2 = await sha256Hex(serializeSeal(after));
          const canonChanged = !same(cis[i][k].canon, next.canon);
          const diff = diffSeal(before, after);
          if (!canonChanged) {
            expect(h1).toBe(h2);
            expect(diff).toEqual([]);
          } else {
            expect(h1).not.toBe(h2);
            const oldRow = ciCanon(cis[i]);
            const newRow = ciCanon(changed[i]);
            const identicalOther = cis.some((r, idx) => idx !== i && JSON.stringify(ciCanon(r)) === JSON.stringify(newRow));
            const identicalOld = cis.some((r, idx) => idx !== i && JSON.stringify(ciCanon(r)) === JSON.stringify(oldRow));
            if (!identicalOther && !identicalOld) {
              expect(diff).toEqual([
                { goal: oldRow[0], column: "CheckIns", sealed: oldRow, current: null, kind: "removed" },
                { goal: newRow[0], column: "CheckIns", sealed: null, current: newRow, kind: "added" },
              ]);
            } else {
              expect(diff.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ------------------------------------------------------------ audit properties

const canonical: fc.Arbitrary<CanonicalValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (d === 0 ? 0 : d)),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("2026-06-30", "Increase", "#N/A"),
);
const optText = fc.option(fc.string({ unit: "grapheme", minLength: 1, maxLength: 16 }), { nil: null });
const auditBody: fc.Arbitrary<AuditBody> = fc.record({
  at: fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
  actor: optText,
  action: fc.constantFrom(...AUDIT_ACTIONS),
  goalId: fc.option(
    fc.integer({ min: 1, max: 99 }).map((n) => `G-${n}`),
    { nil: null },
  ),
  field: fc.option(fc.constantFrom(...INPUT_COLUMNS.map((c) => c.header)), { nil: null }),
  old: canonical,
  new: canonical,
  reason: optText,
});
const log = fc.array(auditBody, { minLength: 5, maxLength: 30 });

const HASHED_AND_LINK_FIELDS = ["at", "actor", "action", "goalId", "field", "old", "new", "reason", "prevHash", "hash"] as const;
type EditField = (typeof HASHED_AND_LINK_FIELDS)[number];
const replacement: Record<EditField, fc.Arbitrary<unknown>> = {
  at: fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
  actor: optText,
  action: fc.oneof(fc.constantFrom(...AUDIT_ACTIONS), fc.constant("delete")),
  goalId: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
  field: optText,
  old: canonical,
  new: canonical,
  reason: optText,
  prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
  hash: fc.stringMatching(/^[0-9a-f]{64}$/),
};

function headOf(entries: readonly AuditEntry[]): { hash: string | null; count: number } {
  return { hash: entries.length > 0 ? entries[entries.length - 1].hash : null, count: entries.length };
}

describe("audit chain properties", () => {
  test("an untouched log verifies intact, with and without head/count", async () => {
    await fc.assert(
      fc.asyncProperty(log, async (bodies) => {
        const entries = await buildLog(bodies);
        expect(await verifyAudit(entries, headOf(entries))).toEqual({ entries: entries.length, intact: true, firstBadSeq: null, reason: null });
        expect((await verifyAudit(entries)).intact).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test("editing any single field (Seq aside) of any entry is detected at that entry", async () => {
    await fc.assert(
      fc.asyncProperty(
        log
          .chain((b) => fc.tuple(fc.constant(b), fc.nat({ max: b.length - 1 }), fc.constantFrom(...HASHED_AND_LINK_FIELDS)))
          .chain(([b, i, f]) => fc.tuple(fc.constant(b), fc.constant(i), fc.constant(f), replacement[f])),
        async ([bodies, i, f, value]) => {
          const entries = await buildLog(bodies);
          const head = headOf(entries);
          fc.pre(JSON.stringify(entries[i][f]) !== JSON.stringify(value));
          const edited = entries.map((e, j) => (j === i ? { ...e, [f]: value } : e));
          const v = await verifyAudit(edited, head);
          expect(v.intact).toBe(false);
          expect(v.firstBadSeq).toBe(i + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("editing the Seq of any entry is detected at that entry", async () => {
    await fc.assert(
      fc.asyncProperty(
        log.chain((b) => fc.tuple(fc.constant(b), fc.nat({ max: b.length - 1 }), fc.integer({ min: -5, max: 40 }))),
        async ([bodies, i, seq]) => {
          fc.pre(seq !== i + 1);
          const entries = await buildLog(bodies);
          const edited = entries.map((e, j) => (j === i ? { ...e, seq } : e));
          const v = await verifyAudit(edited, headOf(entries));
          expect(v.intact).toBe(false);
          expect(v.firstBadSeq).toBe(i + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("deleting any entry is detected (the last one through head/count) and names its Seq", async () => {
    await fc.assert(
      fc.asyncProperty(
        log.chain((b) => fc.tuple(fc.constant(b), fc.nat({ max: b.length - 1 }))),
        async ([bodies, i]) => {
          const entries = await buildLog(bodies);
          const cut = entries.filter((_, j) => j !== i);
          const v = await verifyAudit(cut, headOf(entries));
          expect(v.intact).toBe(false);
          expect(v.firstBadSeq).toBe(i + 1);
          if (i < entries.length - 1) expect((await verifyAudit(cut)).firstBadSeq).toBe(i + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("swapping any two entries is detected at the first of them", async () => {
    await fc.assert(
      fc.asyncProperty(
        log.chain((b) => fc.tuple(fc.constant(b), fc.uniqueArray(fc.nat({ max: b.length - 1 }), { minLength: 2, maxLength: 2 }))),
        async ([bodies, [x, y]]) => {
          const entries = await buildLog(bodies);
          const s = [...entries];
          [s[x], s[y]] = [s[y], s[x]];
          const v = await verifyAudit(s, headOf(entries));
          expect(v.intact).toBe(false);
          expect(v.firstBadSeq).toBe(Math.min(x, y) + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
