import { describe, expect, test } from "@jest/globals";
import type { Claim } from "../../src/core/types.js";
import { claimEdges, compareIds } from "../../src/graph/edges.js";

const span = (text: string) => ({ start: 0, end: text.length, text });
const claim = (id: string, speaker: Claim["speaker"], about: string[], stance: Claim["stance"] = "accuse", extra: Partial<Claim> = {}): Claim => ({
  id, cue: span("اتهم"), stance, speaker, content: span("…"), about, ...extra,
});

describe("graph edges from claims", () => {
  const claims = [
    claim("c1", { ...span("قاآني"), entity: "esmail-qaani", affiliations: [] }, ["hadi-al-amiri", "qais-al-khazali"], "blame", {
      addressee: { ...span("قادة"), entity: "kataib-hezbollah", affiliations: [] },
      via: [{ ...span("رويترز"), entity: "reuters", affiliations: [], relation: "reported" }, { ...span("مسؤول"), entity: null, affiliations: [], relation: "citing" }],
    }),
    claim("c2", { ...span("قاآني"), entity: "esmail-qaani", affiliations: [] }, ["hadi-al-amiri"], "blame"),
    claim("c3", { ...span("مسؤولون في عصائب أهل الحق"), entity: null, affiliations: ["asaib-ahl-al-haq"] }, ["mustafa-al-kadhimi"]),
    claim("c4", null, ["iran"], "say"),
  ];
  const edges = claimEdges(claims);

  test("said, about with the stance, to, and via in chain order (unnamed links have no edge)", () => {
    expect(edges.filter((e) => e.source === "c1" || e.target === "c1")).toEqual([
      { type: "said", source: "esmail-qaani", target: "c1" },
      { type: "about", source: "c1", target: "hadi-al-amiri", stance: "blame" },
      { type: "about", source: "c1", target: "qais-al-khazali", stance: "blame" },
      { type: "to", source: "c1", target: "kataib-hezbollah" },
      { type: "via", source: "c1", target: "reuters", relation: "reported", order: 0 },
    ]);
  });

  test("one stance edge per speaker, target and stance, with every claim behind it", () => {
    expect(edges.filter((e) => e.type === "stance")).toEqual([
      { type: "stance", source: "asaib-ahl-al-haq", target: "mustafa-al-kadhimi", stance: "accuse", claims: ["c3"] },
      { type: "stance", source: "esmail-qaani", target: "hadi-al-amiri", stance: "blame", claims: ["c1", "c2"] },
      { type: "stance", source: "esmail-qaani", target: "qais-al-khazali", stance: "blame", claims: ["c1"] },
    ]);
  });

  test("an unnamed speaker speaks through its affiliations; a passive claim has no said edge", () => {
    expect(edges.find((e) => e.type === "said" && e.target === "c3")).toEqual({ type: "said", source: "asaib-ahl-al-haq", target: "c3", affiliation: true });
    expect(edges.some((e) => e.type === "said" && e.target === "c4")).toBe(false);
    expect(edges.find((e) => e.source === "c4")).toEqual({ type: "about", source: "c4", target: "iran", stance: "say" });
  });

  test("deterministic: the same claims in another order give the same edges", () => {
    expect(claimEdges([...claims].reverse())).toEqual(edges);
  });

  test("ids sort in natural order: numbers by value, the rest (and ties such as c02 and c2) by code unit", () => {
    const ids = ["c10", "c2", "c1", "place:سان ستيفانو", "russia", "date:2021-12-3", "date:2021-12-23", "c02", "Q5", "c1a"];
    expect([...ids].sort(compareIds)).toEqual(["Q5", "c1", "c1a", "c02", "c2", "c10", "date:2021-12-3", "date:2021-12-23", "place:سان ستيفانو", "russia"]);
    expect(compareIds("c2", "c2")).toBe(0);
  });
});
