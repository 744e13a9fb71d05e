/**
 * In-memory Excel host for tests and the browser preview: an Office.js-like API
 * (`host.run(ctx => …)`) over one workbook, plus user-side helpers. See docs/excel-host.md.
 */
export { ExcelHost, HostSheet } from "./host";
export type { CellInput, ExcelHostOptions, HostChangeEvent, HostStats, HostTable, RequestStats, RunOptions } from "./host";
export { HostError, HostProtectionError, HostValidationError, ErrorCode } from "./errors";
export { installGlobals, ExcelEnums } from "./globals";
export type { GlobalsOptions } from "./globals";
export type { HostFunction, Shown } from "./calc";
export type { PlatformBehaviour, ProtectionOptions, Visibility } from "./model";
