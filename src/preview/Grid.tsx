/**
 * A plain grid view of the in-memory workbook: sheet tabs, a formula bar, cells as
 * text (React escapes them: user text is never HTML), the selection from
 * `host.selection`, locked cells of protected sheets shown subtly. Editing goes
 * through `host.setCell`, as a user typing in Excel: protected cells are refused
 * with a friendly message, and the host is in cell-edit mode while the editor is open.
 *
 * What is shown is worked out in grid-model.ts; the selection is useSelection.ts; the
 * editing is CellEditor.tsx. This component renders them.
 */
import { KeyboardEvent, useMemo, useState, useSyncExternalStore } from "react";
import { ExcelHost } from "../excel-host";
import { cellName, columnLetters as columnName } from "../core/a1";
import { CellEditor, GridMessage, useCellEdit } from "./CellEditor";
import {
  ROW_HEAD_WIDTH,
  arrowTarget,
  blankBlock,
  buildSheetView,
  cellClass,
  cellTitle,
  describeError,
  editTextOf,
  gridKeyAction,
  contains,
  rangeText,
  sheetTabLabel,
  tableWidth,
  visibleTabs,
} from "./grid-model";
import { useSelection } from "./useSelection";
import { HostWatch } from "./watch";

function LockIcon() {
  return (
    <svg className="lock-icon" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.2" />
      <rect x="1" y="5" width="8" height="6.5" rx="1" fill="currentColor" />
    </svg>
  );
}

