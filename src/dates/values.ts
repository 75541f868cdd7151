/**
 * ISO 8601 values of matched date rules. A builder returns null to reject a match (no such date, an
 * implausible year), `{}` for a date mention the text cannot place (relative, with no document date), or
 * `{ value }`: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, a duration (P3D), or a range "start/end".
 */
import type { Token } from "../core/types.js";
import {
  addMonths, dayOf, daysInMonth, fromHijri, hijriMonthDays, hijriOf, hijriYearDays, isoDay, isoMonth, isoWeek, isoYear, weekdayOf, ymdOf,
} from "./calendar.js";
import type { DateUnit } from "./lexicon.js";
import type { BuilderName } from "./rules.js";
import type { Calendar, TimeUnit } from "./tables.js";

export interface MatchContext {
  units: DateUnit[];
  /** first token of each unit */
  starts: number[];
  /** unit range of the match [start, end) */
  start: number;
  end: number;
  /** named groups as unit ranges */
  groups: Record<string, [number, number] | undefined>;
  tokens: Token[];
  /** the document date as a day number, when known */
  doc: number | null;
}

export type Built = { value?: string } | null;

type Anchor = "past" | "next" | "current" | undefined;

/** What a run of units says about a date. */
interface Parts {
  day?: number;
  month?: number;
  calendar: Calendar;
  year?: number;
  /** bc: a Gregorian year before the Christian era */
  era?: Calendar | "bc";
  anchor?: Anchor;
}

/** The parts in units [a, b); null when two month names disagree. */
function readParts(units: DateUnit[], a: number, b: number): Parts | null {
  const p: Parts = { calendar: "gregorian" };
  for (let i = a; i < b; i++) {
    const u = units[i]!;
    switch (u.symbol) {
      case "d":
        p.day ??= u.numbers![0];
        break;
      case "O":
        p.day ??= u.ordinal;
        break;
      case "y":
      case "n":
        p.year ??= u.numbers![0];
        break;
      case "M":
      case "m":
      case "u":
        if (p.month === undefined) {
          p.month = u.month!.month;
          p.calendar = u.month!.calendar;
        } else if (p.month !== u.month!.month || p.calendar !== u.month!.calendar) return null;
        break;
      case "E":
        p.era = "hijri";
        break;
      case "e":
      case "g":
        p.era = "gregorian";
        break;
      case "<":
        p.era = "bc";
        break;
      case "A":
        p.anchor = "past";
        break;
      case "F":
        p.anchor = "next";
        break;
      case "C":
        p.anchor = "current";
        break;
    }
  }
  return p;
}

/** A resolved date: its ISO value and its first and last day. */
interface Resolved {
  value: string;
  first: number;
  last: number;
}

const range = (first: number, last: number): Resolved => ({ value: `${isoDay(first)}/${isoDay(last)}`, first, last });

/** The Hijri year whose given month begins in a Gregorian year (شهر رمضان عام 1992). */
function hijriYearInGregorian(year: number, month: number): number | null {
  const start = dayOf(year, 1, 1)!;
  const hy = hijriOf(start)[0];
  for (const y of [hy, hy + 1]) {
    const first = fromHijri(y, month, 1);
    if (first !== null && ymdOf(first)[0] === year) return y;
  }
  return null;
}

/** Among candidate dates, the one the anchor picks relative to `now` (past: latest ≤ now, next: earliest > now, else nearest). */
function pick<T>(candidates: { key: number; item: T }[], now: number, anchor: Exclude<Anchor, "current">, strictPast: boolean): T | null {
  let best: { key: number; item: T } | null = null;
  for (const c of candidates) {
    if (anchor === "past" && (strictPast ? c.key >= now : c.key > now)) continue;
    if (anchor === "next" && c.key <= now) continue;
    if (!best) best = c;
    else if (anchor === "past" ? c.key > best.key : anchor === "next" ? c.key < best.key : Math.abs(c.key - now) < Math.abs(best.key - now)) best = c;
  }
  return best?.item ?? null;
}

const YEARS_AROUND = [-1, 0, 1];
/** 29 February: the leap years around */
const LEAP_YEARS_AROUND = [-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8];

