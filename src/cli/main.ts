import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { LexiconError, UsageError } from "../core/errors.js";
import { packagePath } from "../core/paths.js";
import { VERSION } from "../core/version.js";
import { runExtract, type ExtractFlags } from "./extract.js";
import { stderrColor } from "./io.js";
import type { MergeFlags } from "./merge.js";

// the commands other than extract load their modules when they run: a run of extract starts without them
const lexiconCommands = () => import("./lexicon.js");

const collect = (v: string, prev: string[]) => [...prev, v];

function program(setExit: (code: number) => void): Command {
  const p = new Command("isnad")
    .description("Who said what about whom: people, groups, places, dates and claims in Arabic news text, as JSON.")
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");

  p.command("extract")
    .description("extract entities and claims from text files, folders of *.txt, or stdin")
    .argument("[paths...]", "files or folders (all *.txt inside, recursively); none or - reads stdin")
    .option("-o, --out <dir>", "write one <name>.json per input under DIR (mirroring input paths), atomically")
    .addOption(new Option("-e, --encoding <enc>", "input encoding").choices(["auto", "utf8", "utf16le", "utf16be", "cp1256"]).default("auto"))
    .option("-d, --date <YYYY-MM-DD>", "publication date for relative dates (default: the text's dateline)")
    .option("-l, --lexicon <file>", "an extra lexicon file (repeatable); its entries win over the built-ins", collect, [] as string[])
    .option("--no-default-lexicons", "do not load the built-in lexicons")
    .addOption(new Option("-i, --input <kind>", "input: text files, or NDJSON records {\"id\", \"text\", \"date\"?, …} one per line").choices(["text", "ndjson"]).default("text"))
    .addOption(new Option("-f, --format <format>", "json; ndjson (one compact document per line); html (a page to read); conll (token TAG, BIO PERS/ORG/LOC)").choices(["json", "ndjson", "html", "conll"]).default("json"))
    .option("-j, --jobs <n>", "worker threads (default: the number of cores); output is identical for any n")
    .option("--resume", "with --out: skip inputs whose output file already exists")
    .option("--pretty", "indented JSON (default on a terminal)")
    .option("--compact", "one line per document (default when piped)")
    .option("-t, --types <list>", "only these entity types: person,group,place,date")
    .option("--min-confidence <x>", "drop mentions below this confidence (0-1)")
    .addOption(new Option("--names <mode>", "all: lexicons, rules and the tagger; lexicon: known names only (faster, lower recall)").choices(["all", "lexicon"]).default("all"))
    .option("-q, --quiet", "no progress, summary or warnings on stderr (errors still)")
    .addHelpText(
      "after",
      `
Examples:
  isnad extract samples/seed.txt                 one document, pretty on a terminal
  cat article.txt | isnad extract | jq '.entities[].name'
  isnad extract corpus/ --out results/           one JSON file per *.txt, same layout
  isnad extract a.txt b.txt > all.ndjson         several inputs: one compact document per line
  isnad extract --encoding cp1256 old.txt        legacy Windows-1256 text (also detected automatically)
  isnad extract --format html x.txt > x.html     the text with entities and claims marked, and a claims table
  isnad extract --format conll x.txt > x.conll   one token per line with BIO tags, for conlleval or seqeval
  isnad extract --lexicon my-people.json x.txt   add or override lexicon entries
  isnad extract --input ndjson --format ndjson < dump.ndjson > out.ndjson
                                                 a stream of {"id","text"} records (a Hadoop/Spark mapper)
  isnad extract --names lexicon dump.txt         known names only: faster, for monitoring lexicon entities

Exit codes: 0 every input done, 1 some input failed (the others are still written), 2 usage or lexicon error,
130 interrupted (Ctrl-C: outputs already written are complete; --resume goes on from there).`
    )
    .action(async (paths: string[], flags: ExtractFlags) => setExit(await runExtract(paths, flags)));

  p.command("merge")
    .description("merge per-document outputs or earlier merges into one corpus graph (associative and commutative)")
    .argument("[paths...]", "JSON files, folders (*.json inside) or - / nothing for stdin (one value per line or concatenated)")
    .option("-o, --out <file>", "write the merged graph to FILE, atomically")
    .option("--pretty", "indented JSON (default on a terminal)")
    .option("--compact", "one line")
    .addHelpText(
      "after",
      `
Examples:
  isnad merge results/ > corpus.json                  every *.json under results/
  isnad extract --input ndjson --format ndjson < dump.ndjson | isnad merge > corpus.json
  isnad merge part-1.json part-2.json > all.json      merges of merges give the same graph`
    )
    .action(async (paths: string[], flags: MergeFlags) => setExit(await (await import("./merge.js")).runMerge(paths, flags)));

  p.command("schema")
    .description("print the JSON Schema of the output (or of lexicon files)")
    .argument("[which]", "output | lexicon", "output")
    .action((which: string) => {
      if (which !== "output" && which !== "lexicon") throw new UsageError(`schema: expected "output" or "lexicon", got "${which}"`);
      process.stdout.write(readFileSync(packagePath("schema", `${which}.schema.json`), "utf8"));
    });

  const lex = p.command("lexicon").description("check, count and list lexicons");
  lex
    .command("check")
    .description("validate lexicon files against the schema and against the built-ins")
    .argument("<files...>")
    .action(async (files: string[]) => setExit((await lexiconCommands()).lexiconCheck(files)));
  lex
    .command("stats")
    .description("count entries by type (built-ins plus any --lexicon)")
    .option("--json", "as JSON")
    .option("-l, --lexicon <file>", "an extra lexicon file (repeatable)", collect, [] as string[])
    .action(async (o: { json?: boolean; lexicon: string[] }) => (await lexiconCommands()).lexiconStats(o.lexicon, !!o.json));
  lex
    .command("aliases")
    .description("print every surface form the loaded lexicons match, one per line")
    .option("-l, --lexicon <file>", "an extra lexicon file (repeatable)", collect, [] as string[])
    .action(async (o: { lexicon: string[] }) => (await lexiconCommands()).lexiconAliases(o.lexicon));
  return p;
}

/** Runs the CLI; resolves to the exit code. The one place that maps errors to exit codes. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const color = stderrColor();
  try {
    await program((c) => (code = c)).parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      process.stderr.write(color.red(`isnad: ${e.message}\n`));
      return 2;
    }
    if (e instanceof LexiconError) {
      process.stderr.write(color.red(`isnad: lexicon error:\n${e.message}\n`));
      return 2;
    }
    process.stderr.write(color.red(`isnad: ${(e as Error).stack ?? String(e)}\n`));
    return 1;
  }
}
