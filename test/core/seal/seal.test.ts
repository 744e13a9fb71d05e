/**
 * The seal's canonical document (review.md "Seal"), SHA-256 and the diff against a
 * sealed document. The expected documents are written out by hand as literal JSON.
 */

import { CycleState } from "../../../src/core/meta";
import { SealDocument, canonicalValue, diffSeal, parseSealDocument, sealDocument, sealedColumns, serializeSeal, sha256Hex } from "../../../src/core/seal";
import { nodeSha256 } from "./helpers";
import { GoalRecord, CheckInRecord } from "../../../src/core/tables";

// ------------------------------------------------------------------ fixture

/** Three goals in input order G-2, g-10, G-3 (sorted: G-10 < G-2 < G-3 ordinal). */
const GOALS: GoalRecord[] = [
  {
    values: {
      id: " G-2 ",
      title: "  Grow ARR  ",
      type: "kr",
      level: "dept",
      parent: "G-10",
      owner: "Ana",
      weight: "40%",
      unit: "USD",
      direction: "up",
      baseline: "1,234.5",
      threshold: -0,
      target: 2000,
      stretch: "",
      actual: 1500,
      start: 46022,
      due: "2026-06-30",
      cycle: "2026-H1",
      source: "CRM report",
      rollup: "",
      comment: "on plan",
    },
  },
  {
    values: {
      id: "g-10",
      title: "Cafe\u0301 quality",
      type: "Objective",
      level: "Company",
      parent: null,
      owner: undefined,
      weight: 0.6,
      unit: "%",
      direction: "\u2193",
      baseline: "#N/A",
      threshold: " about 20 ",
      target: "$100",
      stretch: "   ",
      actual: true,
      start: new Date(Date.UTC(2026, 0, 15, 13, 30)),
      due: "2026-03-31T00:00:00Z",
      cycle: "2026-Q1",
      source: "  ",
      rollup: "worst",
      comment: "x",
    },
  },
  {
    values: {
      id: "G-3",
      title: "Ship v2",
      type: "KPI",
      level: "Teamish",
      direction: "binary",
      actual: "done",
      start: "31/12/2025",
      due: "#REF!",
      rollup: "Own",
    },
  },
];

const CHECKINS: CheckInRecord[] = [
  { values: { goalId: "G-2", date: "2026-02-01", value: 1200, confidence: "80%", comment: " on plan " } },
  { values: { goalId: "g-10", date: 46053, value: "yes", confidence: 0.5, comment: "" } },
  { values: { goalId: "G-2", date: "2026-01-01", value: "1,100", confidence: null, comment: "first" } },
  { values: { goalId: "G-2", date: "2026-01-01", value: 1150, confidence: 1, comment: "second same day" } },
];

// Written by hand from review.md and model.md.
const COLUMNS_18 =
  '"ID","Title","Type","Level","Parent ID","Owner","Weight","Unit","Direction","Baseline","Threshold","Target","Stretch","Start","Due","Cycle","Data Source","Rollup"';
const COLUMNS_19 =
  '"ID","Title","Type","Level","Parent ID","Owner","Weight","Unit","Direction","Baseline","Threshold","Target","Stretch","Actual","Start","Due","Cycle","Data Source","Rollup"';
const COLUMNS_20 = COLUMNS_19 + ',"Comment"';

const EXPECTED_DATA_LOCKED =
  '{"v":1,"cycle":"2026-H1","state":"Data locked",' +
  `"columns":[${COLUMNS_19}],` +
  '"goals":[' +
  '["g-10","Caf\u00e9 quality","Objective","Company",null,null,0.6,"%","Decrease","#N/A","about 20",100,null,true,"2026-01-15","2026-03-31","2026-Q1",null,"Worst"],' +
  '["G-2","Grow ARR","Key Result","Department","G-10","Ana",0.4,"USD","Increase",1234.5,0,2000,null,1500,"2025-12-31","2026-06-30","2026-H1","CRM report",null],' +
  '["G-3","Ship v2","KPI","Teamish",null,null,null,null,"Milestone",null,null,null,null,true,"31/12/2025","#REF!",null,null,"Own"]' +
  "]," +
  '"checkins":[' +
  '["g-10","2026-01-31",true,0.5,null],' +
  '["G-2","2026-01-01",1100,null,"first"],' +
  '["G-2","2026-01-01",1150,1,"second same day"],' +
  '["G-2","2026-02-01",1200,0.8,"on plan"]' +
  "]}";

