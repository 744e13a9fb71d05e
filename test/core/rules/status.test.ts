/**
 * The eight status rules of scoring.md "Pace and status" (src/core/rules/status.ts), first
 * match wins: one or more worked cases per rule, named by its number.
 */
import { dayFromIso } from "../../../src/core/dates";
import { status } from "../../../src/core/rules/status";

const d = (iso: string): number => dayFromIso(iso) as number;

describe("Status", () => {
  const start = d("2026-01-01");
  const due = d("2026-01-11");
  const mid = d("2026-01-06"); // pace 0.5
  const s = (p: number | null, extra: Partial<Parameters<typeof status>[0]> = {}) => status({ direction: "Increase", p, start, due, asOf: mid, ...extra });
  test("1. No data: Not started if asOf < Start", () => expect(s(null, { asOf: d("2025-12-01") })).toBe("Not started"));
  test("1. No data: else No data", () => expect(s(null)).toBe("No data"));
  test("2. At least / At most before or on Due: On track if P = 1, else Off track", () => {
    expect(s(1, { direction: "At least" })).toBe("On track");
    expect(s(0, { direction: "At most", asOf: due })).toBe("Off track");
  });
  test("2. At least / At most after Due: Achieved if P = 1, else Missed", () => {
    expect(s(1, { direction: "At least", asOf: d("2026-02-01") })).toBe("Achieved");
    expect(s(0, { direction: "At most", asOf: d("2026-02-01") })).toBe("Missed");
  });
  test("3. P ≥ 1 → Achieved", () => expect(s(1.2)).toBe("Achieved"));
  test("3. for a goal with Threshold: Score ≥ 1 → Achieved", () => {
    expect(s(0.9, { thresholdScore: 1 })).toBe("Achieved");
    expect(s(1.1, { thresholdScore: 0.9 })).not.toBe("Achieved");
  });
  test("4. asOf > Due → Missed", () => expect(s(0.9, { asOf: d("2026-01-12") })).toBe("Missed"));
  test("5. asOf < Start → Not started", () => expect(s(0.2, { asOf: d("2025-12-31") })).toBe("Not started"));
  test("6. latest check-in more than staleDays before asOf → Stale", () => {
    const long = { start: d("2026-01-01"), due: d("2026-12-31"), asOf: d("2026-06-30") };
    expect(s(0.5, { ...long, lastCheckIn: d("2026-05-30") })).toBe("Stale");
    expect(s(0.5, { ...long, lastCheckIn: d("2026-05-31") })).not.toBe("Stale");
    expect(s(0.5, { ...long, lastCheckIn: d("2026-06-20"), settings: { onTrackGap: 0.1, atRiskGap: 0.25, staleDays: 5 } })).toBe("Stale");
  });
  test("7. E undefined: P ≥ 0.7 On track; P ≥ 0.4 At risk; else Off track", () => {
    const noPace = { start: null, due: null };
    expect(s(0.7, noPace)).toBe("On track");
    expect(s(0.4, noPace)).toBe("At risk");
    expect(s(0.39, noPace)).toBe("Off track");
  });
  test("8. gap ≤ onTrackGap On track; ≤ atRiskGap At risk; else Off track", () => {
    expect(s(0.4)).toBe("On track"); // gap 0.10
    expect(s(0.25)).toBe("At risk"); // gap 0.25
    expect(s(0.24)).toBe("Off track"); // gap 0.26
  });
  test("a blend of the children's scores skips rule 2 and tests P ≥ 1 in rule 3", () => {
    // Pace 0.5, P 0.45: gap 0.05 → On track, where rule 2 would say Off track for At least / At most.
    expect(s(0.45, { direction: "At least", blend: true })).toBe("On track");
    expect(s(0.45, { direction: "At most", blend: true })).toBe("On track");
    expect(s(0.45, { direction: "At least" })).toBe("Off track");
    // Rule 3 tests P itself, not the goal's own Threshold score.
    expect(s(0.95, { thresholdScore: 1, blend: true })).toBe("On track");
    expect(s(1, { thresholdScore: 0.5, blend: true })).toBe("Achieved");
    // After Due without P ≥ 1: Missed by rule 4, not by rule 2.
    expect(s(0.99, { direction: "At most", blend: true, asOf: d("2026-02-01") })).toBe("Missed");
  });
  test("8. thresholds are configurable", () => {
    expect(s(0.4, { settings: { onTrackGap: 0.05, atRiskGap: 0.25, staleDays: 30 } })).toBe("At risk");
  });
});
