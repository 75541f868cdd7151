/**
 * The claims lexicon (lexicons/cues/*.json, schema/cues.schema.json): read, validated with ajv and compiled
 * into hash maps over normalized words, so that the stage looks each token up once. The build does this once
 * (compiled.ts); a process reads its result while the files are unchanged.
 */
import type { Lookup } from "../lexicon/table.js";
import { readFileSync } from "node:fs";
import { schemaValidator } from "../core/ajv.js";
import { filesStamp, readCompiled } from "../core/compiled.js";
import { packagePath } from "../core/paths.js";
import { LexiconError } from "../core/errors.js";
import type { Stance } from "../core/types.js";
import { listJsonFiles } from "../lexicon/load.js";
import { COMPILED_CUES_PATH, deserializeClaimsLexicon } from "./compiled.js";
import { normalize } from "../text/normalize.js";
import { nounForms, participleForms, pastForms, presentForms, withArticle, type Gender } from "./morph.js";

export const CUES_DIR = packagePath("lexicons", "cues");
const SCHEMA_PATH = packagePath("schema", "cues.schema.json");

export type Slot = "that" | "colon" | "quote" | "rest" | "object" | `prep:${string}`;

export interface Example {
  text: string;
  cue?: string;
  speaker?: string | null;
  content?: string;
  target?: string;
  addressee?: string;
  via?: string;
  polarity?: "asserted" | "negated" | "questioned" | "conditional";
  none?: boolean;
}

interface CueSpec {
  id: string;
  reason: string;
  past?: string;
  present?: string;
  participle?: string;
  nouns?: string[];
  passive?: string[];
  forms?: string[];
  with?: string[];
  needs?: { words: string[]; within?: number; content?: boolean };
  objectPronoun?: boolean;
  requires?: ("addressee" | "target")[];
  adjacent?: boolean;
  noContent?: string[];
  content: Slot[];
  addressee?: Slot[];
  target?: Slot[];
  example: Example;
}

interface PhraseSpec {
  id: string;
  reason: string;
  tokens: string[];
  beforeThat?: boolean;
  endsContent?: boolean;
  example: Example;
}

type SourceClass = "unnamed" | "title" | "descriptor" | "document" | "institution" | "modifier";

interface SourceSpec {
  class: SourceClass;
  forms: string[];
  fixed?: boolean;
  refers?: "person" | "group" | "place";
  subtypes?: string[];
  pp?: string[];
}

interface CueFile {
  lexicon: string;
  stances?: Partial<Record<Stance, CueSpec[]>>;
  relays?: PhraseSpec[];
  formulas?: PhraseSpec[];
  sources?: SourceSpec[];
  roles?: { title: string; synonyms: string[] }[];
  words?: Partial<Record<WordClass, string[]>>;
}

export type WordClass =
  | "that" | "stops" | "adverbs" | "auxiliaries" | "negations" | "conditionals" | "relatives" | "newSpeaker" | "quantifiers"
  | "notPrefixed" | "clauseOpeners" | "resumptives" | "sayingNouns" | "credits" | "coordinators" | "pastNegations" | "subjunctives"
  | "determiners" | "nameParticles" | "copulas" | "topicMarkers" | "sentencePrepositions" | "relayOpeners";

/** A cue with its stance and its companion words normalized. */
export interface Cue {
  id: string;
  stance: Stance;
  reason: string;
  content: Slot[];
  addressee: Slot[];
  target: Slot[];
  objectPronoun: boolean;
  requires: ("addressee" | "target")[];
  /** the content must start right after the subject and objects */
  adjacent: boolean;
  /** normalized words that, opening the content, mean nothing was said */
  noContent: Set<string>;
  /** normalized words one of which must follow at once (وجّه رسالة) */
  with: Set<string> | null;
  /** a word that must follow in the sentence; `content`: it starts the content */
  needs: { words: Set<string>; within: number; content: boolean } | null;
  example: Example;
}

export type CueFormKind = "verb" | "participle" | "noun" | "passive";

export interface CueForm {
  cue: Cue;
  kind: CueFormKind;
  gender: Gender | null;
  jussive: boolean;
  /** a present-tense verb (after أن it is a subjunctive: a wish or a prediction, not a statement) */
  present: boolean;
}

