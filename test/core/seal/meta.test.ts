/**
 * The metadata sheet's GoalMeta table (review.md "Metadata sheet"): Key/Value rows
 * read into a Meta and written back.
 */
import { AUDIT_TABLE, META_SHEET, META_TABLE, Meta, SEAL_PIECE, emptyMeta, metaRows, readMeta, readState } from "../../../src/core/meta";
import { sealDocument, serializeSeal, verifyAudit } from "../../../src/core/seal";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { body, buildLog } from "./helpers";

describe("names", () => {
  test("sheet and tables", () => {
    expect(META_SHEET).toBe("_GoalScorecards");
    expect(META_TABLE).toBe("GoalMeta");
    expect(AUDIT_TABLE).toBe("GoalAudit");
    expect(SEAL_PIECE).toBe(30_000);
  });
});

describe("readMeta defaults", () => {
  test("no rows", () => {
    const m = readMeta([]);
    expect(m.schema).toBe(1);
    expect(m.cycle).toEqual({ name: null, state: "Draft", changedAt: null });
    expect(m.seal).toEqual({ hash: null, at: null, state: null, doc: null });
    expect(m.audit).toEqual({ head: null, count: null });
    expect(m.settings).toEqual(DEFAULT_SETTINGS);
    expect(m.other).toEqual([]);
    expect(m.problems).toEqual([]);
    expect(emptyMeta()).toEqual(m);
  });

  test("blank cycle.state is Draft; blank values are null", () => {
    for (const blank of ["", "   ", null, undefined]) {
      const m = readMeta([
        ["cycle.state", blank],
        ["cycle.name", blank],
        ["seal.hash", blank],
        ["audit.head", blank],
        ["audit.count", blank],
      ]);
      expect(m.cycle.state).toBe("Draft");
      expect(m.cycle.name).toBeNull();
      expect(m.seal.hash).toBeNull();
      expect(m.audit).toEqual({ head: null, count: null });
    }
  });

  test("rows with a blank key are ignored", () => {
    expect(
      readMeta([
        ["", "x"],
        [null, "y"],
        ["  ", "z"],
      ]),
    ).toEqual(emptyMeta());
  });
});

describe("readMeta values", () => {
  const rows: unknown[][] = [
    ["schema", 1],
    ["cycle.name", " 2026-H1 "],
    ["cycle.state", "Data locked"],
    ["cycle.changedAt", "2026-05-01T08:00:00.000Z"],
    ["seal.hash", "ab".repeat(32)],
    ["seal.at", "2026-05-01T08:00:01.000Z"],
    ["seal.state", "Data locked"],
    ["audit.head", "cd".repeat(32)],
    ["audit.count", 17],
    ["owner.team", "People Analytics"],
    ["x.future", 42],
  ];

  test("every key of review.md", () => {
    const m = readMeta(rows);
    expect(m.schema).toBe(1);
    expect(m.cycle).toEqual({ name: "2026-H1", state: "Data locked", changedAt: "2026-05-01T08:00:00.000Z" });
    expect(m.seal).toEqual({ hash: "ab".repeat(32), at: "2026-05-01T08:00:01.000Z", state: "Data locked", doc: null });
    expect(m.audit).toEqual({ head: "cd".repeat(32), count: 17 });
  });

  test("the five states, case-insensitively", () => {
    for (const s of ["Draft", "Active", "Data locked", "In review", "Closed"] as const) {
      expect(readMeta([["cycle.state", s]]).cycle.state).toBe(s);
      expect(readMeta([["cycle.state", s.toUpperCase()]]).cycle.state).toBe(s);
      expect(readState(` ${s.toLowerCase()} `)).toBe(s);
    }
    expect(readState("in  review")).toBe("In review");
  });

  test("audit.count as text, and unusable counts", () => {
    expect(readMeta([["audit.count", "5"]]).audit.count).toBe(5);
    expect(readMeta([["audit.count", 0]]).audit.count).toBe(0);
    for (const bad of ["-1", "2.5", "many"]) expect(readMeta([["audit.count", bad]]).audit.count).toBeNull();
  });

  test("unknown keys are kept, in order", () => {
    expect(readMeta(rows).other).toEqual([
      ["owner.team", "People Analytics"],
      ["x.future", "42"],
    ]);
  });

  test("unknown keys survive metaRows", () => {
    const written = metaRows(readMeta(rows), DEFAULT_SETTINGS);
    expect(written).toContainEqual(["owner.team", "People Analytics"]);
    expect(readMeta(written).other).toEqual(readMeta(rows).other);
  });

  test("an unknown setting key is kept too (not silently dropped)", () => {
    const m = readMeta([["setting.futureKnob", "3"]]);
    const written = metaRows(m, DEFAULT_SETTINGS);
    expect(written.map((r) => r[0])).toContain("setting.futureKnob");
  });
});

