import type { MentionCandidate, Token } from "../core/types.js";
import type { Shadow } from "../text/normalize.js";
import { procliticReadings, type CliticReading } from "../text/clitics.js";
import { KEY_SEP, type CompiledLexicon, type LexiconHit } from "./compile.js";

const MATCHABLE = new Set(["word", "latin", "number", "punct", "hashtag"]);

/**
 * Lexicon mentions in a token stream: at each token, the word as written and its proclitic readings start
 * a walk that extends a key token by token while it is a known prefix; the longest walk wins (as written
 * on a tie). O(tokens × alias length) hash lookups, whatever the lexicon size.
 */
export function matchLexicon(tokens: Token[], shadow: Shadow, lexicon: CompiledLexicon): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  // the readings of a word that start a walk, once per distinct word of the document
  const starts = new Map<string, CliticReading[]>();
  const startsOf = (tok: Token): CliticReading[] => {
    let list = starts.get(tok.norm);
    if (!list) {
      const readings = tok.kind === "word" ? procliticReadings(tok.norm) : [{ stem: tok.norm, prefix: 0, suffix: 0 }];
      list = readings.filter((r) => lexicon.hits.has(r.stem) || lexicon.prefixes.has(r.stem));
      starts.set(tok.norm, list);
    }
    return list;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind !== "word" && tok.kind !== "latin") continue;
    const readings = startsOf(tok);
    if (!readings.length) continue;
    let best: { end: number; prefix: number; hits: LexiconHit[] } | null = null;
    for (const r of readings) {
      let key = r.stem;
      for (let j = i + 1; ; j++) {
        const hits = lexicon.hits.get(key);
        if (hits && (!best || j > best.end)) best = { end: j, prefix: r.prefix, hits };
        const next = tokens[j];
        if (!next || !MATCHABLE.has(next.kind) || next.sentence !== tok.sentence || !lexicon.prefixes.has(key)) break;
        key += KEY_SEP + next.norm;
      }
    }
    if (!best) continue;
    const first = best.hits[0]!;
    const entry = lexicon.entries.get(first.entryId)!;
    const start = best.prefix ? shadow.from[tok.shadowStart + best.prefix]! : tok.start;
    const unambiguous = best.hits.filter((h) => !h.ambiguous);
    out.push({
      start,
      end: tokens[best.end - 1]!.end,
      tokenStart: i,
      tokenEnd: best.end,
      type: entry.type,
      kind: first.kind,
      origin: "lexicon",
      entryId: first.entryId,
      confidence: first.ambiguous ? 0.6 : 1,
      ...(unambiguous.length ? {} : { ambiguous: true }),
      ...(best.hits.length > 1 ? { alternatives: best.hits.map((h) => h.entryId) } : {}),
    });
  }
  return out;
}
