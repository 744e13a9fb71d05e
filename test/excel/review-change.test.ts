/** Change requests and re-baselining: the cell, the audit entry, the renewed seal, protection back on. */
import { HostProtectionError } from "../../src/excel-host";
import { META_SHEET } from "../../src/core/meta";
import { auditEntriesFromRows } from "../../src/core/seal";
import { ReviewError, changeRequest, inspectReview, verifySeal } from "../../src/excel/review";
import { ACTOR, NOW, REASON, advanceTo, seedReview } from "./review-fixture";

async function auditLog(host: Awaited<ReturnType<typeof seedReview>>) {
  return auditEntriesFromRows(host.getValues(META_SHEET, "D2:N60"));
}

test("a change request round trip: cell, audit entry with old, new and reason, seal renewed, protection back, refreshed", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  const sealBefore = (await host.run((ctx) => verifySeal(ctx))).sealedAt;
  const scoreBefore = host.getValue("Goals", "V2");
  const hashBefore = host.getValue(META_SHEET, "B6");
  const r = await host.run((ctx) =>
    changeRequest(ctx, { goalId: "g-1", field: "Target", value: "180", reason: REASON, actor: ACTOR, now: new Date("2026-04-02T08:00:00Z") }),
  );
  expect(r).toMatchObject({ goalId: "G-1", field: "Target", action: "change", old: 200, new: 180, cell: "Goals!L2", changed: true });
  expect(host.getValue("Goals", "L2")).toBe(180);
  expect(typeof host.getValue("Goals", "L2")).toBe("number");
  // Protection is back on and Target still locked.
  expect(host.sheet("Goals")?.protected).toBe(true);
  expect(() => host.setCell("Goals", "L2", 1)).toThrow(HostProtectionError);
  expect(host.sheet(META_SHEET)?.protected).toBe(true);
  // The audit log: the change, then the new seal.
  const log = await auditLog(host);
  expect(log.slice(-2).map((e) => [e.action, e.goalId, e.field, e.old, e.new, e.reason, e.actor, e.at])).toEqual([
    ["change", "G-1", "Target", 200, 180, REASON, ACTOR, "2026-04-02T08:00:00Z"],
    ["seal", null, "seal.hash", hashBefore, r.seal?.hash, null, ACTOR, "2026-04-02T08:00:00Z"],
  ]);
  expect(host.getValue(META_SHEET, "B6")).toBe(r.seal?.hash);
  expect(r.seal?.hash).not.toBe(hashBefore);
  const v = await host.run((ctx) => verifySeal(ctx));
  expect(v).toMatchObject({ intact: true, differences: [], audit: { intact: true, entries: 4 }, sealedAt: "2026-04-02T08:00:00Z" });
  expect(v.sealedAt).not.toBe(sealBefore);
  // The computed columns were refreshed: Progress (150-100)/(180-100).
  expect(host.getValue("Goals", "V2")).not.toBe(scoreBefore);
  expect(host.getValue("Goals", "U2")).toBeCloseTo(50 / 80);
});

test("re-baselining is logged as rebaseline; dates are written as date serials; enumerations in canonical spelling", async () => {
  const host = await seedReview();
  await advanceTo(host, "In review");
  const a = await host.run((ctx) => changeRequest(ctx, { goalId: "G-2", field: "baseline", value: "15%", reason: REASON, actor: ACTOR, now: NOW }));
  expect(a).toMatchObject({ action: "rebaseline", old: 0.12, new: 0.15, cell: "Goals!J3" });
  const d = await host.run((ctx) => changeRequest(ctx, { goalId: "G-3", field: "Due", value: "2026-10-31", reason: REASON, actor: ACTOR, now: NOW }));
  expect(d).toMatchObject({ action: "change", old: "2026-09-30", new: "2026-10-31" });
  expect(typeof host.getValue("Goals", "P4")).toBe("number");
  expect(host.getNumberFormat("Goals", "P4")).toBe("yyyy-mm-dd");
  const e = await host.run((ctx) =>
    changeRequest(ctx, { goalId: "G-1", field: "Direction", value: "higher is better", reason: REASON, actor: ACTOR, now: NOW }),
  );
  expect(e).toMatchObject({ old: "Increase", new: "Increase", changed: false });
  const f = await host.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Direction", value: "at least", reason: REASON, actor: ACTOR, now: NOW }));
  expect(f).toMatchObject({ old: "Increase", new: "At least", changed: true });
  expect(host.getValue("Goals", "I2")).toBe("At least");
  const v = await host.run((ctx) => verifySeal(ctx));
  expect(v).toMatchObject({ intact: true, audit: { intact: true, entries: 12 } });
});

