#!/usr/bin/env node
/**
 * Regenerates lexicons/entities/places/countries.json and lexicons/entities/places/cities.json from the shared
 * gazetteers (../shared/data, or $ISNAD_SHARED_DATA) and the curated facts under lexicons/data/.
 *
 *   node scripts/build-lexicons.mjs            build (deterministic: the same inputs give the same bytes)
 *   node scripts/build-lexicons.mjs --report   build and list every city name the filters touched
 *   node scripts/build-lexicons.mjs --mine     first re-count the names in ANERcorp (see below), then build
 *
 * Inputs
 *   countries-ar/countries.ar.tsv   CLDR names via umpirsky/country-list; lexicons/data/countries.tsv adds ids,
 *                                   everyday names, aliases, gentilics, Wikidata ids (only where certain).
 *   world-cities-ar/world-cities.csv  6,340 cities with Wikidata labels (CC BY 4.0). lexicons/data/city-fixes.tsv
 *                                   corrects them; lexicons/data/cities-extra.tsv adds cities the file lacks.
 *   arabic-names/*first-names*      Arabic given names (MIT), used by the word filter.
 *   lexicons/entities/places/{provinces,regions}.json  curated; read here only to avoid name clashes.
 *   lexicons/entities/** (people, groups, gazetteers)   read for their ids (a city never takes one) and, for
 *                                   people and groups, their names (a city name that is theirs is ambiguous).
 *
 * Cleaning the city labels. The source took each Arabic label from the Wikidata item matched by the English name,
 * and many matches are wrong (Mosul → "فاموتيدين", a drug; Tyre → "إطار هواء"; Hit → a disease). So:
 *   1. a label is cleaned: qualifiers ", X" and "(X)" cut; an administrative title (محافظة، ولاية، مقاطعة …)
 *      cut (ولاية قندهار → قندهار); a leading مدينة، نادي، ملعب، ريف … cut when that brings the label closer to
 *      the English name (نادي بارنسلي → بارنسلي, but مدينة حمد stays);
 *   2. the label is compared with the English name as consonant skeletons (longest common subsequence);
 *      a label below SIMILARITY (0.6), naming an institution (club, university, party, river …) or not in
 *      Arabic script is dropped, unless city-fixes.tsv reviewed it. Every row of the Arab states, Iran, Turkey,
 *      Israel, the Palestinian territories, Afghanistan and Pakistan, and every low-similarity row elsewhere,
 *      was reviewed by hand (fixed, kept or dropped there).
 *
 * The noise filter. A city name that is also an ordinary word, a given name or another entity's name produces
 * false mentions, all the more since matching normalizes hamza and ة and strips و ف ب ك ل (بانه = بأنه,
 * لير = بلير, بيرا = كبيرا). Every name of every city (its ar and aliases) is checked, in this order:
 *   a. same name as a country, province, region, group or person (الكويت، تونس، جيبوتي، سنغافورة، بابل، الفاو):
 *      the other entry keeps it;
 *   b. same name as a gentilic form of a country or region (الهندية، الشامية، كوبي);
 *   c. same name as another city: the `primary` city of city-fixes.tsv, else the most populous, keeps it;
 *   d. a word by the corpus: ANERcorp's training file, sentences 0-3566 only, where the name (read with the
 *      matcher's proclitic rules) is tagged O, PERS, ORG or MISC at least MIN_O (2) times and more than
 *      O_RATIO (2) times as often as LOC. `--mine` re-counts them into lexicons/data/anercorp-counts.tsv; the
 *      build reads that file, so it never needs the corpus;
 *   e. a word or given name by the lists: lexicons/data/common-words.tsv (curated Arabic words and foreign
 *      given names that are city names) and the Arabic first names of ../shared/data/arabic-names;
 *   f. too short: a one-word name of at most 2 letters.
 *   The decision depends on the city. A city flagged `keep` in city-fixes.tsv keeps a name caught by d-f (a
 *   famous city whose name is rarely the word in news: جدة، حماة، الخليل، الموصل، مشهد، قم). A city of the
 *   region above, or of at least MAJOR_POP (500,000) people, or flagged keep/primary, gets the name in
 *   `ambiguous` (matched only when the document confirms it). Any other city — a small town abroad — is
 *   dropped. Where the bare name is a very frequent word (الباب، القائم، البيضاء، الطائف، الأبيض، بلد …),
 *   city-fixes.tsv gives the city only its qualified name (مدينة الباب). Curated `ambiguous` marks and drops
 *   come on top. The figures are printed at the end of every build (they move a little when the people and
 *   group lexicons change); at the time of writing: 5,723 cities kept (5,590 with no ambiguous name),
 *   134 names marked ambiguous (51 curated; by the rules 18 corpus, 28 word list, 8 given names, 9 other
 *   entities, 4 gentilics, 16 other cities), 262 small towns dropped (163 sharing a bigger city's name,
 *   27 corpus, 36 word list, 13 given names, 22 other entities, 2 gentilics), 9 famous names kept; before the
 *   filter, 209 rows were dropped by review and 247 by the label checks (215 similarity, 14 institutions,
 *   18 not Arabic), and 552 labels were corrected.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.ISNAD_SHARED_DATA || join(ROOT, "../shared/data");
const DATA = join(ROOT, "lexicons/data");
const PLACES = join(ROOT, "lexicons/entities/places");
const ANERCORP = process.env.ISNAD_ANERCORP || join(SHARED, "../eval/data/anercorp-train.conll");
const ANERCORP_SENTENCES = 3567; // sentences 0-3566 only: the rest is never read
const SIMILARITY = 0.6;
const MIN_O = 2;
const O_RATIO = 2;
const MAJOR_POP = 500_000;
const GENERATED = "scripts/build-lexicons.mjs";
const args = new Set(process.argv.slice(2));

const COUNTRY_SOURCE = "CLDR via umpirsky/country-list (data/ar/country.php) + curated aliases (lexicons/data/countries.tsv)";
const CITY_SOURCE = "jamsshhayd/world-cities-translations (CC BY 4.0; Wikidata) + curated fixes (lexicons/data/city-fixes.tsv)";
const EXTRA_SOURCE = "curated (lexicons/data/cities-extra.tsv)";

/** Countries whose every city row was reviewed by hand; their towns are kept (ambiguous) rather than dropped. */
const REGION_COUNTRIES = new Set([
  "iraq", "syria", "lebanon", "jordan", "palestine", "israel", "saudi-arabia", "kuwait", "qatar", "bahrain",
  "united-arab-emirates", "oman", "yemen", "egypt", "libya", "tunisia", "algeria", "morocco", "mauritania",
  "sudan", "south-sudan", "somalia", "djibouti", "comoros", "iran", "turkey", "afghanistan", "pakistan",
]);

