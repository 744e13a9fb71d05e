/**
 * The preview grid's selection: the sheet shown, the cursor and the anchor (the far
 * corner of a range). It follows the add-in (when it activates a sheet or selects a
 * range, the grid shows it) and pushes the user's clicks and keys back to
 * `host.selection`, so it is the workbook's selection on a visible sheet. It keeps the
 * cursor in sight, and a sheet opens at its top left, as in Excel.
 */
import { RefObject, useEffect, useRef, useState } from "react";
import type { ExcelHost } from "../excel-host";
import { addressRect as parseRect, cellName } from "../core/a1";
import { Point, Rect, clampPoint, normalize, rangeText, resolveSheet, selectionAt } from "./grid-model";
import type { HostWatch } from "./watch";

/** The sheet a move happens on: its name and size. */
export interface Bounds {
  name: string;
  rows: number;
  cols: number;
}

export interface Selection {
  /** The sheet shown: the one chosen while it exists, else the active one, else the first. */
  current: string;
  cursor: Point;
  anchor: Point | null;
  /** The selected rectangle, between the cursor and the anchor. */
  selected: Rect;
  /** The grid's table (cells are found in it by `data-cell`) and its scrolling box. */
  tableRef: RefObject<HTMLTableElement>;
  scrollRef: RefObject<HTMLDivElement>;
  /** Moves the cursor (or, extending, the anchor) to a cell, kept inside the sheet; `focus` focuses it after keyboard moves. */
  moveTo(sheet: Bounds, r: number, c: number, extend: boolean, focus?: boolean): void;
  /** Extends the selection from the cursor to a cell (a Shift-click). */
  extendTo(sheet: string, p: Point): void;
  /** Puts the cursor on a cell and focuses it (after editing in the cell). */
  focusAt(p: Point): void;
  /** Shows another sheet, where the workbook's selection is when it is on that sheet (else at A1), and activates it. */
  switchTo(name: string): void;
}

export function useSelection(host: ExcelHost, watch: HostWatch, version: number): Selection {
  const [sheetName, setSheetName] = useState<string>(() => host.activeSheet ?? host.sheetNames()[0] ?? "");
  const [cursor, setCursor] = useState<Point>({ r: 0, c: 0 });
  const [anchor, setAnchor] = useState<Point | null>(null);
  const seen = useRef<{ active: string | null; selection: string }>({ active: null, selection: "" });
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusCursor = useRef(false);

  // Follow the add-in: when it activates a sheet or selects a range, show it.
  useEffect(() => {
    const active = host.activeSheet;
    const sel = host.selection;
    const key = sel ? `${sel.sheet}!${sel.address}` : "";
    if (active !== seen.current.active && active) {
      setSheetName(active);
      const x = sel && sel.sheet === active ? parseRect(sel.address) : null;
      setCursor(selectionAt(x).cursor);
      setAnchor(null);
    }
    if (key !== seen.current.selection && sel) {
      setSheetName(sel.sheet);
      const x = parseRect(sel.address);
      if (x) {
        const at = selectionAt(x);
        setCursor(at.cursor);
        setAnchor(at.anchor);
      }
    }
    seen.current = { active, selection: key };
  }, [host, version]);

  const current = resolveSheet(sheetName, (n) => Boolean(host.sheet(n)), host.activeSheet, host.sheetNames());

  // A sheet opens at its top left, as in Excel.
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

  const pushSelection = (sheet: string, x: Rect) => {
    const hs = host.sheet(sheet);
    if (!hs || hs.visibility !== "Visible") return;
    const address = rangeText(x);
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

  const moveTo = (sheet: Bounds, r: number, c: number, extend: boolean, focus = false) => {
    const next = clampPoint({ r, c }, sheet.rows, sheet.cols);
    focusCursor.current = focus;
    // With an extended selection the cursor stays put and the anchor's far corner moves.
    if (extend) {
      setAnchor(next);
      pushSelection(sheet.name, normalize(cursor, next));
      if (focus) tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cellName(cursor.r, cursor.c)}"]`)?.focus();
      return;
    }
    setCursor(next);
    setAnchor(null);
    pushSelection(sheet.name, normalize(next, next));
  };

  const extendTo = (sheet: string, p: Point) => {
    setAnchor(p);
    pushSelection(sheet, normalize(cursor, p));
  };

  const focusAt = (p: Point) => {
    focusCursor.current = true;
    setCursor(p);
  };

  const switchTo = (name: string) => {
    setSheetName(name);
    // Start where the workbook's selection is when it is on that sheet, else at A1.
    const sel = host.selection;
    const at = selectionAt(sel && sel.sheet === name ? parseRect(sel.address) : null);
    setCursor(at.cursor);
    setAnchor(at.anchor);
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

  return { current, cursor, anchor, selected: normalize(cursor, anchor ?? cursor), tableRef, scrollRef, moveTo, extendTo, focusAt, switchTo };
}
