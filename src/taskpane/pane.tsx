/**
 * The task pane's shared state: the last refresh (the engine's results), the
 * running operation, the message shown, the as-of date and the actor name.
 * Views read it with usePane().
 */
import { createContext, useContext } from "react";
import type { Day } from "../core/dates";
import type { RefreshReport } from "../excel/refresh";
import type { FriendlyError } from "./logic/errors";
import type { OperationState } from "./logic/operations";
import type { VerifyReport } from "./reviewApi";
import type { PaneServices } from "./services";

export type PaneMode = "office" | "preview";

export interface RunOptions<T> {
  /** Safe to stop waiting for (reads, recomputable values). */
  cancellable?: boolean;
  /** "Converting the sheet": the error's title says it did not work. */
  doing?: string;
  /** Say nothing when another operation is running (background reads). */
  quietIfBusy?: boolean;
  /** The success message, from the result; null for none. */
  success?: (value: T) => string | null;
}

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
}

export interface PaneApi {
  mode: PaneMode;
  services: PaneServices;
  /** The last refresh; null until the workbook was read. */
  report: RefreshReport | null;
  /** The seal check of the last refresh's workbook; null when not checked yet. */
  verify: VerifyReport | null;
  asOf: Day | null;
  setAsOf(asOf: Day | null): void;
  actor: string;
  setActor(name: string): string;
  operation: OperationState | null;
  busy: boolean;
  /** Runs an operation (one at a time); errors become the pane's message. Undefined when it failed, was cancelled or another runs. */
  run: <T>(label: string, fn: () => Promise<T>, options?: RunOptions<T>) => Promise<T | undefined>;
  cancel(): void;
  error: FriendlyError | null;
  notice: Notice | null;
  showError(error: FriendlyError): void;
  showNotice(notice: Notice | null): void;
  dismiss(): void;
  /** Reads the workbook and writes the computed columns that changed. */
  refresh(): Promise<void>;
  setReport(report: RefreshReport): void;
  /** Listen to the goal tables again (after a conversion added one). */
  restartAutoRefresh(): void;
  /** Whether the computed columns follow edits automatically (off while an as-of date is set). */
  autoRefreshOn: boolean;
  /** Selects a cell or range in the sheet. */
  goTo(address: string): Promise<void>;
  /** Switches the tab. */
  openView(view: ViewId): void;
}

export const VIEWS = [
  { id: "setup", label: "Set up" },
  { id: "check", label: "Check" },
  { id: "scorecards", label: "Scorecards" },
  { id: "cascade", label: "Cascade" },
  { id: "review", label: "Review" },
  { id: "settings", label: "Settings" },
] as const;

export type ViewId = (typeof VIEWS)[number]["id"];

export const PaneContext = createContext<PaneApi | null>(null);

export function usePane(): PaneApi {
  const p = useContext(PaneContext);
  if (!p) throw new Error("usePane() outside <App>");
  return p;
}
