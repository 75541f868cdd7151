import type { MentionCandidate, Token } from "../core/types.js";
import type { Shadow } from "../text/normalize.js";

export interface DateContext {
  input: string;
  shadow: Shadow;
  tokens: Token[];
  /** YYYY-MM-DD the relative expressions are resolved against, when known */
  documentDate: string | null;
}

/** Date mentions (type "date", ISO `value`). Placeholder until the dates stage lands (issue 4). */
export function findDates(_ctx: DateContext): MentionCandidate[] {
  return [];
}

/** The document date from a dateline in the text, when there is one. */
export function documentDateOf(_ctx: Omit<DateContext, "documentDate">): string | null {
  return null;
}
