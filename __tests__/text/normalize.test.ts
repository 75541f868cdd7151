import { describe, expect, test } from "@jest/globals";
import {
  dediacritize, foldPresentationForms, inputSpan, normalize, normalizeAlef, normalizeAlefMaqsura, normalizeDigits,
  normalizeTehMarbuta, removeInvisibles, removeTatweel, shadowOf,
} from "../../src/text/normalize.js";

describe("normalizers", () => {
  test.each([
    [normalizeAlef, "أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"],
    [normalizeAlefMaqsura, "مصطفى إلى", "مصطفي إلي"],
    [normalizeTehMarbuta, "الحكومة العراقية", "الحكومه العراقيه"],
    [dediacritize, "اتّهمَ قاآنيُّ", "اتهم قاآني"],
    [removeTatweel, "بـالـلـوم", "باللوم"],
    [removeInvisibles, "\u200Fقال\u200B", "قال"],
    [foldPresentationForms, "\uFEFB\uFEE3\uFE8E", "لاما"],
    [normalizeDigits, "٢٣/١٢/٢٠٢١ و۲۳", "23/12/2021 و23"],
  ])("%p", (fn, input, expected) => {
    expect(fn(input)).toBe(expected);
  });

  test("the chain folds every variant of a name to one key", () => {
    expect(normalize("إسماعيلُ قـاآنى")).toBe(normalize("اسماعيل قاانى"));
    expect(normalize("الحكومةُ الإيرانيّة")).toBe("الحكومه الايرانيه");
  });
});

describe("shadowOf keeps an offset map back to the input", () => {
  test("removed marks and expanded ligatures map to their input characters", () => {
    const input = "وَقيسُ \uFEFBبُدَّ ٢٠٢١";
    const sh = shadowOf(input);
    expect(sh.text).toBe("وقيس لابد 2021");
    expect(sh.from.length).toBe(sh.text.length);
    // "قيس" in the shadow is [1, 4): in the input it starts after و + fatha and swallows its trailing damma
    const [s, e] = inputSpan(input, sh, 1, 4);
    expect(input.slice(s, e)).toBe("قيسُ");
    // both letters of the lam-alef ligature come from one input character
    const la = sh.text.indexOf("لا");
    expect(inputSpan(input, sh, la, la + 2)).toEqual([input.indexOf("\uFEFB"), input.indexOf("\uFEFB") + 1]);
    const d = sh.text.indexOf("2021");
    expect(input.slice(...inputSpan(input, sh, d, d + 4))).toBe("٢٠٢١");
  });

  test("astral characters (emoji) keep their two code units", () => {
    const input = "😀قال";
    const sh = shadowOf(input);
    expect(sh.text).toBe(input);
    expect(input.slice(...inputSpan(input, sh, 2, 5))).toBe("قال");
  });
});

describe("normalize (one pass) agrees with the chain of normalizers", () => {
  test("on every character of the Arabic blocks, presentation forms, marks and mixed strings", async () => {
    const { normalizeChain } = await import("../../src/text/normalize.js");
    const ranges: [number, number][] = [[0x20, 0x7e], [0x600, 0x6ff], [0x200b, 0x206f], [0xfb50, 0xfdff], [0xfe70, 0xfeff]];
    for (const [a, b] of ranges) for (let c = a; c <= b; c++) {
      const ch = String.fromCharCode(c);
      expect(normalize(ch)).toBe(normalizeChain(ch));
    }
    const mixed = "إسماعيلُ قـاآنى \uFEFB ٢٠٢١ ABC 😀 ک ی";
    expect(normalize(mixed)).toBe(normalizeChain(mixed));
  });
});
