/**
 * The engine's fast paths (docs/performance.md) give what the general paths give:
 * plain numbers and text read directly, number text in its usual forms, enumeration
 * spellings remembered, the SMART column from a table, words counted without
 * splitting, check-in histories sorted in place, S3 within large owner groups.
 */
import fc from "fast-check";
import { isPlainCell, parseNumberText, readActual, readDate, readEnum, readNumber, readText } from "../../src/core/cells";
import { Finding, RULE_CODES, SMART_LETTERS, Severity, letterOf, smartString } from "../../src/core/findings";
import { countWords } from "../../src/core/text";
import { Scorer, progress, score, uncappedProgress } from "../../src/core/scoring";
import { COLUMN_KEYS, DIRECTIONS, Direction } from "../../src/core/columns";
import { proposeMapping } from "../../src/core/headers";
import { CellReader, checkInCell, goalCell, goalFromRecord, readCheckIns } from "../../src/core/model";
import { CheckInTable, checkInRecords, goalRecord, goalRecords, workbookFromRecords, workbookInputFromTables } from "../../src/core/tables";
import { Evaluation, evaluate } from "../../src/core/engine";
import { resolveLinks } from "../../src/core/rollup";
import { scorecards } from "../../src/core/scorecard";
import { AS_OF, checkIn, childGoal, day, findingsOf, run, validGoal } from "./rules/fixture";

/** What exceljs hands over for a formula cell: the result is read through it, by the general path. */
const formula = (result: unknown) => ({ formula: "X1", result });
const rich = (text: string) => ({ richText: [{ text }] });

describe("readers: a plain cell reads like the same value wrapped", () => {
  it("numbers", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, 5e-324)), (n) => {
        expect(readNumber(n)).toEqual(readNumber(formula(n)));
        expect(readActual(n)).toEqual(readActual(formula(n)));
        expect(readDate(n)).toEqual(readDate(formula(n)));
        expect(readDate(n, 1904)).toEqual(readDate(formula(n), 1904));
      }),
    );
  });

  it("text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: fc.constantFrom(" ", "\t", "a", "#", "\u00a0", "\u2003", "é", "\n") }),
          fc.constantFrom("#N/A", " #REF!", "Ann", "é", "e\u0301", "  ", ""),
        ),
        (s) => {
          expect(readText(s)).toEqual(readText(rich(s)));
          for (const field of ["type", "level", "direction", "rollup"] as const) expect(readEnum(field, s)).toEqual(readEnum(field, rich(s)));
        },
      ),
    );
  });

  it("enumeration spellings stay right after the remembered spellings are cleared", () => {
    for (let i = 0; i < 1100; i++) expect(readEnum("direction", `up${i}`)).toEqual({ kind: "invalid", code: "E4", text: `up${i}` });
    expect(readEnum("direction", "Increase")).toEqual({ kind: "value", value: "Increase" });
    expect(readEnum("direction", "up0")).toEqual({ kind: "invalid", code: "E4", text: "up0" });
  });
});

describe("isPlainCell: cells whose reading gives no finding", () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom(" ", "#", "N", "/", "A", "1", "%", "\t") }),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(null, undefined, "#N/A", " #REF!", "", "  ", NaN, Infinity),
    fc.date(),
  );
  it("a plain number cell reads as a number or blank; a plain text cell as text or blank", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        if (isPlainCell(raw, false)) expect(readNumber(raw).kind).not.toBe("invalid");
        if (isPlainCell(raw, true)) expect(readText(raw).kind).not.toBe("invalid");
      }),
    );
  });
  it("error text, text in a number field and non-finite numbers are not plain", () => {
    expect(isPlainCell("#N/A", true)).toBe(false);
    expect(isPlainCell("high", false)).toBe(false);
    expect(isPlainCell(NaN, false)).toBe(false);
    expect(isPlainCell("ok", true)).toBe(true);
    expect(isPlainCell(0.8, false)).toBe(true);
  });
});

