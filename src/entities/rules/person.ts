import type { MentionCandidate } from "../../core/types.js";
import type { RuleSpec } from "./data.js";
import { formOf, inSentence, phraseAt, ruleMention, type Scan } from "./scan.js";
import { canBeName, canBePersonal, LISTED, W } from "./words.js";

const MAX_NAME = 6;
const MAX_COMPLEMENT = 4;
const MAX_MODIFIERS = 3;
/** particles that can begin a name (أبو مازن، عبد الله), unlike بن or آل */
const NAME_STARTS = new Set(["ابو", "ابي", "عبد", "عبدال", "ابن"]);

/** A name part strong enough to make a first name that is also an ordinary word a name (جمال بن عمر). */
const strongPart = (f: number): boolean => (f & (W.PARTICLE | W.FAMILY | W.FIRST | W.NISBA)) !== 0 || (f & W.NAME_PART && !(f & W.DEFINITE)) !== 0;

/**
 * End (exclusive) of a person's name that starts at token i, or i when no name starts there. A name is a run of
 * name words (listed names, words that are not ordinary words, nisbas), with بن/أبو/عبد … joined to the word
 * after them and الله/الدين … to the word before; it ends at a stop word, a conjunction, a preposition, a
 * title, a gentilic, punctuation, or where a lexicon name begins. After a title the name may start with a
 * definite word (الرئيس الأسد).
 */
export function personNameEnd(s: Scan, i: number, afterTitle: boolean): number {
  let j = i;
  while (j < i + MAX_NAME && inSentence(s, i, j)) {
    const f = s.cls[j]!;
    if (!(f & W.WORD) || f & (W.STOP | W.PREPOSITION) || (j > i && (f & W.CONJUNCTION || s.knownEnd[j]))) break;
    if (s.knownPersonEnd[j]) {
      j = s.knownPersonEnd[j]!; // a name the lexicon knows, inside a longer one (توني | بلير)
      continue;
    }
    if (f & W.TITLE && !(f & LISTED)) break;
    if (f & W.PARTICLE) {
      const next = s.cls[j + 1] ?? 0;
      if (!inSentence(s, i, j + 1) || !(next & W.WORD) || next & (W.STOP | W.CONJUNCTION | W.PREPOSITION)) break;
      j += 2;
      continue;
    }
    if ((f & W.SUFFIX || s.data.ordinals.has(formOf(s, j))) && j > i) {
      j++; // عبد الله، نصر الدين; خوان كارلوس الأول
      continue;
    }
    if (f & W.GENTILIC && !(j === i + 1 && s.cls[i]! & W.FIRST)) break;
    if (f & W.DEFINITE && !(f & (LISTED | W.NISBA)) && !(j > i || afterTitle)) break;
    if (!canBePersonal(f) && !(f & W.NISBA)) break;
    j++;
  }
  while (j > i && s.cls[j - 1]! & W.PARTICLE) j--; // a particle cannot end a name
  return j;
}

/** Tokens after a title's modifiers (الرئيس الأمريكي السابق …) or an office's complement (وزير الخارجية الأمريكي …). */
function afterTitle(s: Scan, i: number, end: number, complement: boolean): number {
  let e = end;
  if (s.tokens[e]?.norm === "." && s.tokens[e - 1]!.norm.length === 1) e++; // د. محمد
  const limit = e + (complement ? MAX_COMPLEMENT : MAX_MODIFIERS);
  while (e < limit && inSentence(s, i, e)) {
    if (s.knownEnd[e] && complement) {
      e = s.knownEnd[e]!; // وزير خارجية الولايات المتحدة، الأمين العام للأمم المتحدة
      continue;
    }
    const f = s.cls[e]!;
    const form = formOf(s, e);
    if (f & (W.STOP | W.CONJUNCTION) || !(f & W.WORD)) break;
    const ordinary = f & W.COMMON && !(f & LISTED);
    const modifier = f & W.GENTILIC || s.data.modifiers.has(form) || (f & W.DEFINITE && ordinary);
    // an office's first complement may be a proper name (ملك أراجون، رئيس فنزويلا): the person comes after it
    const complementWord =
      complement &&
      (s.data.complements.has(form) || ordinary || f & (W.PLACE | W.GROUP | W.NOT_PERSONAL) || (f & W.DEFINITE && !(f & (LISTED | W.NISBA))) || (f & W.PREPOSITION && form.startsWith("لل")) || (e === end && canBeName(f)));
    if (!modifier && !complementWord) break;
    e++;
  }
  return complement && e === end ? -1 : e; // an office names its person after its complement (رئيس الوزراء X)
}

function titleName(s: Scan, rule: RuleSpec, out: MentionCandidate[]): void {
  for (let i = 0; i < s.tokens.length; i++) {
    if (!s.triggers[i]) continue;
    for (const list of rule.triggers ?? []) {
      const m = phraseAt(s, list, i);
      if (!m) continue;
      const e = afterTitle(s, i, m.end, rule.complement === true);
      if (e < 0 || s.knownEnd[e]) break;
      const n = personNameEnd(s, e, true);
      if ((s.knownPersonEnd[e] ?? 0) >= n) break; // the lexicon knows who follows
      const f = s.cls[e] ?? 0;
      // one ordinary word after a title is not a name (الرئيس أمل …)
      if (n > e && !(n === e + 1 && f & W.COMMON && !(f & (W.FIRST | W.FAMILY | W.NAME_PART)))) out.push(ruleMention(s, rule, e, n));
      break;
    }
  }
}

function firstName(s: Scan, rule: RuleSpec, out: MentionCandidate[]): void {
  for (let i = 0; i < s.tokens.length; i++) {
    const f = s.cls[i]!;
    const particle = f & W.PARTICLE && NAME_STARTS.has(formOf(s, i));
    if (!(f & (W.FIRST | W.AMBIGUOUS_FIRST)) && !particle) continue;
    if (f & (W.STOP | W.PREPOSITION) || s.knownEnd[i]) continue;
    // not from inside a name (حسن نصر الله: not again from نصر)
    const prev = s.cls[i - 1] ?? 0;
    if (i > 0 && inSentence(s, i - 1, i) && !(f & W.CONJUNCTION) && (canBePersonal(prev) || prev & W.PARTICLE) && !(prev & W.TITLE)) continue;
    const n = personNameEnd(s, i, false);
    if (n - i < 2) continue;
    // a first name that is also an ordinary word needs a strong name part after it (جمال بن عمر, not أمل كبير)
    if (!(f & W.FIRST) && !particle && !strongPart(s.cls[i + 1]!)) continue;
    out.push(ruleMention(s, rule, i, n));
  }
}

export const personRules = { "title-name": titleName, "first-name": firstName };
