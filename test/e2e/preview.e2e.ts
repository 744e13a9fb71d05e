/**
 * Browser tests of the preview (docs/preview.md): the analyst's whole journey on the
 * sample workbook, then every view's screenshot, accessibility check (axe-core: no
 * serious or critical violations) and console (no errors).
 */
import {
  Session,
  VIEWS,
  axe,
  cell,
  describeViolations,
  failing,
  findColumn,
  findRow,
  grid,
  idle,
  journey,
  openView,
  pane,
  poll,
  screenshot,
  showSheet,
  sessionPerFile,
  typeInCell,
} from "./support";

let s: Session;

sessionPerFile((session) => (s = session));

const step = journey();

/** Goals sheet facts the steps share. */
const state = { idColumn: "A", targetColumn: "", tamperRow: 0, changedGoal: "T-SN2" };

describe("the analyst's journey in the preview", () => {
  step("the preview opens: a clear banner, the sample sheet in the grid, the task pane", async () => {
    const { page } = s;
    await expect(page.getByTestId("preview-banner").textContent()).resolves.toContain("Preview — this is not Excel: a simulated workbook in your browser");
    await expect(cell(page, "A3").textContent()).resolves.toBe("Goal ID");
    await expect(cell(page, "B4").textContent()).resolves.toBe("Grow annual recurring revenue to 12 million");
    // User text is text: the note with HTML in it shows its tags, and makes no element.
    await expect(cell(page, "N4").textContent()).resolves.toBe("Agreed in <b>Q1 board review</b>");
    expect(await grid(page).locator("b").count()).toBe(0);
    for (const v of VIEWS) await pane(page).getByRole("tab", { name: v.label, exact: true }).waitFor();
    await screenshot(page, "preview-start");
  });

  step("Set up: convert the messy sheet, mapping the Metric column to Unit", async () => {
    const { page } = s;
    const view = await openView(s, "setup");
    await view.getByRole("button", { name: "Convert sheet" }).click();
    const proposal = view.getByTestId("proposal");
    await proposal.waitFor();
    await expect(proposal.textContent()).resolves.toMatch(/I-17/); // the duplicate ID is announced
    const metric = proposal.getByRole("combobox", { name: "Metric", exact: true });
    await metric.selectOption({ label: "Unit" });
    await expect(metric.inputValue()).resolves.toBe("unit");
    await screenshot(page, "view-setup", pane(page));
    await screenshot(page, "view-setup-page");
    await proposal.getByRole("button", { name: "Confirm and convert" }).click();
    await idle(page);
    await expect(pane(page).getByTestId("notice").textContent()).resolves.toMatch(/Converted into the table Goals: \d+ goals, 2 new IDs/);
    // The grid shows the table: Metric became Unit, the two blank IDs got IDs.
    await showSheet(page, "Goals 2026");
    await expect(cell(page, "H3").textContent()).resolves.toBe("Unit");
    await findRow(page, "A", "G-0001");
    await findRow(page, "A", "G-0002");
    state.targetColumn = await findColumn(page, 3, "Target");
  });

  step("Check: go to the duplicate ID's cell from its finding and fix it in the grid", async () => {
    const { page } = s;
    const view = await openView(s, "check");
    const duplicates = view.getByTestId("finding").filter({ hasText: "ID · rule D1" });
    await duplicates.first().waitFor();
    expect(await duplicates.count()).toBe(2);
    await screenshot(page, "view-check", pane(page));
    await screenshot(page, "view-check-page");
    const goTo = duplicates.last().getByRole("button", { name: /^Go to / });
    const address = (await goTo.getAttribute("data-address")) ?? "";
    const a1 = address.slice(address.lastIndexOf("!") + 1);
    await goTo.click();
    await idle(page);
    // The add-in selected the cell: the grid shows it.
    await expect(grid(page).getByTestId("name-box").inputValue()).resolves.toBe(a1);
    await expect(cell(page, a1).textContent()).resolves.toBe("I-17");
    await typeInCell(page, a1, "I-18");
    // The pane follows the edit (auto-refresh) and the finding goes away.
    await poll(
      "the duplicate-ID findings to go",
      () => duplicates.count(),
      (n) => n === 0,
    );
  });

  step("Scorecards: read a scorecard, then write the Scorecards sheet", async () => {
    const { page } = s;
    const view = await openView(s, "scorecards");
    const row = view.getByTestId("scorecard-row").filter({ hasText: "Dana Reyes" });
    await expect(row.textContent()).resolves.toMatch(/Dana Reyes\d+%/);
    await screenshot(page, "view-scorecards", pane(page));
    await view.getByRole("button", { name: "Write Scorecards sheet" }).click();
    await idle(page);
    await showSheet(page, "Scorecards");
    await screenshot(page, "view-scorecards-page");
  });

  step("Cascade: open the cascade from the company goal down to a person", async () => {
    const { page } = s;
    const view = await openView(s, "cascade");
    await view.getByText("C-1", { exact: false }).first().waitFor();
    // Open C-1 → D-S1 → T-SN1 when they are collapsed, then see an individual goal under it.
    for (const id of ["C-1", "D-S1", "T-SN1"]) {
      const item = view.getByRole("treeitem", { name: new RegExp(`^${id}\\b`) }).first();
      if ((await item.count()) > 0 && (await item.getAttribute("aria-expanded")) === "false") await item.click();
    }
    await view.getByText(/I-01/).first().waitFor();
    await screenshot(page, "view-cascade", pane(page));
    await screenshot(page, "view-cascade-page");
  });

  step("Review: advance the cycle Draft → Active → Data locked", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    await expect(view.getByTestId("cycle-state").textContent()).resolves.toBe("The cycle is Draft.");
    for (const to of ["Active", "Data locked"]) {
      await view.getByRole("button", { name: `Advance to ${to}`, exact: true }).click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      // The first time, the audit log asks who is acting.
      const name = dialog.getByLabel("Your name for the audit log");
      if (await name.count()) await name.fill("Lena Fischer");
      await dialog.getByLabel(/^Reason/).fill(to === "Active" ? "Goals for 2026 agreed with every owner" : "Year-end numbers are in");
      await dialog.getByRole("button", { name: "Advance", exact: true }).click();
      await dialog.waitFor({ state: "detached" });
      await idle(page);
      await poll(
        `the cycle to be ${to}`,
        () => view.getByTestId("cycle-state").textContent(),
        (t) => t === `The cycle is ${to}.`,
      );
    }
    await expect(view.getByTestId("seal-status").textContent()).resolves.toMatch(/Intact/);
    // The goals sheet is locked now: a sealed Target is refused in the grid, with a friendly message.
    await showSheet(page, "Goals 2026");
    await cell(page, `${state.targetColumn}4`).dblclick();
    await grid(page).getByLabel(`Edit ${state.targetColumn}4`).fill("1");
    await grid(page).getByLabel(`Edit ${state.targetColumn}4`).press("Enter");
    await expect(grid(page).getByTestId("grid-message").textContent()).resolves.toMatch(/protected sheet/);
    await grid(page).getByRole("button", { name: "Dismiss message" }).click();
  });

  step("Review: make a change request on a locked field", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    const form = view.getByRole("form", { name: "Change request" });
    const goal = form.getByRole("combobox", { name: "Goal", exact: true });
    await goal.click();
    await goal.fill(state.changedGoal);
    await page
      .getByRole("listbox")
      .getByRole("option", { name: new RegExp(`^${state.changedGoal} — `) })
      .click();
    await form.getByLabel("Field", { exact: true }).selectOption({ label: "Target" });
    await form.getByLabel("New value", { exact: true }).fill("66");
    await form.getByLabel("Reason", { exact: true }).fill("Quarterly demo target raised after the spring campaign");
    await form.getByRole("button", { name: "Submit change request" }).click();
    await idle(page);
    await expect(pane(page).getByTestId("notice").textContent()).resolves.toMatch(/T-SN2 Target changed from 60 to 66/);
    await showSheet(page, "Goals 2026");
    const row = await findRow(page, "A", state.changedGoal);
    await expect(cell(page, `${state.targetColumn}${row}`).textContent()).resolves.toBe("66");
    await expect(view.getByTestId("audit-log").textContent()).resolves.toMatch(/Quarterly demo target raised/);
  });

  step("Review: prepare the review copy, and verify the seal is intact", async () => {
    const { page } = s;
    const view = await openView(s, "review");
    await view.getByRole("button", { name: "Prepare review copy" }).click();
    await idle(page);
    await expect(pane(page).getByTestId("notice").textContent()).resolves.toMatch(/Review copy ready/);
    await view.getByRole("button", { name: "Verify seal" }).click();
    await idle(page);
    await expect(view.getByTestId("seal-status").textContent()).resolves.toMatch(/^Intact/);
    await screenshot(page, "view-review", pane(page));
    await screenshot(page, "view-review-page");
  });

  step("Grid: change a sealed cell, and the seal reports the difference", async () => {
    const { page } = s;
    await showSheet(page, "Goals 2026");
    const row = await findRow(page, "A", "C-2");
    state.tamperRow = row;
    const target = `${state.targetColumn}${row}`;
    // A user who unprotects the sheet (no password in the sample) and types over a sealed Target.
    const unprotect = grid(page).getByRole("button", { name: "Unprotect sheet" });
    if (await unprotect.count()) await unprotect.click();
    await typeInCell(page, target, "50");
    await expect(cell(page, target).textContent()).resolves.toBe("50");
    const view = await openView(s, "review");
    await view.getByRole("button", { name: "Verify seal" }).click();
    await idle(page);
    const status = view.getByTestId("seal-status");
    await poll(
      "the seal to report the difference",
      () => status.textContent(),
      (t) => /^Changed/.test(t ?? ""),
    );
    const differences = view.getByRole("table", { name: "Differences from the seal" });
    await expect(differences.getByRole("row").filter({ hasText: "C-2" }).textContent()).resolves.toMatch(/C-2Target4550/);
    await screenshot(page, "view-review-tampered", pane(page));
  });
});

