/** Shared plain data types. Offsets inside the pipeline are UTF-16 indices into the decoded input;
 * the document builder converts them to Unicode code points (the published offset unit). */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = "person" | "group" | "place" | "date";
export type MentionKind = "name" | "gentilic" | "role" | "descriptor" | "pronoun";
export type Origin = "lexicon" | "rule" | "model";

export type TokenKind = "word" | "latin" | "number" | "punct" | "url" | "email" | "hashtag" | "mention" | "symbol";

/** A token of the input. `start`/`end` index the input; `norm` is its normalized (shadow) form. */
export interface Token {
  start: number;
  end: number;
  norm: string;
  /** the id of `norm` in the process's vocabulary (text/vocabulary.ts): per-word caches are indexed by it */
  word: number;
  /** index of the token's first code unit in the shadow text */
  shadowStart: number;
  kind: TokenKind;
  /** index of the sentence holding the token */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** token index range [firstToken, endToken) */
  firstToken: number;
  endToken: number;
}

/** A candidate mention produced by a stage (lexicon, rules, model, dates) before linking. */
export interface MentionCandidate {
  start: number;
  end: number;
  /** token range covered [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  kind: MentionKind;
  origin: Origin;
  /** lexicon entry id, when known */
  entryId?: string;
  /** normalized name, the linking key of entities not in a lexicon */
  key?: string;
  rule?: string;
  confidence: number;
  /** ISO 8601 value of a date mention */
  value?: string;
  /** a lexicon alias that the document must confirm; `alternatives` are the entries it may stand for */
  ambiguous?: boolean;
  alternatives?: string[];
}

export interface Mention extends Span {
  kind: MentionKind;
  origin: Origin;
  rule?: string;
  confidence?: number;
  value?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  nameEn?: string;
  wikidata?: string;
  origin: Origin;
  value?: string;
  mentions: Mention[];
}

export interface Diagnostic {
  code: string;
  message: string;
  /** file, and line or JSON path, when known */
  file?: string;
  at?: string;
}

export type Stance = "say" | "opine" | "assert" | "allege" | "accuse" | "blame" | "deny" | "demand" | "condemn" | "warn" | "report";

export interface ClaimSpeaker extends Span {
  /** entity id, or null for an unnamed source (المصادر، مسؤول في ...) */
  entity: string | null;
  /** ids of the groups or countries that the speaker's words name */
  affiliations: string[];
}

/** A claim: who said what (content), through which cue, about whom. Extended by the claims stage. */
export interface Claim {
  id: string;
  cue: Span;
  stance: Stance;
  speaker: ClaimSpeaker | null;
  content: Span | null;
  about: string[];
  [field: string]: unknown;
}

export interface Edge {
  type: string;
  source: string;
  target: string;
  [field: string]: unknown;
}

export interface DocumentInfo {
  id?: string | number;
  source: string;
  date: string | null;
  length: number;
  /** hash of the normalized text: identical for syndicated copies */
  textHash: string;
  offsetUnit: "codepoint";
  tool: { name: "isnad"; version: string };
  lexicons: { fingerprint: string; entries: number };
  [field: string]: unknown;
}

/** The published output for one input text. */
export interface IsnadDocument {
  schemaVersion: string;
  document: DocumentInfo;
  entities: Entity[];
  claims: Claim[];
  edges: Edge[];
}
