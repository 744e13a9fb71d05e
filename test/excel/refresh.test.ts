/** Refresh, the metadata sheet, the Scorecards sheet and auto-refresh against the in-memory Excel host. */
import { ExcelHost } from "../../src/excel-host";
import { AutoRefresh, Runner } from "../../src/excel/autorefresh";
import { convert } from "../../src/excel/convert";
import { ensureMetaSheet, writeMeta } from "../../src/excel/meta";
import { computedValue, refresh, writeRuns } from "../../src/excel/refresh";
import { readChunks } from "../../src/excel/cell-values";
import { SCORECARDS_SHEET, columnRef, writeScorecardsSheet } from "../../src/excel/scorecards";
import { loadWorkbook } from "../../src/excel/workbook";
import { META_SHEET } from "../../src/core/meta";
import { dayFromIso } from "../../src/core/dates";
import { newHost } from "./fixtures";

const AS_OF = dayFromIso("2026-07-02") as number;

async function cascade(host: ExcelHost): Promise<void> {
  host.addSheet("Goals");
  host.setValues("Goals", "A1", [
    ["ID", "Title", "Owner", "Level", "Parent ID", "Weight", "Unit", "Baseline", "Target", "Actual", "Start", "Due", "Data Source"],
    ["C-1", "Grow company revenue this year", "CEO", "Company", "", "", "USD", 0, 100, "", "2026-01-01", "2026-12-31", "ERP"],
    ["D-1", "Grow revenue in the north", "Dana", "Department", "C-1", 1, "USD", 0, 100, 50, "2026-01-01", "2026-12-31", "CRM"],
    ["D-2", "Grow revenue in the south", "Sam", "Department", "C-1", 3, "USD", 0, 100, 100, "2026-01-01", "2026-12-31", "CRM"],
  ]);
  await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
}

function col(host: ExcelHost, name: string): unknown[] {
  const header = host.getValues("Goals", "A1:AH1")[0];
  const c = header.indexOf(name);
  const letter = String.fromCharCode(65 + c);
  return host.getValues("Goals", `${letter}2:${letter}4`).map((r) => r[0]);
}

describe("refresh", () => {
  test("the computed columns hold the engine's values (roll-up needs the whole workbook)", async () => {
    const host = newHost();
    await cascade(host);
    await host.run((ctx) => refresh(ctx, { asOf: AS_OF }));
    const rolled = col(host, "Rolled Up") as number[];
    expect(rolled[0]).toBeCloseTo((1 * 0.5 + 3 * 1) / 4, 12);
    expect(col(host, "Progress")).toEqual(["", 0.5, 1]);
    expect(col(host, "Status")).toEqual(["On track", "On track", "Achieved"]);
    expect(col(host, "SMART")[1]).toBe("S M A R T");
  });

  test("only cells whose value changed are written", async () => {
    const host = newHost();
    await cascade(host);
    const again = await host.run((ctx) => refresh(ctx));
    expect(again.cellsWritten).toBe(0);
    host.setCell("Goals", "J3", 80); // D-1 Actual
    const r = await host.run((ctx) => refresh(ctx));
    // D-1's Progress, Score and Rolled Up; C-1's Rolled Up (status of both may stay the same)
    expect(r.cellsWritten).toBeGreaterThanOrEqual(4);
    expect(r.cellsWritten).toBeLessThanOrEqual(6);
  });

  test("blocked goals show no number and say why in Status", () => {
    const base = {
      index: 0,
      id: "G",
      title: null,
      owner: null,
      type: "Key Result" as const,
      direction: "Increase" as const,
      rollupMode: "Weighted" as const,
      actual: null,
      start: null,
      due: null,
      pace: null,
      coverage: null,
      escalate: false,
      findings: [],
      parents: [],
      children: [],
    };
    const g = {
      ...base,
      progress: null,
      score: null,
      rolledUp: null,
      status: null,
      blocked: true,
      error: "A1: Target 9 is not above Baseline 10",
      blockedBy: {
        code: "A1" as const,
        severity: "fail" as const,
        goal: "G",
        goalIndex: 0,
        field: "Target",
        cell: null,
        message: "Target 9 is not above Baseline 10",
      },
      smart: "S M ✗ R T",
    };
    expect(computedValue("Score", g)).toBe("");
    expect(computedValue("Status", g)).toBe("Blocked (A1)");
    expect(computedValue("SMART", g)).toBe("S M ✗ R T");
  });

  test("round trips at 100 and 10,000 rows: the syncs grow only by read chunks; no request over 4 MB", async () => {
    const syncs: Record<string, number[]> = { convert: [], read: [], refresh: [] };
    for (const n of [100, 10_000]) {
      const host = newHost({ payloadLimitBytes: 5 * 1024 * 1024 });
      host.addSheet("Goals");
      const rows: (string | number)[][] = [["ID", "Title", "Owner", "Target", "Actual", "Parent ID"]];
      for (let i = 0; i < n; i++)
        rows.push([`G-${i + 1}`, `Reach goal number ${i + 1} this year`, `Owner ${i % 17}`, 100, i % 100, i === 0 ? "" : `G-${Math.floor(i / 3) + 1}`]);
      host.setValues("Goals", "A1", rows);
      host.stats.reset();
      await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
      syncs.convert.push(host.stats.syncs);
      host.stats.reset();
      await host.run((ctx) => loadWorkbook(ctx));
      syncs.read.push(host.stats.syncs);
      host.setCell("Goals", "E2", 55);
      host.stats.reset();
      await host.run((ctx) => refresh(ctx));
      syncs.refresh.push(host.stats.syncs);
      expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    }
    // The only growth allowed is read chunks: one more sync per 100,000 cells of the table (29 columns once converted).
    const chunks = readChunks(10_000, 29).length - readChunks(100, 29).length;
    expect(chunks).toBe(2);
    expect(syncs.read[1] - syncs.read[0]).toBe(chunks);
    expect(syncs.refresh[1] - syncs.refresh[0]).toBe(chunks);
    expect(syncs.convert[1] - syncs.convert[0]).toBe(chunks); // the read before the first refresh
    expect(syncs.read[0]).toBeLessThanOrEqual(4);
  });

  test("100,000 rows: reads and writes come in chunks under 4 MB that Excel on the web accepts", async () => {
    const host = newHost({ payloadLimitBytes: 5 * 1024 * 1024 });
    host.addSheet("Goals");
    const rows: (string | number)[][] = [["ID", "Title", "Owner", "Target", "Actual"]];
    for (let i = 0; i < 100_000; i++) rows.push([`G-${i + 1}`, `Reach goal number ${i + 1} this year`, `Owner ${i % 500}`, 100, i % 100]);
    host.setValues("Goals", "A1", rows);
    host.stats.reset();
    await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(Math.max(...host.stats.requests.map((r) => r.responseBytes ?? 0))).toBeLessThanOrEqual(5 * 1024 * 1024);
    const header = host.getValues("Goals", "A1:AH1")[0];
    const letter = String.fromCharCode(65 + header.indexOf("Progress"));
    expect(host.getValue("Goals", `${letter}100001`)).toBeCloseTo(0.99, 12); // the last goal: Actual 99 of Target 100
  }, 120_000);
});

