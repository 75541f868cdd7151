import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { TAGS } from "../../src/entities/model/features.js";
import { decode, trainPerceptron } from "../../src/entities/model/perceptron.js";
import { allowed, compiledTagger, encodeWeights, modelOf, spansOf, TAGGER_PATH, viterbi, type TaggerFile } from "../../src/entities/model/tagger.js";

const tag = (name: string) => TAGS.indexOf(name as (typeof TAGS)[number]);

describe("tag sequences", () => {
  test("I-X only follows B-X or I-X; B-X and O may start anywhere", () => {
    expect(allowed(-1, tag("I-person"))).toBe(false);
    expect(allowed(tag("O"), tag("I-place"))).toBe(false);
    expect(allowed(tag("B-group"), tag("I-person"))).toBe(false);
    expect(allowed(tag("B-person"), tag("I-person"))).toBe(true);
    expect(allowed(tag("I-place"), tag("B-place"))).toBe(true);
  });

  test("Viterbi keeps to the allowed sequences even when the emissions prefer I- tags", () => {
    const file: TaggerFile = { description: "", source: "", generated: "", tags: [...TAGS], scale: 1, temperature: 1, bias: 0, transitions: new Array(8 * 7).fill(0), features: [], weights: "" };
    const em = new Float64Array(3 * 7);
    for (let i = 0; i < 3; i++) em[i * 7 + tag("I-person")] = 5; // I-person everywhere, which cannot start a name
    em[0 * 7 + tag("B-person")] = -10;
    em[1 * 7 + tag("B-person")] = 1;
    const { tags } = viterbi(modelOf(file), em, 3);
    expect([...tags].map((t) => TAGS[t])).toEqual(["O", "B-person", "I-person"]);
    expect(spansOf(tags)).toEqual([[1, 3, tag("B-person")]]);
  });

  test("Viterbi, which skips the transitions allowed() forbids, finds the best allowed sequence of an exhaustive search", () => {
    const model = modelOf(JSON.parse(readFileSync(TAGGER_PATH, "utf8")) as TaggerFile);
    const N = TAGS.length, n = 4;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 10 - 5;
    const score = (tags: number[], em: Float64Array) =>
      tags.reduce((sum, t, i) => sum + em[i * N + t]! + model.transitions[(i === 0 ? 0 : 1 + tags[i - 1]!) * N + t]!, 0);
    for (let round = 0; round < 50; round++) {
      const em = Float64Array.from({ length: n * N }, random);
      let best = -Infinity;
      for (let code = 0; code < N ** n; code++) {
        const tags = Array.from({ length: n }, (_, i) => Math.floor(code / N ** i) % N);
        if (tags.every((t, i) => allowed(i === 0 ? -1 : tags[i - 1]!, t))) best = Math.max(best, score(tags, em));
      }
      expect(score([...viterbi(model, em, n).tags], em)).toBeCloseTo(best, 9);
    }
  });
});

describe("averaged perceptron", () => {
  test("learns to tag a word that is always a name from a few sentences, deterministically", () => {
    // features: 0 = "the word أنان", 1 = "another word", 2 = bias
    const word = (name: boolean) => Int32Array.from(name ? [0, 2] : [1, 2]);
    const sentence = (pattern: boolean[]) => ({ features: pattern.map(word), gold: Int8Array.from(pattern.map((n) => (n ? tag("B-person") : tag("O")))) });
    const data = [sentence([false, true, false]), sentence([true, false]), sentence([false, false, true])];
    const a = trainPerceptron(data, 3, { epochs: 5 });
    const b = trainPerceptron(data, 3, { epochs: 5 });
    expect(a).toEqual(b);
    expect([...decode([word(false), word(true)], a.weights, a.transitions)].map((t) => TAGS[t])).toEqual(["O", "B-person"]);
  });

  test("weights round-trip through the committed base64 form", () => {
    const file: TaggerFile = { description: "", source: "", generated: "", tags: [...TAGS], scale: 100, temperature: 1, bias: 0, transitions: new Array(8 * 7).fill(0), features: ["0w=أنان"], weights: encodeWeights([-150, 300, 0, 0, 0, 0, 7]) };
    const model = modelOf(file);
    const block = model.blocks.get("w=أنان")!;
    expect(Array.from(model.table.subarray(block * 35, block * 35 + 7), (x) => Math.round(x * 100))).toEqual([-150, 300, 0, 0, 0, 0, 7]);
  });
});

describe("the committed tagger", () => {
  const file = JSON.parse(readFileSync(TAGGER_PATH, "utf8")) as TaggerFile;
  test("says what it is and what it was trained on (ANERcorp sentences 0-3566 only)", () => {
    expect(file.description).toMatch(/perceptron/);
    expect(file.source).toMatch(/ANERcorp.*0-3566/);
    expect(file.generated).toBe("scripts/train-tagger.mjs");
    expect(file.tags).toEqual([...TAGS]);
  });

  test("features are sorted and each has its weights", () => {
    expect([...file.features].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(file.features);
    expect(Buffer.from(file.weights, "base64").length).toBe(file.features.length * TAGS.length * 2);
  });
});

describe("the compiled tagger (dist/tagger.compiled.json and tagger.table.bin)", () => {
  test("loads as the committed weights: the same property index, table and calibration", () => {
    const compiled = compiledTagger();
    expect(compiled).not.toBeNull(); // npm test builds first: the compiled files are fresh
    const committed = modelOf(JSON.parse(readFileSync(TAGGER_PATH, "utf8")) as TaggerFile);
    const properties = [...committed.blocks.keys()];
    expect([...compiled!.blocks.keys()]).toEqual(properties);
    expect(properties.every((p) => compiled!.blocks.get(p) === committed.blocks.get(p))).toBe(true);
    expect(compiled!.blocks.get("w=no-such-word")).toBeUndefined();
    expect(Buffer.from(compiled!.table.buffer).equals(Buffer.from(committed.table.buffer))).toBe(true);
    expect([...compiled!.transitions]).toEqual([...committed.transitions]);
    expect([compiled!.temperature, compiled!.bias]).toEqual([committed.temperature, committed.bias]);
  });
});
