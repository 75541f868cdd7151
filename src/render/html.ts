/**
 * `--format html`: one self-contained page for people (after spaCy's displaCy): the input with every entity
 * mention highlighted and each claim's cue boxed and content underlined, then a table of the claims.
 *
 * Spans nest and may cross (a cue inside a content, a content ending inside a mention). Marks are inserted
 * into a tree in priority order: mentions first so they stay whole, then cues, then contents; a mark that
 * crosses one already placed is split around it, so the HTML is always well nested.
 */
import type { Claim, Entity, IsnadDocument, Span } from "../core/types.js";

type Role = "mention" | "cue" | "content";

/** One highlighted span of the input, in code points. `attrs` is already escaped. */
interface Mark {
  start: number;
  end: number;
  role: Role;
  className: string;
  attrs: string;
  /** shown after the mark (CSS ::after), on its last piece only */
  label?: string;
  /** id of the mark's first piece, the target of the table's links */
  anchor?: string;
}

/** A piece of a mark placed in the tree: siblings are sorted and never overlap. */
interface Node {
  start: number;
  end: number;
  mark: Mark;
  children: Node[];
}

const ROLE_ORDER: Record<Role, number> = { mention: 0, cue: 1, content: 2 };
const TAGS: Record<Role, string> = { mention: "mark", cue: "span", content: "span" };
/** underline colours, one per claim in turn */
const CLAIM_COLOURS = 6;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function isSpan(v: unknown, length: number): v is Span {
  if (!v || typeof v !== "object") return false;
  const { start, end } = v as Span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length;
}

function mentionMarks(entities: Entity[], length: number): Mark[] {
  const marks: Mark[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      if (!isSpan(m, length)) continue;
      const minor = m.kind !== "name";
      const title = [e.id, e.nameEn, m.value ?? e.value, minor ? m.kind : undefined].filter(Boolean).join(" · ");
      marks.push({
        start: m.start,
        end: m.end,
        role: "mention",
        className: `ent ${e.type}${minor ? " minor" : ""}`,
        attrs: ` data-entity="${escapeHtml(e.id)}" title="${escapeHtml(title)}"`,
        label: minor ? `${e.type} · ${m.kind}` : e.type,
      });
    }
  }
  return marks;
}

/** The cue and content of a claim and of its repeats (`evidence`), numbered as in the table. */
function claimMarks(claims: Claim[], length: number): Mark[] {
  const marks: Mark[] = [];
  claims.forEach((c, i) => {
    const n = `c${i + 1}`;
    const attrs = ` data-claim="${escapeHtml(c.id)}" title="${escapeHtml(`${n} · ${c.stance}${c.speaker ? ` · ${c.speaker.text}` : ""}`)}"`;
    const colour = `k${i % CLAIM_COLOURS}`;
    const repeats = Array.isArray(c.evidence) ? (c.evidence as unknown[]).filter((r): r is Partial<Claim> => !!r && typeof r === "object") : [];
    [c, ...repeats].forEach(({ cue, content }, repeat) => {
      if (isSpan(cue, length)) {
        const anchor = repeat === 0 ? `claim-${i + 1}` : undefined;
        marks.push({ start: cue.start, end: cue.end, role: "cue", className: `cue ${colour}`, attrs, label: `${n} ${c.stance}`, anchor });
      }
      if (isSpan(content, length)) marks.push({ start: content.start, end: content.end, role: "content", className: `content ${colour}`, attrs });
    });
  });
  return marks;
}

