import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { tokenize, tokenNorms } from "../../src/text/tokenize.js";

const words = (s: string) => tokenize(s).tokens.map((t) => s.slice(t.start, t.end));
const sentences = (s: string) => tokenize(s).sentences.map((x) => s.slice(x.start, x.end));

describe("tokenize", () => {
  test("splits Arabic punctuation from words (wink-nlp leaves it glued)", () => {
    expect(words("قال، إن «الوضع» خطير؛ لماذا؟")).toEqual(["قال", "،", "إن", "«", "الوضع", "»", "خطير", "؛", "لماذا", "؟"]);
  });

  test("keeps numeric dates whole in both digit sets, and reports the input text", () => {
    const s = "في 23/12/2021 و ٢٣/١٢/٢٠٢١ قتل 27 شخصا";
    const t = tokenize(s).tokens;
    expect(words(s)).toEqual(["في", "23/12/2021", "و", "٢٣/١٢/٢٠٢١", "قتل", "27", "شخصا"]);
    expect(t[3]).toMatchObject({ kind: "number", norm: "23/12/2021" });
  });

  test("URLs, e-mails, hashtags and mentions are single tokens", () => {
    expect(words("انظر https://example.com/a?b=1. و#العراق_الآن و@reuters أو info@isnad.dev")).toEqual([
      "انظر", "https://example.com/a?b=1", ".", "و", "#العراق_الآن", "و", "@reuters", "أو", "info@isnad.dev",
    ]);
  });

  test("diacritics and tatweel stay inside the token's input span but not in its norm", () => {
    const s = "اتّهمَ قـاآني";
    const t = tokenize(s).tokens;
    expect(t.map((x) => x.norm)).toEqual(["اتهم", "قاآني".replace("آ", "ا")]);
    expect(s.slice(t[0]!.start, t[0]!.end)).toBe("اتّهمَ");
  });

  test("sentences end at . ! ? ؟ and line breaks, not inside numbers, dates, ellipses or after an initial", () => {
    const s = "قاآني يجتمع مع الميليشيات... ماذا بحث اللقاء؟ قال د. محمد إن النسبة 3.5 في المئة. \"انتهى.\"\nسطر ثان";
    expect(sentences(s)).toEqual([
      "قاآني يجتمع مع الميليشيات... ماذا بحث اللقاء؟",
      "قال د. محمد إن النسبة 3.5 في المئة.",
      '"انتهى."',
      "سطر ثان",
    ]);
  });

  test("CRLF line ends separate sentences and are kept in the input", () => {
    const s = "السطر الأول\r\nالسطر الثاني";
    expect(sentences(s)).toEqual(["السطر الأول", "السطر الثاني"]);
  });
});

describe("tokenNorms (lexicon aliases and date phrases)", () => {
  const pieces = ["الإمارات", "قاآني", "ق.م", "ذو الحجة", "https://x.org/a.", "#العراق", "23/12/2021", "٢٣", "ـ", "ً", "ى", "ة", "«", "»", " ", "\n", "Al-Sadr", "😀", "\u200F", "،"];
  test("gives exactly the norms of tokenize's tokens, on random mixes of Arabic, Latin, digits, URLs and marks", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join("")), (phrase) => {
        expect(tokenNorms(phrase)).toEqual(tokenize(phrase).tokens.map((t) => t.norm));
      })
    );
    expect(tokenNorms("وزارة الخارجيّة الإيرانيـة")).toEqual(["وزاره", "الخارجيه", "الايرانيه"]);
  });
});
