/**
 * A plain grid view of the in-memory workbook: sheet tabs, a formula bar, cells as
 * text (React escapes them: user text is never HTML), the selection from
 * `host.selection`, locked cells of protected sheets shown subtly. Editing goes
 * through `host.setCell`, as a user typing in Excel: protected cells are refused
 * with a friendly message, and the host is in cell-edit mode while the editor is open.
 */
import { KeyboardEvent, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { ExcelHost, HostProtectionError } from "../excel-host";
import { literalText } from "../excel/cell-values";
import { addressRect as parseRect, cellName, columnLetters as columnName } from "../core/a1";
import { formattedText as displayText } from "../excel-host/number-format";
import { HostWatch } from "./watch";

type Kind = "empty" | "number" | "text" | "bool" | "error";

interface CellView {
  text: string;
  kind: Kind;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  color: string | null;
  locked: boolean;
  tableHeader: boolean;
  /** Text that may overflow into the empty cell on its right. */
  spill: boolean;
}

interface SheetView {
  name: string;
  rows: number;
  cols: number;
  cells: CellView[][];
  widths: number[];
  protected: boolean;
  hasPassword: boolean;
  truncated: boolean;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const ROW_HEAD_WIDTH = 44;
const MIN_ROWS = 30;
const MIN_COLS = 12;
const MAX_ROWS = 1000;
const MAX_COLS = 80;
const ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|BUSY!|CALC!|FIELD!|GETTING_DATA)$/;

function buildSheetView(host: ExcelHost, name: string): SheetView | null {
  const hs = host.sheet(name);
  if (!hs) return null;
  const used = hs.model.usedRect(false);
  const wantRows = Math.max(MIN_ROWS, used ? used.r1 + 6 : 0);
  const wantCols = Math.max(MIN_COLS, used ? used.c1 + 3 : 0);
  const rows = Math.min(MAX_ROWS, wantRows);
  const cols = Math.min(MAX_COLS, wantCols);
  const values = host.getValues(name, `A1:${cellName(rows - 1, cols - 1)}`);
  const isProtected = hs.protected;

  const headers: Rect[] = [];
  for (const t of host.tableNames()) {
    const table = host.table(t);
    if (!table || table.sheet !== hs.name) continue;
    const x = parseRect(table.address);
    if (x) headers.push({ ...x, r1: x.r0 });
  }
  const containsText: { rect: Rect; text: string; fill: string | null; color: string | null; bold: boolean | null }[] = [];
  for (const cf of hs.conditionalFormats) {
    const text = cf.rule["text"];
    const x = parseRect(cf.address);
    if (x && typeof text === "string" && text !== "") containsText.push({ rect: x, text: text.toLowerCase(), fill: cf.fill, color: cf.fontColor, bold: cf.fontBold });
  }
  const inside = (x: Rect, r: number, c: number) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1;

  const widths = Array.from({ length: cols }, () => 4);
  const cells: CellView[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellView[] = [];
    for (let c = 0; c < cols; c++) {
      const v = values[r]?.[c];
      let kind: Kind;
      let text: string;
      if (v === null || v === undefined || v === "") {
        kind = "empty";
        text = "";
      } else if (typeof v === "number") {
        kind = "number";
        text = displayText(v, host.getNumberFormat(name, cellName(r, c)));
      } else if (typeof v === "boolean") {
        kind = "bool";
        text = displayText(v, "General");
      } else {
        text = String(v);
        kind = ERROR.test(text) ? "error" : "text";
      }
      const m = hs.model;
      let fill = m.format("fill", r, c);
      let color: string | null = m.format("fontColor", r, c);
      let bold = m.format("fontBold", r, c);
      if (kind === "text" && containsText.length > 0) {
        const lower = text.toLowerCase();
        const cf = containsText.find((f) => inside(f.rect, r, c) && lower.includes(f.text));
        if (cf) {
          fill = cf.fill ?? fill;
          color = cf.color ?? color;
          bold = cf.bold ?? bold;
        }
      }
      const tableHeader = headers.some((x) => inside(x, r, c));
      row.push({
        text,
        kind,
        fill,
        bold: bold || tableHeader,
        italic: m.format("fontItalic", r, c),
        color: color === "#000000" ? null : color,
        locked: isProtected && m.format("locked", r, c),
        tableHeader,
        spill: false,
      });
    }
    cells.push(row);
  }
  // Column widths from the text that cannot spill into an empty neighbour (as a title
  // in A1 spills in Excel); text with an empty cell to its right spills over it.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = cells[r][c];
      if (cell.kind === "empty") continue;
      const spills = cell.kind === "text" && c + 1 < cols && cells[r][c + 1].kind === "empty";
      cell.spill = spills;
      if (!spills) widths[c] = Math.max(widths[c], Math.min(40, cell.text.length));
    }
  }
  return {
    name: hs.name,
    rows,
    cols,
    cells,
    widths: widths.map((n) => Math.max(56, Math.min(320, Math.ceil(n * 7.6) + 16))),
    protected: isProtected,
    hasPassword: hs.hasPassword,
    truncated: rows < wantRows || cols < wantCols,
  };
}