export function Grid({ host, watch }: { host: ExcelHost; watch: HostWatch }) {
  const version = useSyncExternalStore(watch.subscribe, watch.getVersion);
  const selection = useSelection(host, watch, version);
  const [showHidden, setShowHidden] = useState(false);
  const [message, setMessage] = useState<GridMessage | null>(null);
  const [password, setPassword] = useState("");

  const names = host.sheetNames();
  const { current, cursor, selected, tableRef, scrollRef } = selection;
  // `version` changes whenever the workbook may have changed: rebuild the view then.
  const view = useMemo(() => buildSheetView(host, current), [host, current, version]);
  const visibility = host.sheet(current)?.visibility ?? "Visible";
  const editor = useCellEdit(host, watch, view, selection, setMessage);
  const { edit } = editor;

  if (!view) return <p>The workbook has no sheets.</p>;

  const cursorName = cellName(cursor.r, cursor.c);

  const clearSelection = () => {
    const x = selected;
    try {
      host.setValues(view.name, cellName(x.r0, x.c0), blankBlock(x));
    } catch (e) {
      setMessage({ kind: "error", text: describeError(e, view.name, rangeText(x)) });
    }
    watch.changed();
  };

  const onGridKey = (e: KeyboardEvent<HTMLTableElement>) => {
    if (edit) return;
    const action = gridKeyAction(e);
    if (!action) return;
    e.preventDefault();
    if (action.type === "move") {
      const to = arrowTarget(cursor, selection.anchor, action);
      selection.moveTo(view, to.r, to.c, action.extend, true);
    } else if (action.type === "edit") editor.start(cursor.r, cursor.c, "cell");
    else if (action.type === "clear") clearSelection();
    else editor.start(cursor.r, cursor.c, "cell", action.text);
  };

  const switchSheet = (name: string) => {
    if (name === view.name) return;
    if (edit) editor.finish(true);
    selection.switchTo(name);
    setMessage(null);
  };

  const unprotect = () => {
    try {
      host.sheet(view.name)?.unprotect(view.hasPassword ? password : undefined);
      setMessage({ kind: "info", text: `"${view.name}" is no longer protected. Every cell can be edited, as in Excel after Review > Unprotect Sheet.` });
    } catch (e) {
      setMessage({ kind: "error", text: `The sheet stays protected: ${e instanceof Error ? e.message : String(e)}` });
    }
    setPassword("");
    watch.changed();
  };

  const barValue = edit ? edit.text : editTextOf(host, view.name, cursor.r, cursor.c);
  const tabs = visibleTabs(names, (n) => host.sheet(n)?.visibility, showHidden, view.name);

  return (
    <div className="grid-view" data-testid="grid">
      <div className="grid-toolbar">
        <label className="name-box">
          <span className="visually-hidden">Selected cell</span>
          <input readOnly value={rangeText(selected)} aria-label="Name box" data-testid="name-box" size={9} />
        </label>
        <span className="fx" aria-hidden="true">
          fx
        </span>
        <input
          className="formula-bar"
          aria-label={`Contents of ${cursorName}`}
          data-testid="formula-bar"
          value={barValue}
          onFocus={() => {
            if (!edit) editor.start(cursor.r, cursor.c, "bar");
          }}
          onChange={(e) => editor.setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              editor.finish(true);
              (e.target as HTMLInputElement).blur();
            } else if (e.key === "Escape") {
              e.preventDefault();
              editor.finish(false);
              (e.target as HTMLInputElement).blur();
            }
          }}
          onBlur={() => {
            if (edit?.where === "bar") editor.finish(true);
          }}
        />
      </div>
      {view.protected && (
        <div className="protected-note" data-testid="protected-note">
          <span>
            <LockIcon /> &ldquo;{view.name}&rdquo; is protected: locked cells (shaded) cannot be edited.
          </span>
          {view.hasPassword && (
            <input type="password" aria-label="Sheet password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="Password" />
          )}
          <button type="button" onClick={unprotect}>
            Unprotect sheet
          </button>
        </div>
      )}
      {message && (
        <div className={`grid-message ${message.kind}`} role={message.kind === "error" ? "alert" : "status"} data-testid="grid-message">
          <span>{message.text}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <div className="grid-scroll" ref={scrollRef}>
        <table
          ref={tableRef}
          className="grid"
          role="grid"
          aria-label={`Sheet ${view.name}`}
          aria-rowcount={view.rows}
          aria-colcount={view.cols}
          style={{ width: tableWidth(view) }}
          onKeyDown={onGridKey}
        >
          <colgroup>
            <col style={{ width: ROW_HEAD_WIDTH }} />
            {view.widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" scope="col">
                <span className="visually-hidden">Row</span>
              </th>
              {view.widths.map((_, c) => (
                <th key={c} scope="col" className={c >= selected.c0 && c <= selected.c1 ? "col-head on" : "col-head"}>
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.cells.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={r >= selected.r0 && r <= selected.r1 ? "row-head on" : "row-head"}>
                  {r + 1}
                </th>
                {row.map((cell, c) => {
                  const name = cellName(r, c);
                  const isCursor = r === cursor.r && c === cursor.c;
                  const inSel = contains(selected, r, c);
                  const editing = edit !== null && edit.where === "cell" && edit.r === r && edit.c === c;
                  return (
                    <td
                      key={c}
                      className={cellClass(cell, { editing, inSel, isCursor })}
                      data-cell={name}
                      tabIndex={isCursor ? 0 : -1}
                      aria-selected={inSel}
                      title={cellTitle(cell, name)}
                      style={{
                        background: cell.fill ?? undefined,
                        color: cell.color ?? undefined,
                        fontWeight: cell.bold ? 600 : undefined,
                        fontStyle: cell.italic ? "italic" : undefined,
                      }}
                      onMouseDown={(e) => {
                        if (editing) return;
                        e.preventDefault();
                        (e.currentTarget as HTMLElement).focus();
                        if (e.shiftKey) selection.extendTo(view.name, { r, c });
                        else selection.moveTo(view, r, c, false);
                      }}
                      onDoubleClick={() => editor.start(r, c, "cell")}
                    >
                      {editing ? <CellEditor name={name} text={edit.text} onText={editor.setText} onFinish={editor.finish} /> : cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {view.truncated && (
          <p className="truncated">
            Showing the first {view.rows} rows and {view.cols} columns.
          </p>
        )}
      </div>
      <div className="sheet-tabs">
        <nav aria-label="Sheets">
          {tabs.map((n) => {
            const hs = host.sheet(n);
            const vis = hs?.visibility ?? "Visible";
            const label = sheetTabLabel(n, vis);
            return (
              <button
                key={n}
                type="button"
                className={["sheet-tab", n === view.name ? "current" : "", vis !== "Visible" ? "hidden-sheet" : ""].filter(Boolean).join(" ")}
                aria-pressed={n === view.name}
                aria-label={hs?.protected ? `${label}, protected` : label}
                onClick={() => switchSheet(n)}
              >
                {label}
                {hs?.protected ? (
                  <>
                    {" "}
                    <LockIcon />
                  </>
                ) : null}
              </button>
            );
          })}
        </nav>
        <label className="show-hidden">
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> Show hidden sheets
        </label>
        {visibility !== "Visible" && <span className="hidden-note">This sheet is {visibility === "Hidden" ? "hidden" : "very hidden"} in Excel.</span>}
      </div>
    </div>
  );
}
