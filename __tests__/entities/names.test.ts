import { describe, expect, test } from "@jest/globals";
import type { Entity } from "../../src/core/types.js";
import { extract, loadLexicon } from "../../src/index.js";
import { findNames } from "../../src/entities/names.js";
import { matchLexicon } from "../../src/lexicon/match.js";
import { shadowOf } from "../../src/text/normalize.js";
import { tokenize } from "../../src/text/tokenize.js";
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

  test("a one-word person mention is linked to the one full name it ends, even when the word is a first name too", () => {
    const found = mentions("وقال المحامي خالد رمضان إن القضية معقدة. وأضاف رمضان أن المحكمة ستنظر فيها").filter((m) => m.type === "person");
    expect(found.map((m) => m.text)).toEqual(["خالد رمضان", "رمضان"]);
    expect(new Set(found.map((m) => m.id)).size).toBe(1);
    // two full names ending in the same word: the short one stays apart
    const two = mentions("وقال خالد رمضان وسعيد رمضان إن القضية معقدة. وأضاف رمضان أن المحكمة ستنظر فيها").filter((m) => m.type === "person");
    expect(new Set(two.map((m) => m.id)).size).toBe(two.length);
  });

  test("lexicon names stay first: the lexicon's entity and boundaries, not the tagger's", () => {
    expect(mentions("وزار قيس الخزعلي بغداد")).toEqual([
      { id: "qais-al-khazali", type: "person", text: "قيس الخزعلي", origin: "lexicon", rule: undefined, confidence: undefined },
      { id: "baghdad", type: "place", text: "بغداد", origin: "lexicon", rule: undefined, confidence: undefined },
    ]);
  });

  test("a lexicon group written with a head that stays outside names is the name after it (حركة، النادي، شركة)", () => {
    // without the tagger, whose proposals could trim the span as well
    const text = "وقالت حركة حماس إن النادي الأهلي وشركة أرامكو السعودية تبرعا للمستشفى.";
    const builtins = loadLexicon();
    const shadow = shadowOf(text);
    const { tokens, sentences } = tokenize(text, shadow);
    const found = findNames({ input: text, shadow, tokens, sentences, lexicon: builtins }, matchLexicon(tokens, shadow, builtins), [], null);
    expect(found.map((m) => [m.entryId, text.slice(m.start, m.end)])).toEqual([
      ["hamas", "حماس"],
      ["al-ahly-egypt", "الأهلي"],
      ["saudi-aramco", "أرامكو السعودية"],
    ]);
  });

  test("communities are not names of groups (الشيعة، السنة، الأكراد)", () => {
    expect(mentions("واجتمع قادة الشيعة والسنة والأكراد في بغداد").map((m) => m.text)).toEqual(["بغداد"]);
  });

  test("an ambiguous lexicon alias the text does not confirm is no name for the tagger either", () => {
    expect(mentions("وأجرى الفريق الطبي فحصا على الصدر")).toEqual([]);
  });

  test("an ambiguous alias that is an ordinary word stays a word where only a related entry confirms it (شكر and حزب الله)", () => {
    const text = "وقال حزب الله إن الحل سياسي. وفي بيروت شكر رئيس الحكومة أنان في اتصال هاتفي على اهتمامه بلبنان";
    const ids = extract(text).entities.map((e) => e.id);
    expect(ids).toContain("hezbollah");
    expect(ids).not.toContain("fuad-shukr");
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

describe("institutions named by ordinary words", () => {
  const kinds = (text: string) =>
    extract(text)
      .entities.filter((e) => e.type === "group")
      .flatMap((e) => e.mentions.map((m) => `${e.id} ${m.text} ${m.kind}`));

  test("an army or a ministry named by a noun and a gentilic is a descriptor of its entity, not a name", () => {
    expect(kinds("وقال الجيش الإسرائيلي إن الخارجية الروسية لم ترد")).toEqual(["israel-armed-forces الجيش الإسرائيلي descriptor", "russia-ministry-of-foreign-affairs الخارجية الروسية descriptor"]);
  });

  test("a government, and an institution with a proper name, stay names", () => {
    expect(kinds("وقالت الحكومة الإيرانية إن الحرس الثوري الإسلامي لم يرد")).toEqual(["government-of-iran الحكومة الإيرانية name", "irgc الحرس الثوري الإسلامي name"]);
  });
});

/** Each name mention of the text (with the built-in lexicons), described by `line`. */
const describeNames = (text: string, line: (e: Entity, m: Entity["mentions"][number]) => string) =>
  extract(text)
    .entities.filter((e) => e.type !== "date")
    .flatMap((e) => e.mentions.map((m) => line(e, m)));

describe("what a lexicon name means in its context", () => {
  const groups = (text: string) => describeNames(text, (e, m) => `${e.type} ${e.id} ${m.text}`);

  test("a name that may be a newspaper is the newspaper between quotation marks, the region elsewhere", () => {
    expect(groups("وقال لـ «الشرق الأوسط» إن السلام في الشرق الأوسط بعيد")).toEqual(["group asharq-al-awsat الشرق الأوسط", "place middle-east الشرق الأوسط"]);
  });

  test("a club's word and the city after it are the club, though the lexicon knows the city", () => {
    const clubs = testLexicon([...SMALL, { id: "moscow", type: "place", subtype: "city", ar: "موسكو" }]);
    const found = extract("وتعادل لوكوموتيف موسكو مع ضيفه في موسكو", { lexicon: clubs }).entities.flatMap((e) => e.mentions.map((m) => `${e.type} ${m.text}`));
    expect(found).toEqual(["group لوكوموتيف موسكو", "place موسكو"]);
  });
});

describe("what the tagger says of lexicon and rule names", () => {
  const found = (text: string) => describeNames(text, (e, m) => `${e.type} ${m.text} ${m.kind}`);

  test("a multi-word region or institution the tagger names nothing over is a description of its entity", () => {
    expect(found("وعاد المقاتلون إلى الجنوب اللبناني بعد الحرب .")).toEqual(["place الجنوب اللبناني descriptor"]);
    expect(found("وقال البيت الأبيض إن الرئيس سيزور المنطقة الأسبوع المقبل .")).toEqual(["group البيت الأبيض descriptor"]);
  });

  test("a word after an honorific is a person's name only where the tagger names a person there too", () => {
    expect(found("وكان الشيخ ساكنا لا يتكلم .")).toEqual([]);
    expect(found("وصلى الناس على الشيخ المغفور له في المسجد .")).toEqual([]);
    expect(found("وقال الرئيس الفرنسي ساركوزي إن الاتفاق قريب .")).toContain("person ساركوزي name");
  });

  test("a longer name that holds an ambiguous alias the text does not confirm is still a name", () => {
    expect(found("وروى سعد بن أبي وقاص الحديث .")).toContain("person سعد بن أبي وقاص name");
  });
});

describe("a person named again by the last words of the full name", () => {
  const people = (text: string) =>
    extract(text)
      .entities.filter((e) => e.type === "person")
      .map((e) => e.mentions.map((m) => m.text));

  test("the later mention joins the full name's entity", () => {
    expect(people("وقال الكاتب جان بول سارتر إن الحرية مسؤولية . وكتب بول سارتر عن الوجود .")).toEqual([["جان بول سارتر", "بول سارتر"]]);
    expect(people("وقال الرئيس الصومالي السابق أبو القاسم عبدي صلاد حسن إن الحرب انتهت . ودعا صلاد حسن الشعب إلى الهدوء .")).toEqual([
      ["أبو القاسم عبدي صلاد حسن", "صلاد حسن"],
    ]);
  });
});

describe("repeated names", () => {
  /** Names without the tagger: only lexicon and rule mentions, and the repeats of the rules' names. */
  const withoutTagger = (text: string) => {
    const shadow = shadowOf(text);
    const { tokens, sentences } = tokenize(text, shadow);
    return findNames({ input: text, shadow, tokens, sentences, lexicon }, matchLexicon(tokens, shadow, lexicon), [], null)
      .filter((m) => m.rule === "person.repeat" || m.rule === "person.short-name")
      .map((m) => text.slice(m.start, m.end));
  };

  test("a one-word repeat of a proper name stands alone; one of a word that may be no name needs the tagger", () => {
    expect(withoutTagger("وقال الرئيس الفرنسي ساركوزي إن الاتفاق قريب. ودعا ساركوزي إلى الحوار")).toEqual(["ساركوزي"]);
    expect(withoutTagger("وقال الشيخ أمين إن الاتفاق قريب. وكان أمين الصندوق حاضرا")).toEqual([]);
  });
});
