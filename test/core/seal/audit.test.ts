/**
 * The hash-chained audit log (review.md "Audit log", "Metadata sheet" GoalAudit).
 */
import { AUDIT_COLUMNS } from "../../../src/core/meta";
import { AuditEntry, ZERO_HASH, auditEntriesFromRows, auditEntryFromRow, auditPayload, auditRow, nextAuditEntry, verifyAudit } from "../../../src/core/seal";
import { body, buildLog, handAuditHash, nodeSha256 } from "./helpers";

describe("chain", () => {
  test("the first entry: Seq 1, Prev Hash 64 zeros, Hash recomputed by hand", async () => {
    expect(ZERO_HASH).toBe("0000000000000000000000000000000000000000000000000000000000000000");
    const e = await nextAuditEntry(null, {
      at: "2026-01-05T09:00:00.000Z",
      actor: "Ana",
      action: "state",
      goalId: null,
      field: null,
      old: "Draft",
      new: "Active",
      reason: "goals approved",
    });
    expect(e.seq).toBe(1);
    expect(e.prevHash).toBe(ZERO_HASH);
    const text = ZERO_HASH + "\n" + '[1,"2026-01-05T09:00:00.000Z","Ana","state",null,null,"Draft","Active","goals approved"]';
    expect(e.hash).toBe(nodeSha256(text));
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the second entry chains on the first; numbers and booleans are JSON numbers and booleans", async () => {
    const first = await nextAuditEntry(null, body(1));
    const second = await nextAuditEntry(first, {
      at: "2026-02-01T10:30:00.000Z",
      actor: "Jos\u00e9",
      action: "change",
      goalId: "G-7",
      field: "Target",
      old: 100,
      new: 120.5,
      reason: "budget revised in February",
    });
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    const text = first.hash + "\n" + '[2,"2026-02-01T10:30:00.000Z","Jos\u00e9","change","G-7","Target",100,120.5,"budget revised in February"]';
    expect(second.hash).toBe(nodeSha256(text));
    const third = await nextAuditEntry(second, { at: "t", actor: null, action: "checkin", goalId: "G-1", field: "Actual", old: null, new: true, reason: null });
    expect(third.hash).toBe(nodeSha256(second.hash + "\n" + '[3,"t",null,"checkin","G-1","Actual",null,true,null]'));
  });

  test("auditPayload is the 9-field array", () => {
    expect(auditPayload({ seq: 4, at: "a", actor: "b", action: "seal", goalId: null, field: null, old: null, new: "abc", reason: "r" })).toBe(
      '[4,"a","b","seal",null,null,null,"abc","r"]',
    );
  });

  test("every entry of a built log matches the hand computation", async () => {
    const log = await buildLog(Array.from({ length: 8 }, (_, i) => body(i + 1)));
    let prev = ZERO_HASH;
    log.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prevHash).toBe(prev);
      expect(e.hash).toBe(handAuditHash(prev, e));
      prev = e.hash;
    });
    await expect(verifyAudit(log)).resolves.toEqual({ entries: 8, intact: true, firstBadSeq: null, reason: null });
    await expect(verifyAudit(log, { hash: prev, count: 8 })).resolves.toMatchObject({ intact: true, firstBadSeq: null });
  });
});

