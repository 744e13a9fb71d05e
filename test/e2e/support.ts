/**
 * Shared pieces of the browser tests: the preview server, a Chromium driven by
 * playwright-core (one found on the machine, else the one bundled with npm ci:
 * scripts/lib/find-browser.js), console-error capture, screenshots, axe-core, and helpers for
 * the task pane (by its accessible names) and the preview's grid.
 */
import fs from "fs";
import path from "path";
import type { Result as AxeResult, AxeResults } from "axe-core";
import { Browser, Locator, Page, chromium } from "playwright-core";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require("../../scripts/preview-server") as {
  startPreviewServer: (o: { dir?: string; port?: number }) => Promise<{ url: string; close(): Promise<void> }>;
};

export const ROOT = path.resolve(__dirname, "..", "..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");
/** The build to test: dist/ (npm test builds it first), or E2E_DIST. */
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(ROOT, "dist"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findBrowser } = require("../../scripts/lib/find-browser") as {
  findBrowser: () => Promise<{ executablePath: string; env: Record<string, string> | undefined; description: string }>;
};

export const VIEWS = [
  { id: "setup", label: "Set up" },
  { id: "check", label: "Check" },
  { id: "scorecards", label: "Scorecards" },
  { id: "cascade", label: "Cascade" },
  { id: "review", label: "Review" },
  { id: "settings", label: "Settings" },
] as const;
export type ViewId = (typeof VIEWS)[number]["id"];

/** Marks a test that did not run because an earlier step failed (see scripts/e2e-reporter.js). */
export const NOT_RUN = "NOT RUN:";

export interface Session {
  browser: Browser;
  page: Page;
  url: string;
  /** Console errors and uncaught page errors, in order, with the view that was open. */
  errors: { view: string; text: string }[];
  /** The view the errors are filed under. */
  current: { view: string };
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  if (!fs.existsSync(path.join(DIST, "preview.html"))) {
    throw new Error(`${path.join(DIST, "preview.html")} is missing: build first (npm run build), or point E2E_DIST at a build.`);
  }
  const found = await findBrowser();
  const server = await startPreviewServer({ dir: DIST, port: 0 });
  const browser = await chromium
    .launch({
      executablePath: found.executablePath,
      env: found.env ? { ...process.env, ...found.env } : undefined,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    })
    .catch(async (e: unknown) => {
      await server.close();
      throw new Error(`Could not start ${found.description}: ${e instanceof Error ? e.message : String(e)}`);
    });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, "e2e-browser.txt"), `${found.description}, version ${browser.version()}\n`);
  const page = await browser.newPage({ viewport: { width: 1360, height: 880 }, deviceScaleFactor: 1 });
  const current = { view: "load" };
  const errors: Session["errors"] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push({ view: current.view, text: m.text() });
  });
  page.on("pageerror", (e) => errors.push({ view: current.view, text: `uncaught: ${e.message}` }));
  page.setDefaultTimeout(15_000);
  const url = `${server.url}/preview.html`;
  await page.goto(url);
  await page.getByTestId("grid").waitFor();
  return {
    browser,
    page,
    url,
    errors,
    current,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** The task pane of the preview page. */
/**
 * One browser session for a test file: opened before its tests (at `width` when given,
 * else the default 1360 px), closed after them. `set` receives it for the file's steps.
 */
export function sessionPerFile(set: (s: Session) => void, width?: number): void {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openSession();
    if (width !== undefined) await session.page.setViewportSize({ width, height: 900 });
    set(session);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });
}

export function pane(page: Page): Locator {
  return page.getByTestId("taskpane");
}

/** The grid of the preview page. */
export function grid(page: Page): Locator {
  return page.getByTestId("grid");
}

export function tab(page: Page, label: string): Locator {
  return pane(page).getByRole("tab", { name: label, exact: true });
}

export async function openView(s: Session, id: ViewId): Promise<Locator> {
  const label = VIEWS.find((v) => v.id === id)?.label ?? id;
  s.current.view = id;
  // A dialog left open by a failed step would block the tabs.
  if (await s.page.getByRole("dialog").count()) await s.page.keyboard.press("Escape");
  await tab(s.page, label).click();
  const view = s.page.getByTestId(`view-${id}`);
  await view.waitFor();
  return view;
}

/** Waits until the task pane has no operation running. */
export async function idle(page: Page): Promise<void> {
  await page.getByTestId("progress").waitFor({ state: "detached", timeout: 60_000 });
}

/** The text a grid cell shows. */
export function cell(page: Page, a1: string): Locator {
  return grid(page).locator(`td[data-cell="${a1}"]`);
}

