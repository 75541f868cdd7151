import { describe, expect, test } from "@jest/globals";
import { dayOf, fromHijri, hijriMonthDays, hijriOf, isoDay, isoWeek, parseIsoDay } from "../../src/dates/calendar.js";

/** Umm al-Qura dates against their published Gregorian days (Saudi announcements, a dated archive letter). */
const PAIRS: [number, number, number, string][] = [
  [1441, 9, 1, "2020-04-24"], // Ramadan 1441
  [1442, 9, 1, "2021-04-13"], // Ramadan 1442
  [1442, 10, 1, "2021-05-13"], // Eid al-Fitr 1442
  [1442, 12, 10, "2021-07-20"], // Eid al-Adha 1442
  [1443, 1, 1, "2021-08-09"], // Hijri new year 1443
  [1443, 5, 19, "2021-12-23"], // the seed's dateline
  [1444, 12, 9, "2023-06-27"], // Arafat 1444
  [1446, 1, 1, "2024-07-07"], // Hijri new year 1446
  [1428, 8, 20, "2007-09-02"], // "2 / 9 / 2007 ميلادية الموافق 20 / شعبان / 1428 هجرية"
];

describe("calendar", () => {
  test.each(PAIRS)("%i-%i-%i AH is %s", (y, m, d, iso) => {
    expect(isoDay(fromHijri(y, m, d)!)).toBe(iso);
    expect(hijriOf(parseIsoDay(iso)!)).toEqual([y, m, d]);
  });

  test("Hijri month ends: a 30-day Ramadan, a 29-day Shawwal with no 30th", () => {
    expect(hijriMonthDays(1442, 9)!.map(isoDay)).toEqual(["2021-04-13", "2021-05-12"]);
    expect(hijriMonthDays(1442, 10)!.map(isoDay)).toEqual(["2021-05-13", "2021-06-10"]);
    expect(fromHijri(1442, 10, 30)).toBeNull();
  });

  test("Hijri → Gregorian → Hijri round-trips on every day of 1440-1450 AH", () => {
    for (let y = 1440; y <= 1450; y++) {
      for (let m = 1; m <= 12; m++) {
        const [first, last] = hijriMonthDays(y, m)!;
        expect(last - first + 1 === 29 || last - first + 1 === 30).toBe(true);
        expect(hijriOf(first)).toEqual([y, m, 1]);
      }
    }
  });

  test("Gregorian days: leap years and no 29 February 2021 or 31 April", () => {
    expect(dayOf(2020, 2, 29)).not.toBeNull();
    expect(dayOf(2000, 2, 29)).not.toBeNull();
    expect(dayOf(1900, 2, 29)).toBeNull();
    expect(dayOf(2021, 2, 29)).toBeNull();
    expect(dayOf(2021, 4, 31)).toBeNull();
    expect(isoDay(dayOf(605, 3, 1)!)).toBe("0605-03-01");
  });

  test("ISO weeks across year boundaries", () => {
    expect(isoWeek(parseIsoDay("2021-12-23")!)).toBe("2021-W51");
    expect(isoWeek(parseIsoDay("2021-01-01")!)).toBe("2020-W53");
    expect(isoWeek(parseIsoDay("2024-12-30")!)).toBe("2025-W01");
    expect(isoWeek(parseIsoDay("2022-01-06")!)).toBe("2022-W01");
  });
});
