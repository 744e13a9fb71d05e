/**
 * The workbook's settings (thresholds of scoring.md and smart.md) on the metadata
 * sheet: read them, and write the ones the user changed. Settings equal to their
 * default are not written (metaRows leaves them out).
 */
import { Settings, SettingsInput, SettingsProblem, SettingsSchema } from "../core/settings";
import { ensureMetaSheet, writeMeta } from "./meta";
import { loadWorkbook } from "./workbook";

export interface WorkbookSettings {
  settings: Settings;
  /** Values on the metadata sheet that were not valid (their default is used). */
  problems: SettingsProblem[];
  /** Whether the workbook has a metadata sheet yet. */
  metaSheetExists: boolean;
}

export async function readSettings(context: Excel.RequestContext): Promise<WorkbookSettings> {
  const wb = await loadWorkbook(context);
  return { settings: wb.meta.settings, problems: wb.meta.problems, metaSheetExists: wb.metaSheetExists };
}

/** Validates and writes the settings; creates the metadata sheet when it is missing. Returns what was written. */
export async function writeSettings(context: Excel.RequestContext, input: SettingsInput): Promise<Settings> {
  const settings = SettingsSchema.parse(input);
  await ensureMetaSheet(context);
  const wb = await loadWorkbook(context);
  await writeMeta(context, wb, { ...wb.meta, settings, problems: [] });
  return settings;
}
