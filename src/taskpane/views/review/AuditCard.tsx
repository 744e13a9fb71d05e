/** The audit log, newest first: whether it is as written, and its first page of entries (then all of them on request). */
import { useMemo, useState } from "react";
import { Body1, Button, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { auditEntriesFromRows } from "../../../core/seal";
import type { LoadedWorkbook } from "../../../excel/workbook";
import { auditRows, auditStatusText } from "../../logic/review";
import { usePane } from "../../pane";
import { useViewStyles } from "../common";

export const AUDIT_PAGE = 25;

export function AuditCard({ wb }: { wb: LoadedWorkbook }) {
  const pane = usePane();
  const styles = useViewStyles();
  const [auditShown, setAuditShown] = useState(AUDIT_PAGE);
  const audit = useMemo(() => auditRows(auditEntriesFromRows(wb.auditTable?.rows ?? [])), [wb]);
  const sealed = pane.verify;
  return (
    <section className={styles.section} aria-labelledby="review-audit">
      <Subtitle2 as="h3" id="review-audit" className={styles.heading}>
        Audit log
      </Subtitle2>
      {sealed ? <Caption1 data-testid="audit-status">{auditStatusText(sealed)}</Caption1> : null}
      {audit.length === 0 ? (
        <Body1>No entries yet.</Body1>
      ) : (
        <Table size="small" aria-label="Audit log, newest first" className={styles.table} data-testid="audit-log">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>#</TableHeaderCell>
              <TableHeaderCell>When and who</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {audit.slice(0, auditShown).map((a) => (
              <TableRow key={a.seq}>
                <TableCell>{a.seq}</TableCell>
                <TableCell>
                  <Caption1>
                    {a.at}
                    <br />
                    {a.actor}
                  </Caption1>
                </TableCell>
                <TableCell>
                  <Caption1>
                    <strong>{a.action}</strong> {a.what}
                    {a.reason ? ` — “${a.reason}”` : ""}
                  </Caption1>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {audit.length > auditShown ? (
        <div>
          <Button onClick={() => setAuditShown(audit.length)}>Show all {audit.length} entries</Button>
        </div>
      ) : null}
    </section>
  );
}
