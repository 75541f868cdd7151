import { createHash } from "node:crypto";
import { normalize } from "../text/normalize.js";
import { tokenNorms } from "../text/tokenize.js";
import { PackedStrings, StaticMap, StringTable, type SerialPackedStrings, type SerialStringTable } from "./table.js";
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
  hits: Hits;
  /** keys of every proper prefix (one token or more) of a multi-token surface */
  prefixes: KeySet;
  entries: ReadonlyMap<string, LexiconEntry>;
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

/** Surface key → hits: the table matching reads. */
export interface Hits extends Iterable<[string, LexiconHit[]]> {
  get(key: string): LexiconHit[] | undefined;
  has(key: string): boolean;
  /** [key, encoded hits] pairs, in insertion order */
  encodedEntries(): Iterable<[string, string]>;
}

/** The keys of a table that matching asks about (surface prefixes). */
export interface KeySet extends Iterable<string> {
  has(key: string): boolean;
}

const encodeHits = (hits: LexiconHit[]): string => hits.map((h) => `${h.entryId} ${h.kind === "name" ? "n" : "g"}${h.ambiguous ? "a" : ""}`).join(";");

function decodeHits(s: string): LexiconHit[] {
  return s.split(";").map((part) => {
    const [entryId, flags] = part.split(" ") as [string, string];
    return { entryId, kind: flags[0] === "n" ? "name" : "gentilic", ambiguous: flags[1] === "a" };
  });
}

/** Surface key → hits while the lexicon is compiled: one encoded string per key, decoded when first read. */
class HitTable implements Hits {
  private readonly encoded: Map<string, string>;
  private readonly decoded = new Map<string, LexiconHit[]>();

  constructor(encoded: Iterable<[string, string]> = []) {
    this.encoded = new Map(encoded);
  }

  get(key: string): LexiconHit[] | undefined {
    const s = this.encoded.get(key);
    if (s === undefined) return undefined; // the usual case: one lookup
    let hits = this.decoded.get(key);
    if (hits) return hits;
    hits = decodeHits(s);
    this.decoded.set(key, hits);
    return hits;
  }

  has(key: string): boolean {
    return this.encoded.has(key);
  }

  set(key: string, hits: LexiconHit[]): void {
    this.encoded.set(key, encodeHits(hits));
    this.decoded.delete(key);
  }

  delete(key: string): void {
    this.encoded.delete(key);
    this.decoded.delete(key);
  }

  encodedEntries(): Iterable<[string, string]> {
    return this.encoded.entries();
  }

  *[Symbol.iterator](): Iterator<[string, LexiconHit[]]> {
    for (const key of this.encoded.keys()) yield [key, this.get(key)!];
  }
}

/** Surface key → hits as loaded from the compiled file: a static table, hits decoded when first read. */
class PackedHits implements Hits {
  private readonly hits: StaticMap<LexiconHit[]>;

  constructor(private readonly keys: StringTable, private readonly values: PackedStrings) {
    this.hits = new StaticMap(keys, (i) => decodeHits(values.at(i)));
  }

  get(key: string): LexiconHit[] | undefined {
    return this.hits.get(key);
  }

  has(key: string): boolean {
    return this.hits.has(key);
  }

  *encodedEntries(): Generator<[string, string]> {
    for (let i = 0; i < this.keys.size; i++) yield [this.keys.keyAt(i), this.values.at(i)];
  }

  [Symbol.iterator](): Iterator<[string, LexiconHit[]]> {
    return this.hits.entries();
  }

  toJSON(): SerialHits {
    return { keys: this.keys.toJSON(), values: this.values.toJSON() };
  }

  static of(hits: Hits): PackedHits {
    const pairs = [...hits.encodedEntries()];
    return new PackedHits(StringTable.build(pairs.map(([k]) => k)), PackedStrings.of(pairs.map(([, v]) => v)));
  }

  static fromJSON(d: SerialHits): PackedHits {
    return new PackedHits(StringTable.fromJSON(d.keys), PackedStrings.fromJSON(d.values));
  }
}

interface SerialHits {
  keys: SerialStringTable;
  values: SerialPackedStrings;
}

/** Ids an entry is related to, two hops (memberOf, partOf, country, roles.of), computed when first asked. */
export class RelatedIndex {
  private readonly memo = new Map<string, Set<string>>();

