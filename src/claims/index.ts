/**
 * Claims stage: who said what about whom. Runs after entities are linked, over the same tokens.
 *   1. cue hits (scan.ts), relay chains (via.ts), headline colons
 *   2. each cue: its speaker phrase (speakers.ts), addressee, target and content start (slots.ts)
 *   3. content ends (content.ts); relays become source chains of the claim they follow, or claims
 *   4. nesting; speakers of cues with none of their own (وأضاف، مضيفاً) from the claim they continue
 *   5. coreference of speakers, targets and sources (coref.ts); the published claims (build.ts)
 * Pure: the same input gives the same claims, sorted by cue, with ids c1, c2 … in that order.
 */
import type { Claim, Entity } from "../core/types.js";
import { buildClaims, type Draft } from "./build.js";
import { contentEnd } from "./content.js";
import { captionEnds, continueSpeakers, nest, placeRelays } from "./continuation.js";
import { buildContext, type ClaimsInput } from "./context.js";
import { addCorefMentions } from "./coref.js";
import { draftOf, opensOwnClause } from "./draft.js";
import { scanCues, type CueHit } from "./scan.js";
import { findSlots, type SlotContext, type Slots } from "./slots.js";
import { headlineColons } from "./speakers.js";
import { readChain, type Chain } from "./via.js";

export type { ClaimsInput } from "./context.js";

export interface ClaimsResult {
  claims: Claim[];
  /** the entities, with the role and descriptor mentions that coreference resolved */
  entities: Entity[];
}

export function extractClaims(input: ClaimsInput): ClaimsResult {
  const ctx = buildContext(input);
  const { hits, formulas } = scanCues(ctx);
  const hitAt = new Map<number, CueHit>();
  for (const h of hits) hitAt.set(h.token, h);

  // relays first: the verb inside one (وفقاً لما نقلته) is not a claim of its own
  const consumed = new Set<CueHit>();
  const relays: { hit: CueHit; chain: Chain }[] = [];
  for (const h of hits) {
    if (h.kind !== "relay" || ctx.quoteOf[h.token]) continue;
    const chain = readChain(ctx, hitAt, h.endToken, h.sourceSkip);
    if (!chain) continue;
    relays.push({ hit: h, chain });
    if (chain.verb) consumed.add(chain.verb);
  }
  const formulaEnds = new Set(formulas.filter((f) => f.phrase.endsContent).map((f) => f.token));
  // «على حد تعبيره» inside a content names its source and leaves the content whole
  const relayTokens = new Set(relays.filter((r) => r.hit.relay?.id !== "relay.ala-hadd").map((r) => r.hit.token));
  const sc: SlotContext = { ctx, hitAt, isBarrier: (k) => formulaEnds.has(k) || relayTokens.has(k) };

  // two passes: a cue word that makes no claim (عبر = via, طلب = a request) must not stop another claim's content
  const draftAll = (draftFor: (h: CueHit) => Draft | null): Draft[] => {
    const out: Draft[] = [];
    const absorbed = new Set<CueHit>(consumed);
    for (const h of hits) {
      if (h.kind === "relay" || absorbed.has(h)) continue;
      const d = draftFor(h);
      if (!d) continue;
      for (const a of d.slots.absorbed) absorbed.add(a);
      out.push(d);
    }
    for (const d of out) d.absorbed = absorbed.has(d.hit);
    return out;
  };
  // the first pass notes the cue tokens each draft found a cue on; the second redoes only the drafts that
  // found one of the cues the first pass dropped
  const firstDrafts = new Map<CueHit, { draft: Draft | null; found: number[] }>();
  let found: number[] = [];
  const noting: SlotContext = {
    ...sc,
    hitAt: {
      get: (k) => {
        const h = hitAt.get(k);
        if (h) found.push(k);
        return h;
      },
      has: (k) => {
        const present = hitAt.has(k);
        if (present) found.push(k);
        return present;
      },
    },
  };
  let drafts = draftAll((h) => {
    found = [];
    const draft = draftOf(ctx, noting, h);
    firstDrafts.set(h, { draft, found });
    return draft;
  });
  const viable = new Set<CueHit>();
  for (const d of drafts) {
    viable.add(d.hit);
    for (const a of d.slots.absorbed) viable.add(a);
  }
  const dropped = new Set<number>();
  for (const h of hits) {
    if (viable.has(h)) continue;
    hitAt.delete(h.token);
    dropped.add(h.token);
  }
  drafts = draftAll((h) => {
    const first = firstDrafts.get(h);
    return first && !first.found.some((k) => dropped.has(k)) ? first.draft : draftOf(ctx, sc, h);
  });
  for (const d of drafts) for (const a of d.slots.absorbed) consumed.add(a);
  for (const { colon, phrase } of headlineColons(ctx, hits)) {
    const t = ctx.tokens[colon]!;
    const hit: CueHit = { kind: "colon", cue: null, relay: null, stance: "say", token: colon, endToken: colon + 1, start: t.start, end: t.end, conj: false, gender: null, objectSuffix: null, needsToken: null, sourceSkip: 0, present: false };
    const slots = findSlots(sc, hit, colon);
    if (slots.content) drafts.push({ hit, rule: "speaker.headline", phrase, slots, content: null, chain: null, parent: null, inherit: null, alternative: null, absorbed: false });
  }
  const live = drafts.filter((d) => !d.absorbed && !consumed.has(d.hit));

  // content ends at a new clause with a cue of its own, a relay, or the writer's gloss
  // … and at a photo credit («… ( رويترز - أرشيف )»)
  const captions = captionEnds(ctx);
  const boundaries = new Set<number>([...formulaEnds, ...relayTokens, ...captions.map((c) => c.open)]);
  for (const d of live) if (opensOwnClause(ctx, d.hit)) boundaries.add(d.hit.token);
  const isBoundary = (k: number) => boundaries.has(k);
  const placed: Draft[] = [];
  const place = (slots: Slots): Draft["content"] => {
    const end = contentEnd(ctx, slots.content!, isBoundary);
    return end ? { from: slots.content!.from, to: end.to, token: slots.content!.token, endToken: end.endToken } : null;
  };
  for (const d of live) {
    d.content = place(d.slots);
    if (d.alternative) d.alternative.content = place(d.alternative.slots);
    if (d.content) placed.push(d);
  }
  placeRelays(ctx, relays, placed, isBoundary);
  placed.sort((a, b) => a.hit.start - b.hit.start);
  nest(placed);
  const attributed = continueSpeakers(ctx, placed, captions);
  const { claims, coref } = buildClaims(ctx, attributed);
  return { claims, entities: addCorefMentions(input.entities, coref, input.input) };
}
