/**
 * Every rule of smart.md, by family: the one message table keyed by rule code, which the
 * engine and the worksheet functions both use, and where each code lives (docs/engine.md
 * shows this map; test/core/rules/map.test.ts keeps the two in step).
 */
import { RuleCode } from "../findings";
import { ACHIEVABLE_MESSAGES } from "./achievable";
import { DATA_MESSAGES } from "./data";
import { MEASURABLE_MESSAGES } from "./measurable";
import { RELEVANT_MESSAGES } from "./relevant";
import { SPECIFIC_MESSAGES } from "./specific";
import { TIMEBOUND_MESSAGES } from "./timebound";
import { WEIGHT_MESSAGES } from "./weights";

/** Each rule's messages, by code. */
export const MESSAGES = {
  ...DATA_MESSAGES,
  ...SPECIFIC_MESSAGES,
  ...MEASURABLE_MESSAGES,
  ...ACHIEVABLE_MESSAGES,
  ...RELEVANT_MESSAGES,
  ...TIMEBOUND_MESSAGES,
  ...WEIGHT_MESSAGES,
} as const satisfies Record<RuleCode, unknown>;

/** The file in src/core/rules/ where each rule code's conditions and messages live. */
export const RULE_FILES: Readonly<Record<RuleCode, string>> = {
  ...codesIn(DATA_MESSAGES, "data.ts"),
  ...codesIn(SPECIFIC_MESSAGES, "specific.ts"),
  ...codesIn(MEASURABLE_MESSAGES, "measurable.ts"),
  ...codesIn(ACHIEVABLE_MESSAGES, "achievable.ts"),
  ...codesIn(RELEVANT_MESSAGES, "relevant.ts"),
  ...codesIn(TIMEBOUND_MESSAGES, "timebound.ts"),
  ...codesIn(WEIGHT_MESSAGES, "weights.ts"),
} as Record<RuleCode, string>;

function codesIn(messages: object, file: string): Record<string, string> {
  return Object.fromEntries(Object.keys(messages).map((code) => [code, file]));
}
