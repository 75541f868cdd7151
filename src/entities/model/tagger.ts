import { readFileSync, writeFileSync } from "node:fs";
import { filesStamp, readCompiledBytes, readStamped, writeStamped } from "../../core/compiled.js";
import { StringTable, type SerialStringTable } from "../../lexicon/table.js";
import type { MentionCandidate, Token } from "../../core/types.js";
import { packagePath } from "../../core/paths.js";
import { WordInts } from "../../text/vocabulary.js";
import { nameSpan, type Scan } from "../rules/scan.js";
import { W } from "../rules/words.js";
import { flagProperties, markProperties, marksOf, TAGS, WINDOW, wordProperties } from "./features.js";

export const TAGGER_PATH = packagePath("lexicons", "model", "tagger.json");
const N = TAGS.length;
if (N !== 7) throw new Error("tagger: emissions are unrolled for 7 tags"); // BIO over person, group, place
/** WINDOW as plain numbers, for the emission loop */
const OFFSETS = Int8Array.from(WINDOW);

/**
 * The tagger as committed in lexicons/model/tagger.json: feature names, sorted, and their weights × scale as
 * 16-bit little-endian integers in base64 (N per feature, in TAGS order): compact, and quick to load.
 */
export interface TaggerFile {
  description: string;
  source: string;
  generated: string;
  tags: string[];
  scale: number;
  /** mention confidence = logistic((margin - bias) / temperature), fitted on held-out folds of the training data */
  temperature: number;
  bias: number;
  /** (1 + N) × N: from the sentence start, then from each tag, to each tag */
  transitions: number[];
  features: string[];
  weights: string;
}

/** Property → block number; keys() in block order. */
export interface PropertyIndex {
  get(property: string): number | undefined;
  keys(): Iterable<string>;
}

export interface TaggerModel {
  /** as in TaggerFile, -Infinity where a tag cannot follow another (allowed) */
  transitions: Float64Array;
  /** property → its block in `table`: N weights for each window offset (WINDOW order), zero where unused */
  blocks: PropertyIndex;
  table: Float32Array;
  temperature: number;
  bias: number;
  /**
   * The arena offset of each word's cached block (its properties and its classes': one row of N per window
   * offset), by word id, and the flags it was made for; a word met with other flags (rare) keeps those blocks
   * in `otherBlocks`, by word id × FLAGS_RANGE + flags.
   */
  wordBlockAt: WordInts;
  wordFlags: WordInts;
  otherBlocks: Map<number, number>;
  /** the block of each word-class flags value */
  classBlocks: Map<number, Float32Array>;
  /** the cached word blocks, BLOCK numbers each, at the offsets wordBlockAt gives (one arena: no allocation per word) */
  arena: Float64Array;
  /** number of blocks in the arena */
  cachedWords: number;
  /** the block of each mark (what the lexicons and rules say of a token) */
  markBlocks: Map<string, Float32Array>;
  /** rows of the sentence's edges at each window offset: [offset index][0 before, 1 after] */
  edgeRows: Float64Array[][];
}

/** Words cached before the caches are emptied (a long stream of documents keeps memory bounded). */
const MAX_WORDS = 200_000;
const BLOCK = WINDOW.length * N;
/** the farthest window offset */
const EDGE = Math.max(...WINDOW.map(Math.abs));

/** Weights × scale as the committed base64 text, and back. */
export function encodeWeights(values: ArrayLike<number>): string {
  const buf = Buffer.alloc(values.length * 2);
  for (let i = 0; i < values.length; i++) buf.writeInt16LE(values[i]!, i * 2);
  return buf.toString("base64");
}

function decodeWeights(text: string): Int16Array {
  const buf = Buffer.from(text, "base64");
  const out = new Int16Array(buf.length / 2);
  new Uint8Array(out.buffer).set(buf); // little-endian, as written (the machines Node runs on are little-endian)
  return out;
}

/** Offset index (in WINDOW) of each feature name's leading offset: "-1w=…" → 1. */
const OFFSET_INDEX = new Map<string, number>(WINDOW.map((w, i) => [String(w), i]));

