/**
 * Coreference for speakers, targets and sources: what a phrase refers to.
 * - a name: its entity; a short name of a person the text named in full before (سولانا → خافيير سولانا)
 * - a role (رئيس الحكومة، رئيس الوزراء العراقي): an apposition earlier in the text (رئيس الحكومة العراقي
 *   مصطفى الكاظمي), else the lexicon's dated roles at the document date, preferring people the text names
 * - a descriptor (القيادي الإيراني، الوكالة): the last entity of its type named before it that agrees with
 *   its gentilic
 * Affiliations are the groups and countries the phrase's words name (مسؤول في الميليشيات العراقية → iraq).
 */
import type { Entity, MentionKind } from "../core/types.js";
import type { CompiledLexicon, RoleHolder } from "../lexicon/compile.js";
import type { LexiconEntry } from "../lexicon/types.js";
import { normalize } from "../text/normalize.js";
import { normOf, withoutConjunction, type Context, type MentionRef } from "./context.js";
import { readPhrase, type NounPhrase } from "./phrase.js";

export interface Resolution {
  entity: string | null;
  affiliations: string[];
  /** how the entity was found, when not by its name */
  via: "role" | "descriptor" | "short-name" | null;
}

const roleIndexes = new WeakMap<CompiledLexicon, Map<string, RoleHolder[]>>();

/** Normalized role title → the people who held it (built once per compiled lexicon). */
function roleIndex(lexicon: CompiledLexicon): Map<string, RoleHolder[]> {
  let index = roleIndexes.get(lexicon);
  if (index) return index;
  index = new Map();
  for (const h of lexicon.roleHolders) {
    const list = index.get(h.title);
    if (list) list.push(h);
    else index.set(h.title, [h]);
  }
  roleIndexes.set(lexicon, index);
  return index;
}

const within = (date: string | null, h: RoleHolder) => !date || (h.from <= date && (h.to == null || date <= h.to));

/** Ids a lexicon entry belongs to (its country, groups, places). */
function belongsTo(entry: LexiconEntry | undefined): Set<string> {
  return new Set([...(entry?.country ? [entry.country] : []), ...(entry?.memberOf ?? []), ...(entry?.partOf ?? [])]);
}

/** Per-document memory: how the text introduced people («title (gentilic) Name», «Name, title …»), in order. */
interface Appositions {
  /** role titles right before a name */
  list: { title: string; of: string[]; entity: string; start: number }[];
  /** descriptions next to a name: head word and words without the article */
  described: { head: string; words: Set<string>; places: string[]; entity: string; start: number }[];
}

const bareWord = (w: string) => (w.startsWith("ال") && w.length > 3 ? w.slice(2) : w);

const firstWordOf = (key: string) => {
  const space = key.indexOf(" ");
  return space < 0 ? key : key.slice(0, space);
};
const roleFirstWords = new WeakMap<Map<string, unknown>, Set<string>>();

function firstWords(titles: Map<string, unknown>): Set<string> {
  let set = roleFirstWords.get(titles);
  if (!set) roleFirstWords.set(titles, (set = new Set([...titles.keys()].map(firstWordOf))));
  return set;
}

/** Whether a role title of the claims lexicon or of the entity lexicon's roles starts with the word: most words start none. */
function opensRole(ctx: Context, word: string): boolean {
  const first = firstWordOf(word);
  return firstWords(ctx.cues.roles).has(first) || firstWords(roleIndex(ctx.lexicon)).has(first);
}

/** The role title at the start of tokens [i, end): the lexicon's form of the title and its length in tokens. */
function roleAt(ctx: Context, i: number, end: number): { title: string; length: number } | null {
  if (end - i < 1 || !opensRole(ctx, withoutConjunction(normOf(ctx, i)))) return null;
  const index = roleIndex(ctx.lexicon);
  for (let n = Math.min(ctx.cues.roleLength + 1, end - i); n >= 1; n--) {
    const words: string[] = [];
    for (let k = i; k < i + n; k++) words.push(k === i ? withoutConjunction(normOf(ctx, k)) : normOf(ctx, k));
    const key = words.join(" ");
    const canonical = ctx.cues.roles.get(key);
    if (canonical) return { title: normalize(canonical), length: n };
    if (index.has(key)) return { title: key, length: n };
  }
  return null;
}