// ---------------------------------------------------------------- inputs
const need = {
  countries: join(SHARED, "countries-ar/countries.ar.tsv"),
  cities: join(SHARED, "world-cities-ar/world-cities.csv"),
  male: join(SHARED, "arabic-names/male-first--names-in-arabic.txt"),
  female: join(SHARED, "arabic-names/female-first-names-in-arabic.txt"),
};
const missing = Object.values(need).filter((p) => !existsSync(p));
if (missing.length) {
  console.error(`build-lexicons: the shared data is not there (${missing.join(", ")}).`);
  console.error("Set ISNAD_SHARED_DATA to the shared data folder, or run from a checkout with ../shared beside it.");
  console.error("The generated lexicons are committed: nothing was changed.");
  process.exit(1);
}

const read = (p) => readFileSync(p, "utf8").replace(/^\uFEFF/, "");
/** Rows of a TSV file without comments; the first remaining row is the header. */
function tsv(p) {
  const lines = read(p).split(/\r?\n/).filter((l) => l.trim() && !l.startsWith("#"));
  const head = lines.shift().split("\t");
  return lines.map((l) => {
    const f = l.split("\t");
    return Object.fromEntries(head.map((h, i) => [h, (f[i] ?? "").trim()]));
  });
}
const list = (s) => (s ? s.split("|").map((x) => x.trim()).filter(Boolean) : []);

// ---------------------------------------------------------------- normalisation (same as src/text/normalize.ts)
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const INVISIBLES = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
function normalize(s) {
  return s
    .replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]/g, (c) => c.normalize("NFKC"))
    .replace(INVISIBLES, "")
    .replace(DIACRITICS, "")
    .replace(/\u0640/g, "")
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u06A9/g, "\u0643")
    .replace(/[\u06CC\u06D0]/g, "\u064A")
    .replace(/[\u06C0\u06D5\u06BE]/g, "\u0647")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}
