/**
 * The Review tab's logic: which form field a refusal belongs to, the goal pickers'
 * options and search, dates in local words, the confidence field, and the seal, audit
 * log and review copy in plain words.
 */
import fc from "fast-check";
import type { VerifyResult } from "../../src/core/verify";
import { confidenceProblem } from "../../src/core/inputs";
import { ReviewError } from "../../src/excel/review";
import { describeError, reviewErrorTitle } from "../../src/taskpane/logic/errors";
import {
  CHANGE_REQUEST_FIELDS,
  CHECK_IN_FIELDS,
  REVIEW_COPY_EXPLAINED,
  auditRows,
  auditStatusText,
  changeableFields,
  checkChangeValue,
  checkCheckInForm,
  columnValueText,
  fieldErrorOf,
  filterGoals,
  goalOptions,
  localDateTime,
  localDay,
  localIsoDay,
  messageFor,
  noChangeRequestText,
  parseConfidence,
  reviewCopyDone,
  reviewCopyText,
  sealText,
} from "../../src/taskpane/logic/review";

describe("a refusal is shown beside the field it is about", () => {
  test("an input refusal maps to the form's field", () => {
    const e = new ReviewError("A weight can't be negative; enter 0% or more.", "input", "value");
    expect(fieldErrorOf(e, CHANGE_REQUEST_FIELDS)).toEqual({ field: "value", message: "A weight can't be negative; enter 0% or more." });
    expect(fieldErrorOf(new ReviewError("No such goal.", "input", "goal"), CHECK_IN_FIELDS)).toEqual({ field: "goal", message: "No such goal." });
    expect(fieldErrorOf(new ReviewError("Confidence is 0 to 1.", "input", "confidence"), CHECK_IN_FIELDS)?.field).toBe("confidence");
  });
  test("every field of a form maps to itself; fields of no form, and other codes, go to the banner", () => {
    for (const f of CHANGE_REQUEST_FIELDS) expect(fieldErrorOf(new ReviewError("x", "input", f), CHANGE_REQUEST_FIELDS)?.field).toBe(f);
    for (const f of CHECK_IN_FIELDS) expect(fieldErrorOf(new ReviewError("x", "input", f), CHECK_IN_FIELDS)?.field).toBe(f);
    // The change request has no confidence, the check-in no reason; "state" and "password" belong to no form field.
    expect(fieldErrorOf(new ReviewError("x", "input", "confidence"), CHANGE_REQUEST_FIELDS)).toBeNull();
    expect(fieldErrorOf(new ReviewError("x", "input", "reason"), CHECK_IN_FIELDS)).toBeNull();
    expect(fieldErrorOf(new ReviewError("x", "input", "state"), CHANGE_REQUEST_FIELDS)).toBeNull();
    expect(fieldErrorOf(new ReviewError("x", "password", "password"), CHANGE_REQUEST_FIELDS)).toBeNull();
    expect(fieldErrorOf(new ReviewError("Check-ins are locked.", "refused"), CHECK_IN_FIELDS)).toBeNull();
    expect(fieldErrorOf(new ReviewError("x", "input"), CHECK_IN_FIELDS)).toBeNull();
    expect(fieldErrorOf(Object.assign(new Error("x"), { code: "input", field: "value" }), CHECK_IN_FIELDS)).toBeNull();
    for (const x of [undefined, null, "boom", 3, {}]) expect(fieldErrorOf(x, CHECK_IN_FIELDS)).toBeNull();
  });
  test("an empty message still says something", () => {
    expect(fieldErrorOf(new ReviewError("  ", "input", "value"), CHANGE_REQUEST_FIELDS)?.message).toBe("This value can't be used.");
  });
  test("messageFor finds the field's message", () => {
    const errors = [
      { field: "value" as const, message: "Not a number." },
      { field: "reason" as const, message: "Too short." },
    ];
    expect(messageFor(errors, "reason")).toBe("Too short.");
    expect(messageFor(errors, "goal")).toBeUndefined();
  });
  test("the change request's value is checked as the adapter writes it", () => {
    expect(checkChangeValue("weight", "abc", 1900)).toEqual({ field: "value", message: "'abc' is not a number for Weight; enter a number." });
    expect(checkChangeValue("due", "soon", 1900)?.field).toBe("value");
    expect(checkChangeValue("direction", "Sideways", 1900)?.field).toBe("value");
    expect(checkChangeValue("weight", "40%", 1900)).toBeNull();
    expect(checkChangeValue("due", "2026-06-30", 1900)).toBeNull();
    expect(checkChangeValue("title", "Anything at all", 1900)).toBeNull();
    expect(checkChangeValue("target", "", 1900)).toBeNull(); // clears the cell
  });
  test("the check-in form: date, value and confidence beside their fields", () => {
    expect(checkCheckInForm({ date: "2026-06-30", value: "12", confidence: "80%" }, 1900)).toEqual([]);
    expect(checkCheckInForm({ date: "2026-06-30", value: "TRUE", confidence: "" }, 1900)).toEqual([]);
    const bad = checkCheckInForm({ date: "", value: "lots", confidence: "High" }, 1900);
    expect(bad.map((e) => e.field)).toEqual(["date", "value", "confidence"]);
    expect(checkCheckInForm({ date: "2026-06-30", value: " ", confidence: "" }, 1900)).toEqual([
      { field: "value", message: "Enter the measured value (or TRUE/FALSE for a milestone)." },
    ]);
  });
});

