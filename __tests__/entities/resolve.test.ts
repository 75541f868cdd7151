import { describe, expect, test } from "@jest/globals";
import type { MentionCandidate } from "../../src/core/types.js";
import { confirmAmbiguous, confirmInContext, lexiconInTaggerContext, placesAsGroups, resolveOverlaps, trimToProposals } from "../../src/entities/resolve.js";
import { testLexicon, SMALL } from "../helpers/lexicon.js";

const lexicon = testLexicon(SMALL);

/** A candidate over tokens [tokenStart, tokenEnd), one character per token for simplicity. */
function cand(tokenStart: number, tokenEnd: number, extra: Partial<MentionCandidate>): MentionCandidate {
  return { start: tokenStart * 10, end: tokenEnd * 10 - 1, tokenStart, tokenEnd, type: "person", kind: "name", origin: "lexicon", confidence: 1, ...extra };
}

describe("resolveOverlaps", () => {
  test("lexicon over rule over model, whatever their lengths", () => {
    const lexiconPlace = cand(0, 1, { type: "place", entryId: "baghdad" });
    const ruleGroup = cand(0, 2, { type: "group", origin: "rule", rule: "group.head-noun", confidence: 0.7, key: "x" });
    const modelPerson = cand(1, 3, { origin: "model", confidence: 0.9, key: "y" });
    expect(resolveOverlaps([modelPerson, ruleGroup, lexiconPlace])).toEqual([lexiconPlace, modelPerson]);
  });

  test("a longer name of the same type around kept names takes their place and keeps their lexicon entry", () => {
    const lexiconSurname = cand(1, 2, { entryId: "qais-al-khazali" });
    const ruleFull = cand(0, 2, { origin: "rule", rule: "person.first-name", confidence: 0.8, key: "قيس الخزعلي" });
    expect(resolveOverlaps([lexiconSurname, ruleFull])).toEqual([{ ...ruleFull, entryId: "qais-al-khazali" }]);
  });

  test("a group named after a place holds the place's name (جامعة القاهرة), whatever found it", () => {
    const cairo = cand(1, 2, { type: "place", entryId: "cairo" });
    const university = cand(0, 2, { type: "group", origin: "model", confidence: 0.8, key: "جامعه القاهره" });
    expect(resolveOverlaps([cairo, university])).toEqual([university]);
  });

  test("a longer name does not swallow names of two different entries", () => {
    const a = cand(0, 1, { entryId: "esmail-qaani" });
    const b = cand(1, 2, { entryId: "qais-al-khazali" });
    const both = cand(0, 2, { origin: "model", confidence: 0.9, key: "x" });
    expect(resolveOverlaps([a, b, both])).toEqual([a, b]);
  });
});

describe("trimToProposals", () => {
  test("a lexicon mention takes the boundaries of a name the tagger finds inside it, and keeps its entry", () => {
    const company = cand(0, 2, { type: "group", entryId: "hezbollah" });
    const proposal = cand(1, 2, { type: "group", origin: "model", confidence: 0.9, key: "حزب الله" });
    expect(trimToProposals([company], [proposal])).toEqual([{ ...company, start: 10, end: 19, tokenStart: 1, tokenEnd: 2 }]);
  });

  test("…unless what it would leave out belongs to the name (كتائب حزب الله is not حزب الله)", () => {
    const kataib = cand(0, 3, { type: "group", entryId: "kataib-hezbollah" });
    const proposal = cand(1, 3, { type: "group", origin: "model", confidence: 0.9, key: "حزب الله" });
    expect(trimToProposals([kataib], [proposal], (t) => t === 0)).toEqual([kataib]);
  });
});