const EXPECTED_ACTIVE =
  '{"v":1,"cycle":"2026-H1","state":"Active",' +
  `"columns":[${COLUMNS_18}],` +
  '"goals":[' +
  '["g-10","Caf\u00e9 quality","Objective","Company",null,null,0.6,"%","Decrease","#N/A","about 20",100,null,"2026-01-15","2026-03-31","2026-Q1",null,"Worst"],' +
  '["G-2","Grow ARR","Key Result","Department","G-10","Ana",0.4,"USD","Increase",1234.5,0,2000,null,"2025-12-31","2026-06-30","2026-H1","CRM report",null],' +
  '["G-3","Ship v2","KPI","Teamish",null,null,null,null,"Milestone",null,null,null,null,"31/12/2025","#REF!",null,null,"Own"]' +
  "]}";

const EXPECTED_CLOSED =
  '{"v":1,"cycle":"2026-H1","state":"Closed",' +
  `"columns":[${COLUMNS_20}],` +
  '"goals":[' +
  '["g-10","Caf\u00e9 quality","Objective","Company",null,null,0.6,"%","Decrease","#N/A","about 20",100,null,true,"2026-01-15","2026-03-31","2026-Q1",null,"Worst","x"],' +
  '["G-2","Grow ARR","Key Result","Department","G-10","Ana",0.4,"USD","Increase",1234.5,0,2000,null,1500,"2025-12-31","2026-06-30","2026-H1","CRM report",null,"on plan"],' +
  '["G-3","Ship v2","KPI","Teamish",null,null,null,null,"Milestone",null,null,null,null,true,"31/12/2025","#REF!",null,null,"Own",null]' +
  "]," +
  '"checkins":[' +
  '["g-10","2026-01-31",true,0.5,null],' +
  '["G-2","2026-01-01",1100,null,"first"],' +
  '["G-2","2026-01-01",1150,1,"second same day"],' +
  '["G-2","2026-02-01",1200,0.8,"on plan"]' +
  "]}";

describe("canonical seal document, byte for byte", () => {
  test("Data locked: 19 columns, check-ins present", () => {
    expect(serializeSeal(sealDocument("2026-H1", "Data locked", GOALS, CHECKINS))).toBe(EXPECTED_DATA_LOCKED);
  });

  test("In review seals the same columns and check-ins as Data locked", () => {
    expect(serializeSeal(sealDocument("2026-H1", "In review", GOALS, CHECKINS))).toBe(
      EXPECTED_DATA_LOCKED.replace('"state":"Data locked"', '"state":"In review"'),
    );
  });

  test("Active: 18 columns (no Actual, no Comment) and no checkins key at all", () => {
    const s = serializeSeal(sealDocument("2026-H1", "Active", GOALS, CHECKINS));
    expect(s).toBe(EXPECTED_ACTIVE);
    expect(Object.prototype.hasOwnProperty.call(JSON.parse(s), "checkins")).toBe(false);
  });

  test("Closed: all 20 columns, check-ins present", () => {
    expect(serializeSeal(sealDocument("2026-H1", "Closed", GOALS, CHECKINS))).toBe(EXPECTED_CLOSED);
  });

  test("the document holds no spaces outside strings and only NFC text", () => {
    const s = serializeSeal(sealDocument("2026-H1", "Closed", GOALS, CHECKINS));
    expect(s).toBe(JSON.stringify(JSON.parse(s)));
    expect(s).toBe(s.normalize("NFC"));
    expect(s).not.toContain("e\u0301");
  });

  test("the seal is the SHA-256 of the document's UTF-8 bytes", async () => {
    expect(await sha256Hex(EXPECTED_DATA_LOCKED)).toBe(nodeSha256(EXPECTED_DATA_LOCKED));
    expect(await sha256Hex(serializeSeal(sealDocument("2026-H1", "Data locked", GOALS, CHECKINS)))).toBe(nodeSha256(EXPECTED_DATA_LOCKED));
  });

  test("a null cycle is written as null", () => {
    expect(serializeSeal(sealDocument(null, "Active", [], []))).toBe(`{"v":1,"cycle":null,"state":"Active","columns":[${COLUMNS_18}],"goals":[]}`);
    expect(serializeSeal(sealDocument(null, "Closed", [], []))).toBe(
      `{"v":1,"cycle":null,"state":"Closed","columns":[${COLUMNS_20}],"goals":[],"checkins":[]}`,
    );
  });

  test("-0 becomes 0 in the document itself, not only in its JSON", () => {
    const doc = sealDocument(
      "c",
      "Closed",
      [{ values: { id: "A", weight: -0, baseline: "-0", target: "0%", actual: -0 } }],
      [{ values: { goalId: "A", value: -0, confidence: -0 } }],
    );
    const [row] = doc.goals;
    for (const i of [6, 9, 11, 13]) expect(Object.is(row[i], 0)).toBe(true);
    expect(Object.is(doc.checkins?.[0][2], 0)).toBe(true);
    expect(Object.is(doc.checkins?.[0][3], 0)).toBe(true);
  });
});

