/**
 * The monthly review cycle in the preview, as an analyst clicks it (issue 15): the
 * sample converted, the cycle locked with a password, three check-ins added in Active,
 * then Data locked — with no "Unfinished operation" warning at any point. On the way:
 * the password dialog (a wrong password said beside the field, the right one asked only
 * once for the pane session) and a change request the table's rules refuse (a Weight of
 * −10), which writes nothing.
 *
 * The Review tab's forms are being redesigned: the steps find fields by their labels and
 * accept an error wherever the pane shows it (at the field or in the banner).
 */
import { Locator, Page } from "playwright-core";
import {
  Session,
  axe,
  cell,
  describeViolations,
  findColumn,
  findRow,
  idle,
  journey,
  openView,
  pane,
  poll,
  screenshot,
  showSheet,
  sessionPerFile,
} from "./support";

let s: Session;

sessionPerFile((session) => (s = session));

const step = journey();
const PASSWORD = "Lock-2026!";
const GOAL = "T-SN2";
const CHECK_INS = [
  { date: "2026-01-31", shown: "31 Jan 2026", value: "40" },
  { date: "2026-02-28", shown: "28 Feb 2026", value: "44" },
  { date: "2026-03-31", shown: "31 Mar 2026", value: "48" },
];

/** Waits for the pane to settle (the operation, then the review inspection that follows it) and asserts no warning about an unfinished operation. */
async function expectNoUnfinished(page: Page, when: string): Promise<void> {
  await idle(page);
  await page.waitForTimeout(400);
  await idle(page);
  const text = (await pane(page).textContent()) ?? "";
  const warning = /(Unfinished operation|does not match the \w[\w ]* state).{0,240}/.exec(text);
  expect({ when, unfinished: warning ? warning[0] : null }).toEqual({ when, unfinished: null });
}

/** Chooses a goal in a goal picker (a select, or a combobox with search). */
async function chooseGoal(form: Locator, id: string): Promise<void> {
  const picker = form.getByLabel(/^Goal/).first();
  const tag = await picker.evaluate((e) => e.tagName.toLowerCase());
  if (tag === "select") {
    await picker.selectOption({ value: id }).catch(() => picker.selectOption({ label: id }));
    return;
  }
  await picker.click();
  await picker.fill(id);
  await form
    .page()
    .getByRole("option", { name: new RegExp(`^${id}\\b`) })
    .first()
    .click();
}

/** The pane's error (at a field or in the banner) once it shows `pattern`. */
async function paneShows(page: Page, what: string, pattern: RegExp): Promise<string> {
  return poll(
    what,
    async () => (await pane(page).textContent()) ?? "",
    (t) => pattern.test(t),
  );
}