describe("parseNumberText: usual forms", () => {
  const usual = fc.oneof(
    fc.tuple(fc.boolean(), fc.nat(), fc.option(fc.nat(), { nil: undefined })).map(([neg, a, b]) => `${neg ? "-" : ""}${a}${b === undefined ? "" : `.${b}`}`),
    fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: undefined })).map(([a, b]) => `${a}${b === undefined ? "" : `.${b}`}%`),
    fc.constantFrom("0", "-0", "0%", "007", "1".padEnd(400, "0"), "1".padEnd(400, "0") + "%", "12.50", "0.5%"),
  );
  it("give what the general rules give (text with spaces around takes them)", () => {
    fc.assert(
      fc.property(usual, (s) => {
        expect(Object.is(parseNumberText(s), parseNumberText(` ${s} `))).toBe(true);
      }),
    );
  });
  it("examples", () => {
    expect(parseNumberText("45%")).toBe(0.45);
    expect(parseNumberText("-12.5")).toBe(-12.5);
    expect(Object.is(parseNumberText("-0"), 0)).toBe(true);
    expect(parseNumberText("1".padEnd(400, "0"))).toBeNull();
  });
});

/** The SMART column as first written: a verdict per letter, then the letters in order. */
function smartReference(findings: readonly Pick<Finding, "code" | "severity">[]): string {
  const verdict = new Map<string, Severity>();
  for (const f of findings) {
    const l = letterOf(f.code);
    if (!l) continue;
    if (f.severity === "fail" || !verdict.has(l)) verdict.set(l, f.severity === "fail" ? "fail" : (verdict.get(l) ?? "warn"));
  }
  return SMART_LETTERS.map((l) => (verdict.get(l) === "fail" ? "✗" : verdict.get(l) === "warn" ? "!" : l)).join(" ");
}

describe("smartString from its table", () => {
  it("matches the letter-by-letter verdicts", () => {
    const findingArb = fc.record({ code: fc.constantFrom(...RULE_CODES), severity: fc.constantFrom<Severity>("fail", "warn") });
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 12 }), (fs) => {
        expect(smartString(fs)).toBe(smartReference(fs));
      }),
    );
  });
});

describe("countWords", () => {
  it("counts what split(/\\s+/) finds, up to the limit", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: fc.constantFrom(" ", "\t", "a", "#", "\u00a0", "\u2003", "é", "\n") }),
          fc.constantFrom("a\u00a0b\u2003c", "\tone  two\nthree ", ""),
        ),
        fc.integer({ min: 1, max: 6 }),
        (s, limit) => {
          const words = s.split(/\s+/).filter((w) => w !== "").length;
          expect(countWords(s, limit)).toBe(Math.min(words, limit));
        },
      ),
    );
  });
});

describe("check-in history: the latest check-in gives the Actual", () => {
  const dates = Array.from({ length: 20 }, (_, i) => `2026-0${1 + Math.floor(i / 4)}-${String(1 + (i % 4) * 7).padStart(2, "0")}`);
  /**
   * Check-ins in a shuffled order (the last row is not the latest); the two on the
   * greatest Date hold 500 (upper row) and 600 (lower row), near the top.
   */
  function shuffled(count: number): ReturnType<typeof checkIn>[] {
    const ds = dates.slice(0, count);
    const last = "2026-06-29";
    const order = ds.map((_, i) => (i * 7 + 1) % count);
    const rows = order.map((i) => checkIn("G-1", ds[i], 41 + i));
    rows.splice(1, 0, checkIn("G-1", last, 500), checkIn("G-1", last, 600));
    return rows;
  }
  it.each([3, 9, 16, 19])("with %i check-ins in any order (short lists and long lists are sorted differently)", (count) => {
    const ev = run([validGoal({ actual: null, target: 1000, stretch: null, threshold: null })], { checkIns: shuffled(count) });
    expect(ev.goals[0].actual).toBe(600);
  });
  it("a goal with many check-ins is escalated on its two latest ones, in Date order", () => {
    // 30 check-ins far below pace, then the two latest (written first) also below pace: Off track twice.
    const many = Array.from({ length: 30 }, (_, i) => checkIn("G-1", `2026-0${1 + Math.floor(i / 6)}-${String(1 + (i % 6) * 4).padStart(2, "0")}`, 41));
    const latest = [checkIn("G-1", "2026-06-20", 41), checkIn("G-1", "2026-06-25", 41)];
    const ev = run([validGoal({ actual: null, threshold: null, stretch: null })], { checkIns: [...latest, ...many] });
    expect(ev.goals[0].escalate).toBe(true);
    // The latest two back on pace: no escalation, whatever the older ones say.
    const onPace = [checkIn("G-1", "2026-06-20", 59), checkIn("G-1", "2026-06-25", 59)];
    expect(run([validGoal({ actual: null, threshold: null, stretch: null })], { checkIns: [...onPace, ...many] }).goals[0].escalate).toBe(false);
  });
});

