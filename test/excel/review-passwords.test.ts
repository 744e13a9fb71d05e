/** Password refusals name nothing internal (issue 15, item 5): the hidden metadata sheet is "the review cycle". */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { META_SHEET } from "../../src/core/meta";
import { ReviewError, addCheckIn, changeRequest, changeState } from "../../src/excel/review";
import { passwordError } from "../../src/excel/review-protection";
import { writeSettings } from "../../src/excel/settings";
import { ACTOR, NOW, REASON, advanceTo, seedReview } from "./review-fixture";

test("no operation's password refusal names the metadata sheet", async () => {
  const host = await seedReview();
  await advanceTo(host, "Active", "pw");
  const errors: ReviewError[] = [];
  for (const run of [
    () => host.run((ctx) => writeSettings(ctx, { ...DEFAULT_SETTINGS, staleDays: 10 }, { password: "nope" })),
    () =>
      host.run((ctx) =>
        changeRequest(ctx, {
          goalId: "G-1",
          field: "Target",
          value: 180,
          reason: REASON,
          actor: ACTOR,
          password: "nope",
          now: NOW,
        }),
      ),
    () =>
      host.run((ctx) =>
        addCheckIn(ctx, {
          goalId: "G-1",
          date: "2026-03-01",
          value: 1,
          actor: ACTOR,
          now: NOW,
        }),
      ),
    () => host.run((ctx) => changeState(ctx, { to: "Data locked", actor: ACTOR, now: NOW })),
  ])
    errors.push((await run().catch((e: unknown) => e)) as ReviewError);
  for (const e of errors) {
    expect(e).toBeInstanceOf(ReviewError);
    expect([e.code, e.field]).toEqual(["password", "password"]);
    expect(e.message).not.toContain(META_SHEET);
    expect(e.message).not.toMatch(/hidden/);
  }
  expect(errors[0].message).toBe("The review cycle is protected with a password; enter the password used when the cycle was locked.");
});

test.each([
  [META_SHEET, "The review cycle is protected with a password"],
  [undefined, "The review cycle is protected with a password"],
  [null, "The workbook structure is protected with a password"],
  ["Goals", "The sheet 'Goals' is protected with a password"],
])("passwordError(%p) says %p", (sheet, start) => {
  expect(passwordError(sheet).message.startsWith(start)).toBe(true);
});
