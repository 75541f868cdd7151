/**
 * Date rules as data: each a pattern over unit symbols (see lexicon.ts), the builder that computes its value,
 * a confidence, a reason and examples (text → value against the document date 2021-12-23, or null when the
 * mention has no value) that __tests__/dates runs. Patterns are regular expressions over the symbol string of
 * a sentence; {NAME} expands a macro below. Lookbehinds and lookaheads test context that stays out of the span.
 */

export type BuilderName =
  | "calendar" | "numeric" | "range" | "relativeDay" | "weekday" | "period" | "ofPeriod" | "shift" | "duration" | "vague" | "decade"
  | "shortYear" | "century";

export interface DateRule {
  id: string;
  reason: string;
  pattern: string;
  build: BuilderName;
  confidence: number;
  examples: [text: string, value: string | null][];
}

/** The document date the examples resolve against. */
export const EXAMPLE_DOCUMENT_DATE = "2021-12-23";

const MACROS: Record<string, string> = {
  /** a day name (and الموافق) before a full date: الخميس 23 ديسمبر، يوم الثلاثاء الموافق 5/8/2008 */
  WD: "(?:J?[Ww],?(?:X:?)?)?",
  /** a day of the month: 7, يوم 30, 5 من, السابع من */
  DAY: "J?(?:dr?|Or)",
  /** a month name, doubled in parentheses or after a slash: تشرين الثاني (نوفمبر)، يونيو / حزيران */
  MONTH: "[Mmu](?:\\([Mmu]\\)|[/\\-][Mmu])?",
  /** a year after a month: 2021, (1970), من العام 1992, 1428 هجرية, 630 هـ (short years need their era) */
  YEAR: "(?:r?[YZ])?(?:\\(y\\)|y|\\(n\\)(?=[Eeg<])|n(?=[Eeg<]))[Eeg<]?",
  /** a numeric date in several tokens: 26 / 4 / 1948، 2021 - 12 - 23 */
  SPACED: "(?:d[/\\-]d[/\\-]y|y[/\\-]d[/\\-]d)",
  /** a count of units: 3 أيام، ثلاثة أسابيع، يومين، شهر; not عام 2003 or يوم الأحد */
  COUNTED: "(?:[dnK][LU]|V|[YSJU])(?![(ynWwTt])",
  /** what a year is not followed by when it is a count: 2000 شخص، 1500 عام */
  NOT_COUNT: "(?!\\)?[cYSJUVLQK%])",
};