describe("sealed columns per state", () => {
  const ALL = [
    "ID",
    "Title",
    "Type",
    "Level",
    "Parent ID",
    "Owner",
    "Weight",
    "Unit",
    "Direction",
    "Baseline",
    "Threshold",
    "Target",
    "Stretch",
    "Actual",
    "Start",
    "Due",
    "Cycle",
    "Data Source",
    "Rollup",
    "Comment",
  ];
  const cases: [CycleState, string[]][] = [
    ["Active", ALL.filter((c) => c !== "Actual" && c !== "Comment")],
    ["Data locked", ALL.filter((c) => c !== "Comment")],
    ["In review", ALL.filter((c) => c !== "Comment")],
    ["Closed", ALL],
  ];
  test.each(cases)("%s", (state, columns) => {
    const doc = sealDocument("x", state, [], []);
    expect(doc.columns).toEqual(columns);
    expect(sealedColumns(state)).toHaveLength(columns.length);
    expect({ Active: 18, "Data locked": 19, "In review": 19, Closed: 20 }[state as string]).toBe(columns.length);
  });

  test("check-ins are sealed from Data locked on, never in Active", () => {
    const ci: CheckInRecord[] = [{ values: { goalId: "G-1", date: "2026-01-01", value: 1 } }];
    expect(sealDocument("x", "Active", [], ci).checkins).toBeUndefined();
    for (const s of ["Data locked", "In review", "Closed"] as const)
      expect(sealDocument("x", s, [], ci).checkins).toEqual([["G-1", "2026-01-01", 1, null, null]]);
  });
});

describe("row order: upper-cased ID, ordinal", () => {
  const ids = (state: CycleState, list: unknown[]): unknown[] =>
    sealDocument(
      "x",
      state,
      list.map((id) => ({ values: { id } })),
      [],
    ).goals.map((r) => r[0]);

  test("\"g-10\" sorts before \"G-2\" ('1' < '2'), case ignored", () => {
    expect(ids("Active", ["G-2", "g-10"])).toEqual(["g-10", "G-2"]);
    expect(ids("Active", ["b-1", "A-2", "a-1"])).toEqual(["a-1", "A-2", "b-1"]);
  });

  test("ordinal, not natural or locale order", () => {
    // 'Z' (0x5A) < '_' (0x5F) < lower-case letters are upper-cased first; 'É' (0xC9) after 'Z'.
    expect(ids("Active", ["G-9", "G-10", "G-100"])).toEqual(["G-10", "G-100", "G-9"]);
    expect(ids("Active", ["\u00e9-1", "z-1", "A_1", "A-1"])).toEqual(["A-1", "A_1", "z-1", "\u00e9-1"]);
  });

  test("the sort uses the canonical (trimmed) ID", () => {
    expect(ids("Active", ["G-2", "  G-1"])).toEqual(["G-1", "G-2"]);
  });

  test("input order does not matter for distinct IDs", async () => {
    const a = serializeSeal(sealDocument("x", "Closed", GOALS, CHECKINS));
    const b = serializeSeal(sealDocument("x", "Closed", [GOALS[2], GOALS[0], GOALS[1]], CHECKINS));
    expect(b).toBe(a);
    expect(await sha256Hex(b)).toBe(await sha256Hex(a));
  });
});

