/**
 * The preview grid's view model: which cells it shows and how, the selection's
 * geometry, what the keys do, the text a cell is edited as, and refused edits in words.
 */
import { HostProtectionError } from "../../src/excel-host";
import {
  CellView,
  MAX_COLS,
  MAX_ROWS,
  MIN_COLS,
  MIN_ROWS,
  ROW_HEAD_WIDTH,
  arrowTarget,
  blankBlock,
  buildSheetView,
  cellClass,
  cellText,
  cellTitle,
  clampPoint,
  columnWidth,
  describeError,
  editText,
  editTextOf,
  editorKeyAction,
  gridKeyAction,
  gridSize,
  contains,
  layoutColumns,
  normalize,
  rangeText,
  resolveSheet,
  selectionAt,
  sheetTabLabel,
  tableWidth,
  visibleTabs,
} from "../../src/preview/grid-model";
import { newHost } from "../excel/fixtures";

function cell(text: string, kind: CellView["kind"] = text === "" ? "empty" : "text"): CellView {
  return { text, kind, fill: null, bold: false, italic: false, color: null, locked: false, tableHeader: false, spill: false };
}

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("which cells to show", () => {
  test("the used range and a margin, at least 30 × 12, at most 1000 × 80", () => {
    expect(gridSize(null)).toEqual({ rows: MIN_ROWS, cols: MIN_COLS, truncated: false });
    expect(gridSize({ r0: 0, c0: 0, r1: 3, c1: 2 })).toEqual({ rows: MIN_ROWS, cols: MIN_COLS, truncated: false });
    expect(gridSize({ r0: 0, c0: 0, r1: 99, c1: 19 })).toEqual({ rows: 105, cols: 22, truncated: false });
    expect(gridSize({ r0: 0, c0: 0, r1: 5000, c1: 200 })).toEqual({ rows: MAX_ROWS, cols: MAX_COLS, truncated: true });
    expect(gridSize({ r0: 0, c0: 0, r1: 10, c1: MAX_COLS }).truncated).toBe(true);
  });
  test("a value's kind and text; the number format is read only for numbers", () => {
    const nf = jest.fn(() => "0.0%");
    expect(cellText(null, nf)).toEqual({ kind: "empty", text: "" });
    expect(cellText(undefined, nf)).toEqual({ kind: "empty", text: "" });
    expect(cellText("", nf)).toEqual({ kind: "empty", text: "" });
    expect(cellText(true, nf)).toEqual({ kind: "bool", text: "TRUE" });
    expect(cellText("#N/A", nf)).toEqual({ kind: "error", text: "#N/A" });
    expect(cellText("#DIV/0!", nf)).toEqual({ kind: "error", text: "#DIV/0!" });
    expect(cellText("#hashtag", nf)).toEqual({ kind: "text", text: "#hashtag" });
    expect(cellText("<b>x</b>", nf)).toEqual({ kind: "text", text: "<b>x</b>" });
    expect(nf).not.toHaveBeenCalled();
    expect(cellText(0.125, nf)).toEqual({ kind: "number", text: "12.5%" });
    expect(nf).toHaveBeenCalledTimes(1);
  });
  test("text spills into an empty right neighbour; widths come from text that cannot", () => {
    const cells = [
      [cell("A long title that spills over"), cell(""), cell("")],
      [cell("ID"), cell("A rather long value here"), cell("12", "number")],
    ];
    const widths = layoutColumns(cells, 3);
    expect(cells[0][0].spill).toBe(true);
    expect(cells[1][0].spill).toBe(false);
    // The last column's text cannot spill (no neighbour), nor numbers.
    expect(cells[1][1].spill).toBe(false);
    expect(cells[1][2].spill).toBe(false);
    expect(widths).toEqual([columnWidth(2), columnWidth(24), columnWidth(4)]);
    expect(columnWidth(0)).toBe(56);
    expect(columnWidth(40)).toBe(320);
    expect(columnWidth(10)).toBe(92);
    expect(tableWidth({ widths: [56, 100] })).toBe(ROW_HEAD_WIDTH + 156);
  });
  test("a sheet of the host: texts, kinds, table headers in bold, locked cells only when protected", () => {
    const host = newHost();
    host.addSheet("Goals");
    host.setValues("Goals", "A1", [
      ["Goal ID", "Weight"],
      ["G-1", "40%"],
      ["G-2", "#N/A"],
    ]);
    host.addTable("Goals", "A1:B3", "Goals");
    host.setCell("Goals", "D1", "A note that spills");
    expect(buildSheetView(host, "Nowhere")).toBeNull();
    const view = buildSheetView(host, "goals")!;
    expect(view).toMatchObject({ name: "Goals", rows: MIN_ROWS, cols: MIN_COLS, protected: false, hasPassword: false, truncated: false });
    expect(view.cells).toHaveLength(MIN_ROWS);
    expect(view.cells[0]).toHaveLength(MIN_COLS);
    expect(view.cells[0][0]).toMatchObject({ text: "Goal ID", kind: "text", tableHeader: true, bold: true, locked: false });
    expect(view.cells[1][0]).toMatchObject({ text: "G-1", tableHeader: false, bold: false });
    expect(view.cells[1][1]).toMatchObject({ text: "40%", kind: "number" });
    expect(view.cells[2][1]).toMatchObject({ text: "#N/A", kind: "error" });
    expect(view.cells[0][3]).toMatchObject({ text: "A note that spills", spill: true });
    expect(view.widths).toHaveLength(MIN_COLS);
    host.sheet("Goals")!.protect();
    const locked = buildSheetView(host, "Goals")!;
    expect(locked.protected).toBe(true);
    expect(locked.cells[1][0].locked).toBe(true);
  });
  test("a cell's classes and tooltip", () => {
    const c = { ...cell("A long title here"), spill: true, locked: true, tableHeader: true };
    expect(cellClass(c, { editing: false, inSel: true, isCursor: true })).toBe("cell text spill locked table-header selected cursor");
    expect(cellClass(c, { editing: true, inSel: false, isCursor: false })).toBe("cell text locked table-header");
    expect(cellClass(cell(""), { editing: false, inSel: false, isCursor: false })).toBe("cell empty");
    expect(cellTitle(c, "B4")).toBe("B4 (locked): A long title here");
    expect(cellTitle({ locked: true, text: "" }, "B4")).toBe("B4 (locked)");
    expect(cellTitle({ locked: false, text: "Short" }, "B4")).toBeUndefined();
    expect(cellTitle({ locked: false, text: "Longer than twelve" }, "B4")).toBe("Longer than twelve");
  });
  test("sheet tabs: hidden ones only when asked, or when current; their labels", () => {
    const vis: Record<string, string> = { Goals: "Visible", Meta: "VeryHidden", Old: "Hidden" };
    expect(visibleTabs(["Goals", "Meta", "Old"], (n) => vis[n], false, "Goals")).toEqual(["Goals"]);
    expect(visibleTabs(["Goals", "Meta", "Old"], (n) => vis[n], false, "Old")).toEqual(["Goals", "Old"]);
    expect(visibleTabs(["Goals", "Meta", "Old"], (n) => vis[n], true, "Goals")).toEqual(["Goals", "Meta", "Old"]);
    expect(sheetTabLabel("Goals", "Visible")).toBe("Goals");
    expect(sheetTabLabel("Old", "Hidden")).toBe("Old (hidden)");
    expect(sheetTabLabel("Meta", "VeryHidden")).toBe("Meta (very hidden)");
  });
  test("the sheet shown: the one asked for while it exists, else the active one, else the first", () => {
    const exists = (n: string) => n === "A" || n === "B";
    expect(resolveSheet("B", exists, "A", ["A", "B"])).toBe("B");
    expect(resolveSheet("Gone", exists, "A", ["B", "A"])).toBe("A");
    expect(resolveSheet("Gone", exists, null, ["B", "A"])).toBe("B");
    expect(resolveSheet("", () => false, null, [])).toBe("");
  });
});

