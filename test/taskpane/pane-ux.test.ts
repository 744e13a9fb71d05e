/** The pane an analyst can scan: rule names, order of findings, cell labels, sorting and the status mix. */
import fc from "fast-check";
import { RULE_CODES } from "../../src/core/findings";
import type { Finding } from "../../src/core/findings";
import type { Scorecard } from "../../src/core/scorecard";
import { NEW_WORKBOOK_SETTINGS, DEFAULT_SETTINGS } from "../../src/core/settings";
import { cellLabel } from "../../src/taskpane/logic/format";
import { RULE_NAMES, byImportance, findingRank, groupFindings, ruleDetail, ruleName, severityLabel } from "../../src/taskpane/logic/findings";
import { STATUS_ORDER, scoreChartText, sortOptions, sortScorecards, statusMixText, statusSegments, statusTotal } from "../../src/taskpane/logic/scorecards";
import { evaluate } from "../../src/core/engine";
import { AS_OF } from "./support";
import { workbookFromRecords } from "../../src/core/tables";

function f(code: Finding["code"], severity: Finding["severity"], field = "Target"): Finding {
  return { code, severity, goal: "G-1", goalIndex: 0, field, cell: null, message: "m" };
}

describe("findings read as rules, not cells", () => {
  test("every rule code has a short name that is not itself a code", () => {
    for (const code of RULE_CODES) {
      expect(RULE_NAMES[code]).toBeTruthy();
      expect(ruleName(code)).not.toMatch(/^[A-Z]\d$/);
    }
    expect(ruleName("A3")).toBe("Trend falls short of target");
    expect(ruleDetail(f("A3", "warn"))).toBe("Target · rule A3");
  });

  test("badges: blocking failures say the goal is not scored", () => {
    expect(severityLabel("fail", true)).toBe("Failure · not scored");
    expect(severityLabel("fail")).toBe("Failure");
    expect(severityLabel("warn", true)).toBe("Warning");
  });

  test("within a goal: blocking failures, other failures, warnings; then S, M, A, R, T and data rules", () => {
    const list = [
      f("T4", "warn", "Due"),
      f("S2", "fail", "Owner"),
      f("M1", "fail"),
      f("A4", "warn", "Weight"),
      f("E1", "fail", "Notes"),
      f("E1", "fail", "Actual"),
    ];
    const sorted = list
      .slice()
      .sort(byImportance)
      .map((x) => `${x.code}/${x.field}`);
    // M1 and E1 on Actual block the score; S2 and E1 on Notes do not.
    expect(sorted).toEqual(["M1/Target", "E1/Actual", "S2/Owner", "E1/Notes", "A4/Weight", "T4/Due"]);
    expect(findingRank(f("M1", "fail"))).toBe(0);
    expect(findingRank(f("S2", "fail"))).toBe(1);
    expect(findingRank(f("S3", "warn"))).toBe(2);
  });

  test("goals: failures before warnings-only goals, each in sheet order", () => {
    const g = (row: number, values: Record<string, unknown>) => ({ values, where: `Goals!A${row}`, cells: { id: `Goals!A${row}` } });
    const base = { owner: "Dana", level: "Company", unit: "USD", source: "CRM", baseline: 0, due: "2026-12-31" };
    const ev = evaluate(
      workbookFromRecords({
        goals: [
          g(2, { ...base, id: "W-1", title: "Grow revenue in the north", target: 100, unit: "" }), // M2 warning only
          g(3, { ...base, id: "F-1", title: "Grow", target: 100 }), // S1 failure
          g(4, { ...base, id: "B-1", title: "Cut churn in the south", target: "lots" }), // M1/E2: blocks the score
          g(5, { ...base, id: "W-2", title: "Hire more great people", target: 10, source: "" }), // M4 warning only
        ],
      }),
      { asOf: AS_OF },
    );
    expect(groupFindings(ev).map((x) => x.id)).toEqual(["B-1", "F-1", "W-1", "W-2"]);
  });
});

describe("cell labels on Go to buttons", () => {
  test.each([
    ["'Goals 2026'!$L$7", "Goals 2026!L7"],
    ["Goals!L7", "Goals!L7"],
    ["'Bob''s goals'!A1", "Bob's goals!A1"],
    ["B2", "B2"],
    ["Sheet1!$A$1:$C$3", "Sheet1!A1:C3"],
  ])("%s → %s", (address, label) => {
    expect(cellLabel(address)).toBe(label);
  });
});

function card(group: string, score: number | null, completeness: number | null, statusCounts: Scorecard["statusCounts"] = {}): Scorecard {
  return { group, score, completeness, statusCounts, weightTotal: 1, weightsOff: false, topGoals: 1 };
}