describe("S3 within an owner's goals", () => {
  function ownerGoals(count: number) {
    return Array.from({ length: count }, (_, i) =>
      validGoal({ id: `G-${i + 1}`, title: `Distinct goal number ${i + 1} for the team`, level: "Company", weight: 1 }),
    );
  }
  it.each([4, 20])("finds the two goals with one title among %i goals of one owner", (count) => {
    const goals = ownerGoals(count);
    goals[1] = { ...goals[1], title: "Grow  revenue in EMEA" };
    goals[count - 1] = { ...goals[count - 1], title: " grow revenue\tin emea " };
    const ev = run(goals);
    const s3 = findingsOf(ev, "S3");
    expect(s3.map((f) => f.goal).sort()).toEqual(["G-2", `G-${count}`].sort());
    expect(s3.find((f) => f.goal === "G-2")?.message).toContain(`(G-${count})`);
  });
  it("titles and cycles are the same when they read alike after trimming, case and spaces (letter by letter or not)", () => {
    const norm = (s: string) => s.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
    const text = fc.string({
      unit: fc.constantFrom("a", "A", "b", "B", " ", "  ", "\t", "\u00a0", "é", "É", "e\u0301", "ß", "İ", "i", "x"),
      minLength: 1,
      maxLength: 8,
    });
    // The second title is often the first written another way, so that both outcomes are common.
    const pair = text.chain((a) =>
      fc.tuple(
        fc.constant(a),
        fc.oneof(text, fc.constantFrom(a, a.toUpperCase(), a.toLowerCase(), a.replace(/ /g, "  "), ` ${a}\t`, a.replace(/ /g, "\t"), `${a}x`)),
      ),
    );
    fc.assert(
      fc.property(
        pair,
        fc.constantFrom("2026", " 2026", "2026 ", "x  y", "X Y", "x\ty"),
        fc.constantFrom("2026", "x y"),
        fc.boolean(),
        ([a, b], ca, cb, large) => {
          fc.pre(norm(a) !== "" && norm(b) !== "");
          const goals = [
            validGoal({ id: "G-1", title: `Grow ${a}`, cycle: ca, due: null }),
            validGoal({ id: "G-2", title: `Grow ${b}`, cycle: cb, due: null }),
            // More than 16 goals of one owner are grouped by their hashes instead of compared in pairs.
            ...(large ? ownerGoals(18).map((g, i) => ({ ...g, id: `P-${i}` })) : []),
          ];
          const same = norm(`Grow ${a}`) === norm(`Grow ${b}`) && norm(ca) === norm(cb);
          expect(findingsOf(run(goals), "S3")).toHaveLength(same ? 2 : 0);
        },
      ),
    );
  });
  it("does not compare goals of other cycles", () => {
    const goals = ownerGoals(20);
    goals[1] = { ...goals[1], title: "Grow revenue in EMEA" };
    goals[5] = { ...goals[5], title: "Grow revenue in EMEA", cycle: "2026-H1", due: "2026-06-30" };
    expect(findingsOf(run(goals, { asOf: AS_OF }), "S3")).toHaveLength(0);
  });
});

describe("tables and records read alike", () => {
  const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constantFrom(null, "", "#N/A", "45%", "2026-06-30", "Increase", "G-1=60%; G-2"));
  const headers = ["Weight", "ID", "Owner", "Notes", "Target", "Title", "Due", "Direction", "Parent ID", "Actual", "Baseline", "Cycle"];
  it("a goal reads the same from its table as from its record (goalRecord, converted back by workbookFromRecords)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), { maxLength: 6 }), (rows) => {
        const table = { name: "Goals", sheet: "Goals", headerRow: 1, firstColumn: 0, headers, rows };
        const input = workbookInputFromTables([table], null, 1900);
        const reader = new CellReader();
        for (let i = 0; i < input.goalCount; i++) {
          const inPlace = reader.goal(input, i);
          const fromRecord = goalFromRecord(goalRecord(input, i));
          expect({ ...inPlace, index: 0, table: null, r: 0 }).toEqual({ ...fromRecord, table: null, r: 0 });
          // Each field's cell is named where the table has it: header row 1, the field's own column.
          const mapping = proposeMapping(headers);
          for (const key of COLUMN_KEYS) {
            const c = mapping.matches.find((m) => m.key === key)?.source ?? -1;
            expect(goalCell(inPlace, key)).toBe(`Goals!${c < 0 ? "A" : String.fromCharCode(65 + c)}${input.goalRow[i] + 2}`);
          }
        }
      }),
    );
  });
  it("a check-in likewise", () => {
    const ciHeaders = ["Comment", "Value", "Goal ID", "Date", "Confidence"];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const table = { name: "CheckIns", sheet: "CheckIns", headerRow: 1, firstColumn: 0, headers: ciHeaders, rows };
        const input = workbookInputFromTables([], table, 1900);
        const again = workbookFromRecords({ goals: [], checkIns: checkInRecords(input) });
        expect(readCheckIns(input).map(({ index: _, ...c }) => c)).toEqual(readCheckIns(again).map(({ index: _, ...c }) => c));
        for (const c of readCheckIns(input)) expect(checkInCell(input.checkIns as CheckInTable, c.index, "value")).toBe(`CheckIns!B${c.index + 2}`);
      }),
    );
  });
});

