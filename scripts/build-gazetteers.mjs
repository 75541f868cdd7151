#!/usr/bin/env node
// Builds the generated gazetteers and word lists from ../shared/data and the mining portion of ANERcorp
// (sentences 0-3566 of ../shared/eval/data/anercorp-train.conll; 3567-3962 are never read here):
//   lexicons/entities/gazetteers/places.json   ANERGazet places (cities of the world are curated: places/cities.json)
//   lexicons/entities/gazetteers/groups.json   ANERGazet organisations (media, clubs, agencies)
//   lexicons/rules/names.generated.json        first names, family names and name parts (arabic-names, ANERGazet)
//   lexicons/rules/common-words.generated.json words ANERcorp's mining portion almost never tags as a name
// Every entry keeps its source; names already in the curated lexicons are left out (curated entries win), so
// re-run this after the curated lexicons change:  npm run build && node scripts/build-gazetteers.mjs
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { normalize } from "../dist/text/normalize.js";

const root = new URL("../", import.meta.url).pathname;
const shared = process.env.ISNAD_SHARED ?? join(root, "../shared");
const MINING_SENTENCES = 3567; // sentences [0, 3567) of ANERcorp's training portion may be mined
const key = (s) => normalize(s).replace(/\s+/g, " ").trim();
const read = (p) => readFileSync(join(shared, p), "utf8").replace(/^\uFEFF/, "");
const write = (p, data) => writeFileSync(join(root, p), JSON.stringify(data, null, 1) + "\n");
const sorted = (set) => [...set].sort();

const SOURCES = {
  anercorp: "ANERcorp (Benajiba, Rosso & Benedí 2007), CAMeL Lab split, training sentences 0-3566; CC BY-SA 4.0",
  anergazet: "ANERGazet (Benajiba et al. 2007), aligned lists, github.com/ITE-5th/arabic-ner@5d9f998; research use",
  names: "arabic-names (github.com/AKhateeb/arabic-names@32d5ec8); MIT, Copyright (c) 2018 AKhateeb",
};

// ---- ANERcorp mining portion: how often each written form is part of a name
function anercorpCounts() {
  const sentences = [[]];
  for (const line of read("eval/data/anercorp-train.conll").split("\n")) {
    if (!line.trim()) {
      if (sentences.at(-1).length) sentences.push([]);
      continue;
    }
    const cut = line.lastIndexOf(" ");
    sentences.at(-1).push([line.slice(0, cut), line.slice(cut + 1).trim()]);
  }
  const counts = new Map(); // normalized token → [total, inside a PERS/LOC/ORG/MISC name, inside PERS, ORG, LOC, a one-word name]
  for (const s of sentences.slice(0, MINING_SENTENCES)) {
    for (const [i, [token, tag]] of s.entries()) {
      const k = key(token);
      const c = counts.get(k) ?? [0, 0, 0, 0, 0, 0];
      c[0]++;
      if (tag !== "O") c[1]++;
      if (tag.endsWith("PERS")) c[2]++;
      if (tag.endsWith("ORG")) c[3]++;
      if (tag.endsWith("LOC")) c[4]++;
      if (tag.startsWith("B-") && !s[i + 1]?.[1].startsWith("I-")) c[5]++; // a name of one word
      counts.set(k, c);
    }
  }
  return counts;
}
const counts = anercorpCounts();
/** seen at least twice and inside a name at most one time in ten */
const arabic = (w) => /^[\u0621-\u064A]+$/.test(w);
const common = new Set([...counts].filter(([w, [n, named]]) => n >= 2 && named / n <= 0.1 && arabic(w)).map(([w]) => w));
/** words often in names of groups and places but seldom in a person's name (مجلس، جامعة، المتحدة) */
const notPersonal = new Set([...counts].filter(([w, [n, , person]]) => n >= 2 && person / n <= 0.1 && arabic(w) && !common.has(w)).map(([w]) => w));
const isCommon = (k) => k.split(" ").every((t) => common.has(t));

// ---- hand-written rule words: never names
const ruleWords = new Set();
for (const file of ["words.json", "person.json", "group.json", "place.json"]) {
  const data = JSON.parse(readFileSync(join(root, "lexicons/rules", file), "utf8"));
  const lists = file === "person.json" ? ["honorifics", "offices", "complements", "modifiers"] : Object.keys(data.lists);
  for (const l of lists) for (const w of data.lists[l]) ruleWords.add(key(w));
}

// ---- curated lexicons: their names and ids win
const curatedNames = new Set();
const curatedIds = new Set();
const curatedTypes = new Map(); // single-word name → the types the curated lexicons give it
const curatedPeople = []; // names of the curated people, as token lists
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (relative(join(root, "lexicons/entities"), p) !== "gazetteers") walk(p);
    } else if (name.endsWith(".json")) {
      for (const e of JSON.parse(readFileSync(p, "utf8")).entries ?? []) {
        curatedIds.add(e.id);
        for (const n of [e.ar, ...(e.aliases ?? [])]) {
          if (!n) continue;
          curatedNames.add(key(n));
          if (e.type === "person") curatedPeople.push(key(n).split(" "));
          if (!key(n).includes(" ")) curatedTypes.set(key(n), new Set([...(curatedTypes.get(key(n)) ?? []), e.type]));
        }
        for (const g of e.gentilics ?? []) for (const f of [g, "ال" + g, g + "ة", "ال" + g + "ة"]) curatedNames.add(key(f));
      }
    }
  }
})(join(root, "lexicons/entities"));