describe("the selection", () => {
  test("corners in any order make one rectangle; its address", () => {
    expect(normalize({ r: 5, c: 3 }, { r: 1, c: 0 })).toEqual({ r0: 1, c0: 0, r1: 5, c1: 3 });
    expect(rangeText({ r0: 1, c0: 0, r1: 5, c1: 3 })).toBe("A2:D6");
    expect(rangeText({ r0: 3, c0: 1, r1: 3, c1: 1 })).toBe("B4");
    expect(contains({ r0: 1, c0: 0, r1: 5, c1: 3 }, 5, 3)).toBe(true);
    expect(contains({ r0: 1, c0: 0, r1: 5, c1: 3 }, 6, 3)).toBe(false);
    expect(contains({ r0: 1, c0: 0, r1: 5, c1: 3 }, 0, 0)).toBe(false);
  });
  test("a selected range: the cursor at its top left, the anchor at its far corner (none for one cell); A1 without one", () => {
    expect(selectionAt(null)).toEqual({ cursor: { r: 0, c: 0 }, anchor: null });
    expect(selectionAt({ r0: 3, c0: 1, r1: 3, c1: 1 })).toEqual({ cursor: { r: 3, c: 1 }, anchor: null });
    expect(selectionAt({ r0: 3, c0: 1, r1: 7, c1: 4 })).toEqual({ cursor: { r: 3, c: 1 }, anchor: { r: 7, c: 4 } });
  });
  test("moves stay inside the sheet", () => {
    expect(clampPoint({ r: -1, c: 5 }, 30, 12)).toEqual({ r: 0, c: 5 });
    expect(clampPoint({ r: 40, c: 12 }, 30, 12)).toEqual({ r: 29, c: 11 });
    expect(clampPoint({ r: 3, c: -2 }, 30, 12)).toEqual({ r: 3, c: 0 });
  });
  test("clearing a range writes a block of blanks its size", () => {
    expect(blankBlock({ r0: 1, c0: 1, r1: 2, c1: 3 })).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(blankBlock({ r0: 4, c0: 4, r1: 4, c1: 4 })).toEqual([[""]]);
  });
});