/** The matcher's key of a name: normalized, punctuation apart, single spaces. */
const key = (s) => normalize(s).replace(/([^\p{L}\p{N}\s])/gu, " $1 ").replace(/\s+/g, " ").trim();
/** Readings of a corpus token as the matcher makes them: as written, without و/ف, without ب/ك/ل (لل → ال). */
function readings(w) {
  const out = [w];
  const bases = [w];
  if ((w[0] === "و" || w[0] === "ف") && w.length >= 3) { out.push(w.slice(1)); bases.push(w.slice(1)); }
  for (const b of bases) {
    if (!"بكل".includes(b[0]) || b.length < 3) continue;
    out.push(b[0] === "ل" && b[1] === "ل" && b.length >= 4 ? "ا" + b.slice(1) : b.slice(1));
  }
  return out;
}

// ---------------------------------------------------------------- transliteration skeletons
const AR_SKEL = { "ب": "B", "پ": "B", "ت": "T", "ث": "T", "ج": "G", "چ": "S", "خ": "K", "د": "T", "ذ": "T", "ر": "R", "ز": "S", "س": "S", "ش": "S", "ص": "S", "ض": "T", "ط": "T", "ظ": "S", "غ": "G", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "ک": "K", "گ": "G", "ل": "L", "م": "M", "ن": "N" };
const EN_SKEL = { b: "B", p: "B", t: "T", d: "T", j: "G", g: "G", k: "K", q: "K", c: "K", r: "R", s: "S", z: "S", f: "F", v: "F", l: "L", m: "M", n: "N" };
function skelAr(s) {
  s = s.replace(DIACRITICS, "").replace(/^ال/, "").replace(/ ال/g, " ");
  let o = "";
  for (const c of s) if (AR_SKEL[c]) o += AR_SKEL[c];
  return o.replace(/(.)\1+/g, "$1");
}
function skelEn(s) {
  s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[`'’]/g, "");
  s = s.replace(/^(al|el|ar|as|ad|an|at|az|ash|adh|ath|es|et|ed|en|er|ez)[ -]/, "").replace(/ (al|el|ar|as|ad|an|at|az|ash|adh|ath|es|et|ed|en)[ -]/g, " ");
  s = s.replace(/sch|sh|ch/g, "s").replace(/kh/g, "k").replace(/gh/g, "g").replace(/th/g, "t").replace(/dh/g, "d").replace(/ph/g, "f")
    .replace(/zh/g, "j").replace(/ck/g, "k").replace(/qu/g, "k").replace(/x/g, "ks").replace(/c(?=[eiy])/g, "s").replace(/tz/g, "s");
  let o = "";
  for (const c of s) if (EN_SKEL[c]) o += EN_SKEL[c];
  return o.replace(/(.)\1+/g, "$1");
}
function lcs(a, b) {
  let prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[b.length];
}
function similarity(ar, en) {
  const a = skelAr(ar), b = skelEn(en);
  return a.length && b.length ? (2 * lcs(a, b)) / (a.length + b.length) : 0;
}

// ---------------------------------------------------------------- ids
function slug(s) {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[`'’]/g, "")
    .replace(/^the /, "").replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "").replace(/\.+-|-\.+/g, "-");
}
const ARTICLE = /^(al|el|ar|as|ad|an|at|az|ash|adh|ath|ed|en|er|es|et|ez)-(?=[a-z])/;

// ---------------------------------------------------------------- countries
const cldr = new Map(tsv(need.countries).map((r) => [r.iso2, r.name_ar]));
const countryRows = tsv(join(DATA, "countries.tsv"));
const countries = [];
const seenIso = new Set();
for (const r of countryRows) {
  seenIso.add(r.iso2);
  if (r.id === "-") continue;
  const cldrName = cldr.get(r.iso2);
  const ar = r.ar || cldrName;
  if (!ar) throw new Error(`countries.tsv: ${r.iso2} has no Arabic name`);
  const seenKeys = new Set([key(ar)]);
  // aliases that differ only by what matching normalizes away (hamza seats, ة/ه, diacritics) are left out
  const aliases = [...(cldrName ? [cldrName] : []), ...list(r.aliases)].filter((a) => !seenKeys.has(key(a)) && seenKeys.add(key(a)));
  const e = { id: r.id, type: "place", subtype: r.subtype, ar, en: r.en };
  if (aliases.length) e.aliases = aliases;
  if (list(r.ambiguous).length) e.ambiguous = list(r.ambiguous);
  if (list(r.gentilics).length) e.gentilics = list(r.gentilics);
  if (r.wikidata) e.wikidata = r.wikidata;
  if (list(r.partOf).length) e.partOf = list(r.partOf);
  e.source = cldrName ? COUNTRY_SOURCE : "curated (lexicons/data/countries.tsv)";
  countries.push(e);
}
for (const iso of cldr.keys()) if (!seenIso.has(iso)) throw new Error(`countries.tsv has no row for ${iso} (${cldr.get(iso)})`);
const countryById = new Map(countries.map((c) => [c.id, c]));

