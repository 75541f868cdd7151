import type { Scan } from "../rules/scan.js";
import { flagProperties, isNear, markProperties, TAGS, WINDOW, wordProperties } from "./features.js";
import { allowed, encodeWeights, type TaggerFile } from "./tagger.js";

const N = TAGS.length;

/** A training sentence: per token, the ids of its features, and the gold tags. */
export interface TrainingSentence {
  features: Int32Array[];
  gold: Int8Array;
}

/** Interns feature names into ids while training data is built. */
export class FeatureIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) this.ids.set(name, (id = this.names.length)), this.names.push(name);
    return id;
  }
}

/** The features of every token of [from, to): what `emissions` in tagger.ts sums, as ids. */
export function sentenceFeatures(index: FeatureIndex, s: Scan, marks: string[], from: number, to: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = from; i < to; i++) {
    const ids: number[] = [];
    for (const offset of WINDOW) {
      const j = i + offset;
      if (j < from || j >= to) {
        ids.push(index.id(`${offset}${j < from ? "<s>" : "</s>"}`));
        continue;
      }
      const near = isNear(offset);
      const flags = s.cls[j]!;
      for (const p of [...wordProperties(s.tokens[j]!, flags, near), ...flagProperties(flags, near), ...markProperties(marks[j]!, near)]) ids.push(index.id(`${offset}${p}`));
    }
    out.push(Int32Array.from(ids));
  }
  return out;
}

/** A small deterministic generator (mulberry32) for shuffling. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Averaged {
  weights: Float64Array;
  transitions: Float64Array;
}

export interface TrainingOptions {
  epochs: number;
  /** the chance that a feature marked `droppable` is left out of a token in an epoch (word dropout) */
  dropout?: number;
  droppable?: Uint8Array;
  seed?: number;
}

/**
 * Averaged structured perceptron (Collins 2002) with first-order Viterbi decoding: for each sentence, decode
 * with the current weights and move them towards the gold tags where the two differ. With word dropout, the
 * words' own features are left out now and then, so that the tagger learns the contexts and shapes of names
 * rather than the names of its training data. Deterministic.
 */
export function trainPerceptron(sentences: TrainingSentence[], featureCount: number, options: TrainingOptions): Averaged {
  const { epochs, dropout = 0, droppable, seed = 1 } = options;
  const w = new Float64Array(featureCount * N), u = new Float64Array(featureCount * N);
  const tr = new Float64Array((1 + N) * N), tu = new Float64Array((1 + N) * N);
  let c = 1;
  const order = sentences.map((_, i) => i);
  const rnd = random(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { gold } = sentences[k]!;
      let features = sentences[k]!.features;
      const n = gold.length;
      if (!n) continue;
      if (dropout && droppable) features = features.map((fs) => fs.filter((f) => !droppable[f] || rnd() >= dropout));
      const pred = decode(features, w, tr);
      for (let i = 0; i < n; i++) {
        const g = gold[i]!, p = pred[i]!;
        const gp = i ? 1 + gold[i - 1]! : 0, pp = i ? 1 + pred[i - 1]! : 0;
        if (g !== p) {
          for (const f of features[i]!) {
            w[f * N + g]! += 1, u[f * N + g]! += c;
            w[f * N + p]! -= 1, u[f * N + p]! -= c;
          }
        }
        if (g !== p || gp !== pp) {
          tr[gp * N + g]! += 1, tu[gp * N + g]! += c;
          tr[pp * N + p]! -= 1, tu[pp * N + p]! -= c;
        }
      }
      c++;
    }
  }
  const avg = (a: Float64Array, b: Float64Array) => a.map((x, i) => x - b[i]! / c);
  return { weights: avg(w, u), transitions: avg(tr, tu) };
}

/** Viterbi with ids-based features (training). */
export function decode(features: Int32Array[], w: Float64Array, tr: Float64Array): Int8Array {
  const n = features.length;
  const score = new Float64Array(n * N), back = new Int8Array(n * N);
  for (let i = 0; i < n; i++) {
    const em = new Float64Array(N);
    for (const f of features[i]!) for (let t = 0; t < N; t++) em[t]! += w[f * N + t]!;
    for (let t = 0; t < N; t++) {
      let best = -Infinity, arg = 0;
      if (i === 0) best = allowed(-1, t) ? tr[t]! : -Infinity;
      else
        for (let p = 0; p < N; p++) {
          const v = score[(i - 1) * N + p]! + tr[(1 + p) * N + t]!;
          if (v > best && allowed(p, t)) (best = v), (arg = p);
        }
      score[i * N + t] = best + em[t]!;
      back[i * N + t] = arg;
    }
  }
  const tags = new Int8Array(n);
  let best = -Infinity;
  for (let t = 0; t < N; t++) if (score[(n - 1) * N + t]! > best) (best = score[(n - 1) * N + t]!), (tags[n - 1] = t);
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * N + tags[i]!]!;
  return tags;
}

/**
 * The committed form of a trained model: features whose weights are all within ±prune left out (they change
 * little), the rest sorted by name with their weights × scale as 16-bit integers; a retrain on the same data
 * gives the same file.
 */
export function taggerFile(model: Averaged, index: FeatureIndex, meta: { description: string; source: string; generated: string; temperature: number; bias: number }, prune = 0, scale = 100): TaggerFile {
  const features: string[] = [];
  const weights: number[] = [];
  const order = index.names.map((name, id) => [name, id] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const clamp = (x: number) => Math.max(-32768, Math.min(32767, Math.round(x * scale)));
  for (const [name, id] of order) {
    const row = Array.from(model.weights.subarray(id * N, id * N + N), clamp);
    if (row.every((x) => Math.abs(x) <= prune * scale)) continue;
    features.push(name);
    weights.push(...row);
  }
  return { ...meta, tags: [...TAGS], scale, transitions: Array.from(model.transitions, clamp), features, weights: encodeWeights(weights) };
}
