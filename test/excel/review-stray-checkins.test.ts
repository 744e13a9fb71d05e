/**
 * Check-ins typed below the CheckIns table on a protected sheet (Active): Excel does not grow
 * the table there, so the add-in picks the rows up — refresh scores them at once, and the
 * next review operation adds them to the table, logs them and (from Data locked) seals them.
 */
import { HostProtectionError } from "../../src/excel-host";
import { dayFromParts } from "../../src/core/dates";
import { auditEntriesFromRows } from "../../src/core/seal";
import { refresh } from "../../src/excel/refresh";
import { addCheckIn, changeRequest, changeState, inspectReview, verifySeal } from "../../src/excel/review";
import { loadWorkbook } from "../../src/excel/workbook";
import { ACTOR, CHECKIN_ROWS, NOW, REASON, advanceTo, seedReview } from "./review-fixture";

const PW = "Pa55-word";
const AS_OF = dayFromParts(2026, 6, 30) as number;
const BELOW = CHECKIN_ROWS.length + 2; // the first row under the table

function typeCheckIn(host: Awaited<ReturnType<typeof seedReview>>, row: number, cells: [string, string, number]): void {
  host.setCell("CheckIns", `A${row}`, cells[0]);
  host.setCell("CheckIns", `B${row}`, cells[1]);
  host.setCell("CheckIns", `C${row}`, cells[2]);
}

async function auditOf(host: Awaited<ReturnType<typeof seedReview>>) {
  const wb = await host.run((ctx) => loadWorkbook(ctx));
  return auditEntriesFromRows(wb.auditTable?.rows ?? []);
}

test("typed below the table in Active: scored by refresh, added, logged and sealed at Data locked", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", PW);
  await host.run((ctx) => refresh(ctx, { asOf: AS_OF }));
  expect(host.getValue("Goals", "W2")).toBe("Stale"); // G-1's last check-in is from February
  typeCheckIn(host, BELOW, ["G-1", "2026-06-29", 160]);
  expect(host.table("CheckIns")?.rowCount).toBe(CHECKIN_ROWS.length); // Excel did not grow the table

  await host.run((ctx) => refresh(ctx, { asOf: AS_OF }));
  expect(host.getValue("Goals", "W2")).not.toBe("Stale");

  await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: PW, now: NOW }));
  expect(host.table("CheckIns")?.rowCount).toBe(CHECKIN_ROWS.length + 1);
  expect(() => host.setCell("CheckIns", `C${BELOW}`, 1)).toThrow(HostProtectionError);
  const v = await host.run((ctx) => verifySeal(ctx));
  expect(v).toMatchObject({ sealed: true, intact: true, audit: { intact: true } });
  const wb = await host.run((ctx) => loadWorkbook(ctx));
  const doc = JSON.parse(wb.meta.seal.doc ?? "{}") as { checkins: unknown[][] };
  expect(doc.checkins).toContainEqual(["G-1", "2026-06-29", 160, null, null]);
  const logged = (await auditOf(host)).filter((e) => e.action === "checkin");
  expect(logged.map((e) => [e.goalId, e.field, e.new])).toEqual([["G-1", "Value", 160]]);
  expect(logged[0].reason).toMatch(/typed below the CheckIns table/);
  expect((await host.run((ctx) => inspectReview(ctx))).pending).toBeNull();
});

test("Add check-in with rows typed below: they join first, the new one comes after them", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", PW);
  typeCheckIn(host, BELOW, ["G-3", "2026-06-01", 1]);
  typeCheckIn(host, BELOW + 2, ["G-2", "2026-06-02", 0.11]); // a blank row between them
  const r = await host.run((ctx) => addCheckIn(ctx, { goalId: "G-1", date: "2026-06-29", value: 170, actor: ACTOR, password: PW, now: NOW }));
  expect(r.added).toBe(true);
  const rows = (await host.run((ctx) => loadWorkbook(ctx))).checkIns?.rows.map((x) => x.slice(0, 3)) ?? [];
  expect(rows.slice(CHECKIN_ROWS.length)).toEqual([
    ["G-3", 46174, 1],
    ["", "", ""],
    ["G-2", 46175, 0.11],
    ["G-1", 46202, 170],
  ]);
  const logged = (await auditOf(host)).filter((e) => e.action === "checkin").map((e) => [e.goalId, e.new]);
  expect(logged).toEqual([
    ["G-3", 1],
    ["g-2", 0.11],
    ["G-1", 170],
  ]);
  expect(host.sheet("CheckIns")?.protected).toBe(true);
  expect((await host.run((ctx) => verifySeal(ctx))).audit.intact).toBe(true);
});

test("a change request picks them up too, and a wrong password leaves them where they are", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", PW);
  typeCheckIn(host, BELOW, ["G-1", "2026-06-29", 165]);
  await expect(
    host.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 210, reason: REASON, actor: ACTOR, password: "nope", now: NOW })),
  ).rejects.toThrow(/password/);
  expect(host.table("CheckIns")?.rowCount).toBe(CHECKIN_ROWS.length);
  await host.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 210, reason: REASON, actor: ACTOR, password: PW, now: NOW }));
  expect(host.table("CheckIns")?.rowCount).toBe(CHECKIN_ROWS.length + 1);
  expect((await auditOf(host)).map((e) => e.action)).toEqual(["state", "seal", "checkin", "change", "seal"]);
  expect((await host.run((ctx) => verifySeal(ctx))).intact).toBe(true);
});
