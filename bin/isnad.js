#!/usr/bin/env node
import { main } from "../dist/bundle/main.js";

// a closed pipe (isnad … | head) is not an error
process.stdout.on("error", (e) => process.exit(e.code === "EPIPE" ? 0 : 1));
process.exitCode = await main(process.argv.slice(2));