/** The value of parts with a year; null when there is no such date. */
function resolveDated(p: Parts & { year: number }): Resolved | null {
  if (p.era === "bc") {
    if (p.calendar === "hijri" || p.year < 1) return null;
    return resolveDated({ ...p, year: 1 - p.year, era: "gregorian" });
  }
  if (p.calendar === "hijri" || (p.month === undefined && p.era === "hijri")) {
    const hy = p.era === "hijri" || (p.era === undefined && p.year < 1600) ? p.year : p.month ? hijriYearInGregorian(p.year, p.month) : null;
    if (hy === null) return null;
    if (p.month === undefined) {
      const days = hijriYearDays(hy);
      return days && range(...days);
    }
    if (p.day !== undefined) {
      const day = fromHijri(hy, p.month, p.day);
      return day === null ? null : { value: isoDay(day), first: day, last: day };
    }
    const days = hijriMonthDays(hy, p.month);
    return days && range(...days);
  }
  if (p.year < (p.era === "gregorian" ? -9998 : 1000) || p.year > 2199) return null;
  if (p.month === undefined) return { value: isoYear(p.year), first: dayOf(p.year, 1, 1)!, last: dayOf(p.year, 12, 31)! };
  if (p.day !== undefined) {
    const day = dayOf(p.year, p.month, p.day);
    return day === null ? null : { value: isoDay(day), first: day, last: day };
  }
  return { value: isoMonth(p.year, p.month), first: dayOf(p.year, p.month, 1)!, last: dayOf(p.year, p.month, daysInMonth(p.year, p.month))! };
}

/** The value of parts without a year, placed by the anchor around the document date; undefined without one. */
function resolveYearless(p: Parts, doc: number | null): Resolved | null | undefined {
  if (p.month === undefined) return null;
  const hijri = p.calendar === "hijri";
  if (p.day !== undefined && p.day > (hijri ? 30 : daysInMonth(2000, p.month))) return null;
  if (doc === null) return undefined;
  const [docYear, docMonth] = hijri ? hijriOf(doc) : ymdOf(doc);
  const era: Calendar = hijri ? "hijri" : "gregorian";
  if (p.anchor === "current") return resolveDated({ ...p, year: docYear, era });
  const candidates: { key: number; item: Resolved }[] = [];
  for (const k of !hijri && p.month === 2 && p.day === 29 ? LEAP_YEARS_AROUND : YEARS_AROUND) {
    const r = resolveDated({ ...p, year: docYear + k, era });
    if (!r) continue;
    // days compare with the document date (on or before for الماضي); months compare as months (strictly before)
    candidates.push({ key: p.day !== undefined ? r.first : (docYear + k) * 12 + p.month, item: r });
  }
  return p.day !== undefined ? pick(candidates, doc, p.anchor, false) : pick(candidates, docYear * 12 + docMonth, p.anchor, true);
}

function resolveParts(p: Parts, doc: number | null): Resolved | null | undefined {
  return p.year !== undefined ? resolveDated({ ...p, year: p.year }) : resolveYearless(p, doc);
}

const valueOf = (r: Resolved | null | undefined): Built => (r === null ? null : r === undefined ? {} : { value: r.value });

function calendar(m: MatchContext): Built {
  const p = readParts(m.units, m.start, m.end);
  if (!p) return null;
  // a year without era, month or keyword is a Gregorian year of plausible size
  if (p.month === undefined && p.year !== undefined && p.era === undefined && (p.year < 1000 || p.year > 2100)) return null;
  const r = resolveParts(p, m.doc);
  // a day the month does not have (30 شوال 1442, 31 نوفمبر 2021) is still written as a date: a mention without a value
  return r === null && p.day !== undefined && p.day <= 31 && p.month !== undefined && p.year !== undefined ? {} : valueOf(r);
}

/** Numbers of a numeric date: one token (23/12/2021) or three (26 / 4 / 1948). */
function numericParts(m: MatchContext): Parts | null {
  const numbers: number[] = [];
  const widths: number[] = [];
  let era: Calendar | undefined;
  for (let i = m.start; i < m.end; i++) {
    const u = m.units[i]!;
    if (u.numbers && "dyDPn".includes(u.symbol)) {
      numbers.push(...u.numbers);
      widths.push(...u.widths!);
    } else if (u.symbol === "E") era = "hijri";
  }
  const calendarOf: Calendar = era ?? "gregorian";
  if (numbers.length === 2) {
    const [y, month] = widths[0] === 4 ? numbers : [numbers[1]!, numbers[0]!];
    return { year: y, month, calendar: calendarOf, era };
  }
  if (numbers.length !== 3) return null;
  let [day, month, year] = widths[0] === 4 ? [numbers[2]!, numbers[1]!, numbers[0]!] : (numbers as [number, number, number]);
  if (widths[0] !== 4 && widths[2] !== 4) return null;
  // month/day/year (American order) when the middle number cannot be a month
  if (month > 12 && day <= 12) [day, month] = [month, day];
  return { day, month, year, calendar: calendarOf, era };
}