/** A relay or formula: normalized tokens; a token ending in ـ is a prefix of the word (لـ). */
export interface Phrase {
  id: string;
  reason: string;
  tokens: { word: string; prefix: boolean }[];
  beforeThat: boolean;
  endsContent: boolean;
  example: Example;
}

export interface SourceWord {
  class: SourceClass;
  refers: "person" | "group" | "place" | null;
  subtypes: Set<string>;
  /** prepositions (normalized) whose phrase extends the description */
  pp: Set<string>;
}

export interface ClaimsLexicon {
  /** normalized word → the cue forms it is */
  forms: Lookup<CueForm[]>;
  cues: Cue[];
  /** first normalized token → relays starting with it */
  relays: Map<string, Phrase[]>;
  formulas: Map<string, Phrase[]>;
  sources: Lookup<SourceWord>;
  /** every form of an adjective of sources (مطلعة، المسؤول، الرسمية), whatever class the form has first */
  modifiers: Set<string>;
  /** forms listed as written (broken plurals such as المصادر, whose adjectives are feminine) */
  fixedForms: Set<string>;
  /** normalized title or synonym (tokens joined by a space) → the title as the entity lexicons write it */
  roles: Map<string, string>;
  /** longest role title in tokens */
  roleLength: number;
  words: Record<WordClass, Set<string>>;
  /** files read, for messages */
  files: string[];
}

const WORD_CLASSES: WordClass[] = [
  "that", "stops", "adverbs", "auxiliaries", "negations", "conditionals", "relatives", "newSpeaker", "quantifiers", "notPrefixed", "clauseOpeners", "resumptives", "sayingNouns", "credits",
  "coordinators", "pastNegations", "subjunctives", "determiners", "nameParticles", "copulas", "topicMarkers", "sentencePrepositions", "relayOpeners",
];
const STANCES: Stance[] = ["say", "opine", "assert", "allege", "accuse", "blame", "deny", "demand", "condemn", "warn", "report"];
/** when two source classes list a form, the first of this order wins */
const CLASS_ORDER: SourceClass[] = ["descriptor", "unnamed", "title", "document", "institution", "modifier"];

let cached: ClaimsLexicon | null = null;

/** The built-in claims lexicon on first use: as `npm run build` compiled it, else read, validated and compiled. */
export function claimsLexicon(): ClaimsLexicon {
  cached ??= prebuiltClaimsLexicon() ?? compileClaimsLexicon(readClaimsFiles(listJsonFiles(CUES_DIR)));
  return cached;
}

/** Size and modification time of the cue files and their schema: the compiled file is valid while this is unchanged. */
export const cuesStamp = (): string => filesStamp([SCHEMA_PATH, ...listJsonFiles(CUES_DIR)]);

function prebuiltClaimsLexicon(): ClaimsLexicon | null {
  const json = readCompiled(COMPILED_CUES_PATH);
  return json === null ? null : deserializeClaimsLexicon(json, cuesStamp());
}

/** Read and validate claims lexicon files; every problem of every file is reported at once. */
export function readClaimsFiles(paths: string[]): { file: string; data: CueFile }[] {
  const validate = schemaValidator(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object);
  const out: { file: string; data: CueFile }[] = [];
  const problems: { file: string; at: string; message: string; severity: "error" }[] = [];
  for (const path of paths) {
    const file = path.startsWith(CUES_DIR) ? "lexicons/cues" + path.slice(CUES_DIR.length) : path;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      problems.push({ file, at: "", message: `invalid JSON: ${(e as Error).message}`, severity: "error" });
      continue;
    }
    if (!validate(data)) {
      for (const e of validate.errors ?? []) problems.push({ file, at: e.instancePath || "/", message: e.message ?? "invalid", severity: "error" });
      continue;
    }
    out.push({ file, data: data as CueFile });
  }
  if (problems.length) throw new LexiconError(problems);
  return out;
}

function phraseOf(p: PhraseSpec): Phrase {
  return {
    id: p.id,
    reason: p.reason,
    tokens: p.tokens.map((t) => (t.endsWith("ـ") ? { word: normalize(t.slice(0, -1)), prefix: true } : { word: normalize(t), prefix: false })),
    beforeThat: p.beforeThat ?? false,
    endsContent: p.endsContent ?? false,
    example: p.example,
  };
}