/** Groups, countries and gentilic places named by mentions (ids, in order, once). */
function idsNamed(ctx: Context, mentions: MentionRef[]): string[] {
  const out: string[] = [];
  for (const m of mentions) {
    if (m.type === "date" || m.type === "person") continue;
    const id = m.entity.id;
    const sub = ctx.entry(id)?.subtype;
    if (m.type === "place" && m.kind === "name" && sub && sub !== "country" && sub !== "territory") continue;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

const appositionsOfContext = new WeakMap<Context, Appositions>();

/** The document's appositions, found when a role or a description first needs them (many documents have none to resolve). */
function appositionsOf(ctx: Context): Appositions {
  let found = appositionsOfContext.get(ctx);
  if (!found) appositionsOfContext.set(ctx, (found = findAppositions(ctx)));
  return found;
}

function findAppositions(ctx: Context): Appositions {
  const list: Appositions["list"] = [];
  const described: Appositions["described"] = [];
  const describe = (phrase: NounPhrase | null, m: MentionRef) => {
    if (!phrase || phrase.person || !phrase.headNorm || !(phrase.head === "title" || phrase.head === "descriptor" || phrase.head === "unnamed")) return;
    const words = new Set<string>();
    for (let k = phrase.start; k < phrase.end; k++) words.add(bareWord(withoutConjunction(normOf(ctx, k))));
    // nationality comes from gentilics (الرئيس الروماني), not from places the description names (في الصومال)
    described.push({ head: bareWord(phrase.headNorm), words, places: idsNamed(ctx, phrase.gentilics), entity: m.entity.id, start: m.start });
  };
  for (const m of ctx.mentions) {
    if (m.type !== "person" || m.kind !== "name") continue;
    // title words, then gentilics or group names, right before the name
    let k = m.tokenStart - 1;
    const of: MentionRef[] = [];
    while (k >= 0 && ctx.covering[k] && ctx.covering[k] !== m && ctx.covering[k]!.type !== "person") {
      const c = ctx.covering[k]!;
      of.unshift(c);
      k = c.tokenStart - 1;
    }
    for (let s = Math.max(0, k - ctx.cues.roleLength); s <= k; s++) {
      const role = roleAt(ctx, s, k + 1);
      if (role && s + role.length === k + 1) {
        list.push({ title: role.title, of: idsNamed(ctx, of), entity: m.entity.id, start: m.start });
        break;
      }
    }
    // the description before the name (المتحدث باسم المجلس … محمد محمود) or after it (X، وزير الخارجية)
    let before: NounPhrase | null = null;
    const options = { limit: m.tokenStart };
    for (let s = m.tokenStart - 1; s >= Math.max(0, m.tokenStart - 12); s--) {
      const p = readPhrase(ctx, s, options);
      if (p && p.end === m.tokenStart) before = p;
    }
    describe(before, m);
    const next = normOf(ctx, m.tokenEnd) === "،" ? m.tokenEnd + 1 : m.tokenEnd;
    describe(readPhrase(ctx, next), m);
  }
  return { list, described };
}

const namedPeopleOf = new WeakMap<Context, Set<string>>();

/** The people the text names: ids with a name mention. */
function namedPeople(ctx: Context): Set<string> {
  let named = namedPeopleOf.get(ctx);
  if (!named) namedPeopleOf.set(ctx, (named = new Set(ctx.mentions.filter((m) => m.type === "person" && m.kind === "name").map((m) => m.entity.id))));
  return named;
}

function resolveRole(ctx: Context, phrase: NounPhrase, appositions: Appositions): string | null {
  const role = roleAt(ctx, phrase.start, phrase.end);
  if (!role) return null;
  const of = idsNamed(ctx, [...phrase.names, ...phrase.gentilics]);
  const before = ctx.tokens[phrase.start]!.start;
  const seen = appositions.list.filter((a) => a.title === role.title && a.start < before && (!of.length || of.some((o) => a.of.includes(o))));
  if (seen.length) return seen[seen.length - 1]!.entity;
  // a title with words the text does not resolve (الرئيس الروماني, the gentilic unknown) is not any holder of it
  if (phrase.head === "unnamed" || (!of.length && phrase.end - phrase.start > role.length)) return null;
  const present = namedPeople(ctx);
  const holders = (roleIndex(ctx.lexicon).get(role.title) ?? []).filter((h) => within(ctx.documentDate, h) && (!of.length || (h.of !== undefined && of.includes(h.of))));
  const ids = [...new Set(holders.map((h) => h.id))];
  const inText = ids.filter((id) => present.has(id));
  if (inText.length === 1) return inText[0]!;
  if (of.length && ids.length === 1) return ids[0]!;
  return null;
}

const DESCRIPTOR_WINDOW = 12;

function resolveDescriptor(ctx: Context, phrase: NounPhrase): string | null {
  const word = phrase.headWord;
  if (!word?.refers || phrase.names.length) return null;
  const places = phrase.gentilics.map((g) => g.entity.id);
  const sentence = ctx.tokens[phrase.start]!.sentence;
  const start = ctx.tokens[phrase.start]!.start;
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.start >= start || m.kind !== "name" || m.type !== word.refers) continue;
    // a gentilic or a specific kind (الوكالة) lets a descriptor reach further back than a bare «الرئيس»
    if (sentence - ctx.tokens[m.tokenStart]!.sentence > (places.length || word.subtypes.size ? DESCRIPTOR_WINDOW : 1)) break;
    const entry = ctx.entry(m.entity.id);
    if (word.subtypes.size && !(entry?.subtype && word.subtypes.has(entry.subtype))) continue;
    if (places.length && !places.some((p) => belongsTo(entry).has(p) || m.entity.id === p)) continue;
    return m.entity.id;
  }
  return null;
}