describe("sorting scorecards", () => {
  const cards = [card("tom", 0.61, 1), card("(blank)", 0.9, 0.5), card("Ana", null, null), card("dana", 0.82, 0.25), card("Ben", 0.61, 0.75)];
  const groups = (sort: Parameters<typeof sortScorecards>[1]) => sortScorecards(cards, sort).map((c) => c.group);

  test("by group: A to Z ignoring case, (blank) last", () => {
    expect(groups("group")).toEqual(["Ana", "Ben", "dana", "tom", "(blank)"]);
  });

  test("by score and completeness, both ways; no number last; ties by name", () => {
    expect(groups("score-desc")).toEqual(["(blank)", "dana", "Ben", "tom", "Ana"]);
    expect(groups("score-asc")).toEqual(["Ben", "tom", "dana", "(blank)", "Ana"]);
    expect(groups("complete-asc")).toEqual(["dana", "(blank)", "Ben", "tom", "Ana"]);
    expect(groups("complete-desc")).toEqual(["tom", "Ben", "(blank)", "dana", "Ana"]);
  });

  test("the engine's list is left in its order", () => {
    const before = cards.map((c) => c.group);
    sortScorecards(cards, "score-desc");
    expect(cards.map((c) => c.group)).toEqual(before);
  });

  test("options name the grouping column", () => {
    expect(sortOptions("Team").map((o) => o.label)).toEqual([
      "Team (A to Z)",
      "Score, highest first",
      "Score, lowest first",
      "Complete, lowest first",
      "Complete, highest first",
    ]);
  });

  test("property: a permutation, ordered by the key asked, with no-number groups at the end", () => {
    const arb = fc.array(
      fc.record({
        group: fc.string({ maxLength: 6 }),
        score: fc.option(fc.double({ min: 0, max: 2, noNaN: true })),
        completeness: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom<"score-desc" | "score-asc" | "complete-asc" | "complete-desc">("score-desc", "score-asc", "complete-asc", "complete-desc"),
        (rows, sort) => {
          const input = rows.map((r) => card(r.group, r.score, r.completeness));
          const out = sortScorecards(input, sort);
          expect(out.length).toBe(input.length);
          expect(new Set(out)).toEqual(new Set(input));
          const pick = (c: Scorecard) => (sort.startsWith("score") ? c.score : c.completeness);
          const values = out.map(pick);
          const firstNull = values.findIndex((v) => v === null);
          if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
          const nums = values.filter((v): v is number => v !== null);
          const desc = sort.endsWith("desc");
          for (let i = 1; i < nums.length; i++) expect(desc ? nums[i - 1] >= nums[i] : nums[i - 1] <= nums[i]).toBe(true);
        },
      ),
    );
  });
});

describe("the status mix", () => {
  test("segments in a fixed order, adding up to the whole bar", () => {
    const segs = statusSegments({ Missed: 1, "On track": 2, Achieved: 1 });
    expect(segs.map((s) => [s.status, s.count])).toEqual([
      ["Achieved", 1],
      ["On track", 2],
      ["Missed", 1],
    ]);
    expect(segs.map((s) => s.start)).toEqual([0, 0.25, 0.75]);
    expect(segs.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 12);
    expect(statusSegments({})).toEqual([]);
  });

  test("text alternatives", () => {
    expect(statusMixText({ group: "Dana Reyes", statusCounts: { "At risk": 1, "On track": 3 } })).toBe("Dana Reyes, 4 goals: 3 On track, 1 At risk");
    expect(statusMixText({ group: "Ana", statusCounts: { Achieved: 1 } })).toBe("Ana, 1 goal: 1 Achieved");
    expect(statusMixText({ group: "Ana", statusCounts: {} })).toBe("Ana: no goal has a status yet");
    expect(
      scoreChartText([
        { group: "Dana", score: 0.815 },
        { group: "Tom", score: null },
      ]),
    ).toBe("Dana 82%, Tom —");
  });

  test("property: every status counted once, segments contiguous", () => {
    const counts = fc.dictionary(fc.constantFrom(...STATUS_ORDER), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(counts, (c) => {
        const segs = statusSegments(c);
        expect(segs.reduce((n, s) => n + s.count, 0)).toBe(statusTotal(c));
        let at = 0;
        for (const s of segs) {
          expect(s.start).toBeCloseTo(at, 9);
          expect(s.count).toBeGreaterThan(0);
          at += s.share;
        }
        if (segs.length > 0) expect(at).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe("A4 in new workbooks", () => {
  test("a new workbook starts with a 70% largest weight share; the spec's default stays 50%", () => {
    expect(DEFAULT_SETTINGS.maxWeightShare).toBe(0.5);
    expect(NEW_WORKBOOK_SETTINGS).toEqual({ ...DEFAULT_SETTINGS, maxWeightShare: 0.7 });
  });
});
