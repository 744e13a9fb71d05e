/**
 * In-memory Excel host for tests and the browser preview: one workbook answering
 * Microsoft's own Excel client (`host.run(ctx => …)` is that client's Excel.run), plus
 * user-side helpers and platform profiles. See docs/excel-host.md.
 */
export { ExcelHost, HostSheet } from "./host";
export type { CellInput, ExcelHostOptions, HostChangeEvent, HostStats, HostTable, RequestStats, RunOptions } from "./host";
export { HostError, HostProtectionError, HostValidationError, ErrorCode } from "./errors";
export { installGlobals } from "./globals";
export type { GlobalsOptions } from "./globals";
export type { HostFunction, Shown } from "./calc";
export type { PlatformBehaviour, ProtectionOptions, Visibility } from "./model";
export { setClientLoader, setDefaultClient } from "./client";
export type { OfficeClient, PlatformName } from "./client";
export { PLATFORMS, PLATFORM_IDS, isSetSupported, memberSupported, requirementsFor } from "./platforms";
export type { PlatformId, PlatformProfile } from "./platforms";