describe("writes in bulk", () => {
  test("many one-cell runs (a refresh where every other row changed): each request stays under 4 MB", async () => {
    const host = new ExcelHost();
    host.addSheet("S");
    const writes = Array.from({ length: 30_000 }, (_, i) => ({ sheet: "S", row: 2 * i, column: 3, values: [[i + 0.5]] }));
    host.stats.reset();
    const cells = await host.run((ctx) => writeRuns(ctx, writes));
    expect(cells).toBe(30_000);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(host.getValue("S", "D59999")).toBe(29_999.5);
  });
});

describe("a failed sync at every step", () => {
  test("convert: the workbook stays recognisable and a second run completes it", async () => {
    const seed = (): ExcelHost => {
      const host = newHost({ atomicSyncs: false });
      host.addSheet("Goals");
      host.setValues("Goals", "A1", [
        ["Goal ID", "Objective", "Owner", "Target", "Actual"],
        ["", "Grow revenue in the north", "Dana", 100, 40],
        ["G-7", "Grow revenue in the south", "Sam", 100, 70],
      ]);
      return host;
    };
    const clean = seed();
    clean.stats.reset();
    await clean.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
    const steps = clean.stats.syncs;
    const expected = clean.getValues("Goals", "A1:Z3");
    expect(steps).toBeGreaterThan(3);
    for (let n = 1; n <= steps; n++) {
      const host = seed();
      host.failSync(n);
      await expect(host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }))).rejects.toBeTruthy();
      // Recognisable: either untouched, or a Goals table the add-in reads.
      const wb = await host.run((ctx) => loadWorkbook(ctx));
      expect(wb.goalTables.length === 0 || wb.goalTables[0].name === "Goals").toBe(true);
      await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals" } }));
      expect([n, host.getValues("Goals", "A1:Z3")]).toEqual([n, expected]);
      expect(host.tableNames().filter((t) => t.startsWith("Goals"))).toEqual(["Goals"]);
    }
  });

  test("refresh: a second run completes it", async () => {
    const host0 = newHost();
    await cascade(host0);
    host0.setCell("Goals", "J3", 10);
    host0.stats.reset();
    await host0.run((ctx) => refresh(ctx, { asOf: AS_OF }));
    const steps = host0.stats.syncs;
    const expected = host0.getValues("Goals", "A1:AH4");
    for (let n = 1; n <= steps; n++) {
      const host = newHost({ atomicSyncs: false });
      await cascade(host);
      host.setCell("Goals", "J3", 10);
      host.failSync(n);
      await expect(host.run((ctx) => refresh(ctx, { asOf: AS_OF }))).rejects.toBeTruthy();
      await host.run((ctx) => refresh(ctx, { asOf: AS_OF }));
      expect(host.getValues("Goals", "A1:AH4")).toEqual(expected);
    }
  });
});

