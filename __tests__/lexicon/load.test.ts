import { describe, expect, test } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LexiconError } from "../../src/core/errors.js";
import { loadLexicons, parseLexicon } from "../../src/lexicon/load.js";
import { lintEntries } from "../../src/lexicon/lint.js";
import type { LexiconEntry } from "../../src/lexicon/types.js";
import { tempDir } from "../helpers/cli.js";

const entry = (e: Partial<LexiconEntry>) => ({ source: "test", en: "x", ...e }) as LexiconEntry;

describe("parseLexicon", () => {
  test("schema errors name the file and the JSON path", () => {
    const { problems } = parseLexicon(JSON.stringify({ lexicon: "t", entries: [{ id: "Bad Id", type: "city", ar: "x", en: "x", source: "s" }] }), "my.json");
    expect(problems.map((p) => `${p.file} ${p.at}`)).toEqual(expect.arrayContaining(["my.json /entries/0/id", "my.json /entries/0/type"]));
  });

  test("invalid JSON is reported with its line", () => {
    const { problems } = parseLexicon('{\n "lexicon": "t",\n "entries": [,]\n}', "broken.json");
    expect(problems[0]).toMatchObject({ file: "broken.json", at: "line 3" });
  });
});

describe("loadLexicons with user files", () => {
  const dir = tempDir();
  const write = (name: string, data: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(data));
    return p;
  };

  test("user entries win over built-ins and `disabled` switches a built-in off", () => {
    const builtins = loadLexicons();
    const someId = [...builtins.entries.keys()][0];
    if (someId === undefined) return expect(builtins.entries.size).toBe(0);
    const f = write("override.json", {
      lexicon: "mine",
      entries: [
        { id: "my-person", type: "person", ar: "فلان الفلاني", en: "Fulan", source: "me" },
        { id: someId, disabled: true },
      ],
    });
    const set = loadLexicons({ extra: [f] });
    expect(set.entries.get("my-person")?.en).toBe("Fulan");
    expect(set.entries.has(someId)).toBe(false);
  });

  test("duplicate ids inside one layer are an error naming both places", () => {
    const f = write("dup.json", { lexicon: "d", entries: [
      { id: "a", type: "person", ar: "أ", en: "a", source: "s" },
      { id: "a", type: "person", ar: "ب", en: "b", source: "s" },
    ] });
    expect(() => loadLexicons({ builtin: false, extra: [f] })).toThrow(LexiconError);
    expect(() => loadLexicons({ builtin: false, extra: [f] })).toThrow(/dup\.json at \/entries\/1: duplicate id "a"/);
  });
});

describe("lintEntries", () => {
  const lint = (entries: LexiconEntry[]) => {
    const map = new Map(entries.map((e) => [e.id, e]));
    return lintEntries(map, new Map(entries.map((e, i) => [e.id, `t.json at /entries/${i}`]))).map((p) => p.message);
  };

  test("an alias claimed by entries of different types is reported unless marked ambiguous", () => {
    const a = entry({ id: "sadr", type: "person", ar: "مقتدى الصدر", aliases: ["الصدر"] });
    const b = entry({ id: "sadr-city", type: "place", ar: "مدينة الصدر", aliases: ["الصدر"] });
    expect(lint([a, b]).join()).toMatch(/sadr-city: alias "الصدر" is also claimed by sadr \(person\)/);
    expect(lint([{ ...a, ambiguous: ["الصدر"] }, b])).toEqual([]);
  });

  test("unknown references, overlapping roles for one office and memberOf cycles", () => {
    const msgs = lint([
      entry({ id: "p1", type: "person", ar: "أ", roles: [{ title: "رئيس الوزراء", of: "iraq", from: "2020-05-07", to: "2022-10-27" }] }),
      entry({ id: "p2", type: "person", ar: "ب", roles: [{ title: "رئيس الوزراء", of: "iraq", from: "2021-01", to: null }] }),
      entry({ id: "iraq", type: "place", ar: "العراق" }),
      entry({ id: "g1", type: "group", ar: "ج", memberOf: ["g2"] }),
      entry({ id: "g2", type: "group", ar: "د", memberOf: ["g1", "nowhere"] }),
    ]).join("\n");
    expect(msgs).toMatch(/p2: role رئيس الوزراء of iraq overlaps with p1/);
    expect(msgs).toMatch(/refers to unknown id "nowhere"/);
    expect(msgs).toMatch(/memberOf cycle: g1 → g2 → g1/);
  });

  test("a handover within a month is not an overlap", () => {
    expect(lint([
      entry({ id: "p1", type: "person", ar: "أ", roles: [{ title: "رئيس الوزراء", of: "iraq", from: "2018-10", to: "2020-05" }] }),
      entry({ id: "p2", type: "person", ar: "ب", roles: [{ title: "رئيس الوزراء", of: "iraq", from: "2020-05", to: "2022-10" }] }),
      entry({ id: "iraq", type: "place", ar: "العراق" }),
    ])).toEqual([]);
  });
});

describe("compileLexicon over the compiled built-ins", () => {
  test("a user lexicon applied to the compiled built-ins matches exactly like a compile from scratch", async () => {
    const { compileLexicon } = await import("../../src/lexicon/compile.js");
    const { extract } = await import("../../src/index.js");
    const { readFileSync } = await import("node:fs");
    const { SEED } = await import("../helpers/cli.js");
    const base = compileLexicon(loadLexicons());
    const [first, second] = [...base.entries.values()];
    const f = join(tempDir(), "user.json");
    writeFileSync(f, JSON.stringify({ lexicon: "u", entries: [
      { id: "iraq-user", type: "place", ar: "بلاد الرافدين", en: "Mesopotamia", source: "me" },
      ...(first ? [{ ...first, aliases: [...(first.aliases ?? []), "اسم مستعار جديد"] }] : []),
      ...(second ? [{ id: second.id, disabled: true }] : []),
    ] }));
    const overlay = compileLexicon(loadLexicons({ extra: [f], builtinEntries: base.entries }), base);
    const full = compileLexicon(loadLexicons({ extra: [f] }));
    expect(overlay.fingerprint).toBe(full.fingerprint);
    expect([...overlay.hits].sort()).toEqual([...full.hits].sort());
    const text = readFileSync(SEED, "utf8") + "\nفي بلاد الرافدين اسم مستعار جديد";
    expect(JSON.stringify(extract(text, { lexicon: overlay }))).toBe(JSON.stringify(extract(text, { lexicon: full })));
    // the built-ins' own trie is untouched
    expect(JSON.stringify(extract(text, { lexicon: base }))).toBe(JSON.stringify(extract(text, { lexicon: compileLexicon(loadLexicons()) })));
  });
});