describe("scoring as numbers (no object per goal)", () => {
  const input = fc.record({
    actual: fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer({ min: -5, max: 200 })),
    target: fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: -5, max: 200 })),
    baseline: fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: -5, max: 200 })),
    direction: fc.constantFrom(null, ...DIRECTIONS, "Sideways" as Direction),
    threshold: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 200 }), fc.double()),
    stretch: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 200 })),
  });
  it("a number where the Outcome has a value, NaN where it has none, and the problem the Outcome gives", () => {
    const scorer = new Scorer();
    fc.assert(
      fc.property(input, (i) => {
        const s = score(i);
        // One scorer for every input: its numbers must not depend on the input before.
        const n = scorer.score(i);
        if (s.kind === "value") expect(n).toBe(s.value);
        else {
          expect(n).toBeNaN();
          expect(scorer.problem).toEqual(s);
        }
        const p = uncappedProgress(i);
        const pn = scorer.uncappedProgress(i);
        if (p.kind === "value") expect(pn).toBe(p.value);
        else expect(pn).toBeNaN();
      }),
    );
  });
  it("an Actual that makes the ratio NaN is E2, not the reason left from the goal before", () => {
    expect(score({ actual: 5, target: null, direction: "Increase" })).toMatchObject({ kind: "invalid", code: "M1" });
    const nan = score({ actual: NaN, target: 10, baseline: 0, direction: "Increase" });
    expect(nan).toMatchObject({ kind: "invalid", code: "E2" });
    expect(nan.kind === "invalid" && nan.message).toContain("not a finite number");
    expect(uncappedProgress({ actual: null, target: 10 })).toEqual({ kind: "nodata" });
    expect(uncappedProgress({ actual: Infinity, target: 10, baseline: 0 })).toMatchObject({ kind: "invalid", code: "E2" });
    const bool = progress({ actual: true, target: 10, direction: "Increase" });
    expect(bool).toMatchObject({ kind: "invalid", code: "E2" });
    expect(bool.kind === "invalid" && bool.message).toContain("Actual TRUE is not a number");
    expect(progress({ actual: 5, target: 10, direction: "Increase", cap: 1.2 })).toEqual({ kind: "value", value: 0.5 });
  });
});

describe("check-ins find their goal (the next goal, the same goal, else the table of IDs)", () => {
  it("each goal's Actual is its latest check-in, whatever the order of the check-ins and however IDs repeat", () => {
    const ids = ["G-1", "G-2", "G-3", "g-2", "G-4"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ id: fc.constantFrom(...ids, "G-9"), day: fc.integer({ min: 1, max: 4 }), value: fc.integer({ min: 0, max: 99 }) }), {
          maxLength: 12,
        }),
        (goalIds, entries) => {
          const goals = goalIds.map((id) => validGoal({ id, actual: null }));
          const checkIns = entries.map((e) => checkIn(e.id, `2026-06-0${e.day}`, e.value));
          const ev = run(goals, { checkIns });
          goalIds.forEach((id, i) => {
            const first = goalIds.findIndex((other) => other.toUpperCase() === id.toUpperCase());
            // The latest Date wins; on a tie the lower row.
            let latest: { day: number; value: number } | null = null;
            if (first === i) for (const e of entries) if (e.id.toUpperCase() === id.toUpperCase() && (latest === null || e.day >= latest.day)) latest = e;
            expect(ev.goals[i].actual).toBe(latest ? latest.value : null);
          });
        },
      ),
    );
  });
});

describe("results share what they can (read-only)", () => {
  it("goals with one and the same parent list it alike, in one read-only list", () => {
    const ev = run([validGoal({ id: "P-1", level: "Company" }), childGoal("K-1", "P-1"), childGoal("K-2", "P-1"), childGoal("K-3", "P-1; K-1")]);
    expect(ev.goals.map((g) => g.parents)).toEqual([[], [0], [0], [0, 1]]);
    expect(Object.isFrozen(ev.goals[1].parents)).toBe(true);
    expect(ev.goals[0].children).toEqual([1, 2, 3]);
  });
});

