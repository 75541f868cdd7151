#!/usr/bin/env node
// Part of `npm run build`: validates and compiles the built-in lexicons once, into dist/lexicons.compiled.json,
// so that each run of isnad starts from the compiled trie instead of validating and tokenizing every alias.
// The file records the size and mtime of each source file; a run with changed lexicons compiles from source.
// The tagger's weights (lexicons/model/tagger.json) are written as loaded, into dist/tagger.{compiled.json,table.bin},
// the names rules' word lists (lexicons/rules) as normalized, into dist/rules.compiled.json, and the date
// vocabulary (src/dates/tables.ts) as a phrase map, into dist/dates.compiled.json.
import { readFileSync } from "node:fs";
import { writeCompiled } from "../dist/core/compiled.js";
import { writeCompiledDateLexicon } from "../dist/dates/lexicon.js";
import { TAGGER_PATH, writeCompiledTagger } from "../dist/entities/model/tagger.js";
import { writeCompiledRuleData } from "../dist/entities/rules/data.js";
import { COMPILED_LEXICON_PATH } from "../dist/index.js";
import { compileLexicon, lexiconSurfaces, serializeLexicon } from "../dist/lexicon/compile.js";
import { builtinStamp, loadLexicons } from "../dist/lexicon/load.js";

const lexicon = compileLexicon(loadLexicons());
writeCompiled(COMPILED_LEXICON_PATH, serializeLexicon(lexicon, builtinStamp()));
for (const w of lexicon.warnings.slice(0, 5)) console.error(`warning: ${w.file}${w.at ? ` at ${w.at}` : ""}: ${w.message}`);
if (lexicon.warnings.length > 5) console.error(`… ${lexicon.warnings.length} lint warnings in all: see the test __tests__/lexicon/builtin.test.ts`);
console.error(`compiled ${lexicon.entries.size} lexicon entries, ${lexiconSurfaces(lexicon).length} surface forms → ${COMPILED_LEXICON_PATH}`);

writeCompiledTagger(JSON.parse(readFileSync(TAGGER_PATH, "utf8")));
writeCompiledRuleData();
writeCompiledDateLexicon();
