import type { MentionCandidate, Token } from "../core/types.js";
import type { Shadow } from "../text/normalize.js";
import { procliticReadings, type CliticReading } from "../text/clitics.js";
import { KEY_SEP, type CompiledLexicon, type LexiconHit } from "./compile.js";

const MATCHABLE = new Set(["word", "latin", "number", "punct", "hashtag"]);

/** Words whose walk starts are cached per lexicon, before the cache is emptied (long streams stay bounded). */
const MAX_CACHED = 200_000;
const startCaches = new WeakMap<CompiledLexicon, Map<string, CliticReading[]>>();
const NO_READINGS: CliticReading[] = [];

/** The readings of a word that start a walk (known surfaces or prefixes), once per distinct word and lexicon. */
function startsOf(tok: Token, lexicon: CompiledLexicon): CliticReading[] {
  let cache = startCaches.get(lexicon);
  if (!cache || cache.size >= MAX_CACHED) startCaches.set(lexicon, (cache = new Map()));
  let list = cache.get(tok.norm);
  if (!list) {
    const readings = tok.kind === "word" ? procliticReadings(tok.norm) : [{ stem: tok.norm, prefix: 0, suffix: 0 }];
    list = readings.filter((r) => lexicon.hits.has(r.stem) || lexicon.prefixes.has(r.stem));
    cache.set(tok.norm, list.length ? list : NO_READINGS);
  }
  return list;
}

/**
 * Lexicon mentions in a token stream: at each token, the word as written and its proclitic readings start
 * a walk that extends a key token by token while it is a known prefix; the longest walk wins (as written
 * on a tie). O(tokens × alias length) hash lookups, whatever the lexicon size.
 */
export function matchLexicon(tokens: Token[], shadow: Shadow, lexicon: CompiledLexicon): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind !== "word" && tok.kind !== "latin") continue;
    const readings = startsOf(tok, lexicon);
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
