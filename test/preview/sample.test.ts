/** The preview's sample workbook: the messy sheet the journey starts from, and what converting it gives. */
import { proposeConversion, convert } from "../../src/excel/convert";
import { loadWorkbook } from "../../src/excel/workbook";
import { CHECKINS_SHEET, GOALS_SHEET, loadSample, samplePeople } from "../../src/preview/sample";
import { newHost } from "../excel/fixtures";

async function sampleHost() {
  const host = newHost();
  await loadSample(host);
  return host;
}

test("the sample: a plain goals sheet, a CheckIns table, 40 people, a cycle 2026 in Draft", async () => {
  const host = await sampleHost();
  expect(host.sheetNames()).toEqual([GOALS_SHEET, CHECKINS_SHEET, "People", "_GoalScorecards"]);
  expect(host.sheet("_GoalScorecards")?.visibility).toBe("VeryHidden");
  expect(host.tableNames().sort()).toEqual(["CheckIns", "GoalAudit", "GoalMeta"]);
  expect(host.activeSheet).toBe(GOALS_SHEET);
  expect(host.selection).toEqual({ sheet: GOALS_SHEET, address: "A4" });
  const people = samplePeople();
  expect(people).toHaveLength(40);
  expect(new Set(people.map((p) => p.name)).size).toBe(40);
  const wb = await host.run((ctx) => loadWorkbook(ctx));
  expect(wb.meta.cycle).toMatchObject({ name: "2026", state: "Draft" });
  // Messy cells stay as the analyst left them: text dates and percentages, #N/A.
  expect(host.getValue(GOALS_SHEET, "L5")).toBe("2026-12-31");
  expect(host.getValue(GOALS_SHEET, "G11")).toBe("50%");
  expect(host.getValue(GOALS_SHEET, "K11")).toBe("#N/A");
  expect(host.getValue(GOALS_SHEET, "N4")).toBe("Agreed in <b>Q1 board review</b>");
});

test("converting the sample: Metric needs the user's mapping, 2 blank IDs, I-17 twice, every person owns a goal", async () => {
  const host = await sampleHost();
  const proposal = await host.run((ctx) => proposeConversion(ctx, { kind: "sheet" }));
  expect(proposal.address).toMatch(/^'Goals 2026'!A3:/);
  expect(proposal.blankIds).toBe(2);
  expect(proposal.duplicateIds).toEqual(["I-17"]);
  expect(proposal.problems).toEqual([]);
  expect(proposal.mapping.unmapped.map((u) => u.header)).toEqual(["Metric"]);
  const result = await host.run((ctx) => convert(ctx, { source: { kind: "sheet" }, overrides: [{ source: 7, key: "unit" }] }));
  expect(result.tableName).toBe("Goals");
  expect(result.idsAssigned.map((x) => x.id)).toEqual(["G-0001", "G-0002"]);
  const ev = result.refresh.evaluation;
  expect(ev.goals.length).toBeGreaterThanOrEqual(60);
  expect(ev.goals.length).toBeLessThanOrEqual(90);
  expect(new Set(ev.goals.map((g) => g.owner)).size).toBe(40);
  // Company → departments → teams → individuals: roots are the three company goals.
  expect(ev.goals.filter((g) => g.parents.length === 0).map((g) => g.id)).toEqual(["C-1", "C-2", "C-3"]);
  // Slightly messy, not a mess: a handful of findings, most goals clean.
  const codes = new Map<string, number>();
  for (const f of ev.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  expect(codes.get("D1")).toBe(2);
  // A new workbook's largest weight share is 70%: the sample's 60/40 and 70/30 splits are not flagged (12 A4 warnings at 50%).
  expect(result.refresh.workbook.meta.settings.maxWeightShare).toBe(0.7);
  expect(codes.get("A4")).toBeUndefined();
  // Numbers in messages read as numbers: the trend finding of C-1.
  expect(ev.findings.find((f) => f.code === "A3" && f.goal === "C-1")?.message).toMatch(
    /reaches 10,970,480 by 2026-12-31, 71% of the way to Target 12,000,000;/,
  );
  const failing = new Set(ev.findings.filter((f) => f.severity === "fail").map((f) => f.goalIndex));
  if (process.env.SHOW_FINDINGS) console.log(ev.findings.map((f) => `${f.severity} ${f.code} ${f.goal ?? "?"} ${f.field}: ${f.message}`).join("\n"));
  expect(failing.size).toBeLessThanOrEqual(10);
});
