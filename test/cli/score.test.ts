/**
 * `score` and `validate` (cli.md): the JSON shapes field by field, the text for a
 * person, grouping, --as-of, --missing, plain sheets, formula and rich-text cells,
 * colour only on a TTY, the progress line only for slow files.
 */
import * as path from "path";
import { goal, run, runJson, tmpDir, utc, writeFixture } from "./helpers";

const AS_OF = ["--as-of", "2026-06-30"];
let dir: string;

beforeAll(async () => {
  dir = await tmpDir();
  // Ann: two top goals (weights 60/40); G-3 aligned to G-1; Bob: one goal with a blank Target (blocked).
  await writeFixture(path.join(dir, "team.xlsx"), {
    userColumns: ["Team"],
    goals: [
      goal("G-1", { owner: "Ann Lee", weight: 0.6, baseline: 0, target: 100, actual: 50, Team: "Sales" }),
      goal("G-2", { owner: "Ann Lee", weight: 0.4, baseline: 0, target: 10, actual: 10, Team: "Sales" }),
      goal("G-3", { owner: "Cy Park", level: "Department", parent: "G-1", baseline: 0, target: 20, actual: null, Team: "Ops" }),
      goal("G-4", { owner: "Bob Ray", target: null, Team: "Ops" }),
      goal("G-5", { owner: "Eve Stone", baseline: 0, target: 20, actual: null, Team: "Ops" }),
    ],
    checkIns: [
      { goalId: "G-3", date: utc("2026-06-01"), value: 8, confidence: 0.7, comment: "May" },
      { goalId: "G-3", date: utc("2026-06-15"), value: 5, confidence: 0.6, comment: "June" },
      { goalId: "G-5", date: utc("2026-06-01"), value: 1 },
      { goalId: "G-5", date: utc("2026-06-15"), value: 2 },
    ],
    meta: [
      ["schema", 1],
      ["cycle.name", "2026"],
      ["cycle.state", "Active"],
    ],
  });
});

