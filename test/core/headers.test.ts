import fc from "fast-check";
import { columnLetters } from "../../src/core/a1";
import { ColumnKey, COMPUTED_COLUMNS, INPUT_COLUMNS } from "../../src/core/columns";
import { applyOverrides, HEADER_SYNONYMS, HeaderMapping, matchComputed, matchHeader, normalizeHeader, proposeMapping } from "../../src/core/headers";

/** model.md "Header synonyms", copied verbatim so the test checks the spec, not the code's table. */
const SPEC_SYNONYMS: [string, ColumnKey, string[]][] = [
  ["ID", "id", ["goal id", "key", "ref", "kr id", "goal #"]],
  ["Title", "title", ["goal", "objective", "key result", "kr", "goal title", "description", "kpi"]],
  ["Type", "type", ["goal type", "kind"]],
  ["Level", "level", ["scope", "org level"]],
  ["Parent ID", "parent", ["parent", "parent goal", "aligned to", "aligns to", "supports", "contributes to"]],
  ["Owner", "owner", ["assignee", "responsible", "accountable", "employee", "champion"]],
  ["Weight", "weight", ["weighting", "weight %", "importance"]],
  ["Unit", "unit", ["uom", "unit of measure"]],
  ["Direction", "direction", ["polarity", "better when"]],
  ["Baseline", "baseline", ["start value", "starting value", "base", "from"]],
  ["Threshold", "threshold", ["floor", "minimum"]],
  ["Target", "target", ["target value", "goal value", "commit", "to"]],
  ["Stretch", "stretch", ["stretch target", "maximum"]],
  ["Actual", "actual", ["current", "current value", "result", "achieved", "ytd"]],
  ["Start", "start", ["start date", "begin"]],
  ["Due", "due", ["due date", "deadline", "end date", "target date", "by"]],
  ["Cycle", "cycle", ["period", "quarter", "review period"]],
  ["Data Source", "source", ["source", "calculation"]],
  ["Rollup", "rollup", ["roll-up", "aggregation"]],
  ["Comment", "comment", ["comments", "notes"]],
];

const WEAK = new Set(["from", "to", "by", "base", "minimum", "maximum"]);

const canonicalCases = SPEC_SYNONYMS.map(([header, key]) => [header, key] as const);
const synonymCases = SPEC_SYNONYMS.flatMap(([, key, syns]) => syns.map((s) => [s, key, WEAK.has(s) ? "weak" : "strong"] as const));

describe("the synonym table", () => {
  it("covers every input column of columns.ts, in canonical order", () => {
    expect(SPEC_SYNONYMS.map(([h, k]) => [h, k])).toEqual(INPUT_COLUMNS.map((c) => [c.header, c.key]));
  });

  it("holds exactly the synonyms of model.md", () => {
    for (const [, key, syns] of SPEC_SYNONYMS) expect([...HEADER_SYNONYMS[key]].sort()).toEqual([...syns].sort());
  });

  it("has no normalized name that stands for two columns", () => {
    const seen = new Map<string, ColumnKey>();
    for (const [header, key, syns] of SPEC_SYNONYMS) {
      for (const name of [header, ...syns]) {
        const n = normalizeHeader(name);
        expect(seen.get(n) ?? key).toBe(key);
        seen.set(n, key);
      }
    }
    for (const c of COMPUTED_COLUMNS) expect(seen.has(normalizeHeader(c))).toBe(false);
  });
});

