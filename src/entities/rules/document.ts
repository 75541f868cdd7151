import type { MentionCandidate } from "../../core/types.js";
import type { RuleSpec } from "./data.js";
import { formOf, ruleMention, type Scan } from "./scan.js";
import { W } from "./words.js";

/** The word without the proclitics its word classes found (وعباس، لعباس → عباس). */
function bareForm(s: Scan, i: number): string {
  const f = formOf(s, i);
  return s.cls[i]! & W.PREPOSITION ? f.slice(1) : f;
}

/** A word that can end a full name and stand for it in a person mention found alone (not الله، الثاني، الأمريكي). */
function lastNameWord(s: Scan, i: number): boolean {
  const f = s.cls[i]!;
  return (f & W.WORD) !== 0 && !(f & (W.STOP | W.PARTICLE | W.SUFFIX | W.GENTILIC | W.TITLE | W.PREPOSITION)) && !s.data.ordinals.has(bareForm(s, i));
}

/**
 * A word that can stand for a whole name on its own, where nothing else names a person: a family name, a nisba or
 * a word that is not an ordinary one; not a first name (محمد علي: علي is another man's name).
 */
function shortFormWord(s: Scan, i: number): boolean {
  const f = s.cls[i]!;
  if (!lastNameWord(s, i) || f & (W.FIRST | W.AMBIGUOUS_FIRST | W.NOT_PERSONAL)) return false;
  if (f & W.DEFINITE && !(f & (W.NISBA | W.FAMILY))) return false;
  return !(f & W.COMMON) || (f & W.FAMILY) !== 0;
}


/**
 * A person named in full is then named by the last word of that name (عباس after محمود عباس, أنان after
 * كوفي أنان): a single word equal to the last word of exactly one full name in the document becomes a mention
 * of that person, and single-word person mentions of that word are linked to them, even where the word is also
 * a first name (رمضان after خالد رمضان, as the claims stage reads a speaker); so are person mentions equal to the
 * last words of exactly one longer name (صلاد حسن after أبو القاسم عبدي صلاد حسن).
 */
