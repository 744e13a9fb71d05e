/**
 * Everything the views ask of Excel, as plain async functions over a Runner (Office's
 * Excel.run with delayForCellEdit, or the in-memory host in the preview). The views
 * never touch Excel.RequestContext; the adapter (src/excel) does the work and the
 * engine (src/core) computes. No React here.
 */
import { Day } from "../core/dates";
import { AuditEntry, auditEntriesFromRows } from "../core/seal";
import { Settings, SettingsInput } from "../core/settings";
import { HeaderOverride } from "../core/headers";
import { CycleState } from "../core/meta";
import { AutoRefresh, AutoRefreshOptions, Runner } from "../excel/autorefresh";
import { ConversionResult, SheetBlock, convert, readBlock } from "../excel/convert";
import { queuedRunner } from "../excel/queue";
import { RefreshReport, refresh } from "../excel/refresh";
import {
  ChangeRequestResult,
  CheckInResult,
  ReviewCopyResult,
  ReviewInspection,
  RestoreResult,
  StateChangeResult,
  VerifyReport,
  addCheckIn,
  changeRequest,
  changeState,
  inspectReview,
  prepareReviewCopy,
  restoreLiveFormulas,
  verifyLoaded,
} from "./reviewApi";
import { ScorecardsSheetResult, writeScorecardsSheet } from "../excel/scorecards";
import { selectCell } from "../excel/select";
import { WorkbookSettings, readSettings, writeSettings } from "../excel/settings";
import { TemplateResult, startFromTemplate } from "../excel/template";
import { loadWorkbook } from "../excel/workbook";

/** Where a conversion reads from, fixed when it is proposed (the selection may move meanwhile). */
export type PinnedSource = { kind: "sheet"; sheet: string } | { kind: "range"; address: string };

export interface BlockToConvert {
  block: SheetBlock;
  source: PinnedSource;
}

export interface ReviewStatus {
  inspection: ReviewInspection;
  verify: VerifyReport;
  audit: AuditEntry[];
}

export interface ReviewServices {
  status(): Promise<ReviewStatus>;
  changeState(options: { to: CycleState; actor: string; reason?: string | null; password?: string }): Promise<StateChangeResult>;
  changeRequest(options: {
    goalId: string;
    field: string;
    value: string | number | boolean | null;
    reason: string;
    actor: string;
    password?: string;
  }): Promise<ChangeRequestResult>;
  addCheckIn(options: {
    goalId: string;
    date: string;
    value: string;
    confidence?: number | null;
    comment?: string;
    actor: string;
    password?: string;
  }): Promise<CheckInResult>;
  prepareReviewCopy(options: { password?: string }): Promise<ReviewCopyResult>;
  restoreLiveFormulas(options: { password?: string }): Promise<RestoreResult>;
}

export interface PaneServices {
  /** Reads the active sheet (or the selection) to propose a conversion; writes nothing. */
  readBlock(source: "sheet" | "selection"): Promise<BlockToConvert>;
  convert(source: PinnedSource, options: { overrides: HeaderOverride[]; replaceComputed: boolean }): Promise<ConversionResult>;
  startFromTemplate(): Promise<TemplateResult>;
  refresh(asOf: Day | null): Promise<RefreshReport>;
  writeScorecards(groupBy: string): Promise<ScorecardsSheetResult>;
  selectCell(address: string): Promise<void>;
  readSettings(): Promise<WorkbookSettings>;
  writeSettings(settings: SettingsInput, password?: string): Promise<Settings>;
  review: ReviewServices;
  autoRefresh(options: AutoRefreshOptions): AutoRefresh;
}

/**
 * The services over one runner. Every call, and every refresh AutoRefresh makes, goes through
 * one SerialQueue: a refresh asked for while a review operation runs waits until it ends.
 */
export function createServices(runner: Runner): PaneServices {
  const run = queuedRunner(runner);
  return {
    readBlock: (kind) =>
      run(async (context) => {
        let address: string | null = null;
        if (kind === "selection") {
          const sel = context.workbook.getSelectedRange();
          sel.load("address,cellCount");
          await context.sync();
          if (sel.cellCount > 1) address = sel.address;
        }
        const block = await readBlock(context, kind === "selection" ? { kind: "selection" } : { kind: "sheet" });
        return { block, source: address !== null ? { kind: "range", address } : { kind: "sheet", sheet: block.sheet } };
      }),
    convert: (source, options) =>
      run(async (ctx) => {
        if (source.kind === "range") await selectCell(ctx, source.address);
        return convert(ctx, {
          source: source.kind === "range" ? { kind: "selection" } : { kind: "sheet", sheet: source.sheet },
          overrides: options.overrides,
          replaceComputed: options.replaceComputed,
        });
      }),
    startFromTemplate: () => run((ctx) => startFromTemplate(ctx)),
    refresh: (asOf) => run((ctx) => refresh(ctx, asOf === null ? {} : { asOf })),
    writeScorecards: (groupBy) => run((ctx) => writeScorecardsSheet(ctx, { groupBy })),
    selectCell: (address) =>
      run(async (ctx) => {
        await selectCell(ctx, address);
      }),
    readSettings: () => run((ctx) => readSettings(ctx)),
    writeSettings: (settings, password) => run((ctx) => writeSettings(ctx, settings, { password })),
    review: {
      status: () =>
        run(async (ctx) => {
          const inspection = await inspectReview(ctx);
          const wb = await loadWorkbook(ctx);
          const verify = await verifyLoaded(wb);
          return { inspection, verify, audit: auditEntriesFromRows(wb.auditTable?.rows ?? []) };
        }),
      changeState: (o) => run((ctx) => changeState(ctx, o)),
      changeRequest: (o) => run((ctx) => changeRequest(ctx, o)),
      addCheckIn: (o) => run((ctx) => addCheckIn(ctx, o)),
      prepareReviewCopy: (o) => run((ctx) => prepareReviewCopy(ctx, o)),
      restoreLiveFormulas: (o) => run((ctx) => restoreLiveFormulas(ctx, o)),
    },
    autoRefresh: (options) => new AutoRefresh(run, options),
  };
}
