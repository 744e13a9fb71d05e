/**
 * The written Scorecards sheet, as a user sees it in the preview's grid (issue 15, item 2):
 * no (blank) owner row from the sample's empty row, goal C-1 rolled up to 61% as in the
 * Goals table, and the blocked goal D-C1 shown as blocked, not rolled up to 70%.
 */
import { Session, cell, findColumn, findRow, idle, openView, pane, showSheet, sessionPerFile } from "./support";

let s: Session;

sessionPerFile((session) => (s = session));

/** The texts of a column of the sheet shown, from row 4 down to the first empty cell. */
async function columnTexts(column: string): Promise<string[]> {
  const out: string[] = [];
  for (let r = 4; r < 200; r++) {
    const c = cell(s.page, `${column}${r}`);
    if ((await c.count()) === 0) break;
    const t = ((await c.textContent()) ?? "").trim();
    if (t === "") break;
    out.push(t);
  }
  return out;
}

test("the Scorecards sheet agrees with the Goals table: no (blank) row, C-1 at 61%, D-C1 blocked", async () => {
  const { page } = s;
  const setup = await openView(s, "setup");
  await setup.getByRole("button", { name: "Convert sheet" }).click();
  const proposal = setup.getByTestId("proposal");
  await proposal.waitFor();
  await proposal.getByRole("combobox", { name: "Metric", exact: true }).selectOption({ label: "Unit" });
  await proposal.getByRole("button", { name: "Confirm and convert" }).click();
  await idle(page);

  // What the Goals table shows for C-1 and D-C1.
  await showSheet(page, "Goals 2026");
  const rolledUp = await findColumn(page, 3, "Rolled Up");
  const status = await findColumn(page, 3, "Status");
  const c1 = await findRow(page, "A", "C-1");
  const dc1 = await findRow(page, "A", "D-C1");
  const tableC1 = ((await cell(page, `${rolledUp}${c1}`).textContent()) ?? "").trim();
  expect(Math.round(parseFloat(tableC1))).toBe(61);
  expect(((await cell(page, `${status}${dc1}`).textContent()) ?? "").trim()).toMatch(/^Blocked \(/);

  const view = await openView(s, "scorecards");
  await view.getByRole("button", { name: "Write Scorecards sheet" }).click();
  await idle(page);
  await expect(pane(page).getByTestId("notice").count()).resolves.toBeGreaterThan(0);
  await showSheet(page, "Scorecards");

  const owners = await columnTexts("A");
  expect(owners.length).toBeGreaterThan(30);
  expect(owners).not.toContain("(blank)");
  expect(owners).not.toContain("#N/A");

  const ids = await columnTexts("F");
  const rowOf = (id: string): number => 4 + ids.indexOf(id);
  expect(ids).toContain("C-1");
  const sheetC1 = ((await cell(page, `I${rowOf("C-1")}`).textContent()) ?? "").trim();
  expect(sheetC1).toMatch(/%$/);
  expect(Math.round(parseFloat(sheetC1))).toBe(61);
  expect(((await cell(page, `I${rowOf("D-C1")}`).textContent()) ?? "").trim()).toBe("#VALUE!");
  expect(((await cell(page, `J${rowOf("D-C1")}`).textContent()) ?? "").trim()).toMatch(/^Blocked \(/);
});
