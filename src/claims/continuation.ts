/**
 * After every cue has its content: relays join the claim they follow or become claims, claims nest in the
 * content that reports them, and cues with no speaker of their own take the one of the claim they continue.
 */
import type { Draft, SpeakerRule } from "./build.js";
import { contentEnd } from "./content.js";
import { normOf, sentenceRange, type Context } from "./context.js";
import { readPhrase, type NounPhrase } from "./phrase.js";
import type { CueHit } from "./scan.js";
import type { Slots } from "./slots.js";
import { skipAdverbs } from "./speakers.js";
import type { Chain } from "./via.js";

/** Sentences a cue without a subject may look back for the speaker it continues. */
const CONTINUE_WINDOW = 4;

/**
 * A relay after a claim in its sentence is that claim's source chain; otherwise it is a claim of the source
 * it names, over the content it introduces (بحسب التقرير، فإن …) or the clause it follows.
 */
export function placeRelays(ctx: Context, relays: { hit: CueHit; chain: Chain }[], placed: Draft[], isBoundary: (k: number) => boolean): void {
  const bySentence = new Map<number, Draft[]>();
  for (const d of placed) {
    const s = ctx.tokens[d.hit.token]!.sentence;
    const list = bySentence.get(s);
    if (list) list.push(d);
    else bySentence.set(s, [d]);
  }
  for (const { hit, chain } of relays) {
    const [first, end] = sentenceRange(ctx, hit.token);
    const before = (bySentence.get(ctx.tokens[hit.token]!.sentence) ?? [])
      .filter((d) => d.hit.token < hit.token && d.content && d.content.token <= hit.token)
      .sort((a, b) => b.hit.token - a.hit.token)[0];
    if (before) {
      if (chain.links.length) before.chain ??= chain;
      continue;
    }
    const citing = chain.links.filter((l) => l.relation === "citing");
    const speaker = citing[0]?.phrase ?? chain.links[0]?.phrase ?? null;
    const relayChain: Chain = { ...chain, links: citing.length ? chain.links.filter((l) => l.phrase !== speaker) : [] };
    let token = skipAdverbs(ctx, chain.end);
    while (token < end && /^[،,:]$/.test(normOf(ctx, token))) token++;
    let content: Draft["content"] = null;
    if (hit.token === first || (hit.token === first + 1 && ctx.cues.words.relayOpeners.has(normOf(ctx, first)))) {
      if (token >= end) continue;
      const w = normOf(ctx, token);
      const skipThat = ctx.cues.words.that.has(w) && /^(?:ف|و)?ان$/.test(w);
      const start = { token: skipThat ? token + 1 : token, from: ctx.tokens[skipThat ? token + 1 : token]?.start ?? 0, slot: "rest" as const, quote: null };
      if (start.token >= end) continue;
      const e = contentEnd(ctx, start, isBoundary);
      if (!e) continue;
      content = { from: start.from, to: e.to, token: start.token, endToken: e.endToken };
    } else {
      let last = hit.token;
      while (last > first && /^[،,]$/.test(normOf(ctx, last - 1))) last--;
      if (last - first < 3) continue;
      content = { from: ctx.tokens[first]!.start, to: ctx.tokens[last - 1]!.end, token: first, endToken: last };
    }
    const slots: Slots = { addressee: null, target: null, content: null, absorbed: [], origin: null, channel: null };
    // «بحسب قوله»، «على حد تعبيره»: the source is the speaker the text is following
    const rule: SpeakerRule = speaker ? "speaker.relay" : "speaker.continue";
    placed.push({ hit, rule, phrase: speaker, slots, content, chain: relayChain.links.length ? relayChain : null, parent: null, inherit: null, alternative: null, absorbed: false, date: chain.date });
  }
}

/** The parent of a claim is the innermost other claim whose content holds its cue. */
export function nest(drafts: Draft[]): void {
  // a content reaches at most a paragraph or two past its cue: compare with the claims whose content starts before the cue
  const byStart = [...drafts].filter((e) => e.content).sort((a, b) => a.content!.from - b.content!.from);
  for (const d of drafts) {
    let best: Draft | null = null;
    for (const e of byStart) {
      if (e.content!.from > d.hit.start) break;
      if (e === d || !e.content || !(e.content.from <= d.hit.start && d.hit.end <= e.content.to)) continue;
      if (!best || e.content.to - e.content.from < best.content!.to - best.content!.from) best = e;
    }
    d.parent = best;
  }
}