describe("score --json", () => {
  test("has exactly the fields of cli.md, goals in sheet order", async () => {
    const { code, json, err } = await runJson<Record<string, unknown>>(["score", "team.xlsx", ...AS_OF], { cwd: dir });
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(Object.keys(json)).toEqual(["asOf", "goals", "scorecards", "findings"]);
    expect(json.asOf).toBe("2026-06-30");
    const goals = json.goals as Record<string, unknown>[];
    expect(goals.map((g) => g.id)).toEqual(["G-1", "G-2", "G-3", "G-4", "G-5"]);
    for (const g of goals)
      expect(Object.keys(g)).toEqual(["id", "title", "owner", "type", "progress", "score", "status", "rolledUp", "coverage", "smart", "escalate", "findings"]);
    const scorecards = json.scorecards as Record<string, unknown>[];
    for (const c of scorecards) expect(Object.keys(c)).toEqual(["group", "score", "weightTotal", "completeness", "statusCounts"]);
    const findings = json.findings as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(Object.keys(f)).toEqual(["code", "severity", "goal", "field", "cell", "message"]);
  });

  test("values: progress, score, status, roll-up, coverage, SMART, escalation, finding codes", async () => {
    const { json } = await runJson<{ goals: Record<string, unknown>[] }>(["score", "team.xlsx", ...AS_OF], { cwd: dir });
    const [g1, g2, g3, g4] = json.goals;
    expect(g1).toMatchObject({
      id: "G-1",
      title: "Raise employee engagement score G-1",
      owner: "Ann Lee",
      type: "Key Result",
      progress: 0.5,
      score: 0.5,
      status: "At risk",
      coverage: 1,
      escalate: false,
    });
    // G-1 has a child G-3 (latest check-in 5 of 20 → 0.25): Weighted roll-up of its children, which also sets its status.
    expect(g1.rolledUp).toBeCloseTo(0.25, 10);
    expect(g2).toMatchObject({ progress: 1, score: 1, status: "Achieved", rolledUp: 1 });
    // G-3's blank Actual comes from the latest check-in.
    expect(g3).toMatchObject({ progress: 0.25, score: 0.25, rolledUp: 0.25, smart: "S M A R T" });
    // A blank Target blocks the goal: numbers are null, the finding codes name why.
    expect(g4).toMatchObject({ progress: null, score: null, status: null, rolledUp: null });
    expect(g4.findings).toContain("M1");
    expect(g4.smart).toBe("S ✗ A R T");
    // Off track at each of its last two check-ins: escalate.
    expect(json.goals[4]).toMatchObject({ id: "G-5", status: "Off track", escalate: true });
  });

  test("scorecards per owner with statusCounts; findings name sheet and cell", async () => {
    const { json } = await runJson<{ scorecards: Record<string, unknown>[]; findings: Record<string, unknown>[] }>(["score", "team.xlsx", ...AS_OF], {
      cwd: dir,
    });
    expect(json.scorecards.map((c) => c.group)).toEqual(["Ann Lee", "Cy Park", "Bob Ray", "Eve Stone"]);
    const ann = json.scorecards[0];
    expect(ann.score).toBeCloseTo(0.6 * 0.25 + 0.4 * 1, 10);
    expect(ann.weightTotal).toBeCloseTo(1, 10);
    expect(ann.completeness).toBe(1);
    expect(ann.statusCounts).toEqual({ "At risk": 1, Achieved: 1 });
    const bob = json.scorecards[2];
    expect(bob).toMatchObject({ score: null, statusCounts: {} });
    const m1 = json.findings.find((f) => f.code === "M1");
    expect(m1).toMatchObject({ severity: "fail", goal: "G-4", field: "Target", cell: "Goals!L5" });
    expect(typeof m1?.message).toBe("string");
  });

  test("--by a goal column or a user column; an unknown column is exit 2", async () => {
    const byTeam = await runJson<{ scorecards: { group: string }[] }>(["score", "team.xlsx", ...AS_OF, "--by", "team"], { cwd: dir });
    expect(byTeam.code).toBe(0);
    expect(byTeam.json.scorecards.map((c) => c.group)).toEqual(["Sales", "Ops"]);
    const byLevel = await runJson<{ scorecards: { group: string }[] }>(["score", "team.xlsx", ...AS_OF, "--by", "Level"], { cwd: dir });
    expect(byLevel.json.scorecards.map((c) => c.group)).toEqual(["Company", "Department"]);
    const bad = await run(["score", "team.xlsx", "--by", "Region"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^goal-scorecards: team\.xlsx: has no column 'Region'.*\n$/);
  });

  test("--missing zero counts goals without data as 0", async () => {
    const d = await tmpDir();
    await writeFixture(path.join(d, "m.xlsx"), {
      goals: [goal("G-1", { owner: "Ann", weight: 0.5, actual: 60 }), goal("G-2", { owner: "Ann", weight: 0.5, actual: null })],
    });
    const ex = await runJson<{ scorecards: { score: number; completeness: number }[] }>(["score", "m.xlsx", ...AS_OF], { cwd: d });
    const zero = await runJson<{ scorecards: { score: number }[] }>(["score", "m.xlsx", ...AS_OF, "--missing", "zero"], { cwd: d });
    expect(ex.json.scorecards[0].score).toBe(1);
    expect(ex.json.scorecards[0].completeness).toBe(0.5);
    expect(zero.json.scorecards[0].score).toBe(0.5);
    expect((await run(["score", "m.xlsx", "--missing", "some"], { cwd: d })).code).toBe(2);
  });

  test("--as-of changes the status; a bad date is exit 2", async () => {
    const late = await runJson<{ asOf: string; goals: { status: string }[] }>(["score", "team.xlsx", "--as-of", "2027-01-15"], { cwd: dir });
    expect(late.json.asOf).toBe("2027-01-15");
    expect(late.json.goals[0].status).toBe("Missed");
    const bad = await run(["score", "team.xlsx", "--as-of", "30/06/2026"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("goal-scorecards: --as-of takes a date as YYYY-MM-DD, not '30/06/2026'\n");
    expect(bad.out).toBe("");
  });

  test("without --as-of, today (the clock the command is given)", async () => {
    const r = await runJson<{ asOf: string }>(["score", "team.xlsx"], { cwd: dir, now: new Date(2026, 2, 5, 10) });
    expect(r.json.asOf).toBe("2026-03-05");
  });
});

describe("score for a person", () => {
  test("a scorecard per group, goals by status, findings grouped by goal", async () => {
    const r = await run(["score", "team.xlsx", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const out = r.out;
    expect(out).toContain("team.xlsx: 5 goals · 4 check-ins · as of 2026-06-30 · cycle 2026 (Active)");
    expect(out).toMatch(/Scorecard by Owner\n {2}Owner +Score +Weights +Complete +Statuses\n {2}Ann Lee +55% +1 +100% +At risk 1, Achieved 1\n/);
    expect(out).toMatch(/Goals by status\nAt risk \(2\)\n/);
    expect(out).toMatch(/Achieved \(1\)\n {2}ID .*\n {2}G-2 /);
    expect(out).toMatch(/Not scored \(1\)\n {2}ID +Title +Owner +Why\n {2}G-4 .*M1: /);
    expect(out).toMatch(/Findings: \d+ fail, \d+ warn\n/);
    expect(out).toMatch(/G-4 {2}Raise employee engagement score G-4\n {2}fail {2}M1 {2}Target +Goals!L5 {2}/);
    expect(out).toMatch(/Off track \(1\)\n.*\n {2}G-5 .* escalate\n/);
    expect(out).not.toContain("\x1b[");
  });

  test("colour only on a TTY, and not with NO_COLOR", async () => {
    const tty = await run(["score", "team.xlsx", ...AS_OF], { cwd: dir, tty: true });
    expect(tty.out).toContain("\x1b[");
    const noColor = await run(["score", "team.xlsx", ...AS_OF], { cwd: dir, tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.out).not.toContain("\x1b[");
    expect(noColor.out).toBe((await run(["score", "team.xlsx", ...AS_OF], { cwd: dir })).out);
  });

  test("an empty goal table is no error: it says there are no goals yet", async () => {
    const d = await tmpDir();
    await writeFixture(path.join(d, "empty.xlsx"), { goals: [] });
    const r = await run(["score", "empty.xlsx"], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.out).toContain("No goals yet");
  });
});

describe("validate", () => {
  test("--json: asOf, findings, summary; exit 1 with a fail finding", async () => {
    const { code, json } = await runJson<{ asOf: string; findings: { code: string; severity: string }[]; summary: { fail: number; warn: number } }>(
      ["validate", "team.xlsx", ...AS_OF],
      { cwd: dir },
    );
    expect(code).toBe(1);
    expect(Object.keys(json)).toEqual(["asOf", "findings", "summary"]);
    expect(json.asOf).toBe("2026-06-30");
    expect(Object.keys(json.summary)).toEqual(["fail", "warn"]);
    expect(json.summary.fail).toBe(json.findings.filter((f) => f.severity === "fail").length);
    expect(json.summary.warn).toBe(json.findings.filter((f) => f.severity === "warn").length);
    expect(json.findings.some((f) => f.code === "M1")).toBe(true);
  });

  test("exit 0 when there is no fail finding (warnings allowed)", async () => {
    const d = await tmpDir();
    await writeFixture(path.join(d, "ok.xlsx"), { goals: [goal("G-1", { owner: "Ann" }), goal("G-2", { owner: "Ann" })] });
    const { code, json } = await runJson<{ summary: { fail: number; warn: number } }>(["validate", "ok.xlsx", ...AS_OF], { cwd: d });
    expect(json.summary.fail).toBe(0);
    expect(json.summary.warn).toBeGreaterThan(0); // W1: weights total 2
    expect(code).toBe(0);
    await writeFixture(path.join(d, "clean.xlsx"), { goals: [goal("G-1")] });
    const clean = await run(["validate", "clean.xlsx", ...AS_OF], { cwd: d });
    expect(clean.code).toBe(0);
    expect(clean.out).toContain("No findings");
  });

  test("text: findings grouped by goal, with cells", async () => {
    const r = await run(["validate", "team.xlsx", ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Findings: \d+ fail, \d+ warn\nG-\d/);
    expect(r.out).toContain("Goals!L5");
  });
});

describe("reading", () => {
  test("every Goals* table, in sheet order; the CheckIns table; formula results and rich text", async () => {
    const d = await tmpDir();
    const file = path.join(d, "two.xlsx");
    await writeFixture(file, { goals: [goal("S-1", { owner: "Ann" })], tableName: "Goals_Sales", sheetName: "Sales" });
    // A second goal table on another sheet, with a formula Actual and a rich-text Title.
    const { load } = await import("./helpers");
    const wb = await load(file);
    const ws = wb.addWorksheet("Ops");
    const g = goal("O-1", { owner: "Bob" });
    const row = Object.values({ ...g }).slice(0, 20);
    row[1] = { richText: [{ text: "Cut " }, { font: { bold: true }, text: "onboarding time" }, { text: " in half" }] };
    row[13] = { formula: "25+25", result: 50 };
    ws.addTable({
      name: "Goals_Ops",
      ref: "B3",
      columns: Object.keys(g)
        .slice(0, 20)
        .map((_, i) => ({
          name: [
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
          ][i],
        })),
      rows: [row],
    });
    await wb.xlsx.writeFile(file);
    const { json } = await runJson<{ goals: { id: string; title: string; progress: number }[]; findings: { cell: string }[] }>(
      ["score", "two.xlsx", ...AS_OF],
      { cwd: d },
    );
    expect(json.goals.map((x) => x.id)).toEqual(["S-1", "O-1"]);
    expect(json.goals[1].title).toBe("Cut onboarding time in half");
    expect(json.goals[1].progress).toBe(0.5);
    const v = await runJson<{ findings: { cell: string | null }[] }>(["validate", "two.xlsx", ...AS_OF], { cwd: d });
    // Cells of the second table are counted from its own corner (B3).
    for (const f of v.json.findings) expect(f.cell).toMatch(/^(Sales!|Ops![B-U]4$)/);
  });

  test("a workbook without tables: the first sheet whose header row has goal columns; --sheet picks one", async () => {
    const d = await tmpDir();
    await writeFixture(path.join(d, "plain.xlsx"), {
      goals: [goal("P-1", { owner: "Ann" }), goal("P-2", { owner: "Bob", target: "lots" })],
      plainSheet: { name: "My goals", headerRow: 3 },
    });
    const { code, json } = await runJson<{ goals: { id: string }[]; findings: { code: string; cell: string }[] }>(["score", "plain.xlsx", ...AS_OF], {
      cwd: d,
    });
    expect(code).toBe(0);
    expect(json.goals.map((x) => x.id)).toEqual(["P-1", "P-2"]);
    const e2 = json.findings.find((f) => f.code === "E2");
    expect(e2?.cell).toBe("'My goals'!L5");
    const picked = await runJson<{ goals: { id: string }[] }>(["score", "plain.xlsx", "--sheet", "My goals", ...AS_OF], { cwd: d });
    expect(picked.json.goals).toHaveLength(2);
    const missing = await run(["score", "plain.xlsx", "--sheet", "Nope"], { cwd: d });
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("goal-scorecards: plain.xlsx: has no sheet named 'Nope' (its sheets: My goals)\n");
  });

  test("plain sheets: strong synonyms are read, weak ones are not", async () => {
    const d = await tmpDir();
    // "From" is a weak synonym of Baseline: without a person to confirm it, it is not read.
    const headers = ["Goal ID", "Goal", "Owner", "From", "Target value", "Current", "Deadline"];
    const g = { id: "P-1", title: "Raise engagement survey score", type: "Ann Lee", level: 40, parent: 60, owner: 50, weight: utc("2026-12-31") };
    await writeFixture(path.join(d, "syn.xlsx"), { goals: [g], plainSheet: { name: "Sheet1", headerRow: 1, headers } });
    const { json } = await runJson<{ goals: { id: string; owner: string; progress: number }[] }>(["score", "syn.xlsx", ...AS_OF], { cwd: d });
    expect(json.goals[0]).toMatchObject({ id: "P-1", owner: "Ann Lee" });
    expect(json.goals[0].progress).toBeCloseTo(50 / 60, 10);
    const text = await run(["score", "syn.xlsx", ...AS_OF], { cwd: d });
    expect(text.out).toContain("Read from sheet 'Sheet1' (no Goals table), header row 1; not read (weak header matches): From");
  });
});

describe("date systems", () => {
  test("a 1904 workbook: a Due typed as a serial number is read in its own date system", async () => {
    const d = await tmpDir();
    const file = path.join(d, "mac.xlsx");
    await writeFixture(file, { goals: [goal("G-1", { due: 44_925 })] }); // 44,925 in the 1904 system is 2026-12-31
    const { load } = await import("./helpers");
    const wb = await load(file);
    wb.properties.date1904 = true;
    await wb.xlsx.writeFile(file);
    const { json } = await runJson<{ findings: { code: string; message: string }[] }>(["validate", "mac.xlsx", "--as-of", "2027-01-15"], { cwd: d });
    expect(json.findings.find((f) => f.code === "T4")?.message).toMatch(/^Due 2026-12-31 has passed/);
  });
});

describe("progress line", () => {
  test("stays silent for a file read within the delay", async () => {
    const r = await run(["score", "team.xlsx", ...AS_OF], { cwd: dir });
    expect(r.err).toBe("");
  });

  test("appears on stderr (not stdout) for a file that takes longer", async () => {
    const r = await run(["score", "team.xlsx", ...AS_OF, "--json"], { cwd: dir, progressDelayMs: 0 });
    expect(r.code).toBe(0);
    expect(r.err).toBe("Reading team.xlsx …\n");
    expect(() => {
      JSON.parse(r.out);
    }).not.toThrow();
    const tty = await run(["score", "team.xlsx", ...AS_OF], { cwd: dir, progressDelayMs: 0, tty: true });
    expect(tty.err).toBe("Reading team.xlsx …\r\x1b[K");
  });
});
