/**
 * Excel error results for the GOAL.* functions. Inside Excel the errors are
 * `CustomFunctions.Error` objects; where that global is absent (Node, tests, a
 * browser preview) a local object of the same shape `{ code, message }` stands in.
 * Functions return these errors; they never throw.
 */

/** The error codes the functions return (values of `CustomFunctions.ErrorCode`). */
export const VALUE_ERROR = "#VALUE!";
export const NA_ERROR = "#N/A";
type Code = typeof VALUE_ERROR | typeof NA_ERROR;

/** The message of a blank Actual (functions.md). */
export const NO_ACTUAL_MESSAGE = "No actual value yet";

/** Same shape as `CustomFunctions.Error`, for when the runtime is absent. */
class LocalError {
  constructor(
    public readonly code: Code,
    public readonly message?: string,
  ) {}
}

type ErrorConstructor = new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;

function runtimeError(): ErrorConstructor | null {
  const g = globalThis as { CustomFunctions?: { Error?: unknown } };
  const ctor = g.CustomFunctions?.Error;
  return typeof ctor === "function" ? (ctor as ErrorConstructor) : null;
}

function make(code: Code, message: string): CustomFunctions.Error {
  const Ctor = runtimeError();
  // The string values of CustomFunctions.ErrorCode are the Excel error texts.
  if (Ctor) return new Ctor(code as unknown as CustomFunctions.ErrorCode, message);
  return new LocalError(code, message) as unknown as CustomFunctions.Error;
}

/** `#VALUE!` with a message (for an invalid goal or argument it starts with the rule code). */
export function valueError(message: string): CustomFunctions.Error {
  return make(VALUE_ERROR, message);
}

/** `#N/A` with a message (no data). */
export function naError(message: string = NO_ACTUAL_MESSAGE): CustomFunctions.Error {
  return make(NA_ERROR, message);
}

/** True for an Excel error result (`CustomFunctions.Error` or the local stand-in). */
export function isFunctionError(v: unknown): v is CustomFunctions.Error {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
