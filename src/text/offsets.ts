import { createHash } from "node:crypto";

/**
 * UTF-16 index → Unicode code point index. The pipeline works in UTF-16 (JavaScript strings); published
 * offsets are code points (Python, brat, spaCy). Identity when the text has no astral characters.
 */
export function codePointIndexer(text: string): (utf16: number) => number {
  if (!hasAstral(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) map[++i] = cp;
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** Whether the text has characters outside the BMP (surrogate pairs): else UTF-16 and code point offsets agree. */
export const hasAstral = (text: string): boolean => /[\uD800-\uDBFF]/.test(text);

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  if (!hasAstral(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

/** Identity of a text up to normalisation and spacing: syndicated copies of an article share it. */
export function textHash(shadowText: string): string {
  return "sha256:" + createHash("sha256").update(shadowText.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 32);
}