// ---- ids: a readable ASCII rendering of the Arabic name when there is no English one
const LATIN = { ا: "a", ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh", ص: "s", ض: "d", ط: "t", ظ: "z", ع: "", غ: "gh", ف: "f", ق: "q", ك: "k", ل: "l", م: "m", ن: "n", ه: "h", و: "w", ي: "y", ء: "", ئ: "y", ؤ: "w", " ": "-" };
const romanize = (ar) => [...key(ar)].map((c) => LATIN[c] ?? "").join("").replace(/-+/g, "-").replace(/^-|-$/g, "");

// ---- names (rule word lists, not entries)
const nameLines = (p) => read(p).split(/\r?\n/).map((s) => s.trim()).filter((s) => /^[\u0621-\u064A ]+$/.test(s));
const csvRows = read("data/arabic-names/200-Arabic-Names-UTF8.csv").split(/\r?\n/).slice(1).map((l) => l.split(","));
const handFirstNames = JSON.parse(readFileSync(join(root, "lexicons/rules/person.json"), "utf8")).lists.firstNames.map(key);
const firstNames = new Set([...nameLines("data/arabic-names/male-first--names-in-arabic.txt"), ...nameLines("data/arabic-names/female-first-names-in-arabic.txt"), ...csvRows.flatMap((r) => [r[0], r[1]]).filter(Boolean)].map(key));
const familyNames = new Set([...nameLines("data/arabic-names/last-names-in-arabic.txt"), ...csvRows.map((r) => r[2]).filter(Boolean)].map(key));
// ANERGazet's person list mixes first names, family names and ordinary words (مطلق، خاتم): keep a word only
// when ANERcorp does not use it as an ordinary word and it is not a clitic-bearing form of another word
const nameParts = new Set();
for (const w of nameLines("data/anergazet/AlignedPersGazetteer.txt").map(key)) {
  if (w.length < 2 || w.includes(" ") || isCommon(w) || ruleWords.has(w) || firstNames.has(w) || familyNames.has(w)) continue;
  if (/^[وفبلك]/.test(w) && (common.has(w.slice(1)) || firstNames.has(w.slice(1)) || w.slice(1).startsWith("ال"))) continue; // a clitic on a known word
  if (/^(ال|وال).*(يه|يات|ين|ون)$/.test(w)) continue; // adjectives and plurals (والعربية)
  nameParts.add(w);
}
// the curated people's names teach first and family names, foreign ones too (جورج، كوفي; بوش، أنان)
const PARTICLES = new Set(["بن", "ابن", "بنت", "ابو", "ابي", "ابا", "ام", "ال", "عبد", "دي", "دو", "فان", "فون"].map(key));
const titleWords = new Set([...ruleWords].map((w) => w.split(" ")[0])); // آية (الله), ولي (العهد) …
for (const words of curatedPeople) {
  if (words.length >= 2 && !PARTICLES.has(words[0]) && !titleWords.has(words[0]) && !words[0].startsWith("ال")) firstNames.add(words[0]);
  const last = words.at(-1);
  if (!PARTICLES.has(last) && !ruleWords.has(last) && !isCommon(last) && !firstNames.has(last) && last.length > 2) familyNames.add(last);
}
write("lexicons/rules/names.generated.json", {
  $schema: "./rules.schema.json",
  set: "names",
  description: "Name word lists for the person rules and the tagger (not lexicon entries): first and family names from arabic-names and from the names of the curated people (lexicons/entities/people), name parts from ANERGazet. Generated by scripts/build-gazetteers.mjs; `ambiguous` first names are also ordinary words in ANERcorp's mining portion.",
  source: [SOURCES.names, "isnad curated people lexicons", SOURCES.anergazet, SOURCES.anercorp].join(" | "),
  generated: "scripts/build-gazetteers.mjs",
  lists: {
    firstNames: sorted(new Set([...firstNames].filter((w) => !ruleWords.has(w)))),
    ambiguousFirstNames: sorted(new Set([...firstNames].filter((w) => common.has(w)))),
    familyNames: sorted(new Set([...familyNames].filter((w) => !ruleWords.has(w)))),
    nameParts: sorted(nameParts),
  },
});
write("lexicons/rules/common-words.generated.json", {
  $schema: "./rules.schema.json",
  set: "common-words",
  description: "Normalized words seen at least twice in ANERcorp's mining portion and inside a name at most one time in ten (`common`: the rules do not take them for names), or inside a person's name at most one time in ten (`notPersonal`: مجلس، جامعة; not taken for a person's name). Generated by scripts/build-gazetteers.mjs.",
  source: SOURCES.anercorp,
  generated: "scripts/build-gazetteers.mjs",
  lists: { common: sorted(common), notPersonal: sorted(notPersonal) },
});

// ---- gazetteer entries
const entries = { place: new Map(), group: new Map() };
const names = new Map(); // normalized name → entry id (first source wins)
const personish = (k) => firstNames.has(k.split(" ")[0]) || handFirstNames.includes(k.split(" ")[0]) || nameParts.has(k) || familyNames.has(k);
// ANERGazet splits multi-word names into lines and holds ordinary words (العسل، القمح، فيلا): a single word is
// kept when ANERcorp's mining portion mostly tags it as a name of its type, or, for a place, when it does not have it and it
// is a word of four letters or more without the article
const looksLikeName = (k, type) => {
  const c = counts.get(k);
  if (k.startsWith("ال") || personish(k)) return false;
  // seen: mostly a one-word name of its type (بيت is mostly a piece of بيت لحم); unseen: only places, single
  // organisation words are pieces of names (سراي، فيلا)
  return c ? c[type === "place" ? 4 : 3] / c[0] >= 0.5 && c[5] / c[0] >= 0.5 : type === "place" && k.length >= 4;
};
/** Adds an entry unless its name is curated, already taken, too short, an ordinary word or a personal name. */
function add(type, id, ar) {
  const k = key(ar);
  if (k.length < 3 || curatedNames.has(k) || names.has(k) || curatedIds.has(id) || entries[type].has(id)) return;
  if (isCommon(k) || personish(k) || k.split(" ").some((t) => ruleWords.has(t))) return;
  if (!k.includes(" ") && !looksLikeName(k, type)) return;
  names.set(k, id);
  entries[type].set(id, { id, type, ar, en: romanize(ar), source: SOURCES.anergazet });
}

// ANERGazet places: continents (between ==== lines), countries (after ****), cities; one word per line
for (const line of read("data/anergazet/AlignedLocGazetteer.txt").split(/\r?\n/)) {
  const ar = line.trim();
  if (!/^[\u0621-\u064A ]+$/.test(ar)) continue;
  add("place", `place.${romanize(ar)}`, ar);
}
for (const line of read("data/anergazet/AlignedOrgGazetteer.txt").split(/\r?\n/)) {
  const ar = line.trim();
  if (!/^[\u0621-\u064A ]+$/.test(ar) || ar.length < 3) continue;
  if (!ar.includes(" ") && names.has(key(ar))) continue; // a place
  add("group", `group.${romanize(ar)}`, ar);
}

const byId = (m) => [...m.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
write("lexicons/entities/gazetteers/places.json", {
  lexicon: "gazetteer-places",
  description: "ANERGazet's places (countries, cities, regions), without the names the curated lexicons hold and without ordinary words, personal names and pieces of split names.",
  generated: "scripts/build-gazetteers.mjs",
  entries: byId(entries.place),
});
write("lexicons/entities/gazetteers/groups.json", {
  lexicon: "gazetteer-groups",
  description: "ANERGazet's organisations (newspapers, news agencies, clubs), without the names the curated lexicons hold and without single words that are places or ordinary words.",
  generated: "scripts/build-gazetteers.mjs",
  entries: byId(entries.group),
});
// ---- homographs: single-word names the lexicons give a type that ANERcorp's mining portion mostly does not
// (سولانا a city and a person, نوكيا a town and a company, القاعدة a group and a word): they need context
const COLUMN = { person: 2, group: 3, place: 4 };
const homographs = { person: new Set(), group: new Set(), place: new Set() };
for (const [word, types] of [...curatedTypes, ...[...entries.place.values(), ...entries.group.values()].filter((e) => !key(e.ar).includes(" ")).map((e) => [key(e.ar), new Set([e.type])])]) {
  const c = counts.get(word);
  if (!c || c[0] < 2) continue;
  for (const type of types) if (c[COLUMN[type]] / c[0] < 0.5) homographs[type].add(word);
}
write("lexicons/rules/homographs.generated.json", {
  $schema: "./rules.schema.json",
  set: "homographs",
  description: "Single-word names that the lexicons give a type ANERcorp's mining portion mostly does not (seen twice or more, that type less than half the time): a lexicon match of one of them is kept only when a rule or the tagger agrees. Generated by scripts/build-gazetteers.mjs from the lexicons as they are; re-run it when they change.",
  source: SOURCES.anercorp,
  generated: "scripts/build-gazetteers.mjs",
  lists: { person: sorted(homographs.person), group: sorted(homographs.group), place: sorted(homographs.place) },
});

console.log(JSON.stringify({ homographs: Object.fromEntries(Object.entries(homographs).map(([k, v]) => [k, v.size])), common: common.size, firstNames: firstNames.size, familyNames: familyNames.size, nameParts: nameParts.size, places: entries.place.size, groups: entries.group.size }));
