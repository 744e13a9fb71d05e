/**
 * Every error the task pane shows, in words a user understands, with what to do.
 * Office.js errors carry a `code`; the adapter's own errors already say what to do.
 */

export interface FriendlyError {
  title: string;
  message: string;
  /** What to do about it; empty when the message already says. */
  action: string;
}

interface Coded {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  problems?: unknown;
  issues?: unknown;
}

const BY_CODE: Record<string, Omit<FriendlyError, "message"> & { message?: string }> = {
  InvalidOperationInCellEditMode: {
    title: "Excel is busy editing a cell",
    message: "Goal Scorecards can't change the workbook while a cell is being edited.",
    action: "Press Enter or Esc to finish editing the cell, then try again.",
  },
  AccessDenied: {
    title: "This part of the workbook is protected",
    action:
      "The review cycle (or someone) has protected these cells. Use a change request on the Review tab, reopen the cycle, or unprotect the sheet, then try again.",
  },
  ItemNotFound: {
    title: "Something has moved",
    message: "A sheet, table or cell that Goal Scorecards expected is no longer in the workbook.",
    action: "Select Refresh and try again. If a sheet or table was renamed, check its name.",
  },
  ItemAlreadyExists: {
    title: "That name is taken",
    action: "A sheet or table with that name already exists. Rename or remove it, then try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    title: "Too much at once",
    message: "Excel refused the request because it was too large.",
    action: "Convert a smaller selection, or split the goals over several sheets, then try again.",
  },
  ResponsePayloadSizeLimitExceeded: {
    title: "Too much at once",
    message: "Excel could not send that much data in one go.",
    action: "Try a smaller selection, or split the goals over several sheets.",
  },
  InvalidArgument: {
    title: "Excel refused the change",
    action: "Check the value or the selection and try again.",
  },
  InvalidOperation: {
    title: "Excel can't do that right now",
    action: "A hidden or protected sheet may be in the way. Check it and try again.",
  },
  GeneralException: {
    title: "Excel could not finish",
    message: "Excel stopped before the operation was complete.",
    action: "Try again; running it again completes what was started. If it keeps happening, save the workbook and reopen it.",
  },
  Unauthenticated: {
    title: "Excel needs you to sign in again",
    action: "Sign in to Office again, then reopen the task pane.",
  },
};

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

/** Turns anything thrown into a message for the user. Never throws. */
export function describeError(error: unknown, doing?: string): FriendlyError {
  const e = (typeof error === "object" && error !== null ? error : {}) as Coded;
  const prefix = doing ? `${doing} did not work` : "That did not work";
  const name = text(e.name);
  const message = text(e.message) || (typeof error === "string" ? error : "");
  if (name === "ConversionError" && Array.isArray(e.problems)) {
    return {
      title: "The sheet can't be converted yet",
      message: e.problems.map((p) => String(p)).join(" "),
      action: "Fix what is listed, or change the mapping, then convert again.",
    };
  }
  if (name === "ZodError" || Array.isArray(e.issues)) {
    return {
      title: "A value is not valid",
      message: message.startsWith("[") ? "One of the values is out of range." : message,
      action: "Correct the highlighted value and try again.",
    };
  }
  const code = text(e.code);
  const known = BY_CODE[code];
  if (known) {
    return { title: known.title, message: known.message ?? (message || prefix + "."), action: known.action };
  }
  if (name === "SelectError") return { title: "Can't go to that cell", message, action: "" };
  if (name === "ReviewError") return { title: reviewErrorTitle(text(e.code), doing), message, action: "" };
  if (message !== "") return { title: prefix, message, action: message.match(/[.;:] [A-Z]|then|first|try again/i) ? "" : "Check the workbook and try again." };
  return { title: prefix, message: "Something unexpected happened.", action: "Try again. If it keeps happening, close and reopen the task pane." };
}

/**
 * The banner title of a review operation's refusal: what is wrong, as a sentence of its
 * own (it ends with a full stop, so that it reads apart from the message after it).
 */
export function reviewErrorTitle(code: string, doing?: string): string {
  switch (code) {
    case "password":
      return "The password is needed.";
    case "pending":
      return "An earlier operation was interrupted.";
    case "missing":
      return "Something is missing from the workbook.";
    case "input":
      return "A value can't be used.";
    default:
      return doing ? `${doing} is not possible.` : "That is not possible.";
  }
}
