/**
 * The corpus graph: per-document outputs (or earlier merges) folded into one graph. The merged value keeps
 * its evidence keyed by text hash (document text up to normalisation), so syndicated copies count once and
 * merging is associative and commutative: every field is a union of sets or a per-text value that all
 * copies share, and the rendering sorts everything.
 */
import type { IsnadDocument } from "../core/types.js";
import { SCHEMA_VERSION } from "../core/version.js";

export interface MergedText {
  /** document.textHash */
  text: string;
  /** earliest date among the copies, or null */
  date: string | null;
  /** the copies: document ids, else sources */
  copies: string[];
}

export interface MergedEntity {
  id: string;
  type: string;
  name: string;
  nameEn?: string;
  wikidata?: string;
  /** name mentions per text hash */
  perText: Record<string, number>;
  mentions: number;
  documents: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface MergedEdge {
  source: string;
  target: string;
  stance: string;
  /** "<textHash>#<claim id>" */
  claimIds: string[];
  claims: number;
  documents: number;
}

export interface MergedGraph {
  schemaVersion: string;
  kind: "isnad-merge";
  lexicons: string[];
  totals: { texts: number; copies: number; entities: number; edges: number; claims: number };
  texts: MergedText[];
  entities: MergedEntity[];
  edges: MergedEdge[];
}

interface State {
  lexicons: Set<string>;
  texts: Map<string, { date: string | null; copies: Set<string> }>;
  entities: Map<string, { type: string; name: string; nameEn?: string; wikidata?: string; perText: Map<string, number> }>;
  edges: Map<string, Set<string>>;
}

const emptyState = (): State => ({ lexicons: new Set(), texts: new Map(), entities: new Map(), edges: new Map() });
const minDate = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const minString = (a: string, b: string) => (a < b ? a : b);
const SEP = "\u0000";

function addText(state: State, text: string, date: string | null, copies: Iterable<string>) {
  const t = state.texts.get(text);
  if (!t) state.texts.set(text, { date, copies: new Set(copies) });
  else {
    t.date = minDate(t.date, date);
    for (const c of copies) t.copies.add(c);
  }
}

function addEntity(state: State, id: string, e: { type: string; name: string; nameEn?: string; wikidata?: string }, perText: Iterable<[string, number]>) {
  let m = state.entities.get(id);
  if (!m) {
    m = { type: e.type, name: e.name, perText: new Map(), ...(e.nameEn ? { nameEn: e.nameEn } : {}), ...(e.wikidata ? { wikidata: e.wikidata } : {}) };
    state.entities.set(id, m);
  } else {
    // the same id may carry different surface names across documents: keep the smallest, whatever the order
    m.name = minString(m.name, e.name);
    if (e.nameEn) m.nameEn = m.nameEn ? minString(m.nameEn, e.nameEn) : e.nameEn;
    if (e.wikidata) m.wikidata = m.wikidata ? minString(m.wikidata, e.wikidata) : e.wikidata;
  }
  // copies of one text have the same counts; max keeps a repeated text idempotent
  for (const [t, n] of perText) m.perText.set(t, Math.max(m.perText.get(t) ?? 0, n));
}

function addEdge(state: State, source: string, target: string, stance: string, claimIds: Iterable<string>) {
  const key = [source, target, stance].join(SEP);
  let s = state.edges.get(key);
  if (!s) state.edges.set(key, (s = new Set()));
  for (const c of claimIds) s.add(c);
}

function foldDocument(state: State, doc: IsnadDocument) {
  const text = doc.document.textHash;
  const copy = doc.document.id !== undefined ? String(doc.document.id) : doc.document.source;
  state.lexicons.add(doc.document.lexicons.fingerprint);
  addText(state, text, doc.document.date, [copy]);
  for (const e of doc.entities) {
    if (e.type === "date") continue;
    const names = e.mentions.filter((m) => m.kind === "name").length;
    addEntity(state, e.id, e, [[text, names]]);
  }
  for (const c of doc.claims) {
    const speakers = c.speaker?.entity ? [c.speaker.entity] : (c.speaker?.affiliations ?? []);
    for (const s of speakers) for (const t of c.about) if (t !== s) addEdge(state, s, t, c.stance, [`${text}#${c.id}`]);
  }
}

function foldMerged(state: State, g: MergedGraph) {
  for (const l of g.lexicons) state.lexicons.add(l);
  for (const t of g.texts) addText(state, t.text, t.date, t.copies);
  for (const e of g.entities) addEntity(state, e.id, e, Object.entries(e.perText));
  for (const e of g.edges) addEdge(state, e.source, e.target, e.stance, e.claimIds);
}

const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

function render(state: State): MergedGraph {
  const texts: MergedText[] = byKey(state.texts).map(([text, t]) => ({ text, date: t.date, copies: [...t.copies].sort() }));
  const dateOf = new Map(texts.map((t) => [t.text, t.date]));
  const entities: MergedEntity[] = byKey(state.entities).map(([id, e]) => {
    const perText = byKey(e.perText);
    const dates = perText.map(([t]) => dateOf.get(t) ?? null).filter((d): d is string => d !== null).sort();
    return {
      id, type: e.type, name: e.name,
      ...(e.nameEn ? { nameEn: e.nameEn } : {}), ...(e.wikidata ? { wikidata: e.wikidata } : {}),
      perText: Object.fromEntries(perText),
      mentions: perText.reduce((a, [, n]) => a + n, 0),
      documents: perText.length,
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
    };
  });
  const edges: MergedEdge[] = byKey(state.edges).map(([key, ids]) => {
    const [source, target, stance] = key.split(SEP) as [string, string, string];
    const claimIds = [...ids].sort();
    return { source, target, stance, claimIds, claims: claimIds.length, documents: new Set(claimIds.map((c) => c.split("#")[0])).size };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: "isnad-merge",
    lexicons: [...state.lexicons].sort(),
    totals: { texts: texts.length, copies: texts.reduce((a, t) => a + t.copies.length, 0), entities: entities.length, edges: edges.length, claims: new Set(edges.flatMap((e) => e.claimIds)).size },
    texts,
    entities,
    edges,
  };
}

export function isMergedGraph(value: unknown): value is MergedGraph {
  return !!value && typeof value === "object" && (value as { kind?: unknown }).kind === "isnad-merge";
}

/** An incremental merger: add documents or merged graphs in any order, then render. */
export class GraphMerger {
  private readonly state = emptyState();

  add(value: IsnadDocument | MergedGraph): void {
    if (isMergedGraph(value)) foldMerged(this.state, value);
    else foldDocument(this.state, value);
  }

  result(): MergedGraph {
    return render(this.state);
  }
}

/** One merge of everything given. */
export function mergeGraphs(values: Iterable<IsnadDocument | MergedGraph>): MergedGraph {
  const m = new GraphMerger();
  for (const v of values) m.add(v);
  return m.result();
}
