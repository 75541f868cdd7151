import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Claim, Entity, IsnadDocument, Mention, Span } from "../../src/core/types.js";
import { extract } from "../../src/index.js";
import { renderHtml } from "../../src/render/html.js";
import { ROOT } from "../helpers/cli.js";

// ---- a tiny HTML reader: fails on unbalanced tags and on a raw "<" in text ----

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
  parent: El | null;
}

const VOID = new Set(["meta", "br"]);
const UNESCAPE: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPE[e]!);

function parse(html: string): El {
  const root: El = { tag: "#root", attrs: {}, children: [], parent: null };
  let open = root;
  const token = /<!DOCTYPE html>|<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)>|([^<]+)|(<)/gy;
  let read = 0;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    read = token.lastIndex;
    const [, closing, tag, attrText, text, rawLt] = m;
    if (rawLt) throw new Error(`raw "<" at ${m.index}: ${html.slice(m.index, m.index + 40)}`);
    if (text !== undefined) {
      if (open.tag !== "style" && /[>"]|&(?!(?:amp|lt|gt|quot|#39);)/.test(text)) throw new Error(`unescaped text: ${text}`);
      open.children.push(open.tag === "style" ? text : unescape(text));
    } else if (closing) {
      if (open.tag !== tag) throw new Error(`</${tag}> closes <${open.tag}> at ${m.index}`);
      open = open.parent!;
    } else if (tag) {
      const attrs: Record<string, string> = {};
      for (const [, k, v] of attrText!.matchAll(/([a-z-]+)="([^"]*)"/g)) attrs[k!] = unescape(v!);
      const el: El = { tag, attrs, children: [], parent: open };
      open.children.push(el);
      if (!VOID.has(tag)) open = el;
    }
  }
  if (read !== html.length || open !== root) throw new Error(`unclosed <${open.tag}> or unreadable input at ${read}`);
  return root;
}

const textOf = (el: El): string => el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
function findAll(el: El, keep: (e: El) => boolean, out: El[] = []): El[] {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (keep(c)) out.push(c);
    findAll(c, keep, out);
  }
  return out;
}
const classes = (e: El) => (e.attrs.class ?? "").split(" ");
/** "entity@start:text" of each mention element, start in code points into the element's text. */
function mentionsAt(el: El, offset = 0, out: string[] = []): string[] {
  for (const c of el.children) {
    if (typeof c === "string") {
      offset += Array.from(c).length;
      continue;
    }
    if (c.tag === "mark" && classes(c).includes("ent")) out.push(`${c.attrs["data-entity"]}@${offset}:${textOf(c)}`);
    mentionsAt(c, offset, out);
    offset += Array.from(textOf(c)).length;
  }
  return out;
}
const article = (root: El) => findAll(root, (e) => e.tag === "article")[0]!;
const mentionEls = (root: El) => findAll(article(root), (e) => e.tag === "mark" && classes(e).includes("ent"));
const claimEls = (root: El, id: string, role: "cue" | "content") =>
  findAll(article(root), (e) => e.attrs["data-claim"] === id && classes(e).includes(role));

// ---- documents built by hand, offsets in code points ----

/** The span of the n-th occurrence of a phrase, in code points. */
function at(text: string, phrase: string, nth = 0): Span {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(phrase, i + 1);
  if (i < 0) throw new Error(`no "${phrase}"`);
  const start = Array.from(text.slice(0, i)).length;
  return { start, end: start + Array.from(phrase).length, text: phrase };
}
const mention = (text: string, phrase: string, kind: Mention["kind"] = "name", nth = 0): Mention => ({ ...at(text, phrase, nth), kind, origin: "lexicon" });

function documentOf(text: string, entities: Entity[], claims: Claim[]): IsnadDocument {
  return {
    schemaVersion: "1.0.0",
    document: {
      source: "test <article>.txt",
      date: "2021-12-23",
      length: Array.from(text).length,
      textHash: "sha256:00000000000000000000000000000000",
      offsetUnit: "codepoint",
      tool: { name: "isnad", version: "0.0.0" },
      lexicons: { fingerprint: "test", entries: 0 },
    },
    entities,
    claims,
    edges: [],
  };
}