export function modelOf(file: TaggerFile): TaggerModel {
  const weights = decodeWeights(file.weights);
  const blocks = new Map<string, number>();
  const featureBlock = new Int32Array(file.features.length);
  const offsets = new Int8Array(file.features.length);
  file.features.forEach((name, i) => {
    const cut = name.charCodeAt(0) === 45 /* - */ ? 2 : 1; // offsets are one digit, with a sign when negative
    const prop = name.slice(cut);
    let b = blocks.get(prop);
    if (b === undefined) blocks.set(prop, (b = blocks.size));
    featureBlock[i] = b;
    offsets[i] = OFFSET_INDEX.get(name.slice(0, cut))!;
  });
  const table = new Float32Array(blocks.size * BLOCK);
  for (let i = 0; i < featureBlock.length; i++) {
    const at = featureBlock[i]! * BLOCK + offsets[i]! * N;
    for (let k = 0; k < N; k++) table[at + k] = weights[i * N + k]! / file.scale;
  }
  return modelFrom(table, blocks, file);
}

function modelFrom(table: Float32Array, blocks: PropertyIndex, file: Pick<TaggerFile, "transitions" | "scale" | "temperature" | "bias">): TaggerModel {
  const edge = (w: number, prop: string) => {
    const b = blocks.get(prop);
    return b === undefined ? new Float64Array(N) : Float64Array.from(table.subarray(b * BLOCK + w * N, b * BLOCK + w * N + N));
  };
  return {
    transitions: Float64Array.from(file.transitions, (x, i) => (allowed(Math.floor(i / N) - 1, i % N) ? x / file.scale : -Infinity)),
    blocks,
    table,
    temperature: file.temperature,
    bias: file.bias,
    wordBlockAt: new WordInts(),
    wordFlags: new WordInts(),
    otherBlocks: new Map(),
    classBlocks: new Map(),
    arena: new Float64Array(1024 * BLOCK),
    cachedWords: 0,
    markBlocks: new Map(),
    edgeRows: WINDOW.map((_, w) => [edge(w, "<s>"), edge(w, "</s>")]),
  };
}

/**
 * Where `npm run build` writes the committed tagger as loaded (writeCompiledTagger): its index and stamp as
 * JSON, its weight table as raw Float32 bytes beside it.
 */
const COMPILED_TAGGER_PATH = packagePath("dist", "tagger.compiled.json");
const COMPILED_TABLE_PATH = packagePath("dist", "tagger.table.bin");

interface SerialTagger extends Pick<TaggerFile, "transitions" | "scale" | "temperature" | "bias"> {
  /** the property of each block of the table, in order, as a static table (lexicon/table.ts) */
  properties: SerialStringTable;
}

/** The committed file's identity (core/compiled.ts). */
const taggerStamp = (): string => filesStamp([TAGGER_PATH]);

/** The committed tagger as loaded, for quick starts: its properties in block order, and the table as raw bytes. */
export function writeCompiledTagger(file: TaggerFile): void {
  const model = modelOf(file);
  const data: SerialTagger = { properties: StringTable.build([...model.blocks.keys()]).toJSON(), transitions: file.transitions, scale: file.scale, temperature: model.temperature, bias: model.bias };
  writeFileSync(COMPILED_TABLE_PATH, new Uint8Array(model.table.buffer, model.table.byteOffset, model.table.byteLength));
  writeStamped(COMPILED_TAGGER_PATH, taggerStamp(), data);
}

/** The tagger as `npm run build` wrote it into dist/, or null when it is absent or older than the committed file. */
export function compiledTagger(): TaggerModel | null {
  const d = readStamped<SerialTagger>(COMPILED_TAGGER_PATH, taggerStamp);
  const bytes = d && readCompiledBytes(COMPILED_TABLE_PATH);
  if (!d || !bytes) return null;
  const table = new Float32Array(bytes.length / 4);
  new Uint8Array(table.buffer).set(bytes);
  const properties = StringTable.fromJSON(d.properties); // a static table: no Map of ~14,000 properties to fill at start-up
  return modelFrom(table, { get: (p) => { const i = properties.indexOf(p); return i < 0 ? undefined : i; }, keys: () => properties }, d);
}

let builtin: TaggerModel | null | undefined;