function numeric(m: MatchContext): Built {
  const p = numericParts(m);
  return p ? valueOf(resolveParts(p, m.doc)) : null;
}

/** The first value of a range end ("a/b" → a) or the last. */
const startOf = (v: string) => v.split("/")[0]!;
const endOf = (v: string) => v.split("/").at(-1)!;

function rangeOf(m: MatchContext): Built {
  const from = m.groups.from, to = m.groups.to;
  if (!from || !to) return yearRange(m);
  // with no connector between them, the second part must carry و (ومارس)
  if (to[0] === from[1] && !m.tokens[m.starts[to[0]]!]!.norm.startsWith("و")) return null;
  const a = readParts(m.units, from[0], from[1]);
  const b = readParts(m.units, to[0], to[1]);
  if (!a || !b || b.month === undefined) return null;
  a.month ??= b.month;
  a.calendar = a.month === b.month ? b.calendar : a.calendar;
  a.anchor ??= b.anchor;
  // the start takes the end's year, the year before when it falls later in the year (28 ديسمبر إلى 3 يناير)
  const crossesYear = a.month * 32 + (a.day ?? 0) > b.month * 32 + (b.day ?? 0);
  if (a.year === undefined && b.year !== undefined) {
    a.year = crossesYear ? b.year - 1 : b.year;
    a.era ??= b.era;
  }
  const rb = resolveParts(b, m.doc);
  // a year-less range ends in the year its end resolves to
  if (a.year === undefined && rb && b.calendar === "gregorian") a.year = ymdOf(rb.first)[0] - (crossesYear ? 1 : 0);
  const ra = resolveParts(a, m.doc);
  if (ra === null || rb === null) return null;
  if (ra === undefined || rb === undefined) return {};
  return rb.last < ra.first ? null : { value: `${startOf(ra.value)}/${endOf(rb.value)}` };
}

/** 1936 - 1939، عام ( 1931 / 1932 )، 1936-39، بين 2010 و2015 */
function yearRange(m: MatchContext): Built {
  const years: number[] = [];
  let joinedByAnd = false, introduced = false;
  for (let i = m.start; i < m.end; i++) {
    const u = m.units[i]!;
    if (u.symbol === "y") years.push(u.numbers![0]!);
    else if (u.symbol === "R") {
      const [a, b] = u.numbers as [number, number];
      years.push(a, u.widths![1] === 2 ? Math.floor(a / 100) * 100 + b : b);
    } else if (u.symbol === "v") joinedByAnd = true;
    else if ("YZB".includes(u.symbol)) introduced = true;
  }
  const [a, b] = years as [number, number];
  if (joinedByAnd && !introduced) return null;
  if (a < 1000 || b > 2100 || b <= a || b - a > 100) return null;
  return { value: `${isoYear(a)}/${isoYear(b)}` };
}

function firstWith(m: MatchContext, symbols: string): DateUnit | undefined {
  for (let i = m.start; i < m.end; i++) if (symbols.includes(m.units[i]!.symbol)) return m.units[i];
  return undefined;
}

function relativeDay(m: MatchContext): Built {
  const u = firstWith(m, "Tt")!;
  return m.doc === null ? {} : { value: isoDay(m.doc + u.offset!) };
}

function weekday(m: MatchContext): Built {
  const w = firstWith(m, "Ww")!.weekday!;
  if (m.doc === null) return {};
  const anchor = firstWith(m, "AF")?.symbol;
  const today = weekdayOf(m.doc);
  const back = (today - w + 7) % 7, ahead = (w - today + 7) % 7;
  const day = anchor === "A" ? m.doc - (back || 7) : anchor === "F" ? m.doc + (ahead || 7) : m.doc - back;
  return { value: isoDay(day) };
}

/** The period holding a day, at a unit's precision. */
function periodValue(day: number, unit: TimeUnit, shift: number): string | undefined {
  const [y, mo] = ymdOf(day);
  switch (unit) {
    case "day":
      return isoDay(day + shift);
    case "week":
      return isoWeek(day + 7 * shift);
    case "month":
      return isoMonth(...addMonths(y, mo, shift));
    case "year":
      return isoYear(y + shift);
    case "decade":
      return undefined;
  }
}