// An astral character first, so UTF-16 and code point offsets differ; markup characters and a line break.
const TEXT = '🌍 قال المتحدث باسم الجيش <رسمي> & "مؤكد": إنّ القوات دخلت بغداد أمس.\nوأضاف أنّ الوزير \'زيد\' سيزور دمشق، وقال إنّ الزيارة مهمة.';

const ENTITIES: Entity[] = [
  { id: "army", type: "group", name: "الجيش", nameEn: 'The "Army" <x>', origin: "lexicon", mentions: [mention(TEXT, "الجيش")] },
  { id: "spokesman", type: "person", name: "المتحدث باسم الجيش", origin: "rule", mentions: [mention(TEXT, "المتحدث", "role")] },
  { id: "zaid", type: "person", name: "زيد", nameEn: "Zaid", origin: "lexicon", mentions: [mention(TEXT, "زيد"), mention(TEXT, "الوزير", "role")] },
  { id: "baghdad", type: "place", name: "بغداد", nameEn: "Baghdad", origin: "lexicon", mentions: [mention(TEXT, "بغداد")] },
  { id: "damascus", type: "place", name: "دمشق", nameEn: "Damascus", origin: "lexicon", mentions: [mention(TEXT, "دمشق")] },
  { id: "date-2021-12-22", type: "date", name: "أمس", origin: "rule", value: "2021-12-22", mentions: [mention(TEXT, "أمس")] },
];

const CLAIMS: Claim[] = [
  {
    id: "c-say",
    cue: at(TEXT, "قال"),
    stance: "say",
    speaker: { ...at(TEXT, "المتحدث باسم الجيش"), entity: "spokesman", affiliations: ["army"] },
    content: at(TEXT, "القوات دخلت بغداد أمس"),
    about: ["baghdad"],
    via: ["reuters"],
    date: "date-2021-12-22",
  },
  {
    // the outer claim: its content holds the cue and content of the next one
    id: "c-add",
    cue: at(TEXT, "أضاف"),
    stance: "say",
    speaker: null,
    content: at(TEXT, "الوزير 'زيد' سيزور دمشق، وقال إنّ الزيارة مهمة"),
    about: ["zaid", "damascus"],
  },
  {
    id: "c-nested",
    cue: at(TEXT, "قال", 1),
    stance: "say",
    speaker: { ...at(TEXT, "الوزير"), entity: "zaid", affiliations: [] },
    content: at(TEXT, "الزيارة مهمة"),
    about: [],
  },
];

const DOC = documentOf(TEXT, ENTITIES, CLAIMS);
const HTML = renderHtml(TEXT, DOC);

