import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { extract } from "../../src/index.js";
import { testLexicon, SMALL } from "../helpers/lexicon.js";
import { schemaErrors } from "../helpers/schema.js";

const lexicon = testLexicon(SMALL);
const pieces = [
  "قاآني", "إسماعيل قاآني", "وقيس الخزعلي", "لطهران", "العراقية", "كتائب حزب الله", "قال", "إنّ", "«", "»", "،", "؛", "؟",
  "23/12/2021", "٢٣/١٢/٢٠٢١", "Reuters", "https://x.org/a", "#العراق", "😀", "🇮🇶", "\u200F", "\u200B", "\r\n", "\n\n", " ", "...",
  "ـ", "ً", "ّ", "\uFEFB", "ﷲ", "ي", "ى", "ة", "\uFEFF", "\t", "'", '"', "٪", "3.5", "ال", "و",
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join("")),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...pieces), maxLength: 30 })
);

/** Every {start,end,text} object in the document slices back to its text in code points. */
function spans(value: unknown, out: { start: number; end: number; text: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) spans(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string") out.push(o as never);
    for (const v of Object.values(o)) spans(v, out);
  }
  return out;
}

describe("invariants over random text (fast-check)", () => {
  test("never throws; every span slices the input in code points; output validates", () => {
    fc.assert(
      fc.property(text, (input) => {
        const doc = extract(input, { lexicon });
        const cps = [...(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input)];
        for (const s of spans(doc)) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(cps.slice(s.start, s.end).join("")).toBe(s.text);
        }
        expect(schemaErrors(doc)).toBe("");
        expect(doc.document.length).toBe(cps.length);
      }),
      { numRuns: 400, seed: 20211223 }
    );
  });

  test("deterministic: the same input gives byte-identical output", () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(JSON.stringify(extract(input, { lexicon }))).toBe(JSON.stringify(extract(input, { lexicon })));
      }),
      { numRuns: 100, seed: 7 }
    );
  });

  test("an emoji before Arabic shifts code point offsets by one, not two", () => {
    const doc = extract("😀 قاآني", { lexicon });
    expect(doc.entities[0]!.mentions[0]).toMatchObject({ start: 2, end: 7, text: "قاآني" });
  });
});
