import { describe, expect, test } from "@jest/globals";
import type { Claim } from "../../src/core/types.js";
import { extract } from "../../src/index.js";

type Part = { text: string; entity: string | null; affiliations: string[]; relation?: string };
const claimsOf = (text: string, date?: string) => extract(text, date ? { date } : {}).claims;
const one = (text: string, date?: string): Claim => {
  const claims = claimsOf(text, date);
  expect(claims.map((c) => c.cue.text)).toHaveLength(1);
  return claims[0]!;
};

describe("cues and speakers", () => {
  test("wire copy: no hamzas, spaces around punctuation", () => {
    const c = one("واكد الوزير ان الحكومة ستواصل الحوار مع جميع الاطراف .");
    expect(c).toMatchObject({ stance: "assert", cue: { text: "اكد" }, speaker: { text: "الوزير" }, content: { text: "الحكومة ستواصل الحوار مع جميع الاطراف" } });
  });

  test("subject before the verb, after إنّ, and after وكان … قد", () => {
    const claims = claimsOf("وقالت المصادر إن الحكومة الإيرانية كانت قد دانت الهجوم على السفارة. وكان الرئيس الأمريكي قد أعلن أنه سيزور المنطقة.");
    expect(claims.map((c) => [c.cue.text, c.speaker?.text])).toEqual([["قالت", "المصادر"], ["دانت", "الحكومة الإيرانية"], ["أعلن", "الرئيس الأمريكي"]]);
    expect(claims[1]!.parent).toBe("c1");
  });

  test("a participle and a subject-less وأضاف continue the speaker", () => {
    const claims = claimsOf("وقال وزير الخارجية إن الوضع صعب، مشيراً إلى أن الحل سياسي. وأضاف أن المفاوضات ستستمر.");
    expect(claims.map((c) => [c.cue.text, c.speaker?.text])).toEqual([["قال", "وزير الخارجية"], ["مشيراً", "وزير الخارجية"], ["أضاف", "وزير الخارجية"]]);
  });

  test("an unnamed source keeps its description and the places it names", () => {
    const c = one("وقال مسؤول في وزارة الخارجية الإيرانية إن الاجتماع سيعقد غداً.");
    expect(c.speaker).toMatchObject({ text: "مسؤول في وزارة الخارجية الإيرانية", entity: null });
    // the lexicon knows the ministry; its words name it, not just the country
    expect(c.speaker!.affiliations).toContain("iran-ministry-of-foreign-affairs");
  });

  test("a verbless headline: the colon is the cue, the content is direct", () => {
    const c = one("مقتدى الصدر: «لن نشارك في حكومة توافقية»");
    expect(c).toMatchObject({ cue: { text: ":" }, stance: "say", kind: "direct", speaker: { entity: "muqtada-al-sadr" }, content: { text: "لن نشارك في حكومة توافقية" } });
  });

  test("a quotation before its verb", () => {
    const c = one("«لن نسمح بتحويل الجنوب إلى ساحة»، قال رئيس الحكومة أمس.");
    expect(c).toMatchObject({ cue: { text: "قال" }, kind: "direct", content: { text: "لن نسمح بتحويل الجنوب إلى ساحة" }, speaker: { text: "رئيس الحكومة" } });
  });

  test("a role resolves through the lexicon's dated roles", () => {
    expect(one("وقال رئيس الوزراء العراقي إن الانتخابات ستجرى في موعدها.", "2021-06-01").speaker).toMatchObject({ text: "رئيس الوزراء العراقي", entity: "mustafa-al-kadhimi" });
  });

  test("a passive cue has no speaker", () => {
    expect(one("وقيل إن المداهمات تركزت في مخيم جنين.").speaker).toBeNull();
  });
});

