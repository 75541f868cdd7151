import { describe, expect, test } from "@jest/globals";
import { extract } from "../../src/index.js";
import type { IsnadDocument } from "../../src/core/types.js";
import { renderConll } from "../../src/render/conll.js";
import { testLexicon, SMALL } from "../helpers/lexicon.js";

const lexicon = testLexicon(SMALL);

/** A document with the given mentions (code point offsets), as the pipeline would publish it. */
function docWith(text: string, mentions: { type: string; text: string; kind?: string; from?: number }[]): IsnadDocument {
  const cps = Array.from(text);
  const find = (s: string, from = 0) => {
    for (let i = from; i + Array.from(s).length <= cps.length; i++) if (cps.slice(i, i + Array.from(s).length).join("") === s) return i;
    throw new Error(`${s} not in text`);
  };
  return {
    schemaVersion: "1",
    document: {} as IsnadDocument["document"],
    entities: mentions.map((m, i) => {
      const start = find(m.text, m.from);
      return { id: `e${i}`, type: m.type as "person", name: m.text, origin: "lexicon", mentions: [{ start, end: start + Array.from(m.text).length, text: m.text, kind: (m.kind ?? "name") as "name", origin: "lexicon" }] };
    }),
    claims: [],
    edges: [],
  };
}

describe("renderConll", () => {
  test("one token per line with BIO tags, a blank line after each sentence", () => {
    const text = "وقال قيس الخزعلي في بغداد.\nوأكد أنان ذلك.";
    expect(renderConll(text, docWith(text, [{ type: "person", text: "قيس الخزعلي" }, { type: "place", text: "بغداد" }, { type: "person", text: "أنان" }]))).toBe(
      ["وقال O", "قيس B-PERS", "الخزعلي I-PERS", "في O", "بغداد B-LOC", ". O", "", "وأكد O", "أنان B-PERS", "ذلك O", ". O", ""].join("\n")
    );
  });

  test("a mention tags the whole token it starts in (وبغداد is B-LOC for بغداد); groups are ORG, dates and non-names O", () => {
    const text = "زار الوفد وبغداد وحزب الله الإيراني أمس";
    const doc = docWith(text, [{ type: "place", text: "بغداد" }, { type: "group", text: "حزب الله" }, { type: "place", text: "الإيراني", kind: "gentilic" }, { type: "date", text: "أمس" }]);
    expect(renderConll(text, doc).split("\n")).toEqual(["زار O", "الوفد O", "وبغداد B-LOC", "وحزب B-ORG", "الله I-ORG", "الإيراني O", "أمس O", ""]);
  });

  test("code point offsets are read right after an emoji (an astral character)", () => {
    const text = "😀 وصل قيس الخزعلي";
    expect(renderConll(text, docWith(text, [{ type: "person", text: "قيس الخزعلي" }])).split("\n")).toEqual(["😀 O", "وصل O", "قيس B-PERS", "الخزعلي I-PERS", ""]);
  });

  test("two adjacent names of one type stay two names", () => {
    const text = "بغداد طهران";
    expect(renderConll(text, docWith(text, [{ type: "place", text: "بغداد" }, { type: "place", text: "طهران" }])).split("\n")).toEqual(["بغداد B-LOC", "طهران B-LOC", ""]);
  });

  test("the pipeline's output renders, and an empty text is an empty file", () => {
    const text = "وزار قيس الخزعلي بغداد";
    expect(renderConll(text, extract(text, { lexicon }))).toBe(["وزار O", "قيس B-PERS", "الخزعلي I-PERS", "بغداد B-LOC", ""].join("\n"));
    expect(renderConll("", extract("", { lexicon }))).toBe("");
  });
});