/** Photo credits («… ( الفرنسية )»), as their bracket tokens: a caption's claims are not continued after it. */
export function captionEnds(ctx: Context): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  const { tokens } = ctx;
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (tokens[k]!.norm !== "(") continue;
    let j = k + 1;
    let credit = false;
    while (j < tokens.length && j <= k + 5 && tokens[j]!.norm !== ")") {
      const m = ctx.covering[j];
      if (ctx.cues.words.credits.has(tokens[j]!.norm) || (m && (ctx.entry(m.entity.id)?.subtype === "agency" || m.kind === "gentilic"))) credit = true;
      j++;
    }
    if (credit && tokens[j]?.norm === ")") out.push({ open: k, close: j });
  }
  return out;
}

/**
 * Speakers of cues with none of their own: the claim they continue, or the entity «من جهته» points to.
 * `captions`: the photo credits (captionEnds).
 */
export function continueSpeakers(ctx: Context, drafts: Draft[], captions: { open: number; close: number }[]): Draft[] {
  const out: Draft[] = [];
  let lastTop: Draft | null = null;
  const sentenceOf = (d: Draft) => ctx.tokens[d.hit.token]!.sentence;
  const near = (d: Draft, e: Draft | null, n: number) => !!e && sentenceOf(d) - sentenceOf(e) <= n;
  const inCaption = (d: Draft) => captions.some((c) => ctx.tokens[c.close]!.sentence === sentenceOf(d) && c.close > d.hit.token);
  for (const d of drafts) {
    const quoted = ctx.quoteOf[d.hit.token];
    if (d.alternative && near(d, lastTop, 1) && lastTop && (sentenceOf(lastTop) === sentenceOf(d) || d.hit.conj)) {
      // the phrase after the verb is its object; the speaker is the one the sentence is about
      d.slots = d.alternative.slots;
      d.phrase = null;
      d.rule = "speaker.continue";
      d.content = d.alternative.content ?? d.content;
    }
    if (d.rule === "speaker.participle") {
      if (quoted && d.parent) continue;
      // the verb of the sentence it follows (not a noun claim inside it), else the speaker the text follows
      const same: Draft[] = [];
      for (let i = out.length - 1; i >= 0 && sentenceOf(out[i]!) === sentenceOf(d); i--) {
        const e = out[i]!;
        if (e.hit.token < d.hit.token && e.hit.kind !== "noun" && !(e.content && e.content.from <= d.hit.start && d.hit.end <= e.content.to)) same.unshift(e);
      }
      d.inherit = same.filter((e) => !e.parent).pop() ?? same.pop() ?? (near(d, lastTop, 2) ? lastTop : null);
      if (!d.inherit) continue;
    } else if (d.rule === "speaker.continue") {
      // a verb without a subject inside a quotation is the quoted speaker's own «I» (أعتبر، أؤكد); inside
      // another claim, «و» + verb goes on with what that claim reports, and an opinion (أنه يتوقع) is part of it
      if (quoted && d.parent) continue;
      if (d.parent && (d.hit.stance === "opine" || d.hit.conj)) continue;
      // «ويتوقع أن …» with no subject is impersonal
      if (d.hit.present && d.hit.stance === "opine") continue;
      if (!near(d, lastTop, CONTINUE_WINDOW)) continue;
      d.inherit = lastTop;
    } else if (d.rule === "speaker.new-topic") {
      d.phrase = recentlyNamed(ctx, d, lastTop);
      if (!d.phrase) continue;
    }
    // a verbal noun with a pronoun inside another claim's content is part of what that claim reports
    if (d.parent && d.hit.kind === "noun" && d.rule !== "speaker.possessor") continue;
    if (d.parent && d.hit.kind === "noun" && d.phrase && d.phrase.end <= d.hit.token) continue;
    out.push(d);
    if (!d.parent && d.rule !== "speaker.passive" && d.hit.kind !== "noun" && !inCaption(d)) lastTop = d;
  }
  return out;
}

/** «من جهته، أكد …»: the person or group named last before the cue, other than the previous speaker. */
function recentlyNamed(ctx: Context, d: Draft, previous: Draft | null): NounPhrase | null {
  const sentence = ctx.tokens[d.hit.token]!.sentence;
  const previousEntity = previous?.phrase?.names[0]?.entity.id;
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.start >= d.hit.start || m.kind !== "name" || (m.type !== "person" && m.type !== "group")) continue;
    if (sentence - ctx.tokens[m.tokenStart]!.sentence > 2) break;
    if (m.entity.id === previousEntity) continue;
    const p = readPhrase(ctx, m.tokenStart);
    if (p) return p;
  }
  return null;
}
