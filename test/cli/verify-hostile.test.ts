/**
 * `verify` on hostile workbooks: a formula typed over a sealed value (its cached
 * result still the sealed one, `<f>99</f><v>100</v>`, while Excel and the task pane
 * show 99) is a difference; a seal document stored in 100,000 pieces is read in one
 * pass (see test/core/seal/meta-linear.test.ts for the count of work).
 */
import * as path from "path";
import { Goal, goal, runJson, sealFor, tmpDir, utc, writeFixture } from "./helpers";

interface VerifyJson {
  intact: boolean | null;
  differences: { goal: string | null; column: string; sealed: unknown; current: unknown }[];
}

const GOALS: Goal[] = [goal("G-0012", { target: 100, actual: 50 }), goal("G-0003", { owner: "Bob" })];
const CHECKINS = [{ goalId: "G-0012", date: utc("2026-06-01"), value: 40, confidence: 0.8, comment: "May" }];

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});

test("a formula in a sealed cell whose cached result is the sealed value: a difference, exit 1", async () => {
  const s = await sealFor(GOALS, CHECKINS, "2026-Q3", "Closed");
  const goals = [{ ...GOALS[0], target: { formula: "99", result: 100 } }, GOALS[1]];
  await writeFixture(path.join(dir, "formula.xlsx"), { goals, checkIns: CHECKINS, meta: s.meta, audit: s.audit });
  const { code, json } = await runJson<VerifyJson>(["verify", "formula.xlsx"], { cwd: dir });
  expect(code).toBe(1);
  expect(json.intact).toBe(false);
  expect(json.differences).toEqual([{ goal: "G-0012", column: "Target", sealed: 100, current: "=99" }]);
});

test("a formula with another cached result is listed once, as the formula", async () => {
  const s = await sealFor(GOALS, CHECKINS, "2026-Q3", "Closed");
  const goals = [{ ...GOALS[0], target: { formula: "99", result: 99 } }, GOALS[1]];
  await writeFixture(path.join(dir, "formula2.xlsx"), { goals, checkIns: CHECKINS, meta: s.meta, audit: s.audit });
  const { code, json } = await runJson<VerifyJson>(["verify", "formula2.xlsx"], { cwd: dir });
  expect(code).toBe(1);
  expect(json.differences).toEqual([{ goal: "G-0012", column: "Target", sealed: 100, current: "=99" }]);
});

test("a formula in a sealed check-in (Closed) is a difference; in a column the state leaves editable it is not", async () => {
  const s = await sealFor(GOALS, CHECKINS, "2026-Q3", "Closed");
  await writeFixture(path.join(dir, "ci-formula.xlsx"), {
    goals: GOALS,
    checkIns: [{ ...CHECKINS[0], value: { formula: "20*2", result: 40 } }],
    meta: s.meta,
    audit: s.audit,
  });
  const ci = await runJson<VerifyJson>(["verify", "ci-formula.xlsx"], { cwd: dir });
  expect(ci.code).toBe(1);
  expect(ci.json.differences).toEqual([{ goal: "G-0012", column: "CheckIns", sealed: "40", current: "=20*2" }]);
  const a = await sealFor(GOALS, CHECKINS, "2026-Q3", "Active");
  await writeFixture(path.join(dir, "editable.xlsx"), {
    goals: [{ ...GOALS[0], actual: { formula: "25*2", result: 50 } }, GOALS[1]],
    checkIns: CHECKINS,
    meta: a.meta,
    audit: a.audit,
  });
  const ok = await runJson<VerifyJson>(["verify", "editable.xlsx"], { cwd: dir });
  expect(ok.code).toBe(0);
  expect(ok.json).toMatchObject({ intact: true, differences: [] });
});

// Generous: about 10 s here; reading the pieces used to take minutes.
test("a seal document in 100,000 pieces verifies, intact", async () => {
  const goals = Array.from({ length: 500 }, (_, i) => goal(`G-${String(i).padStart(4, "0")}`, { owner: `Owner ${i % 40}` }));
  const s = await sealFor(goals, [], "2026", "Closed");
  const doc = s.meta
    .filter(([k]) => k.startsWith("seal.doc."))
    .map(([, v]) => String(v))
    .join("");
  expect(doc.length).toBeGreaterThan(100_000);
  // One character per piece (a space alone would be read blank: pieces of two then).
  const pieces: [string, string][] = [];
  for (let i = 0; i < doc.length;) {
    const size = doc[i] === " " || doc[i + 1] === " " ? 3 : 1;
    pieces.push([`seal.doc.${pieces.length + 1}`, doc.slice(i, i + size)]);
    i += size;
  }
  expect(pieces.length).toBeGreaterThanOrEqual(100_000);
  const meta = [...s.meta.filter(([k]) => !k.startsWith("seal.doc.")), ...pieces];
  await writeFixture(path.join(dir, "pieces.xlsx"), { goals, meta, audit: s.audit });
  const { code, json } = await runJson<VerifyJson>(["verify", "pieces.xlsx"], { cwd: dir });
  expect(code).toBe(0);
  expect(json.intact).toBe(true);
}, 60_000);