describe("settings", () => {
  test("every review.md setting, including percentages", () => {
    const m = readMeta([
      ["setting.onTrackGap", "10%"],
      ["setting.atRiskGap", 0.3],
      ["setting.staleDays", "45"],
      ["setting.ambitionLimit", " 2 "],
      ["setting.trendShortfall", "75%"],
      ["setting.maxWeightShare", "0.6"],
    ]);
    expect(m.problems).toEqual([]);
    expect(m.settings).toMatchObject({ onTrackGap: 0.1, atRiskGap: 0.3, staleDays: 45, ambitionLimit: 2, trendShortfall: 0.75, maxWeightShare: 0.6 });
  });

  test("a bad value is reported and the default used", () => {
    const m = readMeta([
      ["setting.onTrackGap", "lots"],
      ["setting.staleDays", "-3"],
      ["setting.maxWeightShare", "150%"],
      ["setting.atRiskGap", "20%"],
    ]);
    expect(m.settings.onTrackGap).toBe(DEFAULT_SETTINGS.onTrackGap);
    expect(m.settings.staleDays).toBe(DEFAULT_SETTINGS.staleDays);
    expect(m.settings.maxWeightShare).toBe(DEFAULT_SETTINGS.maxWeightShare);
    expect(m.settings.atRiskGap).toBe(0.2);
    expect(m.problems.map((p) => p.key).sort()).toEqual(["maxWeightShare", "onTrackGap", "staleDays"]);
    for (const p of m.problems) expect(p.message).toContain(p.key);
  });

  test("a blank setting is the default, not a problem", () => {
    const m = readMeta([["setting.onTrackGap", ""]]);
    expect(m.settings.onTrackGap).toBe(DEFAULT_SETTINGS.onTrackGap);
    expect(m.problems).toEqual([]);
  });

  test("metaRows writes only the settings that differ from the defaults", () => {
    const m = readMeta([
      ["setting.onTrackGap", "10%"],
      ["setting.staleDays", 14],
    ]);
    const written = metaRows(m, DEFAULT_SETTINGS);
    const settingRows = written.filter((r) => r[0].startsWith("setting."));
    expect(settingRows).toEqual([["setting.staleDays", 14]]);
    expect(readMeta(written).settings).toEqual(m.settings);
  });
});

