import { describe, expect, test } from "@jest/globals";
import { decode } from "../../src/text/decode.js";

const AR = "قال قاآني: «العراق»\r\n";
const utf16 = (s: string, be: boolean) => {
  const b = Buffer.from(s, "utf16le");
  if (be) b.swap16();
  return b;
};

describe("decode", () => {
  test("UTF-8 with and without BOM; the BOM is removed and CRLF kept", () => {
    expect(decode(Buffer.from(AR), "a.txt")).toMatchObject({ text: AR, encoding: "utf8", bom: false });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR)]), "a.txt")).toMatchObject({ text: AR, bom: true });
  });

  test("UTF-16 LE and BE with a BOM", () => {
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(AR, false)]), "a.txt")).toMatchObject({ text: AR, encoding: "utf16le" });
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(AR, true)]), "a.txt")).toMatchObject({ text: AR, encoding: "utf16be" });
  });

  test("Windows-1256 is detected when the bytes are not UTF-8, and read when asked for", () => {
    // قال العراق in cp1256
    const bytes = Buffer.from([0xde, 0xc7, 0xe1, 0x20, 0xc7, 0xe1, 0xda, 0xd1, 0xc7, 0xde]);
    expect(decode(bytes, "old.txt")).toMatchObject({ text: "قال العراق", encoding: "cp1256" });
    expect(decode(bytes, "old.txt", "cp1256").text).toBe("قال العراق");
    expect(() => decode(bytes, "old.txt", "utf8")).toThrow(/old\.txt: not valid UTF-8/);
  });

  test("binary input is refused with the file's name", () => {
    expect(() => decode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), "archive.zip")).toThrow(/archive\.zip: binary input/);
    // UTF-16 without a BOM has NUL bytes too: refused rather than misread
    expect(() => decode(utf16(AR, false), "nobom.txt")).toThrow(/nobom\.txt: binary/);
  });

  test("empty input is an empty text", () => {
    expect(decode(Buffer.alloc(0), "empty.txt").text).toBe("");
  });
});
