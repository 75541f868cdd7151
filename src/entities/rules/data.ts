import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntityType } from "../../core/types.js";
import { schemaValidator } from "../../core/ajv.js";
import { packagePath } from "../../core/paths.js";
import { normalize } from "../../text/normalize.js";

export const RULES_DIR = packagePath("lexicons", "rules");

export type RuleKind = "title-name" | "first-name" | "head-name" | "cue-name" | "short-name" | "repeat";

export interface RuleExample {
  text: string;
  mentions: string[];
}

/** One rule as written in lexicons/rules/*.json. */
export interface RuleSpec {
  id: string;
  kind: RuleKind;
  type: Exclude<EntityType, "date">;
  reason: string;
  triggers?: string[];
  complement?: boolean;
  confidence: number;
  examples: RuleExample[];
}

interface RuleFile {
  set: string;
  lists: Record<string, string[]>;
  rawStops?: string[];
  rules?: RuleSpec[];
}

/** A set of phrases over normalized tokens: first token → the phrases starting with it, longest first. */
export type PhraseSet = Map<string, string[][]>;

/** Every word list, normalized, and every rule: compiled once per process. */
export interface RuleData {
  rules: RuleSpec[];
  stops: Set<string>;
  /** communities (الشيعة، الأكراد): never names */
  communities: Set<string>;
  rawStops: Set<string>;
  common: Set<string>;
  notPersonal: Set<string>;
  firstNames: Set<string>;
  ambiguousFirstNames: Set<string>;
  familyNames: Set<string>;
  nameParts: Set<string>;
  particles: Set<string>;
  suffixes: Set<string>;
  /** الأول، الثاني … الأكبر: end a name, never stand for it */
  ordinals: Set<string>;
  modifiers: Set<string>;
  complements: Set<string>;
  /** first words of honorifics and offices */
  titles: Set<string>;
  /** trigger phrases of each list a rule names (honorifics, offices, heads, cues), and the list's bit in a word's trigger mask */
  phrases: Map<string, { set: PhraseSet; bit: number }>;
  /** single words the lexicons give a type that usage mostly does not (homographs.generated.json) */
  homographs: Record<"person" | "group" | "place", Set<string>>;
  groupOutside: Set<string>;
  /** group heads whose definite words describe rather than name (وزارة الخارجية): a name needs a naming word */
  groupDescriptive: Set<string>;
  placeWeak: Set<string>;
  /** lexicon subtypes of a state's institutions (armies, ministries …) and of publications and channels */
  institutionSubtypes: Set<string>;
  titleSubtypes: Set<string>;
  /** lexicon subtypes of groups whose multi-word names are names only where the tagger names something there */
  confirmedSubtypes: Set<string>;
}

const tokensOf = (s: string): string[] => normalize(s).split(/\s+/).filter(Boolean);
const wordSet = (words: string[] = []): Set<string> => new Set(words.map((w) => tokensOf(w).join(" ")));

function phraseSet(words: string[]): PhraseSet {
  const out: PhraseSet = new Map();
  for (const w of words) {
    const toks = tokensOf(w);
    if (!toks.length) continue;
    const list = out.get(toks[0]!) ?? [];
    if (!list.some((p) => p.join(" ") === toks.join(" "))) list.push(toks);
    out.set(toks[0]!, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
}

/** The rule files (lexicons/rules/*.json), parsed. They ship with the package; tests validate them (ruleFileProblems). */
export function readRuleFiles(dir: string = RULES_DIR): RuleFile[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".json") && n !== "rules.schema.json")
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as RuleFile);
}

/** Every problem of the rule files: schema (rules.schema.json), duplicate rule ids, triggers naming no list. */
export function ruleFileProblems(dir: string = RULES_DIR): { file: string; at: string; message: string }[] {
  const validate = schemaValidator(JSON.parse(readFileSync(join(dir, "rules.schema.json"), "utf8")) as object);
  const problems: { file: string; at: string; message: string }[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "rules.schema.json").sort()) {
    const file = `lexicons/rules/${name}`;
    const data = JSON.parse(readFileSync(join(dir, name), "utf8")) as unknown;
    if (!validate(data)) {
      for (const e of validate.errors ?? []) problems.push({ file, at: e.instancePath || "/", message: e.message ?? "invalid" });
      continue;
    }
    const rf = data as RuleFile;
    for (const [i, r] of (rf.rules ?? []).entries()) {
      if (ids.has(r.id)) problems.push({ file, at: `/rules/${i}`, message: `duplicate rule id "${r.id}"` });
      ids.add(r.id);
      for (const t of r.triggers ?? []) if (!rf.lists[t]) problems.push({ file, at: `/rules/${i}/triggers`, message: `unknown list "${t}"` });
    }
  }
  return problems;
}

let cached: RuleData | null = null;

/** The compiled rule data (lexicons/rules/*.json), loaded once per process. */
export function ruleData(): RuleData {
  if (cached) return cached;
  const files = readRuleFiles();
  const list = (set: string, name: string): string[] => files.find((f) => f.set === set)?.lists[name] ?? [];
  /** generated lists are written normalized (scripts/build-gazetteers.mjs) */
  const normalized = (set: string, name: string): Set<string> => new Set(list(set, name));
  const words = files.find((f) => f.set === "words")!;
  const phrases = new Map<string, { set: PhraseSet; bit: number }>();
  for (const f of files) for (const r of f.rules ?? []) for (const t of r.triggers ?? []) if (!phrases.has(t)) phrases.set(t, { set: phraseSet(f.lists[t]!), bit: 1 << phrases.size });
  const ambiguous = wordSet([...list("person", "ambiguousFirstNames"), ...list("names", "ambiguousFirstNames")]);
  cached = {
    rules: files.flatMap((f) => f.rules ?? []),
    stops: wordSet(Object.values(words.lists).flat()),
    communities: wordSet(words.lists.communities),
    rawStops: new Set(words.rawStops ?? []),
    common: normalized("common-words", "common"),
    notPersonal: normalized("common-words", "notPersonal"),
    firstNames: new Set([...wordSet([...list("person", "firstNames"), ...list("names", "firstNames")])].filter((w) => !ambiguous.has(w))),
    ambiguousFirstNames: ambiguous,
    familyNames: normalized("names", "familyNames"),
    nameParts: normalized("names", "nameParts"),
    particles: wordSet(list("person", "particles")),
    suffixes: wordSet(list("person", "suffixes")),
    ordinals: wordSet(list("person", "ordinals")),
    modifiers: wordSet(list("person", "modifiers")),
    complements: wordSet(list("person", "complements")),
    titles: new Set([...list("person", "honorifics"), ...list("person", "offices")].map((w) => tokensOf(w)[0]!)),
    phrases,
    homographs: { person: normalized("homographs", "person"), group: normalized("homographs", "group"), place: normalized("homographs", "place") },
    groupOutside: wordSet(list("group", "outside")),
    groupDescriptive: wordSet(list("group", "descriptive")),
    placeWeak: wordSet(list("place", "weak")),
    institutionSubtypes: new Set(list("group", "institutionSubtypes")),
    titleSubtypes: new Set(list("group", "titleSubtypes")),
    confirmedSubtypes: new Set(list("group", "confirmedSubtypes")),
  };
  return cached;
}
