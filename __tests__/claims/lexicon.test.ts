import { describe, expect, test } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LexiconError } from "../../src/core/errors.js";
import type { Claim } from "../../src/core/types.js";
import { claimsLexicon, readClaimsFiles, type Example } from "../../src/claims/lexicon.js";
import { extract } from "../../src/index.js";
import { normalize } from "../../src/text/normalize.js";

const lex = claimsLexicon();

/** The stance the scorer's README fixes for each cue word (../shared/eval/README.md), in their usual forms. */
const FIXED: [string, string][] = [
  ["قال", "say"], ["وأضاف", "say"], ["تابع", "say"], ["ذكرت", "say"], ["أوضح", "say"], ["أشار", "say"], ["لفتت", "say"], ["أفادت", "say"],
  ["صرّح", "say"], ["أعلن", "say"], ["كشف", "say"], ["أبلغ", "say"], ["أعرب", "say"], ["رأى", "opine"], ["اعتبر", "opine"], ["لاحظ", "opine"],
  ["اعتقد", "opine"], ["قلّل", "opine"], ["أكّد", "assert"], ["شدّد", "assert"], ["أقرّ", "assert"], ["اعترف", "assert"], ["تبنّى", "assert"],
  ["زعم", "allege"], ["ادّعى", "allege"], ["اتّهم", "accuse"], ["انتقد", "accuse"], ["ألقى", "blame"], ["حمّل", "blame"], ["نفى", "deny"],
  ["رفض", "deny"], ["كذّب", "deny"], ["طالب", "demand"], ["دعا", "demand"], ["طلب", "demand"], ["حثّ", "demand"], ["ناشد", "demand"],
  ["دان", "condemn"], ["أدان", "condemn"], ["استنكر", "condemn"], ["ندّد", "condemn"], ["شجب", "condemn"], ["حذّر", "warn"], ["هدّد", "warn"],
  ["مضيفاً", "say"], ["مؤكداً", "assert"], ["مشيراً", "say"], ["يقولون", "say"], ["تؤكد", "assert"], ["اكد", "assert"], ["اوضح", "say"],
];

describe("the claims lexicon (lexicons/cues, schema/cues.schema.json)", () => {
  test("at least 60 cues, and every stance of the scorer has some", () => {
    expect(lex.cues.length).toBeGreaterThanOrEqual(60);
    const stances = new Set(lex.cues.map((c) => c.stance));
    for (const s of ["say", "opine", "assert", "allege", "accuse", "blame", "deny", "demand", "condemn", "warn", "report"]) expect(stances.has(s as never)).toBe(true);
  });

  test.each(FIXED)("%s is a cue of stance %s", (word, stance) => {
    const key = normalize(word);
    const bare = key.startsWith("و") ? key.slice(1) : key;
    const found = [...(lex.forms.get(key) ?? []), ...(lex.forms.get(bare) ?? [])].map((f) => f.cue.stance);
    expect(found).toContain(stance);
  });

  test("relays and the writer's formulas are there", () => {
    expect(lex.relays.get(normalize("بحسب"))).toBeDefined();
    expect(lex.relays.get(normalize("وفقا"))?.[0]?.tokens[1]).toEqual({ word: "ل", prefix: true });
    expect(lex.formulas.get(normalize("يشار"))).toBeDefined();
    expect(lex.formulas.get(normalize("يذكر"))?.[0]?.beforeThat).toBe(true);
  });

  test("a file that breaks the schema is refused with its path and the place of each problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "isnad-cues-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ lexicon: "bad", description: "x", source: "x", stances: { say: [{ id: "Say.x", reason: "r", content: ["maybe"], example: { text: "قال" } }] } }));
    let error: unknown;
    try {
      readClaimsFiles([file]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LexiconError);
    const problems = (error as LexiconError).problems;
    expect(problems.every((p) => p.file === file)).toBe(true);
    expect(problems.map((p) => p.at)).toEqual(expect.arrayContaining(["/stances/say/0/id", "/stances/say/0/content/0"]));
  });
});

/** Every rule's example runs through the whole pipeline and gives what it promises. */
function check(example: Example): void {
  const doc = extract(example.text);
  if (example.none) {
    expect(doc.claims.map((c) => c.cue.text)).toEqual([]);
    return;
  }
  const claim = doc.claims.find((c) => c.cue.text === example.cue || (c.evidence as { cue: { text: string } }[] | undefined)?.some((e) => e.cue.text === example.cue)) as Claim | undefined;
  expect({ cue: claim?.cue.text, all: doc.claims.map((c) => c.cue.text) }).toMatchObject({ cue: example.cue });
  if (example.speaker !== undefined) expect(claim!.speaker?.text ?? null).toBe(example.speaker);
  if (example.content) expect(claim!.content?.text).toContain(example.content);
  if (example.target) expect((claim!.targets as { text: string }[] | undefined)?.map((t) => t.text)).toContain(example.target);
  if (example.addressee) expect((claim!.addressee as { text: string } | undefined)?.text).toBe(example.addressee);
  if (example.via) expect((claim!.via as { text: string }[] | undefined)?.map((v) => v.text)).toContain(example.via);
  if (example.polarity) expect(claim!.polarity).toBe(example.polarity);
}

describe("every cue, relay and formula: its example", () => {
  test.each(lex.cues.map((c) => [c.id, c.example] as const))("%s", (_id, example) => check(example));
  const phrases = [...lex.relays.values(), ...lex.formulas.values()].flat();
  test.each([...new Map(phrases.map((p) => [p.id, p])).values()].map((p) => [p.id, p.example] as const))("%s", (_id, example) => check(example));
});