describe("keys", () => {
  test("in the grid: arrows move (Shift extends), Enter/F2 edit, Delete/Backspace clear, a character types", () => {
    expect(gridKeyAction(key("ArrowDown"))).toEqual({ type: "move", dr: 1, dc: 0, extend: false });
    expect(gridKeyAction(key("ArrowUp"))).toEqual({ type: "move", dr: -1, dc: 0, extend: false });
    expect(gridKeyAction(key("ArrowLeft", { shiftKey: true }))).toEqual({ type: "move", dr: 0, dc: -1, extend: true });
    expect(gridKeyAction(key("ArrowRight"))).toEqual({ type: "move", dr: 0, dc: 1, extend: false });
    expect(gridKeyAction(key("Enter"))).toEqual({ type: "edit" });
    expect(gridKeyAction(key("F2"))).toEqual({ type: "edit" });
    expect(gridKeyAction(key("Delete"))).toEqual({ type: "clear" });
    expect(gridKeyAction(key("Backspace"))).toEqual({ type: "clear" });
    expect(gridKeyAction(key("7"))).toEqual({ type: "type", text: "7" });
    expect(gridKeyAction(key("A", { shiftKey: true }))).toEqual({ type: "type", text: "A" });
    expect(gridKeyAction(key("c", { ctrlKey: true }))).toBeNull();
    expect(gridKeyAction(key("v", { metaKey: true }))).toBeNull();
    expect(gridKeyAction(key("x", { altKey: true }))).toBeNull();
    expect(gridKeyAction(key("Tab"))).toBeNull();
    expect(gridKeyAction(key("Escape"))).toBeNull();
    expect(gridKeyAction(key("constructor"))).toBeNull();
  });
  test("an arrow goes from the cursor, or extending from the anchor's corner", () => {
    const cursor = { r: 2, c: 2 };
    expect(arrowTarget(cursor, null, { dr: 1, dc: 0, extend: false })).toEqual({ r: 3, c: 2 });
    expect(arrowTarget(cursor, null, { dr: 0, dc: 1, extend: true })).toEqual({ r: 2, c: 3 });
    expect(arrowTarget(cursor, { r: 5, c: 4 }, { dr: 1, dc: 0, extend: true })).toEqual({ r: 6, c: 4 });
    expect(arrowTarget(cursor, { r: 5, c: 4 }, { dr: -1, dc: 0, extend: false })).toEqual({ r: 1, c: 2 });
  });
  test("in the editor: Enter and Tab commit and move (Shift backwards), Escape cancels", () => {
    expect(editorKeyAction({ key: "Enter", shiftKey: false })).toEqual({ commit: true, move: { dr: 1, dc: 0 } });
    expect(editorKeyAction({ key: "Enter", shiftKey: true })).toEqual({ commit: true, move: { dr: -1, dc: 0 } });
    expect(editorKeyAction({ key: "Tab", shiftKey: false })).toEqual({ commit: true, move: { dr: 0, dc: 1 } });
    expect(editorKeyAction({ key: "Tab", shiftKey: true })).toEqual({ commit: true, move: { dr: 0, dc: -1 } });
    expect(editorKeyAction({ key: "Escape", shiftKey: false })).toEqual({ commit: false });
    expect(editorKeyAction({ key: "a", shiftKey: false })).toBeNull();
  });
});

describe("editing", () => {
  test("the text a cell is edited as", () => {
    const general = () => "General";
    expect(editText("=GOAL.SCORE(A1)", 0.5, general)).toBe("=GOAL.SCORE(A1)");
    expect(editText(0.4, 0.4, () => "0%")).toBe("40%");
    expect(editText(0.4, 0.4, general)).toBe("0.4");
    expect(editText(46203, 46203, () => "yyyy-mm-dd")).toBe("2026-06-30");
    expect(editText("#N/A", "#N/A", general)).toBe("#N/A");
    expect(editText("hello", "hello", general)).toBe("hello");
    expect(editText(null, null, general)).toBe("");
    expect(editText(true, true, general)).toBe("true");
  });
  test("text that would read as something else is edited with an apostrophe", () => {
    const host = newHost();
    host.addSheet("S");
    host.setCell("S", "A1", "'00123");
    host.setCell("S", "B1", "=1+1");
    host.setCell("S", "C1", "45%");
    expect(editTextOf(host, "S", 0, 0)).toBe("'00123");
    expect(editTextOf(host, "S", 0, 1)).toBe("=1+1");
    expect(editTextOf(host, "S", 0, 2)).toBe("45%");
    expect(editTextOf(host, "S", 5, 5)).toBe("");
  });
  test("a refused edit in words: a protected cell as Excel would refuse it, anything else as it came", () => {
    expect(describeError(new HostProtectionError("Goals", "L4"), "Goals", "L4")).toBe(
      'L4 is locked: "Goals" is a protected sheet, so Excel would refuse this edit too. Locked columns change through the task pane (a change request); or unprotect the sheet first.',
    );
    expect(describeError(new Error("Not a list value."), "Goals", "C2")).toBe("Could not change C2: Not a list value.");
    expect(describeError("odd", "Goals", "C2")).toBe("Could not change C2: odd");
  });
});
