/**
 * A set of words that answers "no" for most other words without a hash-table lookup: a large table is slow to
 * probe once per token (a cache miss or two each), while two bits of a small bitset over the word's letters are
 * not. A "maybe" is then checked in the set itself.
 */
const BITS = 16;

function letterHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

export class WordSet {
  private readonly words: Set<string>;
  private readonly bits = new Uint32Array(1 << (BITS - 5));

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      const h = letterHash(w);
      this.set(h >>> (32 - BITS));
      this.set(h & ((1 << BITS) - 1));
    }
  }

  private set(bit: number): void {
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  private isSet(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  has(word: string): boolean {
    const h = letterHash(word);
    return this.isSet(h >>> (32 - BITS)) && this.isSet(h & ((1 << BITS) - 1)) && this.words.has(word);
  }
}
