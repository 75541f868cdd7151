/**
 * Source chains (isnad): «وفقاً لما نقلته وكالة "رويترز" أمس عن مسؤول في الميليشيات العراقية، وعن
 * دبلوماسيين غربيين …» → Reuters reported, citing an official and diplomats. The first link is the source a
 * relay names (or the subject of the verb after «لما / حسبما»), each «عن …» after it one it cites.
 */
import { endsWithPossessive, normOf, type Context, type MentionRef } from "./context.js";
import { readPhrase, type NounPhrase } from "./phrase.js";
import type { CueHit } from "./scan.js";
import { skipAdverbs } from "./speakers.js";

export interface Link {
  phrase: NounPhrase;
  relation: "reported" | "citing";
}

export interface Chain {
  links: Link[];
  /** first token after the chain */
  end: number;
  /** a date named inside the chain (أمس) */
  date: MentionRef | null;
  /** the verb inside a relay (نقلته، أفادت), which is not a claim of its own */
  verb: CueHit | null;
}

const MA = "ما";

/** The first date mention on tokens [from, to). */
function dateIn(ctx: Context, from: number, to: number): MentionRef | null {
  for (let k = from; k < to; k++) if (ctx.covering[k]?.type === "date") return ctx.covering[k]!;
  return null;
}

/** A chain starting at token k (skipping `skip` letters of it), or null when it names no source. */
export function readChain(ctx: Context, hitAt: Map<number, CueHit>, k: number, skip: number): Chain | null {
  const start = k;
  const { words } = ctx.cues;
  let verb: CueHit | null = null;
  let reporter: NounPhrase | null = null;
  const first = normOf(ctx, k).slice(skip);
  // «بحسب قوله»، «على حد تعبيره»: the source is a pronoun, the speaker the text is following
  if (words.sayingNouns.has(first)) {
    if (endsWithPossessive(first)) return { links: [], end: k + 1, date: null, verb: null };
    reporter = readPhrase(ctx, k + 1);
    k = k + 1;
  } else {
    if (first === MA) {
      k++;
      skip = 0;
    }
    const hit = hitAt.get(k);
    if (hit && hit.kind === "verb" && hit.relay === null) {
      verb = hit;
      reporter = readPhrase(ctx, skipAdverbs(ctx, hit.endToken));
    } else if (first === MA || /ما$/.test(normOf(ctx, start))) {
      // «حسب ما تردده دوائر غربية»: a verb the lexicon does not list, then its subject
      reporter = ctx.tokens[k]?.kind === "word" ? readPhrase(ctx, skipAdverbs(ctx, k + 1)) : null;
    } else {
      reporter = readPhrase(ctx, k, { skipLetters: skip });
    }
  }
  if (!reporter || reporter.head === "guess" || reporter.head === "gentilic") return null;
  const links: Link[] = [{ phrase: reporter, relation: "reported" }];
  let end = reporter.end;
  for (;;) {
    let j = skipAdverbs(ctx, end);
    if (normOf(ctx, j) === "،" && normOf(ctx, j + 1) === "وعن") j++;
    const w = normOf(ctx, j);
    if (w !== "عن" && w !== "وعن") break;
    const cited = readPhrase(ctx, j + 1, { guess: true });
    if (!cited) break;
    links.push({ phrase: cited, relation: "citing" });
    end = cited.end;
  }
  return { links, end, date: dateIn(ctx, start, end), verb };
}
