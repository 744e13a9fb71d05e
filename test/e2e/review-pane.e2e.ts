/**
 * Browser test of the Review tab as an analyst meets it at 380 px (issue 15, items 3, 8
 * and 10): a refused change request or check-in says why beside the field; the goal
 * pickers find a goal by a word of its title; the check-in form has Confidence, and it
 * lands in the CheckIns table; seal, audit log and times read in plain words; "Prepare
 * review copy" says what it does to this workbook, and the copy's status follows the
 * truth; a Closed cycle offers no change request and says why.
 */
import type { Locator, Page } from "playwright-core";
import {
  Session,
  axe,
  cell,
  describeViolations,
  findColumn,
  grid,
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

sessionPerFile((session) => (s = session), 380);

const step = journey();

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LOCAL_TIME = /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2}/;

/** The text that describes a form control (its hint and validation message, by aria-describedby). */
async function description(control: Locator): Promise<string> {
  return control.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** Asserts that `message` is shown right below `control` (beside the field, not in a banner). */
async function expectBesideField(page: Page, control: Locator, message: string | RegExp): Promise<void> {
  await poll(
    `the message ${String(message)} beside the field`,
    () => description(control),
    (t) => (typeof message === "string" ? t.includes(message) : message.test(t)),
  );
  const field = control.locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' fui-Field ')][1]");
  const shown = field.getByText(message).first();
  const [c, m] = await Promise.all([control.boundingBox(), shown.boundingBox()]);
  expect(c).not.toBeNull();
  expect(m).not.toBeNull();
  if (c && m) {
    expect(m.y).toBeGreaterThanOrEqual(c.y + c.height - 1);
    expect(m.y - (c.y + c.height)).toBeLessThan(60);
  }
  // Not in the banner at the top of the pane.
  expect(await pane(page).getByTestId("error").count()).toBe(0);
}

