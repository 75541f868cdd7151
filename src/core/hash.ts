/** FNV-1a, 32 bits, over the UTF-16 code units of s[from, to): for the open-addressing tables (lexicon/table.ts, text/vocabulary.ts). */
export function fnv1a(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
