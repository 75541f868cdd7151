import { describe, expect, test } from "@jest/globals";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, runCli, SEED, tempDir } from "../helpers/cli.js";
import { schemaErrors } from "../helpers/schema.js";

/** A small corpus: the seed's paragraphs as records, with a syndicated copy and extra fields. */
function records(): { id: string; text: string; date?: string; outlet: string }[] {
  const paragraphs = readFileSync(SEED, "utf8").split(/\n\s*\n/).filter((p) => p.trim().length > 20);
  const recs = paragraphs.map((text, i) => ({ id: `doc-${String(i).padStart(3, "0")}`, text, date: `2021-12-${String(1 + i).padStart(2, "0")}`, outlet: i % 2 ? "a" : "b" }));
  recs.push({ ...recs[5]!, id: "doc-copy", outlet: "syndicated" });
  return recs;
}
const ndjson = (recs: object[]) => recs.map((r) => JSON.stringify(r)).join("\n") + "\n";

describe("NDJSON streams and parallel workers", () => {
  const recs = records();
  const input = ndjson(recs);

  test("--input ndjson --format ndjson: one document per record, in input order, fields carried", () => {
    const r = runCli(["extract", "--input", "ndjson", "--format", "ndjson", "-j", "1"], { input });
    expect(r.status).toBe(0);
    const docs = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(docs.map((d) => d.document.id)).toEqual(recs.map((x) => x.id));
    expect(docs[1].document).toMatchObject({ date: "2021-12-02", meta: { outlet: "a" } });
    for (const d of docs) expect(schemaErrors(d)).toBe("");
  });

  test("the bundled batch sample: every story in order, its dateline read, its speakers found", () => {
    const r = runCli(["extract", "--input", "ndjson", "--format", "ndjson", "samples/wire.ndjson"]);
    expect(r.status).toBe(0);
    const docs = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(docs.map((d) => d.document.id)).toEqual(Array.from({ length: 12 }, (_, i) => `trap-${String(i + 1).padStart(2, "0")}`));
    expect(docs[0].document.date).toBe("2021-11-14"); // بغداد - 14 تشرين الثاني (نوفمبر) 2021
    expect(docs.filter((d) => d.claims.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  test("--jobs 2 gives byte-identical output to --jobs 1", () => {
    const one = runCli(["extract", "--input", "ndjson", "--format", "ndjson", "-j", "1"], { input });
    const two = runCli(["extract", "--input", "ndjson", "--format", "ndjson", "-j", "2"], { input });
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  test("a malformed line is reported with its line number and skipped; the rest goes on", () => {
    const bad = input.split("\n");
    bad.splice(2, 0, '{"id": "broken", "text": ');
    bad.splice(4, 0, '{"id": "no-text"}');
    const r = runCli(["extract", "--input", "ndjson", "-j", "2"], { input: bad.join("\n") });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/<stdin>:3: malformed JSON line/);
    expect(r.stderr).toMatch(/<stdin>:5: missing "text"/);
    expect(r.stdout.trim().split("\n")).toHaveLength(recs.length);
  });
});

describe("map/reduce: extract is a Hadoop Streaming mapper / Spark pipe() command, merge the reducer", () => {
  test("shards mapped in their own processes and merged in a shuffled tree equal one run over everything", () => {
    const recs = records();
    const dir = tempDir();
    const single = runCli(["merge"], { input: runCli(["extract", "--input", "ndjson", "--format", "ndjson"], { input: ndjson(recs) }).stdout });
    expect(single.status).toBe(0);
    const graph = JSON.parse(single.stdout);
    expect(graph.kind).toBe("isnad-merge");
    expect(graph.texts.find((t: { copies: string[] }) => t.copies.includes("doc-copy")).copies).toEqual(["doc-005", "doc-copy"]);

    // map: three shards, interleaved, each in its own process (as Hadoop or Spark would run them)
    const shards = [0, 1, 2].map((k) => recs.filter((_, i) => i % 3 === k));
    const mapped = shards.map((s, k) => {
      const r = runCli(["extract", "--input", "ndjson", "--format", "ndjson", "-j", String(1 + (k % 2))], { input: ndjson(s) });
      expect(r.status).toBe(0);
      return r.stdout;
    });
    // combine: a partial merge per shard, written to files; reduce: merge of (merge of 2 and 0) and 1
    const partial = mapped.map((m, k) => {
      const p = join(dir, `part-${k}.json`);
      expect(runCli(["merge", "--out", p], { input: m }).status).toBe(0);
      return p;
    });
    const left = runCli(["merge", partial[2]!, partial[0]!]).stdout;
    const reduced = runCli(["merge", "-", partial[1]!], { input: left });
    expect(reduced.status).toBe(0);
    expect(reduced.stdout).toBe(single.stdout);
  });

  test("merge reads concatenated and pretty-printed JSON values and folders", () => {
    const dir = tempDir();
    const out = join(dir, "out");
    expect(runCli(["extract", SEED, "--out", out]).status).toBe(0);
    const fromFolder = runCli(["merge", out]).stdout;
    const pretty = readFileSync(join(out, readdirSync(out)[0]!), "utf8");
    expect(runCli(["merge"], { input: pretty + pretty.trim() }).stdout).toBe(fromFolder);
    const bad = runCli(["merge"], { input: pretty + "\nnot json\n" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/<stdin>:\d+: (invalid JSON|not an isnad)/);
  });
});

describe("interrupt and resume", () => {
  test("Ctrl-C leaves only complete outputs; --resume finishes the rest, identical to an uninterrupted run", async () => {
    const dir = tempDir();
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    const text = readFileSync(SEED, "utf8");
    for (let i = 0; i < 400; i++) writeFileSync(join(corpus, `a-${String(i).padStart(3, "0")}.txt`), `${i}\n${text}`);
    const out = join(dir, "out");

    const child = spawn(process.execPath, [BIN, "extract", corpus, "--out", out, "-j", "1"], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // interrupt once the first outputs are there
    for (let i = 0; i < 600 && !(existsSync(out) && readdirSync(out).length >= 3); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    const code = await exited;
    const written = readdirSync(out);
    expect(written.filter((f) => !f.endsWith(".json"))).toEqual([]);
    for (const f of written) expect(() => JSON.parse(readFileSync(join(out, f), "utf8"))).not.toThrow();
    if (written.length < 400) expect(code).toBe(130);

    const resumed = runCli(["extract", corpus, "--out", out, "--resume", "-j", "2"]);
    expect(resumed.status).toBe(0);
    expect(readdirSync(out)).toHaveLength(400);
    const fresh = join(dir, "fresh");
    runCli(["extract", corpus, "--out", fresh, "-j", "1"]);
    for (const f of readdirSync(fresh)) expect(readFileSync(join(out, f), "utf8")).toBe(readFileSync(join(fresh, f), "utf8"));
  });
});
