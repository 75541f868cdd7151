/**
 * The claims lexicon as compiled JSON: `npm run build` (scripts/compile-cues.mjs) validates lexicons/cues once
 * and writes dist/cues.compiled.json, so that start-up neither loads ajv nor inflects every cue and source word.
 * Sets and maps are written as arrays in their order; a cue form points to its cue by index.
 */
import { packagePath } from "../core/paths.js";
import { PackedStrings, StaticMap, StringTable, type SerialPackedStrings, type SerialStringTable } from "../lexicon/table.js";
import type { ClaimsLexicon, Cue, CueForm, CueFormKind, Phrase, SourceWord, WordClass } from "./lexicon.js";
import type { Gender } from "./morph.js";

export const COMPILED_CUES_PATH = packagePath("dist", "cues.compiled.json");

/** Bumped when the layout below changes: a file of another version is not read. */
const FORMAT = 2;

type CueJson = Omit<Cue, "noContent" | "with" | "needs"> & {
  noContent: string[];
  with: string[] | null;
  needs: { words: string[]; within: number; content: boolean } | null;
};
type SourceWordJson = Omit<SourceWord, "subtypes" | "pp"> & { subtypes: string[]; pp: string[] };

interface CompiledCues {
  format: number;
  stamp: string;
  cues: CueJson[];
  /** normalized words, and for each its forms: "cue index,kind,gender,jussive,present" joined by ";" (gender "" for none, flags 1/0) */
  formWords: SerialStringTable;
  forms: SerialPackedStrings;
  relays: [string, Phrase[]][];
  formulas: [string, Phrase[]][];
  /** distinct source words, each normalized form, and the index of each form's word */
  sourceWords: SourceWordJson[];
  sourceForms: SerialStringTable;
  sources: number[];
  modifiers: string[];
  fixedForms: string[];
  roles: [string, string][];
  roleLength: number;
  words: Record<WordClass, string[]>;
  files: string[];
}

export function serializeClaimsLexicon(lex: ClaimsLexicon, stamp: string): string {
  const cueIndex = new Map(lex.cues.map((c, i) => [c, i]));
  const sourceWords: SourceWordJson[] = [];
  const sourceIndex = new Map<string, number>();
  const sources: [string, number][] = [];
  for (const [key, w] of lex.sources.entries()) {
    const json: SourceWordJson = { class: w.class, refers: w.refers, subtypes: [...w.subtypes], pp: [...w.pp] };
    const text = JSON.stringify(json);
    let i = sourceIndex.get(text);
    if (i === undefined) {
      sourceIndex.set(text, (i = sourceWords.length));
      sourceWords.push(json);
    }
    sources.push([key, i]);
  }
  const compiled: CompiledCues = {
    format: FORMAT,
    stamp,
    cues: lex.cues.map((c) => ({
      ...c,
      noContent: [...c.noContent],
      with: c.with ? [...c.with] : null,
      needs: c.needs ? { ...c.needs, words: [...c.needs.words] } : null,
    })),
    formWords: StringTable.build([...lex.forms.entries()].map(([key]) => key)).toJSON(),
    forms: PackedStrings.of([...lex.forms.entries()].map(([, forms]) => forms.map((f) => [cueIndex.get(f.cue)!, f.kind, f.gender ?? "", +f.jussive, +f.present].join(",")).join(";"))).toJSON(),
    relays: [...lex.relays],
    formulas: [...lex.formulas],
    sourceWords,
    sourceForms: StringTable.build(sources.map(([key]) => key)).toJSON(),
    sources: sources.map(([, i]) => i),
    modifiers: [...lex.modifiers],
    fixedForms: [...lex.fixedForms],
    roles: [...lex.roles],
    roleLength: lex.roleLength,
    words: Object.fromEntries(Object.entries(lex.words).map(([c, set]) => [c, [...set]])) as Record<WordClass, string[]>,
    files: lex.files,
  };
  return JSON.stringify(compiled);
}

/** The lexicon in a compiled file, or null when the file is of another format or `stamp` is not the one it was made from. */
export function deserializeClaimsLexicon(json: string, stamp: string): ClaimsLexicon | null {
  const d = JSON.parse(json) as CompiledCues;
  if (d.format !== FORMAT || d.stamp !== stamp) return null;
  const cues: Cue[] = d.cues.map((c) => ({
    ...c,
    noContent: new Set(c.noContent),
    with: c.with ? new Set(c.with) : null,
    needs: c.needs ? { ...c.needs, words: new Set(c.needs.words) } : null,
  }));
  const sourceWords: SourceWord[] = d.sourceWords.map((w) => ({ ...w, subtypes: new Set(w.subtypes), pp: new Set(w.pp) }));
  // static tables, each value made when first read: this runs at every start
  const formTexts = PackedStrings.fromJSON(d.forms);
  const forms = new StaticMap(StringTable.fromJSON(d.formWords), (i) =>
    formTexts.at(i).split(";").map((f): CueForm => {
      const [cue, kind, gender, jussive, present] = f.split(",") as [string, CueFormKind, Gender | "", string, string];
      return { cue: cues[Number(cue)]!, kind, gender: gender || null, jussive: jussive === "1", present: present === "1" };
    })
  );
  const sources = new StaticMap(StringTable.fromJSON(d.sourceForms), (i) => sourceWords[d.sources[i]!]!);
  return {
    forms,
    cues,
    relays: new Map(d.relays),
    formulas: new Map(d.formulas),
    sources,
    modifiers: new Set(d.modifiers),
    fixedForms: new Set(d.fixedForms),
    roles: new Map(d.roles),
    roleLength: d.roleLength,
    words: Object.fromEntries(Object.entries(d.words).map(([c, list]) => [c, new Set(list)])) as Record<WordClass, Set<string>>,
    files: d.files,
  };
}