describe("confidence", () => {
  test("a percentage or a fraction from 0 to 1; blank is none", () => {
    expect(parseConfidence("")).toEqual({ ok: true, value: null });
    expect(parseConfidence("80%")).toEqual({ ok: true, value: 0.8 });
    expect(parseConfidence("0.8")).toEqual({ ok: true, value: 0.8 });
    expect(parseConfidence("0")).toEqual({ ok: true, value: 0 });
    expect(parseConfidence("100%")).toEqual({ ok: true, value: 1 });
  });
  test("a bare 80 suggests 80%; out of range and words are refused", () => {
    expect(parseConfidence("80")).toEqual({ ok: false, message: "Confidence is a percentage: write 80% (or 0.8)." });
    expect(parseConfidence("120%")).toEqual({ ok: false, message: `${confidenceProblem(1.2) ?? ""}.` });
    expect(parseConfidence("-5%").ok).toBe(false);
    expect(parseConfidence("High").ok).toBe(false);
  });
  test("every percentage from 0% to 100% reads as its fraction", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
        const r = parseConfidence(`${n}%`);
        return r.ok && r.value !== null && Math.abs(r.value - n / 100) < 1e-12;
      }),
    );
  });
});

describe("goal pickers", () => {
  const goals = goalOptions([
    { id: "C-1", title: "Grow annual recurring revenue to 12 million" },
    { id: "T-SN2", title: "Reduce time to hire to 30 days" },
    { id: "T-TA1", title: "Time to hire under 40 days" },
    { id: "I-17", title: "Réduire le délai d'embauche" },
    { id: "i-17", title: "A duplicate ID (another case)" },
    { id: null, title: "No ID yet" },
    { id: "G-9", title: null },
  ]);
  test("one option per ID, showing ID and title", () => {
    expect(goals.map((g) => g.text)).toEqual([
      "C-1 — Grow annual recurring revenue to 12 million",
      "T-SN2 — Reduce time to hire to 30 days",
      "T-TA1 — Time to hire under 40 days",
      "I-17 — Réduire le délai d'embauche",
      "G-9",
    ]);
  });
  test("a word of the title finds the goal; every word must match", () => {
    expect(filterGoals(goals, "hire").map((g) => g.id)).toEqual(["T-SN2", "T-TA1"]);
    expect(filterGoals(goals, "reduce hire").map((g) => g.id)).toEqual(["T-SN2"]);
    expect(filterGoals(goals, "REVENUE").map((g) => g.id)).toEqual(["C-1"]);
    expect(filterGoals(goals, "delai").map((g) => g.id)).toEqual(["I-17"]); // accents ignored
    expect(filterGoals(goals, "nothing like it")).toEqual([]);
  });
  test("the ID finds the goal, IDs that start with the text first", () => {
    expect(filterGoals(goals, "t-sn").map((g) => g.id)).toEqual(["T-SN2"]);
    expect(filterGoals(goals, "1").map((g) => g.id)).toEqual(["C-1", "T-TA1", "I-17"]);
    // C-1 ("… revenue to 12 …") comes after the IDs that start with T.
    expect(filterGoals(goals, "t").map((g) => g.id)).toEqual(["T-SN2", "T-TA1", "C-1"]);
  });
  test("empty text lists every goal", () => {
    expect(filterGoals(goals, "")).toEqual(goals);
    expect(filterGoals(goals, "   ")).toEqual(goals);
  });
  test("property: each goal is found by its ID and by any word of its title, and results are goals", () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[A-Z]{1,3}-[0-9]{1,3}$/), words: fc.array(word, { minLength: 1, maxLength: 5 }) }), {
          selector: (g) => g.id,
          maxLength: 30,
        }),
        (raw) => {
          const options = goalOptions(raw.map((r) => ({ id: r.id, title: r.words.join(" ") })));
          for (const o of options) {
            if (!filterGoals(options, o.id).includes(o)) return false;
            const w = o.title.split(" ")[0];
            if (!filterGoals(options, w.toUpperCase()).includes(o)) return false;
            for (const hit of filterGoals(options, w)) if (!options.includes(hit)) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe("dates in words", () => {
  test("timestamps as local date and time", () => {
    expect(localDateTime("2026-12-03T14:05:17Z", "UTC")).toBe("3 Dec 2026, 14:05");
    expect(localDateTime("2026-12-03T14:05:17Z", "Asia/Tokyo")).toBe("3 Dec 2026, 23:05");
    expect(localDateTime("2026-09-30T23:30:00Z", "Europe/Berlin")).toBe("1 Oct 2026, 01:30");
    expect(localDateTime("2026-01-05T00:00:00Z", "America/New_York")).toBe("4 Jan 2026, 19:00");
  });
  test("not a timestamp: said as it is, or unknown", () => {
    expect(localDateTime("yesterday", "UTC")).toBe("yesterday");
    expect(localDateTime(null)).toBe("(unknown time)");
    expect(localDateTime("")).toBe("(unknown time)");
  });
  test("property: in UTC, the words name the timestamp's day, month, year, hour and minute", () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (t) => {
        const d = new Date(t);
        const iso = d.toISOString().replace(/\.\d{3}Z$/, "Z");
        const pad = (n: number): string => String(n).padStart(2, "0");
        return (
          localDateTime(iso, "UTC") === `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
        );
      }),
    );
  });
  test("goal values by their column: dates as days, weights as percentages", () => {
    expect(columnValueText("due", 46203, 1900)).toBe("30 Jun 2026");
    expect(columnValueText("Due", "2026-06-30")).toBe("30 Jun 2026");
    expect(columnValueText("weight", 0.4)).toBe("40%");
    expect(columnValueText("Weight", 0.125)).toBe("12.5%");
    expect(columnValueText("target", 60)).toBe("60");
    expect(columnValueText("title", "")).toBe("(blank)");
    expect(columnValueText("CheckIns", ["I-01", "2026-06-30", 5, null, "ok"])).toBe("I-01, 2026-06-30, 5, (blank), ok");
  });
  test("today is the local day, also just after midnight far from UTC", () => {
    // 10:15 UTC on 31 Dec is already 00:15 on 1 Jan at UTC+14.
    expect(localIsoDay(new Date("2026-12-31T10:15:00Z"), "Pacific/Kiritimati")).toBe("2027-01-01");
    expect(localIsoDay(new Date("2026-12-31T10:15:00Z"), "America/Los_Angeles")).toBe("2026-12-31");
    expect(localIsoDay(new Date("2026-03-01T02:00:00Z"), "America/New_York")).toBe("2026-02-28");
  });
  test("days as days", () => {
    expect(localDay("2026-06-30")).toBe("30 Jun 2026");
    expect(localDay("2026-01-01")).toBe("1 Jan 2026");
    expect(localDay("not a day")).toBe("not a day");
  });
});

describe("review wording", () => {
  const verify = (over: Partial<VerifyResult>): VerifyResult => ({
    sealed: true,
    state: "Active",
    cycle: "2026",
    sealedAt: "2026-12-03T14:05:17Z",
    intact: true,
    differences: [],
    audit: { entries: 2, intact: true, firstBadSeq: null },
    auditReason: null,
    ...over,
  });
  test("the seal in plain words, with a local time", () => {
    expect(sealText(verify({}), "UTC")).toBe("No goal has been edited since they were sealed on 3 Dec 2026, 14:05 (when the cycle became Active).");
    const changed = sealText(
      verify({ intact: false, state: "Data locked", differences: [{ goal: "C-2", column: "Target", sealed: 45, current: 50 }] as VerifyResult["differences"] }),
      "UTC",
    );
    expect(changed).toBe(
      "1 value differs from what was sealed on 3 Dec 2026, 14:05 (when the data was locked). Put the old value back, or make the change as a change request so that it is logged.",
    );
    expect(sealText(verify({ sealed: false, intact: null, sealedAt: null }))).toMatch(/^The goals are not sealed yet/);
    for (const t of [sealText(verify({})), changed]) expect(t).not.toMatch(/seal of|chain|T\d\d:|Z\b/);
  });
  test("the audit log's state without 'chain'", () => {
    expect(auditStatusText(verify({}))).toBe("2 entries, none edited or removed since they were written.");
    expect(auditStatusText(verify({ audit: { entries: 0, intact: true, firstBadSeq: null } }))).toBe("No entries yet.");
    expect(auditStatusText(verify({ audit: { entries: 5, intact: false, firstBadSeq: 3 }, auditReason: "its hash does not match" }))).toBe(
      "5 entries. Entry 3 was edited or removed after it was written: its hash does not match. The log can no longer prove what happened from there on.",
    );
  });
  test("audit rows: local times, no hashes, no 'Sealed seal'", () => {
    const base = { prevHash: "0", hash: "1", reason: null, goalId: null, field: null, actor: "Pat" };
    const rows = auditRows(
      [
        { ...base, seq: 1, at: "2026-05-01T10:00:00Z", action: "state", field: "cycle.state", old: "Draft", new: "Active" },
        { ...base, seq: 2, at: "2026-05-01T10:00:00Z", action: "seal", old: null, new: "abcdef0123456789" },
        { ...base, seq: 3, at: "2026-05-02T10:00:00Z", action: "checkin", goalId: "I-01", field: "Value", old: null, new: 5, reason: "On plan" },
      ],
      "UTC",
    );
    expect(rows.map((r) => [r.at, r.action, r.what])).toEqual([
      ["2 May 2026, 10:00", "Check-in", "I-01: 5"],
      ["1 May 2026, 10:00", "Goals sealed", "a fingerprint of the goals was recorded, so any later edit shows"],
      ["1 May 2026, 10:00", "Cycle moved", "Draft → Active"],
    ]);
  });
  test("Closed offers no change request, and says why", () => {
    expect(changeableFields("Closed")).toEqual([]);
    expect(changeableFields("In review").length).toBeGreaterThan(0);
    expect(noChangeRequestText("Closed")).toMatch(/closed.*nothing can be changed.*reopen the cycle to In review/i);
    expect(noChangeRequestText("Draft")).toMatch(/edited directly/);
    expect(noChangeRequestText("Active")).toBeNull();
  });
  test("the review copy: what it does to this workbook, said before, and how to undo it", () => {
    expect(REVIEW_COPY_EXPLAINED).toMatch(/changes this workbook/);
    expect(REVIEW_COPY_EXPLAINED).toMatch(/Restore live formulas/);
  });
  test("the copy's status follows what is true", () => {
    expect(reviewCopyText("none", null)).toBe("GOAL formulas are live: none has been replaced by its value.");
    expect(reviewCopyText("none", { replaced: 0, recorded: 0 })).toMatch(/^This workbook has no GOAL formulas, so nothing needed replacing/);
    expect(reviewCopyText("complete", { replaced: 4, recorded: 4 })).toMatch(/^This workbook is a review copy/);
    expect(reviewCopyText("partial", null)).toMatch(/interrupted/);
    for (const last of [null, { replaced: 0, recorded: 0 }, { replaced: 3, recorded: 3 }])
      expect(reviewCopyText("complete", last)).not.toMatch(/formulas are live/i);
    const done = { aboutSheet: "About this review", sealIntact: true, protectionMatchesState: true };
    expect(reviewCopyDone({ ...done, replaced: 0, recorded: 0 })).toBe(
      "Review copy ready: this workbook has no GOAL formulas, so nothing needed replacing. The sheet “About this review” tells the reader how to check the seal.",
    );
    expect(reviewCopyDone({ ...done, replaced: 1, recorded: 1 })).toMatch(/^Review copy ready: 1 GOAL formula was replaced by its value\./);
    expect(reviewCopyDone({ ...done, replaced: 0, recorded: 5 })).toMatch(/had already been replaced/);
    expect(reviewCopyDone({ ...done, replaced: 2, recorded: 2, sealIntact: false, protectionMatchesState: false })).toMatch(
      /differ from what was sealed.*protection does not match/,
    );
  });
});

describe("banner titles of review refusals", () => {
  test("say what is wrong, as a sentence apart from the message", () => {
    expect(reviewErrorTitle("refused", "The change request")).toBe("The change request is not possible.");
    expect(reviewErrorTitle("input")).toBe("A value can't be used.");
    expect(reviewErrorTitle("missing")).toBe("Something is missing from the workbook.");
    expect(describeError(new ReviewError("Check-ins are locked while the cycle is Closed.", "refused"), "The check-in")).toEqual({
      title: "The check-in is not possible.",
      message: "Check-ins are locked while the cycle is Closed.",
      action: "",
    });
    for (const code of ["refused", "password", "pending", "missing", "input"]) {
      const t = reviewErrorTitle(code, "Advancing the cycle");
      expect(t).not.toMatch(/can't be done now/);
      expect(t).toMatch(/\.$/);
    }
  });
});
