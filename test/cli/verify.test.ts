/**
 * `verify` (cli.md, review.md "Seal", "Audit log"): sealed fixtures are made with
 * the same src/core functions the add-in will use (the document, its SHA-256, the
 * audit chain), written with exceljs; then cells and audit rows are edited.
 */
import * as path from "path";
import { auditRow, nextAuditEntry } from "../../src/core/seal";
import { CheckInFixture, Goal, goal, run, runJson, sealFor, tmpDir, utc, writeFixture } from "./helpers";

const GOALS: Goal[] = [goal("G-0012", { target: 100, actual: 50 }), goal("G-0003", { owner: "Bob" })];
const CHECKINS: CheckInFixture[] = [{ goalId: "G-0012", date: utc("2026-06-01"), value: 40, confidence: 0.8, comment: "May" }];

interface VerifyJson {
  sealed: boolean;
  state: string;
  cycle: string | null;
  sealedAt: string | null;
  intact: boolean | null;
  differences: { goal: string | null; column: string; sealed: unknown; current: unknown }[];
  audit: { entries: number; intact: boolean; firstBadSeq: number | null };
}

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});

async function sealed(
  name: string,
  state: "Active" | "Closed",
  edit: (goals: Goal[], checkIns: CheckInFixture[]) => void = () => undefined,
  auditEdit?: (rows: unknown[][]) => void,
) {
  const s = await sealFor(GOALS, CHECKINS, "2026-Q3", state);
  const goals = GOALS.map((g) => ({ ...g }));
  const checkIns = CHECKINS.map((c) => ({ ...c }));
  edit(goals, checkIns);
  const audit = s.audit.map((r) => [...r]);
  auditEdit?.(audit);
  await writeFixture(path.join(dir, name), { goals, checkIns, meta: s.meta, audit });
  return s;
}

test("an intact seal and audit chain: exit 0, the JSON of cli.md", async () => {
  await sealed("intact.xlsx", "Closed");
  const { code, json, err } = await runJson<VerifyJson>(["verify", "intact.xlsx"], { cwd: dir });
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(Object.keys(json)).toEqual(["sealed", "state", "cycle", "sealedAt", "intact", "differences", "audit"]);
  expect(json).toEqual({
    sealed: true,
    state: "Closed",
    cycle: "2026-Q3",
    sealedAt: "2026-07-01T09:00:00Z",
    intact: true,
    differences: [],
    audit: { entries: 2, intact: true, firstBadSeq: null },
  });
  const text = await run(["verify", "intact.xlsx"], { cwd: dir });
  expect(text.out).toContain("Seal: intact");
  expect(text.out).toContain("Audit log: 2 entries, chain intact.");
});

test("a changed sealed cell: exit 1, the difference names goal, column, sealed and current value", async () => {
  await sealed("edited.xlsx", "Closed", (goals) => (goals[0].target = 120));
  const { code, json } = await runJson<VerifyJson>(["verify", "edited.xlsx"], { cwd: dir });
  expect(code).toBe(1);
  expect(json.intact).toBe(false);
  expect(json.differences).toEqual([{ goal: "G-0012", column: "Target", sealed: 100, current: 120 }]);
  expect(json.audit.intact).toBe(true);
  const text = await run(["verify", "edited.xlsx"], { cwd: dir });
  expect(text.code).toBe(1);
  expect(text.out).toMatch(/Seal: BROKEN — 1 difference from the sealed document\n {2}Goal +Column +Sealed +Current\n {2}G-0012 +Target +100 +120\n/);
});

test("a goal added or removed: column (goal)", async () => {
  await sealed("added.xlsx", "Closed", (goals) => goals.push(goal("G-0099", { owner: "Cy" })));
  const added = await runJson<VerifyJson>(["verify", "added.xlsx"], { cwd: dir });
  expect(added.code).toBe(1);
  expect(added.json.differences).toHaveLength(1);
  expect(added.json.differences[0]).toMatchObject({ goal: "G-0099", column: "(goal)", sealed: null });
  await sealed("removed.xlsx", "Closed", (goals) => goals.splice(1, 1));
  const removed = await runJson<VerifyJson>(["verify", "removed.xlsx"], { cwd: dir });
  expect(removed.json.differences).toHaveLength(1);
  expect(removed.json.differences[0]).toMatchObject({ goal: "G-0003", column: "(goal)", current: null });
});

