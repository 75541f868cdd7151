/**
 * Where content ends, and its polarity. Content runs to the end of its sentence (on over a paragraph
 * break while a quotation it opened is still open) and stops earlier where a new clause starts with a cue
 * of its own (، وزعم …، مضيفاً …), where the writer takes over (في إشارة إلى …) or a relay follows
 * (، وفقاً لما نقلته …). Quoted words inside it («التافهة»، على حد تعبيره) do not end it.
 */
import { normOf, sentenceRange, type Context } from "./context.js";
import { CLOSING_MARK, type Quote } from "./quotes.js";
import type { ContentStart } from "./slots.js";
import type { CueHit } from "./scan.js";

export type Polarity = "asserted" | "negated" | "questioned" | "conditional";

/** Words a content span never ends with (the writer's «وذلك» before a relay). */
const TRAILING = new Set(["و", "وذلك", "ذلك", "فيما", "بينما"]);

/** Exclusive end token and end offset of a content that starts at `start`. */
export function contentEnd(ctx: Context, start: ContentStart, isBoundary: (k: number) => boolean): { endToken: number; to: number } | null {
  const { tokens } = ctx;
  if (start.quote) {
    const q = start.quote;
    return q.end > q.start ? { endToken: q.closeToken, to: q.end } : null;
  }
  if (start.token >= tokens.length) return null;
  let [, end] = sentenceRange(ctx, start.token);
  if (start.endToken !== undefined) end = start.endToken;
  const { quotes } = ctx;
  for (let n = start.endToken === undefined ? firstOpeningFrom(quotes, start.token - 1) : quotes.length; n < quotes.length; n++) {
    const q = quotes[n]!;
    if (q.openToken >= end) break;
    if (q.closeToken >= end && ctx.paragraph[Math.min(q.closeToken, tokens.length - 1)] === ctx.paragraph[q.openToken]) end = Math.min(tokens.length, q.closeToken + (q.closed ? 1 : 0));
  }
  for (let k = start.token + 1; k < end; k++) {
    const q = ctx.quoteOf[k];
    if (q && q.openToken >= start.token - 1) continue;
    if (isBoundary(k)) {
      end = k;
      break;
    }
  }
  while (end > start.token + 1) {
    const t = tokens[end - 1]!;
    const closing = ctx.quoteClosing[end - 1];
    const closesInside = CLOSING_MARK.test(t.norm) && !!closing && closing.openToken >= start.token - 1;
    if ((t.kind === "punct" && !closesInside) || TRAILING.has(t.norm)) end--;
    else break;
  }
  if (end <= start.token || tokens[end - 1]!.end <= start.from) return null;
  return { endToken: end, to: tokens[end - 1]!.end };
}

/** Index of the first quote (sorted by opening mark) that opens at token k or after. */
function firstOpeningFrom(quotes: Quote[], k: number): number {
  let lo = 0, hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.openToken < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function polarityOf(ctx: Context, hit: CueHit, content: { from: number; to: number } | null): Polarity {
  const { words } = ctx.cues;
  let k = hit.token - 1;
  if (normOf(ctx, k) === "قد") k--;
  if (k >= 0 && words.negations.has(normOf(ctx, k)) && ctx.tokens[k]!.sentence === ctx.tokens[hit.token]!.sentence) return "negated";
  if (content) {
    const text = ctx.input.slice(content.from, content.to);
    const after = ctx.input.slice(content.to, content.to + 2);
    if (/^هل\s/.test(text) || /[؟?]\s*["»”]?\s*$/.test(text) || /^\s*[؟?]/.test(after)) return "questioned";
  }
  const [first] = sentenceRange(ctx, hit.token);
  for (let j = Math.max(first, hit.token - 3); j < hit.token; j++) if (words.conditionals.has(normOf(ctx, j))) return "conditional";
  return "asserted";
}
