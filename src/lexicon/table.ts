import { fnv1a } from "../core/hash.js";
/** Strings packed into one, with where each starts: one string and one typed array for the garbage collector. */
export class PackedStrings {
  private constructor(
    readonly text: string,
    /** where string i starts in `text`; it ends where string i + 1 starts */
    readonly starts: Int32Array
  ) {}

  static of(strings: string[]): PackedStrings {
    const starts = new Int32Array(strings.length + 1);
    for (let i = 0; i < strings.length; i++) starts[i + 1] = starts[i]! + strings[i]!.length;
    return new PackedStrings(strings.join(""), starts);
  }

  at(i: number): string {
    return this.text.slice(this.starts[i]!, this.starts[i + 1]!);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  toJSON(): SerialPackedStrings {
    return { text: this.text, starts: int32Base64(this.starts) };
  }

  static fromJSON(d: SerialPackedStrings): PackedStrings {
    return new PackedStrings(d.text, base64Int32(d.starts));
  }
}

/**
 * A static hash table of strings, built when the lexicon is compiled and loaded as one string and two typed
 * arrays: start-up fills no Map (inserting the ~17,000 surface keys took ~13 ms, and their strings kept the
 * garbage collector busy). Open addressing with linear probing over FNV-1a hashes of UTF-16 code units.
 */
export class StringTable implements Iterable<string> {
  private constructor(
    private readonly keys: PackedStrings,
    /** key index + 1 per slot, 0 for an empty slot; the length is a power of two */
    private readonly slots: Int32Array
  ) {}

  static build(keys: string[]): StringTable {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    const table = new StringTable(PackedStrings.of(keys), slots);
    keys.forEach((key, i) => {
      if (table.indexOf(key) >= 0) throw new Error(`StringTable: duplicate key ${JSON.stringify(key)}`);
      let p = fnv1a(key) & (capacity - 1);
      while (slots[p] !== 0) p = (p + 1) & (capacity - 1);
      slots[p] = i + 1;
    });
    return table;
  }

  /** The index of `key` (its place in the list it was built from), or -1. */
  indexOf(key: string): number {
    const { slots } = this;
    const { starts, text } = this.keys;
    const mask = slots.length - 1;
    for (let p = fnv1a(key) & mask; ; p = (p + 1) & mask) {
      const v = slots[p]!;
      if (v === 0) return -1;
      const start = starts[v - 1]!;
      if (starts[v]! - start === key.length && text.startsWith(key, start)) return v - 1;
    }
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  keyAt(i: number): string {
    return this.keys.at(i);
  }

  get size(): number {
    return this.keys.length;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.size; i++) yield this.keyAt(i);
  }

  toJSON(): SerialStringTable {
    return { keys: this.keys.toJSON(), slots: int32Base64(this.slots) };
  }

  static fromJSON(d: SerialStringTable): StringTable {
    return new StringTable(PackedStrings.fromJSON(d.keys), base64Int32(d.slots));
  }
}

export interface SerialPackedStrings {
  text: string;
  /** Int32Array bytes, little-endian, in base64 */
  starts: string;
}

export interface SerialStringTable {
  keys: SerialPackedStrings;
  /** Int32Array bytes, little-endian, in base64 */
  slots: string;
}

const int32Base64 = (a: Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

function base64Int32(s: string): Int32Array {
  const bytes = Buffer.from(s, "base64");
  const out = new Int32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes); // a copy: Buffer.from may hand out a slice of a shared pool
  return out;
}

/** What the stages read of a word-keyed table: a Map, or a StaticMap loaded from compiled data. */
export interface Lookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  readonly size: number;
  entries(): Iterable<[string, V]>;
}

/** A StringTable's keys with a value each, made from its index when first read. */
export class StaticMap<V> implements Lookup<V> {
  private readonly made: (V | undefined)[];

  constructor(private readonly keys: StringTable, private readonly valueAt: (i: number) => V) {
    this.made = new Array(keys.size);
  }

  get(key: string): V | undefined {
    const i = this.keys.indexOf(key);
    return i < 0 ? undefined : (this.made[i] ??= this.valueAt(i));
  }

  has(key: string): boolean {
    return this.keys.indexOf(key) >= 0;
  }

  get size(): number {
    return this.keys.size;
  }

  *entries(): Generator<[string, V]> {
    for (let i = 0; i < this.keys.size; i++) yield [this.keys.keyAt(i), (this.made[i] ??= this.valueAt(i))];
  }
}