describe("every view: screenshot, accessibility, console", () => {
  for (const v of VIEWS) {
    test(`${v.label}: no serious or critical accessibility violation, no console error`, async () => {
      const { page } = s;
      const before = s.errors.length;
      await openView(s, v.id);
      await idle(page);
      await screenshot(page, `check-${v.id}`, pane(page));
      const violations = await axe(page, `[data-testid="view-${v.id}"]`, v.id);
      if (violations.length > 0) console.log(`axe, ${v.label}:\n${describeViolations(violations)}`);
      expect(failing(violations)).toBe("");
      expect(s.errors.slice(before).map((e) => e.text)).toEqual([]);
    });
  }

  test("the whole preview page: no serious or critical accessibility violation", async () => {
    const violations = await axe(s.page, "body", "preview-page");
    if (violations.length > 0) console.log(`axe, whole page:\n${describeViolations(violations)}`);
    expect(failing(violations)).toBe("");
  });

  test("the tab bar: the six tabs in one row of the 380 px pane", async () => {
    const tabs = pane(s.page).getByRole("tablist", { name: "Goal Scorecards views" }).getByRole("tab");
    const boxes = await tabs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const paneBox = (await pane(s.page).boundingBox()) as { x: number; width: number };
    expect(boxes).toHaveLength(VIEWS.length);
    expect(paneBox.width).toBeCloseTo(380, -1);
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(paneBox.x + paneBox.width);
  });

  test("no view logged a console error during the whole run", () => {
    expect(s.errors.map((e) => `[${e.view}] ${e.text}`)).toEqual([]);
  });
});