const lastWords = new WeakMap<Context, Map<string, { start: number; id: string }[]>>();

/** A person named by one word whose full name the text gave before (سولانا → خافيير سولانا). */
function fullNameOf(ctx: Context, m: MentionRef): string {
  const name = ctx.input.slice(m.start, m.end);
  if (m.entity.id.includes(":") === false || /\s/.test(name)) return m.entity.id;
  let index = lastWords.get(ctx);
  if (!index) {
    // last word of every multi-word person mention → where and whose
    index = new Map();
    for (const other of ctx.mentions) {
      if (other.type !== "person" || other.kind !== "name") continue;
      const words = normalize(ctx.input.slice(other.start, other.end)).split(/\s+/);
      if (words.length < 2) continue;
      const list = index.get(words[words.length - 1]!) ?? [];
      list.push({ start: other.start, id: other.entity.id });
      index.set(words[words.length - 1]!, list);
    }
    lastWords.set(ctx, index);
  }
  const earlier = (index.get(normalize(name)) ?? []).filter((o) => o.start < m.start && o.id !== m.entity.id);
  return earlier[0]?.id ?? m.entity.id;
}

/** A description the text gave a named person before: same head word, words a subset (الرئيس السابق ⊂ الرئيس الصومالي السابق). */
function resolveDescribed(ctx: Context, phrase: NounPhrase, appositions: Appositions): string | null {
  if (!phrase.headNorm || phrase.person) return null;
  const head = bareWord(phrase.headNorm);
  const words: string[] = [];
  for (let k = phrase.start; k < phrase.end; k++) words.push(bareWord(withoutConjunction(normOf(ctx, k))));
  const start = ctx.tokens[phrase.start]!.start;
  for (let i = appositions.described.length - 1; i >= 0; i--) {
    const d = appositions.described[i]!;
    if (d.start >= start || d.head !== head) continue;
    if (words.every((w) => d.words.has(w))) return d.entity;
  }
  return null;
}

/** The countries a person belongs to: the lexicon's, and those of the gentilics the text introduced them with. */
function countriesOf(ctx: Context, id: string, appositions: Appositions): Set<string> {
  const out = belongsTo(ctx.entry(id));
  for (const d of appositions.described) if (d.entity === id) for (const p of d.places) out.add(p);
  for (const a of appositions.list) if (a.entity === id) for (const p of a.of) out.add(p);
  return out;
}

const COUNTRY_WINDOW = 12;
const AHEAD_WINDOW = 2;

/**
 * «المسؤول العراقي»، «الرئيس الروماني»: the last person of that country named before it, or (a title that
 * introduces a name a sentence later: «السفير الأميركي … جون بولتون») the first named just after it.
 */