/** The committed tagger, loaded once per process (null when the file is absent: no model mentions). */
export function builtinTagger(): TaggerModel | null {
  if (builtin === undefined) {
    try {
      builtin = compiledTagger() ?? modelOf(JSON.parse(readFileSync(TAGGER_PATH, "utf8")) as TaggerFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      builtin = null;
    }
  }
  return builtin;
}

/** Can tag i follow tag p (p = -1: sentence start)? I-X only after B-X or I-X. */
export const allowed = (p: number, t: number): boolean => t === 0 || t % 2 === 1 || (p >= 0 && (p === t || p === t - 1));

/**
 * The summed weight blocks of properties. Far offsets read only far properties, which are near ones too
 * (features.ts): a property's weights at offsets it is never read at are zero.
 */
function blockOf(model: TaggerModel, props: string[], block = new Float32Array(BLOCK)): Float32Array {
  for (const p of props) {
    const b = model.blocks.get(p);
    if (b !== undefined) for (let k = 0; k < BLOCK; k++) block[k]! += model.table[b * BLOCK + k]!;
  }
  return block;
}

/** Scratch blocks for a word's two parts, summed apart in single precision as the weights are. */
const WORD_PART = new Float32Array(BLOCK);

/** Word-class flags are below this (words.ts): the key of a word's other blocks is id × FLAGS_RANGE + flags. */
const FLAGS_RANGE = 1 << 24;

/** The arena offset of a token's word-and-classes block, cached by word id (typed arrays: no object per word to reach). */
function wordBlockOf(model: TaggerModel, t: Token, flags: number): number {
  const first = model.wordFlags.get(t.word);
  if (first === flags) return model.wordBlockAt.get(t.word);
  if (first >= 0) {
    const other = model.otherBlocks.get(t.word * FLAGS_RANGE + flags);
    if (other !== undefined) return other;
  }
  if (model.cachedWords >= MAX_WORDS) {
    model.wordBlockAt = new WordInts();
    model.wordFlags = new WordInts();
    model.otherBlocks.clear();
    model.cachedWords = 0;
  }
  const at = model.cachedWords++ * BLOCK;
  if (at + BLOCK > model.arena.length) {
    const grown = new Float64Array(Math.min(model.arena.length * 2, MAX_WORDS * BLOCK));
    grown.set(model.arena);
    model.arena = grown;
  }
  let cls = model.classBlocks.get(flags);
  if (!cls) model.classBlocks.set(flags, (cls = blockOf(model, flagProperties(flags, true))));
  const word = blockOf(model, wordProperties(t, flags, true), WORD_PART.fill(0));
  for (let k = 0; k < BLOCK; k++) model.arena[at + k] = word[k]! + cls[k]!;
  if (model.wordFlags.get(t.word) < 0) {
    model.wordFlags.set(t.word, flags);
    model.wordBlockAt.set(t.word, at);
  } else model.otherBlocks.set(t.word * FLAGS_RANGE + flags, at);
  return at;
}

/**
 * Emission scores of every token of [from, to): per token, N scores, each token adding its block's rows to its
 * neighbours; written into `out` from token `at` on (a document's lattice), or into a new array.
 */
export function emissions(model: TaggerModel, s: Scan, marks: string[], from: number, to: number, out: Float64Array = new Float64Array((to - from) * N), at = 0): Float64Array {
  const n = to - from;
  const base = at * N;
  out.fill(0, base, base + n * N);
  for (let j = from; j < to; j++) {
    const word = wordBlockOf(model, s.tokens[j]!, s.cls[j]!);
    const arena = model.arena; // after wordBlockOf: it may have grown
    const mark = marks[j]!;
    let mk: Float32Array | undefined;
    if (mark) {
      mk = model.markBlocks.get(mark);
      if (!mk) model.markBlocks.set(mark, (mk = blockOf(model, markProperties(mark, true))));
    }
    for (let w = 0; w < OFFSETS.length; w++) {
      const i = j - OFFSETS[w]! - from; // the token whose feature at this offset is token j
      if (i < 0 || i >= n) continue;
      const o = base + i * N, b = w * N, p = word + b;
      // unrolled over the N = 7 tags (checked where N is defined)
      if (mk) {
        out[o]! += arena[p]! + mk[b]!; out[o + 1]! += arena[p + 1]! + mk[b + 1]!; out[o + 2]! += arena[p + 2]! + mk[b + 2]!;
        out[o + 3]! += arena[p + 3]! + mk[b + 3]!; out[o + 4]! += arena[p + 4]! + mk[b + 4]!; out[o + 5]! += arena[p + 5]! + mk[b + 5]!;
        out[o + 6]! += arena[p + 6]! + mk[b + 6]!;
      } else {
        out[o]! += arena[p]!; out[o + 1]! += arena[p + 1]!; out[o + 2]! += arena[p + 2]!; out[o + 3]! += arena[p + 3]!;
        out[o + 4]! += arena[p + 4]!; out[o + 5]! += arena[p + 5]!; out[o + 6]! += arena[p + 6]!;
      }
    }
  }
  // offsets past the sentence's edges read <s> and </s>: only the first and last tokens have such offsets
  for (let i = 0; i < n; i++) {
    if (i >= EDGE && i < n - EDGE) i = n - EDGE;
    for (let w = 0; w < WINDOW.length; w++) {
      const j = i + WINDOW[w]!;
      if (j >= 0 && j < n) continue;
      const edge = model.edgeRows[w]![j < 0 ? 0 : 1]!;
      for (let k = 0; k < N; k++) out[base + i * N + k]! += edge[k]!;
    }
  }
  return out;
}

/**
 * Best tag sequence (Viterbi) over emission scores: the tags, and the best prefix scores (`alpha`, per token
 * and tag, emission included) that confidences start from.
 */
export function viterbi(model: TaggerModel, em: Float64Array, n: number): { tags: Int8Array; alpha: Float64Array } {
  const buffers = { em, alpha: new Float64Array(n * N), back: new Int8Array(n * N), beta: new Float64Array(0), tags: new Int8Array(n) };
  viterbiAt(model, buffers, 0, n);
  return { tags: buffers.tags, alpha: buffers.alpha };
}

/** A document's scores, token by token (N per token), that each sentence's decoding writes at its tokens. */
interface Lattice {
  em: Float64Array;
  alpha: Float64Array;
  back: Int8Array;
  beta: Float64Array;
  tags: Int8Array;
}

/** Viterbi over the sentence of tokens [o, o + n) of the lattice: its tags and alpha. */
function viterbiAt(model: TaggerModel, l: Lattice, o: number, n: number): void {
  const tr = model.transitions, { em, alpha, back, tags } = l;
  const base = o * N;
  for (let t = 0; t < N; t++) alpha[base + t] = tr[t]! + em[base + t]!;
  for (let i = 1; i < n; i++) {
    const prev = base + (i - 1) * N, at = base + i * N;
    for (let t = 0; t < N; t++) {
      let best = -Infinity, arg = 0;
      // I-X follows only B-X or I-X (allowed): the other transitions are -Infinity and never win (written out: loops
      // over lists derived from allowed() made the tagger 5-30% slower)
      const first = t === 0 || t % 2 === 1 ? 0 : t - 1, last = first === 0 ? N - 1 : t;
      for (let p = first; p <= last; p++) {
        const v = alpha[prev + p]! + tr[(1 + p) * N + t]!;
        if (v > best) (best = v), (arg = p);
      }
      alpha[at + t] = best + em[at + t]!;
      back[at + t] = arg;
    }
  }
  const last = base + (n - 1) * N;
  let best = -Infinity;
  for (let t = 0; t < N; t++) if (alpha[last + t]! > best) (best = alpha[last + t]!), (tags[o + n - 1] = t);
  for (let i = n - 1; i > 0; i--) tags[o + i - 1] = back[base + i * N + tags[o + i]!]!;
}

/** Best suffix scores: beta[i, t] = the best score of tokens i+1… given tag t at token i (emission of i excluded). */
function suffixScoresAt(model: TaggerModel, l: Lattice, o: number, n: number): void {
  const tr = model.transitions, { em, beta } = l;
  const base = o * N;
  beta.fill(0, base + (n - 1) * N, base + n * N);
  for (let i = n - 2; i >= 0; i--) {
    const at = base + i * N, next = at + N;
    for (let t = 0; t < N; t++) {
      // O and B-* follow any tag; of the I-* only t's own (allowed)
      let best = -Infinity;
      for (let q = 0; q < N; q += q === 0 ? 1 : 2) {
        const v = tr[(1 + t) * N + q]! + em[next + q]! + beta[next + q]!;
        if (v > best) best = v;
      }
      if (t > 0) {
        const q = t % 2 === 1 ? t + 1 : t;
        const v = tr[(1 + t) * N + q]! + em[next + q]! + beta[next + q]!;
        if (v > best) best = v;
      }
      beta[at + t] = best;
    }
  }
}

/** The best score of a tagging of the sentence at o whose tokens [a, b) are all O (O may follow and precede any tag). */
function scoreWithout(model: TaggerModel, l: Lattice, o: number, a: number, b: number): number {
  const tr = model.transitions, { em, alpha, beta } = l;
  const base = o * N;
  let left = -Infinity;
  if (a === 0) left = tr[0]!;
  else for (let p = 0; p < N; p++) left = Math.max(left, alpha[base + (a - 1) * N + p]! + tr[(1 + p) * N]!);
  let middle = 0;
  for (let i = a; i < b; i++) middle += em[base + i * N]! + (i > a ? tr[N]! : 0);
  return left + middle + beta[base + (b - 1) * N]!;
}

/** Token spans [start, end, tag index of B] of a tag sequence. */
export function spansOf(tags: Int8Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === 0) continue;
    const b = tags[i]! % 2 === 1 ? tags[i]! : tags[i]! - 1;
    let j = i + 1;
    while (j < tags.length && tags[j] === b + 1) j++;
    out.push([i, j, b]);
    i = j - 1;
  }
  return out;
}

