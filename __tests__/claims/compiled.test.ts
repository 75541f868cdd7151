import { describe, expect, test } from "@jest/globals";
import { COMPILED_CUES_PATH, deserializeClaimsLexicon, serializeClaimsLexicon } from "../../src/claims/compiled.js";
import { claimsLexicon, compileClaimsLexicon, cuesStamp, CUES_DIR, readClaimsFiles, type ClaimsLexicon } from "../../src/claims/lexicon.js";
import { readCompiled } from "../../src/core/compiled.js";
import { listJsonFiles } from "../../src/lexicon/load.js";

/** The compiled cue lexicon that starts the claims stage quickly must be the one lexicons/cues compiles to. */
const fresh = compileClaimsLexicon(readClaimsFiles(listJsonFiles(CUES_DIR)));
/** The lexicon with its word tables (maps or static tables) as lists of entries, to compare. */
const plain = (lex: ClaimsLexicon | null) => lex && { ...lex, forms: [...lex.forms.entries()], sources: [...lex.sources.entries()] };

describe("the compiled claims lexicon (dist/cues.compiled.json)", () => {
  test("reads back as the lexicon compiled from lexicons/cues, each cue form pointing to its cue", () => {
    const back = deserializeClaimsLexicon(serializeClaimsLexicon(fresh, "stamp"), "stamp")!;
    expect(plain(back)).toEqual(plain(fresh));
    const cues = new Set(back.cues);
    for (const [, forms] of back.forms.entries()) for (const f of forms) expect(cues.has(f.cue)).toBe(true);
    expect(back.forms.get("قال")).toBeDefined();
    expect(back.forms.get("قال")).toEqual(fresh.forms.get("قال"));
    expect(back.sources.get("مصدر")).toMatchObject({ class: "unnamed" });
    expect(back.sources.get("مصدر")).toEqual(fresh.sources.get("مصدر"));
    expect(back.sources.has("بغداد")).toBe(false);
  });

  test("is not read when the cue files changed since it was written, or when it has another format", () => {
    const json = serializeClaimsLexicon(fresh, cuesStamp());
    expect(deserializeClaimsLexicon(json, cuesStamp())).not.toBeNull();
    expect(deserializeClaimsLexicon(json, cuesStamp() + "\nlexicons/cues/new.json:10:0")).toBeNull();
    expect(deserializeClaimsLexicon(JSON.stringify({ ...JSON.parse(json), format: 0 }), cuesStamp())).toBeNull();
  });

  test("the lexicon a process uses is the one lexicons/cues compiles to, read from the built file", () => {
    expect(plain(deserializeClaimsLexicon(readCompiled(COMPILED_CUES_PATH) ?? "{}", cuesStamp()))).toEqual(plain(fresh)); // npm test builds first
    expect(plain(claimsLexicon())).toEqual(plain(fresh));
  });
});