/** A relay or formula under its first token. */
function addPhrase(table: Map<string, Phrase[]>, phrase: Phrase): void {
  const key = phrase.tokens[0]!.word;
  const list = table.get(key);
  if (list) list.push(phrase);
  else table.set(key, [phrase]);
}

export function compileClaimsLexicon(files: { file: string; data: CueFile }[]): ClaimsLexicon {
  const forms = new Map<string, CueForm[]>();
  const cues: Cue[] = [];
  const relays = new Map<string, Phrase[]>();
  const formulas = new Map<string, Phrase[]>();
  const sourceSpecs: SourceSpec[] = [];
  const roles = new Map<string, string>();
  const words = Object.fromEntries(WORD_CLASSES.map((c) => [c, new Set<string>()])) as Record<WordClass, Set<string>>;

  for (const { data } of files) {
    for (const stance of STANCES) {
      for (const spec of data.stances?.[stance] ?? []) {
        const cue: Cue = {
          id: spec.id,
          stance,
          reason: spec.reason,
          content: spec.content,
          addressee: spec.addressee ?? [],
          target: spec.target ?? [],
          objectPronoun: spec.objectPronoun ?? false,
          requires: spec.requires ?? [],
          adjacent: spec.adjacent ?? false,
          noContent: new Set((spec.noContent ?? []).map(normalize)),
          with: spec.with ? new Set(spec.with.map(normalize)) : null,
          needs: spec.needs ? { words: new Set(spec.needs.words.map(normalize)), within: spec.needs.within ?? 20, content: spec.needs.content ?? false } : null,
          example: spec.example,
        };
        cues.push(cue);
        const add = (form: string, kind: CueFormKind, gender: Gender | null, jussive = false, present = false) => {
          const key = normalize(form);
          const list = forms.get(key) ?? [];
          if (!list.some((f) => f.cue === cue && f.kind === kind)) list.push({ cue, kind, gender, jussive, present });
          forms.set(key, list);
        };
        if (spec.past) for (const f of pastForms(spec.past)) add(f.form, "verb", f.gender);
        if (spec.present) for (const f of presentForms(spec.present)) add(f.form, "verb", f.gender, f.jussive, true);
        if (spec.participle) for (const f of participleForms(spec.participle)) add(f.form, "participle", f.gender);
        for (const f of spec.forms ?? []) add(f, "verb", null);
        for (const f of spec.nouns ?? []) add(f, "noun", null);
        for (const f of spec.passive ?? []) add(f, "passive", null);
      }
    }
    for (const spec of data.relays ?? []) addPhrase(relays, phraseOf(spec));
    for (const spec of data.formulas ?? []) addPhrase(formulas, phraseOf(spec));
    sourceSpecs.push(...(data.sources ?? []));
    for (const r of data.roles ?? []) for (const t of [r.title, ...r.synonyms]) roles.set(normalize(t), r.title);
    for (const c of WORD_CLASSES) for (const w of data.words?.[c] ?? []) words[c].add(normalize(w));
  }

  // a form listed by several classes keeps the first class of CLASS_ORDER and the prepositions of all
  const sources = new Map<string, SourceWord>();
  const modifiers = new Set<string>();
  const fixedForms = new Set<string>();
  const rank = (c: SourceClass) => CLASS_ORDER.indexOf(c);
  for (const s of [...sourceSpecs].sort((a, b) => rank(a.class) - rank(b.class))) {
    const pp = (s.pp ?? []).map(normalize);
    for (const f of s.forms) for (const g of s.fixed ? withArticle(f) : nounForms(f)) {
      const key = normalize(g);
      if (s.class === "modifier") modifiers.add(key);
      if (s.fixed && s.class !== "descriptor" && s.class !== "modifier") fixedForms.add(key);
      const known = sources.get(key);
      if (known) for (const p of pp) known.pp.add(p);
      else sources.set(key, { class: s.class, refers: s.refers ?? null, subtypes: new Set(s.subtypes ?? []), pp: new Set(pp) });
    }
  }
  const roleLength = Math.max(1, ...[...roles.keys()].map((k) => k.split(" ").length));
  return { forms, cues, relays, formulas, sources, modifiers, fixedForms, roles, roleLength, words, files: files.map((f) => f.file) };
}
