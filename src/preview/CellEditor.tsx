/**
 * Editing a cell, in the cell or in the formula bar: the edit's state (useCellEdit) and
 * the input shown in the cell (CellEditor). Edits go through `host.setCell`, as a user
 * typing in Excel: protected cells are refused with a friendly message, and the host is
 * in cell-edit mode while the editor is open.
 */
import { useEffect, useState } from "react";
import type { ExcelHost } from "../excel-host";
import { cellName } from "../core/a1";
import { SheetView, describeError, editTextOf, editorKeyAction } from "./grid-model";
import type { Selection } from "./useSelection";
import type { HostWatch } from "./watch";

/** A message above the grid: a refused edit, or what unprotecting did. */
export interface GridMessage {
  kind: "error" | "info";
  text: string;
}

/** The cell being edited: where, what is typed, what it held, and whether in the cell or in the formula bar. */
export interface Editing {
  r: number;
  c: number;
  text: string;
  initial: string;
  where: "cell" | "bar";
}

export interface CellEdit {
  edit: Editing | null;
  /** Opens the editor on a cell with its edit text, or with a character typed over it. */
  start: (r: number, c: number, where: "cell" | "bar", typed?: string) => void;
  /** Closes the editor: writes what was typed when `commit` and it changed; then moves by `move`, or back to the cell. */
  finish: (commit: boolean, move?: { dr: number; dc: number }) => void;
  /** What is typed now. */
  setText: (text: string) => void;
}

export function useCellEdit(
  host: ExcelHost,
  watch: HostWatch,
  view: SheetView | null,
  selection: Selection,
  onMessage: (m: GridMessage | null) => void,
): CellEdit {
  const [edit, setEdit] = useState<Editing | null>(null);

  // Leave cell-edit mode if the grid goes away while editing.
  useEffect(
    () => () => {
      host.editing = false;
    },
    [host],
  );

  const start = (r: number, c: number, where: "cell" | "bar", typed?: string) => {
    if (!view) return;
    const initial = editTextOf(host, view.name, r, c);
    host.editing = true;
    onMessage(null);
    setEdit({ r, c, text: typed ?? initial, initial, where });
  };

  const finish = (commit: boolean, move?: { dr: number; dc: number }) => {
    if (!edit || !view) return;
    const { r, c, text, initial } = edit;
    setEdit(null);
    host.editing = false;
    if (commit && text !== initial) {
      const a1 = cellName(r, c);
      try {
        host.setCell(view.name, a1, text);
      } catch (e) {
        onMessage({ kind: "error", text: describeError(e, view.name, a1) });
      }
      watch.changed();
    }
    if (move) selection.moveTo(view, r + move.dr, c + move.dc, false, true);
    else if (edit.where === "cell") selection.focusAt({ r, c });
  };

  const setText = (text: string) => setEdit((x) => (x ? { ...x, text } : x));

  return { edit, start, finish, setText };
}

/** The input in the cell being edited: Enter/Tab commit and move, Escape cancels, leaving it commits. */
export function CellEditor({
  name,
  text,
  onText,
  onFinish,
}: {
  name: string;
  text: string;
  onText: (text: string) => void;
  onFinish: (commit: boolean, move?: { dr: number; dc: number }) => void;
}) {
  return (
    <input
      className="cell-editor"
      aria-label={`Edit ${name}`}
      autoFocus
      value={text}
      onChange={(e) => onText(e.target.value)}
      onKeyDown={(e) => {
        const action = editorKeyAction(e);
        if (!action) return;
        e.preventDefault();
        if (action.commit) onFinish(true, action.move);
        else onFinish(false);
      }}
      onBlur={() => onFinish(true)}
    />
  );
}