// curated provinces and regions (read only)
const curated = [];
for (const f of ["provinces.json", "regions.json"]) {
  const p = join(PLACES, f);
  if (existsSync(p)) curated.push(...JSON.parse(read(p)).entries.map((e) => ({ ...e, file: f })));
}
// every other lexicon file (people, groups, ...): their ids are taken, their names clash with city names
const others = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".json") && p !== join(PLACES, "countries.json") && p !== join(PLACES, "cities.json") && dirname(p) !== PLACES) {
      try { others.push(...(JSON.parse(read(p)).entries ?? []).filter((e) => e.id && !e.disabled)); } catch { /* another helper's file being written */ }
    }
  }
})(join(ROOT, "lexicons/entities"));
const knownIds = new Set([...countries.map((c) => c.id), ...curated.map((e) => e.id), ...others.map((e) => e.id)]);

// ---------------------------------------------------------------- word lists
const wordList = new Map(); // key -> {kind, gloss}
for (const r of tsv(join(DATA, "common-words.tsv"))) wordList.set(key(r.word), { kind: r.kind, gloss: r.gloss });
const givenNames = new Set();
for (const p of [need.male, need.female]) for (const l of read(p).split(/\r?\n/)) if (/[\u0600-\u06FF]/.test(l)) givenNames.add(key(l.trim()));
const countsPath = join(DATA, "anercorp-counts.tsv");

// ---------------------------------------------------------------- cities: source rows
function parseCsv(text) {
  return text.split(/\r?\n/).slice(1).filter(Boolean).map((line) => {
    const m = line.match(/^"([^"]*)","([^"]*)","([^"]*)","([^"]*)",(\d*)$/);
    if (!m) throw new Error(`world-cities.csv: cannot read ${line}`);
    return { countryAr: m[1], countryEn: m[2], label: m[3], en: m[4], pop: Number(m[5] || 0) };
  });
}
const rows = parseCsv(read(need.cities));

// source country names -> country ids
const countryByKey = new Map();
for (const c of countries) for (const n of [c.ar, ...(c.aliases ?? [])]) countryByKey.set(key(n), c.id);
const sourceCountry = new Map(tsv(join(DATA, "source-countries.tsv")).map((r) => [r.country_en, r.id]));
function countryOf(r) {
  const id = sourceCountry.get(r.countryEn) ?? (countryById.has(slug(r.countryEn)) ? slug(r.countryEn) : countryByKey.get(key(r.countryAr)));
  if (!id || !countryById.has(id)) throw new Error(`world-cities.csv: unknown country ${r.countryEn} / ${r.countryAr} (add it to lexicons/data/source-countries.tsv)`);
  return id;
}

/** Administrative titles, always cut (ولاية قندهار → قندهار); other leading words only when the cut label is closer to the English name. */
const ADMIN_TITLES = ["ناحية مركز", "لواء قصبة", "محافظة", "مقاطعة", "ولاية", "بلدية", "إقليم", "اقليم", "منطقة", "إدارة", "مديرية", "معتمدية", "ناحية", "قضاء", "لواء", "ضاحية", "عزلة", "كانتون", "دائرة", "شعبية", "بلدة", "قرية", "قسم"];
const OTHER_TITLES = ["مدينة", "مركز", "نادي", "ملعب", "مطار", "ميناء", "جامعة", "قلعة", "نهر", "رحل", "ريف"];
const INSTITUTION = new Set(["نادي", "ملعب", "مطار", "جامعة", "كلية", "مستشفى", "مستشفي", "معركة", "غواصة", "شركة", "مجموعة", "فريق", "حزب", "مجلس", "نهر", "بحيرة", "مملكة", "خلافة", "معتقل", "لغة", "قاموس", "نظام", "مؤسسة", "بنك", "فيلم", "كنيسة", "كاتدرائية", "محطة", "متحف", "شلالات", "إمارة", "دوقية", "وسام", "الاتحاد", "التجمع", "المجلس"].map(key));
/** Cleaned label: qualifiers cut, and a leading title cut when that brings it closer to the English name. */
function cleanLabel(label, en) {
  let s = label.replace(INVISIBLES, "").replace(/_/g, " ").replace(/\s+/g, " ").trim();
  s = s.replace(/\s*\([^)]*\)\s*$/, "").replace(/\s*[،,].*$/, "").trim();
  for (let round = 0; round < 2; round++) {
    const admin = ADMIN_TITLES.find((p) => s.startsWith(p + " "));
    const other = OTHER_TITLES.find((p) => s.startsWith(p + " "));
    const t = admin ?? other;
    if (!t) break;
    const cut = s.slice(t.length + 1).trim();
    if (admin || similarity(cut, en) >= similarity(s, en)) s = cut;
    else break;
  }
  return s;
}

