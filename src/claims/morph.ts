/**
 * Inflections of the cue lexicon's base forms: the stage lists one form of each verb, participle and source
 * noun, and matches every form a news text uses (قالت، قالوا، يقولون، ستقول، لم ينفِ، مضيفةً، المسؤولين).
 * Forms are returned as written; callers normalize them like the text.
 */

export type Gender = "m" | "f" | "pl";

export interface VerbForm {
  form: string;
  gender: Gender;
  /** a jussive that only stands after لم (ينفِ، يدعُ) */
  jussive?: boolean;
}

const DEFECTIVE_END = /[ىاوي]$/;

/** Past forms from the 3rd person masculine singular (قال → قالت، قالوا، قالا، قالتا; نفى → نفت، نفوا). */
export function pastForms(past: string): VerbForm[] {
  if (/[ىا]$/.test(past)) {
    const stem = past.slice(0, -1);
    return [
      { form: past, gender: "m" },
      { form: stem + "ت", gender: "f" },
      { form: stem + "تا", gender: "f" },
      { form: stem + "وا", gender: "pl" },
    ];
  }
  return [
    { form: past, gender: "m" },
    { form: past + "ت", gender: "f" },
    { form: past + "تا", gender: "f" },
    { form: past + "وا", gender: "pl" },
    { form: past + "ا", gender: "pl" },
  ];
}

/** Present forms from the 3rd person masculine singular (يقول → تقول، يقولون، يقولان، سيقول …). */
export function presentForms(present: string): VerbForm[] {
  const body = present.slice(1);
  const out: VerbForm[] = [
    { form: present, gender: "m" },
    { form: "ت" + body, gender: "f" },
  ];
  if (DEFECTIVE_END.test(present)) {
    const stem = present.slice(0, -1);
    out.push({ form: stem + "ون", gender: "pl" }, { form: stem + "وا", gender: "pl" });
    out.push({ form: stem, gender: "m", jussive: true }, { form: "ت" + stem.slice(1), gender: "f", jussive: true });
  } else {
    out.push(
      { form: present + "ون", gender: "pl" },
      { form: present + "وا", gender: "pl" },
      { form: present + "ان", gender: "pl" },
      { form: "ت" + body + "ان", gender: "f" }
    );
  }
  return [...out, ...out.filter((f) => !f.jussive).map((f) => ({ ...f, form: "س" + f.form }))];
}

/** Participle forms from the masculine accusative (مضيفاً → مضيفا، مضيفة، مضيفين). */
export function participleForms(participle: string): VerbForm[] {
  const base = participle.replace(/[\u064B-\u0652]/g, "");
  const stem = base.endsWith("ا") ? base.slice(0, -1) : base;
  return [
    { form: stem + "ا", gender: "m" },
    { form: stem + "ة", gender: "f" },
    { form: stem + "ين", gender: "pl" },
    { form: stem + "ون", gender: "pl" },
  ];
}

/** A source noun or adjective with its article, feminine, sound plurals and accusative (مسؤول → المسؤولين …). */
export function nounForms(base: string): string[] {
  const bare = base.startsWith("ال") ? base.slice(2) : base;
  const forms = [bare, bare + "ا", bare + "ة", bare + "ون", bare + "ين", bare + "و", bare + "ي", bare + "ات", bare + "تان", bare + "تين", bare + "ان"];
  return [...forms, ...forms.map((f) => "ال" + f)];
}

/** A listed form with and without the article. */
export function withArticle(form: string): string[] {
  return form.startsWith("ال") ? [form] : [form, "ال" + form];
}
