import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntityType } from "../../core/types.js";
import { schemaValidator } from "../../core/ajv.js";
import { filesStamp, readStamped, writeStamped } from "../../core/compiled.js";
import { packagePath } from "../../core/paths.js";
import { normalize } from "../../text/normalize.js";
import { StringTable, type SerialStringTable } from "../../lexicon/table.js";

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

/** A word list to look words up in. The long ones (thousands of words) are static tables (lexicon/table.ts): they load without filling a Set. */
export interface WordSet {
  has(word: string): boolean;
}

/** Every word list, normalized, and every rule: compiled once per process. */
export interface RuleData {
  rules: RuleSpec[];
  stops: Set<string>;
  /** communities (الشيعة، الأكراد): never names */
  communities: Set<string>;
  rawStops: Set<string>;
  common: WordSet;
  notPersonal: WordSet;
  firstNames: WordSet;
  ambiguousFirstNames: WordSet;
  familyNames: WordSet;
  nameParts: WordSet;
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

const ruleFileNames = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "rules.schema.json").sort();
const rulesStamp = (): string => filesStamp(ruleFileNames(RULES_DIR).map((n) => join(RULES_DIR, n)));

/** The rule files (lexicons/rules/*.json), parsed. They ship with the package; tests validate them (ruleFileProblems). */
export function readRuleFiles(dir: string = RULES_DIR): RuleFile[] {
  return ruleFileNames(dir).map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as RuleFile);
}

/** Every problem of the rule files: schema (rules.schema.json), duplicate rule ids, triggers naming no list. */
export function ruleFileProblems(dir: string = RULES_DIR): { file: string; at: string; message: string }[] {
  const validate = schemaValidator(JSON.parse(readFileSync(join(dir, "rules.schema.json"), "utf8")) as object);
  const problems: { file: string; at: string; message: string }[] = [];
  const ids = new Set<string>();
  for (const name of ruleFileNames(dir)) {
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

/** Where `npm run build` writes the rule data as compiled (writeCompiledRuleData). */
const COMPILED_RULES_PATH = packagePath("dist", "rules.compiled.json");

/** The rule data (lexicons/rules/*.json), loaded once per process: as `npm run build` compiled it, while the files are unchanged. */
export function ruleData(): RuleData {
  return (cached ??= compiledRuleData() ?? compileRuleData());
}

/** The rule data as `npm run build` wrote it, or null when it is absent or older than the rule files. */
export function compiledRuleData(): RuleData | null {
  const compiled = readStamped<{ data: unknown }>(COMPILED_RULES_PATH, rulesStamp);
  return compiled && (fromPlain(compiled.data) as RuleData);
}

/** Part of `npm run build`: the compiled rule data, so that a run neither reads nor normalizes the word lists. */
export function writeCompiledRuleData(): void {
  writeStamped(COMPILED_RULES_PATH, rulesStamp(), { data: toPlain(compileRuleData()) });
}

/** Sets, maps and static tables tagged, so that JSON can hold them: {"$set": [...]}, {"$map": [[k, v], ...]}, {"$table": …}. */
function toPlain(v: unknown): unknown {
  if (v instanceof StringTable) return { $table: v.toJSON() };
  if (v instanceof Set) return { $set: [...v].map(toPlain) };
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [k, toPlain(x)]) };
  if (Array.isArray(v)) return v.map(toPlain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

function fromPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? v : v.map(fromPlain); // word lists: as they are
  if (!v || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if (o.$table) return StringTable.fromJSON(o.$table as SerialStringTable);
  if (Array.isArray(o.$set)) return new Set(o.$set.map(fromPlain));
  if (Array.isArray(o.$map)) return new Map((o.$map as [unknown, unknown][]).map(([k, x]) => [k, fromPlain(x)]));
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = fromPlain(o[k]);
  return out;
}

/** The rule data from the rule files: word lists normalized, trigger phrases indexed. */
export function compileRuleData(): RuleData {
  const files = readRuleFiles();
  const list = (set: string, name: string): string[] => files.find((f) => f.set === set)?.lists[name] ?? [];
  /** generated lists are written normalized (scripts/build-gazetteers.mjs) */
  const normalized = (set: string, name: string): Set<string> => new Set(list(set, name));
  const table = (words: Set<string>): WordSet => StringTable.build([...words]);
  const words = files.find((f) => f.set === "words")!;
  const phrases = new Map<string, { set: PhraseSet; bit: number }>();
  for (const f of files) for (const r of f.rules ?? []) for (const t of r.triggers ?? []) if (!phrases.has(t)) phrases.set(t, { set: phraseSet(f.lists[t]!), bit: 1 << phrases.size });
  const ambiguous = wordSet([...list("person", "ambiguousFirstNames"), ...list("names", "ambiguousFirstNames")]);
  return {
    rules: files.flatMap((f) => f.rules ?? []),
    stops: wordSet(Object.values(words.lists).flat()),
    communities: wordSet(words.lists.communities),
    rawStops: new Set(words.rawStops ?? []),
    common: table(normalized("common-words", "common")),
    notPersonal: table(normalized("common-words", "notPersonal")),
    firstNames: table(new Set([...wordSet([...list("person", "firstNames"), ...list("names", "firstNames")])].filter((w) => !ambiguous.has(w)))),
    ambiguousFirstNames: table(ambiguous),
    familyNames: table(normalized("names", "familyNames")),
    nameParts: table(normalized("names", "nameParts")),
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
}