describe("the metadata sheet", () => {
  test("created very hidden with GoalMeta and GoalAudit; settings round-trip", async () => {
    const host = newHost();
    await cascade(host);
    expect(host.sheet(META_SHEET)?.visibility).toBe("VeryHidden");
    const wb = await host.run((ctx) => loadWorkbook(ctx));
    expect(wb.meta.cycle.state).toBe("Draft");
    const meta = { ...wb.meta, cycle: { ...wb.meta.cycle, name: "=2026-H1" }, settings: { ...wb.meta.settings, staleDays: 14 } };
    await host.run(async (ctx) => {
      await ensureMetaSheet(ctx);
      await writeMeta(ctx, await loadWorkbook(ctx), meta);
    });
    const back = await host.run((ctx) => loadWorkbook(ctx));
    expect(back.meta.settings.staleDays).toBe(14);
    expect(back.meta.cycle.name).toBe("=2026-H1"); // user text stays text
  });

  test("a long seal document grows the table and reads back whole", async () => {
    const host = newHost();
    await cascade(host);
    const wb = await host.run((ctx) => loadWorkbook(ctx));
    const doc = `{"x":"${"-".repeat(70_000)}"}`;
    await host.run(async (ctx) =>
      writeMeta(ctx, await loadWorkbook(ctx), { ...wb.meta, seal: { hash: "ab", at: "2026-07-02T00:00:00Z", state: "Active", doc } }),
    );
    const back = await host.run((ctx) => loadWorkbook(ctx));
    expect(back.meta.seal.doc).toBe(doc);
    await host.run(async (ctx) => writeMeta(ctx, await loadWorkbook(ctx), { ...wb.meta }));
    expect((await host.run((ctx) => loadWorkbook(ctx))).meta.seal.doc).toBeNull();
  });
});

describe("the Scorecards sheet", () => {
  test("GOAL.SCORECARD and GOAL.ROLLUP spills over the goal tables, and a chart", async () => {
    const host = newHost();
    await cascade(host);
    const r = await host.run((ctx) => writeScorecardsSheet(ctx));
    expect(r.scorecardFormula).toBe("=GOAL.SCORECARD(Goals[Owner],Goals[Rolled Up],Goals[Weight],Goals[ID],Goals[Parent ID],Goals[Status])");
    expect(host.getFormula(SCORECARDS_SHEET, "A4")).toBe(r.scorecardFormula);
    const cards = host.getValues(SCORECARDS_SHEET, "A4:D6");
    expect(cards.map((row) => row[0])).toEqual(["CEO", "Dana", "Sam"]);
    expect(cards[0][1] as number).toBeCloseTo(0.875, 9);
    expect(r.rollupFormula).toBe(
      '=FILTER(GOAL.ROLLUP(Goals[ID],Goals[Parent ID],Goals[Score],Goals[Weight],Goals[Rollup],Goals[Status],Goals[Rolled Up]),Goals[Status]<>"")',
    );
    expect(host.getFormula(SCORECARDS_SHEET, "I4")).toBe(r.rollupFormula);
    expect(host.getValue(SCORECARDS_SHEET, "I4") as number).toBeCloseTo(0.875, 9);
    expect(host.getValues(SCORECARDS_SHEET, "F4:F6").map((x) => x[0])).toEqual(["C-1", "D-1", "D-2"]);
    expect(host.sheet(SCORECARDS_SHEET)?.charts[0]).toMatchObject({ type: "ColumnClustered" });
    // Writing it again replaces it.
    await host.run((ctx) => writeScorecardsSheet(ctx));
    expect(host.sheetNames().filter((s) => s === SCORECARDS_SHEET)).toHaveLength(1);
  });

  test("several goal tables are stacked", () => {
    expect(columnRef(["Goals", "Goals_Sales"], "Rolled Up")).toBe("VSTACK(Goals[Rolled Up],Goals_Sales[Rolled Up])");
  });
});

describe("auto-refresh after edits", () => {
  test("a burst of edits to a goal table gives one debounced refresh", async () => {
    const host = newHost();
    await cascade(host);
    const timers: (() => void)[] = [];
    const refreshed: number[] = [];
    const run: Runner = (batch) => host.run(batch);
    const auto = new AutoRefresh(run, {
      runIn: (context, batch) => host.run(context, batch),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
      onRefreshed: (r) => refreshed.push(r.cellsWritten),
    });
    expect(await auto.start()).toBe(1);
    host.setCell("Goals", "J3", 90);
    host.setCell("Goals", "J4", 20);
    await new Promise((r) => setTimeout(r, 10));
    expect(timers.length).toBeGreaterThanOrEqual(2);
    timers[timers.length - 1](); // the last timer fires: one refresh
    await new Promise((r) => setTimeout(r, 50));
    expect(refreshed.length).toBe(1);
    expect(col(host, "Progress")).toEqual(["", 0.9, 0.2]);
    await auto.stop();
  });

  test("waits while the user is editing a cell", async () => {
    const host = newHost();
    await cascade(host);
    host.editing = true;
    let done = false;
    const p = host.run({ delayForCellEdit: true }, (ctx) => refresh(ctx)).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    host.editing = false;
    await p;
    expect(done).toBe(true);
  });
});
