import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { datesInRange, documentDateOf, findDates } from "../../src/dates/index.js";
import { shadowOf } from "../../src/text/normalize.js";
import { tokenize } from "../../src/text/tokenize.js";
import { SEED } from "../helpers/cli.js";

function analyse(input: string) {
  const shadow = shadowOf(input);
  const { tokens, sentences } = tokenize(input, shadow);
  return { input, shadow, tokens, sentences };
}

const dateline = (input: string) => documentDateOf(analyse(input));

describe("document date from a dateline", () => {
  test.each([
    ["a date alone on a line (the seed)", "عنوان الخبر\n\n23/12/2021\n\nطالب قائد فيلق القدس ...", "2021-12-23"],
    ["a place and day name before it", "بغداد - الخميس 23 ديسمبر 2021\nنص الخبر", "2021-12-23"],
    ["a publication cue on a long line", "نشر في: 2021-12-23 الساعة 10:30 بتوقيت بغداد وآخر تحديث للخبر بعد ساعة واحدة من النشر\nنص", "2021-12-23"],
    ["a date inside a sentence is no dateline", "ولد في 5 مارس 1950\nنص الخبر", null],
    ["a month without a day is no dateline", "يونيو 2004\nنص", null],
    ["no date", "نص بلا تاريخ", null],
  ])("%s", (_label, input, expected) => {
    expect(dateline(input)).toBe(expected);
  });

  test("a date after the first 20 lines is no dateline", () => {
    expect(dateline("سطر\n".repeat(25) + "23/12/2021\n")).toBeNull();
  });
});

describe("the seed article", () => {
  const text = readFileSync(SEED, "utf8");
  const ctx = analyse(text);
  const documentDate = documentDateOf(ctx);
  const found = findDates({ ...ctx, documentDate });

  test("its dateline gives the document date", () => {
    expect(documentDate).toBe("2021-12-23");
  });

  test("the four gold dates with their values, and no other date mention", () => {
    expect(found.map((m) => [text.slice(m.start, m.end), m.value])).toEqual([
      ["23/12/2021", "2021-12-23"],
      ["7 تشرين الثاني (نوفمبر) الماضي", "2021-11-07"],
      ["أمس", "2021-12-22"],
      ["10 تشرين الأول (أكتوبر) الماضي", "2021-10-10"],
    ]);
  });

  test("datesInRange gives a claim's sentence its dates", () => {
    const sentence = ctx.sentences.find((s) => text.slice(s.start, s.end).includes("وفقاً لما نقلته"))!;
    expect(datesInRange(found, sentence.firstToken, sentence.endToken).map((m) => m.value)).toEqual(["2021-12-22"]);
    const quiet = ctx.sentences.find((s) => text.slice(s.start, s.end).includes("وحضره فريق صغير"))!;
    expect(datesInRange(found, quiet.firstToken, quiet.endToken)).toEqual([]);
  });
});
