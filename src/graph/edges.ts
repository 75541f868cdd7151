/**
 * Graph edges derived from the claims: speaker → claim (said), claim → what it is about (about, with the
 * stance), claim → addressee (to), claim → source (via), and one summary edge speaker → entity per stance
 * with the claims behind it. Unnamed speakers speak through the groups and countries they belong to.
 */
import type { Claim, Edge } from "../core/types.js";

interface Link {
  entity: string | null;
  affiliations?: string[];
  relation?: string;
}

const ORDER = ["said", "about", "to", "via", "stance"];
/**
 * Ids in natural order: digit runs compare as numbers (c2 before c10), the rest by code unit.
 * Written out because creating an Intl.Collator costs ~20 ms of start-up.
 */
export function compareIds(a: string, b: string): number {
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i), y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      const ei = digitsEnd(a, i), ej = digitsEnd(b, j);
      const da = a.slice(i, ei).replace(/^0+(?=\d)/, ""), db = b.slice(j, ej).replace(/^0+(?=\d)/, "");
      if (da.length !== db.length) return da.length - db.length;
      if (da !== db) return da < db ? -1 : 1;
      i = ei; j = ej;
    } else {
      if (x !== y) return x - y;
      i++; j++;
    }
  }
  return (a.length - i) - (b.length - j) || (a < b ? -1 : a > b ? 1 : 0);
}
const isDigit = (c: number) => c >= 48 && c <= 57;
function digitsEnd(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** The entities a speaker stands for: its entity, else its affiliations. */
function speakerIds(claim: Claim): string[] {
  const s = claim.speaker;
  if (!s) return [];
  return s.entity ? [s.entity] : [...s.affiliations];
}

export function claimEdges(claims: Claim[]): Edge[] {
  const edges: Edge[] = [];
  const summary = new Map<string, { source: string; target: string; stance: string; claims: string[] }>();
  for (const c of claims) {
    const speakers = speakerIds(c);
    for (const s of speakers) edges.push({ type: "said", source: s, target: c.id, ...(c.speaker?.entity ? {} : { affiliation: true }) });
    for (const a of c.about) edges.push({ type: "about", source: c.id, target: a, stance: c.stance });
    const addressee = c.addressee as Link | undefined;
    if (addressee?.entity) edges.push({ type: "to", source: c.id, target: addressee.entity });
    (c.via as Link[] | undefined)?.forEach((v, i) => {
      if (v.entity) edges.push({ type: "via", source: c.id, target: v.entity, relation: v.relation ?? "reported", order: i });
    });
    for (const s of speakers) {
      for (const a of c.about) {
        if (a === s) continue;
        const key = `${s}\u0000${a}\u0000${c.stance}`;
        const e = summary.get(key) ?? { source: s, target: a, stance: c.stance, claims: [] };
        e.claims.push(c.id);
        summary.set(key, e);
      }
    }
  }
  for (const e of summary.values()) edges.push({ type: "stance", source: e.source, target: e.target, stance: e.stance, claims: e.claims.sort(compareIds) });
  const rank = (e: Edge) => ORDER.indexOf(e.type);
  return edges.sort((a, b) => rank(a) - rank(b) || compareIds(a.source, b.source) || compareIds(a.target, b.target) || compareIds(String(a.stance ?? ""), String(b.stance ?? "")));
}
