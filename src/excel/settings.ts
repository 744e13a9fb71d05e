/**
 * The workbook's settings (thresholds of scoring.md and smart.md) on the metadata
 * sheet: read them, and write the ones the user changed. Settings equal to their
 * default are not written (metaRows leaves them out).
 */
import { Settings, SettingsInput, SettingsProblem, SettingsSchema } from "../core/settings";
import { META_SHEET } from "../core/meta";
import { ensureMetaSheet, writeMeta } from "./meta";
import { BASE_PROTECTION, queueProtect, queueUnprotect, readProtection, syncExplained } from "./review-protection";
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

/**
 * Validates and writes the settings; creates the metadata sheet when it is missing.
 * In a locked cycle the metadata sheet is protected: it is unprotected for the write
 * (with the password, when one was set) and protected again as it was.
 */
export async function writeSettings(context: Excel.RequestContext, input: SettingsInput, options: { password?: string } = {}): Promise<Settings> {
  const settings = SettingsSchema.parse(input);
  await ensureMetaSheet(context);
  const wb = await loadWorkbook(context);
  const status = await readProtection(context, [META_SHEET]);
  const before = status.sheets.get(META_SHEET.toLowerCase());
  const wasProtected = before?.protected === true;
  const flags = { ...BASE_PROTECTION, ...(before?.options ?? {}) };
  if (wasProtected) {
    queueUnprotect(context, status, META_SHEET, options.password);
    await syncExplained(context);
  }
  try {
    await writeMeta(context, wb, { ...wb.meta, settings, problems: [] });
  } finally {
    if (wasProtected) {
      queueProtect(context, status, META_SHEET, flags, options.password);
      await context.sync();
    }
  }
  return settings;
}
