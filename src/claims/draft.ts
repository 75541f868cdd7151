/**
 * One cue → a draft claim: where its speaker is (its own words, or a claim it continues, decided later), and
 * its addressee, target and content start. A cue word that has none of these in its place is no claim.
 */
import type { Chain } from "./via.js";
import type { Draft, SpeakerRule } from "./build.js";
import { endsWithPossessive, lettersBefore, normOf, sentenceRange, withoutConjunction, type Context } from "./context.js";
import { readPhrase, type NounPhrase } from "./phrase.js";
import { CLOSING_MARK } from "./quotes.js";
import type { CueHit } from "./scan.js";
import { findSlots, type SlotContext } from "./slots.js";
import { opensNewSpeaker, resumptiveSubject, skipAdverbs, subjectAfter, subjectBefore } from "./speakers.js";

/** A cue that starts a clause of its own (وزعم، فيما رفض، ، مضيفاً): the content before it ends there. */
export function opensOwnClause(ctx: Context, hit: CueHit): boolean {
  if (hit.conj || mannerNoun(ctx, hit)) return true;
  const prev = normOf(ctx, hit.token - 1);
  if (prev === "،" || prev === "؛" || prev === ",") return true;
  // «… " ، مشيرا» / «…" بالقول»: after a closing quotation
  return (hit.kind === "participle" || hit.kind === "noun") && CLOSING_MARK.test(prev) && !!ctx.quoteClosing[hit.token - 1];
}

/** «بالقول»، «بقوله»: a saying noun with ب that tells how the clause's speaker put it. */
function mannerNoun(ctx: Context, hit: CueHit): boolean {
  if (hit.kind !== "noun") return false;
  const w = withoutConjunction(normOf(ctx, hit.token));
  return w.startsWith("ب") && ctx.cues.words.sayingNouns.has(w.startsWith("بال") ? w.slice(3) : w.slice(1));
}

/**
 * A verb with no subject continues a speaker only where a clause starts: وقال، «قال» opening a sentence or
 * following an adverbial that opens it (وفي مقارنة بين …، لفتت), «، قال», «أنه قال», «لكنه أكد».
 */
function startsClause(ctx: Context, hit: CueHit, hitAt: SlotContext["hitAt"]): boolean {
  if (hit.conj) return true;
  const [first] = sentenceRange(ctx, hit.token);
  const { words } = ctx.cues;
  let k = hit.token - 1;
  while (k >= first && (words.adverbs.has(normOf(ctx, k)) || words.auxiliaries.has(normOf(ctx, k)))) k--;
  if (k < first) return true;
  const w = normOf(ctx, k);
  if (w === "،" || w === "؛" || w === ":" || words.clauseOpeners.has(w) || (words.that.has(w) && !/^[وفلب]?ان$/.test(w))) return true;
  if (words.sentencePrepositions.has(normOf(ctx, first))) {
    for (let j = first; j < hit.token; j++) if (hitAt.has(j)) return false;
    return true;
  }
  return false;
}

function takesObject(hit: CueHit): boolean {
  return !!hit.cue && (hit.cue.addressee.includes("object") || hit.cue.target.includes("object"));
}

