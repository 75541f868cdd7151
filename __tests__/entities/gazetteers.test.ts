import { describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { aliasKey, namesOf } from "../../src/lexicon/lint.js";
import { parseLexicon } from "../../src/lexicon/load.js";
import type { LexiconEntry } from "../../src/lexicon/types.js";
import { ROOT } from "../helpers/cli.js";

const DIR = join(ROOT, "lexicons", "entities");
const read = (file: string): LexiconEntry[] => JSON.parse(readFileSync(file, "utf8")).entries as LexiconEntry[];
const gazetteerFiles = readdirSync(join(DIR, "gazetteers")).map((f) => join(DIR, "gazetteers", f));

describe("generated gazetteers (scripts/build-gazetteers.mjs)", () => {
  test.each(gazetteerFiles)("%s validates against the lexicon schema", (file) => {
    expect(parseLexicon(readFileSync(file, "utf8"), file).problems).toEqual([]);
  });

  test("every entry keeps its source and licence, and has a gazetteer id", () => {
    for (const file of gazetteerFiles) {
      for (const e of read(file)) {
        expect(e.source).toMatch(/ANERGazet|ANERcorp/);
        expect(e.id).toMatch(new RegExp(`^${e.type}\\.`));
      }
    }
  });

  test("no gazetteer name is a name of the curated lexicons (curated entries win: re-run the script when they change)", () => {
    const curated = new Set<string>();
    for (const folder of readdirSync(DIR).filter((d) => d !== "gazetteers")) {
      for (const f of readdirSync(join(DIR, folder)).filter((f) => f.endsWith(".json"))) for (const e of read(join(DIR, folder, f))) for (const n of namesOf(e)) curated.add(aliasKey(n));
    }
    const shared = gazetteerFiles.flatMap((file) => read(file).flatMap((e) => namesOf(e).filter((n) => curated.has(aliasKey(n)))));
    expect(shared).toEqual([]);
  });

  test("ordinary words that ANERGazet lists as names are left out (the noise filter)", () => {
    const names = new Set(gazetteerFiles.flatMap((file) => read(file).flatMap((e) => namesOf(e).map(aliasKey))));
    for (const word of ["العسل", "القمح", "فيلا", "بيت", "الجديدة"]) expect(names.has(aliasKey(word))).toBe(false);
  });
});