test("a formula-injection value stays text, in the cell and in the audit log", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active");
  const evil = '=HYPERLINK("http://evil.example","click here now")'; // three words: the Title rule S1 passes
  const r = await host.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Title", value: evil, reason: REASON, actor: "=cmd|' /C calc'!A0", now: NOW }));
  expect(r.new).toBe(evil);
  expect(host.getValue("Goals", "B2")).toBe(evil);
  expect(host.getFormula("Goals", "B2")).toBe(host.getValue("Goals", "B2")); // a formula would show its result ("click here now")
  const log = await auditLog(host);
  const change = log.find((e) => e.action === "change");
  expect(change).toMatchObject({ new: evil, old: "Grow revenue", actor: "=cmd|' /C calc'!A0" });
  // No cell of the metadata sheet is a formula: what each cell holds is what it shows.
  expect(host.getFormulas(META_SHEET, "A1:S60")).toEqual(host.getValues(META_SHEET, "A1:S60"));
  expect((await host.run((ctx) => verifySeal(ctx))).intact).toBe(true);
});

test.each([
  ["in Draft", "Draft", { goalId: "G-1", field: "Target", value: 1, reason: REASON }, /every cell can be edited directly/],
  ["an editable field", "Active", { goalId: "G-1", field: "Actual", value: 1, reason: REASON }, /can be edited directly while the cycle is Active/],
  ["a short reason", "Active", { goalId: "G-1", field: "Target", value: 1, reason: "because" }, /reason of at least 10 characters/],
  ["the ID", "Active", { goalId: "G-1", field: "ID", value: "G-9", reason: REASON }, /ID cannot be changed/],
  ["an unknown goal", "Active", { goalId: "G-99", field: "Target", value: 1, reason: REASON }, /no goal with ID 'G-99'/],
  ["an unknown field", "Active", { goalId: "G-1", field: "Budget", value: 1, reason: REASON }, /'Budget' is not a goal column/],
  ["a number that is not one", "Active", { goalId: "G-1", field: "Target", value: "lots", reason: REASON }, /'lots' is not a number for Target/],
  ["a date that is not one", "Active", { goalId: "G-1", field: "Due", value: "31/12/2026", reason: REASON }, /is not a date/],
] as const)("refused: %s", async (_name, state, req, message) => {
  const host = await seedReview();
  if (state !== "Draft") await advanceTo(host, state);
  const before = host.getValues("Goals", "A1:Z4");
  const err = await host.run((ctx) => changeRequest(ctx, { ...req, actor: ACTOR })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ReviewError);
  expect((err as Error).message).toMatch(message);
  expect(host.getValues("Goals", "A1:Z4")).toEqual(before);
  expect((await host.run((ctx) => inspectReview(ctx))).pending).toBeNull();
});

test("a change request needs the password the cycle was locked with", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", "Secret-1234");
  const err = (await host
    .run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 190, reason: REASON, actor: ACTOR }))
    .catch((e: unknown) => e)) as Error;
  expect(err.message).toBe("The sheet 'Goals' is protected with a password; enter the password used when the cycle was locked.");
  await host.run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 190, reason: REASON, actor: ACTOR, password: "Secret-1234" }));
  expect(host.getValue("Goals", "L2")).toBe(190);
  expect(host.sheet("Goals")?.hasPassword).toBe(true);
});
