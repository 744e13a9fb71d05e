/**
 * The Settings view's form: the thresholds of scoring.md and smart.md as the user
 * types them (percentages as percent, days as days), checked with the engine's
 * schema; the as-of date; the actor name kept on this computer.
 */
import { Day, dayFromIso, isoDay } from "../../core/dates";
import { DEFAULT_SETTINGS, Settings, SettingsSchema } from "../../core/settings";

export type SettingKey = keyof Settings;

export interface SettingField {
  key: SettingKey;
  label: string;
  hint: string;
  /** percent: stored as a fraction, shown ×100; days and number: as they are. */
  unit: "percent" | "days" | "number";
  /** The range in the unit shown (the engine's schema checks it too). */
  min: number;
  max?: number;
}

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: "onTrackGap",
    label: "On track gap (%)",
    hint: "A goal is On track while its progress is at most this far behind the expected pace.",
    unit: "percent",
    min: 0,
    max: 100,
  },
  {
    key: "atRiskGap",
    label: "At risk gap (%)",
    hint: "Further behind than the on-track gap but within this: At risk. Further still: Off track.",
    unit: "percent",
    min: 0,
    max: 100,
  },
  { key: "staleDays", label: "Stale after (days)", hint: "A goal whose latest check-in is older than this is Stale.", unit: "days", min: 0 },
  {
    key: "ambitionLimit",
    label: "Ambition limit (%)",
    hint: "Rule A2 warns when the target is more than this far from the baseline (100% = double).",
    unit: "percent",
    min: 0,
  },
  {
    key: "trendShortfall",
    label: "Trend shortfall (%)",
    hint: "Rule A3 warns when the check-in trend reaches less than this share of the target by the due date.",
    unit: "percent",
    min: 0,
    max: 100,
  },
  {
    key: "maxWeightShare",
    label: "Largest weight share (%)",
    hint: "Rule A4 warns when one goal carries more than this share of an owner's weight.",
    unit: "percent",
    min: 0,
    max: 100,
  },
  {
    key: "thresholdPay",
    label: "Pay at threshold (%)",
    hint: "The tier score at the Threshold (the payout curve rises from here to 100% at Target).",
    unit: "percent",
    min: 0,
    max: 100,
  },
  { key: "stretchPay", label: "Pay at stretch (%)", hint: "The tier score at the Stretch target (at least 100%).", unit: "percent", min: 100 },
  {
    key: "progressCap",
    label: "Progress cap (%)",
    hint: "The Progress column stops here; 150% lets over-achievement show. At least 100%.",
    unit: "percent",
    min: 100,
  },
];

export type SettingsForm = Record<SettingKey, string>;

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export function toForm(settings: Settings): SettingsForm {
  const out = {} as SettingsForm;
  for (const f of SETTING_FIELDS) {
    const v = settings[f.key];
    out[f.key] = String(f.unit === "percent" ? round(v * 100) : v);
  }
  return out;
}

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: Partial<Record<SettingKey, string>> };

function describeRange(f: SettingField): string {
  const u = f.unit === "percent" ? "%" : f.unit === "days" ? " days" : "";
  return f.max === undefined ? `Enter a number of at least ${f.min}${u}.` : `Enter a number from ${f.min}${u} to ${f.max}${u}.`;
}

/** Reads the form; every bad field gets a message that says what to enter. */
export function fromForm(form: SettingsForm): FormResult {
  const errors: Partial<Record<SettingKey, string>> = {};
  const out: Record<string, number> = {};
  for (const f of SETTING_FIELDS) {
    const raw = (form[f.key] ?? "").trim().replace(/%$/, "").trim();
    if (raw === "") {
      out[f.key] = DEFAULT_SETTINGS[f.key];
      continue;
    }
    const n = Number(raw.replace(",", "."));
    if (!Number.isFinite(n)) {
      errors[f.key] = `'${form[f.key]}' is not a number. ${describeRange(f)}`;
      continue;
    }
    const value = f.unit === "percent" ? round(n / 100) : n;
    const parsed = SettingsSchema.shape[f.key].safeParse(value);
    if (!parsed.success) errors[f.key] = describeRange(f);
    else out[f.key] = parsed.data;
  }
  if (errors.atRiskGap === undefined && errors.onTrackGap === undefined && out.atRiskGap < out.onTrackGap)
    errors.atRiskGap = "The at-risk gap must be at least the on-track gap, or no goal would ever be At risk.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: SettingsSchema.parse(out) };
}

/** The keys whose value differs from the default. */
export function changedFromDefault(settings: Settings): SettingKey[] {
  return SETTING_FIELDS.map((f) => f.key).filter((k) => settings[k] !== DEFAULT_SETTINGS[k]);
}

export type AsOfResult = { ok: true; asOf: Day | null } | { ok: false; message: string };

/** The as-of date field: blank is today; otherwise YYYY-MM-DD (what a date input gives). */
export function parseAsOf(text: string): AsOfResult {
  const t = text.trim();
  if (t === "") return { ok: true, asOf: null };
  const d = dayFromIso(t);
  if (d === null || !/^\d{4}-\d{2}-\d{2}$/.test(t)) return { ok: false, message: `'${text}' is not a date. Use the date picker or type it as 2026-06-30.` };
  return { ok: true, asOf: d };
}

export function asOfText(asOf: Day | null): string {
  return asOf === null ? "" : isoDay(asOf);
}

/** Where the actor name lives on this computer (never in the workbook, except as the audit Actor). */
export const ACTOR_KEY = "goalScorecards.actor";
export const MAX_ACTOR = 100;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

// Control characters (C0 and DEL). A constant, so that the directive stays next to it however the call is wrapped.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

export function cleanActor(name: string): string {
  return name.replace(CONTROL_CHARS, " ").replace(/\s+/g, " ").trim().slice(0, MAX_ACTOR);
}

export function loadActor(store: KeyValueStore | null): string {
  try {
    return cleanActor(store?.getItem(ACTOR_KEY) ?? "");
  } catch {
    return "";
  }
}

export function saveActor(store: KeyValueStore | null, name: string): string {
  const clean = cleanActor(name);
  try {
    if (clean === "") store?.removeItem(ACTOR_KEY);
    else store?.setItem(ACTOR_KEY, clean);
  } catch {
    // Storage may be unavailable (private mode); the name still works for this session.
  }
  return clean;
}