function LockIcon() {
  return (
    <svg className="lock-icon" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.2" />
      <rect x="1" y="5" width="8" height="6.5" rx="1" fill="currentColor" />
    </svg>
  );
}

function normalize(a: { r: number; c: number }, b: { r: number; c: number }): Rect {
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

function rectAddress(x: Rect): string {
  const a = cellName(x.r0, x.c0);
  return x.r0 === x.r1 && x.c0 === x.c1 ? a : `${a}:${cellName(x.r1, x.c1)}`;
}

function describeError(e: unknown, sheet: string, address: string): string {
  if (e instanceof HostProtectionError) {
    return `${address} is locked: "${sheet}" is a protected sheet, so Excel would refuse this edit too. Locked columns change through the task pane (a change request); or unprotect the sheet first.`;
  }
  return `Could not change ${address}: ${e instanceof Error ? e.message : String(e)}`;
}

export function Grid({ host, watch }: { host: ExcelHost; watch: HostWatch }) {
  const version = useSyncExternalStore(watch.subscribe, watch.getVersion);
  const [sheetName, setSheetName] = useState<string>(() => host.activeSheet ?? host.sheetNames()[0] ?? "");
  const [showHidden, setShowHidden] = useState(false);
  const [cursor, setCursor] = useState({ r: 0, c: 0 });
  const [anchor, setAnchor] = useState<{ r: number; c: number } | null>(null);
  const [edit, setEdit] = useState<{ r: number; c: number; text: string; initial: string; where: "cell" | "bar" } | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [password, setPassword] = useState("");
  const seen = useRef<{ active: string | null; selection: string }>({ active: null, selection: "" });
  const tableRef = useRef<HTMLTableElement>(null);
  const focusCursor = useRef(false);

  // Follow the add-in: when it activates a sheet or selects a range, show it.
  useEffect(() => {
    const active = host.activeSheet;
    const sel = host.selection;
    const key = sel ? `${sel.sheet}!${sel.address}` : "";
    if (active !== seen.current.active && active) {
      setSheetName(active);
      const x = sel && sel.sheet === active ? parseRect(sel.address) : null;
      setCursor(x ? { r: x.r0, c: x.c0 } : { r: 0, c: 0 });
      setAnchor(null);
    }
    if (key !== seen.current.selection && sel) {
      setSheetName(sel.sheet);
      const x = parseRect(sel.address);
      if (x) {
        setCursor({ r: x.r0, c: x.c0 });
        setAnchor(x.r0 === x.r1 && x.c0 === x.c1 ? null : { r: x.r1, c: x.c1 });
      }
    }
    seen.current = { active, selection: key };
  }, [host, version]);

  const names = host.sheetNames();
  const current = host.sheet(sheetName) ? sheetName : (host.activeSheet ?? names[0] ?? "");
  // `version` changes whenever the workbook may have changed: rebuild the view then.
  const view = useMemo(() => buildSheetView(host, current), [host, current, version]);
  const visibility = host.sheet(current)?.visibility ?? "Visible";

  // A sheet opens at its top left, as in Excel.
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0, left: 0 });
  }, [current]);

  // Keep the cursor in sight (the add-in may select a cell far down); focus it after keyboard moves.
  useEffect(() => {
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cellName(cursor.r, cursor.c)}"]`);
    if (!el) return;
    if (focusCursor.current) el.focus();
    else el.scrollIntoView({ block: "nearest", inline: "nearest" });
    focusCursor.current = false;
  }, [cursor, current]);

  // Leave cell-edit mode if the grid goes away while editing.
  useEffect(
    () => () => {
      host.editing = false;
    },
    [host],
  );

  if (!view) return <p>The workbook has no sheets.</p>;

  // The cursor and anchor follow host.selection (the effect above) and push the user's
  // clicks back to it, so this is the workbook's selection on a visible sheet.
  const selected: Rect = normalize(cursor, anchor ?? cursor);
  const cursorName = cellName(cursor.r, cursor.c);

  const pushSelection = (sheet: string, x: Rect) => {
    const hs = host.sheet(sheet);
    if (!hs || hs.visibility !== "Visible") return;
    const address = rectAddress(x);
    seen.current = { active: hs.name, selection: `${hs.name}!${address}` };
    host
      .run({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem(hs.name).getRange(address).select();
        await context.sync();
      })
      .then(
        () => watch.changed(),
        () => undefined,
      );
  };

  const moveTo = (r: number, c: number, extend: boolean, focus = false) => {
    const next = { r: Math.max(0, Math.min(view.rows - 1, r)), c: Math.max(0, Math.min(view.cols - 1, c)) };
    const newAnchor = extend ? (anchor ?? cursor) : null;
    focusCursor.current = focus;
    // With an extended selection the cursor stays put and the anchor's far corner moves.
    if (extend) {
      setAnchor(next);
      pushSelection(view.name, normalize(cursor, next));
      if (focus) tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cursorName}"]`)?.focus();
      return;
    }
    setCursor(next);
    setAnchor(newAnchor);
    pushSelection(view.name, normalize(next, next));
  };

  const editTextOf = (r: number, c: number): string => {
    const a1 = cellName(r, c);
    const f = host.getFormula(view.name, a1);
    if (typeof f === "string" && f.startsWith("=")) return f;
    const v = host.getValue(view.name, a1);
    if (typeof v === "number") {
      const nf = host.getNumberFormat(view.name, a1);
      return /%|[yd]/i.test(nf) ? displayText(v, nf) : String(v);
    }
    if (typeof v === "string") return ERROR.test(v) ? v : literalText(v);
    return v === null || v === undefined ? "" : String(v);
  };

  const startEdit = (r: number, c: number, where: "cell" | "bar", typed?: string) => {
    const initial = editTextOf(r, c);
    host.editing = true;
    setMessage(null);
    setEdit({ r, c, text: typed ?? initial, initial, where });
  };

  const finishEdit = (commit: boolean, move?: { dr: number; dc: number }) => {
    if (!edit) return;
    const { r, c, text, initial } = edit;
    setEdit(null);
    host.editing = false;
    if (commit && text !== initial) {
      const a1 = cellName(r, c);
      try {
        host.setCell(view.name, a1, text);
      } catch (e) {
        setMessage({ kind: "error", text: describeError(e, view.name, a1) });
      }
      watch.changed();
    }
    if (move) moveTo(r + move.dr, c + move.dc, false, true);
    else if (edit.where === "cell") {
      focusCursor.current = true;
      setCursor({ r, c });
    }
  };

  const clearSelection = () => {
    const x = selected;
    const rows = Array.from({ length: x.r1 - x.r0 + 1 }, () => Array.from({ length: x.c1 - x.c0 + 1 }, () => ""));
    try {
      host.setValues(view.name, cellName(x.r0, x.c0), rows);
    } catch (e) {
      setMessage({ kind: "error", text: describeError(e, view.name, rectAddress(x)) });
    }
    watch.changed();
  };

  const onGridKey = (e: KeyboardEvent<HTMLTableElement>) => {
    if (edit) return;
    const { r, c } = anchor && e.shiftKey ? anchor : cursor;
    const step: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (step[e.key]) {
      e.preventDefault();
      moveTo(r + step[e.key][0], c + step[e.key][1], e.shiftKey, true);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(cursor.r, cursor.c, "cell");
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      clearSelection();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(cursor.r, cursor.c, "cell", e.key);
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      finishEdit(true, { dr: e.shiftKey ? -1 : 1, dc: 0 });
    } else if (e.key === "Tab") {
      e.preventDefault();
      finishEdit(true, { dr: 0, dc: e.shiftKey ? -1 : 1 });
    } else if (e.key === "Escape") {
      e.preventDefault();
      finishEdit(false);
    }
  };

  const switchSheet = (name: string) => {
    if (name === view.name) return;
    if (edit) finishEdit(true);
    setSheetName(name);
    // Start where the workbook's selection is when it is on that sheet, else at A1.
    const sel = host.selection;
    const x = sel && sel.sheet === name ? parseRect(sel.address) : null;
    setCursor(x ? { r: x.r0, c: x.c0 } : { r: 0, c: 0 });
    setAnchor(x && (x.r0 !== x.r1 || x.c0 !== x.c1) ? { r: x.r1, c: x.c1 } : null);
    setMessage(null);
    const hs = host.sheet(name);
    if (hs && hs.visibility === "Visible") {
      seen.current = { ...seen.current, active: hs.name };
      host
        .run({ delayForCellEdit: true }, async (context) => {
          context.workbook.worksheets.getItem(hs.name).activate();
          await context.sync();
        })
        .then(
          () => watch.changed(),
          () => undefined,
        );
    }
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

  const barValue = edit ? edit.text : editTextOf(cursor.r, cursor.c);
  const tabs = names.filter((n) => showHidden || host.sheet(n)?.visibility === "Visible" || n === view.name);

  return (
    <div className="grid-view" data-testid="grid">
      <div className="grid-toolbar">
        <label className="name-box">
          <span className="visually-hidden">Selected cell</span>
          <input readOnly value={rectAddress(selected)} aria-label="Name box" data-testid="name-box" size={9} />
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
            if (!edit) startEdit(cursor.r, cursor.c, "bar");
          }}
          onChange={(e) => setEdit((x) => (x ? { ...x, text: e.target.value } : x))}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              finishEdit(true);
              (e.target as HTMLInputElement).blur();
            } else if (e.key === "Escape") {
              e.preventDefault();
              finishEdit(false);
              (e.target as HTMLInputElement).blur();
            }
          }}
          onBlur={() => {
            if (edit?.where === "bar") finishEdit(true);
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
          style={{ width: ROW_HEAD_WIDTH + view.widths.reduce((a, b) => a + b, 0) }}
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
                  const inSel = r >= selected.r0 && r <= selected.r1 && c >= selected.c0 && c <= selected.c1;
                  const editing = edit !== null && edit.where === "cell" && edit.r === r && edit.c === c;
                  const cls = ["cell", cell.kind, cell.spill && !editing ? "spill" : "", cell.locked ? "locked" : "", cell.tableHeader ? "table-header" : "", inSel ? "selected" : "", isCursor ? "cursor" : ""]
                    .filter(Boolean)
                    .join(" ");
                  return (
                    <td
                      key={c}
                      className={cls}
                      data-cell={name}
                      tabIndex={isCursor ? 0 : -1}
                      aria-selected={inSel}
                      title={cell.locked ? `${name} (locked)${cell.text ? `: ${cell.text}` : ""}` : cell.text.length > 12 ? cell.text : undefined}
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
                        if (e.shiftKey) {
                          setAnchor({ r, c });
                          pushSelection(view.name, normalize(cursor, { r, c }));
                        } else moveTo(r, c, false);
                      }}
                      onDoubleClick={() => startEdit(r, c, "cell")}
                    >
                      {editing ? (
                        <input
                          className="cell-editor"
                          aria-label={`Edit ${name}`}
                          autoFocus
                          value={edit.text}
                          onChange={(e) => setEdit((x) => (x ? { ...x, text: e.target.value } : x))}
                          onKeyDown={onEditorKey}
                          onBlur={() => finishEdit(true)}
                        />
                      ) : (
                        cell.text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {view.truncated && <p className="truncated">Showing the first {view.rows} rows and {view.cols} columns.</p>}
      </div>
      <div className="sheet-tabs">
        <nav aria-label="Sheets">
          {tabs.map((n) => {
            const hs = host.sheet(n);
            const vis = hs?.visibility ?? "Visible";
            const label = vis === "Visible" ? n : `${n} (${vis === "Hidden" ? "hidden" : "very hidden"})`;
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