describe("seal.doc pieces", () => {
  test("joined in numeric order: seal.doc.10 after seal.doc.2", () => {
    const rows: unknown[][] = [];
    for (let n = 12; n >= 1; n--) rows.push([`seal.doc.${n}`, String.fromCharCode(96 + n)]);
    expect(readMeta(rows).seal.doc).toBe("abcdefghijkl");
    expect(
      readMeta([
        ["seal.doc.10", "J"],
        ["seal.doc.2", "B"],
        ["seal.doc.1", "A"],
      ]).seal.doc,
    ).toBe("ABJ");
  });

  test("whitespace inside the pieces is kept", () => {
    const m = readMeta([
      ["seal.doc.1", '{"v":1,"cycle":"Q 1 '],
      ["seal.doc.2", "  "],
      ["seal.doc.3", ' x","state":"Closed"}'],
    ]);
    expect(m.seal.doc).toBe('{"v":1,"cycle":"Q 1    x","state":"Closed"}');
  });

  test("metaRows splits a 70,000-character document into 30,000-character pieces that round-trip", () => {
    const goals = Array.from({ length: 400 }, (_, i) => ({
      values: {
        id: `G-${i + 1}`,
        title: `Goal number ${i + 1} with  two spaces and a trailing word `,
        owner: "Owner " + i,
        target: i * 10,
        due: "2026-06-30",
        source: "x ".repeat(40),
      },
    }));
    let doc = serializeSeal(sealDocument("2026-H1", "Closed", goals, []));
    expect(doc.length).toBeGreaterThan(70_000);
    doc = doc.slice(0, 69_990) + "    \u00e9     "; // exactly 70,000, whitespace at the end
    expect(doc.length).toBe(70_000);
    const m: Meta = { ...emptyMeta(), seal: { hash: "h", at: "t", state: "Closed", doc } };
    const written = metaRows(m, DEFAULT_SETTINGS);
    const pieces = written.filter((r) => r[0].startsWith("seal.doc."));
    expect(pieces.map((p) => p[0])).toEqual(["seal.doc.1", "seal.doc.2", "seal.doc.3"]);
    expect(pieces.map((p) => String(p[1]).length)).toEqual([30_000, 30_000, 10_000]);
    for (const p of pieces) expect(String(p[1]).length).toBeLessThanOrEqual(30_000);
    expect(pieces.map((p) => p[1]).join("")).toBe(doc);
    const back = readMeta(written);
    expect(back.seal.doc).toBe(doc);
    // Shuffled rows still join in numeric order.
    expect(readMeta([...written].reverse()).seal.doc).toBe(doc);
  });

  test("a piece boundary inside whitespace keeps it on both sides", () => {
    const doc = "a".repeat(29_998) + "    " + "b".repeat(10);
    const written = metaRows({ ...emptyMeta(), seal: { hash: null, at: null, state: null, doc } }, DEFAULT_SETTINGS);
    const pieces = written.filter((r) => r[0].startsWith("seal.doc."));
    expect(pieces[0][1]).toMatch(/ {2}$/);
    expect(pieces[1][1]).toMatch(/^ {2}/);
    expect(readMeta(written).seal.doc).toBe(doc);
  });

  test("a document of exactly 30,000 characters is one piece; no document, no piece", () => {
    const one = metaRows({ ...emptyMeta(), seal: { hash: null, at: null, state: null, doc: "x".repeat(30_000) } }, DEFAULT_SETTINGS);
    expect(one.filter((r) => r[0].startsWith("seal.doc.")).length).toBe(1);
    expect(metaRows(emptyMeta(), DEFAULT_SETTINGS).filter((r) => r[0].startsWith("seal.doc."))).toEqual([]);
  });

  test("no piece splits a character (each piece is well-formed UTF-16)", () => {
    // An emoji (two UTF-16 code units) straddling the 30,000 boundary.
    const doc = "a".repeat(29_999) + "\u{1F3AF}" + "b".repeat(5);
    const written = metaRows({ ...emptyMeta(), seal: { hash: null, at: null, state: null, doc } }, DEFAULT_SETTINGS);
    const pieces = written.filter((r) => r[0].startsWith("seal.doc.")).map((r) => String(r[1]));
    expect(pieces.join("")).toBe(doc);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(30_000);
      expect({ endsWithHighSurrogate: /[\uD800-\uDBFF]$/.test(p), startsWithLowSurrogate: /^[\uDC00-\uDFFF]/.test(p) }).toEqual({
        endsWithHighSurrogate: false,
        startsWithLowSurrogate: false,
      });
    }
  });
});

describe("metaRows / readMeta round trip", () => {
  test("every field", async () => {
    const log = await buildLog([body(1), body(2), body(3)]);
    const m: Meta = {
      ...emptyMeta(),
      cycle: { name: "2026-H1", state: "In review", changedAt: "2026-06-01T00:00:00.000Z" },
      seal: { hash: "f".repeat(64), at: "2026-06-01T00:00:01.000Z", state: "In review", doc: '{"v":1}' },
      audit: { head: log[2].hash, count: 3 },
      settings: { ...DEFAULT_SETTINGS, onTrackGap: 0.15 },
      other: [["custom.key", "value"]],
    };
    const written = metaRows(m, DEFAULT_SETTINGS);
    expect(written.slice(0, 9)).toEqual([
      ["schema", 1],
      ["cycle.name", "2026-H1"],
      ["cycle.state", "In review"],
      ["cycle.changedAt", "2026-06-01T00:00:00.000Z"],
      ["seal.hash", "f".repeat(64)],
      ["seal.at", "2026-06-01T00:00:01.000Z"],
      ["seal.state", "In review"],
      ["audit.head", log[2].hash],
      ["audit.count", 3],
    ]);
    const back = readMeta(written);
    expect(back).toEqual(m);
    // head/count from the sheet catch a deleted last audit entry.
    const recorded = { hash: back.audit.head, count: back.audit.count };
    await expect(verifyAudit(log, recorded)).resolves.toMatchObject({ intact: true });
    await expect(verifyAudit(log.slice(0, 2), recorded)).resolves.toMatchObject({ intact: false, firstBadSeq: 3 });
    // The metadata sheet's own {head, count} is accepted as it is.
    await expect(verifyAudit(log, back.audit)).resolves.toMatchObject({ intact: true });
    await expect(verifyAudit(log.slice(0, 2), back.audit)).resolves.toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  test("an empty meta round-trips", () => {
    expect(readMeta(metaRows(emptyMeta(), DEFAULT_SETTINGS))).toEqual(emptyMeta());
  });
});
