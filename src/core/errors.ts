/** Errors that the CLI maps to exit codes: InputError → 1 (that input failed), UsageError → 2. */
export class InputError extends Error {
  constructor(message: string, readonly code = "E_INPUT") {
    super(message);
    this.name = "InputError";
  }
}

export class UsageError extends Error {
  constructor(message: string, readonly code = "E_USAGE") {
    super(message);
    this.name = "UsageError";
  }
}

/** A lexicon that fails its schema or lint: every problem at once, each with file and JSON path. */
export class LexiconError extends Error {
  constructor(readonly problems: { file: string; at: string; message: string }[]) {
    super(problems.map((p) => `${p.file}${p.at ? ` at ${p.at}` : ""}: ${p.message}`).join("\n"));
    this.name = "LexiconError";
  }
}