const TYPE_OF: Record<number, MentionCandidate["type"]> = { 1: "person", 3: "group", 5: "place" };

/**
 * The tagger's names over the document's sentences, each with its margin: how much better the best tagging
 * scores than the best one without the name. `known` are the lexicon and rule candidates (features).
 */
export function proposals(s: Scan, known: MentionCandidate[], model: TaggerModel): { mention: MentionCandidate; margin: number }[] {
  const marks = marksOf(known, s.tokens.length);
  const out: { mention: MentionCandidate; margin: number }[] = [];
  const size = s.tokens.length;
  const l: Lattice = { em: new Float64Array(size * N), alpha: new Float64Array(size * N), back: new Int8Array(size * N), beta: new Float64Array(size * N), tags: new Int8Array(size) };
  for (const sentence of s.sentences) {
    const from = sentence.firstToken, n = sentence.endToken - from;
    if (!n) continue;
    emissions(model, s, marks, from, sentence.endToken, l.em, from);
    viterbiAt(model, l, from, n);
    const spans = spansOf(l.tags.subarray(from, from + n));
    if (!spans.length) continue;
    let best = -Infinity;
    for (let t = 0; t < N; t++) best = Math.max(best, l.alpha[(from + n - 1) * N + t]!);
    suffixScoresAt(model, l, from, n);
    for (const [a, b, tag] of spans) out.push({ mention: modelMention(s, from + a, from + b, TYPE_OF[tag]!), margin: best - scoreWithout(model, l, from, a, b) });
  }
  return out;
}

