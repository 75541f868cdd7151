import { createHash } from "node:crypto";
import { normalize } from "../text/normalize.js";
import { tokenNorms } from "../text/tokenize.js";
import { aliasKey, namesOf, relatedIds } from "./lint.js";
import type { LexiconEntry, LexiconSet } from "./types.js";

export interface LexiconHit {
  entryId: string;
  kind: "name" | "gentilic";
  ambiguous: boolean;
}

/**
 * The compiled matcher: surface forms as keys of normalized tokens joined by KEY_SEP. A walk over a
 * document extends its key one token at a time while the key is a known prefix (`prefixes`), and reports
 * `hits` where a surface ends. Two flat hash tables: quick to build, quick to load, one lookup per token.
 */
export interface CompiledLexicon {
  hits: HitTable;
  /** keys of every proper prefix (one token or more) of a multi-token surface */
  prefixes: Set<string>;
  entries: Map<string, LexiconEntry>;
  /** ids an entry is related to, two hops (a person → their movement → its country) */
  related: RelatedIndex;
  fingerprint: string;
  /** hash of an entry as written in its file: the fingerprint is made of them */
  entryHash: (id: string) => string | undefined;
  /** every role an entry holds, in entry order, with its title normalized: the claims stage reads them without reading every entry */
  roleHolders: RoleHolder[];
  warnings: LexiconSet["warnings"];
}

/** A role an entry holds (the claims stage reads «the Iraqi president» as its holder on the document's date). */
export interface RoleHolder {
  /** the title, normalized */
  title: string;
  id: string;
  of: string | undefined;
  from: string;
  to: string | null | undefined;
}

export const KEY_SEP = "\u0001";

/**
 * Surface key → hits. Loaded from the compiled file as one encoded string per key and decoded on first
 * lookup: most lookups of a document miss, and start-up stays short.
 */
export class HitTable {
  private readonly encoded: Map<string, string>;
  private readonly decoded = new Map<string, LexiconHit[]>();

  constructor(encoded: Iterable<[string, string]> = []) {
    this.encoded = new Map(encoded);
  }

  /** The table from "key TAB encoded hits" lines (serializeLexicon): a loop, no array of pairs on the way. */
  static fromLines(lines: string): HitTable {
    const table = new HitTable();
    for (let i = 0; i < lines.length; ) {
      let end = lines.indexOf("\n", i);
      if (end < 0) end = lines.length;
      const tab = lines.indexOf("\t", i);
      table.encoded.set(lines.slice(i, tab), lines.slice(tab + 1, end));
      i = end + 1;
    }
    return table;
  }

  static encode(hits: LexiconHit[]): string {
    return hits.map((h) => `${h.entryId} ${h.kind === "name" ? "n" : "g"}${h.ambiguous ? "a" : ""}`).join(";");
  }

  private static decode(s: string): LexiconHit[] {
    return s.split(";").map((part) => {
      const [entryId, flags] = part.split(" ") as [string, string];
      return { entryId, kind: flags[0] === "n" ? "name" : "gentilic", ambiguous: flags[1] === "a" };
    });
  }

  get(key: string): LexiconHit[] | undefined {
    const s = this.encoded.get(key);
    if (s === undefined) return undefined; // the usual case: one lookup
    let hits = this.decoded.get(key);
    if (hits) return hits;
    hits = HitTable.decode(s);
    this.decoded.set(key, hits);
    return hits;
  }

  has(key: string): boolean {
    return this.encoded.has(key);
  }

  set(key: string, hits: LexiconHit[]): void {
    this.encoded.set(key, HitTable.encode(hits));
    this.decoded.delete(key);
  }

  delete(key: string): void {
    this.encoded.delete(key);
    this.decoded.delete(key);
  }

  get size(): number {
    return this.encoded.size;
  }

  /** [key, encoded hits] pairs, in insertion order */
  encodedEntries(): IterableIterator<[string, string]> {
    return this.encoded.entries();
  }

  *[Symbol.iterator](): IterableIterator<[string, LexiconHit[]]> {
    for (const key of this.encoded.keys()) yield [key, this.get(key)!];
  }
}

/** Ids an entry is related to, two hops (memberOf, partOf, country, roles.of), computed when first asked. */
export class RelatedIndex {
  private readonly memo = new Map<string, Set<string>>();

  constructor(private readonly entries: Map<string, LexiconEntry>) {}

