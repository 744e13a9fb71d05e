/**
 * quality.md "Robustness": any cell value goes through the reader and the engine
 * without an exception, and every goal gets a value or findings. Rows are built from
 * a nasty value arbitrary; IDs and Parent IDs come from a small pool so that links,
 * duplicates, cycles and attribution shares (good and bad) happen.
 */
import fc from "fast-check";
import { evaluate } from "../../../src/core/engine";
import { COLUMN_KEYS, STATUSES } from "../../../src/core/columns";
import { RULE_CODES } from "../../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { nasty, options, workbook } from "./arbitraries";
import { workbookFromRecords } from "../../../src/core/tables";

const SEED = 20260630;
const SMART_RE = /^[S!✗] [M!✗] [A!✗] [R!✗] [T!✗]$/;
const STATUS_SET = new Set<string>(STATUSES);
const CODE_SET = new Set<string>(RULE_CODES);

const isNullOrFinite = (x: unknown): boolean => x === null || (typeof x === "number" && Number.isFinite(x));

/** What a test reports for a counterexample: the first broken statement. */
function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

describe("engine robustness (quality.md)", () => {
  test("nasty values: evaluate() never throws and every goal gets a well-formed result", () => {
    fc.assert(
      fc.property(workbook, options, (input, opts) => {
        const ev = evaluate(workbookFromRecords(input), opts);
        const cap = (opts.settings ?? DEFAULT_SETTINGS).progressCap;
        check(ev.goals.length === input.goals.length, "one result per goal");
        ev.goals.forEach((g, i) => {
          check(g.index === i, `goal ${i}: index`);
          for (const k of ["progress", "score", "rolledUp", "coverage", "pace"] as const)
            check(isNullOrFinite(g[k]), `goal ${i}: ${k} = ${String(g[k])} is neither null nor finite`);
          if (g.progress !== null) check(g.progress >= 0 && g.progress <= cap, `goal ${i}: progress ${g.progress} outside [0, ${cap}]`);
          check(g.status === null || STATUS_SET.has(g.status), `goal ${i}: status ${String(g.status)}`);
          if (g.blocked) {
            check(g.score === null, `goal ${i}: blocked but score ${g.score}`);
            check(g.rolledUp === null, `goal ${i}: blocked but rolledUp ${g.rolledUp}`);
          }
          check(typeof g.smart === "string" && SMART_RE.test(g.smart), `goal ${i}: SMART ${JSON.stringify(g.smart)}`);
          for (const c of g.findings) check(CODE_SET.has(c), `goal ${i}: finding code ${c}`);
        });
        for (const f of ev.findings) {
          check(CODE_SET.has(f.code), `finding code ${String(f.code)}`);
          check(f.severity === "fail" || f.severity === "warn", `finding severity ${String(f.severity)}`);
          check(typeof f.message === "string" && f.message.length > 0, `finding ${f.code} without message`);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  test("nasty values: results stay in range (score, rolledUp in [0, stretchPay]; coverage, pace in [0, 1]; within 1e-9)", () => {
    fc.assert(
      fc.property(workbook, options, (input, opts) => {
        const ev = evaluate(workbookFromRecords(input), opts);
        const s = opts.settings ?? DEFAULT_SETTINGS;
        const top = Math.max(1, s.stretchPay);
        ev.goals.forEach((g, i) => {
          for (const [k, hi] of [
            ["score", top],
            ["rolledUp", top],
            ["coverage", 1],
            ["pace", 1],
          ] as const) {
            const v = g[k];
            check(v === null || (v >= -1e-9 && v <= hi + 1e-9), `goal ${i}: ${k} = ${String(v)} outside [0, ${hi}]`);
          }
        });
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  test("nasty values: scorecards have null-or-finite score and completeness", () => {
    fc.assert(
      fc.property(workbook, options, (input, opts) => {
        const ev = evaluate(workbookFromRecords(input), opts);
        for (const c of ev.scorecards) {
          check(isNullOrFinite(c.score), `scorecard ${c.group}: score ${String(c.score)}`);
          check(isNullOrFinite(c.completeness), `scorecard ${c.group}: completeness ${String(c.completeness)}`);
          check(!Number.isNaN(c.weightTotal), `scorecard ${c.group}: weightTotal NaN`);
        }
      }),
      { seed: SEED + 2, numRuns: 200 },
    );
  });

  test("every single nasty value in every column, one goal at a time", () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLUMN_KEYS), nasty, (key, v) => {
        const ev = evaluate(workbookFromRecords({ goals: [{ values: { id: "G-1", [key]: v } }, { values: { id: "G-2", parent: "G-1", [key]: v } }] }), {
          asOf: 20634,
        });
        check(ev.goals.length === 2, "two results");
        for (const g of ev.goals) check(SMART_RE.test(g.smart), `SMART ${g.smart}`);
      }),
      { seed: SEED + 3, numRuns: 500 },
    );
  });

  test("a blocked goal always shows a blocking finding as its error, also when a check-in has a finding with the same code", () => {
    const noise = fc.record(
      {
        confidence: fc.constantFrom("abc", "#N/A", "\u0000", 2, "50%"),
        comment: fc.constantFrom("#REF!", "fine"),
        date: fc.constantFrom("2026-02-30", "2026-02-01", "#VALUE!"),
        value: fc.constantFrom("lots", "#DIV/0!", 3),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.constantFrom("Increase", "Decrease", "At least", "At most", "Milestone"),
        fc.constantFrom<unknown>(false, true, "yes", "done", 40, "#N/A", "abc"),
        fc.array(noise, { maxLength: 3 }),
        (direction, value, extra) => {
          const ev = evaluate(
            workbookFromRecords({
              goals: [
                {
                  values: {
                    id: "G-1",
                    title: "Grow revenue in the north",
                    owner: "Ann",
                    level: "Company",
                    unit: "USD",
                    source: "CRM",
                    start: "2026-01-01",
                    due: "2026-12-31",
                    direction,
                    baseline: direction === "Decrease" ? 100 : 0,
                    target: direction === "Decrease" ? 0 : 100,
                  },
                },
              ],
              checkIns: [...extra.map((v) => ({ values: { goalId: "G-1", ...v } })), { values: { goalId: "G-1", date: "2026-03-01", value } }],
            }),
            { asOf: 20634 },
          );
          const g = ev.goals[0];
          if (g.blocked) check(g.error !== null, `blocked without an error; findings ${g.findings.join(",")}`);
          if (g.blocked) check(g.score === null && g.rolledUp === null, "blocked goal has a value");
        },
      ),
      { seed: SEED + 4, numRuns: 300 },
    );
  });

  test("extreme weights (1e308, 5e-324) keep Rolled Up, coverage and scorecards finite and in range", () => {
    const extreme = fc.constantFrom<unknown>(1e308, 1.7976931348623157e308, "1e308", 1e300, 5e-324, 1e-310, 1, undefined);
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: extreme, actual: fc.integer({ min: 0, max: 200 }), owner: fc.constantFrom("Ann", "Bob") }), {
          minLength: 1,
          maxLength: 5,
        }),
        (kids) => {
          const common = {
            level: "Team",
            unit: "USD",
            source: "CRM",
            start: "2026-01-01",
            due: "2026-12-31",
            direction: "Increase",
            baseline: 0,
            target: 100,
            threshold: 20,
            stretch: 150,
          };
          const ev = evaluate(
            workbookFromRecords({
              goals: [
                { values: { ...common, id: "G-0", title: "Grow revenue in all regions", owner: "Boss", level: "Company" } },
                ...kids.map((k, i) => ({ values: { ...common, id: `G-${i + 1}`, title: `Grow revenue in region ${i + 1}`, parent: "G-0", ...k } })),
              ],
            }),
            { asOf: 20634 },
          );
          const s = ev.settings.stretchPay;
          for (const g of ev.goals) {
            check(g.rolledUp === null || (Number.isFinite(g.rolledUp) && g.rolledUp >= -1e-9 && g.rolledUp <= s + 1e-9), `${g.id}: rolledUp ${g.rolledUp}`);
            check(g.coverage === null || (g.coverage >= 0 && g.coverage <= 1), `${g.id}: coverage ${g.coverage}`);
          }
          for (const c of ev.scorecards) {
            check(isNullOrFinite(c.score), `scorecard ${c.group}: score ${c.score}`);
            check(isNullOrFinite(c.completeness), `scorecard ${c.group}: completeness ${c.completeness}`);
          }
        },
      ),
      { seed: SEED + 5, numRuns: 300 },
    );
  });
});
