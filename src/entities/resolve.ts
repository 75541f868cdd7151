import type { MentionCandidate } from "../core/types.js";
import type { CompiledLexicon } from "../lexicon/compile.js";

const ORIGIN_RANK = { lexicon: 0, rule: 1, model: 2 } as const;
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sentences around an ambiguous name within which another name can confirm it (a news story's span). */
export const CONFIRM_WINDOW = 8;

/**
 * Keep an ambiguous lexicon match only when the text around it confirms one of the entries it may stand for:
 * that entry, or an entry related to it, is also named unambiguously within CONFIRM_WINDOW sentences (so that
 * a long text made of many stories does not confirm every ambiguous name at once).
 */
export function confirmAmbiguous(candidates: MentionCandidate[], lexicon: CompiledLexicon, sentenceOf: (token: number) => number = () => 0): MentionCandidate[] {
  const named = new Map<string, number[]>(); // entry → sentences where it is named unambiguously
  for (const c of candidates) {
    if (!c.entryId || c.ambiguous) continue;
    const list = named.get(c.entryId);
    if (list) list.push(sentenceOf(c.tokenStart));
    else named.set(c.entryId, [sentenceOf(c.tokenStart)]);
  }
  const near = (id: string, sentence: number) => named.get(id)?.some((k) => Math.abs(k - sentence) <= CONFIRM_WINDOW) ?? false;
  const confirmed = (id: string, sentence: number) => {
    if (near(id, sentence)) return true;
    for (const r of lexicon.related.get(id) ?? []) if (near(r, sentence)) return true;
    return false;
  };
  const out: MentionCandidate[] = [];
  for (const c of candidates) {
    if (!c.ambiguous) {
      out.push(c);
      continue;
    }
    const sentence = sentenceOf(c.tokenStart);
    const id = (c.alternatives ?? [c.entryId!]).find((a) => confirmed(a, sentence));
    if (!id) continue;
    const entry = lexicon.entries.get(id)!;
    const { alternatives: _alternatives, ...rest } = c;
    out.push({ ...rest, entryId: id, type: entry.type });
  }
  return out;
}

const TYPE_BIT = { person: 1, group: 2, place: 4, date: 8 } as const;

/**
 * Keep a candidate that `needsContext` (a lexicon match of a single word that is also an ordinary word, or a
 * mention of a rule that is often wrong) only when `support` (other rules, the tagger) names the same type over
 * it: such names need context before they are names.
 */
export function confirmInContext(candidates: MentionCandidate[], needsContext: (c: MentionCandidate) => boolean, support: MentionCandidate[]): MentionCandidate[] {
  const types = typesByToken(support);
  return candidates.filter((c) => {
    if (!needsContext(c)) return true;
    for (let t = c.tokenStart; t < c.tokenEnd; t++) if ((types[t] ?? 0) & TYPE_BIT[c.type]) return true;
    return false;
  });
}

/** The types (TYPE_BIT) that `mentions` name over each token; undefined past the last one. */
function typesByToken(mentions: MentionCandidate[]): Uint8Array {
  let end = 0;
  for (const m of mentions) end = Math.max(end, m.tokenEnd);
  const types = new Uint8Array(end);
  for (const m of mentions) for (let t = m.tokenStart; t < m.tokenEnd; t++) types[t]! |= TYPE_BIT[m.type];
  return types;
}

/**
 * The tagger reads the lexicon's matches as features and learnt from ANERcorp where they are names. A lexicon
 * name that `unsure` says is often no name in context (a multi-word region or institution: الجنوب اللبناني،
 * البيت الأبيض) and over which the tagger proposes no name at all stays a mention of its entity, of kind
 * descriptor; a lexicon place that the tagger takes for a name of another type (a city's word inside a person's
 * name) gives way to the tagger's name (persons and groups do not: an alias the document confirmed, الصدر).
 */
export function lexiconInTaggerContext(candidates: MentionCandidate[], proposals: MentionCandidate[], unsure: (c: MentionCandidate) => boolean): MentionCandidate[] {
  const types = typesByToken(proposals);
  const out: MentionCandidate[] = [];
  for (const c of candidates) {
    if (c.origin !== "lexicon" || c.kind !== "name" || c.type === "date") {
      out.push(c);
      continue;
    }
    let named = 0;
    for (let t = c.tokenStart; t < c.tokenEnd; t++) named |= types[t] ?? 0;
    if (c.type === "place" && named & ~TYPE_BIT.place) continue;
    out.push(!named && unsure(c) ? { ...c, kind: "descriptor" } : c);
  }
  return out;
}

/**
 * Overlapping candidates: lexicon over rule over model (lexicons and rules stay first; the tagger fills the
 * gaps they leave), then the longest (in tokens), the more confident, the earlier. Exceptions: a longer name
 * of the same type around names already kept (توني بلير around the lexicon's بلير) takes their place and keeps
 * their lexicon entry when they have one; so does a group named after a place or a person, whose name begins
 * with its own words (جامعة القاهرة around القاهرة). Deterministic for any input order.
 */
export function resolveOverlaps(candidates: MentionCandidate[]): MentionCandidate[] {
  // origin, then length in tokens, as one number: most comparisons end there
  const rank = candidates.map((c) => ORIGIN_RANK[c.origin] * 1e6 - (c.tokenEnd - c.tokenStart));
  const order = candidates.map((_, i) => i);
  order.sort((i, j) => {
    const a = candidates[i]!, b = candidates[j]!;
    return (
      rank[i]! - rank[j]! ||
      b.end - b.start - (a.end - a.start) ||
      b.confidence - a.confidence ||
      a.start - b.start ||
      compareIds(a.entryId ?? a.key ?? "", b.entryId ?? b.key ?? "")
    );
  });
  const sorted = order.map((i) => candidates[i]!);
  let tokenCount = 0;
  for (const c of candidates) tokenCount = Math.max(tokenCount, c.tokenEnd);
  const owner = new Int32Array(tokenCount).fill(-1); // index in `kept` of the mention holding each token
  const kept: (MentionCandidate | null)[] = [];
  for (const c of sorted) {
    let free = true;
    for (let t = c.tokenStart; t < c.tokenEnd && free; t++) if (owner[t]! >= 0) free = false;
    if (!free) {
      const inside = new Set<number>();
      for (let t = c.tokenStart; t < c.tokenEnd; t++) if (owner[t]! >= 0) inside.add(owner[t]!);
      const held = [...inside].map((k) => kept[k]!);
      if (!held.every((k) => surrounds(c, k) || namedAfter(c, k))) continue;
      const entries = new Set(held.flatMap((k) => (k.entryId && k.type === c.type ? [k.entryId] : [])));
      if (entries.size > 1) continue;
      for (const k of inside) kept[k] = null;
      const [entryId] = entries;
      kept.push(entryId ? { ...c, entryId } : c);
    } else kept.push(c);
    for (let t = c.tokenStart; t < c.tokenEnd; t++) owner[t] = kept.length - 1;
  }
  return kept.filter((c): c is MentionCandidate => c !== null).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A group named after a place or a person (جامعة القاهرة، مستشفى الملك فيصل): the group's name holds theirs. */
const namedAfter = (outer: MentionCandidate, inner: MentionCandidate): boolean =>
  outer.type === "group" && (inner.type === "place" || inner.type === "person") && outer.kind === "name" && inner.kind === "name" && outer.tokenStart < inner.tokenStart && inner.end <= outer.end;

/** A name of the same type that strictly contains another. */
const surrounds = (outer: MentionCandidate, inner: MentionCandidate): boolean =>
  outer.type === inner.type && outer.type !== "date" && outer.kind === "name" && inner.kind === "name" && outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;

/**
 * Where the tagger proposes a name of the same type strictly inside a lexicon or rule mention (شركة | مايكروسوفت،
 * ميلان | الإيطالي، قطاع | غزة), the mention takes the tagger's boundaries and keeps its entry: the lexicon or
 * the rule says what is named, the tagger where the name begins and ends. Tokens that `keep` says belong to the
 * name are not trimmed away (كتائب حزب الله stays whole).
 */
export function trimToProposals(candidates: MentionCandidate[], proposals: MentionCandidate[], keep: (token: number) => boolean = () => false): MentionCandidate[] {
  const byToken = new Map<number, MentionCandidate[]>();
  for (const p of proposals) byToken.set(p.tokenStart, [...(byToken.get(p.tokenStart) ?? []), p]);
  return candidates.map((c) => {
    if (c.origin === "model" || c.kind !== "name" || c.type === "date") return c;
    const inside: MentionCandidate[] = [];
    for (let t = c.tokenStart; t < c.tokenEnd; t++) for (const p of byToken.get(t) ?? []) if (surrounds(c, p)) inside.push(p);
    if (inside.length !== 1) return c;
    const p = inside[0]!;
    for (let t = c.tokenStart; t < c.tokenEnd; t++) if ((t < p.tokenStart || t >= p.tokenEnd) && keep(t)) return c;
    return { ...c, start: p.start, end: p.end, tokenStart: p.tokenStart, tokenEnd: p.tokenEnd, ...(c.entryId ? {} : { key: p.key! }) };
  });
}

/**
 * Where the tagger, which reads the lexicon's mark, names exactly the words of a lexicon place as a group (a club
 * named after its city: فاز برشلونة على …), the mention is that group: a name of its own (no lexicon entry).
 */
export function placesAsGroups(candidates: MentionCandidate[], proposals: MentionCandidate[], minConfidence = 0.5): MentionCandidate[] {
  const groups = new Map<number, MentionCandidate>();
  for (const p of proposals) if (p.type === "group" && p.confidence >= minConfidence) groups.set(p.tokenStart, p);
  if (!groups.size) return candidates;
  return candidates.map((c) => {
    const p = groups.get(c.tokenStart);
    if (!p || c.type !== "place" || c.kind !== "name" || c.origin === "model" || p.tokenEnd !== c.tokenEnd) return c;
    const { entryId: _entryId, alternatives: _alternatives, ...rest } = c;
    return { ...rest, type: "group", key: p.key! };
  });
}