  get(id: string): Set<string> | undefined {
    let set = this.memo.get(id);
    if (set) return set;
    const e = this.entries.get(id);
    if (!e) return undefined;
    set = new Set(relatedIds(e));
    for (const r of [...set]) for (const x of relatedIds(this.entries.get(r) ?? ({} as LexiconEntry))) set.add(x);
    this.memo.set(id, set);
    return set;
  }
}

/** Gentilic inflections of a masculine singular base (إيراني): feminine, plurals, dual, accusative, with ال. */
export function gentilicForms(base: string): string[] {
  const forms = [base, base + "ة", base + "ون", base + "ين", base + "ان", base + "اً", base + "ا", base + "ات", base + "تان", base + "تين"];
  return [...forms, ...forms.map((f) => "ال" + f)];
}

/** The matcher key of a surface form: its normalized tokens, as a document's tokens would be. */
export const surfaceKey = (surface: string): string => tokenNorms(surface).join(KEY_SEP);

/** Hits of an exact token sequence (normalized tokens), if any. */
export function lookupHits(lexicon: CompiledLexicon, tokens: string[]): LexiconHit[] | undefined {
  return lexicon.hits.get(tokens.join(KEY_SEP));
}

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

/** Every surface form of the lexicon as written in its entries, sorted (for `isnad lexicon aliases`). */
export function lexiconSurfaces(lexicon: CompiledLexicon): string[] {
  return [...new Set([...lexicon.entries].flatMap(([id, e]) => surfacesOf(id, e).map(([s]) => s)))].sort();
}

/**
 * Compile entries into the matcher: built once, matched in one pass over a document. With `base` (the
 * compiled built-ins), only the entries that differ from it are (un)compiled, so a user lexicon on top of
 * the built-ins costs what its own entries cost.
 */
export function compileLexicon(set: LexiconSet, base?: CompiledLexicon): CompiledLexicon {
  const hits = new HitTable(base?.hits.encodedEntries());
  const prefixes = new Set<string>(base?.prefixes);
  const touched = new Set<string>();
  if (base) {
    const replaced = new Set([...base.entries].filter(([id, old]) => set.entries.get(id) !== old).map(([id]) => id));
    if (replaced.size) {
      for (const [key, list] of hits) {
        if (!list.some((h) => replaced.has(h.entryId))) continue;
        const kept = list.filter((h) => !replaced.has(h.entryId));
        if (kept.length) hits.set(key, kept);
        else hits.delete(key); // its prefixes may stay: a prefix without hits only costs a lookup
      }
    }
  }
  const ids = [...set.entries.keys()].sort();
  for (const id of ids) {
    const e = set.entries.get(id)!;
    if (base && base.entries.get(id) === e) continue;
    for (const [surface, hit] of surfacesOf(id, e)) {
      const key = surfaceKey(surface);
      if (!key) continue;
      for (let i = key.indexOf(KEY_SEP); i >= 0; i = key.indexOf(KEY_SEP, i + 1)) prefixes.add(key.slice(0, i));
      const list = hits.get(key) ?? [];
      if (!list.some((h) => h.entryId === hit.entryId && h.kind === hit.kind)) list.push(hit);
      hits.set(key, list);
      touched.add(key);
    }
  }
  const order = hitOrder(set.entries);
  for (const k of touched) hits.set(k, hits.get(k)!.sort(order));

  const entryHashes = new Map<string, string>();
  for (const id of ids) {
    const e = set.entries.get(id)!;
    const known = base && base.entries.get(id) === e ? base.entryHash(id) : undefined;
    entryHashes.set(id, known ?? createHash("sha256").update(JSON.stringify(e)).digest("hex").slice(0, 16));
  }
  return {
    hits, prefixes, entries: set.entries, related: new RelatedIndex(set.entries), fingerprint: fingerprintOf(entryHashes), entryHash: (id) => entryHashes.get(id),
    roleHolders: [...set.entries].flatMap(([id, e]) => (e.roles ?? []).map((r) => ({ title: normalize(r.title), id, of: r.of, from: r.from, to: r.to }))), warnings: set.warnings,
  };
}

/** The lexicons' identity, printed in every document so that a result can be reproduced. */
function fingerprintOf(entryHashes: Map<string, string>): string {
  const hash = createHash("sha256");
  for (const id of [...entryHashes.keys()].sort()) hash.update(`${id}:${entryHashes.get(id)}\n`);
  return "sha256:" + hash.digest("hex").slice(0, 16);
}

