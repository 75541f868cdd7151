import { describe, expect, test } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Claim } from "../../src/core/types.js";
import { extract } from "../../src/index.js";
import { score, SEED, SEED_GOLD, tempDir } from "../helpers/cli.js";
import { schemaErrors } from "../helpers/schema.js";

/** The seed article's claims, scored by the project's ruler (the vendored score.mjs). */
const text = readFileSync(SEED, "utf8");
const doc = extract(text, { source: "seed.txt" });
const out = join(tempDir(), "seed.json");
writeFileSync(out, JSON.stringify(doc));
const result = score(SEED_GOLD, out, SEED);
const at = (cue: string, from = 0): Claim => {
  const cp = Array.from(text);
  const c = doc.claims.find((x) => x.cue.text === cue && x.cue.start >= from);
  if (!c) throw new Error(`no claim at ${cue} after ${from} (${cp.length})`);
  return c;
};
type Part = { text: string; entity: string | null; relation?: string };

describe("seed article: claims (golden, scored with score.mjs)", () => {
  test("at least 16 of the 18 gold claims complete, precision ≥ 0.85, about F1 ≥ 0.70, every span the input slice", () => {
    expect(result.claims.complete.tp).toBeGreaterThanOrEqual(16);
    expect(result.claims.complete.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.claims.about.f1).toBeGreaterThanOrEqual(0.7);
    expect(result.claims.stanceAccuracy).toBe(1);
    expect(result.invalidSpans).toBe(0);
    expect(schemaErrors(doc)).toBe("");
  });

  test("ids c1 … in cue order", () => {
    expect(doc.claims.map((c) => c.id)).toEqual(doc.claims.map((_, i) => `c${i + 1}`));
    const starts = doc.claims.map((c) => c.cue.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  test("the lead and its caption are one claim, the caption its evidence", () => {
    const lead = at("طالب");
    const evidence = lead.evidence as { cue: { text: string; start: number } }[];
    expect(evidence.map((e) => e.cue.text)).toEqual(["طالب"]);
    expect(evidence[0]!.cue.start).toBeGreaterThan(lead.cue.start);
    expect(lead.speaker).toMatchObject({ text: "قائد فيلق القدس الإيراني إسماعيل قاآني", entity: "esmail-qaani", affiliations: ["quds-force", "iran"] });
    expect(lead.addressee).toMatchObject({ text: "فصائل موالية" });
  });

  test("blame: targets, and the source chain Reuters → an official → diplomats, dated أمس", () => {
    const blame = at("ألقى");
    expect(blame.stance).toBe("blame");
    expect((blame.targets as Part[]).map((t) => t.text)).toEqual(["هادي العامري وقيس الخزعلي"]);
    expect(blame.about.slice(0, 2)).toEqual(["hadi-al-amiri", "qais-al-khazali"]);
    const via = blame.via as Part[];
    expect(via.map((v) => [v.entity, v.relation])).toEqual([["reuters", "reported"], [null, "citing"], [null, "citing"]]);
    expect(via[1]!.text).toBe("مسؤول في الميليشيات العراقية");
    expect(blame.date).toMatchObject({ text: "أمس", value: "2021-12-22" });
    expect(blame.content!.text).not.toContain("وفقاً");
  });

  test("a claim inside a claim's content has it as parent; the inner quote is direct", () => {
    const outer = at("قالت");
    const inner = at("قال", outer.cue.start);
    expect(inner.parent).toBe(outer.id);
    expect(inner.kind).toBe("direct");
    expect(inner.speaker?.entity).toBe("esmail-qaani");
    expect(inner.addressee).toMatchObject({ text: "قادة فصيلين" });
  });

  test("coreference: القيادي الإيراني → قاآني, الوكالة → رويترز, رئيس الحكومة → الكاظمي (added as mentions)", () => {
    expect(at("وجّه رسالة").speaker).toMatchObject({ text: "القيادي الإيراني", entity: "esmail-qaani" });
    expect(at("لفتت").speaker).toMatchObject({ text: "الوكالة", entity: "reuters" });
    expect((at("اتهم").targets as Part[])[0]).toMatchObject({ text: "رئيس الحكومة", entity: "mustafa-al-kadhimi" });
    const kinds = (id: string) => doc.entities.find((e) => e.id === id)!.mentions.filter((m) => m.kind !== "name").map((m) => `${m.kind}:${m.text}`);
    expect(kinds("esmail-qaani")).toContain("descriptor:القيادي الإيراني");
    expect(kinds("mustafa-al-kadhimi")).toContain("role:رئيس الحكومة");
  });

  test("unnamed speakers keep their whole description and the groups it names", () => {
    expect(at("اتهم").speaker).toMatchObject({
      entity: null,
      text: 'مسؤولون في كلٍّ من حركة عصائب أهل الحق، وكتائب حزب الله، و"سيد الشهداء"',
      affiliations: expect.arrayContaining(["asaib-ahl-al-haq", "kataib-sayyid-al-shuhada"]),
    });
    expect(at("قالت").speaker).toMatchObject({ text: "المصادر المطلعة على الاجتماع", entity: null });
  });

  test("a participle continues its speaker; a question is questioned; the headline colon is a cue", () => {
    expect(at("مضيفاً").speaker?.text).toBe("أحد مسؤولي الفصيل");
    expect(at("صرّح").polarity).toBe("questioned");
    expect(at(":", 2000)).toMatchObject({ stance: "say", kind: "direct", speaker: { entity: "esmail-qaani" } });
  });

  test("the writer's own words are no claims: في إشارة إلى، يشار إلى أنّ، امتنع عن الكشف، على حد تعبيره", () => {
    const cues = doc.claims.map((c) => c.cue.text);
    for (const w of ["إشارة", "يشار", "الكشف", "تعبيره", "متسائلاً", "تهدد", "يهدد"]) expect(cues).not.toContain(w);
    expect(at("رأى").content!.text).toContain("تهدد سلطة الأطراف المؤيدة");
  });

  test("edges: said, about (with stance), via, and one stance edge per speaker, target and stance", () => {
    const edge = (type: string, source: string, target: string) => doc.edges.find((e) => e.type === type && e.source === source && e.target === target);
    const blame = at("ألقى");
    expect(edge("said", "esmail-qaani", blame.id)).toBeDefined();
    expect(edge("about", blame.id, "hadi-al-amiri")).toMatchObject({ stance: "blame" });
    expect(edge("via", blame.id, "reuters")).toMatchObject({ relation: "reported", order: 0 });
    expect(edge("stance", "esmail-qaani", "hadi-al-amiri")).toMatchObject({ stance: "blame", claims: [blame.id] });
  });
});
