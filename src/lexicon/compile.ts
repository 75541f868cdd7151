import { createHash } from "node:crypto";
import { tokenize } from "../text/tokenize.js";
import { aliasKey, namesOf, relatedIds } from "./lint.js";
import type { LexiconEntry, LexiconSet } from "./types.js";

export interface LexiconHit {
  entryId: string;
  kind: "name" | "gentilic";
  ambiguous: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  hits?: LexiconHit[];
}

export interface CompiledLexicon {
  root: TrieNode;
  entries: Map<string, LexiconEntry>;
  /** ids an entry is related to, two hops (a person → their movement → its country) */
  related: Map<string, Set<string>>;
  fingerprint: string;
  /** every surface form compiled, as written in the lexicon (for `isnad lexicon aliases`) */
  surfaces: string[];
  warnings: LexiconSet["warnings"];
}

/** Gentilic inflections of a masculine singular base (إيراني): feminine, plurals, dual, accusative, with ال. */
export function gentilicForms(base: string): string[] {
  const forms = [base, base + "ة", base + "ون", base + "ين", base + "ان", base + "اً", base + "ا", base + "ات", base + "تان", base + "تين"];
  return [...forms, ...forms.map((f) => "ال" + f)];
}

const aliasTokens = (surface: string): string[] => tokenize(surface).tokens.map((t) => t.norm);

function hitOrder(entries: Map<string, LexiconEntry>) {
  const rank = (h: LexiconHit) => {
    const e = entries.get(h.entryId);
    return (h.ambiguous ? 100 : 0) + (h.kind === "gentilic" ? 10 : 0) + (e?.subtype === "country" ? 0 : 1);
  };
  return (a: LexiconHit, b: LexiconHit) => rank(a) - rank(b) || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0);
}

/** The surface forms of an entry with the hit each one gives. */
function surfacesOf(id: string, e: LexiconEntry): [string, LexiconHit][] {
  const amb = new Set((e.ambiguous ?? []).map(aliasKey));
  const out: [string, LexiconHit][] = namesOf(e).map((name) => [name, { entryId: id, kind: "name", ambiguous: amb.has(aliasKey(name)) }]);
  for (const g of e.gentilics ?? []) for (const f of gentilicForms(g)) out.push([f, { entryId: id, kind: "gentilic", ambiguous: amb.has(aliasKey(g)) }]);
  return out;
}

const cloneTrie = (n: TrieNode): TrieNode => ({ next: new Map([...n.next].map(([t, c]) => [t, cloneTrie(c)])), ...(n.hits ? { hits: [...n.hits] } : {}) });

/**
 * Compile entries into a token trie over normalized tokens: built once, matched in one pass over a
 * document. With `base` (the compiled built-ins), only the entries that differ from it are (un)compiled,
 * so a user lexicon on top of the built-ins costs what its own entries cost.
 */
export function compileLexicon(set: LexiconSet, base?: CompiledLexicon): CompiledLexicon {
  const root: TrieNode = base ? cloneTrie(base.root) : { next: new Map() };
  const touched = new Set<TrieNode>();
  const walk = (surface: string, create: boolean): TrieNode | undefined => {
    const toks = aliasTokens(surface);
    if (!toks.length) return undefined;
    let node = root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) {
        if (!create) return undefined;
        node.next.set(t, (n = { next: new Map() }));
      }
      node = n;
    }
    return node;
  };
  if (base) {
    for (const [id, old] of base.entries) {
      if (set.entries.get(id) === old) continue;
      for (const [surface] of surfacesOf(id, old)) {
        const node = walk(surface, false);
        if (node?.hits) node.hits = node.hits.filter((h) => h.entryId !== id);
      }
    }
  }
  const ids = [...set.entries.keys()].sort();
  for (const id of ids) {
    const e = set.entries.get(id)!;
    if (base && base.entries.get(id) === e) continue;
    for (const [surface, hit] of surfacesOf(id, e)) {
      const node = walk(surface, true);
      if (!node) continue;
      const hits = (node.hits ??= []);
      if (!hits.some((h) => h.entryId === hit.entryId && h.kind === hit.kind)) hits.push(hit);
      touched.add(node);
    }
  }
  const order = hitOrder(set.entries);
  for (const n of touched) n.hits!.sort(order);

  const hash = createHash("sha256");
  for (const id of ids) hash.update(JSON.stringify(set.entries.get(id)) + "\n");
  const fingerprint = "sha256:" + hash.digest("hex").slice(0, 16);
  const surfaces = [...new Set(ids.flatMap((id) => surfacesOf(id, set.entries.get(id)!).map(([s]) => s)))].sort();
  return { root, entries: set.entries, related: relatedMap(set.entries), fingerprint, surfaces, warnings: set.warnings };
}

function relatedMap(entries: Map<string, LexiconEntry>): Map<string, Set<string>> {
  const related = new Map<string, Set<string>>();
  for (const [id, e] of entries) {
    const one = relatedIds(e);
    const two = new Set(one);
    for (const r of one) for (const x of relatedIds(entries.get(r) ?? ({} as LexiconEntry))) two.add(x);
    related.set(id, two);
  }
  return related;
}

/** A trie node as JSON: [hits or 0, [[token, child], …]]. */
type SerialNode = [LexiconHit[] | 0, [string, SerialNode][]];
const toSerial = (n: TrieNode): SerialNode => [n.hits ?? 0, [...n.next].map(([t, c]) => [t, toSerial(c)])];
const fromSerial = ([hits, next]: SerialNode): TrieNode => ({ next: new Map(next.map(([t, c]) => [t, fromSerial(c)])), ...(hits ? { hits } : {}) });

/** The compiled lexicon as JSON (written at build time, so that start-up skips validation and compilation). */
export function serializeLexicon(lex: CompiledLexicon, stamp: unknown): string {
  return JSON.stringify({ stamp, fingerprint: lex.fingerprint, entries: [...lex.entries.values()], surfaces: lex.surfaces, warnings: lex.warnings, root: toSerial(lex.root) });
}

export function deserializeLexicon(json: string): { lexicon: CompiledLexicon; stamp: unknown } {
  const d = JSON.parse(json) as { stamp: unknown; fingerprint: string; entries: LexiconEntry[]; surfaces: string[]; warnings: LexiconSet["warnings"]; root: SerialNode };
  const entries = new Map(d.entries.map((e) => [e.id, e]));
  return { stamp: d.stamp, lexicon: { root: fromSerial(d.root), entries, related: relatedMap(entries), fingerprint: d.fingerprint, surfaces: d.surfaces, warnings: d.warnings } };
}