export const DATE_RULES: DateRule[] = [
  {
    id: "numeric-date",
    reason: "a day, month and year in one number token, either order, any digits; هـ makes it Hijri",
    pattern: "{WD}(?<!q)DE?",
    build: "numeric",
    confidence: 0.95,
    examples: [["23/12/2021", "2021-12-23"], ["٢٣/١٢/٢٠٢١", "2021-12-23"], ["2021-12-23", "2021-12-23"], ["19/5/1443 هـ", "2021-12-23"]],
  },
  {
    id: "numeric-date-spaced",
    reason: "a numeric date written with spaces around the separators (wire copy, archives)",
    pattern: "{WD}(?<!q){SPACED}E?",
    build: "numeric",
    confidence: 0.9,
    examples: [["26 / 4 / 1948", "1948-04-26"], ["يوم الثلاثاء الموافق 5 / 8 / 2008", "2008-08-05"]],
  },
  {
    id: "numeric-month",
    reason: "a month and year in one number token: 12/2021",
    pattern: "(?<!q)P",
    build: "numeric",
    confidence: 0.8,
    examples: [["في 12/2021", "2021-12"]],
  },
  {
    id: "month-then-numeric-date",
    reason: "archives write the month name before the full date in parentheses",
    pattern: "[Mmu]\\((?:D|{SPACED})\\)",
    build: "numeric",
    confidence: 0.9,
    examples: [["شباط ( 28 / 2 / 1945 )", "1945-02-28"]],
  },
  {
    id: "day-month-year",
    reason: "a day, a month name of any calendar and a year",
    pattern: "{WD}{DAY}[/\\-]?{MONTH}[/\\-,]?{YEAR}",
    build: "calendar",
    confidence: 0.95,
    examples: [
      ["7 تشرين الثاني (نوفمبر) 2021", "2021-11-07"],
      ["الخميس 23 ديسمبر 2021", "2021-12-23"],
      ["20 / شعبان / 1428 هجرية", "2007-09-02"],
      ["السابع من نوفمبر 2021", "2021-11-07"],
    ],
  },
  {
    id: "day-month-anchored",
    reason: "a day and month without a year, with الماضي (the latest on or before the document date), المقبل (the next) or الجاري (this year's)",
    pattern: "{WD}{DAY}{MONTH}[ACF]",
    build: "calendar",
    confidence: 0.9,
    examples: [["7 تشرين الثاني (نوفمبر) الماضي", "2021-11-07"], ["5 يناير المقبل", "2022-01-05"]],
  },
  {
    id: "day-month",
    reason: "a day and month without a year: the nearest such date to the document date (no dash between them: 1 - صفر is a score)",
    pattern: "{WD}{DAY}{MONTH}",
    build: "calendar",
    confidence: 0.85,
    examples: [["في 13 يوليو", "2021-07-13"], ["2 ربيع الأول", "2021-10-08"]],
  },
  {
    id: "month-year",
    reason: "a month name and a year",
    pattern: "f?S?{MONTH},?{YEAR}",
    build: "calendar",
    confidence: 0.9,
    examples: [["نوفمبر / تشرين الثاني 2017", "2017-11"], ["تموز ( 1970 )", "1970-07"], ["رمضان 1442 هـ", "2021-04-13/2021-05-12"]],
  },
  {
    id: "month-anchored",
    reason: "a month with الماضي / المقبل: the latest before or the next after the document's month",
    pattern: "f?S?{MONTH}[ACF]",
    build: "calendar",
    confidence: 0.85,
    examples: [["نوفمبر الماضي", "2021-11"], ["ديسمبر الماضي", "2020-12"], ["رمضان المقبل", "2022-04-02/2022-05-01"]],
  },
  {
    id: "day-of-relative-month",
    reason: "a day of this, last or next month: في 22 من الشهر المقبل، الخامس من الشهر الجاري",
    pattern: "{WD}{DAY}Z[ACF]",
    build: "ofPeriod",
    confidence: 0.85,
    examples: [["في 22 من الشهر المقبل", "2022-01-22"], ["الخامس من الشهر الجاري", "2021-12-05"]],
  },
  {
    id: "month-of-relative-year",
    reason: "a month (and day) of this, last or next year: ديسمبر من العام الماضي",
    pattern: "{WD}(?:{DAY}[/\\-]?)?{MONTH}r?Z[ACF]",
    build: "ofPeriod",
    confidence: 0.85,
    examples: [["ديسمبر من العام الماضي", "2020-12"], ["3 يناير من العام المقبل", "2022-01-03"]],
  },
  {
    id: "month-range",
    reason: "two months joined by و / إلى: a range (و may be written on the second month: يناير ومارس)",
    pattern: "[Br]?(?<from>[Mm])[&v\\-]?(?<to>{MONTH}(?:,?{YEAR})?)",
    build: "range",
    confidence: 0.8,
    examples: [["بين يناير ومارس 2020", "2020-01/2020-03"]],
  },
  {
    id: "month",
    reason: "a month name alone: a name that is also a word needs شهر or a preposition before it",
    pattern: "f?S?M|f?S[mu]|f[mu]|(?<=[Iab&])m",
    build: "calendar",
    confidence: 0.75,
    examples: [["في آذار", "2022-03"], ["شهر رمضان", "2022-04-02/2022-05-01"], ["في مارس", "2022-03"]],
  },
  {
    id: "day-range",
    reason: "two days of one month: بين 1 و3 آذار، من 13 وحتى 15 تشرين الثاني 2016",
    pattern: "[Br]?(?<from>d)[&v\\-](?<to>d{MONTH}(?:[/\\-,]?{YEAR}|[ACF])?)",
    build: "range",
    confidence: 0.85,
    examples: [["من 13 وحتى 15 تشرين الثاني / نوفمبر 2016", "2016-11-13/2016-11-15"], ["بين 1 و3 آذار 2020", "2020-03-01/2020-03-03"], ["من 26 حتى 30 أغسطس الماضي", "2021-08-26/2021-08-30"]],
  },
  {
    id: "date-range",
    reason: "two dates with day and month joined by إلى / حتى / -",
    pattern: "[Br]?(?<from>{DAY}{MONTH}(?:,?{YEAR})?)[&v\\-](?<to>{DAY}{MONTH}(?:,?{YEAR}|[ACF])?)",
    build: "range",
    confidence: 0.85,
    examples: [["من 28 فبراير إلى 3 مارس 2020", "2020-02-28/2020-03-03"]],
  },
  {
    id: "year-range",
    reason: "two years joined by - / إلى (or و after بين or a year keyword): a range",
    pattern: "(?<!q)[YZBr]?(?:y[&v\\-/]y|\\(y[&v\\-/]y\\)|R|\\(R\\))",
    build: "range",
    confidence: 0.85,
    examples: [["1936 - 1939", "1936/1939"], ["عام ( 1931 / 1932 )", "1931/1932"], ["بين 2010 و2015", "2010/2015"]],
  },
  {
    id: "year-keyword",
    reason: "a year after عام / سنة / العام (an era marker makes it Hijri); العام after الأمين is an adjective",
    pattern: "f?(?<!k)[YZ]\\(?(?:y|n(?=\\)?[Eeg<]))\\)?[Eeg<]?",
    build: "calendar",
    confidence: 0.9,
    examples: [["عام 2003", "2003"], ["سنة 1441 هـ", "2019-08-31/2020-08-19"], ["عام ( 1308 ) هجري", "1890-08-17/1891-08-05"], ["أواخر عام 2017", "2017"], ["منذ عام 605م", "0605"], ["سنة 1500 ق.م", "-1499"]],
  },
  {
    id: "year-era",
    reason: "a year with an era marker: 1348 هجري، 1907 ميلادي، 3000 ق.م (ISO year -2999: 1 BC is year 0)",
    pattern: "(?<!q)(?:\\([yn]\\)|[yn])[Ee<]",
    build: "calendar",
    confidence: 0.85,
    examples: [["( 1343 ) هجري", "1924-08-02/1925-07-21"], ["1907 ميلادي", "1907"], ["634 هـ", "1236-09-11/1237-08-30"], ["3000 قبل الميلاد", "-2999"]],
  },
  {
    id: "year-after-preposition",
    reason: "a bare year after في، منذ، قبل، بعد، حتى، خلال or بتاريخ, when no counted noun follows",
    pattern: "(?<=[Iab&X]:?\\(?)y{NOT_COUNT}",
    build: "calendar",
    confidence: 0.75,
    examples: [["في 1948", "1948"], ["منذ 2003", "2003"], ["خلال 2016", "2016"]],
  },
  {
    id: "year-after-event",
    reason: "a bare year after an event noun: حرب 1948، الانتفاضة الأولى 1987",
    pattern: "(?<=N[Oo]?)y{NOT_COUNT}",
    build: "calendar",
    confidence: 0.75,
    examples: [["حرب 1948", "1948"], ["الانتفاضة الأولى 1987", "1987"]],
  },
  {
    id: "short-year-after-event",
    reason: "a two-digit year after an event noun, no word after it: حرب 48، نكسة 67 (of the twentieth century; الدستور 51 بلدا is a count)",
    pattern: "(?<=N)n(?![oYSJUVLQKc%])",
    build: "shortYear",
    confidence: 0.6,
    examples: [["حرب 48", "1948"], ["نكسة 67", "1967"]],
  },
  {
    id: "century",
    reason: "a century by its ordinal or relative to the document date: القرن العشرين، القرن الماضي (Hijri and BC centuries: no value)",
    pattern: "f?\\^(?:[Od][Eeg<]?|[ACF])",
    build: "century",
    confidence: 0.75,
    examples: [["القرن العشرين", "19"], ["القرن الحادي والعشرين", "20"], ["القرن الماضي", "19"], ["القرن 19", "18"], ["القرن الخامس قبل الميلاد", null], ["القرن الرابع الهجري", null]],
  },
  {
    id: "year-with-modifier",
    reason: "a year after مطلع، أواخر, a season: the year",
    pattern: "fy{NOT_COUNT}",
    build: "calendar",
    confidence: 0.8,
    examples: [["صيف 2014", "2014"]],
  },
  {
    id: "year-in-parentheses",
    reason: "a year alone in parentheses (captions, references), not after رقم / القرار",
    pattern: "(?<=(?<!q)\\()y(?=\\))",
    build: "calendar",
    confidence: 0.65,
    examples: [["وثيقة ( 1948 )", "1948"]],
  },
  {
    id: "decade",
    reason: "a decade by its tens: الأربعينيات (of the twentieth century)",
    pattern: "z",
    build: "decade",
    confidence: 0.7,
    examples: [["في الأربعينيات", "1940/1949"]],
  },
  {
    id: "relative-day",
    reason: "اليوم، أمس، أول أمس، غداً، بعد غد; not اليوم التالي / ذلك اليوم; غدا (also 'became') only before punctuation",
    pattern: "(?<!h)J?T(?![OjG])[Ww]?|J?t(?=[,.:)p]|[Ww]|$)[Ww]?",
    build: "relativeDay",
    confidence: 0.85,
    examples: [["أمس", "2021-12-22"], ["أول أمس", "2021-12-21"], ["اليوم", "2021-12-23"], ["غداً.", "2021-12-24"], ["بعد غد", "2021-12-25"], ["أمس الأربعاء", "2021-12-22"]],
  },
  {
    id: "weekday",
    reason: "a day name: with الماضي the one before, with المقبل the one after, alone the latest on or before the document date",
    pattern: "J?[Ww][AF]|J[Ww]|W",
    build: "weekday",
    confidence: 0.8,
    examples: [["يوم الأحد الماضي", "2021-12-19"], ["الخميس المقبل", "2021-12-30"], ["الخميس", "2021-12-23"], ["يوم الاثنين", "2021-12-20"]],
  },
  {
    id: "relative-period",
    reason: "this / last / next week, month or year: الأسبوع الماضي، الشهر المقبل، هذا العام، نهاية العام",
    pattern: "f?(?<!k)Z[ACF]|f?HZ|fZ",
    build: "period",
    confidence: 0.85,
    examples: [
      ["الأسبوع الماضي", "2021-W50"], ["الشهر المقبل", "2022-01"], ["العام الماضي", "2020"], ["هذا العام", "2021"],
      ["السنة الجارية", "2021"],
    ],
  },
  {
    id: "ago",
    reason: "قبل / منذ and a count of units: back from the document date, as precise as the unit",
    pattern: "b{COUNTED}",
    build: "shift",
    confidence: 0.8,
    examples: [["قبل يومين", "2021-12-21"], ["منذ ثلاثة أسابيع", "2021-W48"], ["قبل شهرين", "2021-10"], ["قبل عشرين عاما", "2001"]],
  },
  {
    id: "later",
    reason: "بعد and a count of units: forward from the document date (no value when من names another event)",
    pattern: "a{COUNTED}",
    build: "shift",
    confidence: 0.7,
    examples: [["بعد يومين", "2021-12-25"], ["بعد يومين من الهجوم", null]],
  },
  {
    id: "duration",
    reason: "a counted length of time; its value is an ISO 8601 duration",
    pattern: "(?:[dnK][LU]|V)(?![(ynWwTt])",
    build: "duration",
    confidence: 0.6,
    examples: [["8 سنوات", "P8Y"], ["عامين", "P2Y"], ["لثلاثة أيام", "P3D"], ["لعدة أيام", null]],
  },
  {
    id: "vague-period",
    reason: "a period with no edge in the text: السنوات الأخيرة، الأيام المقبلة، منذ سنوات (a mention, no value)",
    pattern: "QG?[AGFC]|bL",
    build: "vague",
    confidence: 0.5,
    examples: [["السنوات الماضية", null], ["منذ سنوات", null], ["في الأيام القليلة الماضية", null]],
  },
  {
    id: "named-period",
    reason: "a named historical period: الفترة العثمانية، العصر المملوكي (a mention, no value)",
    pattern: "@",
    build: "vague",
    confidence: 0.5,
    examples: [["من الفترة العثمانية", null]],
  },
];