export function draftOf(ctx: Context, sc: SlotContext, hit: CueHit): Draft | null {
  const [first] = sentenceRange(ctx, hit.token);
  const before = normOf(ctx, hit.token - 1);
  // «لم يؤكد»، «لم يعلّق»: the text reports that nothing was said
  const { pastNegations, subjunctives } = ctx.cues.words;
  if (pastNegations.has(before) || (before === "قد" && pastNegations.has(normOf(ctx, hit.token - 2)))) return null;
  // «أن ترفض قوى 14 آذار»: a prediction or a wish, not a statement
  if (hit.present && subjunctives.has(before)) return null;
  let phrase: NounPhrase | null = null;
  let rule: SpeakerRule;
  let after = hit.endToken;
  let alternative: Draft["alternative"] = null;
  const word = normOf(ctx, hit.token);
  const possessive = hit.objectSuffix !== null || endsWithPossessive(ctx.input.slice(hit.start, hit.end));
  if (hit.kind === "passive") rule = "speaker.passive";
  else if (hit.kind === "participle" || mannerNoun(ctx, hit) || (hit.kind === "noun" && !possessive && word.endsWith("ا"))) {
    // a participle or a manner noun (بالقول، بقوله، تأكيداً) takes the speaker of the clause it follows;
    // without a comma before it, its content must follow at once («إصابات مؤكدة في صفوفهم» is an adjective)
    if (hit.token === first) return null;
    if (hit.kind === "participle" && !/^[،؛,"»”)]$/.test(before)) {
      const probe = findSlots(sc, hit, hit.endToken);
      if (!probe.content || probe.content.token > skipAdverbs(ctx, hit.endToken) + 1 || probe.content.slot === "rest") return null;
    }
    rule = "speaker.participle";
  } else if (hit.kind === "noun" && possessive) {
    phrase = possessor(ctx, hit);
    rule = phrase ? "speaker.possessor" : "speaker.continue";
  } else if (hit.kind === "noun") {
    // «دعوة حزب الله إلى …»، «اعلان نصرالله تحقيق …»: the speaker follows the noun
    phrase = readPhrase(ctx, hit.endToken);
    if (!phrase || phrase.head === "guess") return null;
    rule = "speaker.possessor";
    after = phrase.end;
  } else {
    const subject = subjectBefore(ctx, hit);
    if (subject) {
      phrase = subject.phrase;
      rule = subject.rule;
    } else {
      const vso = subjectAfter(ctx, hit);
      if (vso && !(vso.head === "guess" && takesObject(hit))) {
        phrase = vso;
        rule = "speaker.vso";
        after = vso.end;
        // «وطالبت إسرائيل بتقديم اعتذار»: after «و» a body or a place may be the object of the same speaker
        if (hit.conj && takesObject(hit) && ["place", "group", "institution", "gentilic"].includes(vso.head)) {
          const asSubject = findSlots(sc, hit, vso.end);
          const asObject = findSlots(sc, hit, hit.endToken);
          // only when the phrase, read as the subject, leaves the verb without the object it takes
          if (!asSubject.addressee && !asSubject.target && asObject.content && (asObject.addressee || asObject.target)) alternative = { slots: asObject };
        }
      } else if ((phrase = resumptiveSubject(ctx, hit))) rule = "speaker.relative";
      else if (opensNewSpeaker(ctx, hit)) rule = "speaker.new-topic";
      else if (startsClause(ctx, hit, sc.hitAt)) rule = "speaker.continue";
      else return null;
    }
  }
  const slots = findSlots(sc, hit, after);
  if (!slots.content) return null;
  if (hit.cue?.id === "assert.dafaa" && ctx.covering[slots.content.token]?.type === "person") return null;
  let chain: Chain | null = null;
  const reporter = slots.origin ? phrase : null;
  if (slots.origin) {
    // «نقلت الوكالة عن مسؤول قوله»: the official speaks, the agency relays
    phrase = slots.origin;
    rule = "speaker.origin";
  }
  const links = [
    ...(reporter ? [{ phrase: reporter, relation: "reported" as const }] : []),
    ...(slots.channel ? [{ phrase: readPhrase(ctx, slots.channel.start, { skipLetters: lettersBefore(ctx, slots.channel.start, slots.channel.from) }), relation: "reported" as const }] : []),
  ].filter((l): l is { phrase: NounPhrase; relation: "reported" } => l.phrase !== null);
  if (links.length) chain = { links, end: after, date: null, verb: null };
  return { hit, rule, phrase, slots, content: null, chain, parent: null, inherit: null, alternative, absorbed: false };
}


/** The phrase right before a verbal noun with a pronoun (جدد الوزير أمس انتقاده، عن مسؤول قوله). */
function possessor(ctx: Context, hit: CueHit): NounPhrase | null {
  const [first] = sentenceRange(ctx, hit.token);
  let end = hit.token;
  while (end > first && (ctx.covering[end - 1]?.type === "date" || ctx.cues.words.adverbs.has(normOf(ctx, end - 1)))) end = ctx.covering[end - 1]?.type === "date" ? ctx.covering[end - 1]!.tokenStart : end - 1;
  let best: NounPhrase | null = null;
  const options = { limit: end };
  for (let s = end - 1; s >= Math.max(first, end - 10); s--) {
    const p = readPhrase(ctx, s, options);
    if (p && p.end === end && p.head !== "guess") best = p;
  }
  return best;
}

