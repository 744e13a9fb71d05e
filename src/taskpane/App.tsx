/**
 * The Goal Scorecards task pane: six views on a TabList (Set up, Check, Scorecards,
 * Cascade, Review, Settings), one operation at a time with a progress bar, errors in
 * a MessageBar with what to do, and the host line in the footer.
 *
 * `App({ runner, mode })`: the runner is Office's Excel.run (officeRunner()) in Excel,
 * or a runner over the in-memory host in the preview page.
 */
import { type FocusEvent as ReactFocusEvent, type KeyboardEvent as ReactKeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  ProgressBar,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Day } from "../core/dates";
import type { Runner } from "../excel/autorefresh";
import type { RefreshReport } from "../excel/refresh";
import { describeHost, detectHost } from "./host";
import { FriendlyError, describeError } from "./logic/errors";
import { ShownNotice, noticeOnView, showNotice } from "./logic/notices";
import { OperationState, Operations } from "./logic/operations";
import { KeyValueStore, loadActor, saveActor } from "./logic/settingsForm";
import { nextTabIndex } from "./logic/tabKeys";
import { themeKind } from "./logic/theme";
import { Notice, PaneApi, PaneContext, PaneMode, RunOptions, VIEWS, ViewId } from "./pane";
import { VerifyReport, verifyLoaded } from "./reviewApi";
import { createServices } from "./services";
import { CascadeView } from "./views/CascadeView";
import { CheckView } from "./views/CheckView";
import { ReviewView } from "./views/ReviewView";
import { ScorecardsView } from "./views/ScorecardsView";
import { SettingsView } from "./views/SettingsView";
import { SetupView } from "./views/SetupView";
import { PaneMessage, useWrappingMessageBars } from "./views/common";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  // The six tabs fit one row at 380 px (12 px labels, 4 px padding: about 350 px);
  // narrower, the bar scrolls sideways on its own, and a focused tab scrolls into
  // view (docs/taskpane.md, "The tab bar").
  tabsNav: { overflowX: "auto", overflowY: "hidden", scrollbarWidth: "thin", padding: `0 ${tokens.spacingHorizontalXS}` },
  tabs: {
    flexWrap: "nowrap",
    width: "max-content",
    "& .fui-Tab": { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, flexShrink: 0 },
    "& .fui-Tab__content, & .fui-Tab__content--reserved-space": { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  },
  status: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
  },
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  progressBar: { flexGrow: 1 },
  main: { flexGrow: 1, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  footer: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
});

function browserStore(): KeyValueStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function officeThemeKind(mode: PaneMode): "light" | "dark" {
  if (mode !== "office" || typeof Office === "undefined") return "light";
  try {
    return themeKind(Office.context?.officeTheme);
  } catch {
    return "light";
  }
}

export function App({ runner, mode }: { runner: Runner; mode: PaneMode }) {
  const theme = officeThemeKind(mode) === "dark" ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme}>
      <Pane runner={runner} mode={mode} />
    </FluentProvider>
  );
}