/** Symbols that only give context (prepositions, anchors, eras, punctuation): no rule's match starts on one. */
export const NEVER_FIRST = new Set("IXqckjhGACFEeg<&vpN,.:)/-%o");

/** A rule with its pattern expanded and compiled (sticky, with group indices). */
export interface CompiledRule extends DateRule {
  regex: RegExp;
}

let compiledRules: CompiledRule[] | undefined;

function macro(name: string): string {
  const m = MACROS[name];
  if (m === undefined) throw new Error(`dates: unknown macro {${name}}`);
  return m;
}

const expanded = (pattern: string): string => `(?:${pattern.replace(/\{(\w+)\}/g, (_, name: string) => `(?:${macro(name)})`)})`;

export function compiledDateRules(): CompiledRule[] {
  return (compiledRules ??= DATE_RULES.map((r) => ({ ...r, regex: new RegExp(expanded(r.pattern), "dy") })));
}

let anyRule: RegExp | undefined;

/**
 * Every rule at once: one sticky regex of lookaheads, group k + 1 holding rule k's match at the position (or
 * nothing). One call per position instead of one per rule; the matching rules then give their groups.
 */
export function anyDateRule(): RegExp {
  if (!anyRule) {
    const unnamed = (p: string) => p.replace(/\(\?<(?![=!])\w+>/g, "(?:"); // named groups capture in the rule's own regex only
    anyRule = new RegExp(DATE_RULES.map((r) => `(?=(${unnamed(expanded(r.pattern))})|)`).join(""), "y");
  }
  return anyRule;
}
