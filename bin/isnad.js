#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";

// Half V8's default budget for inlining into one optimized function: the stage functions are large, and on two
// cores the optimizing compiler's thread competed with the work (README, Performance, has the figures). Set
// before any code is compiled.
setFlagsFromString("--max-inlined-bytecode-size-cumulative=230");
const { main } = await import("../dist/bundle/main.js");

// a closed pipe (isnad … | head) is not an error
process.stdout.on("error", (e) => process.exit(e.code === "EPIPE" ? 0 : 1));
process.exitCode = await main(process.argv.slice(2));
