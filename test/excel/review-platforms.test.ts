/**
 * Review operations on Excel without the web-only ExcelApiOnline 1.1 set (Windows, Mac):
 * no `checkPassword()`, no `isPasswordProtected`; a wrong password is learned from the
 * failing `unprotect`, whatever its code (InvalidArgument, or AccessDenied on Windows).
 */
import { ExcelHost, installGlobals } from "../../src/excel-host";
import { META_SHEET } from "../../src/core/meta";
import { ReviewError, changeRequest, changeState, inspectReview, reapplyProtection, verifySeal } from "../../src/excel/review";
import { officeRequirements } from "../../src/excel/requirements";
import { writeSettings } from "../../src/excel/settings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { ACTOR, NOW, REASON, advanceTo, seedReview } from "./review-fixture";

const PW = "Pa55-word-never-stored";
const desktop = (name: string): boolean => name !== "ExcelApiOnline";

function snapshot(host: ExcelHost): string {
  const cells = host.sheetNames().map((s) => JSON.stringify(host.getFormulas(s, "A1:AD60")));
  const protection = host.sheetNames().map((s) => [s, host.sheet(s)?.protected, host.sheet(s)?.hasPassword]);
  return JSON.stringify([cells, protection, host.workbookProtected, host.tableNames().map((t) => host.table(t)?.address)]);
}

async function onDesktop<T>(host: ExcelHost, fn: () => Promise<T>): Promise<T> {
  const restore = installGlobals(host, { isSetSupported: desktop });
  try {
    return await fn();
  } finally {
    restore();
  }
}

test("the adapter asks Office which sets it has; without Office it assumes the least", () => {
  const host = new ExcelHost();
  expect(officeRequirements("ExcelApi", "1.2")).toBe(false);
  const restore = installGlobals(host, { isSetSupported: desktop });
  try {
    expect(officeRequirements("ExcelApiOnline", "1.1")).toBe(false);
    expect(officeRequirements("ExcelApi", "1.2")).toBe(true);
  } finally {
    restore();
  }
});

describe.each([["InvalidArgument" as const], ["AccessDenied" as const]])("Excel without ExcelApiOnline, a wrong password fails with %s", (code) => {
  const seed = (): Promise<ExcelHost> => seedReview({ atomicSyncs: false, host: { wrongPasswordCode: code } });

  test("locking with a password, a wrong or missing one refused in plain words, nothing half done, then every step", async () => {
    const host = await seed();
    await onDesktop(host, async () => {
      await advanceTo(host, "Active", PW);
      expect(host.sheet("Goals")?.hasPassword).toBe(true);
      const before = snapshot(host);
      for (const password of [undefined, "wrong password"]) {
        const err = (await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password, now: NOW })).catch((e: unknown) => e)) as Error;
        expect(err).toBeInstanceOf(ReviewError);
        expect(err.message).toBe("The sheet 'Goals' is protected with a password; enter the password used when the cycle was locked.");
        expect(JSON.stringify(err)).not.toContain(PW);
        expect(snapshot(host)).toBe(before);
      }
      const wrong = (await host
        .run((ctx) => changeRequest(ctx, { goalId: "G-1", field: "Target", value: 180, reason: REASON, actor: ACTOR, password: "nope", now: NOW }))
        .catch((e: unknown) => e)) as Error;
      expect(wrong).toBeInstanceOf(ReviewError);
      expect(wrong.message).toMatch(/protected with a password/);
      expect(snapshot(host)).toBe(before);
      await expect(host.run((ctx) => writeSettings(ctx, { ...DEFAULT_SETTINGS, staleDays: 9 }, { password: "nope" }))).rejects.toThrow(
        /protected with a password/,
      );
      expect(snapshot(host)).toBe(before);

      await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: PW, now: NOW }));
      const r = await host.run((ctx) =>
        changeRequest(ctx, { goalId: "G-1", field: "Target", value: 180, reason: REASON, actor: ACTOR, password: PW, now: NOW }),
      );
      expect(r.changed).toBe(true);
      expect(host.workbookProtected).toBe(true);
      const structure = (await host
        .run((ctx) => changeState(ctx, { to: "In review", actor: ACTOR, password: "nope", now: NOW }))
        .catch((e: unknown) => e)) as Error;
      expect(structure).toBeInstanceOf(ReviewError);
      await host.run((ctx) => changeState(ctx, { to: "In review", actor: ACTOR, password: PW, now: NOW }));
      const i = await host.run((ctx) => inspectReview(ctx));
      expect(i).toMatchObject({ state: "In review", protectionMatchesState: true, sealIntact: true, auditIntact: true, pending: null });
      expect((await host.run((ctx) => verifySeal(ctx))).intact).toBe(true);
    });
  });

  test("a sheet protected without a password opens with any password given (Excel ignores it)", async () => {
    const host = await seed();
    await onDesktop(host, async () => {
      await advanceTo(host, "Active");
      expect(host.sheet("Goals")?.hasPassword).toBe(false);
      await host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: "typed anyway", now: NOW }));
      expect((await host.run((ctx) => inspectReview(ctx))).state).toBe("Data locked");
      for (const s of ["Goals", "CheckIns", META_SHEET]) expect(host.sheet(s)?.protected).toBe(true);
    });
  });
});

test("on Excel on the web too, a wrong password is refused before anything is written", async () => {
  const host = await seedReview({ atomicSyncs: false });
  const restore = installGlobals(host);
  try {
    await advanceTo(host, "Active", PW);
    const before = snapshot(host);
    await expect(host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, password: "nope", now: NOW }))).rejects.toThrow(ReviewError);
    expect(snapshot(host)).toBe(before);
  } finally {
    restore();
  }
});

test("without checkPassword, a sheet unprotected by hand is not locked with a wrong password before another sheet refuses it", async () => {
  const host = await seedReview({ atomicSyncs: false, host: {} });
  await onDesktop(host, async () => {
    await advanceTo(host, "Active", PW);
    host.sheet("Goals")?.unprotect(PW); // someone lifted the protection of the goal sheet
    const before = snapshot(host);
    await expect(host.run((ctx) => reapplyProtection(ctx, { password: "nope" }))).rejects.toThrow(/'CheckIns' is protected with a password/);
    expect(snapshot(host)).toBe(before);
    expect(host.sheet("Goals")?.protected).toBe(false);
    await host.run((ctx) => reapplyProtection(ctx, { password: PW }));
    expect(host.sheet("Goals")?.hasPassword).toBe(true);
  });
});