/** Mention confidence from a margin, as calibrated for the model. */
export const confidenceOf = (model: TaggerModel, margin: number): number => Math.round(1000 / (1 + Math.exp(-(margin - model.bias) / model.temperature))) / 1000;

/**
 * Mentions the tagger proposes, with origin "model" and a confidence from their margin. `known` are the
 * lexicon and rule candidates: the tagger reads them as features; the resolver keeps them first.
 */
export function tagMentions(s: Scan, known: MentionCandidate[], model: TaggerModel | null = builtinTagger()): MentionCandidate[] {
  if (!model || !s.tokens.length) return [];
  return proposals(s, known, model).map(({ mention, margin }) => {
    mention.confidence = confidenceOf(model, margin); // a fresh object (modelMention)
    return mention;
  });
}

/** A model mention over tokens [from, to), after the proclitics the word classes found on its first word. */
function modelMention(s: Scan, from: number, to: number, type: MentionCandidate["type"]): MentionCandidate {
  const f = s.cls[from]!;
  const skip = (f & W.CONJUNCTION ? 1 : 0) + (f & W.PREPOSITION ? 1 : 0);
  const { start, end, tokenStart, tokenEnd, key } = nameSpan(s, from, to, skip);
  return { start, end, tokenStart, tokenEnd, key, type, kind: "name", origin: "model", confidence: 1 }; // no object spread: V8 builds these far faster
}
