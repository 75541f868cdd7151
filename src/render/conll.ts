import type { IsnadDocument } from "../core/types.js";
import { codePointIndexer } from "../text/offsets.js";
import { tokenize } from "../text/tokenize.js";

/** CoNLL types of the entity types a CoNLL file carries (dates are left out). */
const CONLL_TYPE: Record<string, string> = { person: "PERS", group: "ORG", place: "LOC" };

/**
 * One document as CoNLL: a token per line ("token TAG", BIO tags PERS, ORG, LOC), a blank line after each
 * sentence, for conlleval or seqeval. The text is tokenized again (src/text/tokenize.ts); a name mention tags
 * the tokens it overlaps (وبغداد is B-LOC for the mention بغداد), the first mention to reach a token keeps it,
 * as score.mjs projects them. Mentions that are not names (gentilic, role, descriptor, pronoun) tag nothing.
 */
export function renderConll(text: string, doc: IsnadDocument): string {
  const { tokens, sentences } = tokenize(text);
  const cp = codePointIndexer(text);
  const tags = tokens.map(() => "O");
  const mentions = doc.entities
    .flatMap((e) => (CONLL_TYPE[e.type] ? e.mentions.filter((m) => m.kind === "name").map((m) => ({ start: m.start, end: m.end, type: CONLL_TYPE[e.type]! })) : []))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let k = 0;
  for (const m of mentions) {
    while (k < tokens.length && cp(tokens[k]!.end) <= m.start) k++;
    let first = true;
    for (let i = k; i < tokens.length && cp(tokens[i]!.start) < m.end; i++) {
      if (tags[i] === "O") tags[i] = `${first ? "B" : "I"}-${m.type}`;
      first = false;
    }
  }
  const lines: string[] = [];
  for (const s of sentences) {
    for (let i = s.firstToken; i < s.endToken; i++) lines.push(`${text.slice(tokens[i]!.start, tokens[i]!.end)} ${tags[i]}`);
    lines.push("");
  }
  return lines.join("\n"); // every sentence ends with "", so the text ends with one newline
}