// dedupe: one row per (country, English name), the most populous
const byRow = new Map();
for (const r of rows) {
  r.country = countryOf(r);
  const k = `${r.countryEn}\t${r.en}`;
  const prev = byRow.get(k);
  if (!prev || r.pop > prev.pop) byRow.set(k, r);
}
const fixes = new Map();
for (const f of tsv(join(DATA, "city-fixes.tsv"))) {
  const k = `${f.country_en}\t${f.city_en}`;
  if (fixes.has(k)) throw new Error(`city-fixes.tsv: two rows for ${f.country_en} / ${f.city_en}`);
  if (!byRow.has(k)) throw new Error(`city-fixes.tsv: no source row ${f.country_en} / ${f.city_en}`);
  fixes.set(k, f);
}

const stats = { sourceRows: rows.length, uniqueRows: byRow.size, fixedDropped: 0, fixedRenamed: 0, reviewedKept: 0, lowSimilarity: 0, institution: 0, notArabic: 0, extra: 0 };
const dropLog = [];
const cities = []; // working records
for (const [k, r] of [...byRow].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
  const fix = fixes.get(k);
  if (fix?.ar === "-") { stats.fixedDropped++; continue; }
  let ar = cleanLabel(r.label, r.en);
  if (fix?.ar) { ar = fix.ar; stats.fixedRenamed++; }
  else if (fix) stats.reviewedKept++;
  else {
    if (!/^[\u0600-\u06FF\s\-']+$/.test(ar)) { stats.notArabic++; dropLog.push(["not Arabic", r, ar]); continue; }
    if (ar.split(" ").some((t) => INSTITUTION.has(key(t)))) { stats.institution++; dropLog.push(["institution", r, ar]); continue; }
    if (similarity(ar, r.en) < SIMILARITY) { stats.lowSimilarity++; dropLog.push(["low similarity", r, ar]); continue; }
  }
  const en = fix?.en || r.en;
  let base = fix?.id || slug(en);
  if (!fix?.id && REGION_COUNTRIES.has(r.country)) base = base.replace(ARTICLE, "");
  cities.push({
    baseId: base, fixedId: !!fix?.id, en, ar, aliases: list(fix?.aliases), ambiguous: list(fix?.ambiguous),
    flags: new Set(list(fix?.flags)), partOf: list(fix?.partOf).length ? list(fix.partOf) : [r.country], country: r.country,
    pop: r.pop, source: CITY_SOURCE, label: r.label, row: `${r.countryEn} / ${r.en}`, wikidata: fix?.wikidata || undefined,
  });
}
for (const x of tsv(join(DATA, "cities-extra.tsv"))) {
  if (!countryById.has(x.country)) throw new Error(`cities-extra.tsv: unknown country ${x.country}`);
  stats.extra++;
  cities.push({
    baseId: x.id, fixedId: true, en: x.en, ar: x.ar, aliases: list(x.aliases), ambiguous: list(x.ambiguous), flags: new Set(list(x.flags)),
    partOf: list(x.partOf).length ? [...new Set([x.country, ...list(x.partOf)])] : [x.country], country: x.country, pop: 0, source: EXTRA_SOURCE,
    wikidata: x.wikidata || undefined, row: `extra ${x.id}`,
  });
}
// same city twice (two source rows or a source row and an extra with the same name in one country): keep one
{
  const seen = new Map();
  for (const c of [...cities].sort(rank)) {
    const k = `${c.country}\t${key(c.ar)}`;
    if (seen.has(k)) { c.duplicateOf = seen.get(k); continue; }
    seen.set(k, c);
  }
  for (const c of cities.filter((c) => c.duplicateOf)) {
    dropLog.push(["duplicate", { countryEn: c.country, en: c.en, pop: c.pop }, c.ar]);
    cities.splice(cities.indexOf(c), 1);
  }
}
function rank(a, b) {
  return (b.flags.has("primary") - a.flags.has("primary")) || (b.flags.has("keep") - a.flags.has("keep")) || (b.pop - a.pop) || (a.baseId < b.baseId ? -1 : a.baseId > b.baseId ? 1 : 0);
}

// ---------------------------------------------------------------- ANERcorp counts (--mine)
const names = (c) => [c.ar, ...c.aliases];
async function mine() {
  if (!existsSync(ANERCORP)) {
    console.error(`build-lexicons --mine: ${ANERCORP} is not there (set ISNAD_ANERCORP).`);
    process.exit(1);
  }
  const candidates = new Set();
  for (const c of cities) for (const n of names(c)) candidates.add(key(n));
  for (const c of countries) for (const n of [c.ar, ...(c.aliases ?? [])]) candidates.add(key(n));
  for (const e of curated) for (const n of [e.ar, ...(e.aliases ?? [])]) candidates.add(key(n));
  for (const w of wordList.keys()) candidates.add(w);
  const byFirst = new Map();
  for (const k of candidates) {
    const t = k.split(" ");
    if (!byFirst.has(t[0])) byFirst.set(t[0], []);
    byFirst.get(t[0]).push(t);
  }
  const counts = new Map();
  const sentences = [];
  let cur = [];
  const rl = createInterface({ input: createReadStream(ANERCORP, "utf8"), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) {
      if (cur.length) sentences.push(cur);
      cur = [];
      if (sentences.length >= ANERCORP_SENTENCES) break; // never read past sentence 3566
      continue;
    }
    const i = line.lastIndexOf(" ");
    cur.push([normalize(line.slice(0, i)), line.slice(i + 1)]);
  }
  rl.close();
  if (cur.length && sentences.length < ANERCORP_SENTENCES) sentences.push(cur);
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const hit = new Set();
      for (const r of readings(s[i][0])) {
        for (const t of byFirst.get(r) ?? []) {
          if (t.length > 1 && !t.slice(1).every((w, j) => s[i + 1 + j]?.[0] === w)) continue;
          hit.add(t.join(" "));
        }
      }
      for (const k of hit) {
        // the span's tag: LOC if any of its tokens is a location, else PERS, ORG, MISC, else O
        const tags = s.slice(i, i + k.split(" ").length).map((t) => t[1]);
        const has = (t) => tags.some((x) => x.endsWith(t));
        const tag = has("LOC") ? "B-LOC" : has("PERS") ? "PERS" : has("ORG") ? "ORG" : has("MISC") ? "MISC" : "O";
        const c = counts.get(k) ?? { O: 0, LOC: 0, PERS: 0, ORG: 0, MISC: 0 };
        if (tag === "O") c.O++;
        else if (tag === "B-LOC") c.LOC++;
        else if (tag.endsWith("PERS")) c.PERS++;
        else if (tag.endsWith("ORG")) c.ORG++;
        else c.MISC++;
        counts.set(k, c);
      }
    }
  }
  const out = ["# Tags of the place names of the lexicons in ANERcorp's training file, sentences 0-3566 only (written by", "# node scripts/build-lexicons.mjs --mine; LOC when any token of an occurrence is tagged LOC; proclitics read as the matcher does).", "name\tO\tLOC\tPERS\tORG\tMISC"];
  for (const k of [...counts.keys()].sort()) {
    const c = counts.get(k);
    out.push([k, c.O, c.LOC, c.PERS, c.ORG, c.MISC].join("\t"));
  }
  writeFileSync(countsPath, out.join("\n") + "\n");
  console.log(`mined ${sentences.length} sentences: ${counts.size} names seen`);
}
if (args.has("--mine")) await mine();
const corpus = new Map();
if (existsSync(countsPath)) for (const r of tsv(countsPath)) corpus.set(r.name, { O: +r.O, LOC: +r.LOC, PERS: +r.PERS, ORG: +r.ORG, MISC: +r.MISC });

