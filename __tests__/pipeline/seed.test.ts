import { describe, expect, test } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../../src/index.js";
import { score, SEED, SEED_GOLD, tempDir } from "../helpers/cli.js";
import { schemaErrors } from "../helpers/schema.js";

/** The seed article through the library with the built-in lexicons, scored by the project's ruler. */
const doc = extract(readFileSync(SEED, "utf8"), { source: "seed.txt" });
const out = join(tempDir(), "seed.json");
writeFileSync(out, JSON.stringify(doc));
const result = score(SEED_GOLD, out, SEED);

describe("seed article (golden, scored with score.mjs)", () => {
  test("output validates against the published schema and every span is the input slice", () => {
    expect(schemaErrors(doc)).toBe("");
    expect(result.invalidSpans).toBe(0);
  });

  test.each(["person", "group", "place"])("%s mentions: relaxed F1 ≥ 0.95", (type) => {
    expect(result.entities.relaxed[type]!.f1).toBeGreaterThanOrEqual(0.95);
  });

  test("all entities: exact F1 ≥ 0.90", () => {
    expect(result.entities.exact.all!.f1).toBeGreaterThanOrEqual(0.9);
  });

  test("linking: every gold entity on one predicted entity of its own", () => {
    expect(result.linking).toEqual({ mentionsOnMajorityEntity: 1, goldEntitiesWithOwnPredictedEntity: 1 });
  });

  test("the people of the seed, each with all their name mentions", () => {
    const mentions = (id: string) => doc.entities.find((e) => e.id === id)?.mentions.filter((m) => m.kind === "name").map((m) => m.text);
    expect(mentions("esmail-qaani")).toHaveLength(11);
    expect(mentions("qais-al-khazali")).toEqual(["قيس الخزعلي"]);
    expect(mentions("muqtada-al-sadr")).toEqual(["الصدر"]);
  });
});
