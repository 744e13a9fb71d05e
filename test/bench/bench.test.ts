/**
 * A smoke run of the benchmark at tiny sizes: every section runs and the results
 * have the shape `npm run bench` prints and writes. No timing assertions: figures
 * are for `npm run bench`, never for a unit test.
 */
import { join } from "node:path";
import { runFloor, runEngine } from "../../bench/engine";
import { generateWorkbook, levelSizes } from "../../bench/generate";
import { BenchResults, EngineFigure, QUICK, checks, formatTable, linearCheck, runBench } from "../../bench/main";
import { timeSideBySide } from "../../bench/measure";

describe("the workbook generator", () => {
  test("the same seed gives the same cells; another seed other cells", () => {
    const a = generateWorkbook({ goals: 300, seed: 7 });
    const b = generateWorkbook({ goals: 300, seed: 7 });
    const c = generateWorkbook({ goals: 300, seed: 8 });
    expect(b.goals.rows).toEqual(a.goals.rows);
    expect(b.checkIns.rows).toEqual(a.checkIns.rows);
    expect(c.goals.rows).not.toEqual(a.goals.rows);
  });

  test("sizes, levels and check-ins as asked", () => {
    const wb = generateWorkbook({ goals: 2_000, levels: 6 });
    expect(wb.goals.rows).toHaveLength(2_000);
    expect(wb.checkIns.rows).toHaveLength(6_000);
    expect(wb.levels).toBe(6);
    expect(wb.levelSizes.reduce((x, y) => x + y, 0)).toBe(2_000);
    expect(levelSizes(100_000, 6)).toHaveLength(6);
    expect(generateWorkbook({ goals: 0 }).goals.rows).toEqual([]);
  });

  test("the engine reads it: scores, roll-ups, findings and scorecards, a few blocked goals", () => {
    const wb = generateWorkbook({ goals: 1_000 });
    const ev = runEngine(wb);
    expect(ev.goals).toHaveLength(1_000);
    const scored = ev.goals.filter((g) => g.score !== null).length;
    expect(scored).toBeGreaterThan(700);
    expect(ev.goals.filter((g) => g.blocked).length).toBeLessThan(50);
    expect(ev.goals.filter((g) => g.children.length > 0 && g.rolledUp !== null).length).toBeGreaterThan(50);
    expect(ev.scorecards.length).toBeGreaterThan(100);
    expect(Number.isFinite(runFloor(wb))).toBe(true);
  });
});

