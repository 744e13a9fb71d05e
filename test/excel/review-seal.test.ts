/** The seal and the audit log: the canonical document, and tamper evidence (fast-check). */
import fc from "fast-check";
import { ExcelHost } from "../../src/excel-host";
import { ColumnKey, INPUT_COLUMNS } from "../../src/core/columns";
import { CycleState, META_SHEET } from "../../src/core/meta";
import { canonicalValue, sealedColumns, sha256Hex } from "../../src/core/seal";
import { ensureMetaSheet } from "../../src/excel/meta";
import { ReviewError, changeRequest, changeState, verifySeal } from "../../src/excel/review";
import { ACTOR, CHECKIN_HEADERS, CHECKIN_ROWS, GOAL_HEADERS, GOAL_ROWS, NOW, REASON, advanceTo, lastCol, seedReview } from "./review-fixture";
import { newHost } from "./fixtures";

const SEALED: CycleState[] = ["Active", "Data locked", "In review", "Closed"];

function storedDoc(host: ExcelHost): string {
  const rows = host.getValues(META_SHEET, "A2:B40");
  return rows
    .filter(([k]) => typeof k === "string" && /^seal\.doc\.\d+$/.test(k))
    .sort(([a], [b]) => Number(String(a).slice(9)) - Number(String(b).slice(9)))
    .map(([, v]) => String(v))
    .join("");
}

describe("the canonical seal document", () => {
  test("of a small workbook read through the adapter equals the document written by hand", async () => {
    const host = newHost();
    host.addSheet("Plan");
    // Columns in a user's order, a user column, synonyms the engine maps; messy cells.
    host.setValues("Plan", "B2", [
      ["Goal ID", "Goal", "Owner", "Target", "Current", "Due date", "Notes", "Direction", "Score", "Comments"],
      ["G-2", " Cafe\u0301  open ", "Bo", "45%", 10, "2026-12-31", "mine", "up", "", "keep"],
      ["g-1", "Alpha", "Al", 100, "", 46022, "", "", "", ""],
      ["G-10", '=HYPERLINK("x","y")', "", "n/a", true, "31/12/2026", "", "sideways", "", ""],
    ]);
    // The title of G-10 is typed as text, as a user would with a leading quote.
    host.setCell("Plan", "C5", '\'=HYPERLINK("x","y")');
    host.addTable("Plan", "B2:K5", "Goals_Plan");
    host.addSheet("Log");
    host.setValues("Log", "A1", [CHECKIN_HEADERS, ["g-1", "2026-02-01", 50, "80%", " ok "], ["G-2", 46000, "", "", ""], ["g-1", "2026-01-15", 20, "", ""]]);
    host.addTable("Log", "A1:E4", "CheckIns");
    await host.run((ctx) => ensureMetaSheet(ctx));
    host.setCell(META_SHEET, "B3", "2026-H1");
    await host.run((ctx) => changeState(ctx, { to: "Active", actor: ACTOR, now: NOW }));
    await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, now: NOW }));

    const expected =
      '{"v":1,"cycle":"2026-H1","state":"Data locked",' +
      '"columns":["ID","Title","Type","Level","Parent ID","Owner","Weight","Unit","Direction","Baseline","Threshold","Target","Stretch","Actual","Start","Due","Cycle","Data Source","Rollup"],' +
      '"goals":[' +
      '["g-1","Alpha",null,null,null,"Al",null,null,null,null,null,100,null,null,null,"2025-12-31",null,null,null],' +
      '["G-10","=HYPERLINK(\\"x\\",\\"y\\")",null,null,null,null,null,null,"sideways",null,null,"n/a",null,true,null,"31/12/2026",null,null,null],' +
      '["G-2","Caf\u00e9  open",null,null,null,"Bo",null,null,"Increase",null,null,0.45,null,10,null,"2026-12-31",null,null,null]' +
      "]," +
      '"checkins":[["g-1","2026-01-15",20,null,null],["g-1","2026-02-01",50,0.8,"ok"],["G-2","2025-12-09",null,null,null]]}';
    expect(storedDoc(host)).toBe(expected);
    expect(host.getValue(META_SHEET, "B6")).toBe(await sha256Hex(expected));
    expect(await host.run((ctx) => verifySeal(ctx))).toMatchObject({ sealed: true, intact: true, cycle: "2026-H1", state: "Data locked" });
  });

  test.each(SEALED.map((s) => [s]))("an untouched workbook in %s verifies intact, with the columns that state seals", async (state) => {
    const host = await seedReview();
    await advanceTo(host, state);
    const v = await host.run((ctx) => verifySeal(ctx));
    expect(v).toEqual({
      sealed: true,
      state,
      cycle: null,
      sealedAt: "2026-03-01T09:30:00Z",
      intact: true,
      differences: [],
      audit: { entries: 2 * (SEALED.indexOf(state) + 1), intact: true, firstBadSeq: null },
      auditReason: null,
    });
    const doc = JSON.parse(storedDoc(host)) as { columns: string[]; checkins?: unknown[] };
    expect(doc.columns).toHaveLength(sealedColumns(state).length);
    expect(doc.checkins !== undefined).toBe(state !== "Active");
  });

  test("a workbook in Draft is not sealed", async () => {
    const host = await seedReview();
    expect(await host.run((ctx) => verifySeal(ctx))).toMatchObject({ sealed: false, intact: null, state: "Draft" });
  });
});

