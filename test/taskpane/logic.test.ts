/** The task pane's small pure modules: stepper, mapping choices, errors, settings form, formats, operations, theme, review rows. */
import { applyOverrides, proposeMapping } from "../../src/core/headers";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { ConversionError } from "../../src/excel/convert";
import { SelectError } from "../../src/excel/select";
import { ReviewError } from "../../src/excel/review";
import { describeError } from "../../src/taskpane/logic/errors";
import { percent, statusAppearance, statusCountsText } from "../../src/taskpane/logic/format";
import { COMPUTED, KEEP, choiceOptions, choose, kindLabel, mappingRows } from "../../src/taskpane/logic/mapping";
import { Operations, OperationState } from "../../src/taskpane/logic/operations";
import { auditRows, canPrepareCopy, changeableFields, fieldChoices, isPasswordError, valueText } from "../../src/taskpane/logic/review";
import {
  ACTOR_KEY,
  KeyValueStore,
  SETTING_FIELDS,
  changedFromDefault,
  fromForm,
  loadActor,
  parseAsOf,
  saveActor,
  toForm,
} from "../../src/taskpane/logic/settingsForm";
import { checkMove, editableText, moves, reasonHint, steps } from "../../src/taskpane/logic/stepper";
import { isDarkColor, themeKind } from "../../src/taskpane/logic/theme";

describe("stepper", () => {
  test("steps mark done, current and upcoming", () => {
    expect(steps("Data locked").map((s) => s.status)).toEqual(["done", "done", "current", "upcoming", "upcoming"]);
    expect(steps("Draft")[0]).toEqual({ state: "Draft", number: 1, status: "current" });
  });
  test("moves: one step forward, one back with a reason; none past the ends", () => {
    expect(moves("Draft").reopen).toBeNull();
    expect(moves("Closed").advance).toBeNull();
    const m = moves("Active");
    expect(m.advance?.label).toBe("Advance to Data locked");
    expect(m.advance?.needsReason).toBe(false);
    expect(m.advance?.explanation).toMatch(/only Comment can be edited/);
    expect(m.reopen?.label).toBe("Reopen to Draft");
    expect(m.reopen?.needsReason).toBe(true);
    const reopen = m.reopen as NonNullable<typeof m.reopen>;
    expect(checkMove(reopen, "too short").ok).toBe(false);
    expect(checkMove(reopen, "The targets were agreed wrongly").ok).toBe(true);
    expect(checkMove(m.advance as NonNullable<typeof m.advance>, "").ok).toBe(true);
    expect(reasonHint(true, "abc")).toMatch(/At least 10 characters \(3 so far\)/);
    expect(editableText("Draft")).toBe("every cell can be edited");
    expect(editableText("Active")).toMatch(/Actual, Comment and the CheckIns table/);
    expect(editableText("Closed")).toBe("no cell can be edited");
  });
});

describe("mapping rows and choices", () => {
  const headers = ["Goal ID", "Objective", "Weighting (draft) %", "To", "Target", "Score", "Notes", ""];
  const original = proposeMapping(headers);

  test("one row per source column, in order, with its kind and a label (blank headers named by letter)", () => {
    const rows = mappingRows(original, original, [], 1);
    expect(rows.map((r) => r.source)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows.map((r) => r.letter)).toEqual(["B", "C", "D", "E", "F", "G", "H", "I"]);
    const by = Object.fromEntries(rows.map((r) => [r.header, r]));
    expect(by["Goal ID"]).toMatchObject({ value: "id", kind: "strong" });
    expect(by["Weighting (draft) %"]).toMatchObject({ value: "weight", kind: "weak" });
    expect(by["To"]).toMatchObject({ value: KEEP, kind: "none" });
    expect(by["Score"]).toMatchObject({ value: COMPUTED, kind: "computed", computed: "Score" });
    expect(by["Notes"]).toMatchObject({ value: "comment", kind: "strong" });
    expect(rows[7].label).toBe("Column I (no header)");
    expect(kindLabel("weak")).toBe("Please check");
  });

  test("choosing replaces an earlier choice for the same column; the user's choice shows as theirs", () => {
    let o = choose([], 3, "target");
    o = choose(o, 6, KEEP);
    o = choose(o, 3, "unit");
    expect(o).toEqual([
      { source: 6, key: null },
      { source: 3, key: "unit" },
    ]);
    const rows = mappingRows(original, applyOverrides(original, o), o);
    expect(rows[3]).toMatchObject({ value: "unit", kind: "yours" });
    expect(rows[6]).toMatchObject({ value: KEEP, kind: "yours" });
    expect(choose([{ source: 5, key: null }], 5, COMPUTED)).toEqual([]);
    expect(choose([], 2, "not a column")).toEqual([{ source: 2, key: null }]);
  });

  test("options: computed columns offer to stay computed; every input column is offered", () => {
    expect(choiceOptions({ computed: "Score" })[0].value).toBe(COMPUTED);
    const opts = choiceOptions({ computed: null });
    expect(opts[0]).toEqual({ value: KEEP, label: "Keep as my own column" });
    expect(opts).toHaveLength(21);
  });
});

