import { describe, expect, test } from "@jest/globals";
import { extract } from "../../src/index.js";
import { testLexicon, SMALL } from "../helpers/lexicon.js";

/** The pipeline with a small lexicon: names it does not know come from the rules and the tagger. */
const lexicon = testLexicon(SMALL);
const mentions = (text: string, options = {}) =>
  extract(text, { lexicon, ...options }).entities.flatMap((e) => e.mentions.map((m) => ({ id: e.id, type: e.type, text: m.text, origin: m.origin, rule: m.rule, confidence: m.confidence })));

describe("names the lexicon does not know", () => {
  test("the tagger proposes a name no rule finds, with origin model and a confidence", () => {
    const [m] = mentions("وقال أينشتاين إن النظرية صحيحة");
    expect(m).toMatchObject({ type: "person", text: "أينشتاين", origin: "model" });
    expect(m!.confidence).toBeGreaterThan(0.5);
    expect(m!.confidence).toBeLessThanOrEqual(1);
  });

  test("a person found by a rule is linked across the document by the last word of the name", () => {
    const found = mentions("وأعرب الأمين العام للأمم المتحدة كوفي أنان عن قلقه. وقال أنان إن الحل سياسي");
    const annan = found.filter((m) => m.type === "person");
    expect(annan.map((m) => m.text)).toEqual(["كوفي أنان", "أنان"]);
    expect(new Set(annan.map((m) => m.id)).size).toBe(1);
  });

  test("lexicon names stay first: the lexicon's entity and boundaries, not the tagger's", () => {
    expect(mentions("وزار قيس الخزعلي بغداد")).toEqual([
      { id: "qais-al-khazali", type: "person", text: "قيس الخزعلي", origin: "lexicon", rule: undefined, confidence: undefined },
      { id: "baghdad", type: "place", text: "بغداد", origin: "lexicon", rule: undefined, confidence: undefined },
    ]);
  });

  test("communities are not names of groups (الشيعة، السنة، الأكراد)", () => {
    expect(mentions("واجتمع قادة الشيعة والسنة والأكراد في بغداد").map((m) => m.text)).toEqual(["بغداد"]);
  });

  test("an ambiguous lexicon alias the text does not confirm is no name for the tagger either", () => {
    expect(mentions("وأجرى الفريق الطبي فحصا على الصدر")).toEqual([]);
  });

  test("--min-confidence drops the less sure mentions, --types the other types", () => {
    const text = "وقال الرئيس الفرنسي جاك شيراك في باريس إن أينشتاين عبقري";
    const all = mentions(text);
    expect(all.some((m) => m.origin === "rule")).toBe(true);
    expect(mentions(text, { minConfidence: 0.99 }).every((m) => (m.confidence ?? 1) >= 0.99)).toBe(true);
    expect(mentions(text, { types: ["place"] }).every((m) => m.type === "place")).toBe(true);
  });

  test("the same text gives byte-identical output", () => {
    const text = "وأعرب كوفي أنان عن قلقه. وقال الرئيس جورج بوش إن أنان محق، وذكرت صحيفة الحياة ذلك";
    expect(JSON.stringify(extract(text, { lexicon }))).toBe(JSON.stringify(extract(text, { lexicon })));
  });
});
