/**
 * Splits a stream of JSON texts, one per line or concatenated ({…}{…} or pretty-printed one after another),
 * into the texts of each top-level object or array, with the line where each starts. Memory is bounded by
 * the largest value.
 */
export async function* jsonValues(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<{ text: string; line: number }> {
  let buf = "";
  let depth = 0, inString = false, escape = false, start = -1, line = 1, startLine = 1, scanned = 0;
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    buf += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let resumeAt = -1;
    for (let i = scanned; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        if (depth++ === 0) {
          start = i;
          startLine = line;
        }
      } else if (c === 125 || c === 93) {
        if (--depth === 0) {
          yield { text: buf.slice(start, i + 1), line: startLine };
          buf = buf.slice(i + 1);
          i = -1;
          start = -1;
        }
      } else if (depth === 0 && c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 0xfeff) {
        // stray top-level text: report it as its own (invalid) value up to the end of the line
        const end = buf.indexOf("\n", i);
        if (end < 0) {
          resumeAt = i; // wait for the rest of the line
          break;
        }
        yield { text: buf.slice(i, end), line };
        buf = buf.slice(end);
        i = -1;
      }
    }
    scanned = resumeAt >= 0 ? resumeAt : buf.length;
    if (depth === 0 && start < 0 && !/\S/.test(buf)) {
      buf = "";
      scanned = 0;
    }
  }
  buf += decoder.decode();
  if (buf.trim()) yield { text: buf.slice(start < 0 ? 0 : start).trim(), line: startLine };
}
