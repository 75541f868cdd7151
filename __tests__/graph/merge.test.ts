import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import type { IsnadDocument } from "../../src/core/types.js";
import { mergeGraphs } from "../../src/graph/merge.js";
import { extract } from "../../src/index.js";
import { SEED } from "../helpers/cli.js";
import { testLexicon, SMALL } from "../helpers/lexicon.js";

const lexicon = testLexicon(SMALL);
const paragraphs = readFileSync(SEED, "utf8").split(/\n\s*\n/).filter((p) => p.trim().length > 20);

/** Documents from the seed's paragraphs, with a claim added by hand where a paragraph names two entities. */
function corpus(): IsnadDocument[] {
  const docs = paragraphs.map((p, i) => {
    const doc = extract(p, { lexicon, id: `p${i}`, date: `2021-12-${String(10 + (i % 15)).padStart(2, "0")}` });
    doc.claims = [];
    doc.edges = [];
    const ids = doc.entities.map((e) => e.id);
    if (ids.length >= 2) {
      doc.claims.push({ id: "c1", cue: { start: 0, end: 1, text: p[0]! }, stance: "accuse", speaker: { entity: ids[0]!, affiliations: [], start: 0, end: 1, text: p[0]! }, content: null, about: ids.slice(1) });
    }
    return doc;
  });
  // a syndicated copy: same text up to spacing and hamza forms, another id
  const copy = extract(paragraphs[4]!.replace(/ /g, "  ").replace(/إ/g, "ا"), { lexicon, id: "copy-of-p4", date: "2021-12-30" });
  copy.claims = docs[4]!.claims;
  return [...docs, copy];
}

describe("mergeGraphs", () => {
  const docs = corpus();
  const whole = JSON.stringify(mergeGraphs(docs));

  test("syndicated copies count once and are listed", () => {
    const g = mergeGraphs(docs);
    const copies = g.texts.find((t) => t.copies.includes("copy-of-p4"))!;
    expect(copies.copies).toEqual(["copy-of-p4", "p4"]);
    // the seed repeats its headline: that is a syndicated copy too
    const distinct = new Map(paragraphs.map((p, i) => [p.trim().replace(/\s+/g, " "), i]));
    expect(g.totals.texts).toBe(distinct.size);
    const qaani = g.entities.find((e) => e.id === "esmail-qaani")!;
    const perText = [...distinct.values()].map((i) => docs[i]!.entities.find((e) => e.id === "esmail-qaani")?.mentions.length ?? 0);
    expect(qaani.mentions).toBe(perText.reduce((a, b) => a + b, 0));
    expect(qaani.firstDate! <= qaani.lastDate!).toBe(true);
  });

  test("edges speaker → target per stance, with their claim ids", () => {
    const g = mergeGraphs(docs);
    expect(g.edges.length).toBeGreaterThan(0);
    for (const e of g.edges) {
      expect(e.claims).toBe(e.claimIds.length);
      expect(e.stance).toBe("accuse");
    }
  });

  test("associative and commutative: any split, order and grouping gives byte-identical output", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: docs.length, maxLength: docs.length }), fc.infiniteStream(fc.nat()), (shardOf, rnd) => {
        const shards: IsnadDocument[][] = [[], [], [], []];
        docs.forEach((d, i) => shards[shardOf[i]!]!.push(d));
        // merge each shard in reverse order, then merge the partials pairwise in a random tree
        let parts = shards.map((s) => mergeGraphs([...s].reverse()));
        while (parts.length > 1) {
          const i = rnd.next().value % parts.length;
          const [a] = parts.splice(i, 1);
          const j = rnd.next().value % parts.length;
          parts[j] = mergeGraphs([parts[j]!, a!]);
        }
        expect(JSON.stringify(parts[0])).toBe(whole);
      }),
      { numRuns: 60, seed: 42 }
    );
  });

  test("merging a graph with itself changes nothing (copies are idempotent)", () => {
    const g = mergeGraphs(docs);
    expect(JSON.stringify(mergeGraphs([g, g]))).toBe(whole);
  });
});
