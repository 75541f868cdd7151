import type { MentionCandidate } from "../core/types.js";
import type { CompiledLexicon } from "../lexicon/compile.js";

const ORIGIN_RANK = { lexicon: 0, rule: 1, model: 2 } as const;

/**
 * Keep an ambiguous lexicon match only when the document confirms one of the entries it may stand for:
 * that entry, or an entry related to it, is also named unambiguously.
 */
export function confirmAmbiguous(candidates: MentionCandidate[], lexicon: CompiledLexicon): MentionCandidate[] {
  const named = new Set<string>();
  for (const c of candidates) if (c.entryId && !c.ambiguous) named.add(c.entryId);
  const confirmed = (id: string) => {
    if (named.has(id)) return true;
    for (const r of lexicon.related.get(id) ?? []) if (named.has(r)) return true;
    return false;
  };
  const out: MentionCandidate[] = [];
  for (const c of candidates) {
    if (!c.ambiguous) {
      out.push(c);
      continue;
    }
    const id = (c.alternatives ?? [c.entryId!]).find(confirmed);
    if (!id) continue;
    const entry = lexicon.entries.get(id)!;
    const { alternatives: _alternatives, ...rest } = c;
    out.push({ ...rest, entryId: id, type: entry.type });
  }
  return out;
}

/**
 * Overlapping candidates: the longest (in tokens) wins, then lexicon over rule over model, then the more
 * confident, then the earlier. Deterministic for any input order.
 */
export function resolveOverlaps(candidates: MentionCandidate[]): MentionCandidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) ||
      b.end - b.start - (a.end - a.start) ||
      ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin] ||
      b.confidence - a.confidence ||
      a.start - b.start ||
      (a.entryId ?? a.key ?? "").localeCompare(b.entryId ?? b.key ?? "")
  );
  const kept: MentionCandidate[] = [];
  const taken: [number, number][] = [];
  for (const c of sorted) {
    if (taken.some(([s, e]) => c.start < e && s < c.end)) continue;
    kept.push(c);
    taken.push([c.start, c.end]);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
