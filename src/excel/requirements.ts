/**
 * Which Office.js requirement sets the running Excel has. Some members the adapter would
 * like exist only on some platforms or versions (e.g. `Range.getSpillingToRange` needs
 * ExcelApi 1.12, which Excel 2019 lacks), so the adapter asks before using them. Tests answer per platform through `installGlobals(host, { isSetSupported })`
 * or by passing their own check.
 */

/** Answers whether a requirement set (at least that version) is supported. */
export type RequirementCheck = (name: string, minVersion: string) => boolean;

interface OfficeRequirements {
  context?: { requirements?: { isSetSupported?: (name: string, minVersion?: string) => boolean } };
}

/**
 * `Office.context.requirements.isSetSupported`. Without Office (or when it cannot answer) the
 * answer is false: the adapter then takes the way that works on every platform.
 */
export const officeRequirements: RequirementCheck = (name, minVersion) => {
  const office = (globalThis as { Office?: OfficeRequirements }).Office;
  const requirements = office?.context?.requirements;
  if (typeof requirements?.isSetSupported !== "function") return false;
  try {
    return requirements.isSetSupported(name, minVersion) === true;
  } catch {
    return false;
  }
};
