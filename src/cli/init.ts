/**
 * `init --out FILE`: a ready-to-use goal workbook. The twenty input columns of
 * model.md in order; no computed columns (Progress, Score, Status, Rolled Up, SMART):
 * in an Excel without the add-in a GOAL.* formula shows #NAME?, and the add-in adds
 * and fills those columns itself.
 */
import { emptyMeta, metaRows } from "../core/meta";
import { DEFAULT_SETTINGS, NEW_WORKBOOK_SETTINGS } from "../core/settings";
import { buildWorkbook, writeWorkbook } from "./write";

export async function initWorkbook(out: string, cwd: string, now: Date): Promise<string> {
  const meta = emptyMeta();
  meta.cycle.changedAt = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const wb = buildWorkbook(
    {
      userColumns: [],
      source: false,
      goals: [],
      checkIns: [],
      weightPercent: true,
      // Like a workbook the task pane creates: the largest-weight share (A4) starts at 70%.
      metaRows: metaRows({ ...meta, settings: { ...NEW_WORKBOOK_SETTINGS } }, DEFAULT_SETTINGS),
      auditRows: [],
    },
    now,
  );
  return writeWorkbook(wb, out, cwd, false);
}