describe("renderHtml: a self-contained RTL page", () => {
  test("is one Arabic right-to-left page with inline style and nothing fetched or run", () => {
    expect(HTML.startsWith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')).toBe(true);
    expect(HTML).toContain('<meta charset="utf-8">');
    expect(HTML).not.toMatch(/<script|<link|\ssrc=|https?:|url\(|@import/i);
    expect(findAll(parse(HTML), (e) => e.tag === "style")).toHaveLength(1);
  });

  test("tags are balanced and every markup character of the text and attributes is escaped", () => {
    const root = parse(HTML);
    expect(HTML).toContain("&lt;رسمي&gt; &amp; &quot;مؤكد&quot;");
    expect(HTML).toContain("&#39;زيد&#39;");
    expect(HTML).not.toContain("<رسمي>");
    const army = mentionEls(root).find((e) => e.attrs["data-entity"] === "army")!;
    expect(army.attrs.title).toBe('army · The "Army" <x>');
    expect(textOf(findAll(root, (e) => e.tag === "title")[0]!)).toBe("isnad: test <article>.txt");
  });

  test("the highlighted text reads back as the input, code point for code point, line breaks kept", () => {
    expect(textOf(article(parse(HTML)))).toBe(TEXT);
    expect(HTML).toMatch(/\.text \{[^}]*white-space: pre-wrap/);
  });

  test("every mention is highlighted exactly once, with its entity, type and hover text", () => {
    const got = mentionEls(parse(HTML)).map((e) => [e.attrs["data-entity"], textOf(e), e.attrs.class, e.attrs["data-label"], e.attrs.title]);
    expect(got).toEqual([
      ["spokesman", "المتحدث", "ent person minor", "person · role", "spokesman · role"],
      ["army", "الجيش", "ent group", "group", 'army · The "Army" <x>'],
      ["baghdad", "بغداد", "ent place", "place", "baghdad · Baghdad"],
      ["date-2021-12-22", "أمس", "ent date", "date", "date-2021-12-22 · 2021-12-22"],
      ["zaid", "الوزير", "ent person minor", "person · role", "zaid · Zaid · role"],
      ["zaid", "زيد", "ent person", "person", "zaid · Zaid"],
      ["damascus", "دمشق", "ent place", "place", "damascus · Damascus"],
    ]);
    expect(HTML).toMatch(/mark\.ent\.minor \{/);
  });

  test("each claim's cue is boxed and labelled once, its content underlined, and the table links to the cue", () => {
    const root = parse(HTML);
    CLAIMS.forEach((c, i) => {
      const [cue, ...more] = claimEls(root, c.id, "cue");
      expect(more).toHaveLength(0);
      expect([textOf(cue!), cue!.attrs.id, cue!.attrs["data-label"]]).toEqual([c.cue.text, `claim-${i + 1}`, `c${i + 1} say`]);
      expect(claimEls(root, c.id, "content").map(textOf).join("")).toBe(c.content!.text);
    });
    expect(findAll(root, (e) => e.tag === "a").map((a) => a.attrs.href)).toEqual(["#claim-1", "#claim-2", "#claim-3"]);
  });

  test("a claim inside another's content nests in it, with a deeper underline, and mentions nest inside contents", () => {
    const root = parse(HTML);
    const outer = claimEls(root, "c-add", "content")[0]!;
    const inside = (e: El) => findAll(outer, (x) => x === e).length === 1;
    expect(inside(claimEls(root, "c-nested", "cue")[0]!)).toBe(true);
    const nested = claimEls(root, "c-nested", "content")[0]!;
    expect(inside(nested)).toBe(true);
    expect([outer.attrs.class, nested.attrs.class]).toEqual(["content k1 u0", "content k2 u1"]);
    expect(mentionEls(root).filter(inside).map(textOf)).toEqual(["الوزير", "زيد", "دمشق"]);
  });

  test("the claims table has one row per claim: cue, stance, speaker text and entity, content, about, via, date", () => {
    const rows = findAll(parse(HTML), (e) => e.tag === "tr" && e.attrs.id !== undefined);
    const cells = (row: El) => row.children.filter((c): c is El => typeof c !== "string").map(textOf);
    expect(rows.map(cells)).toEqual([
      ["c1", "قال", "say", "المتحدث باسم الجيشspokesmanarmy", "القوات دخلت بغداد أمس", "baghdad", "reuters", "date-2021-12-22"],
      ["c2", "أضاف", "say", "—", "الوزير 'زيد' سيزور دمشق، وقال إنّ الزيارة مهمة", "zaid، damascus", "—", "—"],
      ["c3", "قال", "say", "الوزيرzaid", "الزيارة مهمة", "—", "—", "—"],
    ]);
    expect(HTML).toContain('<bdi class="id" title="أمس · 2021-12-22">date-2021-12-22</bdi>');
  });

  test("a document without claims says so instead of an empty table", () => {
    const html = renderHtml(TEXT, documentOf(TEXT, ENTITIES, []));
    expect(html).toContain("No claims found.");
    expect(html).not.toContain("<table");
  });

  test("output is byte-identical for the same input, and a leading BOM in the text changes nothing", () => {
    expect(renderHtml(TEXT, structuredClone(DOC))).toBe(HTML);
    expect(renderHtml("\uFEFF" + TEXT, DOC)).toBe(HTML);
  });

  test("the repeats of a claim (evidence) are marked as that claim; only the first cue is the link target", () => {
    const claim: Claim = { ...CLAIMS[0]!, evidence: [{ cue: at(TEXT, "قال", 1), content: at(TEXT, "الزيارة مهمة") }, null] };
    const root = parse(renderHtml(TEXT, documentOf(TEXT, ENTITIES, [claim])));
    expect(claimEls(root, "c-say", "cue").map((e) => [textOf(e), e.attrs.id, e.attrs["data-label"]])).toEqual([
      ["قال", "claim-1", "c1 say"],
      ["قال", undefined, "c1 say"],
    ]);
    expect(claimEls(root, "c-say", "content").map(textOf)).toEqual(["القوات دخلت بغداد أمس", "الزيارة مهمة"]);
  });

  test("a content ending inside a mention is split around it; the mention stays whole and labelled once", () => {
    const cut = { ...at(TEXT, "دخلت بغد"), text: "دخلت بغد" };
    const claim: Claim = { id: "cut", cue: at(TEXT, "قال"), stance: "say", speaker: null, content: cut, about: [] };
    const root = parse(renderHtml(TEXT, documentOf(TEXT, ENTITIES, [claim])));
    const baghdad = mentionEls(root).filter((e) => e.attrs["data-entity"] === "baghdad");
    expect(baghdad.map(textOf)).toEqual(["بغداد"]);
    const pieces = claimEls(root, "cut", "content");
    expect(pieces.map(textOf)).toEqual(["دخلت ", "بغد"]);
    expect(baghdad[0]!.children).toContain(pieces[1]);
  });
});

describe("renderHtml over random spans (fast-check)", () => {
  const pieces = ["قاآني", "<", ">", "&", '"', "'", "😀", "🇮🇶", "\n", "\r\n", " ", "،", "إنّ", "a", "\u200F"];
  const input = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }).map((a) => a.join(""));
  const spanIn = (text: string) =>
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Span => {
      const chars = Array.from(text);
      const [s, e] = [a % chars.length, b % chars.length].sort((x, y) => x - y) as [number, number];
      const end = Math.max(e, s + 1);
      return { start: s, end, text: chars.slice(s, end).join("") };
    });
  const case_ = input.chain((text) =>
    fc.record({
      text: fc.constant(text),
      mentions: fc.array(spanIn(text), { maxLength: 6 }),
      claims: fc.array(fc.tuple(spanIn(text), spanIn(text)), { maxLength: 4 }),
    })
  );

  test("any overlap of mentions, cues and contents gives balanced tags, the input text, and every span's pieces", () => {
    fc.assert(
      fc.property(case_, ({ text, mentions, claims }) => {
        const entities: Entity[] = mentions.map((m, i) => ({ id: `e${i}`, type: "person", name: m.text, origin: "rule", mentions: [{ ...m, kind: "name", origin: "rule" }] }));
        const cs: Claim[] = claims.map(([cue, content], i) => ({ id: `c${i}`, cue, stance: "say", speaker: null, content, about: [] }));
        const root = parse(renderHtml(text, documentOf(text, entities, cs)));
        expect(textOf(article(root))).toBe(text);
        const ids = findAll(root, (x) => x.attrs.id !== undefined).map((x) => x.attrs.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of entities) {
          const els = mentionEls(root).filter((x) => x.attrs["data-entity"] === e.id);
          expect(els.map(textOf).join("")).toBe(e.mentions[0]!.text);
          expect(els.filter((x) => x.attrs["data-label"] === "person")).toHaveLength(1);
        }
        for (const c of cs) {
          expect(claimEls(root, c.id, "cue").map(textOf).join("")).toBe(c.cue.text);
          expect(claimEls(root, c.id, "content").map(textOf).join("")).toBe(c.content!.text);
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe("renderHtml on the seed article through extract()", () => {
  const text = readFileSync(join(ROOT, "samples", "seed-qaani-iraq.txt"), "utf8");
  const doc = extract(text, { source: "seed-qaani-iraq.txt" });
  const html = renderHtml(text, doc);

  test("reads back as the article and highlights every mention exactly once", () => {
    const root = parse(html);
    expect(textOf(article(root))).toBe(text);
    const expected = doc.entities.flatMap((e) => e.mentions.map((m) => `${e.id}@${m.start}:${m.text}`));
    expect(expected.length).toBeGreaterThan(20);
    expect(mentionsAt(article(root)).sort()).toEqual(expected.sort());
  });

  test("every claim extract() finds has its cue boxed once and a row in the table", () => {
    const root = parse(html);
    for (const c of doc.claims) {
      // a claim's word-for-word repeats (evidence) are boxed as the same claim
      const repeats = ((c.evidence as { cue?: { start: number; text: string } }[] | undefined) ?? []).filter((e) => e.cue && e.cue.start !== c.cue.start);
      expect(claimEls(root, c.id, "cue").map(textOf).join("")).toBe([c.cue.text, ...repeats.map((e) => e.cue!.text)].join(""));
    }
    expect(findAll(root, (e) => e.tag === "tr" && e.attrs.id !== undefined)).toHaveLength(doc.claims.length);
  });
});
