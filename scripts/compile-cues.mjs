#!/usr/bin/env node
// Part of `npm run build`: validates and compiles the claims lexicon (lexicons/cues) once, into dist/cues.compiled.json,
// so that each run of isnad starts without ajv and without inflecting every cue. The file records the size and mtime
// of each cue file and of the schema; a run with changed files compiles from source.
import { writeCompiled } from "../dist/core/compiled.js";
import { COMPILED_CUES_PATH, serializeClaimsLexicon } from "../dist/claims/compiled.js";
import { compileClaimsLexicon, cuesStamp, CUES_DIR, readClaimsFiles } from "../dist/claims/lexicon.js";
import { listJsonFiles } from "../dist/lexicon/load.js";

const stamp = cuesStamp();
const lexicon = compileClaimsLexicon(readClaimsFiles(listJsonFiles(CUES_DIR)));
writeCompiled(COMPILED_CUES_PATH, serializeClaimsLexicon(lexicon, stamp));
console.error(`compiled ${lexicon.cues.length} cues, ${lexicon.forms.size} cue forms, ${lexicon.sources.size} source forms → ${COMPILED_CUES_PATH}`);