const shiftOf = (anchor: string | undefined) => (anchor === "A" ? -1 : anchor === "F" ? 1 : 0);

function period(m: MatchContext): Built {
  const unit = firstWith(m, "Z")!.unit!;
  if (m.doc === null) return {};
  const value = periodValue(m.doc, unit, shiftOf(firstWith(m, "ACF")?.symbol));
  return value ? { value } : {};
}

/** A day of a relative month (22 من الشهر المقبل) or a month of a relative year (ديسمبر من العام الماضي). */
function ofPeriod(m: MatchContext): Built {
  const z = firstWith(m, "Z")!;
  const p = readParts(m.units, m.start, m.end);
  if (!p || (z.unit === "month") === (p.month !== undefined) || (z.unit !== "month" && z.unit !== "year")) return null;
  p.anchor = undefined;
  if (m.doc === null) {
    return p.day !== undefined && p.day > 31 ? null : {};
  }
  const [y, mo] = ymdOf(m.doc);
  const shift = shiftOf(firstWith(m, "ACF")?.symbol);
  if (z.unit === "month") [p.year, p.month] = addMonths(y, mo, shift);
  else [p.year, p.era] = [y + shift, "gregorian"];
  return valueOf(resolveDated({ ...p, year: p.year! }));
}

/** How many units a count names: 3 أيام، ثلاثة أسابيع، يومين، شهر. */
function countOf(m: MatchContext): { count: number | null; unit: TimeUnit } {
  let count: number | null = 1;
  let unit: TimeUnit = "day";
  for (let i = m.start; i < m.end; i++) {
    const u = m.units[i]!;
    if (u.symbol === "d" || u.symbol === "n") count = u.numbers![0]!;
    else if (u.symbol === "K") count = u.count ?? null;
    else if (u.unit) {
      unit = u.unit;
      if (u.symbol === "V") count = 2;
    }
  }
  return { count, unit };
}

function shift(m: MatchContext): Built {
  const back = firstWith(m, "ab")!.symbol === "b";
  const { count, unit } = countOf(m);
  // قبل يومين من الانتخابات: counted from another event, not from the document date
  if (m.doc === null || count === null || m.units[m.end]?.symbol === "r") return {};
  const value = periodValue(m.doc, unit, back ? -count : count);
  return value ? { value } : {};
}

const DURATION_LETTER: Record<TimeUnit, [string, number]> = { day: ["D", 1], week: ["W", 1], month: ["M", 1], year: ["Y", 1], decade: ["Y", 10] };

function duration(m: MatchContext): Built {
  const { count, unit } = countOf(m);
  if (count === null) return {};
  const [letter, factor] = DURATION_LETTER[unit];
  return count > 0 ? { value: `P${count * factor}${letter}` } : null;
}

function decade(m: MatchContext): Built {
  const d = firstWith(m, "z")!.decade!;
  return { value: `${isoYear(d)}/${isoYear(d + 9)}` };
}

/** حرب 48: a two-digit year of the twentieth century. */
function shortYear(m: MatchContext): Built {
  const u = firstWith(m, "n")!;
  return u.widths![0] === 2 ? { value: isoYear(1900 + u.numbers![0]!) } : null;
}

/** القرن العشرين → "19" (ISO 8601 century: the years 1900-1999), القرن الماضي from the document date. */
function century(m: MatchContext): Built {
  const n = firstWith(m, "Od");
  const ordinal = n?.ordinal ?? n?.numbers?.[0];
  // a century before Christ or of the Hijra has no ISO 8601 century of its own
  if (ordinal !== undefined) return firstWith(m, "<E") ? {} : ordinal <= 21 ? { value: String(ordinal - 1).padStart(2, "0") } : null;
  if (m.doc === null) return {};
  const current = Math.floor(ymdOf(m.doc)[0] / 100);
  return { value: String(current + shiftOf(firstWith(m, "ACF")?.symbol)).padStart(2, "0") };
}

export const BUILDERS: Record<BuilderName, (m: MatchContext) => Built> = {
  calendar,
  numeric,
  range: rangeOf,
  relativeDay,
  weekday,
  period,
  ofPeriod,
  shift,
  duration,
  vague: () => ({}),
  decade,
  shortYear,
  century,
};