describe("check-in order: goal ID, then date, then row order", () => {
  test("goal ID first (upper-cased like goals), then date, ties in row order", () => {
    const ci: CheckInRecord[] = [
      { values: { goalId: "G-2", date: "2026-03-01", value: 1 } },
      { values: { goalId: "G-10", date: "2026-05-01", value: 2 } },
      { values: { goalId: "G-2", date: 46022, value: 3 } },
      { values: { goalId: "G-2", date: "2026-03-01", value: 4 } },
      { values: { goalId: "G-2", date: "2026-03-01", value: 5 } },
    ];
    const doc = sealDocument("x", "Data locked", [], ci);
    expect(doc.checkins?.map((r) => r[2])).toEqual([2, 3, 1, 4, 5]);
  });

  test("check-in values go through the cell reader", () => {
    const doc = sealDocument(
      "x",
      "Closed",
      [],
      [
        { values: { goalId: " G-1 ", date: new Date(Date.UTC(2026, 1, 3, 23, 59)), value: "not done", confidence: "75%", comment: "Cafe\u0301" } },
        { values: { goalId: "G-2", date: "03/02/2026", value: "lots", confidence: "high", comment: "#N/A" } },
      ],
    );
    expect(doc.checkins).toEqual([
      ["G-1", "2026-02-03", false, 0.75, "Caf\u00e9"],
      ["G-2", "03/02/2026", "lots", "high", "#N/A"],
    ]);
  });
});

