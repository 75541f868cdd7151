import { describe, expect, test } from "@jest/globals";
import { extract } from "../../src/index.js";
import { findRuleMentions } from "../../src/entities/rules.js";
import { compiledRuleData, compileRuleData, ruleData, ruleFileProblems } from "../../src/entities/rules/data.js";
import { shadowOf } from "../../src/text/normalize.js";
import { tokenize } from "../../src/text/tokenize.js";
import { matchLexicon } from "../../src/lexicon/match.js";
import { StringTable } from "../../src/lexicon/table.js";
import { testLexicon, SMALL } from "../helpers/lexicon.js";

/** The test lexicon plus the countries whose gentilics the examples use (الأمريكي، الإسرائيلي …). */
const lexicon = testLexicon([
  ...SMALL,
  { id: "united-states", type: "place", subtype: "country", ar: "الولايات المتحدة", aliases: ["أمريكا", "أميركا"], gentilics: ["أمريكي", "أميركي"] },
  { id: "israel", type: "place", subtype: "country", ar: "إسرائيل", gentilics: ["إسرائيلي"] },
  { id: "united-kingdom", type: "place", subtype: "country", ar: "المملكة المتحدة", aliases: ["بريطانيا"], gentilics: ["بريطاني"] },
  { id: "yemen", type: "place", subtype: "country", ar: "اليمن" },
  { id: "sanaa", type: "place", subtype: "city", ar: "صنعاء", partOf: ["yemen"] },
]);

function ruleMentions(text: string, only?: (id: string) => boolean) {
  const shadow = shadowOf(text);
  const { tokens, sentences } = tokenize(text, shadow);
  const known = matchLexicon(tokens, shadow, lexicon);
  return findRuleMentions({ input: text, shadow, tokens, sentences, lexicon, known }, only).map((m) => ({ text: text.slice(m.start, m.end), rule: m.rule, type: m.type, origin: m.origin, confidence: m.confidence }));
}

describe("rule files", () => {
  test("every rule file validates against lexicons/rules/rules.schema.json, with unique ids and known trigger lists", () => {
    expect(ruleFileProblems()).toEqual([]);
  });

  test("every rule has an example, a reason and a confidence", () => {
    for (const r of ruleData().rules) {
      expect(r.examples.length).toBeGreaterThan(0);
      expect(r.reason.length).toBeGreaterThan(20);
      expect(r.confidence).toBeGreaterThan(0);
    }
  });
});

/** Every example of every rule, run alone: the rule finds exactly the example's mentions (so every rule fires). */
const examples = ruleData().rules.flatMap((r) => r.examples.map((e) => [r.id, r.kind, e.text, e.mentions] as const));

describe.each(examples)("rule %s (%s): %s", (id, kind, text, expected) => {
  test(`finds ${JSON.stringify(expected)}`, () => {
    // a short name or a repeat is found by the rule, or by the tagger and linked: either way it joins the first mention
    const found =
      kind === "short-name" || kind === "repeat"
        ? extract(text, { lexicon }).entities.flatMap((e) => (e.mentions.length > 1 ? e.mentions.slice(1).map((m) => m.text) : []))
        : ruleMentions(text, (r) => r === id).map((m) => m.text);
    expect(found).toEqual([...expected]);
  });
});

describe("findRuleMentions", () => {
  test("rule mentions carry origin rule, their rule id and the rule's confidence", () => {
    const [m] = ruleMentions("وقال الرئيس الأمريكي جورج بوش إن بلاده");
    expect(m).toMatchObject({ text: "جورج بوش", rule: "person.after-honorific", type: "person", origin: "rule" });
    expect(m!.confidence).toBe(ruleData().rules.find((r) => r.id === "person.after-honorific")!.confidence);
  });

  test("a name after a title stops at a verb, a preposition and a conjunction", () => {
    const afterTitle = (text: string) => ruleMentions(text, (id) => id.startsWith("person.after")).map((m) => m.text);
    expect(afterTitle("وقال الرئيس الفرنسي جاك شيراك للصحفيين إن")).toEqual(["جاك شيراك"]);
    expect(afterTitle("والتقى الشيخ حمد ووزير الخارجية في الدوحة")).toEqual(["حمد"]);
    expect(afterTitle("أعلن الرئيس فلاديمير بوتين أمس")).toEqual(["فلاديمير بوتين"]);
  });

  test("a first name that is also an ordinary word needs a name part after it", () => {
    expect(ruleMentions("وعبر عن أمل كبير وسعيد جدا بالنتيجة")).toEqual([]);
    expect(ruleMentions("واستقبل سعيد بن سلطان الوفد").map((m) => m.text)).toEqual(["سعيد بن سلطان"]);
  });

  test("an office names its person after its complement (ملك أراجون is not a person); an ordinal ends the name", () => {
    expect(ruleMentions("وذهب إلى ملك أراجون خايمي الأول في بلنسية", (id) => id === "person.after-office").map((m) => m.text)).toEqual(["خايمي الأول"]);
  });

  test("a conjunction on the first word stays out of the mention", () => {
    const [m] = ruleMentions("ومحمود عباس رئيس السلطة");
    expect(m).toMatchObject({ text: "محمود عباس", rule: "person.first-name" });
  });

  test("a group head stays outside for media and companies, inside for parties and organisations", () => {
    expect(ruleMentions("وذكرت صحيفة الحياة أن حزب العمال البريطاني أعلن", (id) => id === "group.head-noun").map((m) => m.text)).toEqual(["الحياة", "حزب العمال"]);
    expect(ruleMentions("وأعلنت وزارة الخارجية أن شركة نوكيا", (id) => id === "group.head-noun").map((m) => m.text)).toEqual(["نوكيا"]);
  });

  test("a cue before an adjective names no place (منطقة صناعية), before a proper word it does", () => {
    expect(ruleMentions("في منطقة صناعية وفي مخيم جنين", (id) => id === "place.after-cue").map((m) => m.text)).toEqual(["جنين"]);
  });
});

describe("the compiled rule data (dist/rules.compiled.json)", () => {
  test("is what the rule files compile to, with its sets and maps, and is what a process uses", () => {
    const built = compiledRuleData(); // npm test builds first
    expect(built).not.toBeNull();
    expect(built).toEqual(compileRuleData());
    expect(built!.firstNames).toBeInstanceOf(StringTable);
    expect(built!.firstNames.has("محمد")).toBe(true);
    expect(built!.firstNames.has("قال")).toBe(false);
    expect(built!.phrases.get("offices")!.set).toBeInstanceOf(Map);
    expect(ruleData()).toEqual(built);
  });
});