describe("GoalAudit rows", () => {
  test("11 columns in review.md order", () => {
    expect([...AUDIT_COLUMNS]).toEqual(["Seq", "At", "Actor", "Action", "Goal ID", "Field", "Old", "New", "Reason", "Prev Hash", "Hash"]);
  });

  test("auditRow → auditEntryFromRow round trip", async () => {
    const log = await buildLog([
      body(1),
      body(2),
      {
        at: "2026-03-01T00:00:00.000Z",
        actor: null,
        action: "rebaseline",
        goalId: "G-9",
        field: "Baseline",
        old: 0,
        new: -12.75,
        reason: "re-baselined after audit",
      },
      { at: "2026-03-02T00:00:00.000Z", actor: "Ana", action: "change", goalId: "G-9", field: "Actual", old: false, new: true, reason: "milestone reached" },
      {
        at: "2026-03-03T00:00:00.000Z",
        actor: "Ana",
        action: "change",
        goalId: "G-9",
        field: "Title",
        old: "100",
        new: "  spaced  ",
        reason: "text that looks like a number",
      },
    ]);
    for (const e of log) {
      const row = auditRow(e);
      expect(row).toHaveLength(11);
      expect(row).toEqual([e.seq, e.at, e.actor, e.action, e.goalId, e.field, e.old, e.new, e.reason, e.prevHash, e.hash]);
      expect(auditEntryFromRow(row)).toEqual(e);
    }
    await expect(verifyAudit(log.map((e) => auditEntryFromRow(auditRow(e))))).resolves.toMatchObject({ intact: true });
  });

  test("cells as Excel hands them back: blank → null, numbers stay numbers, booleans stay booleans", async () => {
    const e = await nextAuditEntry(null, {
      at: "2026-01-01T00:00:00.000Z",
      actor: null,
      action: "change",
      goalId: "G-1",
      field: "Target",
      old: null,
      new: 5,
      reason: null,
    });
    const excelRow = [1, "2026-01-01T00:00:00.000Z", "", "change", "G-1", "Target", "", 5, "", e.prevHash, e.hash];
    const read = auditEntryFromRow(excelRow);
    expect(read).toEqual(e);
    expect(read.actor).toBeNull();
    expect(read.old).toBeNull();
    expect(read.new).toBe(5);
    expect(read.reason).toBeNull();
    expect(auditEntryFromRow([2, "t", "a", "change", "G", "Actual", true, false, "r", "p", "h"])).toMatchObject({ seq: 2, old: true, new: false });
    expect(auditEntryFromRow([3, "t", null, "change", undefined, null, "7", 7, "r", "p", "h"])).toMatchObject({
      seq: 3,
      actor: null,
      goalId: null,
      field: null,
      old: "7",
      new: 7,
    });
    await expect(verifyAudit([read])).resolves.toMatchObject({ intact: true });
  });

  test("auditEntriesFromRows skips blank rows (an empty table keeps one)", async () => {
    const log = await buildLog([body(1), body(2)]);
    const blankRow = ["", null, undefined, "", "", "", "", "", "", "", ""];
    expect(auditEntriesFromRows([blankRow])).toEqual([]);
    expect(auditEntriesFromRows([auditRow(log[0]), blankRow, auditRow(log[1])])).toEqual(log);
  });

  test('an Old value retyped as text (100 → "100") breaks the chain', async () => {
    const log = await buildLog([body(1), body(4), body(5)]);
    const rows = log.map(auditRow);
    expect(rows[1][6]).toBe(104);
    rows[1][6] = "104";
    await expect(verifyAudit(rows.map(auditEntryFromRow))).resolves.toMatchObject({ intact: false, firstBadSeq: 2 });
  });
});

