/** A Seq cell must hold a number: TRUE or the text "1" in its place breaks the chain there. */
import { auditEntriesFromRows, auditRow, nextAuditEntry, verifyAudit } from "../../../src/core/seal";

async function log(n: number) {
  const rows: unknown[][] = [];
  let last = null;
  for (let i = 0; i < n; i++) {
    last = await nextAuditEntry(last, {
      at: "2026-01-01T00:00:00Z",
      actor: "Ana",
      action: "state",
      goalId: null,
      field: "cycle.state",
      old: "Draft",
      new: "Active",
      reason: null,
    });
    rows.push(auditRow(last));
  }
  return { rows, head: last?.hash ?? null };
}

test.each([[true], ["1"]])("Seq 1 edited to %p is detected at Seq 1", async (v) => {
  const { rows, head } = await log(3);
  rows[0] = [v, ...rows[0].slice(1)];
  const verdict = await verifyAudit(auditEntriesFromRows(rows), { head, count: 3 });
  expect(verdict).toMatchObject({ intact: false, firstBadSeq: 1 });
});

test("an untouched log verifies", async () => {
  const { rows, head } = await log(3);
  expect(await verifyAudit(auditEntriesFromRows(rows), { head, count: 3 })).toMatchObject({ intact: true, firstBadSeq: null });
});