function Pane({ runner, mode }: { runner: Runner; mode: PaneMode }) {
  const styles = useStyles();
  const services = useMemo(() => createServices(runner), [runner]);
  const [view, setView] = useState<ViewId>("setup");
  const [report, setReport] = useState<RefreshReport | null>(null);
  const [verify, setVerify] = useState<VerifyReport | null>(null);
  const [operation, setOperation] = useState<OperationState | null>(null);
  const [error, setError] = useState<FriendlyError | null>(null);
  const [shownNotice, setShownNotice] = useState<ShownNotice | null>(null);
  const [asOf, setAsOfState] = useState<Day | null>(null);
  const [actor, setActorState] = useState<string>(() => loadActor(browserStore()));
  const [hostLine, setHostLine] = useState<string>(mode === "preview" ? describeHost(undefined) : "Connecting to Office…");
  const ops = useMemo(() => new Operations(setOperation), []);
  const asOfRef = useRef<Day | null>(null);
  useWrappingMessageBars();
  // One outcome at a time, on the tab where it happened (logic/notices.ts).
  const viewRef = useRef<ViewId>(view);
  viewRef.current = view;
  const setNotice = useCallback((n: Notice | null) => setShownNotice(showNotice(n, viewRef.current)), []);
  const notice: Notice | null = shownNotice;
  useEffect(() => {
    setShownNotice((n) => noticeOnView(n, view));
  }, [view]);
  const autoRef = useRef<ReturnType<typeof services.autoRefresh> | null>(null);

  useEffect(() => {
    if (mode === "preview") return;
    let active = true;
    void detectHost().then((info) => {
      if (active) setHostLine(describeHost(info));
    });
    return () => {
      active = false;
    };
  }, [mode]);

  const run = useCallback(
    async <T,>(label: string, fn: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | undefined> => {
      setError(null);
      const outcome = await ops.run(label, fn, { cancellable: options.cancellable });
      switch (outcome.status) {
        case "done": {
          const text = options.success?.(outcome.value) ?? null;
          if (text) setNotice({ intent: "success", text });
          return outcome.value;
        }
        case "failed":
          setNotice(null);
          setError(describeError(outcome.error, options.doing));
          return undefined;
        case "cancelled":
          setNotice({ intent: "info", text: `${label.replace(/…$/, "")}: cancelled.` });
          return undefined;
        case "busy":
          if (options.quietIfBusy) return undefined;
          setNotice({ intent: "info", text: "Another operation is still running. Wait for it to finish, then try again." });
          return undefined;
      }
    },
    [ops, setNotice],
  );

  const readWorkbook = useCallback(
    async (quietIfBusy: boolean) => {
      const r = await run("Reading the workbook…", () => services.refresh(asOfRef.current), { cancellable: true, doing: "Refreshing", quietIfBusy });
      if (r) setReport(r);
    },
    [run, services],
  );
  const refresh = useCallback(() => readWorkbook(false), [readWorkbook]);

  const restartAutoRefresh = useCallback(() => {
    const auto = autoRef.current;
    if (!auto) return;
    auto.start().catch((e: unknown) => setError(describeError(e, "Following your edits")));
  }, []);

  // Follow edits in the goal tables, with the as-of date the pane uses.
  useEffect(() => {
    const auto = services.autoRefresh({
      asOf: () => asOfRef.current,
      onRefreshed: (r) => setReport(r),
      onError: (e) => setError(describeError(e, "Updating after your edit")),
    });
    autoRef.current = auto;
    let disposed = false;
    auto
      .start()
      .then(() => (disposed ? auto.stop() : undefined))
      .catch((e: unknown) => setError(describeError(e, "Following your edits")));
    return () => {
      disposed = true;
      autoRef.current = null;
      auto.stop().catch(() => undefined);
    };
  }, [services]);

  // Read the workbook on open.
  useEffect(() => {
    void readWorkbook(true);
  }, [readWorkbook]);

  // Verify the seal of every refresh (no round trip: the workbook is already loaded).
  useEffect(() => {
    if (!report) return;
    let active = true;
    verifyLoaded(report.workbook)
      .then((v) => {
        if (active) setVerify(v);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [report]);

  const api: PaneApi = useMemo(
    () => ({
      mode,
      services,
      report,
      verify,
      asOf,
      setAsOf: (d) => {
        asOfRef.current = d;
        setAsOfState(d);
      },
      actor,
      setActor: (name) => {
        const clean = saveActor(browserStore(), name);
        setActorState(clean);
        return clean;
      },
      operation,
      busy: operation !== null,
      run,
      cancel: () => {
        ops.cancel();
      },
      error,
      notice,
      showError: (e) => {
        setNotice(null);
        setError(e);
      },
      showNotice: setNotice,
      dismiss: () => {
        setError(null);
        setNotice(null);
      },
      refresh,
      setReport,
      restartAutoRefresh,
      autoRefreshOn: asOf === null,
      goTo: async (address) => {
        await run("Selecting the cell…", () => services.selectCell(address), { doing: "Going to the cell" });
      },
      openView: setView,
    }),
    [mode, services, report, verify, asOf, actor, operation, run, ops, error, notice, setNotice, refresh, restartAutoRefresh],
  );

  const sealBroken = verify?.sealed === true && verify.intact === false;

  const onTabBarKeyDown = useCallback((e: ReactKeyboardEvent<HTMLElement>) => {
    const tabs = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]'));
    const next = nextTabIndex(e.key, tabs.indexOf(e.target as HTMLElement), tabs.length);
    if (next === null) return;
    e.preventDefault();
    tabs[next].focus();
  }, []);
  // A tab given focus (keys, Tab, a click) scrolls fully into the bar when the pane is narrow:
  // focus() alone leaves a half-shown tab where it is.
  const onTabBarFocus = useCallback((e: ReactFocusEvent<HTMLElement>) => {
    const target = e.target;
    if (target.getAttribute("role") === "tab") target.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, []);

  return (
    <PaneContext.Provider value={api}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">Goal Scorecards</Title3>
          <Button appearance="subtle" onClick={() => void refresh()} disabled={api.busy} aria-label="Refresh">
            Refresh
          </Button>
        </header>
        <nav className={styles.tabsNav} aria-label="Views">
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={view}
            onTabSelect={(_, d) => setView(d.value as ViewId)}
            aria-label="Goal Scorecards views"
            // No Tabster arrow-key group: it puts focusable aria-hidden elements around
            // the tabs (axe: aria-hidden-focus, serious). The bar's keys are handled here
            // (roving tabindex, src/taskpane/logic/tabKeys.ts; docs/taskpane.md).
            data-tabster={undefined}
            onKeyDown={onTabBarKeyDown}
            onFocus={onTabBarFocus}
          >
            {VIEWS.map((v) => (
              <Tab key={v.id} id={`tab-${v.id}`} value={v.id} aria-controls={`panel-${v.id}`} tabIndex={v.id === view ? 0 : -1}>
                {v.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <div className={styles.status} aria-live="polite">
          {operation?.slow ? (
            <div className={styles.progress} data-testid="progress">
              <ProgressBar className={styles.progressBar} aria-label={operation.label} thickness="large" />
              <Caption1>{operation.label}</Caption1>
              {operation.cancellable ? (
                <Button size="small" onClick={() => ops.cancel()}>
                  Cancel
                </Button>
              ) : null}
            </div>
          ) : null}
          {error ? (
            <PaneMessage
              intent="error"
              data-testid="error"
              politeness="assertive"
              title={error.title}
              actions={
                <Button size="small" onClick={() => setError(null)}>
                  Dismiss
                </Button>
              }
            >
              {error.message} {error.action}
            </PaneMessage>
          ) : null}
          {notice && !error ? (
            <PaneMessage
              intent={notice.intent}
              data-testid="notice"
              actions={
                <Button size="small" onClick={() => setNotice(null)}>
                  Dismiss
                </Button>
              }
            >
              {notice.text}
            </PaneMessage>
          ) : null}
          {sealBroken && view !== "review" ? (
            <PaneMessage
              intent="warning"
              data-testid="seal-warning"
              title="Goals changed since the cycle was sealed"
              actions={
                <Button size="small" onClick={() => setView("review")}>
                  Open Review
                </Button>
              }
            >
              {verify?.differences.length ?? 0} difference(s) from the seal. See the Review tab.
            </PaneMessage>
          ) : null}
        </div>
        <main className={styles.main}>
          <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
            {view === "setup" ? <SetupView /> : null}
            {view === "check" ? <CheckView /> : null}
            {view === "scorecards" ? <ScorecardsView /> : null}
            {view === "cascade" ? <CascadeView /> : null}
            {view === "review" ? <ReviewView /> : null}
            {view === "settings" ? <SettingsView /> : null}
          </div>
        </main>
        <footer className={styles.footer}>
          <Body1 data-testid="host-line">{hostLine}</Body1>
        </footer>
      </div>
    </PaneContext.Provider>
  );
}