test("npm run bench at tiny sizes: every section and every bar", async () => {
  const r = await runBench({
    ...QUICK,
    engineSizes: [50, 200],
    templateSizes: [50],
    hostSizes: [20],
    rangeRows: 200,
    rowBatch: 50,
    // The consolidate section runs compiled children (dist-bench/): see "consolidate bars" below.
    consolidateFiles: [],
    root: join(__dirname, "..", ".."),
    log: () => undefined,
  });
  expect(r.engine.map((e) => e.goals)).toEqual([50, 200]);
  for (const e of r.engine) {
    expect(e.checkIns).toBe(3 * e.goals);
    expect(e.medianMs).toBeGreaterThan(0);
    expect(e.floorMs).toBeGreaterThan(0);
    expect(e.peakHeapMB).toBeGreaterThan(0);
  }
  expect(r.template[0]).toMatchObject({ goals: 50 });
  expect(typeof r.template[0].ratio).toBe("number");
  expect(r.rowFunctions.map((f) => f.name)).toEqual(["GOAL.PROGRESS", "GOAL.SCORE", "GOAL.STATUS"]);
  expect(r.rangeFunctions.map((f) => [f.name, f.rows, f.resultRows > 0])).toEqual([
    ["GOAL.ROLLUP", 200, true],
    ["GOAL.SCORECARD", 200, true],
  ]);
  const ops = r.roundTrips.map((t) => t.operation);
  expect(ops).toEqual(expect.arrayContaining(["convert a sheet", "read (loadWorkbook)", "refresh computed columns"]));
  for (const t of r.roundTrips) {
    expect(t.note).toBeUndefined();
    expect(t.syncs).toBeGreaterThan(0);
    expect(t.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  }
  expect(r.bundles.map((b) => b.entry)).toEqual(["taskpane", "functions"]);
  expect(r.checks.length).toBeGreaterThan(10);
  const table = formatTable(r);
  expect(table).toMatch(/\| what +\| figure +\| bar +\| result +\|/);
  expect((JSON.parse(JSON.stringify(r)) as { checks: unknown[] }).checks).toHaveLength(r.checks.length);
}, 120_000);

describe("timing side by side", () => {
  test("two things run in turn (a b, b a …) after the warm-up, each timed", () => {
    const calls: string[] = [];
    const r = timeSideBySide(
      () => calls.push("a"),
      () => calls.push("b"),
      4,
      1,
    );
    expect(calls.join("")).toBe("ab" + "ab" + "ba" + "ab" + "ba");
    expect(r.a.runs).toBe(4);
    expect(r.b.runs).toBe(4);
    expect(r.a.last).toBe(10);
    expect(r.b.last).toBe(9);
    expect(r.a.minMs).toBeLessThanOrEqual(r.a.medianMs);
    expect(r.b.maxMs).toBeGreaterThanOrEqual(r.b.medianMs);
  });
});

describe("consolidate bars", () => {
  const base: Omit<BenchResults, "checks"> = {
    machine: { node: "v20", platform: "linux x64", cpus: 2, cpuModel: "cpu", memoryGB: 8, gcExposed: true },
    startedAt: "2026-06-30T00:00:00Z",
    seconds: 1,
    engine: [],
    template: [],
    rowFunctions: [],
    rangeFunctions: [],
    roundTrips: [],
    bundles: [],
    consolidate: [],
  };
  const figure = (files: number, ms: number, peakRssMB: number) => ({
    files,
    goals: files * 302,
    checkIns: files * 900,
    medianMs: ms,
    minMs: ms,
    peakRssMB,
    runs: 2,
    code: 0,
  });

  test("memory for 200 ≤ 1.5 × memory for 50, time ≤ 1.25 × 4 × time for 50", () => {
    const flat = checks({ ...base, consolidate: [figure(200, 40_000, 280), figure(50, 10_000, 200)] });
    const memory = flat.find((c) => c.what.startsWith("consolidate: peak RSS"));
    const time = flat.find((c) => c.what.startsWith("consolidate: time"));
    expect(memory).toMatchObject({ bar: "≤ 1.5", pass: true, figure: "1.40 (280 MB ÷ 200 MB)" });
    expect(time).toMatchObject({ bar: "≤ 5.0 (1.25 × 4)", pass: true });
    const growing = checks({ ...base, consolidate: [figure(50, 10_000, 200), figure(200, 60_000, 800)] });
    expect(growing.filter((c) => c.what.startsWith("consolidate:")).map((c) => c.pass)).toEqual([false, false]);
    expect(growing.filter((c) => c.what.startsWith("consolidate ") && c.pass === null)).toHaveLength(2);
  });
});

describe("linear bar", () => {
  const engine = (goals: number, medianMs: number, floorMs: number): EngineFigure => ({
    goals,
    checkIns: 3 * goals,
    levels: 6,
    owners: goals / 3,
    medianMs,
    minMs: medianMs,
    maxMs: medianMs,
    runs: 5,
    peakHeapMB: 100,
    inputHeapMB: 50,
    engineHeapMB: 50,
    resultHeapMB: 20,
    floorMs,
    engineOverFloor: medianMs / floorMs,
    findings: 0,
    scorecards: 0,
  });
  const base: Omit<BenchResults, "checks"> = {
    machine: { node: "v20", platform: "linux x64", cpus: 2, cpuModel: "cpu", memoryGB: 8, gcExposed: true },
    startedAt: "2026-06-30T00:00:00Z",
    seconds: 1,
    engine: [],
    template: [],
    rowFunctions: [],
    rangeFunctions: [],
    roundTrips: [],
    bundles: [],
    consolidate: [],
  };

  test("engine 100k ÷ 10k ≤ 1.2 × floor 100k ÷ 10k, both ratios printed", () => {
    // Floor 2 ms → 36 ms: 18×, so the bar is 21.6. The engine's 80 → 1,600 ms is 20×.
    const c = linearCheck(engine(100_000, 1_600, 36), engine(10_000, 80, 2));
    expect(c).toEqual({
      what: "engine, time 100k ÷ time 10k (linear, against the floor's growth)",
      figure: "20.00 (floor 100k ÷ 10k 18.00)",
      bar: "≤ 21.60 (1.2 × floor 18.00)",
      pass: true,
    });
    // The same engine beside a floor that grew only 10×: 20 > 12.
    expect(linearCheck(engine(100_000, 1_600, 20), engine(10_000, 80, 2)).pass).toBe(false);
    // Exactly at the bar passes.
    expect(linearCheck(engine(100_000, 1_200, 50), engine(10_000, 100, 5)).pass).toBe(true);
  });

  test("checks() has the bar when both 10k and 100k were measured, and not otherwise", () => {
    const both = checks({ ...base, engine: [engine(10_000, 80, 2), engine(100_000, 1_600, 36)] });
    expect(both.filter((c) => c.what.startsWith("engine, time 100k ÷ time 10k"))).toEqual([linearCheck(engine(100_000, 1_600, 36), engine(10_000, 80, 2))]);
    const one = checks({ ...base, engine: [engine(10_000, 80, 2)] });
    expect(one.filter((c) => c.what.startsWith("engine, time 100k"))).toEqual([]);
  });
});