describe("verifyAudit names the first bad Seq", () => {
  const N = 6;
  let log: AuditEntry[];
  let head: { hash: string; count: number };
  beforeAll(async () => {
    log = await buildLog(Array.from({ length: N }, (_, i) => body(i + 1)));
    head = { hash: log[N - 1].hash, count: N };
  });

  const edits: [keyof AuditEntry, unknown][] = [
    ["seq", 9],
    ["seq", 1],
    ["at", "2026-01-04T09:00:00.001Z"],
    ["actor", "Mallory"],
    ["actor", ""],
    ["action", "unlock"],
    ["goalId", "G-99"],
    ["field", "Weight"],
    ["old", 999],
    ["old", "104"],
    ["new", null],
    ["reason", "a different reason"],
    ["prevHash", "f".repeat(64)],
    ["hash", "e".repeat(64)],
  ];
  test.each(edits)("edited %s (→ %j) in entry 4", async (key, value) => {
    const edited = log.map((e, i) => (i === 3 ? { ...e, [key]: value } : e));
    expect(JSON.stringify(edited[3])).not.toBe(JSON.stringify(log[3]));
    const v = await verifyAudit(edited, head);
    expect(v.intact).toBe(false);
    expect(v.firstBadSeq).toBe(4);
    const w = await verifyAudit(edited);
    expect(w.intact).toBe(false);
    expect(w.firstBadSeq).toBe(4);
  });

  test("each of the 9 hashed fields is covered by the hash", async () => {
    const fields = ["seq", "at", "actor", "action", "goalId", "field", "old", "new", "reason"] as const;
    for (const f of fields) {
      const e = { ...log[1], [f]: f === "seq" ? 2.5 : `${String(log[1][f])}!` };
      expect(handAuditHash(e.prevHash, e)).not.toBe(log[1].hash);
    }
  });

  test("a deleted middle entry", async () => {
    const v = await verifyAudit([...log.slice(0, 2), ...log.slice(3)], head);
    expect(v).toMatchObject({ intact: false, firstBadSeq: 3 });
    expect(v.reason).toEqual(expect.any(String));
  });

  test("the first entry deleted", async () => {
    await expect(verifyAudit(log.slice(1), head)).resolves.toMatchObject({ intact: false, firstBadSeq: 1 });
  });

  test("a deleted last entry is caught only with head and count", async () => {
    const cut = log.slice(0, N - 1);
    await expect(verifyAudit(cut)).resolves.toMatchObject({ intact: true });
    await expect(verifyAudit(cut, head)).resolves.toMatchObject({ intact: false, firstBadSeq: N });
    await expect(verifyAudit(cut, { hash: head.hash, count: null })).resolves.toMatchObject({ intact: false });
    await expect(verifyAudit(cut, { hash: null, count: N })).resolves.toMatchObject({ intact: false, firstBadSeq: N });
  });

  test("the last three entries deleted", async () => {
    await expect(verifyAudit(log.slice(0, N - 3), head)).resolves.toMatchObject({ intact: false, firstBadSeq: N - 2 });
  });

  test("every entry deleted", async () => {
    await expect(verifyAudit([], head)).resolves.toMatchObject({ intact: false, firstBadSeq: 1 });
    await expect(verifyAudit([], { hash: null, count: 0 })).resolves.toMatchObject({ intact: true });
    await expect(verifyAudit([])).resolves.toEqual({ entries: 0, intact: true, firstBadSeq: null, reason: null });
  });

  test("two entries swapped", async () => {
    const s = [...log];
    [s[1], s[4]] = [s[4], s[1]];
    await expect(verifyAudit(s, head)).resolves.toMatchObject({ intact: false, firstBadSeq: 2 });
    const t = [...log];
    [t[2], t[3]] = [t[3], t[2]];
    await expect(verifyAudit(t, head)).resolves.toMatchObject({ intact: false, firstBadSeq: 3 });
  });

  test("two entries swapped with their Seq renumbered", async () => {
    const s = [...log];
    [s[1], s[2]] = [
      { ...s[2], seq: 2 },
      { ...s[1], seq: 3 },
    ];
    await expect(verifyAudit(s, head)).resolves.toMatchObject({ intact: false, firstBadSeq: 2 });
  });

  test("a forged entry appended without the right Prev Hash", async () => {
    const forged: AuditEntry = { ...log[N - 1], seq: N + 1, at: "2026-12-31T00:00:00.000Z", prevHash: ZERO_HASH, hash: "a".repeat(64) };
    await expect(verifyAudit([...log, forged])).resolves.toMatchObject({ intact: false, firstBadSeq: N + 1 });
    await expect(verifyAudit([...log, forged], head)).resolves.toMatchObject({ intact: false, firstBadSeq: N + 1 });
    const forged2 = await nextAuditEntry({ ...log[N - 1], hash: "b".repeat(64) }, body(99));
    await expect(verifyAudit([...log, forged2], head)).resolves.toMatchObject({ intact: false, firstBadSeq: N + 1 });
  });

  test("a well-chained entry appended behind the add-in's back shows through the count", async () => {
    const extra = await nextAuditEntry(log[N - 1], body(7));
    await expect(verifyAudit([...log, extra])).resolves.toMatchObject({ intact: true });
    await expect(verifyAudit([...log, extra], head)).resolves.toMatchObject({ intact: false, firstBadSeq: N + 1 });
  });

  test("the last entry rewritten and re-hashed shows through the head hash", async () => {
    const rewritten = await nextAuditEntry(log[N - 2], { ...body(N), reason: "rewritten" });
    const s = [...log.slice(0, N - 1), rewritten];
    await expect(verifyAudit(s)).resolves.toMatchObject({ intact: true });
    await expect(verifyAudit(s, head)).resolves.toMatchObject({ intact: false, firstBadSeq: N });
  });

  test("the whole log re-chained from an edited entry shows through the head hash", async () => {
    const rebuilt = await buildLog(
      log.map((e, i) => ({
        at: e.at,
        actor: e.actor,
        action: e.action,
        goalId: e.goalId,
        field: e.field,
        old: i === 2 ? "forged" : e.old,
        new: e.new,
        reason: e.reason,
      })),
    );
    await expect(verifyAudit(rebuilt)).resolves.toMatchObject({ intact: true });
    await expect(verifyAudit(rebuilt, head)).resolves.toMatchObject({ intact: false });
  });

  test("the untouched log verifies with and without head", async () => {
    await expect(verifyAudit(log)).resolves.toMatchObject({ intact: true, entries: N, firstBadSeq: null, reason: null });
    await expect(verifyAudit(log, head)).resolves.toMatchObject({ intact: true, entries: N, firstBadSeq: null, reason: null });
    await expect(verifyAudit(log, { hash: null, count: null })).resolves.toMatchObject({ intact: true });
  });

  test("an unreadable Seq cell names its position", async () => {
    const rows = log.map(auditRow);
    rows[2][0] = "three";
    await expect(verifyAudit(rows.map(auditEntryFromRow), head)).resolves.toMatchObject({ intact: false, firstBadSeq: 3 });
  });
});
