/**
 * Word ids: one number per distinct token text in the process, so that the stages' per-word caches are arrays
 * indexed by id rather than hash tables probed with strings (wink-nlp's flat-array design). Bounded for long
 * streams: once full, the vocabulary starts afresh when `extract` begins a document (never while a document's
 * ids are in use), and every cache filled under an older epoch empties itself.
 */
import { fnv1a } from "../core/hash.js";

let epoch = 0;
export const MAX_VOCABULARY = 500_000;

/**
 * The words by id, and an open-addressing table of ids by hash of their UTF-16 units (fnv1a): a word is found
 * from its characters in the text, without making a string first (a Map needs a fresh string and hashes it
 * anew each time: ~5% of a warm run). The token's text is then the stored string itself.
 */
let words: string[] = [];
let hashes = new Int32Array(1024);
let slots = new Int32Array(1 << 16); // id + 1; 0 = empty

/** Called by `extract` before it tokenizes a document: a full vocabulary starts afresh between documents only. */
export function beginDocument(): void {
  if (words.length < MAX_VOCABULARY) return;
  words = [];
  slots.fill(0);
  epoch++;
}

/** The id of the word s[a, b), added when new. */
export function wordIdAt(s: string, a: number, b: number): number {
  const h = fnv1a(s, a, b) | 0;
  const mask = slots.length - 1;
  for (let k = h & mask; ; k = (k + 1) & mask) {
    const slot = slots[k]!;
    if (slot === 0) return add(s.slice(a, b), h, k);
    const id = slot - 1;
    if (hashes[id] === h && sameText(words[id]!, s, a, b)) return id;
  }
}

function sameText(word: string, s: string, a: number, b: number): boolean {
  if (word.length !== b - a) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== s.charCodeAt(a + i)) return false;
  return true;
}

function add(word: string, h: number, k: number): number {
  const id = words.length;
  words.push(word);
  if (id >= hashes.length) {
    const grown = new Int32Array(hashes.length * 2);
    grown.set(hashes);
    hashes = grown;
  }
  hashes[id] = h;
  slots[k] = id + 1;
  if (words.length * 2 > slots.length) rehash(slots.length * 2); // at most half full: short probes
  return id;
}

function rehash(size: number): void {
  slots = new Int32Array(size);
  const mask = size - 1;
  for (let id = 0; id < words.length; id++) {
    let k = hashes[id]! & mask;
    while (slots[k] !== 0) k = (k + 1) & mask;
    slots[k] = id + 1;
  }
}

export const wordId = (text: string): number => wordIdAt(text, 0, text.length);

/** The text of a word id (the one string every token of that word shares). */
export const wordText = (id: number): string => words[id]!;

/** Values by word id that empty themselves when the vocabulary starts afresh (their ids then name other words). */
abstract class ByWordId {
  private epoch = epoch;

  /** Whether the vocabulary started afresh since the last call: the values are then to be emptied. */
  protected outdated(): boolean {
    if (this.epoch === epoch) return false;
    this.epoch = epoch;
    return true;
  }
}

/** Values by word id, for the current vocabulary. */
export class WordCache<T> extends ByWordId {
  private values: (T | undefined)[] = [];

  get(id: number): T | undefined {
    if (this.outdated()) this.values = [];
    return this.values[id];
  }

  set(id: number, value: T): void {
    while (this.values.length <= id) this.values.push(undefined); // dense growth keeps the array fast
    this.values[id] = value;
  }
}

/** Non-negative integers by word id (-1 where none), for the current vocabulary: no object per word to reach. */
export class WordInts extends ByWordId {
  private values = new Int32Array(1024).fill(-1);

  get(id: number): number {
    if (this.outdated()) this.values.fill(-1);
    return id < this.values.length ? this.values[id]! : -1;
  }

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const grown = new Int32Array(Math.max(id + 1, this.values.length * 2)).fill(-1);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[id] = value;
  }
}