// ---------------------------------------------------------------- noise filter
const gentilicForms = (g) => {
  const f = [g, g + "ة", g + "ون", g + "ين", g + "ان", g + "اً", g + "ا", g + "ات", g + "تان", g + "تين"];
  return [...f, ...f.map((x) => "ال" + x)];
};
const claimed = new Map(); // key -> what else carries the name, unambiguously
const claim = (n, what) => { const k = key(n); if (!claimed.has(k)) claimed.set(k, what); };
for (const c of countries) for (const n of [c.ar, ...(c.aliases ?? [])]) claim(n, `country ${c.id}`);
for (const e of curated) for (const n of [e.ar, ...(e.aliases ?? [])]) claim(n, `${e.file.replace(".json", "")} ${e.id}`);
// people and groups only: other place lists (gazetteers) name the same places and leave out the curated names
for (const e of others) if (e.type !== "place") for (const n of [e.ar, ...(e.aliases ?? [])]) if (n) claim(n, `${e.type} ${e.id}`);
const gentilicKeys = new Map();
for (const e of [...countries, ...curated]) for (const g of e.gentilics ?? []) for (const f of gentilicForms(g)) gentilicKeys.set(key(f), e.id);

const isWord = (k) => {
  const c = corpus.get(k);
  const other = c ? c.O + c.PERS + c.ORG + c.MISC : 0;
  if (c && other >= MIN_O && other > O_RATIO * c.LOC) return `ANERcorp O ${c.O}, PERS ${c.PERS}, ORG ${c.ORG}, MISC ${c.MISC} / LOC ${c.LOC}`;
  const w = wordList.get(k);
  if (w) return `${w.kind === "name" ? "given name" : "word"} (${w.gloss || "list"})`;
  if (givenNames.has(k)) return "given name (arabic-names)";
  if (!k.includes(" ") && k.length <= 2) return "too short";
  return null;
};
const report = { kept: 0, ambiguous: new Map(), dropped: new Map(), droppedCities: [], keptFamous: [] };
const bump = (m, reason, what) => { if (!m.has(reason)) m.set(reason, []); m.get(reason).push(what); };