test("a check-in changed after Data locked shows; in Active the editable Actual and check-ins do not break the seal", async () => {
  await sealed("ci.xlsx", "Closed", (_g, cs) => (cs[0].value = 45));
  const ci = await runJson<VerifyJson>(["verify", "ci.xlsx"], { cwd: dir });
  expect(ci.code).toBe(1);
  expect(ci.json.differences.map((d) => d.column)).toEqual(["CheckIns", "CheckIns"]);
  await sealed("active.xlsx", "Active", (goals, cs) => {
    goals[0].actual = 70;
    goals[0].comment = "updated";
    cs[0].value = 45;
  });
  const active = await runJson<VerifyJson>(["verify", "active.xlsx"], { cwd: dir });
  expect(active.code).toBe(0);
  expect(active.json).toMatchObject({ state: "Active", intact: true });
});

test("an edited, deleted or reordered audit entry: audit.intact false and the first bad Seq", async () => {
  await sealed("audit-edit.xlsx", "Closed", undefined, (rows) => (rows[0][8] = "Approved by nobody"));
  const edited = await runJson<VerifyJson>(["verify", "audit-edit.xlsx"], { cwd: dir });
  expect(edited.code).toBe(1);
  expect(edited.json.intact).toBe(true);
  expect(edited.json.audit).toEqual({ entries: 2, intact: false, firstBadSeq: 1 });
  await sealed("audit-deleted.xlsx", "Closed", undefined, (rows) => rows.splice(1, 1));
  const deleted = await runJson<VerifyJson>(["verify", "audit-deleted.xlsx"], { cwd: dir });
  expect(deleted.json.audit).toMatchObject({ entries: 1, intact: false, firstBadSeq: 2 });
  await sealed("audit-swapped.xlsx", "Closed", undefined, (rows) => rows.reverse());
  const swapped = await runJson<VerifyJson>(["verify", "audit-swapped.xlsx"], { cwd: dir });
  expect(swapped.json.audit.intact).toBe(false);
  expect(swapped.json.audit.firstBadSeq).toBe(1);
  const text = await run(["verify", "audit-edit.xlsx"], { cwd: dir });
  expect(text.out).toMatch(/Audit log: 2 entries, chain BROKEN at Seq 1: entry 1 was edited/);
});

test("a longer chain, appended correctly, stays intact", async () => {
  const s = await sealFor(GOALS, CHECKINS, "2026-Q3", "Closed");
  const e3 = await nextAuditEntry(s.entries[1], {
    at: "2026-07-02T10:00:00Z",
    actor: "Ann",
    action: "change",
    goalId: "G-0012",
    field: "Comment",
    old: null,
    new: "ok",
    reason: "Comment added after review",
  });
  const meta = s.meta.map(([k, v]): [string, string | number] => (k === "audit.head" ? [k, e3.hash] : k === "audit.count" ? [k, 3] : [k, v]));
  await writeFixture(path.join(dir, "three.xlsx"), { goals: GOALS, checkIns: CHECKINS, meta, audit: [...s.audit, auditRow(e3)] });
  const { code, json } = await runJson<VerifyJson>(["verify", "three.xlsx"], { cwd: dir });
  expect(code).toBe(0);
  expect(json.audit).toEqual({ entries: 3, intact: true, firstBadSeq: null });
});

test("not sealed: exit 1 with sealed false", async () => {
  await writeFixture(path.join(dir, "draft.xlsx"), {
    goals: GOALS,
    meta: [
      ["schema", 1],
      ["cycle.name", "2026-Q3"],
      ["cycle.state", "Draft"],
    ],
  });
  const { code, json } = await runJson<VerifyJson>(["verify", "draft.xlsx"], { cwd: dir });
  expect(code).toBe(1);
  expect(json).toEqual({
    sealed: false,
    state: "Draft",
    cycle: "2026-Q3",
    sealedAt: null,
    intact: null,
    differences: [],
    audit: { entries: 0, intact: true, firstBadSeq: null },
  });
  await writeFixture(path.join(dir, "nometa.xlsx"), { goals: GOALS });
  const none = await run(["verify", "nometa.xlsx"], { cwd: dir });
  expect(none.code).toBe(1);
  expect(none.out).toContain("Not sealed");
});

test("a stored document that does not match the seal is reported", async () => {
  const s = await sealFor(GOALS, CHECKINS, "2026-Q3", "Closed");
  const meta = s.meta.map(([k, v]): [string, string | number] => (k === "seal.doc.1" ? [k, String(v).replace("100", "120")] : [k, v]));
  await writeFixture(path.join(dir, "doc.xlsx"), {
    goals: GOALS.map((g, i) => (i === 0 ? { ...g, target: 120 } : g)),
    checkIns: CHECKINS,
    meta,
    audit: s.audit,
  });
  const { code, json } = await runJson<VerifyJson>(["verify", "doc.xlsx"], { cwd: dir });
  expect(code).toBe(1);
  expect(json.intact).toBe(false);
  expect(json.differences[0]).toMatchObject({ goal: null, column: "(seal document)", sealed: s.hash });
});