describe("errors in words", () => {
  test("Office error codes say what to do", () => {
    expect(describeError({ code: "InvalidOperationInCellEditMode", message: "x" })).toMatchObject({
      title: "Excel is busy editing a cell",
      action: expect.stringMatching(/Press Enter or Esc/),
    });
    expect(describeError({ code: "AccessDenied", message: "The cell … protected sheet" }).action).toMatch(/change request/);
    expect(describeError({ code: "RequestPayloadSizeLimitExceeded" }).action).toMatch(/smaller selection/);
    expect(describeError({ code: "GeneralException", message: "" }, "Converting").message).toMatch(/stopped/);
  });
  test("the adapter's own errors keep their message", () => {
    const c = describeError(new ConversionError(["There are no goals below the header row."]));
    expect(c).toMatchObject({ title: "The sheet can't be converted yet", message: "There are no goals below the header row." });
    expect(describeError(new SelectError("The sheet 'X' is hidden. Unhide it.")).message).toBe("The sheet 'X' is hidden. Unhide it.");
    expect(describeError(new ReviewError("Enter your name first.", "refused")).title).toBe("That is not possible.");
    expect(describeError(new ReviewError("The sheet is protected with a password.", "password")).title).toBe("The password is needed.");
    expect(describeError(new Error("There is no goal table yet. Convert a sheet of goals first."), "Writing")).toMatchObject({
      title: "Writing did not work",
      action: "",
    });
  });
  test("anything at all gives a message", () => {
    for (const x of [undefined, null, 42, "boom", {}, { message: 3 }]) {
      const e = describeError(x);
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.message.length).toBeGreaterThan(0);
    }
  });
});