export function addShortNames(s: Scan, rule: RuleSpec, candidates: MentionCandidate[]): MentionCandidate[] {
  const byWord = new Map<string, MentionCandidate | null>(); // last word that may stand alone → its full name (null: several)
  const byLast = new Map<string, MentionCandidate | null>(); // any last word, for person mentions already found
  for (const c of candidates) {
    if (c.type !== "person" || c.kind !== "name" || c.tokenEnd - c.tokenStart < 2) continue;
    const last = c.tokenEnd - 1;
    if (!lastNameWord(s, last)) continue;
    noteFullName(byLast, bareForm(s, last), c);
    if (shortFormWord(s, last)) noteFullName(byWord, bareForm(s, last), c);
  }
  // a person named in full (أبو القاسم عبدي صلاد حسن) is then named by the last words of that name (صلاد حسن)
  const byTail = new Map<string, MentionCandidate | null>();
  for (const c of candidates) {
    if (c.type !== "person" || c.kind !== "name" || c.tokenEnd - c.tokenStart < 3) continue;
    for (let a = c.tokenStart + 1; a < c.tokenEnd - 1; a++) noteFullName(byTail, tailKey(s, a, c.tokenEnd), c);
  }
  if (!byLast.size && !byTail.size) return candidates;
  const identity = (full: MentionCandidate) => (full.entryId ? { entryId: full.entryId } : { key: full.key! });
  const covered = new Uint8Array(s.tokens.length);
  const out: MentionCandidate[] = [];
  for (const c of candidates) {
    for (let t = c.tokenStart; t < c.tokenEnd; t++) covered[t] = 1;
    const n = c.tokenEnd - c.tokenStart;
    const full = c.type !== "person" || c.entryId ? null : n === 1 ? byLast.get(bareForm(s, c.tokenStart)) : byTail.size ? byTail.get(tailKey(s, c.tokenStart, c.tokenEnd)) : null;
    out.push(full ? { ...c, ...identity(full) } : c);
  }
  if (!byWord.size) return out;
  for (let i = 0; i < s.tokens.length; i++) {
    if (covered[i] || !shortFormWord(s, i)) continue;
    const full = byWord.get(bareForm(s, i));
    if (!full) continue;
    const m = ruleMention(s, rule, i, i + 1);
    const skip = s.cls[i]! & W.PREPOSITION ? 1 : 0; // لعباس → عباس
    const t = s.tokens[i]!;
    const start = skip ? s.shadow.from[t.shadowStart + (s.cls[i]! & W.CONJUNCTION ? 2 : 1)]! : m.start;
    const { key: _key, ...rest } = m;
    out.push({ ...rest, start, ...identity(full) });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Notes that `key` may stand for the full name `c`; a key two different names share stands for none (null). */
function noteFullName(byKey: Map<string, MentionCandidate | null>, key: string, c: MentionCandidate): void {
  const prev = byKey.get(key);
  if (prev === undefined) byKey.set(key, c);
  else if (prev && (prev.entryId ?? prev.key) !== (c.entryId ?? c.key)) byKey.set(key, null);
}

/** The words of tokens [from, to), the first without its proclitics. */
function tailKey(s: Scan, from: number, to: number): string {
  let key = bareForm(s, from);
  for (let t = from + 1; t < to; t++) key += " " + s.tokens[t]!.norm;
  return key;
}

/** Words a name can be repeated by: at least one that is not an ordinary word, none that ends names. */
function repeatable(s: Scan, from: number, to: number): boolean {
  let proper = false;
  for (let t = from; t < to; t++) {
    const f = s.cls[t]!;
    if (!(f & W.WORD) || f & (W.STOP | W.TITLE)) return false;
    if (!(f & W.COMMON)) proper = true;
  }
  return proper;
}

/**
 * A name of the rule's type found by a rule or by the tagger is the same name where its words
 * come again in the document (a whole-word match, the first word read without its proclitics): the repeat
 * becomes a mention of the same entity. Names the lexicon knows are found wherever they occur already.
 */
export function addRepeats(s: Scan, rule: RuleSpec, candidates: MentionCandidate[]): MentionCandidate[] {
  const byFirst = new Map<string, { words: string[]; source: MentionCandidate | null }[]>();
  for (const c of candidates) {
    if (c.origin === "lexicon" || c.kind !== "name" || c.type !== rule.type || !repeatable(s, c.tokenStart, c.tokenEnd)) continue;
    const words = [bareForm(s, c.tokenStart)];
    for (let t = c.tokenStart + 1; t < c.tokenEnd; t++) words.push(s.tokens[t]!.norm);
    const list = byFirst.get(words[0]!) ?? [];
    const same = list.find((x) => x.words.join(" ") === words.join(" "));
    if (!same) list.push({ words, source: c });
    else if (same.source && (same.source.type !== c.type || (same.source.entryId ?? same.source.key) !== (c.entryId ?? c.key))) same.source = null;
    byFirst.set(words[0]!, list);
  }
  if (!byFirst.size) return candidates;
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length); // the longest first
  const covered = new Uint8Array(s.tokens.length);
  for (const c of candidates) covered.fill(1, c.tokenStart, c.tokenEnd);
  const out = [...candidates];
  for (let i = 0; i < s.tokens.length; i++) {
    if (covered[i] || !(s.cls[i]! & W.WORD)) continue;
    const options = byFirst.get(bareForm(s, i));
    if (!options) continue;
    for (const { words, source } of options) {
      const end = i + words.length;
      if (!source || end > s.tokens.length || covered.subarray(i, end).includes(1)) continue;
      let k = 1;
      while (k < words.length && s.tokens[i + k]!.norm === words[k] && s.tokens[i + k]!.sentence === s.tokens[i]!.sentence) k++;
      if (k < words.length) continue;
      const m = ruleMention(s, rule, i, end);
      const skip = s.cls[i]! & W.PREPOSITION ? 1 : 0; // لألونسو → ألونسو
      const start = skip ? s.shadow.from[s.tokens[i]!.shadowStart + (s.cls[i]! & W.CONJUNCTION ? 2 : 1)]! : m.start;
      out.push({ ...m, start, key: source.key!, ...(source.entryId ? { entryId: source.entryId } : {}) });
      covered.fill(1, i, end);
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
