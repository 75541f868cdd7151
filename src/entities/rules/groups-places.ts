import type { MentionCandidate } from "../../core/types.js";
import type { RuleSpec } from "./data.js";
import { formOf, inSentence, phraseAt, ruleMention, type Scan } from "./scan.js";
import { canBeName, W } from "./words.js";

const MAX_GROUP_NAME = 5;

/** A proper word: may be a name, is not an ordinary word, and has no article (نوكيا، رويترز، تشوانتشو). */
const proper = (f: number): boolean => canBeName(f) && !(f & (W.COMMON | W.GENTILIC | W.CONJUNCTION | W.DEFINITE | W.TITLE));
/** plural adjectives (المعتمدين، الدائمون) follow a group's name; they are not part of it */
const pluralAdjective = (form: string): boolean => /^ال.{3,}(ين|ون)$/.test(form);

/** The rule's trigger phrase at token i, if any. */
function triggerAt(s: Scan, rule: RuleSpec, i: number): { end: number; head: string } | null {
  if (!s.triggers[i]) return null;
  for (const t of rule.triggers ?? []) {
    const m = phraseAt(s, t, i);
    if (m) return m;
  }
  return null;
}

/**
 * The name after a group's head noun: proper words, then definite words and ل+definite words (جامعة زيورخ،
 * حزب العمال الكردستاني، الوكالة الدولية للطاقة الذرية). It ends at a stop word, a conjunction, punctuation,
 * a title, a gentilic or a plural adjective (حزب الله | اللبناني، مجلس الأمن | الدائمين), as ANERcorp tags.
 * The head is part of the name except for the heads listed as `outside` (صحيفة الحياة → الحياة). A club's word
 * (group.club: ريال، لوكوموتيف) names a club with the city after it, known to the lexicon or not.
 */
function headName(s: Scan, rule: RuleSpec, out: MentionCandidate[]): void {
  const clubs = rule.triggers?.includes("clubs") ?? false; // a club's word comes before a city the lexicon knows
  for (let i = 0; i < s.tokens.length; i++) {
    const m = triggerAt(s, rule, i);
    if (!m || s.knownEnd[i] || (s.knownEnd[m.end] && !clubs)) continue; // the lexicon knows the group, or the name after the head
    const e = m.end;
    let j = e;
    while (j < e + MAX_GROUP_NAME && inSentence(s, i, j) && proper(s.cls[j]!) && !(s.cls[j]! & (W.FIRST | W.AMBIGUOUS_FIRST))) j++;
    while (j < e + MAX_GROUP_NAME && inSentence(s, i, j)) {
      const f = s.cls[j]!;
      const form = formOf(s, j);
      if (!(f & W.WORD) || f & (W.STOP | W.CONJUNCTION | W.GENTILIC | W.TITLE) || s.data.modifiers.has(form) || pluralAdjective(form)) break;
      if (!(f & W.DEFINITE || (f & W.PREPOSITION && form.startsWith("لل")))) break;
      j++;
    }
    while (j > e && formOf(s, j - 1).startsWith("لل")) j--; // nor does it end on ل+definite (… للتنمية في)
    if (j === e) continue;
    const outside = s.data.groupOutside.has(m.head);
    // after a descriptive head a name needs a word that names something: a known place or person's name, or a
    // proper word (a word in ة after a head is its adjective: مؤسسة مسالمة); a head that stays outside may name
    // by one definite word (صحيفة الحياة)
    let strong = !s.data.groupDescriptive.has(m.head) || (outside && j === e + 1 && (s.cls[e]! & W.DEFINITE) !== 0);
    for (let k = e; k < j; k++) {
      const f = s.cls[k]!;
      if (f & (W.PLACE | W.FIRST | W.FAMILY) || (proper(f) && !formOf(s, k).endsWith("ه"))) strong = true;
    }
    if (!strong) continue;
    out.push(ruleMention(s, rule, outside ? e : i, j));
  }
}

/**
 * The proper name after a place cue (مدينة تشوانتشو، مخيم جنين، مدينة سان فرانسيسكو): one or two proper words,
 * or a known place. A word in ة after a cue is an adjective (منطقة سكنية) unless it is a known place; a `weak`
 * cue (شمال، شارع، منطقة) needs a known place or a word without the article.
 */
function cueName(s: Scan, rule: RuleSpec, out: MentionCandidate[]): void {
  for (let i = 0; i < s.tokens.length; i++) {
    const m = triggerAt(s, rule, i);
    if (!m) continue;
    const e = m.end;
    if (!inSentence(s, i, e)) continue;
    const f = s.cls[e]!;
    const place = f & W.PLACE && !(f & (W.CONJUNCTION | W.PREPOSITION));
    let j = e;
    if (place) j = Math.max(e + 1, s.knownEnd[e]!);
    else if (proper(f) && !formOf(s, e).endsWith("ه")) {
      j = e + 1;
      if (inSentence(s, i, j) && proper(s.cls[j]!) && !s.knownEnd[j]) j++;
    } else continue;
    if (!s.data.placeWeak.has(m.head) || place || !(f & W.DEFINITE)) out.push(ruleMention(s, rule, e, j));
  }
}

export const groupPlaceRules = { "head-name": headName, "cue-name": cueName };