  constructor(private readonly entries: ReadonlyMap<string, LexiconEntry>) {}

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

function hitOrder(entries: ReadonlyMap<string, LexiconEntry>) {
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
  /** entry ids; each entry's runtime fields as JSON, in the same order, follow the JSON line (`starts` into them) */
  ids: SerialStringTable;
  entries: Omit<SerialPackedStrings, "text">;
  /** each entry's hash (16 hex digits), in the order of `ids` */
  entryHashes: string;
  roleHolders: RoleHolder[];
  warnings: LexiconSet["warnings"];
  hits: SerialHits;
  prefixes: SerialStringTable;
}

const HASH_LENGTH = 16;

/** What matching, linking and claims read of an entry; names and sources stay in the lexicon files. */
const RUNTIME_FIELDS = ["id", "type", "subtype", "ar", "en", "wikidata", "memberOf", "partOf", "country", "gentilics", "roles"] as const;
const runtimeEntry = (e: LexiconEntry): LexiconEntry =>
  Object.fromEntries(RUNTIME_FIELDS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])) as unknown as LexiconEntry;

/**
 * The compiled lexicon, written at build time so that start-up skips validation and compilation: a line of JSON
 * with its tables as static hash tables (table.ts), then each entry's runtime fields (aliases live in the hit
 * table) as JSON text, which a run parses when it first reads the entry.
 */
export function serializeLexicon(lex: CompiledLexicon, stamp: unknown): string {
  const ids = [...lex.entries.keys()];
  const { text: entryText, starts: entryStarts } = PackedStrings.of(ids.map((id) => JSON.stringify(runtimeEntry(lex.entries.get(id)!)))).toJSON();
  const data: SerialLexicon = {
    stamp, fingerprint: lex.fingerprint, ids: StringTable.build(ids).toJSON(), entries: { starts: entryStarts }, entryHashes: ids.map((id) => lex.entryHash(id)!).join(""), roleHolders: lex.roleHolders, warnings: lex.warnings,
    hits: PackedHits.of(lex.hits).toJSON(), prefixes: StringTable.build([...lex.prefixes]).toJSON(),
  };
  return JSON.stringify(data) + "\n" + entryText; // the entries' JSON outside a JSON string: nothing to unescape
}

export function deserializeLexicon(text: string): { lexicon: CompiledLexicon; stamp: unknown } {
  const header = text.indexOf("\n"); // JSON.stringify writes no line break
  const d = JSON.parse(text.slice(0, header)) as SerialLexicon;
  const ids = StringTable.fromJSON(d.ids);
  const entries = new LazyEntries(ids, PackedStrings.fromJSON({ text: text.slice(header + 1), starts: d.entries.starts }));
  const entryHash = (id: string) => {
    const i = ids.indexOf(id);
    return i < 0 ? undefined : d.entryHashes.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH);
  };
  const hits = PackedHits.fromJSON(d.hits);
  const lexicon = { hits, prefixes: StringTable.fromJSON(d.prefixes), entries, related: new RelatedIndex(entries), fingerprint: d.fingerprint, entryHash, roleHolders: d.roleHolders, warnings: d.warnings };
  return { stamp: d.stamp, lexicon };
}

/**
 * Entries by id, each kept as its JSON text until first read: start-up parses none of the ~9,000 built-in
 * entries (and fills no Map with them), a run parses those its documents name.
 */
class LazyEntries implements ReadonlyMap<string, LexiconEntry> {
  private readonly map: StaticMap<LexiconEntry>;
  /** entries read so far, by id: every mention reads its entry, and a Map finds an id string it has seen faster than the table hashes it */
  private readonly read = new Map<string, LexiconEntry>();

  constructor(private readonly ids: StringTable, texts: PackedStrings) {
    this.map = new StaticMap(ids, (i) => JSON.parse(texts.at(i)) as LexiconEntry);
  }

  get(id: string): LexiconEntry | undefined {
    let entry = this.read.get(id);
    if (entry === undefined) {
      entry = this.map.get(id);
      if (entry !== undefined) this.read.set(id, entry);
    }
    return entry;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  get size(): number {
    return this.map.size;
  }

  entries(): MapIterator<[string, LexiconEntry]> {
    return this.map.entries();
  }

  *keys(): MapIterator<string> {
    yield* this.ids;
  }

  *values(): MapIterator<LexiconEntry> {
    for (const [, entry] of this.map.entries()) yield entry;
  }

  [Symbol.iterator](): MapIterator<[string, LexiconEntry]> {
    return this.entries();
  }

  forEach(fn: (entry: LexiconEntry, id: string, map: ReadonlyMap<string, LexiconEntry>) => void, thisArg?: unknown): void {
    for (const [id, entry] of this.entries()) fn.call(thisArg, entry, id, this);
  }
}
