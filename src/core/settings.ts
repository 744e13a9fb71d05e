import { z } from "zod";

/** Per-workbook settings (scoring.md, smart.md); every one has a default. */
export const SettingsSchema = z.object({
  onTrackGap: z.number().finite().min(0).max(1).default(0.1),
  atRiskGap: z.number().finite().min(0).max(1).default(0.25),
  staleDays: z.number().finite().min(0).default(30),
  ambitionLimit: z.number().finite().min(0).default(1.0),
  trendShortfall: z.number().finite().min(0).max(1).default(0.8),
  maxWeightShare: z.number().finite().min(0).max(1).default(0.5),
  thresholdPay: z.number().finite().min(0).max(1).default(0.5),
  stretchPay: z.number().finite().min(1).default(1.5),
  progressCap: z.number().finite().min(1).default(1),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * What the add-in writes into a workbook it sets up (a new metadata sheet), where it
 * differs from the spec's defaults. Rule A4's default of 50% flags ordinary 60/40
 * splits between an owner's two goals; a new workbook starts at 70%, so A4 speaks
 * when one goal outweighs all the others by far. Saved in the workbook, so the CLI
 * and the GOAL.* functions read the same value; workbooks without it keep 50%.
 */
export const NEW_WORKBOOK_SETTINGS: Settings = { ...DEFAULT_SETTINGS, maxWeightShare: 0.7 };

export interface SettingsProblem {
  key: string;
  message: string;
}

/**
 * Settings from the metadata sheet or the task pane: unknown keys are ignored, a bad
 * value falls back to its default and is reported, never thrown.
 */
export function readSettings(raw: Record<string, unknown> | undefined): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const out: Record<string, number> = { ...DEFAULT_SETTINGS };
  if (!raw) return { settings: { ...DEFAULT_SETTINGS }, problems };
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    if (!(key in raw)) continue;
    let value = raw[key];
    if (value === null || value === undefined || value === "") continue;
    if (typeof value === "string") {
      const n = Number(value.trim().replace(/%$/, ""));
      value = value.trim().endsWith("%") ? n / 100 : n;
    }
    const parsed = shape[key].safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else problems.push({ key, message: `Setting ${key} = '${String(raw[key])}' is not valid; using the default ${DEFAULT_SETTINGS[key]}` });
  }
  return { settings: out as Settings, problems };
}
