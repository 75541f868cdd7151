import { compileLexicon, type CompiledLexicon } from "../../src/lexicon/compile.js";
import { lintEntries } from "../../src/lexicon/lint.js";
import type { LexiconEntry } from "../../src/lexicon/types.js";

/** A small compiled lexicon for unit tests, independent of the growing built-in data. */
export function testLexicon(entries: Partial<LexiconEntry>[]): CompiledLexicon {
  const map = new Map<string, LexiconEntry>();
  const fileOf = new Map<string, string>();
  for (const e of entries) {
    const full = { source: "test", en: e.id!, ...e } as LexiconEntry;
    map.set(full.id, full);
    fileOf.set(full.id, "test.json at /entries/0");
  }
  return compileLexicon({ entries: map, fileOf, files: ["test.json"], warnings: lintEntries(map, fileOf) });
}

export const SMALL: Partial<LexiconEntry>[] = [
  { id: "esmail-qaani", type: "person", ar: "إسماعيل قاآني", aliases: ["قاآني", "قآني"], memberOf: ["quds-force"], country: "iran" },
  { id: "qais-al-khazali", type: "person", ar: "قيس الخزعلي", aliases: ["الخزعلي"], country: "iraq" },
  { id: "muqtada-al-sadr", type: "person", ar: "مقتدى الصدر", aliases: ["الصدر"], ambiguous: ["الصدر"], country: "iraq" },
  { id: "quds-force", type: "group", ar: "فيلق القدس", country: "iran" },
  { id: "hezbollah", type: "group", ar: "حزب الله", country: "lebanon" },
  { id: "kataib-hezbollah", type: "group", ar: "كتائب حزب الله", country: "iraq" },
  { id: "iraq", type: "place", subtype: "country", ar: "العراق", gentilics: ["عراقي"] },
  { id: "iran", type: "place", subtype: "country", ar: "إيران", gentilics: ["إيراني"] },
  { id: "lebanon", type: "place", subtype: "country", ar: "لبنان", gentilics: ["لبناني"] },
  { id: "palestine", type: "place", subtype: "country", ar: "فلسطين", gentilics: ["فلسطيني"] },
  { id: "baghdad", type: "place", subtype: "city", ar: "بغداد", partOf: ["iraq"] },
  { id: "tehran", type: "place", subtype: "city", ar: "طهران", partOf: ["iran"] },
  { id: "beirut", type: "place", subtype: "city", ar: "بيروت", partOf: ["lebanon"] },
  { id: "kabul", type: "place", subtype: "city", ar: "كابل", partOf: ["afghanistan"] },
  { id: "afghanistan", type: "place", subtype: "country", ar: "أفغانستان" },
  { id: "jerusalem", type: "place", subtype: "city", ar: "القدس", partOf: ["palestine"] },
];
