import { afterAll, describe, expect, test } from "@jest/globals";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { IsnadDocument } from "../../src/core/types.js";
import { extract } from "../../src/index.js";
import { ROOT, tempDir } from "../helpers/cli.js";

/**
 * The claims development set (__tests__/fixtures/claims-dev: ANERcorp passages and trap paragraphs), each file
 * extracted and scored by the project's ruler, ../shared/eval/score.mjs, run as a child process on the output.
 * Figures per stance and per direct / indirect / nested come from the same scorer on the gold and the output
 * both restricted to that part (a claim given the wrong stance counts against both stances).
 */
const SCORER = join(ROOT, "..", "shared", "eval", "score.mjs");
const DIR = join(ROOT, "__tests__", "fixtures", "claims-dev");
const run = promisify(execFile);

interface Gold {
  document_date?: string;
  claims: { stance: string; kind?: string; nested_in?: number }[];
  [k: string]: unknown;
}
interface Counts { tp: number; predicted: number; gold: number }
const totals = new Map<string, Counts>();
const add = (key: string, c: Counts) => {
  const t = totals.get(key) ?? { tp: 0, predicted: 0, gold: 0 };
  totals.set(key, { tp: t.tp + c.tp, predicted: t.predicted + c.predicted, gold: t.gold + c.gold });
};
const f1 = (c: Counts) => {
  const p = c.predicted ? c.tp / c.predicted : 0, r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Runs score.mjs on every (gold, output) pair, two at a time (the machine has two cores). */
async function scoreAll(jobs: { key: string; gold: string; pred: string; text: string }[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const { stdout } = await run(process.execPath, [SCORER, "--gold", job.gold, "--pred", job.pred, "--text", job.text, "--json"], { maxBuffer: 64 * 1024 * 1024 });
      const r = JSON.parse(stdout) as { claims: { complete: Counts; about: Counts }; invalidSpans: number };
      add(job.key, r.claims.complete);
      if (job.key === "overall") {
        add("about", r.claims.about);
        add("invalid spans", { tp: r.invalidSpans, predicted: 0, gold: 0 });
      }
    }
  };
  await Promise.all([worker(), worker()]);
}

const suite = existsSync(SCORER) && existsSync(DIR) ? describe : describe.skip;
if (!existsSync(SCORER)) console.warn(`claims dev set: skipped, ${SCORER} is missing (the scorer lives in ../shared beside the clone)`);

suite("claims development set (scored with ../shared/eval/score.mjs)", () => {
  const names = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".gold.json")).map((f) => f.slice(0, -".gold.json".length)).sort() : [];
  const out = tempDir();

  test("it holds at least 15 ANERcorp passages and 10 trap paragraphs", () => {
    expect(names.filter((n) => n.startsWith("anercorp-")).length).toBeGreaterThanOrEqual(15);
    expect(names.filter((n) => n.startsWith("trap-")).length).toBeGreaterThanOrEqual(10);
  });

  test("complete F1 ≥ 0.70 overall, and every span the input slice", async () => {
    const jobs: Parameters<typeof scoreAll>[0] = [];
    for (const name of names) {
      const textPath = join(DIR, `${name}.txt`);
      const gold = JSON.parse(readFileSync(join(DIR, `${name}.gold.json`), "utf8")) as Gold;
      const doc: IsnadDocument = extract(readFileSync(textPath, "utf8"), gold.document_date ? { date: gold.document_date } : {});
      const parts: [string, (g: Gold["claims"][number]) => boolean, (c: IsnadDocument["claims"][number]) => boolean][] = [
        ["overall", () => true, () => true],
        ["direct", (g) => g.kind === "direct", (c) => c.kind === "direct"],
        ["indirect", (g) => g.kind !== "direct", (c) => c.kind !== "direct"],
        ["nested", (g) => g.nested_in !== undefined, (c) => c.parent !== undefined],
        ...[...new Set([...gold.claims.map((c) => c.stance), ...doc.claims.map((c) => c.stance)])].map(
          (s) => [`stance ${s}`, (g: Gold["claims"][number]) => g.stance === s, (c: IsnadDocument["claims"][number]) => c.stance === s] as (typeof parts)[number]
        ),
      ];
      for (const [key, goldPart, predPart] of parts) {
        const goldPath = join(out, `${name}.${key}.gold.json`);
        const predPath = join(out, `${name}.${key}.json`);
        writeFileSync(goldPath, JSON.stringify({ ...gold, claims: gold.claims.filter(goldPart) }));
        writeFileSync(predPath, JSON.stringify({ ...doc, claims: doc.claims.filter(predPart) }));
        jobs.push({ key, gold: goldPath, pred: predPath, text: textPath });
      }
    }
    await scoreAll(jobs);
    expect(totals.get("invalid spans")!.tp).toBe(0);
    expect(f1(totals.get("overall")!).f1).toBeGreaterThanOrEqual(0.7);
  }, 300000);

  afterAll(() => {
    if (!totals.size) return;
    const rows = [...totals].filter(([k]) => k !== "invalid spans").sort(([a], [b]) => (a === "overall" ? -1 : b === "overall" ? 1 : a < b ? -1 : 1));
    const lines = rows.map(([k, c]) => {
      const { p, r, f1: f } = f1(c);
      return `${k.padEnd(16)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (${c.tp}/${c.predicted} predicted, ${c.gold} gold)`;
    });
    console.log(`claims dev set, ${names.length} files: complete claims (about: about ids)\n${lines.join("\n")}`);
  });
});
