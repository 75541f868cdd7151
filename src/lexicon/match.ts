import type { MentionCandidate, Token } from "../core/types.js";
import type { Shadow } from "../text/normalize.js";
import { procliticReadings, type CliticReading } from "../text/clitics.js";
import { WordCache } from "../text/vocabulary.js";
import { KEY_SEP, type CompiledLexicon, type LexiconHit } from "./compile.js";

const MATCHABLE = new Set(["word", "latin", "number", "punct", "hashtag"]);

/** A reading of a word that starts a walk: its one-word hits, and whether longer surfaces start with it. */
interface WalkStart {
  stem: string;
  prefix: number;
  hits: LexiconHit[] | undefined;
  extends: boolean;
  /** the walk's second step by the next word's id, learnt as met (most walks end there) */
  next?: Map<number, WalkStep>;
}
interface WalkStep {
  key: string;
  hits: LexiconHit[] | undefined;
  extends: boolean;
}
/** Second steps learnt in all (a bound on their memory over a long stream; past it, steps are looked up each time). */
let learntSteps = 0;
const MAX_STEPS = 200_000;

/** The step from a walk's key to `key + next word`: its hits and whether the walk goes on. */
function stepOf(lexicon: CompiledLexicon, key: string): WalkStep {
  return { key, hits: lexicon.hits.get(key), extends: lexicon.prefixes.has(key) };
}

/** The second step of a walk from `r` to the word `next`, cached by word id. */
function secondStep(lexicon: CompiledLexicon, r: WalkStart, next: Token): WalkStep {
  let step = r.next?.get(next.word);
  if (!step) {
    step = stepOf(lexicon, r.stem + KEY_SEP + next.norm);
    if (learntSteps < MAX_STEPS) {
      learntSteps++;
      (r.next ??= new Map()).set(next.word, step);
    }
  }
  return step;
}
const startCaches = new WeakMap<CompiledLexicon, WordCache<WalkStart[]>>();
const NO_STARTS: WalkStart[] = [];

/** The readings of a word that start a walk (known surfaces or prefixes), once per distinct word and lexicon. */
function startsOf(tok: Token, lexicon: CompiledLexicon): WalkStart[] {
  let cache = startCaches.get(lexicon);
  if (!cache) startCaches.set(lexicon, (cache = new WordCache()));
  let list = cache.get(tok.word);
  if (!list) {
    const readings: CliticReading[] = tok.kind === "word" ? procliticReadings(tok.norm) : [{ stem: tok.norm, prefix: 0, suffix: 0 }];
    list = readings
      .map((r) => ({ stem: r.stem, prefix: r.prefix, hits: lexicon.hits.get(r.stem), extends: lexicon.prefixes.has(r.stem) }))
      .filter((r) => r.hits || r.extends);
    cache.set(tok.word, list.length ? list : NO_STARTS);
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
      if (r.hits && (!best || i + 1 > best.end)) best = { end: i + 1, prefix: r.prefix, hits: r.hits };
      if (!r.extends) continue;
      let key = r.stem;
      for (let j = i + 1; ; j++) {
        const next = tokens[j];
        if (!next || !MATCHABLE.has(next.kind) || next.sentence !== tok.sentence) break;
        const step = j === i + 1 ? secondStep(lexicon, r, next) : stepOf(lexicon, key + KEY_SEP + next.norm);
        key = step.key;
        if (step.hits && (!best || j + 1 > best.end)) best = { end: j + 1, prefix: r.prefix, hits: step.hits };
        if (!step.extends) break;
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
