import { describe, expect, test } from "@jest/globals";
import { nounForms, participleForms, pastForms, presentForms } from "../../src/claims/morph.js";

const forms = (list: { form: string }[]) => list.map((f) => f.form);

describe("inflections of the cue lexicon's base forms", () => {
  test("past: feminine, plural and dual of a sound verb and of a defective one", () => {
    expect(forms(pastForms("قال"))).toEqual(expect.arrayContaining(["قال", "قالت", "قالوا", "قالا", "قالتا"]));
    expect(forms(pastForms("نفى"))).toEqual(expect.arrayContaining(["نفى", "نفت", "نفوا"]));
    expect(forms(pastForms("دعا"))).toEqual(expect.arrayContaining(["دعت", "دعوا"]));
    expect(forms(pastForms("نفى"))).not.toContain("نفىت");
  });

  test("present: feminine, plural, future, and the jussive of a defective verb only after لم", () => {
    const p = presentForms("يقول");
    expect(forms(p)).toEqual(expect.arrayContaining(["يقول", "تقول", "يقولون", "سيقول", "ستقول"]));
    const d = presentForms("ينفي");
    expect(forms(d)).toEqual(expect.arrayContaining(["ينفي", "تنفي", "ينفون"]));
    expect(d.find((f) => f.form === "ينف")?.jussive).toBe(true);
    expect(d.find((f) => f.form === "سينف")).toBeUndefined();
  });

  test("participle: from the accusative with tanwin to feminine and plural", () => {
    expect(forms(participleForms("مضيفاً"))).toEqual(["مضيفا", "مضيفة", "مضيفين", "مضيفون"]);
  });

  test("source nouns: article, feminine, plurals, accusative", () => {
    expect(nounForms("مسؤول")).toEqual(expect.arrayContaining(["مسؤولا", "مسؤولون", "المسؤولين", "مسؤولي", "المسؤولة"]));
  });
});