describe("matchHeader", () => {
  it.each(canonicalCases)("canonical %p → %p (strong)", (header, key) => {
    expect(matchHeader(header)).toEqual({ key, confidence: "strong" });
  });

  it.each(synonymCases)("synonym %p → %p (%s)", (header, key, confidence) => {
    expect(matchHeader(header)).toEqual({ key, confidence });
  });

  it.each(synonymCases)("synonym %p in upper case with underscores → %p", (header, key, confidence) => {
    expect(matchHeader(header.toUpperCase().replace(/ /g, "_"))).toEqual({ key, confidence });
  });

  it.each([
    ["PARENT_ID", "parent"],
    ["parent-id", "parent"],
    ["Parent.ID", "parent"],
    ["  Parent   ID  ", "parent"],
    ["parentid", "parent"],
    ["Data\u00a0Source", "source"],
    ["data\tsource", "source"],
    ["DataSource", "source"],
    ["Roll-Up", "rollup"],
    ["roll up", "rollup"],
    ["Dúe Dáte", "due"],
    ["Descripción", null],
    ["DESCRIPTIÓN", "title"],
    ["Commént", "comment"],
    ["Ré.sult", "actual"],
    ["Unit–of–measure", "unit"], // en dash
    ["K.R. ID", "id"],
  ] as const)("normalizes %p → %p", (header, key) => {
    expect(matchHeader(header)?.key ?? null).toBe(key);
  });

  it("normalizeHeader strips case, accents, spaces, _, - and . but keeps # and %", () => {
    expect(normalizeHeader(" Goal #")).toBe("goal#");
    expect(normalizeHeader("Weight %")).toBe("weight%");
    expect(normalizeHeader("Ça_Va-Bien.Ñ")).toBe("cavabienn");
    expect(normalizeHeader("İD")).toBe("id");
    expect(normalizeHeader("")).toBe("");
  });

  it("tries the header as is before dropping a # suffix", () => {
    expect(matchHeader("Goal #")).toEqual({ key: "id", confidence: "strong" });
    expect(matchHeader("GOAL#")).toEqual({ key: "id", confidence: "strong" });
    expect(matchHeader("Goal #2")).toEqual({ key: "title", confidence: "strong" });
  });

  it.each([
    ["Target #2", "target", "strong"],
    ["Target#", "target", "strong"],
    ["Target #", "target", "strong"],
    ["ID #", "id", "strong"],
    ["Owner #12", "owner", "strong"],
    ["To #1", "target", "weak"],
    ["From#", "baseline", "weak"],
  ] as const)("drops a # suffix: %p → %p (%s)", (header, key, confidence) => {
    expect(matchHeader(header)).toEqual({ key, confidence });
  });

  it.each([
    ["Target (USD)", "target"],
    ["Target(%)", "target"],
    ["Baseline [units]", "baseline"],
    ["Weighting %", "weight"],
    ["Weight (%)", "weight"],
    ["Target #2 (USD)", "target"],
    ["Target (USD) #2", "target"],
    ["Target ($)", "target"],
    ["Target (€) %", "target"],
    ["Due (date)", "due"],
    ["Due date:", "due"],
    ["Owner:", "owner"],
    ["* Title", "title"],
    ["Title *", "title"],
    ["Deadline (dd/mm/yyyy)", "due"],
    ["Actual (0-1)", "actual"],
  ] as const)("units and signs around a known name keep it strong: %p → %p", (header, key) => {
    expect(matchHeader(header)).toEqual({ key, confidence: "strong" });
  });

  it.each([
    ["Actual (YTD) %", "actual"],
    ["Target (see note)", "target"],
    ["Owner [backup]", "owner"],
    ["Weighting (draft) %", "weight"],
  ] as const)("other bracketed text makes a weak match: %p → %p", (header, key) => {
    expect(matchHeader(header)).toEqual({ key, confidence: "weak" });
  });

  it("a weak name stays weak with a unit: 'To (USD)'", () => {
    expect(matchHeader("To (USD)")).toEqual({ key: "target", confidence: "weak" });
    expect(matchHeader("By:")).toEqual({ key: "due", confidence: "weak" });
  });

  it("an exact synonym that contains % stays strong", () => {
    expect(matchHeader("Weight %")).toEqual({ key: "weight", confidence: "strong" });
    expect(matchHeader("weight%")).toEqual({ key: "weight", confidence: "strong" });
  });

  it.each(["", "   ", "#", "%", "(USD)", "Region", "Targets", "Goal ID 2", "Tag", "Notes2", "Owner Email", "Score"])("no input column for %p", (header) => {
    expect(matchHeader(header)).toBeNull();
  });

  it.each([
    ["Progress", "Progress"],
    ["SCORE", "Score"],
    ["status", "Status"],
    ["Rolled Up", "Rolled Up"],
    ["rolled_up", "Rolled Up"],
    ["RolledUp", "Rolled Up"],
    ["SMART", "SMART"],
    ["S.M.A.R.T.", "SMART"],
    ["Progress %", "Progress"],
    ["Score #2", "Score"],
  ] as const)("computed header %p → %p", (header, column) => {
    expect(matchComputed(header)).toBe(column);
    expect(matchHeader(header)).toBeNull();
  });

  it("input headers are not computed", () => {
    expect(matchComputed("Target")).toBeNull();
    expect(matchComputed("Roll-up")).toBeNull();
  });
});