interface SerialLexicon {
  stamp: unknown;
  fingerprint: string;
  /** entry ids, in the order of the entry lines after the JSON */
  ids: string[];
  /** each entry's hash (16 hex digits), in the order of `ids` */
  entryHashes: string;
  roleHolders: RoleHolder[];
  warnings: LexiconSet["warnings"];
  /** key TAB encoded hits, one per line */
  hits: string;
  prefixes: string[];
}

const HASH_LENGTH = 16;

/** What matching, linking and claims read of an entry; names and sources stay in the lexicon files. */
const RUNTIME_FIELDS = ["id", "type", "subtype", "ar", "en", "wikidata", "memberOf", "partOf", "country", "gentilics", "roles"] as const;
const runtimeEntry = (e: LexiconEntry): LexiconEntry =>
  Object.fromEntries(RUNTIME_FIELDS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])) as unknown as LexiconEntry;

/**
 * The compiled lexicon, written at build time so that start-up skips validation and compilation: one line of
 * JSON, then one line per entry with its runtime fields (aliases live in the hit table) as JSON, which a run
 * parses when it first reads the entry (and JSON.parse never sees as an escaped string).
 */
export function serializeLexicon(lex: CompiledLexicon, stamp: unknown): string {
  const ids = [...lex.entries.keys()];
  const data: SerialLexicon = {
    stamp, fingerprint: lex.fingerprint, ids, entryHashes: ids.map((id) => lex.entryHash(id)!).join(""), roleHolders: lex.roleHolders, warnings: lex.warnings,
    hits: [...lex.hits.encodedEntries()].map(([k, h]) => `${k}\t${h}`).join("\n"), prefixes: [...lex.prefixes],
  };
  return [JSON.stringify(data), ...ids.map((id) => JSON.stringify(runtimeEntry(lex.entries.get(id)!)))].join("\n");
}

export function deserializeLexicon(text: string): { lexicon: CompiledLexicon; stamp: unknown } {
  const header = text.indexOf("\n"); // JSON.stringify writes no line break
  const d = JSON.parse(header < 0 ? text : text.slice(0, header)) as SerialLexicon;
  const entries = new LazyEntries(d.ids, header < 0 ? [] : text.slice(header + 1).split("\n"));
  let hashes: Map<string, string> | undefined;
  const entryHash = (id: string) => (hashes ??= new Map(d.ids.map((x, i) => [x, d.entryHashes.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH)]))).get(id);
  const hits = HitTable.fromLines(d.hits);
  const lexicon = { hits, prefixes: new Set(d.prefixes), entries, related: new RelatedIndex(entries), fingerprint: d.fingerprint, entryHash, roleHolders: d.roleHolders, warnings: d.warnings };
  return { stamp: d.stamp, lexicon };
}

/**
 * Entries by id, each kept as its JSON text until first read: start-up parses none of the ~9,000 built-in
 * entries (and the garbage collector copies none), a run parses those its documents name.
 */
class LazyEntries extends Map<string, LexiconEntry> {
  constructor(ids: string[], texts: string[]) {
    super();
    for (let i = 0; i < ids.length; i++) super.set(ids[i]!, texts[i] as unknown as LexiconEntry);
  }

  override get(id: string): LexiconEntry | undefined {
    const v = super.get(id) as LexiconEntry | string | undefined;
    if (typeof v !== "string") return v;
    const entry = JSON.parse(v) as LexiconEntry;
    super.set(id, entry);
    return entry;
  }

  override entries(): MapIterator<[string, LexiconEntry]> {
    const keys = super.keys();
    return (function* (table: LazyEntries) {
      for (const id of keys) yield [id, table.get(id)!] as [string, LexiconEntry];
    })(this) as MapIterator<[string, LexiconEntry]>;
  }

  override values(): MapIterator<LexiconEntry> {
    const keys = super.keys();
    return (function* (table: LazyEntries) {
      for (const id of keys) yield table.get(id)!;
    })(this) as MapIterator<LexiconEntry>;
  }

  override [Symbol.iterator](): MapIterator<[string, LexiconEntry]> {
    return this.entries();
  }

  override forEach(fn: (entry: LexiconEntry, id: string, map: Map<string, LexiconEntry>) => void, thisArg?: unknown): void {
    for (const [id, entry] of this.entries()) fn.call(thisArg, entry, id, this);
  }
}