const KEY_OF = new Map<string, ColumnKey>(INPUT_COLUMNS.map((c) => [c.header, c.key]));

const userValue = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constantFrom("", "2026-05-05", "45%", "#N/A", "Decrease", "=1+1", "G-1", " padded "),
);

describe("tamper evidence", () => {
  test("changing any single sealed cell (after removing the protection) is detected and named", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SEALED),
        fc.nat(GOAL_ROWS.length - 1),
        fc.nat(100),
        fc.boolean(),
        userValue,
        async (state, row, pick, checkIn, value) => {
          const host = await seedReview();
          await advanceTo(host, state);
          const sealedHeaders = sealedColumns(state).map((k) => INPUT_COLUMNS.find((c) => c.key === k)?.header as string);
          const useCheckIn = checkIn && state !== "Active";
          let address: string;
          let sheet: string;
          let changedCanonically: boolean;
          let goal: string;
          let column: string;
          if (useCheckIn) {
            sheet = "CheckIns";
            const c = pick % CHECKIN_HEADERS.length;
            const r = row % CHECKIN_ROWS.length;
            address = `${lastCol(c + 1)}${r + 2}`;
            const before = host.getValue(sheet, address);
            host.sheet(sheet)?.unprotect();
            host.setCell(sheet, address, value);
            changedCanonically = JSON.stringify(host.getValue(sheet, address)) !== JSON.stringify(before);
            goal = String(CHECKIN_ROWS[r][0]);
            column = "CheckIns";
          } else {
            sheet = "Goals";
            const header = sealedHeaders[pick % sealedHeaders.length];
            const c = GOAL_HEADERS.indexOf(header);
            address = `${lastCol(c + 1)}${row + 2}`;
            const key = KEY_OF.get(header) as ColumnKey;
            const before = canonicalValue(key, host.getValue(sheet, address));
            host.sheet(sheet)?.unprotect();
            host.setCell(sheet, address, value);
            changedCanonically = canonicalValue(key, host.getValue(sheet, address)) !== before;
            goal = String(GOAL_ROWS[row][0]);
            column = header === "ID" ? "(goal)" : header;
          }
          const v = await host.run((ctx) => verifySeal(ctx));
          if (!changedCanonically) {
            expect(v.intact).toBe(true);
            return;
          }
          expect(v.intact).toBe(false);
          expect(v.differences).toEqual(expect.arrayContaining([expect.objectContaining({ goal, column })]));
          expect(v.audit.intact).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("editing, deleting or swapping any audit entry is detected, naming the first bad Seq", async () => {
    // A log of 10 entries: four state changes with their seals, and a change request with its seal.
    const base = await seedReview();
    await advanceTo(base, "In review");
    await base.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 190, reason: REASON, actor: ACTOR, now: NOW }));
    await base.run((ctx) => changeState(ctx, { to: "Closed", actor: ACTOR, now: NOW }));
    const n = 10;
    expect((await base.run((ctx) => verifySeal(ctx))).audit).toEqual({ entries: n, intact: true, firstBadSeq: null });
    const snapshot = base.getValues(META_SHEET, `D2:N${n + 1}`);
    const replay = async (): Promise<ExcelHost> => {
      const host = await seedReview();
      await advanceTo(host, "In review");
      await host.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 190, reason: REASON, actor: ACTOR, now: NOW }));
      await host.run((ctx) => changeState(ctx, { to: "Closed", actor: ACTOR, now: NOW }));
      return host;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant("edit" as const), k: fc.nat(n - 1), col: fc.nat(10), value: userValue }),
          fc.record({ kind: fc.constant("delete" as const), k: fc.nat(n - 1) }),
          fc.record({ kind: fc.constant("swap" as const), k: fc.nat(n - 2) }),
        ),
        async (t) => {
          const host = await replay();
          expect(host.getValues(META_SHEET, `D2:N${n + 1}`)).toEqual(snapshot);
          host.sheet(META_SHEET)?.unprotect();
          if (t.kind === "edit") {
            const address = `${lastCol(4 + t.col)}${t.k + 2}`;
            const before = host.getValue(META_SHEET, address);
            host.setCell(META_SHEET, address, t.value);
            fc.pre(JSON.stringify(host.getValue(META_SHEET, address)) !== JSON.stringify(before));
          } else if (t.kind === "delete") {
            await host.run(async (ctx) => {
              ctx.workbook.tables.getItem("GoalAudit").rows.getItemAt(t.k).delete();
              await ctx.sync();
            });
          } else {
            const a = host.getValues(META_SHEET, `D${t.k + 2}:N${t.k + 2}`);
            const b = host.getValues(META_SHEET, `D${t.k + 3}:N${t.k + 3}`);
            host.setValues(
              META_SHEET,
              `D${t.k + 2}`,
              b.map((r) => r.map((v) => (typeof v === "string" ? `'${v}` : v))),
            );
            host.setValues(
              META_SHEET,
              `D${t.k + 3}`,
              a.map((r) => r.map((v) => (typeof v === "string" ? `'${v}` : v))),
            );
          }
          const v = await host.run((ctx) => verifySeal(ctx));
          expect(v.audit.intact).toBe(false);
          expect(v.audit.firstBadSeq).toBe(t.k + 1);
          expect(v.auditReason).toEqual(expect.any(String));
          // The goals themselves were not touched.
          expect(v.intact).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  test("any sequence of review operations leaves a seal and an audit log that verify intact", async () => {
    const ops = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("advance" as const) }),
        fc.record({ kind: fc.constant("reopen" as const) }),
        fc.record({
          kind: fc.constant("change" as const),
          row: fc.nat(2),
          field: fc.constantFrom("Target", "Baseline", "Owner", "Due", "Title"),
          value: fc.constantFrom(5, 250, "Zoe", "2026-11-30", "=SUM(1)"),
        }),
      ),
      { maxLength: 7 },
    );
    await fc.assert(
      fc.asyncProperty(ops, async (list) => {
        const host = await seedReview();
        const order: CycleState[] = ["Draft", "Active", "Data locked", "In review", "Closed"];
        let state: CycleState = "Draft";
        for (const op of list) {
          const i = order.indexOf(state);
          if (op.kind === "advance" && i < 4) {
            await host.run((ctx) => changeState(ctx, { to: order[i + 1], actor: ACTOR, now: NOW }));
            state = order[i + 1];
          } else if (op.kind === "reopen" && i > 0) {
            await host.run((ctx) => changeState(ctx, { to: order[i - 1], actor: ACTOR, reason: REASON, now: NOW }));
            state = order[i - 1];
          } else if (op.kind === "change" && state !== "Draft") {
            const id = String(GOAL_ROWS[op.row][0]);
            // A refused request (a date for Target, an editable field) changes nothing.
            await host
              .run((ctx) => changeRequest(ctx, { goalId: id, field: op.field, value: op.value, reason: REASON, actor: ACTOR, now: NOW }))
              .catch((e: unknown) => {
                if (!(e instanceof ReviewError)) throw e;
              });
          }
        }
        const v = await host.run((ctx) => verifySeal(ctx));
        expect(v.audit.intact).toBe(true);
        expect(v.sealed).toBe(state !== "Draft");
        if (state !== "Draft") expect(v.intact).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