describe("canonical cell values (model.md reader)", () => {
  test("blank → null", () => {
    for (const raw of ["", "   ", "\t", null, undefined]) {
      expect(canonicalValue("title", raw)).toBeNull();
      expect(canonicalValue("weight", raw)).toBeNull();
      expect(canonicalValue("due", raw)).toBeNull();
      expect(canonicalValue("direction", raw)).toBeNull();
      expect(canonicalValue("actual", raw)).toBeNull();
    }
  });

  test("numbers", () => {
    expect(canonicalValue("target", 12.5)).toBe(12.5);
    expect(Object.is(canonicalValue("target", -0), 0)).toBe(true);
    expect(canonicalValue("target", "1,234.5")).toBe(1234.5);
    expect(canonicalValue("weight", "40%")).toBe(0.4);
    expect(canonicalValue("weight", 0.4)).toBe(0.4);
    expect(canonicalValue("baseline", " 17 ")).toBe(17);
    expect(canonicalValue("target", "\u20ac 12")).toBe(12);
    expect(canonicalValue("target", "100 USD")).toBe(100);
    expect(canonicalValue("actual", "1,500")).toBe(1500);
  });

  test("dates → YYYY-MM-DD", () => {
    expect(canonicalValue("due", 46022)).toBe("2025-12-31");
    expect(canonicalValue("due", 46022.99)).toBe("2025-12-31");
    expect(canonicalValue("due", 61)).toBe("1900-03-01");
    expect(canonicalValue("start", "2026-01-15")).toBe("2026-01-15");
    expect(canonicalValue("start", " 2026-01-15T18:00:00Z ")).toBe("2026-01-15");
    expect(canonicalValue("start", new Date(Date.UTC(2026, 0, 15)))).toBe("2026-01-15");
    expect(canonicalValue("start", new Date(Date.UTC(2026, 0, 15, 23, 59, 59)))).toBe("2026-01-15");
    // 1904 date system adds 1462 days.
    expect(canonicalValue("due", 46022 - 1462, 1904)).toBe("2025-12-31");
  });

  test("booleans in Actual", () => {
    expect(canonicalValue("actual", true)).toBe(true);
    expect(canonicalValue("actual", false)).toBe(false);
    expect(canonicalValue("actual", "TRUE")).toBe(true);
    expect(canonicalValue("actual", "done")).toBe(true);
    expect(canonicalValue("actual", "not done")).toBe(false);
  });

  test("text → trimmed, NFC", () => {
    expect(canonicalValue("title", "  e\u0301t\u00e9  ")).toBe("\u00e9t\u00e9");
    expect(canonicalValue("title", "  e\u0301  ")).toBe("\u00e9");
    expect(canonicalValue("owner", "A\u030angstr\u00f6m")).toBe("\u00c5ngstr\u00f6m");
    expect(canonicalValue("title", '=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(canonicalValue("comment", "two  spaces inside")).toBe("two  spaces inside");
  });

  test("enumerations → canonical spelling", () => {
    expect(canonicalValue("direction", "up")).toBe("Increase");
    expect(canonicalValue("direction", "Higher is better")).toBe("Increase");
    expect(canonicalValue("direction", "\u2191")).toBe("Increase");
    expect(canonicalValue("direction", "REDUCE")).toBe("Decrease");
    expect(canonicalValue("direction", ">=")).toBe("At least");
    expect(canonicalValue("direction", "maintain below")).toBe("At most");
    expect(canonicalValue("direction", "yes/no")).toBe("Milestone");
    expect(canonicalValue("level", "dept")).toBe("Department");
    expect(canonicalValue("level", " TEAM ")).toBe("Team");
    expect(canonicalValue("type", "key result")).toBe("Key Result");
    expect(canonicalValue("rollup", "sum")).toBe("Sum");
  });

  test("a rejected cell (E1–E4) → its trimmed text", () => {
    expect(canonicalValue("target", "#N/A")).toBe("#N/A");
    expect(canonicalValue("title", " #DIV/0! ")).toBe("#DIV/0!");
    expect(canonicalValue("target", { error: "#REF!" })).toBe("#REF!");
    expect(canonicalValue("target", "about 20")).toBe("about 20");
    expect(canonicalValue("target", "  about 20 ")).toBe("about 20");
    expect(canonicalValue("due", " next week ")).toBe("next week");
    expect(canonicalValue("due", "2026-02-30")).toBe("2026-02-30");
    expect(canonicalValue("direction", " sideways ")).toBe("sideways");
    expect(canonicalValue("actual", "maybe")).toBe("maybe");
  });

  test("a rejected cell's text is also NFC (reading chosen: all text in the document is NFC)", () => {
    expect(canonicalValue("target", " cafe\u0301 ")).toBe("caf\u00e9");
    expect(canonicalValue("direction", "cafe\u0301")).toBe("caf\u00e9");
  });

  test("a number in a text column is the text the reader makes of it", () => {
    expect(canonicalValue("title", 42)).toBe("42");
    expect(canonicalValue("id", -0)).toBe("0");
  });
});

describe("sha256Hex", () => {
  test.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    ["\u00e9", "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"],
    ["Gr\u00fc\u00dfe, \u4e16\u754c \u{1F3AF}", "6e1fe51b565e438f2fee969744b3d0a5989456ede6d19aef0f4e120be9605d06"],
  ])("%j", async (text, hex) => {
    expect(await sha256Hex(text)).toBe(hex);
  });

  test("a million a's", async () => {
    expect(await sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  test("NFC and NFD of the same text hash differently (the document must be NFC)", async () => {
    expect(await sha256Hex("e\u0301")).not.toBe(await sha256Hex("\u00e9"));
    expect(await sha256Hex("e\u0301")).toBe(nodeSha256("e\u0301"));
  });

  test("lowercase hex, 64 characters", async () => {
    expect(await sha256Hex("goal")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("parseSealDocument", () => {
  test("round trip of a serialized document", () => {
    const doc = sealDocument("2026-H1", "Closed", GOALS, CHECKINS);
    expect(parseSealDocument(serializeSeal(doc))).toEqual(doc);
  });
  test("not a document → null", () => {
    for (const t of [null, "", "{", "[]", '{"v":2,"columns":[],"goals":[]}', '{"v":1}', "null"]) expect(parseSealDocument(t)).toBeNull();
  });
});

describe("diffSeal", () => {
  const sealed = sealDocument("2026-H1", "Data locked", GOALS, CHECKINS);
  const withValues = (i: number, patch: Record<string, unknown>): GoalRecord[] => GOALS.map((g, j) => (j === i ? { values: { ...g.values, ...patch } } : g));

  test("identical → no differences", () => {
    expect(diffSeal(sealed, sealDocument("2026-H1", "Data locked", GOALS, CHECKINS))).toEqual([]);
  });

  test("a changed cell: goal, column, sealed value, current value", () => {
    const current = sealDocument("2026-H1", "Data locked", withValues(0, { target: 2500 }), CHECKINS);
    expect(diffSeal(sealed, current)).toEqual([{ goal: "G-2", column: "Target", sealed: 2000, current: 2500, kind: "changed" }]);
  });

  test("a change that canonicalizes to the same value is no difference", () => {
    const current = sealDocument("2026-H1", "Data locked", withValues(0, { target: "2,000", direction: "Increase", title: "Grow ARR", weight: 0.4 }), CHECKINS);
    expect(diffSeal(sealed, current)).toEqual([]);
  });

  test("several changes in one goal, each its own difference, in column order", () => {
    const current = sealDocument("2026-H1", "Data locked", withValues(1, { due: "2026-04-30", level: "Team", baseline: 5 }), CHECKINS);
    expect(diffSeal(sealed, current)).toEqual([
      { goal: "g-10", column: "Level", sealed: "Company", current: "Team", kind: "changed" },
      { goal: "g-10", column: "Baseline", sealed: "#N/A", current: 5, kind: "changed" },
      { goal: "g-10", column: "Due", sealed: "2026-03-31", current: "2026-04-30", kind: "changed" },
    ]);
  });

  test("a value changed to blank and back", () => {
    const blanked = sealDocument("2026-H1", "Data locked", withValues(0, { owner: "  " }), CHECKINS);
    expect(diffSeal(sealed, blanked)).toEqual([{ goal: "G-2", column: "Owner", sealed: "Ana", current: null, kind: "changed" }]);
    expect(diffSeal(blanked, sealed)).toEqual([{ goal: "G-2", column: "Owner", sealed: null, current: "Ana", kind: "changed" }]);
  });

  test("a change in a column the state leaves editable is no difference", () => {
    const current = sealDocument("2026-H1", "Data locked", withValues(0, { comment: "changed" }), CHECKINS);
    expect(diffSeal(sealed, current)).toEqual([]);
  });

  test("an ID changed only in case is a change of the ID column", () => {
    const current = sealDocument("2026-H1", "Data locked", withValues(1, { id: "G-10" }), CHECKINS);
    expect(diffSeal(sealed, current)).toEqual([{ goal: "g-10", column: "ID", sealed: "g-10", current: "G-10", kind: "changed" }]);
  });

  test("goal added", () => {
    const current = sealDocument("2026-H1", "Data locked", [...GOALS, { values: { id: "G-4", title: "New" } }], CHECKINS);
    const d = diffSeal(sealed, current);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ goal: "G-4", column: "(goal)", sealed: null, kind: "added" });
    expect(d[0].current).toEqual(current.goals[3]);
  });

  test("goal removed", () => {
    const current = sealDocument("2026-H1", "Data locked", [GOALS[0], GOALS[2]], CHECKINS);
    const d = diffSeal(sealed, current);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ goal: "g-10", column: "(goal)", current: null, kind: "removed" });
    expect(d[0].sealed).toEqual(sealed.goals[0]);
  });

  test("an ID changed to another ID: the old goal removed, the new one added", () => {
    const current = sealDocument("2026-H1", "Data locked", withValues(2, { id: "G-30" }), CHECKINS);
    const d = diffSeal(sealed, current);
    expect(d.map((x) => [x.kind, x.goal, x.column])).toEqual([
      ["removed", "G-3", "(goal)"],
      ["added", "G-30", "(goal)"],
    ]);
  });

  describe("duplicate IDs", () => {
    const dup: GoalRecord[] = [{ values: { id: "G-1", title: "first", target: 1 } }, { values: { id: "g-1", title: "second", target: 2 } }];
    const s = sealDocument("c", "Active", dup, []);

    test("both kept in the document, in row order", () => {
      expect(s.goals.map((r) => r[1])).toEqual(["first", "second"]);
    });
    test("unchanged duplicates → no differences", () => {
      expect(diffSeal(s, sealDocument("c", "Active", dup, []))).toEqual([]);
    });
    test("a change in the second duplicate names it", () => {
      const cur = sealDocument("c", "Active", [dup[0], { values: { ...dup[1].values, target: 3 } }], []);
      expect(diffSeal(s, cur)).toEqual([{ goal: "g-1", column: "Target", sealed: 2, current: 3, kind: "changed" }]);
    });
    test("a third goal with the same ID is added; removing the last duplicate is a removal", () => {
      const three = sealDocument("c", "Active", [...dup, { values: { id: "G-1", title: "third" } }], []);
      const d = diffSeal(s, three);
      expect(d).toHaveLength(1);
      expect(d[0]).toMatchObject({ goal: "G-1", column: "(goal)", kind: "added" });
      const one = sealDocument("c", "Active", [dup[0]], []);
      const r = diffSeal(s, one);
      expect(r).toHaveLength(1);
      expect(r[0]).toMatchObject({ goal: "g-1", column: "(goal)", kind: "removed" });
    });
  });

  describe("check-ins", () => {
    test("a check-in added", () => {
      const extra = { values: { goalId: "G-3", date: "2026-02-10", value: true } };
      const d = diffSeal(sealed, sealDocument("2026-H1", "Data locked", GOALS, [...CHECKINS, extra]));
      expect(d).toEqual([{ goal: "G-3", column: "CheckIns", sealed: null, current: ["G-3", "2026-02-10", true, null, null], kind: "added" }]);
    });
    test("a check-in removed", () => {
      const d = diffSeal(sealed, sealDocument("2026-H1", "Data locked", GOALS, CHECKINS.slice(1)));
      expect(d).toEqual([{ goal: "G-2", column: "CheckIns", sealed: ["G-2", "2026-02-01", 1200, 0.8, "on plan"], current: null, kind: "removed" }]);
    });
    test("a check-in edited: the old one removed, the new one added", () => {
      const edited = CHECKINS.map((c, i) => (i === 1 ? { values: { ...c.values, value: "no" } } : c));
      const d = diffSeal(sealed, sealDocument("2026-H1", "Data locked", GOALS, edited));
      expect(d).toEqual([
        { goal: "g-10", column: "CheckIns", sealed: ["g-10", "2026-01-31", true, 0.5, null], current: null, kind: "removed" },
        { goal: "g-10", column: "CheckIns", sealed: null, current: ["g-10", "2026-01-31", false, 0.5, null], kind: "added" },
      ]);
    });
    test("a duplicated check-in shows as one addition", () => {
      const d = diffSeal(sealed, sealDocument("2026-H1", "Data locked", GOALS, [...CHECKINS, CHECKINS[0]]));
      expect(d).toEqual([{ goal: "G-2", column: "CheckIns", sealed: null, current: ["G-2", "2026-02-01", 1200, 0.8, "on plan"], kind: "added" }]);
    });
    test("reordered check-ins → no differences", () => {
      expect(diffSeal(sealed, sealDocument("2026-H1", "Data locked", GOALS, [...CHECKINS].reverse()))).toEqual([]);
    });
  });

  test("diff against a stored (parsed) document", () => {
    const stored = parseSealDocument(serializeSeal(sealed)) as SealDocument;
    expect(diffSeal(stored, sealDocument("2026-H1", "Data locked", withValues(0, { stretch: 3000 }), CHECKINS))).toEqual([
      { goal: "G-2", column: "Stretch", sealed: null, current: 3000, kind: "changed" },
    ]);
  });
});
