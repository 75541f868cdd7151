import { describe, expect, test } from "@jest/globals";
import { loadLexicons } from "../../src/lexicon/load.js";

/** The lint that the built-in lexicons must pass, and the coverage they promise (issue 7). */
const set = loadLexicons();
const entries = [...set.entries.values()];

describe("built-in lexicons", () => {
  test("no lint problem: shared aliases are marked ambiguous, ids resolve, dated roles do not overlap, no memberOf cycle", () => {
    expect(set.warnings.map((w) => `${w.file} ${w.at}: ${w.message}`)).toEqual([]);
  });

  test("every entry has a source, and Wikidata ids only in their form", () => {
    for (const e of entries) {
      expect(e.source.length).toBeGreaterThan(0);
      if (e.wikidata) expect(e.wikidata).toMatch(/^Q[1-9]\d*$/);
    }
  });

  test("coverage: ≥ 500 people (≥ 300 with dated roles), ≥ 400 groups, ≥ 1,500 places", () => {
    const count = (t: string) => entries.filter((e) => e.type === t).length;
    expect(count("person")).toBeGreaterThanOrEqual(500);
    expect(entries.filter((e) => e.type === "person" && (e.roles ?? []).length > 0).length).toBeGreaterThanOrEqual(300);
    expect(count("group")).toBeGreaterThanOrEqual(400);
    expect(count("place")).toBeGreaterThanOrEqual(1500);
  });

  test("every entity of the seed article is there", () => {
    for (const id of [
      "esmail-qaani", "mustafa-al-kadhimi", "hadi-al-amiri", "qais-al-khazali", "muqtada-al-sadr", "quds-force", "irgc", "reuters",
      "fatah-alliance", "government-of-iran", "pmf", "asaib-ahl-al-haq", "kataib-hezbollah", "kataib-sayyid-al-shuhada", "iraq", "iran", "tehran", "baghdad",
    ]) expect(set.entries.has(id)).toBe(true);
  });
});
