import { normalize } from "../text/normalize.js";
import type { LexiconEntry, LexiconProblem } from "./types.js";

/** Normalized key of a surface form: the matcher sees aliases this way. */
export const aliasKey = (s: string): string => normalize(s).replace(/\s+/g, " ").trim();

export function namesOf(e: LexiconEntry): string[] {
  return [e.ar, ...(e.aliases ?? [])];
}

/** Ids an entry points at (memberOf, partOf, country, roles.of). */
export function relatedIds(e: LexiconEntry): string[] {
  return [...(e.memberOf ?? []), ...(e.partOf ?? []), ...(e.country ? [e.country] : []), ...(e.roles ?? []).flatMap((r) => (r.of ? [r.of] : []))];
}

/** A date prefix as a day number range: 2020 → [2020-01-01, 2020-12-31]. */
function dayRange(d: string | null | undefined, end: boolean): number {
  if (!d) return end ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  const [y, m, day] = d.split("-").map(Number) as [number, number | undefined, number | undefined];
  let t: number;
  if (day !== undefined) t = Date.UTC(y, m! - 1, day);
  else if (end) t = Date.UTC(y, m ?? 12, 0); // day 0 of the next month: the last day of the period
  else t = Date.UTC(y, (m ?? 1) - 1, 1);
  return t / 86400000;
}

/**
 * Cross-entry checks: an alias shared by entries (of different types, or of the same type) unless marked
 * ambiguous, references to unknown ids, overlapping dated roles for one office (a month of handover is
 * tolerated), memberOf cycles, and `ambiguous` values that are not names of the entry.
 */
export function lintEntries(entries: Map<string, LexiconEntry>, fileOf: Map<string, string>): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  const warn = (id: string, message: string) => {
    const where = fileOf.get(id) ?? "";
    const [file, at] = where.split(" at ");
    problems.push({ file: file ?? "", at: at ?? "", message: `${id}: ${message}`, severity: "warning" });
  };
  const byAlias = new Map<string, { id: string; type: string; ambiguous: boolean }[]>();
  for (const e of entries.values()) {
    const amb = new Set((e.ambiguous ?? []).map(aliasKey));
    const names = new Set(namesOf(e).map(aliasKey));
    for (const a of amb) if (!names.has(a)) warn(e.id, `ambiguous "${a}" is not one of its names`);
    for (const k of names) {
      const list = byAlias.get(k) ?? [];
      list.push({ id: e.id, type: e.type, ambiguous: amb.has(k) });
      byAlias.set(k, list);
    }
    for (const r of relatedIds(e)) if (!entries.has(r)) warn(e.id, `refers to unknown id "${r}"`);
  }
  for (const [alias, list] of byAlias) {
    if (list.length < 2) continue;
    const unmarked = list.filter((x) => !x.ambiguous);
    if (unmarked.length < 2) continue;
    // reported on every entry after the first (a user's entry comes after the built-in it collides with)
    const first = unmarked[0]!;
    for (const x of unmarked.slice(1)) {
      warn(x.id, x.type !== first.type ? `alias "${alias}" is also claimed by ${first.id} (${first.type}); mark it ambiguous` : `alias "${alias}" is shared with ${first.id}; mark it ambiguous`);
    }
  }
  // overlapping roles for one office
  const offices = new Map<string, { id: string; from: number; to: number }[]>();
  for (const e of entries.values()) {
    for (const r of e.roles ?? []) {
      if (!r.of) continue;
      const key = `${aliasKey(r.title)}|${r.of}${r.post ? ` (${r.post})` : ""}`;
      const list = offices.get(key) ?? [];
      list.push({ id: e.id, from: dayRange(r.from, false), to: dayRange(r.to, true) });
      offices.set(key, list);
    }
  }
  for (const [office, list] of offices) {
    list.sort((a, b) => a.from - b.from);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!, b = list[j]!;
        if (a.id !== b.id && Math.min(a.to, b.to) - Math.max(a.from, b.from) > 31) warn(b.id, `role ${office.replace("|", " of ")} overlaps with ${a.id}`);
      }
    }
  }
  // memberOf cycles
  const state = new Map<string, number>();
  const visit = (id: string, path: string[]): void => {
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) {
      warn(id, `memberOf cycle: ${[...path.slice(path.indexOf(id)), id].join(" → ")}`);
      return;
    }
    state.set(id, 1);
    for (const m of entries.get(id)?.memberOf ?? []) if (entries.has(m)) visit(m, [...path, id]);
    state.set(id, 2);
  };
  for (const id of [...entries.keys()].sort()) visit(id, []);
  return problems;
}
