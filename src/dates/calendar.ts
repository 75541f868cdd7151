/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, UTC) and ISO 8601
 * formatting. Hijri dates use the Umm al-Qura calendar through Intl (ICU), which matched @umalqura/core
 * on every day 2000-2028 (see TOOLCHAIN.md); Hijri → Gregorian is a short search over days.
 */

const MS_PER_DAY = 86_400_000;

export type Ymd = [year: number, month: number, day: number];

function utc(y: number, m: number, d: number): number {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y, m - 1, d); // years 0-99 too
  return date.getTime();
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The day number of a Gregorian date, or null when there is no such date (31 April, 29 February 2021). */
export function dayOf(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return Math.round(utc(y, m, d) / MS_PER_DAY);
}

export function ymdOf(day: number): Ymd {
  const date = new Date(day * MS_PER_DAY);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** An ISO 8601 year: four digits, a minus sign before years before year 0 (1 BC). */
export const isoYear = (y: number): string => (y < 0 ? "-" : "") + pad(Math.abs(y), 4);
export const isoMonth = (y: number, m: number): string => `${isoYear(y)}-${pad(m, 2)}`;
export function isoDay(day: number): string {
  const [y, m, d] = ymdOf(day);
  return `${isoYear(y)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The ISO week holding a day, as YYYY-Www (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: number): string {
  const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
  const [y] = ymdOf(thursday);
  const week = Math.floor((thursday - dayOf(y, 1, 1)!) / 7) + 1;
  return `${isoYear(y)}-W${pad(week, 2)}`;
}

/** The day number of a YYYY-MM-DD string, or null. */
export function parseIsoDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** (year, month) moved by n months. */
export function addMonths(y: number, m: number, n: number): [number, number] {
  const i = y * 12 + (m - 1) + n;
  return [Math.floor(i / 12), (i % 12) + 1];
}

let umalqura: Intl.DateTimeFormat | undefined;
/** day → its Umm al-Qura date: Intl takes ~8 µs a day, and year and month bounds ask for the same days again */
const hijriDays = new Map<number, Readonly<Ymd>>();

/** The Umm al-Qura date of a day. */
export function hijriOf(day: number): Readonly<Ymd> {
  let ymd = hijriDays.get(day);
  if (ymd) return ymd;
  umalqura ??= new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });
  const parts = umalqura.formatToParts(new Date(day * MS_PER_DAY));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  ymd = [get("year"), get("month"), get("day")];
  if (hijriDays.size >= 100_000) hijriDays.clear(); // a bound for endless streams of distinct dates
  hijriDays.set(day, ymd);
  return ymd;
}

/** 1 Muharram 1 AH (16 July 622 Julian). */
const HIJRI_EPOCH = Math.round(utc(622, 7, 19) / MS_PER_DAY);
const HIJRI_YEAR = 354.36667;
const HIJRI_MONTH = 29.530589;

/** The day number of an Umm al-Qura date, or null when the month has no such day (30 in a 29-day month). */
export function fromHijri(y: number, m: number, d: number): number | null {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 30) return null;
  let day = HIJRI_EPOCH + Math.floor((y - 1) * HIJRI_YEAR + (m - 1) * HIJRI_MONTH) + d - 1;
  for (let i = 0; i < 8; i++) {
    const [hy, hm, hd] = hijriOf(day);
    const diff = Math.round((y - hy) * HIJRI_YEAR + (m - hm) * HIJRI_MONTH + (d - hd));
    if (diff === 0) return hy === y && hm === m && hd === d ? day : null;
    day += diff;
  }
  return null;
}

/** First and last day of a Hijri month. */
export function hijriMonthDays(y: number, m: number): [number, number] | null {
  const first = fromHijri(y, m, 1);
  const [ny, nm] = addMonths(y, m, 1);
  const next = fromHijri(ny, nm, 1);
  return first === null || next === null ? null : [first, next - 1];
}

/** First and last day of a Hijri year. */
export function hijriYearDays(y: number): [number, number] | null {
  const first = fromHijri(y, 1, 1);
  const next = fromHijri(y + 1, 1, 1);
  return first === null || next === null ? null : [first, next - 1];
}
