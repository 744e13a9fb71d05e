/**
 * Errors of the in-memory Excel host, shaped like Office.js's `OfficeExtension.Error`
 * (name, code, message, debugInfo, traceMessages, innerError).
 */

/** Error codes used by the host (the string values of `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`). */
export const ErrorCode = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  runMustReturnPromise: "RunMustReturnPromise",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  notImplemented: "NotImplemented",
  apiNotFound: "ApiNotFound",
} as const;

/** Messages Excel uses (en-US) where the host knows them. */
export const Message = {
  dimensions: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  protectedCell:
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  itemNotFound: "The requested resource doesn't exist.",
  invalidArgument: "The argument is invalid or missing or has an incorrect format.",
  alreadyProtected: "The worksheet is already protected.",
  wrongPassword: "The password you supplied is not correct.",
  apiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  validationStop: "This value doesn't match the data validation restrictions defined for this cell.",
  cellEditMode: "The operation failed because Excel is in cell edit mode.",
  requestPayload:
    "The request payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization for more information.",
  responsePayload:
    "The response payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization for more information.",
} as const;

export interface HostDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** What `context.sync()` rejects with (like `OfficeExtension.Error`). */
export class HostError extends Error {
  readonly code: string;
  readonly debugInfo: HostDebugInfo;
  traceMessages: string[] = [];
  readonly innerError: HostError | null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Thrown synchronously by `host.setCell` when a user could not type into the cell (Excel's UI refusal). */
export class HostProtectionError extends Error {
  readonly code = ErrorCode.accessDenied;
  constructor(
    readonly sheet: string,
    readonly address: string,
  ) {
    super(Message.protectedCell);
    this.name = "HostProtectionError";
  }
}

/**
 * Thrown synchronously by `host.setCell` when a cell's data validation refuses what the user typed:
 * a list rule with the Stop alert (the default) and a value not in the list. Excel shows the alert and
 * keeps the old value.
 */
export class HostValidationError extends Error {
  constructor(
    readonly sheet: string,
    readonly address: string,
    readonly value: unknown,
    message: string,
    readonly title: string,
  ) {
    super(message);
    this.name = "HostValidationError";
  }
}