// c. names shared by cities: the first by rank keeps them
const owner = new Map();
for (const c of [...cities].sort(rank)) for (const n of names(c)) { const k = key(n); if (!owner.has(k)) owner.set(k, c); }

for (const c of [...cities].sort(rank)) {
  const region = REGION_COUNTRIES.has(c.country);
  const major = region || c.pop >= MAJOR_POP;
  // a small foreign town whose name collides with another place is not worth the confusion: dropped
  const minor = !major && !c.flags.has("keep") && !c.flags.has("primary");
  const amb = new Set(c.ambiguous.map(key));
  let dropCity = false;
  const keepNames = [];
  for (const n of names(c)) {
    const k = key(n);
    const tag = `${n} (${c.row})`;
    if (amb.has(k)) { bump(report.ambiguous, "curated", tag); keepNames.push(n); continue; }
    let clash = null;
    if (claimed.has(k)) clash = ["same name as a country, province, region or other entity", claimed.get(k)];
    else if (gentilicKeys.has(k)) clash = ["a gentilic form", gentilicKeys.get(k)];
    else if (owner.get(k) !== c) clash = ["same name as another city", owner.get(k).row];
    if (clash && minor) { bump(report.dropped, clash[0], `${tag} ~ ${clash[1]}`); if (n === c.ar) dropCity = true; continue; }
    if (clash) { amb.add(k); bump(report.ambiguous, clash[0], `${tag} ~ ${clash[1]}`); keepNames.push(n); continue; }
    const why = isWord(k);
    if (!why) { keepNames.push(n); continue; }
    if (c.flags.has("keep")) { report.keptFamous.push(`${tag}: ${why}`); keepNames.push(n); continue; }
    if (major) { amb.add(k); bump(report.ambiguous, why.replace(/ \(.*| O .*/, ""), `${tag}: ${why}`); keepNames.push(n); continue; }
    bump(report.dropped, why.replace(/ \(.*| O .*/, ""), `${tag}: ${why}`);
    if (n === c.ar) dropCity = true;
  }
  if (dropCity) { report.droppedCities.push(c); c.drop = true; continue; }
  const seenKeys = new Set([key(c.ar)]);
  c.aliases = keepNames.filter((n) => !seenKeys.has(key(n)) && seenKeys.add(key(n)));
  c.ambiguous = [...new Set([c.ar, ...c.aliases].filter((n) => amb.has(key(n))))];
  if (c.ambiguous.length === 0) report.kept++;
}
// country aliases the corpus calls words: reported, and marked ambiguous unless curated otherwise
const countryWords = [];
for (const c of countries) {
  const amb = new Set((c.ambiguous ?? []).map(key));
  for (const n of [c.ar, ...(c.aliases ?? [])]) {
    const k = key(n);
    const cc = corpus.get(k);
    const other = cc ? cc.O + cc.PERS + cc.ORG + cc.MISC : 0;
    if (!amb.has(k) && cc && other >= MIN_O && other > O_RATIO * cc.LOC) countryWords.push(`${c.id}: ${n} (O ${cc.O}, PERS ${cc.PERS}, ORG ${cc.ORG}, MISC ${cc.MISC} / LOC ${cc.LOC})`);
  }
}

// ---------------------------------------------------------------- ids and output
const finalCities = cities.filter((c) => !c.drop).sort(rank);
const used = new Set(knownIds);
for (const c of finalCities) {
  let id = c.baseId;
  if (used.has(id) && !c.fixedId && countryById.has(id)) id = `${id}-city`;
  if (used.has(id)) id = `${c.baseId}-${c.country}`;
  let n = 2;
  while (used.has(id)) id = `${c.baseId}-${c.country}-${n++}`;
  if (c.fixedId && id !== c.baseId) throw new Error(`curated city id ${c.baseId} is taken`);
  used.add(id);
  c.id = id;
}
for (const c of finalCities) for (const p of c.partOf) if (!used.has(p)) throw new Error(`${c.id}: partOf ${p} is unknown`);

const cityEntries = finalCities
  .map((c) => {
    const e = { id: c.id, type: "place", subtype: "city", ar: c.ar, en: c.en };
    if (c.aliases.length) e.aliases = c.aliases;
    if (c.ambiguous.length) e.ambiguous = c.ambiguous;
    if (c.wikidata) e.wikidata = c.wikidata;
    e.partOf = c.partOf;
    e.source = c.source;
    return e;
  })
  .sort((a, b) => (a.id < b.id ? -1 : 1));
const countryEntries = [...countries].sort((a, b) => (a.id < b.id ? -1 : 1));

const write = (file, lexicon, description, entries) =>
  writeFileSync(join(PLACES, file), JSON.stringify({ lexicon, description, generated: GENERATED, entries }, null, 2) + "\n");
write("countries.json", "places-countries",
  "Countries and territories: CLDR Arabic names (umpirsky/country-list) with the everyday names, formal names and gentilics of Arabic news (lexicons/data/countries.tsv). Generated: edit the data files and run node scripts/build-lexicons.mjs.",
  countryEntries);
write("cities.json", "places-cities",
  "Cities: jamsshhayd/world-cities-translations (CC BY 4.0, from Wikidata) with corrected labels and aliases (lexicons/data/city-fixes.tsv), missing cities added (lexicons/data/cities-extra.tsv) and the noise filter of scripts/build-lexicons.mjs applied. Generated: edit the data files and run node scripts/build-lexicons.mjs.",
  cityEntries);

// ---------------------------------------------------------------- figures
const sum = (m) => [...m.values()].reduce((a, b) => a + b.length, 0);
console.log(`countries.json: ${countryEntries.length} entries (${countryEntries.filter((c) => c.subtype === "country").length} countries, ${countryEntries.filter((c) => c.subtype === "territory").length} territories)`);
console.log(`cities.json: ${cityEntries.length} cities (${stats.uniqueRows} source rows after duplicates, ${stats.extra} curated extras)`);
console.log(`  labels: ${stats.fixedRenamed} corrected, ${stats.reviewedKept} reviewed as is, ${stats.fixedDropped} dropped by review, ${stats.lowSimilarity} dropped as not matching the English name, ${stats.institution} as institutions, ${stats.notArabic} not Arabic`);
console.log(`  noise filter: ${report.kept} cities with no ambiguous name; ${sum(report.ambiguous)} names marked ambiguous; ${report.droppedCities.length} small towns dropped (${sum(report.dropped)} names); ${report.keptFamous.length} famous names kept`);
for (const [r, l] of [...report.ambiguous].sort()) console.log(`    ambiguous, ${r}: ${l.length}`);
for (const [r, l] of [...report.dropped].sort()) console.log(`    dropped, ${r}: ${l.length}`);
if (countryWords.length) console.log(`  country names the corpus reads as words (not marked): ${countryWords.join("; ")}`);
if (args.has("--report")) {
  console.log("\nkept famous:\n  " + report.keptFamous.join("\n  "));
  for (const [r, l] of [...report.ambiguous].sort()) console.log(`\nambiguous, ${r}:\n  ` + l.join("\n  "));
  for (const [r, l] of [...report.dropped].sort()) console.log(`\ndropped, ${r}:\n  ` + l.join("\n  "));
  console.log("\nlabels dropped:\n  " + dropLog.map(([why, r, ar]) => `${why}: ${r.countryEn} / ${r.en} (${r.pop}) ${ar}`).join("\n  "));
}
