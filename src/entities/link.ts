import type { Entity, Mention, MentionCandidate } from "../core/types.js";
import type { CompiledLexicon } from "../lexicon/compile.js";

/** The id of the entity a candidate belongs to: its lexicon id, else type and normalized name (or date value). */
export function entityIdOf(c: MentionCandidate): string {
  if (c.entryId) return c.entryId;
  if (c.type === "date") return c.value ? `date:${c.value}` : `date:${c.key ?? `${c.start}`}`;
  return `${c.type}:${c.key ?? ""}`;
}

/** Group resolved mentions into entities (one per real-world thing), ordered by first mention. */
export function linkEntities(mentions: MentionCandidate[], lexicon: CompiledLexicon, slice: (s: number, e: number) => string): Entity[] {
  const byId = new Map<string, Entity>();
  for (const c of mentions) {
    const id = entityIdOf(c);
    let entity = byId.get(id);
    if (!entity) {
      const entry = c.entryId ? lexicon.entries.get(c.entryId) : undefined;
      entity = {
        id,
        type: c.type,
        name: entry?.ar ?? slice(c.start, c.end),
        ...(entry ? { nameEn: entry.en } : {}),
        ...(entry?.wikidata ? { wikidata: entry.wikidata } : {}),
        origin: c.origin,
        ...(c.value ? { value: c.value } : {}),
        mentions: [],
      };
      byId.set(id, entity);
    }
    const m: Mention = { start: c.start, end: c.end, text: slice(c.start, c.end), kind: c.kind, origin: c.origin };
    if (c.rule) m.rule = c.rule;
    if (c.origin !== "lexicon" || c.confidence < 1) m.confidence = c.confidence;
    if (c.value) m.value = c.value;
    entity.mentions.push(m);
    // an entity found by name in the lexicon is "lexicon" even if a rule found another of its mentions
    if (c.origin === "lexicon") entity.origin = "lexicon";
  }
  return [...byId.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || (a.id < b.id ? -1 : 1));
}