describe("confirmInContext", () => {
  test("a lexicon match that needs context is kept only where a rule or the tagger names the same type over it", () => {
    const island = cand(0, 1, { type: "group", entryId: "al-jazeera" });
    const agreeing = cand(0, 1, { type: "group", origin: "model", confidence: 0.8, key: "الجزيرة" });
    const disagreeing = cand(0, 1, { type: "place", origin: "model", confidence: 0.8, key: "الجزيرة" });
    expect(confirmInContext([island], () => true, [agreeing])).toEqual([island]);
    expect(confirmInContext([island], () => true, [disagreeing])).toEqual([]);
    expect(confirmInContext([island], () => false, [])).toEqual([island]);
  });
});

describe("confirmAmbiguous", () => {
  test("an ambiguous alias is confirmed by a related entry named within a few sentences, not by one far away", () => {
    const sadr = cand(0, 1, { entryId: "muqtada-al-sadr", ambiguous: true, confidence: 0.6 });
    const iraq = cand(5, 6, { type: "place", entryId: "iraq" });
    const sentenceOf = (near: boolean) => (t: number) => (t === 0 ? 0 : near ? 3 : 40);
    expect(confirmAmbiguous([sadr, iraq], lexicon, sentenceOf(true)).map((c) => c.entryId)).toEqual(["muqtada-al-sadr", "iraq"]);
    expect(confirmAmbiguous([sadr, iraq], lexicon, sentenceOf(false)).map((c) => c.entryId)).toEqual(["iraq"]);
  });
});

describe("placesAsGroups", () => {
  test("a lexicon place that the tagger names a group over the same words is that group, without the entry", () => {
    const city = cand(1, 2, { type: "place", entryId: "barcelona", alternatives: ["barcelona"] });
    const club = cand(1, 2, { type: "group", origin: "model", confidence: 0.8, key: "برشلونه" });
    const { entryId: _entryId, alternatives: _alternatives, ...rest } = city;
    expect(placesAsGroups([city], [club])).toEqual([{ ...rest, type: "group", key: "برشلونه" }]);
  });

  test("not when the tagger is unsure, names other words, or names a person", () => {
    const city = cand(1, 2, { type: "place", entryId: "barcelona" });
    expect(placesAsGroups([city], [cand(1, 2, { type: "group", origin: "model", confidence: 0.3, key: "x" })])).toEqual([city]);
    expect(placesAsGroups([city], [cand(0, 2, { type: "group", origin: "model", confidence: 0.9, key: "x" })])).toEqual([city]);
    expect(placesAsGroups([city], [cand(1, 2, { origin: "model", confidence: 0.9, key: "x" })])).toEqual([city]);
  });
});

describe("lexiconInTaggerContext", () => {
  const region = cand(0, 2, { type: "place", entryId: "south-lebanon" });
  const unsure = () => true;

  test("an unsure lexicon name over which the tagger proposes nothing becomes a descriptor of its entity", () => {
    expect(lexiconInTaggerContext([region], [], unsure)).toEqual([{ ...region, kind: "descriptor" }]);
    expect(lexiconInTaggerContext([region], [], () => false)).toEqual([region]);
  });

  test("a name of the same type over it keeps it a name; a name of another type takes its place", () => {
    const place = cand(1, 2, { type: "place", origin: "model", confidence: 0.7, key: "اللبناني" });
    const person = cand(1, 3, { type: "person", origin: "model", confidence: 0.7, key: "x" });
    expect(lexiconInTaggerContext([region], [place], unsure)).toEqual([region]);
    expect(lexiconInTaggerContext([region], [person], () => false)).toEqual([]);
  });

  test("a lexicon person the tagger takes for a place stays (an alias the document confirmed: الصدر)", () => {
    const sadr = cand(0, 1, { entryId: "muqtada-al-sadr" });
    const place = cand(0, 1, { type: "place", origin: "model", confidence: 0.7, key: "الصدر" });
    expect(lexiconInTaggerContext([sadr], [place], unsure)).toEqual([sadr]);
  });

  test("rule and model mentions are left as they are", () => {
    const rulePlace = cand(0, 2, { type: "place", origin: "rule", rule: "place.after-cue", confidence: 0.8, key: "x" });
    expect(lexiconInTaggerContext([rulePlace], [], unsure)).toEqual([rulePlace]);
  });
});
