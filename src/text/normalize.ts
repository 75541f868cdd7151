/**
 * Arabic normalisation as small composable string functions (after CAMeL Tools), plus `shadowOf`, which
 * applies all of them in one pass and keeps an offset map back to the input. Reported spans always come
 * from the input through that map; the shadow is only for matching.
 */

/** Harakat, tanwin, shadda, sukun, Quranic marks and the dagger alef. */
export const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
/** Bidi controls, zero-width marks, BOM, Arabic letter mark, soft hyphen. */
export const INVISIBLES = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export const dediacritize = (s: string): string => s.replace(DIACRITICS, "");
export const removeTatweel = (s: string): string => s.replace(/\u0640/g, "");
export const removeInvisibles = (s: string): string => s.replace(INVISIBLES, "");
/** Lam-alef ligatures and other presentation forms → letters. */
export const foldPresentationForms = (s: string): string =>
  s.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]/g, (c) => c.normalize("NFKC"));
export const normalizeAlef = (s: string): string => s.replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, "\u0627");
export const normalizeAlefMaqsura = (s: string): string => s.replace(/\u0649/g, "\u064A");
export const normalizeTehMarbuta = (s: string): string => s.replace(/\u0629/g, "\u0647");
/** Persian letter forms that Arabic text borrows: keheh → kaf, Farsi yeh → yeh, heh with yeh → heh. */
export const normalizePersianLetters = (s: string): string =>
  s.replace(/\u06A9/g, "\u0643").replace(/[\u06CC\u06D0]/g, "\u064A").replace(/[\u06C0\u06D5]/g, "\u0647");
/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII. */
export const normalizeDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
export const foldLatinCase = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The whole chain, in order, one function after another: the definition that `normalize` and the shadow follow. */
export function normalizeChain(s: string): string {
  return foldLatinCase(
    normalizeDigits(
      normalizePersianLetters(
        normalizeTehMarbuta(normalizeAlefMaqsura(normalizeAlef(removeTatweel(dediacritize(removeInvisibles(foldPresentationForms(s)))))))
      )
    )
  );
}

/** Marks that the shadow drops and that a span's end should still swallow when they trail a word. */
export function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640 || (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x06d6 && code <= 0x06ed && code !== 0x06dd && code !== 0x06de && code !== 0x06e9)
  );
}

/** Code units that some normalizer may change; every other character is copied as it is. */
const MAY_CHANGE = /[A-Z\u00AD\u0600-\u06FF\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** code unit → its normalized form, or null when unchanged; filled on first sight, derived from `normalize` so the two never disagree */
const charTable: (string | null | undefined)[] = new Array(0x10000);
function normalizedChar(code: number): string | null {
  let r = charTable[code];
  if (r === undefined) {
    const ch = String.fromCharCode(code);
    const n = MAY_CHANGE.test(ch) ? normalizeChain(ch) : ch;
    r = charTable[code] = n === ch ? null : n;
  }
  return r;
}

/** The whole chain for a string without offsets (aliases, cues, keys): one pass over a per-character table. */
export function normalize(s: string): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const r = normalizedChar(s.charCodeAt(i));
    if (r === null) continue;
    out += s.slice(run, i) + r;
    run = i + 1;
  }
  return run === 0 ? s : out + s.slice(run);
}

export interface Shadow {
  /** normalized text */
  text: string;
  /** for each shadow code unit: the input index where the character it comes from starts */
  from: Int32Array;
  /** for each shadow code unit: the input index just after that character */
  to: Int32Array;
}

/** Normalized shadow of `input` with its offset map. Pure; O(n). */
export function shadowOf(input: string): Shadow {
  const n = input.length;
  const parts: string[] = [];
  const from = new Int32Array(n + 8);
  const to = new Int32Array(n + 8);
  let fromArr = from, toArr = to, len = 0;
  const push = (s: string, a: number, b: number) => {
    if (len + s.length > fromArr.length) {
      const f = new Int32Array(fromArr.length * 2 + s.length), g = new Int32Array(f.length);
      f.set(fromArr); g.set(toArr); fromArr = f; toArr = g;
    }
    for (let k = 0; k < s.length; k++) { fromArr[len] = a; toArr[len] = b; len++; }
    parts.push(s);
  };
  let runStart = 0; // start of a run of unchanged characters, copied in one piece
  const flush = (end: number) => {
    if (end > runStart) {
      const s = input.slice(runStart, end);
      if (len + s.length > fromArr.length) {
        const f = new Int32Array(fromArr.length * 2 + s.length), g = new Int32Array(f.length);
        f.set(fromArr); g.set(toArr); fromArr = f; toArr = g;
      }
      for (let k = runStart; k < end; k++) { fromArr[len] = k; toArr[len] = k + 1; len++; }
      parts.push(s);
    }
  };
  for (let i = 0; i < n; i++) {
    const r = normalizedChar(input.charCodeAt(i));
    if (r === null) continue;
    flush(i);
    if (r.length) push(r, i, i + 1);
    runStart = i + 1;
  }
  flush(n);
  return { text: parts.join(""), from: fromArr.subarray(0, len), to: toArr.subarray(0, len) };
}

/** Input span of the shadow range [s, e), swallowing marks that trail the last character. */
export function inputSpan(input: string, shadow: Shadow, s: number, e: number): [number, number] {
  const start = shadow.from[s] ?? input.length;
  let end = shadow.to[e - 1] ?? start;
  while (end < input.length && isCombiningMark(input.charCodeAt(end))) end++;
  return [start, end];
}
