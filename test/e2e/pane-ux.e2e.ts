/**
 * The pane as an analyst sees it at 380 px (issue 15, items 6, 7, 9): message bars
 * that wrap in the production and in the development build (`npm start`), one outcome
 * message at a time, findings by rule name with failures first and "Go to" naming the
 * cell, sortable scorecards with coloured statuses and a picture of the status mix.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { Page } from "playwright-core";
import { ARTIFACTS, ROOT, Session, axe, describeViolations, grid, idle, journey, openView, pane, screenshot, sessionPerFile } from "./support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require("../../scripts/preview-server") as {
  startPreviewServer: (o: { dir?: string; port?: number }) => Promise<{ url: string; close(): Promise<void> }>;
};

const WIDTH = 380;
/** The development build (as `npm start` serves it: React StrictMode, Griffel in dev mode); built afresh unless E2E_DEV_DIST names one. */
const DEV_DIST = path.resolve(process.env.E2E_DEV_DIST ?? path.join(ARTIFACTS, "dist-dev"));

let s: Session;

sessionPerFile((session) => (s = session), WIDTH);

/** How far the page and the pane's scroll box reach past their width (0: no sideways scroll). */
async function sidewaysOverflow(page: Page): Promise<{ document: number; pane: number; widest: string }> {
  return page.evaluate(() => {
    const d = document.documentElement;
    const body = document.querySelector<HTMLElement>(".taskpane-body");
    let widest = "";
    for (const el of Array.from(document.querySelectorAll("[data-testid=taskpane] *"))) {
      const r = el.getBoundingClientRect();
      if (r.right > d.clientWidth + 1) {
        widest = `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} reaches ${Math.round(r.right)} px`;
        break;
      }
    }
    return { document: d.scrollWidth - d.clientWidth, pane: body ? body.scrollWidth - body.clientWidth : 0, widest };
  });
}

/** Converts the sample sheet on Set up; the success message is a long one. */
async function convertSample(page: Page, session: Session): Promise<void> {
  const view = await openView(session, "setup");
  await view.getByRole("button", { name: "Convert sheet" }).click();
  const proposal = view.getByTestId("proposal");
  await proposal.waitFor();
  await proposal.getByRole("combobox", { name: "Metric", exact: true }).selectOption({ label: "Unit" });
  await proposal.getByRole("button", { name: "Confirm and convert" }).click();
  await idle(page);
  await pane(page).getByTestId("notice").waitFor();
}

async function expectMessageFits(page: Page, name: string): Promise<void> {
  const notice = pane(page).getByTestId("notice");
  await expect(notice.textContent()).resolves.toMatch(/Converted into the table Goals: \d+ goals/);
  const overflow = await sidewaysOverflow(page);
  await screenshot(page, name);
  expect(overflow).toEqual({ document: 0, pane: 0, widest: "" });
  // The Dismiss button is inside the pane, on screen.
  const box = await notice.getByRole("button", { name: "Dismiss" }).boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(WIDTH);
  // The text wraps: the bar is taller than one line.
  expect((await notice.boundingBox())?.height ?? 0).toBeGreaterThan(40);
}

/** Relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ["0", "0", "0"])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const step = journey();

describe("the pane at 380 px", () => {
  step("a long message wraps in the production build: no sideways scroll, Dismiss on screen", async () => {
    await convertSample(s.page, s);
    await expectMessageFits(s.page, "pane-ux-message-production");
  });

  step(
    "a long message wraps in the development build (npm start) too",
    async () => {
      if (process.env.E2E_DEV_DIST === undefined) {
        // The same build `npm start` serves, written to disk.
        const webpack = require.resolve("webpack-cli/bin/cli.js");
        execFileSync(process.execPath, [webpack, "--mode", "development", "--output-path", DEV_DIST], { cwd: ROOT, stdio: "ignore", timeout: 240_000 });
      }
      if (!fs.existsSync(path.join(DEV_DIST, "preview.html"))) throw new Error(`No development build in ${DEV_DIST}`);
      const server = await startPreviewServer({ dir: DEV_DIST, port: 0 });
      // A second page of the session's browser (the one support.ts found on the machine, or the bundled one).
      const page = await s.browser.newPage({ viewport: { width: WIDTH, height: 900 } });
      try {
        await page.goto(`${server.url}/preview.html`);
        await grid(page).waitFor();
        const dev: Session = { ...s, page, current: { view: "dev" }, errors: [] };
        await convertSample(page, dev);
        await expectMessageFits(page, "pane-ux-message-development");
      } finally {
        await page.close();
        await server.close();
      }
    },
    300_000,
  );

  step("one outcome message at a time: it stays on its tab and goes when another tab opens", async () => {
    const { page } = s;
    await expect(pane(page).getByTestId("notice").count()).resolves.toBe(1);
    await openView(s, "check");
    await expect(pane(page).getByTestId("notice").count()).resolves.toBe(0);
    const view = await openView(s, "scorecards");
    await view.getByRole("button", { name: "Write Scorecards sheet" }).click();
    await idle(page);
    await expect(pane(page).getByTestId("notice").textContent()).resolves.toMatch(/now shows \d+ scorecards/);
    await view.getByRole("button", { name: "Write Scorecards sheet" }).click();
    await idle(page);
    // The second outcome replaced the first.
    await expect(pane(page).getByTestId("notice").count()).resolves.toBe(1);
    await openView(s, "setup");
    await expect(pane(page).getByTestId("notice").count()).resolves.toBe(0);
    await openView(s, "scorecards");
    await expect(pane(page).getByTestId("notice").count()).resolves.toBe(0);
  });

  step("Check: failures first, rules by name with the code as 'rule D1', numbers readable, no A4 for 60/40", async () => {
    const { page } = s;
    const view = await openView(s, "check");
    const groups = view.getByTestId("finding-group");
    await groups.first().waitFor();
    // Each goal's findings by severity; a goal with a failure never follows a goal with warnings only.
    const severities = await groups.evaluateAll((els) =>
      els.map((g) => Array.from(g.querySelectorAll("[data-testid=finding]")).map((f) => f.getAttribute("data-severity"))),
    );
    const hasFail = severities.map((list) => list.includes("fail"));
    expect(hasFail[0]).toBe(true);
    expect(hasFail.indexOf(false)).toBeGreaterThan(0);
    expect(hasFail.slice(hasFail.indexOf(false))).not.toContain(true);
    for (const list of severities) expect(list).toEqual([...list].sort((a, b) => (a === b ? 0 : a === "fail" ? -1 : 1)));
    // Wording: the rule's name first, then "field · rule code".
    const duplicate = view.getByTestId("finding").filter({ hasText: "ID · rule D1" }).first();
    await expect(duplicate.getByTestId("finding-rule").textContent()).resolves.toBe("Duplicate ID");
    await expect(duplicate.textContent()).resolves.toMatch(/^Failure · not scored/);
    const trend = view.getByTestId("finding").filter({ hasText: "rule A3" });
    await expect(trend.getByTestId("finding-rule").textContent()).resolves.toBe("Trend falls short of target");
    await expect(trend.textContent()).resolves.toMatch(/reaches 10,970,480 by 2026-12-31, 71% of the way to Target 12,000,000/);
    // No bare rule code as a heading, and the sample's 60/40 splits are not flagged.
    const rules = await view.getByTestId("finding-rule").allTextContents();
    expect(rules.filter((r) => /^[A-Z]\d$/.test(r))).toEqual([]);
    await expect(view.getByTestId("finding").filter({ hasText: "rule A4" }).count()).resolves.toBe(0);
    await screenshot(page, "pane-ux-check", pane(page));
  });

  step("Check: 'Go to' names the cell, and selects it", async () => {
    const { page } = s;
    const view = await openView(s, "check");
    const finding = view.getByTestId("finding").filter({ hasText: "ID · rule D1" }).last();
    const button = finding.getByRole("button", { name: /^Go to / });
    const label = (await button.textContent()) ?? "";
    const m = /^Go to Goals 2026!([A-Z]+\d+)$/.exec(label);
    expect(m).not.toBeNull();
    await button.click();
    await idle(page);
    await expect(grid(page).getByTestId("name-box").inputValue()).resolves.toBe(m?.[1]);
  });

  step("Scorecards: sort by group, score and completeness", async () => {
    const view = await openView(s, "scorecards");
    const sort = view.getByRole("combobox", { name: "Sort by" });
    const column = async (i: number) =>
      view.getByTestId("scorecard-row").evaluateAll((rows, k) => rows.map((r) => (r.querySelectorAll("td")[k]?.textContent ?? "").trim()), i);
    const numbers = (texts: string[]) => texts.filter((t) => t !== "—").map((t) => Number(t.replace("%", "")));
    const names = await column(0);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    await sort.selectOption({ label: "Score, highest first" });
    const high = numbers(await column(1));
    expect(high.length).toBeGreaterThan(5);
    expect(high).toEqual([...high].sort((a, b) => b - a));
    await expect(view.getByRole("columnheader", { name: "Score" }).getAttribute("aria-sort")).resolves.toBe("descending");
    await sort.selectOption({ label: "Score, lowest first" });
    const low = numbers(await column(1));
    expect(low).toEqual([...low].sort((a, b) => a - b));
    await sort.selectOption({ label: "Complete, lowest first" });
    const complete = numbers(await column(2));
    expect(complete).toEqual([...complete].sort((a, b) => a - b));
    await sort.selectOption({ label: "Owner (A to Z)" });
    await expect(column(0)).resolves.toEqual(names);
  });

  step("Scorecards: statuses coloured with their names kept, readable contrast", async () => {
    const view = await openView(s, "scorecards");
    const badges = view.getByTestId("status-badge");
    await badges.first().waitFor();
    const looks = await badges.evaluateAll((els) =>
      els.map((e) => {
        const st = getComputedStyle(e);
        return { status: e.getAttribute("data-status") ?? "", text: (e.textContent ?? "").trim(), color: st.color, background: st.backgroundColor };
      }),
    );
    const byStatus = new Map(looks.map((l) => [l.status, l]));
    expect(byStatus.size).toBeGreaterThanOrEqual(3);
    for (const l of looks) {
      expect(l.text).toMatch(new RegExp(`^${l.status} \\d+$`));
      expect(contrast(l.color, l.background)).toBeGreaterThanOrEqual(4.5);
    }
    // Different statuses look different.
    const backgrounds = new Set([...byStatus.values()].map((l) => l.background));
    expect(backgrounds.size).toBe(byStatus.size);
  });

  step("Scorecards: the status mix, a stacked bar per group with its text alternative", async () => {
    const { page } = s;
    const view = await openView(s, "scorecards");
    const mix = view.getByTestId("status-mix");
    await expect(mix.getByText(/^Goals by status, per Owner$/).count()).resolves.toBe(1);
    const bars = mix.getByRole("img");
    const rows = await view.getByTestId("scorecard-row").count();
    await expect(bars.count()).resolves.toBe(rows);
    const dana = mix.getByRole("img", { name: /^Dana Reyes, \d+ goals?: / });
    await expect(dana.count()).resolves.toBe(1);
    const label = (await dana.getAttribute("aria-label")) ?? "";
    const counted = [...label.matchAll(/(\d+) (Achieved|On track|At risk|Off track|Missed|Stale|Not started|No data)/g)].reduce((n, x) => n + Number(x[1]), 0);
    expect(label).toMatch(new RegExp(`, ${counted} goals?: `));
    // One coloured rectangle per status named, in SVG (no HTML strings).
    const rects = await dana.locator("rect").evaluateAll((els) => els.map((e) => ({ status: e.getAttribute("data-status"), fill: getComputedStyle(e).fill })));
    expect(rects.length).toBe([...label.matchAll(/\d+ [A-Z]/g)].length);
    for (const r of rects) expect(r.fill).not.toMatch(/^(none|rgba\(0, 0, 0, 0\))$/);
    await expect(mix.getByRole("list", { name: "Status colours" }).getByRole("listitem").count()).resolves.toBeGreaterThanOrEqual(rects.length);
    await screenshot(page, "pane-ux-scorecards", pane(page));
  });

  step("Check and Scorecards at 380 px: no sideways scroll, no serious or critical accessibility finding", async () => {
    const { page } = s;
    for (const id of ["check", "scorecards"] as const) {
      await openView(s, id);
      await expect(sidewaysOverflow(page)).resolves.toEqual({ document: 0, pane: 0, widest: "" });
      const violations = await axe(page, `[data-testid="view-${id}"]`, `pane-ux-${id}`);
      const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(describeViolations(bad)).toBe("");
    }
    expect(s.errors.map((e) => `[${e.view}] ${e.text}`)).toEqual([]);
  });
});
