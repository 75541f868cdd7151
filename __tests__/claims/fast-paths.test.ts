import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserializeClaimsLexicon, serializeClaimsLexicon } from "../../src/claims/compiled.js";
import { claimsLexicon, compileClaimsLexicon, cuesStamp, CUES_DIR, readClaimsFiles } from "../../src/claims/lexicon.js";
import { mayBeCue, NO_CUES, wordCues } from "../../src/claims/scan.js";
import { WordSet } from "../../src/claims/wordset.js";
import { listJsonFiles } from "../../src/lexicon/load.js";
import { shadowOf } from "../../src/text/normalize.js";
import { tokenize } from "../../src/text/tokenize.js";
import { ROOT } from "../helpers/cli.js";

/** The shortcuts that keep the claims stage fast must never change what it finds. */
const fresh = compileClaimsLexicon(readClaimsFiles(listJsonFiles(CUES_DIR)));

describe("the compiled claims lexicon (dist/cues.compiled.json)", () => {
  test("reads back as the lexicon compiled from lexicons/cues, each cue form pointing to its cue", () => {
    const back = deserializeClaimsLexicon(serializeClaimsLexicon(fresh, "stamp"), "stamp")!;
    expect(back).toEqual(fresh);
    const cues = new Set(back.cues);
    for (const forms of back.forms.values()) for (const f of forms) expect(cues.has(f.cue)).toBe(true);
  });

  test("is not read when the cue files changed since it was written, or when it has another format", () => {
    const json = serializeClaimsLexicon(fresh, cuesStamp());
    expect(deserializeClaimsLexicon(json, cuesStamp())).not.toBeNull();
    expect(deserializeClaimsLexicon(json, cuesStamp() + "\nlexicons/cues/new.json:10:0")).toBeNull();
    expect(deserializeClaimsLexicon(JSON.stringify({ ...JSON.parse(json), format: 0 }), cuesStamp())).toBeNull();
  });

  test("the lexicon a process uses is the one lexicons/cues compiles to", () => {
    expect(claimsLexicon()).toEqual(fresh);
  });
});

describe("the scan's test for words that are no cue", () => {
  const letters = [..."ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهويى"];
  const keys = [...fresh.forms.keys(), ...fresh.formulas.keys(), ...fresh.relays.keys()];
  const affix = (max: number) => fc.array(fc.constantFrom(...letters), { maxLength: max }).map((a) => a.join(""));

  test("passes every word with a cue reading, a relay or a formula: a key with letters around it", () => {
    fc.assert(
      fc.property(affix(3), fc.constantFrom(...keys), affix(4), (before, key, after) => {
        const word = before + key + after;
        return wordCues(fresh, word) === NO_CUES || mayBeCue(fresh, word);
      }),
      { numRuns: 20000 }
    );
  });

  test("passes every word of the claims dev set and the seed that is a cue, and turns most others away", () => {
    const dir = join(ROOT, "__tests__", "fixtures", "claims-dev");
    const texts = [...readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => join(dir, f)), join(ROOT, "samples", "seed-qaani-iraq.txt")];
    let words = 0, passed = 0;
    for (const path of texts) {
      const text = readFileSync(path, "utf8");
      for (const t of tokenize(text, shadowOf(text)).tokens) {
        if (t.kind !== "word") continue;
        words++;
        if (mayBeCue(fresh, t.norm)) passed++;
        else expect({ word: t.norm, cue: wordCues(fresh, t.norm) !== NO_CUES }).toEqual({ word: t.norm, cue: false });
      }
    }
    expect(passed / words).toBeLessThan(0.5);
  });
});

describe("WordSet", () => {
  test("has exactly the words it was made of", () => {
    const words = ["مصادر", "المصادر", "ومصادر", "وزير", "a", ""];
    const set = new WordSet(words);
    for (const w of words) expect(set.has(w)).toBe(true);
    fc.assert(fc.property(fc.string(), (w) => set.has(w) === words.includes(w)));
  });
});
