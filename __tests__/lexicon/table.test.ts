import { describe, expect, test } from "@jest/globals";
import { PackedStrings, StringTable } from "../../src/lexicon/table.js";

describe("static string tables (the compiled lexicon's keys)", () => {
  const keys = ["بغداد", "حزب\u0001الله", "الحرس\u0001الثوري", "iraq", "", "قاآني", "😀"];

  test("find every key by its index, and no other string", () => {
    const table = StringTable.build(keys);
    keys.forEach((k, i) => expect(table.indexOf(k)).toBe(i));
    for (const other of ["بغدا", "بغدادي", "حزب", "IRAQ", "x", "الحرس"]) expect(table.has(other)).toBe(false);
    expect([...table]).toEqual(keys);
    expect(table.size).toBe(keys.length);
  });

  test("read back from their JSON as they were written, and refuse a key twice", () => {
    const back = StringTable.fromJSON(JSON.parse(JSON.stringify(StringTable.build(keys))));
    keys.forEach((k, i) => expect(back.indexOf(k)).toBe(i));
    expect(back.has("الحشد")).toBe(false);
    expect(() => StringTable.build(["بغداد", "بغداد"])).toThrow(/duplicate/);
    const packed = PackedStrings.fromJSON(JSON.parse(JSON.stringify(PackedStrings.of(["أ", "", "بغداد"]))));
    expect([packed.at(0), packed.at(1), packed.at(2), packed.length]).toEqual(["أ", "", "بغداد", 3]);
  });

  test("a table of many keys keeps finding them (probing past collisions)", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `مفتاح${i}`);
    const table = StringTable.build(many);
    expect(many.every((k, i) => table.indexOf(k) === i)).toBe(true);
    expect(table.indexOf("مفتاح5000")).toBe(-1);
  });
});
