/**
 * Quotations: « », “ ”, „ and straight " paired by the spacing around each mark, with a stack so that a
 * quote inside a quote pairs first. A quote still open when its paragraph ends runs on when the next
 * paragraph opens with the same mark (the newspaper convention for long quotes), and stops there otherwise.
 */
import type { Token } from "../core/types.js";

export interface Quote {
  /** token index of the opening mark */
  openToken: number;
  /** token index of the closing mark, or the first token after the quote when it is never closed */
  closeToken: number;
  closed: boolean;
  /** input offsets of the quoted words (inside the marks) */
  start: number;
  end: number;
}

/** A token that is an opening (or straight) quotation mark, and one that is a closing (or straight) mark. */
export const OPENING_MARK = /^["«“„]$/;
export const CLOSING_MARK = /^["»”]$/;

type Family = "guillemet" | "curly" | "straight";
const FAMILY: Record<string, Family> = { "«": "guillemet", "»": "guillemet", "“": "curly", "”": "curly", "„": "curly", '"': "straight" };

/** The family of the mark a token is, if it is one (every mark is one code unit: no string is made for the others). */
function familyOf(input: string, t: Token): Family | undefined {
  return t.end - t.start === 1 ? FAMILY[input[t.start]!] : undefined;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isOpeningContext = (c: string | undefined) => isSpace(c) || c === "(" || c === "[" || c === ":" || c === "،";
const isClosingContext = (c: string | undefined) => isSpace(c) || /[.,،؛;:!?؟)\]…]/.test(c!);

/** Whether a mark opens, given its neighbours and the quotes open in its paragraph. */
function opens(mark: string, before: string | undefined, after: string | undefined, openStraight: boolean): boolean {
  if (mark === "«" || mark === "„") return true;
  if (mark === "»") return false;
  const openCtx = isOpeningContext(before) && !isSpace(after);
  const closeCtx = !isSpace(before) && isClosingContext(after);
  if (openCtx && !closeCtx) return true;
  if (closeCtx && !openCtx) return false;
  if (mark === "“") return true;
  if (mark === "”") return false;
  return !openStraight;
}

export function findQuotes(input: string, tokens: Token[], paragraph: ArrayLike<number>): Quote[] {
  const quotes: Quote[] = [];
  let stack: { token: number; family: Family }[] = [];
  const closeAt = (open: { token: number }, closeToken: number, closed: boolean) => {
    const last = tokens[closeToken - (closed ? 0 : 1)];
    quotes.push({
      openToken: open.token,
      closeToken,
      closed,
      start: tokens[open.token]!.end,
      end: closed ? tokens[closeToken]!.start : (last?.end ?? tokens[open.token]!.end),
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && paragraph[i] !== paragraph[i - 1]) {
      // a quote open at the end of a paragraph goes on only if this paragraph opens with the same mark
      const family = t.kind === "punct" ? familyOf(input, t) : undefined;
      const carried = stack.length > 0 && family !== undefined && stack[stack.length - 1]!.family === family && opens(input.slice(t.start, t.end), input[t.start - 1], input[t.end], false);
      if (carried) continue;
      for (const open of stack.reverse()) closeAt(open, i, false);
      stack = [];
    }
    if (t.kind !== "punct") continue;
    const family = familyOf(input, t);
    if (!family) continue;
    const mark = input[t.start]!;
    const openStraight = stack.some((s) => s.family === "straight");
    if (opens(mark, input[t.start - 1], input[t.end], openStraight)) {
      stack.push({ token: i, family });
      continue;
    }
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.family !== family) k--;
    if (k < 0) k = stack.length - 1;
    if (k < 0) continue; // a closing mark with nothing open
    const [open, ...inner] = stack.splice(k);
    for (const q of inner.reverse()) closeAt(q, i, false);
    closeAt(open!, i, true);
  }
  for (const open of stack.reverse()) closeAt(open, tokens.length, false);
  return quotes.sort((a, b) => a.openToken - b.openToken);
}