describe("content, polarity, nesting", () => {
  test("the writer's formulas are no claims, «يذكر» with a subject is", () => {
    expect(claimsOf("يشار إلى أن الجسر افتتح قبل عامين. يذكر أن المدينة شهدت احتجاجات. وامتنع المسؤول عن الكشف عن اسمه.")).toEqual([]);
    expect(one("ويذكر التقرير أن الأسعار ارتفعت.").speaker?.text).toBe("التقرير");
  });

  test("«لم يؤكد» reports that nothing was said; «لا يرى» is a negated opinion", () => {
    expect(claimsOf("لم يؤكد البنتاغون حتى الآن صحة التقارير.")).toEqual([]);
    expect(one("ولا يرى المحللون أن الحل قريب.").polarity).toBe("negated");
  });

  test("a question is questioned, a condition conditional", () => {
    expect(one("وتساءل النائب: «هل نملك استراتيجية واضحة؟»").polarity).toBe("questioned");
    expect(one("وإذا أكد الوزير أن الاتفاق انهار فستتغير الخطة.").polarity).toBe("conditional");
  });

  test("a scare quote and «على حد تعبيره» stay inside the content", () => {
    const c = one('ورأى الوزير أن تلك الأفعال "التافهة"، على حد تعبيره، تهدد الاستقرار في البلاد.');
    expect(c.content!.text).toContain("تهدد الاستقرار في البلاد");
  });

  test("a claim reported inside another is its child", () => {
    const [outer, inner] = claimsOf("وقال مصدر أمني إن قائد العمليات أبلغه أن الدفاعات أسقطت ثلاث طائرات.");
    expect(inner).toMatchObject({ cue: { text: "أبلغه" }, parent: outer!.id, speaker: { text: "قائد العمليات" }, content: { text: "الدفاعات أسقطت ثلاث طائرات" } });
  });

  test("a new clause with its own cue ends the content before it", () => {
    const [a, b] = claimsOf("واتهم الوزير المعارضة بتعطيل الجلسات، وزعم أن سياساتها تضر بالبلاد.");
    expect(a!.content!.text).toBe("بتعطيل الجلسات");
    expect(b).toMatchObject({ stance: "allege", speaker: { text: "الوزير" } });
  });

  test("accuse X بـ: X is the target and comes first in about", () => {
    const c = one("واتهم المتحدث إيران بدعم الجماعات المسلحة في العراق.");
    expect((c.targets as Part[])[0]).toMatchObject({ text: "إيران", entity: "iran" });
    expect(c.about).toEqual(["iran", "iraq"]);
  });
});

describe("relays and source chains", () => {
  test("a relay after a claim is its source chain, not a claim", () => {
    const c = one("وقال المتحدث إن الهدنة صامدة، وفقاً لما نقلته وكالة رويترز عن مسؤول أمني.");
    expect((c.via as Part[]).map((v) => [v.text, v.entity, v.relation])).toEqual([["وكالة رويترز", "reuters", "reported"], ["مسؤول أمني", null, "citing"]]);
    expect(c.content!.text).toBe("الهدنة صامدة");
  });

  test("a relay that introduces content is a report claim of its source", () => {
    expect(one("وبحسب التقرير الذي نشرته الأمم المتحدة أمس، فإن أكثر من مليون شخص يحتاجون إلى المساعدة.")).toMatchObject({
      stance: "report", cue: { text: "بحسب" }, content: { text: "أكثر من مليون شخص يحتاجون إلى المساعدة" },
    });
  });

  test("«نقلت الوكالة عن مسؤول قوله»: the official speaks, the agency relays", () => {
    const c = one("ونقلت وكالة رويترز عن مسؤول عراقي قوله إن المحادثات فشلت.");
    expect(c).toMatchObject({ stance: "report", speaker: { text: "مسؤول عراقي" }, content: { text: "المحادثات فشلت" } });
    expect((c.via as Part[])[0]).toMatchObject({ entity: "reuters", relation: "reported" });
  });
});

describe("output", () => {
  test("offsets are code points and every span is the input slice, also after an emoji", () => {
    const text = "🙂🙂 وقال الوزير إن «الوضع صعب» في البلاد.";
    const doc = extract(text);
    const cp = Array.from(text);
    const spans = doc.claims.flatMap((c) => [c.cue, c.content!, c.speaker!]);
    expect(spans.length).toBe(3);
    for (const s of spans) expect(cp.slice(s.start, s.end).join("")).toBe(s.text);
  });

  test("deterministic", () => {
    const text = "وقال الوزير إن الوضع صعب. وأكد السفير أن الحل قريب، محذراً من التصعيد.";
    expect(JSON.stringify(extract(text))).toBe(JSON.stringify(extract(text)));
  });
});