/** Every source index exactly once across matches, computed and unmapped. */
function sources(m: HeaderMapping): number[] {
  return [...m.matches, ...m.computed, ...m.unmapped].map((x) => x.source).sort((a, b) => a - b);
}

function keyOf(m: HeaderMapping, source: number): ColumnKey | undefined {
  return m.matches.find((x) => x.source === source)?.key;
}

function reasonOf(m: HeaderMapping, source: number): string | undefined {
  return m.unmapped.find((x) => x.source === source)?.reason;
}

describe("proposeMapping", () => {
  it("maps the canonical header row one to one, nothing missing", () => {
    const m = proposeMapping(INPUT_COLUMNS.map((c) => c.header));
    expect(m.matches).toEqual(INPUT_COLUMNS.map((c, i) => ({ source: i, header: c.header, key: c.key, confidence: "strong" })));
    expect(m.computed).toEqual([]);
    expect(m.unmapped).toEqual([]);
    expect(m.missing).toEqual([]);
  });

  it("maps a typical OKR sheet and lists what is missing in canonical order", () => {
    const m = proposeMapping(["Goal #", "Objective", "Assignee", "Region", "From", "To", "Current", "Deadline", "Progress", "", null]);
    expect(m.matches).toEqual([
      { source: 0, header: "Goal #", key: "id", confidence: "strong" },
      { source: 1, header: "Objective", key: "title", confidence: "strong" },
      { source: 2, header: "Assignee", key: "owner", confidence: "strong" },
      { source: 4, header: "From", key: "baseline", confidence: "weak" },
      { source: 5, header: "To", key: "target", confidence: "weak" },
      { source: 6, header: "Current", key: "actual", confidence: "strong" },
      { source: 7, header: "Deadline", key: "due", confidence: "strong" },
    ]);
    expect(m.computed).toEqual([{ source: 8, header: "Progress", column: "Progress" }]);
    expect(m.unmapped).toEqual([
      { source: 3, header: "Region", reason: "no known column" },
      { source: 9, header: "", reason: "blank header" },
      { source: 10, header: "", reason: "blank header" },
    ]);
    expect(m.missing).toEqual([
      "type",
      "level",
      "parent",
      "weight",
      "unit",
      "direction",
      "threshold",
      "stretch",
      "start",
      "cycle",
      "source",
      "rollup",
      "comment",
    ]);
  });

  it("two synonyms for Title: the leftmost wins, the other is unmapped naming the winner", () => {
    const m = proposeMapping(["ID", "Objective", "Description"]);
    expect(keyOf(m, 1)).toBe("title");
    expect(keyOf(m, 2)).toBeUndefined();
    expect(reasonOf(m, 2)).toBe("Title is already taken by column B 'Objective'");
  });

  it("description, kpi and notes follow model.md (Title, Title, Comment)", () => {
    const m = proposeMapping(["KPI", "Notes"]);
    expect(m.matches.map((x) => x.key)).toEqual(["title", "comment"]);
    const d = proposeMapping(["Notes", "Comments", "Description"]);
    expect(keyOf(d, 0)).toBe("comment");
    expect(reasonOf(d, 1)).toBe("Comment is already taken by column A 'Notes'");
    expect(keyOf(d, 2)).toBe("title");
  });

  it("the exact canonical name beats a synonym even when it is to the right", () => {
    const m = proposeMapping(["Objective", "Title"]);
    expect(keyOf(m, 1)).toBe("title");
    expect(reasonOf(m, 0)).toBe("Title is already taken by column B 'Title'");
  });

  it("a # suffix or decoration on the canonical name still counts as the canonical name", () => {
    const m = proposeMapping(["Target Value", "Target #2"]);
    expect(keyOf(m, 1)).toBe("target");
    expect(reasonOf(m, 0)).toBe("Target is already taken by column B 'Target #2'");
    const w = proposeMapping(["To", "Target (see note)"]);
    expect(keyOf(w, 1)).toBe("target");
    expect(w.matches[0].confidence).toBe("weak");
    expect(reasonOf(w, 0)).toBe("Target is already taken by column B 'Target (see note)'");
  });

  it("strong beats weak, whatever the order", () => {
    const m = proposeMapping(["By", "Due Date"]);
    expect(keyOf(m, 1)).toBe("due");
    expect(m.matches).toEqual([{ source: 1, header: "Due Date", key: "due", confidence: "strong" }]);
    expect(reasonOf(m, 0)).toBe("Due is already taken by column B 'Due Date'");
    // The exact canonical name, when weak because decorated, loses to a strong synonym.
    const n = proposeMapping(["Target (see note)", "Goal Value"]);
    expect(keyOf(n, 1)).toBe("target");
    expect(reasonOf(n, 0)).toBe("Target is already taken by column B 'Goal Value'");
    // A unit is not a doubt: the canonical name with its unit beats a synonym.
    const u = proposeMapping(["Goal Value", "Target (USD)"]);
    expect(keyOf(u, 1)).toBe("target");
    expect(reasonOf(u, 0)).toBe("Target is already taken by column B 'Target (USD)'");
  });

  it("equal candidates: the leftmost wins", () => {
    const m = proposeMapping(["Deadline", "End Date", "Target Date"]);
    expect(m.matches).toEqual([{ source: 0, header: "Deadline", key: "due", confidence: "strong" }]);
    expect(reasonOf(m, 1)).toBe("Due is already taken by column A 'Deadline'");
    expect(reasonOf(m, 2)).toBe("Due is already taken by column A 'Deadline'");
  });

  it("names columns beyond Z with two letters, or as the caller says", () => {
    const headers: unknown[] = Array.from({ length: 28 }, () => "x");
    headers[0] = "Goal";
    headers[27] = "Objective";
    expect(reasonOf(proposeMapping(headers), 27)).toBe("Title is already taken by column A 'Goal'");
    headers[0] = "x";
    headers[26] = "Title";
    expect(reasonOf(proposeMapping(headers), 27)).toBe("Title is already taken by column AA 'Title'");
    const custom = proposeMapping(["Goal", "KPI"], { columnName: (i) => String.fromCharCode(67 + i) });
    expect(reasonOf(custom, 1)).toBe("Title is already taken by column C 'Goal'");
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("computed headers go to computed, never to matches", () => {
    const m = proposeMapping(["Title", "Progress", "Score", "Status", "Rolled Up", "SMART"]);
    expect(m.matches.map((x) => x.key)).toEqual(["title"]);
    expect(m.computed).toEqual([
      { source: 1, header: "Progress", column: "Progress" },
      { source: 2, header: "Score", column: "Score" },
      { source: 3, header: "Status", column: "Status" },
      { source: 4, header: "Rolled Up", column: "Rolled Up" },
      { source: 5, header: "SMART", column: "SMART" },
    ]);
    expect(m.unmapped).toEqual([]);
  });

  it("a second copy of a computed column is kept as a user column", () => {
    const m = proposeMapping(["score", "SCORE"]);
    expect(m.computed).toEqual([{ source: 0, header: "score", column: "Score" }]);
    expect(m.unmapped).toEqual([{ source: 1, header: "SCORE", reason: "Score is already taken by column A 'score'" }]);
  });

  it("reads headers as cells hand them over", () => {
    const m = proposeMapping([
      2026,
      true,
      null,
      undefined,
      "  Owner  ",
      { richText: [{ text: "Tar" }, { text: "get" }] },
      { formula: '="Due"', result: "Due" },
      { text: "Data Source", hyperlink: "http://x" },
      "#REF!",
    ]);
    expect(m.matches).toEqual([
      { source: 4, header: "Owner", key: "owner", confidence: "strong" },
      { source: 5, header: "Target", key: "target", confidence: "strong" },
      { source: 6, header: "Due", key: "due", confidence: "strong" },
      { source: 7, header: "Data Source", key: "source", confidence: "strong" },
    ]);
    expect(m.unmapped).toEqual([
      { source: 0, header: "2026", reason: "no known column" },
      { source: 1, header: "TRUE", reason: "no known column" },
      { source: 2, header: "", reason: "blank header" },
      { source: 3, header: "", reason: "blank header" },
      { source: 8, header: "#REF!", reason: "no known column" },
    ]);
  });

  it("an empty header row maps nothing", () => {
    expect(proposeMapping([])).toEqual({
      matches: [],
      computed: [],
      unmapped: [],
      missing: INPUT_COLUMNS.map((c) => c.key),
    });
  });
});

describe("applyOverrides", () => {
  const base = proposeMapping(["Goal #", "Objective", "Description", "From", "Region", "Score"]);

  it("the proposal it starts from", () => {
    expect(base.matches.map((x) => [x.source, x.key])).toEqual([
      [0, "id"],
      [1, "title"],
      [3, "baseline"],
    ]);
    expect(base.unmapped.map((x) => x.source)).toEqual([2, 4]);
    expect(base.computed.map((x) => x.source)).toEqual([5]);
  });

  it("no overrides: the same mapping, as a copy", () => {
    const m = applyOverrides(base, []);
    expect(m).toEqual(base);
    expect(m).not.toBe(base);
    expect(m.matches).not.toBe(base.matches);
  });

  it("maps an unmapped source to a free key", () => {
    const m = applyOverrides(base, [{ source: 4, key: "level" }]);
    expect(keyOf(m, 4)).toBe("level");
    expect(m.matches.find((x) => x.source === 4)).toEqual({ source: 4, header: "Region", key: "level", confidence: "strong" });
    expect(m.unmapped.map((x) => x.source)).toEqual([2]);
    expect(m.missing).not.toContain("level");
    expect(m.matches.map((x) => x.source)).toEqual([0, 1, 3, 4]);
  });

  it("a taken key: the override wins, the displaced column becomes unmapped naming the new one", () => {
    const m = applyOverrides(base, [{ source: 2, key: "title" }]);
    expect(keyOf(m, 2)).toBe("title");
    expect(keyOf(m, 1)).toBeUndefined();
    expect(reasonOf(m, 1)).toBe("Title was given to column C 'Description' by your choice");
    expect(m.matches.filter((x) => x.key === "title")).toHaveLength(1);
    expect(sources(m)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("a later override wins over an earlier one for the same key", () => {
    const m = applyOverrides(base, [
      { source: 4, key: "owner" },
      { source: 2, key: "owner" },
    ]);
    expect(keyOf(m, 2)).toBe("owner");
    expect(keyOf(m, 4)).toBeUndefined();
    expect(reasonOf(m, 4)).toBe("Owner was given to column C 'Description' by your choice");
    expect(keyOf(m, 1)).toBe("title");
  });

  it("moving a source to another key frees its old key", () => {
    const m = applyOverrides(base, [{ source: 3, key: "threshold" }]);
    expect(keyOf(m, 3)).toBe("threshold");
    expect(m.missing).toContain("baseline");
    expect(m.missing).not.toContain("threshold");
  });

  it("confirming a weak match makes it strong", () => {
    const m = applyOverrides(base, [{ source: 3, key: "baseline" }]);
    expect(m.matches.find((x) => x.source === 3)).toEqual({ source: 3, header: "From", key: "baseline", confidence: "strong" });
    expect(m.matches).toHaveLength(3);
  });

  it("dropping a match keeps the source as a user column and the key becomes missing", () => {
    const m = applyOverrides(base, [{ source: 1, key: null }]);
    expect(keyOf(m, 1)).toBeUndefined();
    expect(reasonOf(m, 1)).toBe("kept as a user column by your choice");
    expect(m.missing).toContain("title");
    expect(sources(m)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("a computed header can be dropped or mapped by the user", () => {
    const dropped = applyOverrides(base, [{ source: 5, key: null }]);
    expect(dropped.computed).toEqual([]);
    expect(reasonOf(dropped, 5)).toBe("kept as a user column by your choice");
    const mapped = applyOverrides(base, [{ source: 5, key: "actual" }]);
    expect(mapped.computed).toEqual([]);
    expect(keyOf(mapped, 5)).toBe("actual");
  });

  it("ignores sources that are not in the mapping", () => {
    expect(
      applyOverrides(base, [
        { source: 99, key: "title" },
        { source: -1, key: null },
      ]),
    ).toEqual(base);
  });

  it("does not change its input", () => {
    const before = JSON.stringify(base);
    applyOverrides(base, [
      { source: 2, key: "title" },
      { source: 0, key: null },
      { source: 3, key: "baseline" },
    ]);
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe("properties", () => {
  const headerValue = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom(
      ...INPUT_COLUMNS.map((c) => c.header),
      ...Object.values(HEADER_SYNONYMS).flat(),
      ...COMPUTED_COLUMNS,
      "Target #2",
      "Target (USD)",
      "Weighting %",
      "",
      " ",
      "#N/A",
    ),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
    fc.anything(),
  );

  function checkInvariants(m: HeaderMapping, n: number): void {
    const keys = m.matches.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    const cols = m.computed.map((x) => x.column);
    expect(new Set(cols).size).toBe(cols.length);
    expect(sources(m)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (const list of [m.matches, m.computed, m.unmapped]) {
      const s = list.map((x) => x.source);
      expect(s).toEqual([...s].sort((a, b) => a - b));
    }
    expect(m.missing).toEqual(INPUT_COLUMNS.map((c) => c.key).filter((k) => !keys.includes(k)));
  }

  it("proposeMapping never throws, never maps two sources to one key, and accounts for every source once", () => {
    fc.assert(
      fc.property(fc.array(headerValue, { maxLength: 40 }), (headers) => {
        checkInvariants(proposeMapping(headers), headers.length);
      }),
      { numRuns: 500 },
    );
  });

  it("applyOverrides keeps the same invariants for any sequence of overrides", () => {
    const keyOrNull = fc.constantFrom<ColumnKey | null>(null, ...INPUT_COLUMNS.map((c) => c.key));
    fc.assert(
      fc.property(
        fc.array(headerValue, { maxLength: 25 }),
        fc.array(fc.record({ source: fc.integer({ min: -2, max: 30 }), key: keyOrNull }), { maxLength: 15 }),
        (headers, overrides) => {
          const m = applyOverrides(proposeMapping(headers), overrides);
          checkInvariants(m, headers.length);
          // The last override for a valid source decides where it ends up.
          const last = new Map<number, ColumnKey | null>();
          for (const o of overrides) if (o.source >= 0 && o.source < headers.length) last.set(o.source, o.key);
          for (const [source, key] of last) {
            const now = keyOf(m, source);
            if (key === null) expect(now).toBeUndefined();
            // A later override for the same key by another source may have displaced it.
            else if (now !== undefined) expect(now).toBe(key);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matchHeader is insensitive to case, spaces, _, -, . and accents", () => {
    const names = [...INPUT_COLUMNS.map((c) => c.header), ...Object.values(HEADER_SYNONYMS).flat()];
    const noise = fc.constantFrom(" ", "_", "-", ".", "  ", "\u00a0", "\u0301", "\u0308");
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(fc.boolean(), { maxLength: 30 }), fc.array(noise, { maxLength: 30 }), (name, upper, seps) => {
        let s = "";
        [...name].forEach((ch, i) => {
          s += upper[i] ? ch.toUpperCase() : ch;
          if (seps[i]) s += seps[i];
        });
        expect(matchHeader(s)).toEqual(matchHeader(name));
      }),
    );
  });
});