async function advance(page: Page, view: Locator, to: string, options: { reason: string; password?: string }): Promise<void> {
  await view.getByRole("button", { name: `Advance to ${to}`, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  const name = dialog.getByLabel("Your name for the audit log");
  if (await name.count()) await name.fill("Lena Fischer");
  await dialog.getByLabel(/^Reason/).fill(options.reason);
  if (options.password !== undefined) await dialog.getByLabel(/password/i).fill(options.password);
  await dialog.getByRole("button", { name: "Advance", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  await idle(page);
  await poll(
    `the cycle to be ${to}`,
    () => view.getByTestId("cycle-state").textContent(),
    (t) => t === `The cycle is ${to}.`,
  );
}

function checkInForm(view: Locator): Locator {
  return view.getByRole("form", { name: /check-in/i });
}

async function fillCheckIn(view: Locator, c: { date: string; value: string }): Promise<void> {
  const form = checkInForm(view);
  await chooseGoal(form, GOAL);
  await form.getByLabel(/^Date/).fill(c.date);
  await form.getByLabel(/^Value/).fill(c.value);
  await form.getByRole("button", { name: /^Add check-in/ }).click();
}

describe("the monthly cycle in the preview", () => {
  step("the sample is converted into a goal table", async () => {
    const { page } = s;
    const view = await openView(s, "setup");
    await view.getByRole("button", { name: "Convert sheet" }).click();
    const proposal = view.getByTestId("proposal");
    await proposal.waitFor();
    await proposal.getByRole("button", { name: "Confirm and convert" }).click();
    await idle(page);
    await paneShows(page, "the conversion", /Converted into the table Goals/);
  });

  step("Draft → Active, locked with a password: no warning", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    await expect(view.getByTestId("cycle-state").textContent()).resolves.toBe("The cycle is Draft.");
    await advance(page, view, "Active", { reason: "Goals for 2026 agreed with every owner", password: PASSWORD });
    await expectNoUnfinished(page, "after Active");
  });

  step("the first check-in asks for the password: a wrong one is said beside the field, the dialog stays open", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    await fillCheckIn(view, CHECK_INS[0]);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.not.toMatch(/_GoalScorecards|hidden/);
    const field = dialog.getByLabel("Password", { exact: true });
    await field.fill("lock-2026");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await poll(
      "the wrong-password message",
      async () => (await dialog.textContent()) ?? "",
      (t) => /That password is not right/.test(t),
    );
    await expect(field.inputValue()).resolves.toBe("lock-2026"); // kept, to correct it
    await screenshot(page, "password-wrong", dialog);
    const violations = (await axe(page, '[role="dialog"]', "password-dialog")).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(describeViolations(violations)).toBe("");
    await field.fill(PASSWORD);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.waitFor({ state: "detached" });
    await expectNoUnfinished(page, "after check-in 1");
    await paneShows(page, "the first check-in", new RegExp(`${GOAL}.*${CHECK_INS[0].shown}`));
  });

  step("two more check-ins: the password is not asked again, and no warning", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    for (const [i, c] of CHECK_INS.slice(1).entries()) {
      await fillCheckIn(view, c);
      await idle(page);
      expect(await page.getByRole("dialog").count()).toBe(0);
      await expectNoUnfinished(page, `after check-in ${i + 2}`);
      await paneShows(page, `check-in ${i + 2}`, new RegExp(`${GOAL}.*${c.shown}`));
    }
    // The three rows are in the CheckIns table, and the audit log has them.
    await showSheet(page, "Check-ins");
    for (const c of CHECK_INS) await findRow(page, "B", c.date);
    const audit = (await view.getByTestId("audit-log").textContent()) ?? "";
    expect(audit.match(new RegExp(`check-?in\\W+${GOAL}`, "gi"))?.length).toBe(3);
  });

  step("Active → Data locked: not asked for the password, no warning, check-ins locked", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    await advance(page, view, "Data locked", { reason: "Year-end numbers are in" });
    expect(await page.getByRole("dialog").count()).toBe(0);
    await expectNoUnfinished(page, "after Data locked");
    expect(await checkInForm(view).count()).toBe(0);
    await expect(view.getByTestId("seal-status").textContent()).resolves.toMatch(/Intact/);
    await screenshot(page, "monthly-cycle-data-locked", pane(page));
  });

  step("a change request with a Weight of −10 is refused with a message, and nothing is written", async () => {
    const { page } = s;
    await showSheet(page, "Goals 2026");
    const weightColumn = await findColumn(page, 3, "Weight");
    const row = await findRow(page, "A", GOAL);
    const weightBefore = await cell(page, `${weightColumn}${row}`).textContent();
    const view = await openView(s, "review");
    const auditBefore = await view.getByTestId("audit-log").textContent();
    const form = view.getByRole("form", { name: /change request/i });
    await chooseGoal(form, GOAL);
    await form.getByLabel(/^Field/).selectOption({ label: "Weight" });
    await form.getByLabel(/value/i).first().fill("-10");
    await form.getByLabel(/^Reason/).fill("Trying out a weight that cannot be right");
    await form.getByRole("button", { name: /change request/i }).click();
    await idle(page);
    await paneShows(page, "the refusal", /Weight -10 is negative; enter 0 or more/);
    expect(await page.getByRole("dialog").count()).toBe(0);
    await screenshot(page, "change-request-refused", pane(page));
    await expect(view.getByTestId("audit-log").textContent()).resolves.toBe(auditBefore);
    await showSheet(page, "Goals 2026");
    await expect(cell(page, `${weightColumn}${row}`).textContent()).resolves.toBe(weightBefore);
    await expectNoUnfinished(page, "after the refused change request");
  });

  step("no console errors", async () => {
    expect(s.errors).toEqual([]);
  });
});