describe("check-ins read straight from their table", () => {
  it("give the same evaluation as the table's check-in rows, blank rows, errors and addresses included", () => {
    const goalTable = {
      name: "Goals",
      sheet: "Goals",
      headerRow: 1,
      firstColumn: 0,
      headers: ["ID", "Title", "Owner", "Target", "Due", "Baseline"],
      rows: [
        ["G-1", "Grow revenue in EMEA", "Ann", 100, "2026-12-31", 0],
        ["G-2", "Cut churn in half", "Bo", 10, "2026-12-31", 20],
        ["g-3", "Ship the new onboarding", "Ann", 5, "2026-12-31", 0],
      ],
    };
    const cell = fc.oneof(
      fc.constantFrom("G-1", "g-2", "G-3", "G-9", "", null, "#N/A", "2026-06-30", "2026-02-30", "45%", "n/a", true),
      fc.integer({ min: 0, max: 200 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.array(cell, { minLength: 5, maxLength: 5 }), fc.constant(["", null, " ", "", null])), { maxLength: 10 }),
        fc.constantFrom(0, 2),
        (rows, firstColumn) => {
          const checkIns = {
            name: "CheckIns",
            sheet: "Check ins",
            headerRow: 3,
            firstColumn,
            headers: ["Goal ID", "Date", "Value", "Confidence", "Comment"],
            rows,
          };
          const input = workbookInputFromTables([goalTable], checkIns, 1900);
          const viaRecords = workbookFromRecords({ goals: goalRecords(input), checkIns: checkInRecords(input), dateSystem: input.dateSystem });
          const options = { asOf: day("2026-06-30") };
          // The same results; only the cells findings name differ (records sit on a sheet of their own).
          const uncelled = (ev: Evaluation) => ({
            ...ev,
            findings: ev.findings.map((f) => ({ ...f, cell: null })),
            goals: ev.goals.map((g) => ({ ...g, blockedBy: g.blockedBy && { ...g.blockedBy, cell: null } })),
          });
          expect(uncelled(evaluate(input, options))).toEqual(uncelled(evaluate(viaRecords, options)));
        },
      ),
    );
  });
  it("the check-in rows as records, for whoever reads them, blank rows left out", () => {
    const t = {
      name: "CheckIns",
      sheet: "CheckIns",
      headerRow: 1,
      firstColumn: 0,
      headers: ["Goal ID", "Date", "Value"],
      rows: [
        ["G-1", 46000, 5],
        ["", "", ""],
        ["G-2", 46001, 7],
      ],
    };
    const input = workbookInputFromTables([], t, 1900);
    expect(checkInRecords(input).map((c) => c.values)).toEqual([
      { goalId: "G-1", date: 46000, value: 5 },
      { goalId: "G-2", date: 46001, value: 7 },
    ]);
    expect(checkInCell(input.checkIns as CheckInTable, 2, "value")).toBe("CheckIns!C4");
  });
});

describe("Parent IDs find their goal (the row above and its parents first, else the table of IDs)", () => {
  it("each parent is the first goal with that ID, however goals are listed and IDs repeat", () => {
    const ids = ["A", "B", "C", "D", "b"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom(...ids, null), parents: fc.array(fc.constantFrom(...ids, "Z"), { maxLength: 2 }) }), { maxLength: 9 }),
        (rows) => {
          const nodes = rows.map((r) => ({
            key: r.id?.toUpperCase() ?? null,
            parents: r.parents.map((p) => ({ key: p.toUpperCase(), share: null })),
            weight: null,
          }));
          const graph = resolveLinks(nodes);
          nodes.forEach((node, i) => {
            const expected = [...new Set(node.parents.map((p) => nodes.findIndex((o) => o.key === p.key)).filter((j) => j >= 0))];
            expect(graph.parentsOf[i].map((l) => l.node)).toEqual(expected);
          });
        },
      ),
    );
  });
});

describe("scorecards of groups listed together or apart", () => {
  it("count each group's goals wherever they are", () => {
    const items = ["A", "A", "B", "A", "B", "B", "C", "A"].map((group, i) => ({ group, score: i / 10, weight: 1, top: true, status: null }));
    expect(scorecards(items).map((c) => [c.group, c.topGoals])).toEqual([
      ["A", 4],
      ["B", 3],
      ["C", 1],
    ]);
  });
});
