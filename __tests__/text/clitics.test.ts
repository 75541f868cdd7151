import { describe, expect, test } from "@jest/globals";
import { encliticReadings, procliticReadings } from "../../src/text/clitics.js";

const stems = (w: string) => procliticReadings(w).map((r) => r.stem);

describe("clitic readings", () => {
  test("conjunctions and prepositions, with لل restored to ال", () => {
    expect(stems("وقيس")).toEqual(["وقيس", "قيس"]);
    expect(stems("لطهران")).toEqual(["لطهران", "طهران"]);
    expect(stems("بالحرس")).toEqual(["بالحرس", "الحرس"]);
    expect(stems("وللعراق")).toEqual(["وللعراق", "للعراق", "العراق"]);
    const r = procliticReadings("للعراق").find((x) => x.stem === "العراق")!;
    expect(r.prefix).toBe(1);
  });

  test("the word as written always comes first, so names that start with clitic letters survive", () => {
    for (const name of ["بغداد", "لبنان", "فلسطين", "كابل", "بيروت", "وارسو"]) expect(procliticReadings(name)[0]!.stem).toBe(name);
  });

  test("short words are not stripped to a single letter", () => {
    expect(stems("ول")).toEqual(["ول"]);
    expect(stems("بل")).toEqual(["بل"]);
  });

  test("attached pronouns", () => {
    expect(encliticReadings("قوله").map((r) => r.stem)).toContain("قول");
    expect(encliticReadings("اتهاماتهم").map((r) => r.stem)).toContain("اتهامات");
    expect(encliticReadings("رسالته").map((r) => r.stem)).toContain("رساله");
  });
});
