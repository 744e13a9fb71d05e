/**
 * Installs `Excel`, `Office` and `OfficeExtension` globals backed by an ExcelHost,
 * for the browser preview and for tests of code that uses the globals.
 */
import { ErrorCode, HostError } from "./errors";
import { ExcelHost, RunOptions } from "./host";
import { HostClientResult } from "./proxy-base";

export const ExcelEnums = {
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ErrorCodes: { ...ErrorCode },
  ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", containsText: "ContainsText", topBottom: "TopBottom", presetCriteria: "PresetCriteria" },
  ConditionalCellValueOperator: {
    invalid: "Invalid",
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqual: "GreaterThanOrEqual",
    lessThanOrEqual: "LessThanOrEqual",
  },
  ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", line: "Line", pie: "Pie", doughnut: "Doughnut", xyscatter: "XYScatter" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
  DataChangeType: { unknown: "Unknown", rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted", columnInserted: "ColumnInserted", columnDeleted: "ColumnDeleted", cellInserted: "CellInserted", cellDeleted: "CellDeleted" },
  EventSource: { local: "Local", remote: "Remote" },
  EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
  EventType: { worksheetChanged: "WorksheetChanged", tableChanged: "TableChanged" },
  ProtectionSelectionMode: { normal: "Normal", unlocked: "Unlocked", none: "None" },
  CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
  DataValidationType: { none: "None", wholeNumber: "WholeNumber", decimal: "Decimal", list: "List", date: "Date", time: "Time", textLength: "TextLength", custom: "Custom", inconsistent: "Inconsistent", mixedCriteria: "MixedCriteria" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
} as const;

export interface GlobalsOptions {
  /**
   * What `Office.context.requirements.isSetSupported(name, minVersion)` answers (default: true
   * for every set). E.g. `(name) => name !== "ExcelApiOnline"` for Excel on Windows or Mac;
   * pair it with `new ExcelHost({ excelApiOnline: false })`.
   */
  isSetSupported?: (name: string, minVersion?: string) => boolean;
}

/** Installs the globals; returns a function that restores what was there before. */
export function installGlobals(host: ExcelHost, options: GlobalsOptions = {}): () => void {
  const isSetSupported = options.isSetSupported ?? (() => true);
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const info = { host: "Excel", platform: "OfficeOnline" };
  g.Excel = {
    ...ExcelEnums,
    run: (a: RunOptions | object | ((ctx: Excel.RequestContext) => Promise<unknown>), b?: (ctx: Excel.RequestContext) => Promise<unknown>) =>
      typeof a === "function" ? host.run(a as (ctx: Excel.RequestContext) => Promise<unknown>) : host.run(a as RunOptions, b as (ctx: Excel.RequestContext) => Promise<unknown>),
  };
  g.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: { host: "Excel", platform: "OfficeOnline", requirements: { isSetSupported: (name: string, minVersion?: string) => isSetSupported(name, minVersion) } },
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  g.OfficeExtension = {
    Error: HostError,
    ErrorCodes: {
      accessDenied: ErrorCode.accessDenied,
      apiNotFound: ErrorCode.apiNotFound,
      generalException: ErrorCode.generalException,
      invalidArgument: ErrorCode.invalidArgument,
      propertyNotLoaded: ErrorCode.propertyNotLoaded,
      valueNotLoaded: ErrorCode.valueNotLoaded,
      runMustReturnPromise: ErrorCode.runMustReturnPromise,
    },
    ClientResult: HostClientResult,
    config: { extendedErrorLogging: false },
  };
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
