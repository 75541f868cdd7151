import { InputError } from "../core/errors.js";

export type Encoding = "auto" | "utf8" | "utf16le" | "utf16be" | "cp1256";
export const ENCODINGS: readonly Encoding[] = ["auto", "utf8", "utf16le", "utf16be", "cp1256"];

export interface Decoded {
  text: string;
  /** the encoding that was read (after detection) */
  encoding: Exclude<Encoding, "auto">;
  bom: boolean;
}

const LABEL: Record<Exclude<Encoding, "auto">, string> = {
  utf8: "utf-8",
  utf16le: "utf-16le",
  utf16be: "utf-16be",
  cp1256: "windows-1256",
};

function decodeWith(bytes: Uint8Array, encoding: Exclude<Encoding, "auto">, fatal = false): string {
  return new TextDecoder(LABEL[encoding], { fatal, ignoreBOM: true }).decode(bytes);
}

function bomOf(bytes: Uint8Array): Exclude<Encoding, "auto" | "cp1256"> | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be";
  return null;
}

/**
 * Bytes → text. A BOM decides (and is removed); otherwise NUL bytes mean binary and are refused;
 * otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1256 (the usual legacy Arabic code page).
 * Line ends are kept as they are. `name` only serves the error message.
 */
export function decode(bytes: Uint8Array, name: string, encoding: Encoding = "auto"): Decoded {
  const bom = bomOf(bytes);
  if (bom && (encoding === "auto" || encoding === bom)) {
    const skip = bom === "utf8" ? 3 : 2;
    const body = bytes.subarray(skip);
    if (bom !== "utf8" && body.length % 2 === 1) throw new InputError(`${name}: truncated UTF-16 text (odd number of bytes)`);
    return { text: decodeWith(body, bom), encoding: bom, bom: true };
  }
  if (encoding === "utf16le" || encoding === "utf16be") {
    if (bytes.length % 2 === 1) throw new InputError(`${name}: truncated UTF-16 text (odd number of bytes)`);
    return { text: decodeWith(bytes, encoding), encoding, bom: false };
  }
  if (bytes.includes(0)) throw new InputError(`${name}: binary input (NUL bytes); expected text in UTF-8, UTF-16 with a BOM or Windows-1256`, "E_BINARY");
  if (encoding === "cp1256") return { text: decodeWith(bytes, "cp1256"), encoding, bom: false };
  try {
    return { text: decodeWith(bytes, "utf8", true), encoding: "utf8", bom: false };
  } catch {
    if (encoding === "utf8") throw new InputError(`${name}: not valid UTF-8 (try --encoding cp1256)`, "E_ENCODING");
    return { text: decodeWith(bytes, "cp1256"), encoding: "cp1256", bom: false };
  }
}
