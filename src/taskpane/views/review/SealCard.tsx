/** The seal: not checked yet, not sealed, intact, or what changed since it was sealed; "Verify seal" reads the workbook again. */
import { Badge, Body1, Button, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { columnValueText, sealText } from "../../logic/review";
import { usePane } from "../../pane";
import { useViewStyles } from "../common";

export function SealCard() {
  const pane = usePane();
  const styles = useViewStyles();
  const sealed = pane.verify;
  return (
    <section className={styles.section} aria-labelledby="review-seal">
      <Subtitle2 as="h3" id="review-seal" className={styles.heading}>
        Seal
      </Subtitle2>
      <div data-testid="seal-status" role="status">
        {!sealed ? (
          <Body1>Not checked yet.</Body1>
        ) : !sealed.sealed ? (
          <Body1>{sealText(sealed)}</Body1>
        ) : sealed.intact ? (
          <div className={styles.row}>
            <Badge appearance="filled" color="success">
              Intact
            </Badge>
            <Body1>{sealText(sealed)}</Body1>
          </div>
        ) : (
          <div className={styles.section}>
            <div className={styles.row}>
              <Badge appearance="filled" color="danger">
                Changed
              </Badge>
              <Body1>{sealText(sealed)}</Body1>
            </div>
            <Table size="small" aria-label="Differences from the seal" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Goal</TableHeaderCell>
                  <TableHeaderCell>Column</TableHeaderCell>
                  <TableHeaderCell>Was</TableHeaderCell>
                  <TableHeaderCell>Now</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sealed.differences.slice(0, 100).map((d, i) => (
                  <TableRow key={i}>
                    <TableCell>{d.goal ?? "—"}</TableCell>
                    <TableCell>{d.column}</TableCell>
                    <TableCell>{columnValueText(d.column, d.sealed)}</TableCell>
                    <TableCell>{columnValueText(d.column, d.current)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </div>
      <div>
        <Button onClick={() => void pane.refresh()} disabled={pane.busy}>
          Verify seal
        </Button>
      </div>
      <div>
        <Caption1 className={styles.muted}>Sealing records a fingerprint of the locked goal columns, so that any later edit shows here.</Caption1>
      </div>
    </section>
  );
}
