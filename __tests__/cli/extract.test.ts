import { describe, expect, test } from "@jest/globals";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, SEED, tempDir } from "../helpers/cli.js";
import { schemaErrors } from "../helpers/schema.js";

const ARTICLE = "قال قائد فيلق القدس إسماعيل قاآني في بغداد إنّ العراق مهم.\n";
const lines = (s: string) => s.split("\n").filter(Boolean).map((l) => JSON.parse(l));

function corpus(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "a", "deep"), { recursive: true });
  mkdirSync(join(dir, "b"));
  writeFileSync(join(dir, "a", "x.txt"), ARTICLE);
  writeFileSync(join(dir, "b", "x.txt"), "وصل قاآني إلى طهران.");
  writeFileSync(join(dir, "a", "deep", "z.txt"), "");
  writeFileSync(join(dir, "notes.md"), "not a txt file");
  return dir;
}

describe("isnad extract: inputs", () => {
  test("a file: one JSON document on stdout (compact when piped), valid against the schema", () => {
    const r = runCli(["extract", SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(schemaErrors(doc)).toBe("");
    expect(doc.document).toMatchObject({ source: SEED, offsetUnit: "codepoint", tool: { name: "isnad" } });
  });

  test("stdin when no path or - is given", () => {
    for (const args of [["extract"], ["extract", "-"]]) {
      const r = runCli(args, { input: ARTICLE });
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.document.source).toBe("-");
      expect(doc.entities.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(["esmail-qaani", "baghdad", "iraq"]));
    }
  });

  test("--pretty indents, --compact does not", () => {
    expect(runCli(["extract", "--pretty"], { input: ARTICLE }).stdout).toMatch(/^\{\n  "schemaVersion"/);
    expect(runCli(["extract", "--compact"], { input: ARTICLE }).stdout).toMatch(/^\{"schemaVersion"/);
  });

  test("a folder: all *.txt inside, recursively, in a stable order, one compact document per line", () => {
    const dir = corpus();
    const r = runCli(["extract", dir]);
    expect(r.status).toBe(0);
    const docs = lines(r.stdout);
    expect(docs.map((d) => d.document.source.slice(dir.length + 1))).toEqual(["a/deep/z.txt", "a/x.txt", "b/x.txt"]);
    expect(docs[0]).toMatchObject({ entities: [], claims: [], edges: [], document: { length: 0 } });
  });

  test("--out writes one file per input mirroring the paths, so a/x.txt and b/x.txt never collide", () => {
    const dir = corpus();
    const out = join(tempDir(), "out");
    const r = runCli(["extract", join(dir, "a"), join(dir, "b", "x.txt"), "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(out, "a", "x.json"), "utf8")).document.source).toBe(join(dir, "a", "x.txt"));
    expect(existsSync(join(out, "b", "x.json"))).toBe(true);
    expect(existsSync(join(out, "a", "deep", "z.json"))).toBe(true);
    expect(readdirSync(join(out, "a")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("output is byte-identical from run to run", () => {
    expect(runCli(["extract", SEED]).stdout).toBe(runCli(["extract", SEED]).stdout);
  });
});

describe("isnad extract: encodings", () => {
  const dir = tempDir();
  const cp1256 = Buffer.from([0xde, 0xc7, 0xe1, 0x20, 0xde, 0xc7, 0xc2, 0xe4, 0xed, 0x20, 0xdd, 0xed, 0x20, 0xc8, 0xda, 0xcf, 0xc7, 0xcf]); // قال قاآني في بغداد
  test.each([
    ["utf8-bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]), []],
    ["utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, "utf16le")]), []],
    ["utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ARTICLE, "utf16le").swap16()]), []],
    ["legacy.txt", cp1256, []],
    ["legacy2.txt", cp1256, ["--encoding", "cp1256"]],
  ])("%s is decoded and its entities found at code point offsets", (name, bytes, flags) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    const r = runCli(["extract", ...flags, p]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const qaani = doc.entities.find((e: { id: string }) => e.id === "esmail-qaani");
    expect(qaani.mentions[0].text).toMatch(/قاآني/);
    expect(schemaErrors(doc)).toBe("");
  });

  test("CRLF is kept: offsets count the \\r", () => {
    const r = runCli(["extract"], { input: "سطر\r\nقاآني" });
    const m = JSON.parse(r.stdout).entities[0].mentions[0];
    expect(m).toMatchObject({ start: 5, end: 10, text: "قاآني" });
  });
});

describe("isnad extract: bad inputs", () => {
  test("binary input is refused with its name; the rest of the batch is still processed; exit 1", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), ARTICLE);
    writeFileSync(join(dir, "b.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    writeFileSync(join(dir, "c.txt"), ARTICLE);
    const r = runCli(["extract", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/b\.txt: binary input/);
    expect(lines(r.stdout).map((d) => d.document.source.slice(dir.length + 1))).toEqual(["a.txt", "c.txt"]);
  });

  test("with --out, a failed input leaves no file and the others are written", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.txt"), ARTICLE);
    writeFileSync(join(dir, "bad.txt"), Buffer.from([0, 1, 2, 3]));
    const out = join(tempDir(), "o");
    const r = runCli(["extract", dir, "--out", out]);
    expect(r.status).toBe(1);
    expect(readdirSync(out)).toEqual(["good.json"]);
  });

  test("a missing file is reported and the others go on", () => {
    const r = runCli(["extract", "/nonexistent/file.txt", SEED]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/nonexistent\/file\.txt: no such file/);
    expect(lines(r.stdout)).toHaveLength(1);
  });

  test("empty input gives a valid empty document", () => {
    const r = runCli(["extract"], { input: "" });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ entities: [], claims: [], edges: [], document: { length: 0 } });
    expect(schemaErrors(doc)).toBe("");
  });

  test.each([
    [["extract", "--date", "2021-13-45"], /--date: expected YYYY-MM-DD/],
    [["extract", "--encoding", "latin9"], /--encoding/],
    [["extract", "--no-such-flag"], /unknown option/],
    [["frobnicate"], /unknown command/],
  ])("usage errors exit 2: %p", (args, message) => {
    const r = runCli(args as string[], { input: ARTICLE });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  test("a bad user lexicon exits 2 naming the file and JSON path, with no colour under NO_COLOR", () => {
    const lex = join(tempDir(), "bad-lexicon.json");
    writeFileSync(lex, JSON.stringify({ lexicon: "bad", entries: [{ id: "x", type: "person", ar: "س" }] }));
    const r = runCli(["extract", "--lexicon", lex], { input: ARTICLE });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-lexicon\.json at \/entries\/0: must have required property 'en'/);
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });
});

describe("other commands", () => {
  test("isnad schema prints the output schema; isnad schema lexicon the lexicon schema", () => {
    expect(JSON.parse(runCli(["schema"]).stdout).title).toBe("isnad document");
    expect(JSON.parse(runCli(["schema", "lexicon"]).stdout).title).toBe("isnad lexicon");
  });

  test("--help shows examples and exit codes", () => {
    const r = runCli(["extract", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:/);
    expect(r.stdout).toMatch(/Exit codes/);
  });

  test("lexicon check reports problems with file and path (exit 1) and passes a good file (exit 0)", () => {
    const dir = tempDir();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ lexicon: "b", entries: [{ id: "p", type: "human", ar: "س", en: "s", source: "me" }] }));
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ lexicon: "g", entries: [{ id: "my-new-person", type: "person", ar: "فلان الفلاني", en: "Fulan", source: "me" }] }));
    const r1 = runCli(["lexicon", "check", bad]);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toMatch(/bad\.json at \/entries\/0\/type: must be equal to one of the allowed values/);
    const r2 = runCli(["lexicon", "check", good]);
    expect(r2.status).toBe(0);
  });

  test("a user lexicon adds entries to extraction", () => {
    const lex = join(tempDir(), "mine.json");
    writeFileSync(lex, JSON.stringify({ lexicon: "m", entries: [{ id: "fulan", type: "person", ar: "فلان الفلاني", en: "Fulan", source: "me" }] }));
    const doc = JSON.parse(runCli(["extract", "--lexicon", lex], { input: "قال فلان الفلاني" }).stdout);
    expect(doc.entities).toEqual([expect.objectContaining({ id: "fulan", nameEn: "Fulan", origin: "lexicon" })]);
  });

  test("--names lexicon keeps the lexicons' names and leaves out the rules' and the tagger's, with workers too; a bad mode exits 2", () => {
    const text = "وقال المحامي خالد رمضان في بغداد إن أينشتاين عبقري.\n";
    const origins = (args: string[]) =>
      JSON.parse(runCli(["extract", ...args], { input: text }).stdout).entities.map((e: { id: string; mentions: { origin: string }[] }) => [e.id, e.mentions[0]!.origin]);
    expect(origins([])).toEqual(expect.arrayContaining([["person:خالد رمضان", "rule"], ["baghdad", "lexicon"]]));
    expect(origins(["--names", "lexicon"])).toEqual([["baghdad", "lexicon"]]);
    expect(origins(["--names", "lexicon", "--jobs", "2", "-"])).toEqual([["baghdad", "lexicon"]]);
    expect(runCli(["extract", "--names", "some"], { input: text }).status).toBe(2);
  });

  test("lexicon stats --json counts entries by type", () => {
    const stats = JSON.parse(runCli(["lexicon", "stats", "--json"]).stdout);
    expect(stats).toEqual(expect.objectContaining({ person: expect.any(Number), group: expect.any(Number), place: expect.any(Number), personsWithRoles: expect.any(Number) }));
    expect(stats.person + stats.group + stats.place).toBeGreaterThan(0);
  });
});

describe("isnad extract --format html", () => {
  test("one self-contained right-to-left page per input, written as .html under --out", () => {
    const r = runCli(["extract", "--format", "html", SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(r.stdout).toMatch(/dir="rtl"/);
    expect(r.stdout).toMatch(/قاآني/);
    const out = join(tempDir(), "html");
    expect(runCli(["extract", "--format", "html", SEED, "--out", out]).status).toBe(0);
    expect(readdirSync(out)).toEqual(["000_3651b6f31e73abc7.html"]);
  });
});

describe("isnad extract --format conll", () => {
  test("one token per line with BIO tags, a blank line between sentences", () => {
    const r = runCli(["extract", "--format", "conll"], { input: "قال إسماعيل قاآني في بغداد.\nوصل إلى طهران" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(["قال O", "إسماعيل B-PERS", "قاآني I-PERS", "في O", "بغداد B-LOC", ". O", "", "وصل O", "إلى O", "طهران B-LOC", ""].join("\n"));
  });
});