/** Index of the first sibling ending after `at` (siblings are sorted and disjoint, so ends are sorted too). */
function firstEndingAfter(siblings: Node[], at: number): number {
  let lo = 0;
  let hi = siblings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (siblings[mid]!.end > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Places [start, end) of a mark among siblings: inside one that holds it, else wrapping the ones it covers,
 * with the parts that cross a sibling's edge placed inside that sibling. */
function insert(siblings: Node[], mark: Mark, start: number, end: number): void {
  const from = firstEndingAfter(siblings, start);
  let to = from;
  while (to < siblings.length && siblings[to]!.start < end) to++;
  const first = siblings[from];
  const last = siblings[to - 1];
  if (to > from && first!.start <= start && end <= first!.end) return insert(first!.children, mark, start, end);
  let lo = from;
  let hi = to;
  if (to > from && first!.start < start) {
    insert(first!.children, mark, start, first!.end);
    start = first!.end;
    lo++;
  }
  if (hi > lo && last!.end > end) {
    insert(last!.children, mark, last!.start, end);
    end = last!.start;
    hi--;
  }
  siblings.splice(lo, hi - lo, { start, end, mark, children: siblings.slice(lo, hi) });
}

function renderNodes(chars: string[], nodes: Node[], start: number, end: number, underlines: number): string {
  let out = "";
  let at = start;
  for (const node of nodes) {
    out += escapeHtml(chars.slice(at, node.start).join(""));
    const { mark } = node;
    const inner = mark.role === "content" ? underlines + 1 : underlines;
    const depth = mark.role === "content" ? ` u${Math.min(underlines, 2)}` : "";
    const id = mark.anchor && node.start === mark.start ? ` id="${mark.anchor}"` : "";
    const label = mark.label && node.end === mark.end ? ` data-label="${escapeHtml(mark.label)}"` : "";
    const tag = TAGS[mark.role];
    out += `<${tag} class="${mark.className}${depth}"${id}${mark.attrs}${label}>`;
    out += renderNodes(chars, node.children, node.start, node.end, inner);
    out += `</${tag}>`;
    at = node.end;
  }
  return out + escapeHtml(chars.slice(at, end).join(""));
}

/** The input as HTML with every mark in place. */
function renderText(chars: string[], doc: IsnadDocument): string {
  const marks = [...mentionMarks(doc.entities, chars.length), ...claimMarks(doc.claims, chars.length)]
    .map((mark, seq) => ({ mark, seq }))
    .sort((a, b) => ROLE_ORDER[a.mark.role] - ROLE_ORDER[b.mark.role] || a.mark.start - b.mark.start || b.mark.end - a.mark.end || a.seq - b.seq);
  const roots: Node[] = [];
  for (const { mark } of marks) insert(roots, mark, mark.start, mark.end);
  return renderNodes(chars, roots, 0, chars.length, 0);
}

/** An entity id, isolated from the surrounding direction, with the entity's name on hover. */
function idChip(id: string, byId: Map<string, Entity>): string {
  const e = byId.get(id);
  const title = e ? [e.name, e.nameEn, e.value].filter(Boolean).join(" · ") : "";
  return `<bdi class="id"${title ? ` title="${escapeHtml(title)}"` : ""}>${escapeHtml(id)}</bdi>`;
}

/** A claim field whose shape other stages decide (via, date): ids, spans, values or plain JSON. */
function fieldHtml(value: unknown, byId: Map<string, Entity>): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return byId.has(value) ? idChip(value, byId) : escapeHtml(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => fieldHtml(v, byId)).filter(Boolean).join("، ");
  const o = value as Record<string, unknown>;
  const parts = [o.text, o.entity, o.value].filter((v) => typeof v === "string").map((v) => fieldHtml(v, byId));
  return parts.length ? parts.join(" ") : escapeHtml(JSON.stringify(value));
}

function claimRow(c: Claim, i: number, byId: Map<string, Entity>): string {
  const cell = (html: string) => `<td>${html || '<span class="none">—</span>'}</td>`;
  const speaker = c.speaker
    ? escapeHtml(c.speaker.text) +
      (c.speaker.entity ? `<br>${idChip(c.speaker.entity, byId)}` : "") +
      (c.speaker.affiliations.length ? `<br><small>${fieldHtml(c.speaker.affiliations, byId)}</small>` : "")
    : "";
  return [
    `<tr id="row-${i + 1}">`,
    `<td><a href="#claim-${i + 1}">c${i + 1}</a></td>`,
    cell(escapeHtml(c.cue.text)),
    cell(escapeHtml(c.stance)),
    cell(speaker),
    cell(c.content ? escapeHtml(c.content.text) : ""),
    cell(fieldHtml(c.about, byId)),
    cell(fieldHtml(c.via, byId)),
    cell(fieldHtml(c.date, byId)),
    "</tr>",
  ].join("");
}

function claimsTable(doc: IsnadDocument): string {
  if (!doc.claims.length) return '<p class="none">No claims found.</p>';
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const head = ["#", "cue", "stance", "speaker", "content", "about", "via", "date"].map((h) => `<th>${h}</th>`).join("");
  return `<table class="claims">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${doc.claims.map((c, i) => claimRow(c, i, byId)).join("\n")}\n</tbody>\n</table>`;
}

const STYLE = `
body { font: 19px/1.6 "Noto Naskh Arabic", "Noto Sans Arabic", Amiri, Tahoma, "DejaVu Sans", sans-serif; color: #1d1d1f; background: #fbfbf8; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.2rem; margin: 0 0 .3rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
.meta, .legend, small, .none { color: #666; font-size: .8rem; }
.legend > * { margin-inline-end: .4rem; }
.text { white-space: pre-wrap; line-height: 2.6; background: #fff; border: 1px solid #ddd; border-radius: .4rem; padding: 1rem 1.4rem; }
.person { --c: 255, 159, 64; } .group { --c: 75, 192, 120; } .place { --c: 54, 162, 235; } .date { --c: 170, 110, 230; }
mark.ent { color: inherit; background: rgba(var(--c), .28); border-radius: .3em; padding: .1em .25em; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.ent.minor { background: rgba(var(--c), .08); outline: 1px dashed rgba(var(--c), .9); outline-offset: -1px; }
[data-label]::after { content: attr(data-label); display: inline-block; font: bold 10px/1.4 system-ui, "DejaVu Sans", sans-serif; text-transform: uppercase; direction: ltr; margin-inline-start: .35em; padding: 0 .35em; border-radius: .25em; vertical-align: middle; text-decoration: none; }
mark.ent[data-label]::after { background: rgb(var(--c)); color: #fff; }
mark.ent.minor[data-label]::after { background: rgba(var(--c), .45); color: #222; font-weight: normal; }
.k0 { --u: #d6336c; } .k1 { --u: #1c7ed6; } .k2 { --u: #37b24d; } .k3 { --u: #f76707; } .k4 { --u: #7048e8; } .k5 { --u: #0c8599; }
.cue { font-weight: bold; border: 2px solid var(--u); border-radius: .25em; padding: 0 .15em; }
.cue[data-label]::after { background: var(--u); color: #fff; }
.content { text-decoration: underline 2px var(--u); text-decoration-skip-ink: none; text-underline-offset: .45em; }
.content.u1 { text-underline-offset: .75em; } .content.u2 { text-underline-offset: 1.05em; text-decoration-style: dashed; }
table.claims { border-collapse: collapse; width: 100%; font-size: .85rem; background: #fff; }
.claims th, .claims td { border: 1px solid #ddd; padding: .3rem .5rem; vertical-align: top; text-align: start; }
.claims th { background: #f1f1ee; font-weight: bold; }
bdi.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8em; color: #444; }
`;

function legend(): string {
  const types = ["person", "group", "place", "date"].map((t) => `<mark class="ent ${t}" data-label="${t}">${t}</mark>`);
  const minor = '<mark class="ent person minor" data-label="person · role">role, gentilic, descriptor, pronoun</mark>';
  return `<p class="legend">${types.join(" ")} ${minor} <span class="cue k0">cue</span> <span class="content k0">content</span></p>`;
}

/** One self-contained HTML page for a document and the text its offsets (code points) index. */
export function renderHtml(text: string, doc: IsnadDocument): string {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const chars = Array.from(input);
  const info = doc.document;
  const mentions = doc.entities.reduce((n, e) => n + e.mentions.length, 0);
  const meta = [
    info.date ? `date ${info.date}` : "",
    `${doc.entities.length} entities`,
    `${mentions} mentions`,
    `${doc.claims.length} claims`,
    `${info.tool.name} ${info.tool.version}`,
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>isnad: ${escapeHtml(info.source)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1><bdi>${escapeHtml(info.source)}</bdi></h1>
<p class="meta">${meta.map(escapeHtml).join(" · ")}</p>
${legend()}
</header>
<main>
<article class="text">${renderText(chars, doc)}</article>
<h2>Claims</h2>
${claimsTable(doc)}
</main>
</body>
</html>
`;
}