describe("settings form", () => {
  test("round trip of the defaults; percentages shown as percent", () => {
    const form = toForm(DEFAULT_SETTINGS);
    expect(form.onTrackGap).toBe("10");
    expect(form.staleDays).toBe("30");
    expect(form.stretchPay).toBe("150");
    expect(fromForm(form)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(SETTING_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
  test("values are read, blanks fall back to the default, bad values say what to enter", () => {
    const form = { ...toForm(DEFAULT_SETTINGS), onTrackGap: "5%", staleDays: "", maxWeightShare: "60,5" };
    const r = fromForm(form);
    expect(r.ok && r.settings).toMatchObject({ onTrackGap: 0.05, staleDays: 30, maxWeightShare: 0.605 });
    const bad = fromForm({ ...toForm(DEFAULT_SETTINGS), atRiskGap: "150", stretchPay: "abc", progressCap: "90" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.atRiskGap).toBe("Enter a number from 0% to 100%.");
      expect(bad.errors.stretchPay).toMatch(/'abc' is not a number/);
      expect(bad.errors.progressCap).toBe("Enter a number of at least 100%.");
    }
    const order = fromForm({ ...toForm(DEFAULT_SETTINGS), onTrackGap: "30", atRiskGap: "20" });
    expect(!order.ok && order.errors.atRiskGap).toMatch(/at least the on-track gap/);
    expect(changedFromDefault({ ...DEFAULT_SETTINGS, staleDays: 14 })).toEqual(["staleDays"]);
  });
  test("as-of date", () => {
    expect(parseAsOf("")).toEqual({ ok: true, asOf: null });
    expect(parseAsOf("2026-05-26")).toEqual({ ok: true, asOf: 20_599 });
    expect(parseAsOf("26/05/2026").ok).toBe(false);
    expect(parseAsOf("2026-02-30").ok).toBe(false);
  });
  test("the actor name lives in the store given, cleaned, and storage failures are harmless", () => {
    const data = new Map<string, string>();
    const store: KeyValueStore = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
    expect(saveActor(store, "  Pat \n Analyst ")).toBe("Pat Analyst");
    expect(data.get(ACTOR_KEY)).toBe("Pat Analyst");
    expect(loadActor(store)).toBe("Pat Analyst");
    saveActor(store, "   ");
    expect(data.has(ACTOR_KEY)).toBe(false);
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => undefined,
    };
    expect(loadActor(broken)).toBe("");
    expect(saveActor(broken, "Pat")).toBe("Pat");
    expect(loadActor(null)).toBe("");
  });
});

describe("formats", () => {
  test("percent, statuses, counts", () => {
    expect(percent(0.5)).toBe("50%");
    expect(percent(null)).toBe("—");
    expect(percent(Number.NaN)).toBe("—");
    expect(statusAppearance("On track", false)).toEqual({ label: "On track", color: "success" });
    expect(statusAppearance("On track", true)).toEqual({ label: "Blocked", color: "danger" });
    expect(statusAppearance(null, false).label).toBe("No status");
    expect(statusCountsText({ "At risk": 1, Achieved: 2 })).toBe("Achieved 2, At risk 1");
    expect(statusCountsText({})).toBe("no status yet");
  });
});

describe("theme", () => {
  test("Office's dark themes give the dark Fluent theme", () => {
    expect(isDarkColor("#1f1f1f")).toBe(true);
    expect(isDarkColor("#ffffff")).toBe(false);
    expect(isDarkColor("nonsense")).toBe(false);
    expect(themeKind({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeKind(undefined)).toBe("light");
  });
});

describe("review view data", () => {
  test("change requests offer the locked fields except ID", () => {
    expect(changeableFields("Draft")).toEqual([]);
    const active = changeableFields("Active").map((f) => f.header);
    expect(active).toContain("Target");
    expect(active).not.toContain("Actual");
    expect(active).not.toContain("ID");
    expect(changeableFields("In review").map((f) => f.header)).toContain("Target");
    expect(changeableFields("Closed")).toEqual([]);
    expect(fieldChoices("direction")).toContain("Decrease");
    expect(fieldChoices("target")).toBeNull();
    expect(canPrepareCopy("Active")).toBe(false);
    expect(canPrepareCopy("Data locked")).toBe(true);
  });
  test("audit rows newest first, in words", () => {
    const base = { prevHash: "0", hash: "1", reason: null, goalId: null, field: null, actor: "Pat" };
    const rows = auditRows(
      [
        { ...base, seq: 1, at: "2026-05-01T10:00:00Z", action: "state", field: "cycle.state", old: "Draft", new: "Active" },
        { ...base, seq: 2, at: "2026-05-01T10:00:00Z", action: "seal", old: null, new: "abcdef0123456789" },
        { ...base, seq: 3, at: "2026-05-02T10:00:00Z", action: "change", goalId: "G-1", field: "Target", old: 100, new: 120, reason: "Board raised it" },
      ],
      "UTC",
    );
    expect(rows.map((r) => r.seq)).toEqual([3, 2, 1]);
    expect(rows[0]).toMatchObject({ action: "Change request", what: "G-1 Target: 100 → 120", reason: "Board raised it", at: "2 May 2026, 10:00" });
    expect(rows[1].what).toBe("a fingerprint of the goals was recorded, so any later edit shows");
    expect(rows[2].what).toBe("Draft → Active");
    expect(valueText(null)).toBe("(blank)");
    expect(valueText([1, "a"])).toBe("1, a");
  });
  test("password errors are recognised", () => {
    expect(isPasswordError(new ReviewError("x", "password"))).toBe(true);
    expect(isPasswordError(new ReviewError("x", "refused"))).toBe(false);
    expect(isPasswordError({ code: "password" })).toBe(false);
  });
});

describe("operations", () => {
  function manualTimers() {
    const pending: (() => void)[] = [];
    return { timers: { set: (fn: () => void) => pending.push(fn), clear: () => undefined }, fire: () => pending.splice(0).forEach((f) => f()) };
  }

  test("one at a time; the state shows the label, then slow after the delay; errors are outcomes", async () => {
    const states: (OperationState | null)[] = [];
    const t = manualTimers();
    const ops = new Operations((s) => states.push(s), 300, t.timers);
    let release: (v: number) => void = () => undefined;
    const first = ops.run("Reading…", () => new Promise<number>((r) => (release = r)));
    expect(ops.busy).toBe(true);
    await expect(ops.run("Other", async () => 1)).resolves.toEqual({ status: "busy" });
    t.fire();
    expect(ops.state).toMatchObject({ label: "Reading…", slow: true, cancellable: false });
    expect(ops.cancel()).toBe(false);
    release(7);
    await expect(first).resolves.toEqual({ status: "done", value: 7 });
    expect(ops.busy).toBe(false);
    expect(states[states.length - 1]).toBeNull();
    const boom = new Error("boom");
    await expect(ops.run("x", async () => Promise.reject(boom))).resolves.toEqual({ status: "failed", error: boom });
  });

  test("a cancellable operation stops being waited for", async () => {
    const ops = new Operations(() => undefined, 300, manualTimers().timers);
    const never = ops.run("Reading…", () => new Promise<number>(() => undefined), { cancellable: true });
    expect(ops.cancel()).toBe(true);
    await expect(never).resolves.toEqual({ status: "cancelled" });
    expect(ops.busy).toBe(false);
    await expect(ops.run("next", async () => 2)).resolves.toEqual({ status: "done", value: 2 });
  });
});
