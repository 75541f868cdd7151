import type { MentionCandidate } from "../../src/core/types.js";
import { findDates } from "../../src/dates/index.js";
import { shadowOf } from "../../src/text/normalize.js";
import { tokenize } from "../../src/text/tokenize.js";

export interface Found {
  text: string;
  value: string | null;
  rule: string;
}

/** The date candidates of a text, resolved against a document date. */
export function candidates(text: string, documentDate: string | null = "2021-12-23"): MentionCandidate[] {
  const shadow = shadowOf(text);
  const { tokens } = tokenize(text, shadow);
  return findDates({ input: text, shadow, tokens, documentDate });
}

/** The date mentions of a text as {text (the input slice), value, rule}. */
export function dates(text: string, documentDate: string | null = "2021-12-23"): Found[] {
  return candidates(text, documentDate).map((m) => ({ text: text.slice(m.start, m.end), value: m.value ?? null, rule: m.rule! }));
}
