/**
 * Cascade: the alignment tree (goals under the goals they support) with rolled-up
 * score, coverage and status per node; searchable; loops and unknown parents are
 * listed as problems. Selecting a node selects its row in the sheet.
 */
import { useMemo, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Tree,
  TreeItem,
  TreeItemLayout,
  TreeItemValue,
  TreeOpenChangeData,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { GoalResult } from "../../core/engine";
import type { LoadedWorkbook } from "../../excel/workbook";
import { percent, statusAppearance } from "../logic/format";
import { childrenOf, loopText, matchGoals, nodeKey, openKeysFor, rootsOf, unreachable, withAncestors } from "../logic/tree";
import { goalRowAddress } from "../logic/workbookView";
import { usePane } from "../pane";
import { NoGoals, ViewHeading, hasGoals, useViewStyles } from "./common";

const ROOTS_PAGE = 100;

const useStyles = makeStyles({
  node: { display: "flex", flexDirection: "column", minWidth: 0, paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  title: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  main: { minWidth: 0, overflow: "hidden", flexGrow: 1 },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  problems: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface NodeProps {
  path: number[];
  goals: readonly GoalResult[];
  visible: ReadonlySet<number> | null;
  open: ReadonlySet<TreeItemValue>;
  onSelect: (goal: number) => void;
}

function CascadeNode({ path, goals, visible, open, onSelect }: NodeProps) {
  const own = useStyles();
  const i = path[path.length - 1];
  const g = goals[i];
  const key = nodeKey(path);
  const kids = childrenOf(goals, path).filter((c) => visible === null || visible.has(c));
  const isOpen = open.has(key);
  const st = statusAppearance(g.status, g.blocked);
  const label = `${g.id ?? "(no ID)"} · ${g.title ?? "(no title)"}`;
  return (
    <TreeItem
      itemType={kids.length > 0 ? "branch" : "leaf"}
      value={key}
      onClick={() => onSelect(i)}
      aria-description={`${st.label}, rolled up ${percent(g.rolledUp)}, coverage ${percent(g.coverage)}`}
      data-testid="cascade-node"
    >
      <TreeItemLayout
        main={{ className: own.main }}
        aside={
          <Badge appearance="tint" color={st.color} size="small" className={own.badge}>
            {st.label}
          </Badge>
        }
      >
        <span className={own.node}>
          <Body1 className={own.title} title={label}>
            {label}
          </Body1>
          <Caption1>
            {percent(g.rolledUp)} rolled up · coverage {percent(g.coverage)}
            {g.owner ? ` · ${g.owner}` : ""}
          </Caption1>
        </span>
      </TreeItemLayout>
      {kids.length > 0 && isOpen ? (
        <Tree>
          {kids.map((c) => (
            <CascadeNode key={c} path={[...path, c]} goals={goals} visible={visible} open={open} onSelect={onSelect} />
          ))}
        </Tree>
      ) : null}
    </TreeItem>
  );
}

function rowOf(wb: LoadedWorkbook, goal: number): string | null {
  return goalRowAddress(wb, goal);
}

export function CascadeView() {
  const pane = usePane();
  const styles = useViewStyles();
  const own = useStyles();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<Set<TreeItemValue>>(new Set());
  const [rootsShown, setRootsShown] = useState(ROOTS_PAGE);
  const ev = pane.report?.evaluation ?? null;
  const wb = pane.report?.workbook ?? null;
  const goals = useMemo(() => ev?.goals ?? [], [ev]);

  const matched = useMemo(() => matchGoals(goals, query), [goals, query]);
  const visible = useMemo(() => (matched ? withAncestors(goals, matched) : null), [goals, matched]);
  const searchOpen = useMemo(() => (visible ? openKeysFor(goals, visible) : null), [goals, visible]);
  const roots = useMemo(() => rootsOf(goals).filter((r) => visible === null || visible.has(r)), [goals, visible]);
  const lost = useMemo(() => unreachable(goals), [goals]);
  const unknownParents = useMemo(() => (ev ? ev.findings.filter((f) => f.code === "R1") : []), [ev]);

  if (!ev || !wb || !hasGoals(pane))
    return (
      <section className={styles.view} data-testid="view-cascade" aria-labelledby="cascade-heading">
        <ViewHeading id="cascade-heading">Cascade</ViewHeading>
        <NoGoals what="show" />
      </section>
    );

  const select = (goal: number): void => {
    const address = rowOf(wb, goal);
    if (address) void pane.goTo(address);
  };
  const openItems = searchOpen ?? open;
  const onOpenChange = (_: unknown, data: TreeOpenChangeData): void => {
    if (searchOpen) {
      // While searching the open branches follow the search; a toggle starts from them.
      const next = new Set<TreeItemValue>(searchOpen);
      if (data.open) next.add(data.value);
      else next.delete(data.value);
      setQuery("");
      setOpen(next);
    } else setOpen(new Set(data.openItems));
  };

  return (
    <section className={styles.view} data-testid="view-cascade" aria-labelledby="cascade-heading">
      <ViewHeading id="cascade-heading">Cascade</ViewHeading>
      <Body1>How goals support each other. A goal with sub-goals shows their rolled-up score. Select a goal to go to its row.</Body1>
      {ev.cycles.length > 0 || unknownParents.length > 0 || lost.length > 0 ? (
        <MessageBar intent="warning" data-testid="cascade-problems">
          <MessageBarBody>
            <MessageBarTitle>Alignment problems</MessageBarTitle>
            <div className={own.problems}>
              {ev.cycles.map((c, k) => (
                <div key={`loop-${k}`} className={styles.row}>
                  <span>Loop: {loopText(goals, c)} support each other in a circle, so none of them can be rolled up. Change one Parent ID to break it.</span>
                  {c[0] !== undefined && rowOf(wb, c[0]) ? (
                    <Button size="small" onClick={() => select(c[0])}>
                      Go to {goals[c[0]]?.id ?? "goal"}
                    </Button>
                  ) : null}
                </div>
              ))}
              {unknownParents.map((f, k) => (
                <div key={`r1-${k}`} className={styles.row}>
                  <span>
                    {f.goal ?? "A goal"}: {f.message}
                  </span>
                  {f.cell ? (
                    <Button size="small" onClick={() => void pane.goTo(f.cell as string)} aria-label={`Go to cell ${f.cell}`}>
                      Go to cell
                    </Button>
                  ) : null}
                </div>
              ))}
              {lost.length > 0 && ev.cycles.length === 0 ? <span>{lost.length} goal(s) are not reachable from a top goal.</span> : null}
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="Search goals" size="small">
        <SearchBox size="small" value={query} onChange={(_, d) => setQuery(d.value)} placeholder="ID, title or owner" />
      </Field>
      {matched !== null ? (
        <Caption1 role="status">
          {matched.size === 0 ? "No goal matches." : `${matched.size} goal${matched.size === 1 ? "" : "s"} match, shown with the goals above them.`}
        </Caption1>
      ) : null}
      {roots.length > 0 ? (
        <Tree aria-label="Goal alignment" openItems={openItems} onOpenChange={onOpenChange} size="small" data-testid="cascade-tree">
          {roots.slice(0, rootsShown).map((r) => (
            <CascadeNode key={r} path={[r]} goals={goals} visible={visible} open={openItems} onSelect={select} />
          ))}
        </Tree>
      ) : matched === null ? (
        <Body1>No top goal: every goal names a parent. Check the loops above.</Body1>
      ) : null}
      {roots.length > rootsShown ? (
        <div>
          <Button onClick={() => setRootsShown(rootsShown + ROOTS_PAGE)}>Show more top goals ({roots.length - rootsShown} more)</Button>
        </div>
      ) : null}
    </section>
  );
}
