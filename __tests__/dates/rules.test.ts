import { describe, expect, test } from "@jest/globals";
import { compileDateLexicon, compiledDateLexicon } from "../../src/dates/lexicon.js";
import { DATE_RULES, EXAMPLE_DOCUMENT_DATE, NEVER_FIRST } from "../../src/dates/rules.js";
import { dates } from "./helpers.js";

describe("date rules (data)", () => {
  test("ids are unique and every rule has a reason and examples", () => {
    expect(new Set(DATE_RULES.map((r) => r.id)).size).toBe(DATE_RULES.length);
    for (const r of DATE_RULES) {
      expect(r.reason.length).toBeGreaterThan(10);
      expect(r.examples.length).toBeGreaterThan(0);
    }
  });

  test("the vocabulary compiles with one sense per phrase, and `npm run build` wrote it as compiled", () => {
    const fromSource = compileDateLexicon();
    expect(fromSource.phrases.size).toBeGreaterThan(300);
    expect(fromSource.phrases.get("رمضان")![0]!.month).toEqual({ month: 9, calendar: "hijri" });
    expect(compiledDateLexicon()).toEqual(fromSource);
  });

  const examples = DATE_RULES.flatMap((r) => r.examples.map(([text, value]) => [r.id, text, value] as const));
  test.each(examples)("%s: %s", (id, text, value) => {
    expect(dates(text, EXAMPLE_DOCUMENT_DATE).map(({ rule, value }) => ({ rule, value }))).toEqual([{ rule: id, value }]);
  });

  test("context-only symbols start no match", () => {
    expect(NEVER_FIRST.has("o")).toBe(true);
    expect(dates("في", EXAMPLE_DOCUMENT_DATE)).toEqual([]);
  });
});
