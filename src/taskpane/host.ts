/**
 * Host detection for the task pane, kept free of React and of the global
 * `Office` object so that it can be unit-tested in Node.
 */

/** The part of Office.onReady's info object that the task pane uses. */
export interface HostInfo {
  /**
   * Office.HostType. Typed as a numeric enum in @types/office-js, but at run
   * time Office.js passes its name, e.g. "Excel".
   */
  host?: string | number | null;
  platform?: string | number | null;
}

/** The part of the global Office object that the task pane uses. */
export interface OfficeLike {
  onReady(): Promise<HostInfo>;
}

export const OUTSIDE_OFFICE_MESSAGE = "Running outside Office (preview)";

/**
 * Describes where the task pane runs, from Office.onReady's info
 * (undefined or without a host when the page is opened outside Office).
 */
export function describeHost(info?: HostInfo | null): string {
  const host = info?.host;
  if (host === undefined || host === null || host === "") return OUTSIDE_OFFICE_MESSAGE;
  return `Running in ${String(host)}`;
}

/**
 * Waits for Office to be ready and returns its info, or undefined when
 * Office.js is not loaded (e.g. it could not be fetched, or the page is opened
 * in a plain browser) or does not answer within timeoutMs.
 */
export async function detectHost(
  office: OfficeLike | undefined = typeof Office === "undefined" ? undefined : Office,
  timeoutMs = 10_000,
): Promise<HostInfo | undefined> {
  if (!office || typeof office.onReady !== "function") return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    return await Promise.race([office.onReady().catch(() => undefined), timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
