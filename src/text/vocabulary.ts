/**
 * Word ids: one number per distinct token text in the process, so that the stages' per-word caches are arrays
 * indexed by id rather than hash tables probed with strings (wink-nlp's flat-array design). Bounded for long
 * streams: once full, the vocabulary starts afresh when `extract` begins a document (never while a document's
 * ids are in use), and every cache filled under an older epoch empties itself.
 */
const ids = new Map<string, number>();
let epoch = 0;
export const MAX_VOCABULARY = 500_000;

/** Called by `extract` before it tokenizes a document: a full vocabulary starts afresh between documents only. */
export function beginDocument(): void {
  if (ids.size < MAX_VOCABULARY) return;
  ids.clear();
  epoch++;
}

export function wordId(text: string): number {
  let id = ids.get(text);
  if (id === undefined) ids.set(text, (id = ids.size));
  return id;
}

/** Values by word id, for the current vocabulary. */
export class WordCache<T> {
  private values: (T | undefined)[] = [];
  private epoch = epoch;

  get(id: number): T | undefined {
    if (this.epoch !== epoch) {
      this.values = [];
      this.epoch = epoch;
    }
    return this.values[id];
  }

  set(id: number, value: T): void {
    while (this.values.length <= id) this.values.push(undefined); // dense growth keeps the array fast
    this.values[id] = value;
  }
}

/** Non-negative integers by word id (-1 where none), for the current vocabulary: no object per word to reach. */
export class WordInts {
  private values = new Int32Array(1024).fill(-1);
  private epoch = epoch;

  get(id: number): number {
    if (this.epoch !== epoch) {
      this.values.fill(-1);
      this.epoch = epoch;
    }
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