function resolveByCountry(ctx: Context, phrase: NounPhrase, appositions: Appositions): string | null {
  if (!isDefiniteHead(phrase) || phrase.names.some((n) => n.type === "person")) return null;
  // the gentilic must describe the head itself (المسؤول العراقي), not a word after it (الناطقة باسم رئيس الوزراء الإسرائيلي)
  if (!phrase.gentilics.some((g) => g.tokenStart <= phrase.start + 2 && ![...Array(g.tokenStart - phrase.start - 1).keys()].some((j) => ctx.cues.sources.get(normOf(ctx, phrase.start + 1 + j))?.class !== "modifier"))) return null;
  const places = idsNamed(ctx, [...phrase.names, ...phrase.gentilics]).filter((id) => ctx.entry(id)?.subtype === "country" || phrase.gentilics.some((g) => g.entity.id === id));
  if (!places.length) return null;
  const sentence = ctx.tokens[phrase.start]!.sentence;
  const start = ctx.tokens[phrase.start]!.start;
  const fits = (m: MentionRef) => m.type === "person" && m.kind === "name" && places.some((p) => countriesOf(ctx, m.entity.id, appositions).has(p));
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.start >= start) continue;
    if (sentence - ctx.tokens[m.tokenStart]!.sentence > COUNTRY_WINDOW) break;
    if (fits(m)) return m.entity.id;
  }
  if (phrase.head !== "title" && phrase.head !== "descriptor") return null;
  for (const m of ctx.mentions) {
    if (m.start <= start) continue;
    if (ctx.tokens[m.tokenStart]!.sentence - sentence > AHEAD_WINDOW) break;
    if (fits(m)) return m.entity.id;
  }
  return null;
}

function isDefiniteHead(phrase: NounPhrase): boolean {
  return phrase.headNorm.startsWith("ال") && (phrase.head === "title" || phrase.head === "descriptor" || phrase.head === "unnamed");
}

export function resolvePhrase(ctx: Context, phrase: NounPhrase): Resolution {
  let entity: string | null = null;
  let via: Resolution["via"] = null;
  if (phrase.person) {
    entity = fullNameOf(ctx, phrase.person);
    if (entity !== phrase.person.entity.id) via = "short-name";
  } else if ((phrase.head === "group" || phrase.head === "place") && phrase.names[0]) {
    entity = phrase.names[0].entity.id;
  } else if (phrase.head === "institution" && phrase.names[0] && phrase.names[0].type === "group" && phrase.names[0].tokenStart <= phrase.start + 2) {
    // «وكالة رويترز»، «صحيفة "المستقبل"»، «حركة حماس»: the body and its name
    entity = phrase.names[0].entity.id;
  } else if (phrase.head === "title" || phrase.head === "descriptor" || phrase.head === "unnamed") {
    const appositions = appositionsOf(ctx);
    entity = resolveRole(ctx, phrase, appositions) ?? resolveDescribed(ctx, phrase, appositions);
    if (entity) via = "role";
    else {
      entity = (phrase.head === "descriptor" ? resolveDescriptor(ctx, phrase) : null) ?? resolveByCountry(ctx, phrase, appositions);
      if (entity) via = "descriptor";
    }
  }
  // the groups, countries and people the description names (بيان صادر عن مكتب أولمرت → ehud-olmert)
  const affiliations = [...new Set([...idsNamed(ctx, [...phrase.names, ...phrase.gentilics]), ...phrase.names.filter((n) => n.type === "person").map((n) => n.entity.id)])].filter((id) => id !== entity);
  return { entity, affiliations, via };
}

/** The entity an attached pronoun (اتهمها، دعاهم) refers to: the last group, place or person named before. */
export function resolvePronoun(ctx: Context, token: number, suffix: string): string | null {
  const start = ctx.tokens[token]!.start;
  const sentence = ctx.tokens[token]!.sentence;
  const wantPerson = suffix === "ه";
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.start >= start || m.kind !== "name" || m.type === "date") continue;
    if (sentence - ctx.tokens[m.tokenStart]!.sentence > 1) break;
    if (wantPerson === (m.type === "person")) return m.entity.id;
  }
  return null;
}

/** Adds the role, descriptor or pronoun mentions that coreference resolved to their entities (sorted, once). */
export function addCorefMentions(entities: Entity[], found: { entity: string; start: number; end: number; kind: MentionKind; rule: string }[], input: string): Entity[] {
  if (!found.length) return entities;
  const byId = new Map(found.map((f) => [f.entity, [] as typeof found]));
  for (const f of found) byId.get(f.entity)!.push(f);
  return entities.map((e) => {
    const add = byId.get(e.id);
    if (!add) return e;
    const mentions = [...e.mentions];
    for (const f of add) {
      if (mentions.some((m) => m.start < f.end && f.start < m.end)) continue;
      mentions.push({ start: f.start, end: f.end, text: input.slice(f.start, f.end), kind: f.kind, origin: "rule", rule: f.rule });
    }
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { ...e, mentions };
  });
}