export async function showSheet(page: Page, name: string): Promise<void> {
  const nav = grid(page).getByRole("navigation", { name: "Sheets" });
  const button = nav.getByRole("button", { name: new RegExp(`^${escapeRegExp(name)}( \\(.*\\))?(, protected)?$`) });
  if ((await button.count()) === 0) await grid(page).getByLabel("Show hidden sheets").check();
  await button.click();
  await grid(page)
    .getByRole("grid", { name: `Sheet ${name}` })
    .waitFor();
}

/** Types into a cell as a user would: double-click, type, Enter. */
export async function typeInCell(page: Page, a1: string, text: string): Promise<void> {
  await cell(page, a1).dblclick();
  const editor = grid(page).getByLabel(`Edit ${a1}`);
  await editor.fill(text);
  await editor.press("Enter");
}

/** Finds the grid cell (on the sheet shown) whose text is exactly `text`, by scanning a column. */
export async function findRow(page: Page, column: string, text: string): Promise<number> {
  const cells = grid(page).locator(`td[data-cell^="${column}"]`);
  const texts = await cells.allTextContents();
  const names = await cells.evaluateAll((els) => els.map((e) => e.getAttribute("data-cell") ?? ""));
  for (let i = 0; i < texts.length; i++) {
    const m = new RegExp(`^${column}(\\d+)$`).exec(names[i]);
    if (m && texts[i].trim() === text) return Number(m[1]);
  }
  throw new Error(`No cell in column ${column} shows "${text}"`);
}

/** Column letter of a header in a header row of the sheet shown. */
export async function findColumn(page: Page, row: number, header: string): Promise<string> {
  const cells = grid(page).locator(`tbody tr:nth-child(${row}) td`);
  const texts = await cells.allTextContents();
  const i = texts.findIndex((t) => t.trim() === header);
  if (i < 0) throw new Error(`No header "${header}" in row ${row} (${texts.filter(Boolean).join(" | ")})`);
  return (await cells.nth(i).getAttribute("data-cell"))?.replace(/\d+$/, "") ?? "";
}

export async function screenshot(page: Page, name: string, target?: Locator): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Let transitions and the caret settle so images are stable.
  await page.waitForTimeout(150);
  if (target) await target.screenshot({ path: file, animations: "disabled", caret: "hide" });
  else await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
  return file;
}

/** Runs axe-core on the part of the page that `selector` names; keeps the full report in test-artifacts/a11y/. */
export async function axe(page: Page, selector: string, name: string): Promise<AxeResult[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // Not page.addScriptTag: the preview's CSP (script-src 'self') refuses inline scripts, and
  // the test must not weaken it. Evaluating through the DevTools protocol is not subject to it.
  if (!injected) await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const results = (await page.evaluate(async (sel) => {
    const a = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    // Left out: Tabster's root focus redirectors, the `<i data-tabster-dummy aria-hidden tabindex=0>`
    // that Fluent puts directly under <body> once a Dialog is mounted (its focus trap). They
    // pass focus on at once and are never a stop (microsoft/fluentui#27517, by design). Dummies
    // inside a component are still checked: the tab bar's were a real aria-hidden-focus.
    return a.run({ include: [sel], exclude: ["body > [data-tabster-dummy]"] }, { resultTypes: ["violations"] });
  }, selector)) as AxeResults;
  const dir = path.join(ARTIFACTS, "a11y");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(results.violations, null, 2));
  return results.violations;
}

/** The axe impacts that fail a test: serious and critical (moderate and minor are logged only). */
export const FAILING_IMPACTS: readonly string[] = ["serious", "critical"];

/** The violations that fail a test (FAILING_IMPACTS), described one per line; "" when none. */
export function failing(violations: AxeResult[]): string {
  return describeViolations(violations.filter((v) => FAILING_IMPACTS.includes(v.impact ?? "")));
}

export function describeViolations(violations: AxeResult[]): string {
  return violations.map((v) => `${v.impact ?? "?"} ${v.id}: ${v.help} (${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(" ") ?? "?"})`).join("\n");
}

/** Polls `read` until `ok` holds (or fails with the last value seen). */
export async function poll<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A journey: steps that share one page and run in order. When a step fails, the
 * later steps fail with "NOT RUN:" (counted apart by scripts/e2e-reporter.js).
 */
export function journey(): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  let failed: string | null = null;
  return (name, fn, timeout) => {
    test(
      name,
      async () => {
        if (failed !== null) throw new Error(`${NOT_RUN} the earlier step "${failed}" failed`);
        try {
          await fn();
        } catch (e) {
          failed = name;
          throw e;
        }
      },
      timeout,
    );
  };
}
