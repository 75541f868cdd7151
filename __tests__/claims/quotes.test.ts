import { describe, expect, test } from "@jest/globals";
import { findQuotes } from "../../src/claims/quotes.js";
import { tokenize } from "../../src/text/tokenize.js";

function quotesOf(text: string): string[] {
  const { tokens } = tokenize(text);
  const paragraph = new Int32Array(tokens.length);
  let p = 0;
  tokens.forEach((t, i) => {
    if (i > 0 && text.slice(tokens[i - 1]!.end, t.start).includes("\n")) p++;
    paragraph[i] = p;
  });
  return findQuotes(text, tokens, paragraph).map((q) => `${q.closed ? "" : "~"}${text.slice(q.start, q.end).trim()}`);
}

describe("pairing quotation marks", () => {
  test("guillemets, and straight quotes by the spacing around them", () => {
    expect(quotesOf("قال: «لن نشارك» ثم أضاف \"نحن مستعدون\".")).toEqual(["لن نشارك", "نحن مستعدون"]);
  });

  test("a quote inside a quote pairs first; the outer one left open stops at the end of its paragraph", () => {
    const text = 'مضيفاً "أنّ مسؤولاً إيرانياً صرّح متسائلاً: "هل تريدون حرباً أهلية بين الشيعة؟".\n\nوامتنع المسؤول عن الكشف.';
    expect(quotesOf(text)).toEqual(["~أنّ مسؤولاً إيرانياً صرّح متسائلاً: \"هل تريدون حرباً أهلية بين الشيعة؟\".", "هل تريدون حرباً أهلية بين الشيعة؟"]);
  });

  test("a quote glued to و (و\"سيد الشهداء\") and wire copy with spaces on both sides", () => {
    expect(quotesOf('حزب الله، و"سيد الشهداء"، رئيس')).toEqual(["سيد الشهداء"]);
    expect(quotesOf('تنص على " نقل " الجنديين و " جدول زمني " للتطبيق')).toEqual(["نقل", "جدول زمني"]);
  });

  test("a long quote runs over a paragraph break when the next paragraph opens with the same mark", () => {
    const text = "وقال: «الجملة الأولى.\n«والجملة الثانية».";
    expect(quotesOf(text)).toEqual(["الجملة الأولى.\n«والجملة الثانية"]);
  });
});
