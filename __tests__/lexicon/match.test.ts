import { describe, expect, test } from "@jest/globals";
import { extract } from "../../src/index.js";
import { testLexicon, SMALL } from "../helpers/lexicon.js";

const lexicon = testLexicon(SMALL);
const found = (text: string) =>
  extract(text, { lexicon }).entities.flatMap((e) => e.mentions.map((m) => ({ id: e.id, text: m.text, kind: m.kind })));

describe("matchLexicon", () => {
  test("the longest match wins: كتائب حزب الله is not حزب الله, فيلق القدس does not contain Jerusalem", () => {
    expect(found("اتهمت كتائب حزب الله وحزب الله فيلق القدس بالتدخل في القدس")).toEqual([
      { id: "kataib-hezbollah", text: "كتائب حزب الله", kind: "name" },
      { id: "hezbollah", text: "حزب الله", kind: "name" },
      { id: "quds-force", text: "فيلق القدس", kind: "name" },
      { id: "jerusalem", text: "القدس", kind: "name" },
    ]);
  });

  test("walks the matcher has learnt (second steps by word id) find what the first walk found, three-word names too", () => {
    const text = "اتهمت كتائب حزب الله وحزب الله فيلق القدس بالتدخل، وكتائب حزب الله تنفي";
    found(text); // the shared lexicon has now learnt these walks; a lexicon compiled anew has learnt none
    const first = extract(text, { lexicon: testLexicon(SMALL) }).entities.flatMap((e) => e.mentions.map((m) => ({ id: e.id, text: m.text, kind: m.kind })));
    expect(found(text)).toEqual(first);
    expect(first.filter((m) => m.id === "kataib-hezbollah").map((m) => m.text)).toEqual(["كتائب حزب الله", "كتائب حزب الله"]);
  });

  test("mentions leave attached proclitics out: وقيس الخزعلي → قيس الخزعلي, لطهران → طهران, للعراق → لعراق", () => {
    expect(found("وقيس الخزعلي زار لطهران وللعراق")).toEqual([
      { id: "qais-al-khazali", text: "قيس الخزعلي", kind: "name" },
      { id: "tehran", text: "طهران", kind: "name" },
      { id: "iraq", text: "لعراق", kind: "name" },
    ]);
  });

  test("names that begin with clitic letters are never split", () => {
    expect(found("من بغداد إلى لبنان وفلسطين وكابل وبيروت").map((m) => m.id)).toEqual(["baghdad", "lebanon", "palestine", "kabul", "beirut"]);
  });

  test("spelling variants match through normalisation: hamza, alef maqsura, ta marbuta, diacritics, tatweel", () => {
    expect(found("اسماعيل قاانى وقـآنيّ").map((m) => m.id)).toEqual(["esmail-qaani", "esmail-qaani"]);
  });

  test("gentilics are mentions of the place, of kind gentilic", () => {
    expect(found("الميليشيات العراقية والقيادي الإيراني واللبنانيون")).toEqual([
      { id: "iraq", text: "العراقية", kind: "gentilic" },
      { id: "iran", text: "الإيراني", kind: "gentilic" },
      { id: "lebanon", text: "اللبنانيون", kind: "gentilic" },
    ]);
  });

  test("an ambiguous alias needs the document to confirm it", () => {
    expect(found("ألم في الصدر")).toEqual([]);
    // a related entity (his country) is named: الصدر is the person
    expect(found("فاز الصدر في انتخابات العراق").map((m) => m.id)).toEqual(["muqtada-al-sadr", "iraq"]);
  });

  test("one entity per real-world thing, with all its mentions", () => {
    const doc = extract("إسماعيل قاآني ... قاآني ... قآني", { lexicon });
    expect(doc.entities).toHaveLength(1);
    expect(doc.entities[0]!.mentions.map((m) => m.text)).toEqual(["إسماعيل قاآني", "قاآني", "قآني"]);
  });
});