async function advance(page: Page, view: Locator, to: string, reason: string): Promise<void> {
  await view.getByRole("button", { name: `Advance to ${to}`, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  const name = dialog.getByLabel("Your name for the audit log");
  if (await name.count()) await name.fill("Lena Fischer");
  await dialog.getByLabel(/^Reason/).fill(reason);
  await dialog.getByRole("button", { name: "Advance", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  await idle(page);
  await poll(
    `the cycle to be ${to}`,
    () => view.getByTestId("cycle-state").textContent(),
    (t) => t === `The cycle is ${to}.`,
  );
}

/** Types into a goal picker and chooses the option that starts with `id`. */
async function pickGoal(page: Page, picker: Locator, typed: string, id: string): Promise<void> {
  await picker.click();
  await picker.fill(typed);
  await page
    .getByRole("listbox")
    .getByRole("option", { name: new RegExp(`^${id} — `) })
    .click();
  await expect(picker.inputValue()).resolves.toMatch(new RegExp(`^${id} — `));
}

describe("the Review tab at 380 px", () => {
  step("a converted sample in Draft: the check-in form has Confidence; change requests are for locked cycles", async () => {
    const { page } = s;
    const setup = await openView(s, "setup");
    await setup.getByRole("button", { name: "Convert sheet" }).click();
    await setup.getByRole("button", { name: "Confirm and convert" }).click();
    await idle(page);
    const view = await openView(s, "review");
    await expect(view.getByTestId("no-change-request").textContent()).resolves.toMatch(/In Draft every cell can be edited directly/);
    const checkIn = view.getByRole("form", { name: "Add a check-in" });
    await expect(checkIn.getByLabel("Confidence (optional)").count()).resolves.toBe(1);
    await advance(page, view, "Active", "Goals for 2026 agreed with every owner");
  });

  step("a refused change request says why beside the field, not in a banner out of view", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    const form = view.getByRole("form", { name: "Change request" });
    await form.getByLabel("Field", { exact: true }).selectOption({ label: "Weight" });
    const value = form.getByLabel("New value", { exact: true });
    await value.fill("abc");
    const reason = form.getByLabel("Reason", { exact: true });
    await reason.fill("too short");
    await form.getByRole("button", { name: "Submit change request" }).click();
    await expectBesideField(page, value, "'abc' is not a number for Weight; enter a number.");
    await expectBesideField(page, reason, /at least 10 characters/);
    await screenshot(page, "review-pane-refused", form);
  });

  step("the goal picker finds a goal by a word of its title, and the change request goes through", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    const form = view.getByRole("form", { name: "Change request" });
    const picker = form.getByRole("combobox", { name: "Goal", exact: true });
    await picker.click();
    await picker.fill("demos");
    const options = page.getByRole("listbox").getByRole("option");
    await poll(
      "only goals about demos",
      () => options.allTextContents(),
      (t) => t.length > 0 && t.every((x) => /demos/i.test(x)),
    );
    const texts = await options.allTextContents();
    expect(texts).toContain("T-SN2 — Book 60 qualified demos per quarter");
    expect(texts.some((t) => t.startsWith("C-1"))).toBe(false);
    await screenshot(page, "review-pane-picker", pane(page));
    await options.filter({ hasText: /^T-SN2 — / }).click();
    await expect(picker.inputValue()).resolves.toBe("T-SN2 — Book 60 qualified demos per quarter");
    await form.getByLabel("Field", { exact: true }).selectOption({ label: "Target" });
    await form.getByLabel("New value", { exact: true }).fill("66");
    await form.getByLabel("Reason", { exact: true }).fill("Quarterly demo target raised after the spring campaign");
    await form.getByRole("button", { name: "Submit change request" }).click();
    await idle(page);
    await expect(pane(page).getByTestId("notice").textContent()).resolves.toMatch(/T-SN2 Target changed from 60 to 66/);
  });

  step("a check-in with a confidence: a bare 80 is explained beside the field, 80% lands in the CheckIns table", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    const form = view.getByRole("form", { name: "Add a check-in" });
    await pickGoal(page, form.getByRole("combobox", { name: "Goal for the check-in" }), "I-01", "I-01");
    await form.getByLabel("Date", { exact: true }).fill("2026-11-30");
    await form.getByLabel("Value", { exact: true }).fill("310000");
    const confidence = form.getByLabel("Confidence (optional)");
    await confidence.fill("80");
    await form.getByRole("button", { name: "Add check-in" }).click();
    await expectBesideField(page, confidence, "Confidence is a percentage: write 80% (or 0.8).");
    await confidence.fill("80%");
    await form.getByLabel("Comment", { exact: true }).fill("Two deals signed, one slipped");
    await form.getByRole("button", { name: "Add check-in" }).click();
    await idle(page);
    const notice = pane(page).getByTestId("notice");
    await expect(notice.textContent()).resolves.toMatch(/^Check-in for I-01 on 30 Nov 2026 added \(cell /);
    const where = /\(cell (?:'?([^'!]+)'?)!([A-Z]+)(\d+)\)/.exec((await notice.textContent()) ?? "");
    expect(where).not.toBeNull();
    if (!where) return;
    await showSheet(page, where[1]);
    // The table's header row is the nearest row above the new one that names Confidence.
    let column = "";
    for (let row = Number(where[3]) - 1; row >= 1 && column === ""; row--) column = await findColumn(page, row, "Confidence").catch(() => "");
    expect(column).not.toBe("");
    await expect(cell(page, `${where[2]}${where[3]}`).textContent()).resolves.toBe("I-01");
    await expect(cell(page, `${column}${where[3]}`).textContent()).resolves.toMatch(/^(80%|0\.8)$/);
    await screenshot(page, "review-pane-checkin-row", grid(page));
  });

  step("seal, audit log and times in plain words", async () => {
    const view = await openView(s, "review");
    const seal = view.getByTestId("seal-status");
    await expect(seal.textContent()).resolves.toMatch(/^IntactNo goal has been edited since they were sealed on /);
    const sealText = (await seal.textContent()) ?? "";
    expect(sealText).toMatch(LOCAL_TIME);
    expect(sealText).not.toMatch(ISO_TIME);
    const audit = view.getByTestId("audit-status");
    await expect(audit.textContent()).resolves.toMatch(/entries, none edited or removed since they were written\./);
    const log = (await view.getByTestId("audit-log").textContent()) ?? "";
    expect(log).toMatch(LOCAL_TIME);
    expect(log).not.toMatch(ISO_TIME);
    expect(log).not.toMatch(/Sealed seal|chain|UTC/);
    expect(log).toMatch(/Goals sealed/);
    expect(log).toMatch(/Check-in I-01: 310000 — “Two deals signed, one slipped”/);
  });

  step("Prepare review copy says what it does to this workbook; after it, the status says what is true", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    await advance(page, view, "Data locked", "Year-end numbers are in");
    const explained = view.getByTestId("copy-explained");
    await expect(explained.textContent()).resolves.toMatch(/changes this workbook: every GOAL formula is replaced by the value it shows/);
    await expect(explained.textContent()).resolves.toMatch(/To undo it, select Restore live formulas/);
    await view.getByRole("button", { name: "Prepare review copy" }).click();
    await idle(page);
    const notice = (await pane(page).getByTestId("notice").textContent()) ?? "";
    expect(notice).toMatch(/^Review copy ready: /);
    const status = view.getByTestId("copy-status");
    // This sample has no Scorecards sheet yet, so no GOAL formulas: the status must not claim live formulas.
    if (/no GOAL formulas/.test(notice)) {
      await poll(
        "the copy status to follow the result",
        () => status.textContent(),
        (t) => /^This workbook has no GOAL formulas, so nothing needed replacing/.test(t ?? ""),
      );
    } else {
      expect(notice).toMatch(/GOAL formulas? (was|were) replaced/);
      await poll(
        "the copy status to say it is a review copy",
        () => status.textContent(),
        (t) => /^This workbook is a review copy/.test(t ?? ""),
      );
    }
    await expect(status.textContent()).resolves.not.toMatch(/formulas are live/i);
    await screenshot(page, "review-pane-copy", pane(page));
  });

  step("a Closed cycle offers no change request, and says why", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    await advance(page, view, "In review", "Calibration meeting on Friday");
    // In review, score changes go through change requests (the pane re-renders after the refresh).
    await poll(
      "the change request form in review",
      () => view.getByRole("form", { name: "Change request" }).count(),
      (n) => n === 1,
    );
    await advance(page, view, "Closed", "Calibration done, scores final");
    const why = view.getByTestId("no-change-request");
    await poll(
      "the reason there is no change request",
      () => why.count(),
      (n) => n === 1,
    );
    await expect(why.textContent()).resolves.toMatch(/The cycle is closed: .*nothing can be changed\. To correct a goal, reopen the cycle to In review/);
    await expect(view.getByRole("form", { name: "Change request" }).count()).resolves.toBe(0);
    await expect(view.getByRole("button", { name: "Submit change request" }).count()).resolves.toBe(0);
    await expect(view.getByRole("form", { name: "Add a check-in" }).count()).resolves.toBe(0);
    await screenshot(page, "review-pane-closed", pane(page));
  });

  step("the Review tab has no serious or critical accessibility finding, and logged no console error", async () => {
    const violations = await axe(s.page, '[data-testid="view-review"]', "review-pane");
    expect(describeViolations(violations.filter((v) => v.impact === "serious" || v.impact === "critical"))).toBe("");
    expect(s.errors.map((e) => `[${e.view}] ${e.text}`)).toEqual([]);
  });
});
