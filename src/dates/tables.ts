/**
 * Date vocabulary as data: month names of four calendars, day names, relative words, time units, counts,
 * ordinals and the context words the date rules look at. Written as they are spelled; `lexicon.ts`
 * normalizes and tokenizes every phrase with the text pipeline, so spelling variants that normalization
 * folds (أ/إ/ا، ة/ه، ى/ي, diacritics) need no entry of their own.
 */

export type Calendar = "gregorian" | "hijri";
export type TimeUnit = "day" | "week" | "month" | "year" | "decade";

export interface MonthNames {
  month: number;
  calendar: Calendar;
  names: string[];
  /**
   * Also a common word or a person's name, so alone it is no date. "context": a day, a year, شهر, an anchor
   * or a preposition before it (في مارس) makes it one; "date": only a day, a year, شهر or an anchor (رجب، صفر).
   */
  needs?: "context" | "date";
  /** written exactly so in the input, diacritics aside (آب with its madda: أب and إب are other words) */
  exact?: boolean;
}

export const MONTHS: MonthNames[] = [
  // Gregorian: Egyptian/Gulf, Levantine/Iraqi (Syriac), Maghrebi (French) and Moroccan spellings
  { month: 1, calendar: "gregorian", names: ["يناير", "كانون الثاني", "كانون ثاني", "جانفي"] },
  { month: 2, calendar: "gregorian", names: ["فبراير", "فبرایر", "شباط", "فيفري", "فبرير"] },
  { month: 3, calendar: "gregorian", names: ["آذار", "اذار"] },
  { month: 3, calendar: "gregorian", names: ["مارس"], needs: "context" },
  { month: 4, calendar: "gregorian", names: ["أبريل", "إبريل", "نيسان", "أفريل", "ابريل"] },
  { month: 5, calendar: "gregorian", names: ["مايو", "أيار", "مايس"] },
  { month: 5, calendar: "gregorian", names: ["ماي"], needs: "context" },
  { month: 6, calendar: "gregorian", names: ["يونيو", "يونيه", "حزيران", "يونيوز"] },
  { month: 6, calendar: "gregorian", names: ["جوان"], needs: "context" },
  { month: 7, calendar: "gregorian", names: ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"] },
  { month: 8, calendar: "gregorian", names: ["أغسطس", "اغسطس", "أغسطوس", "غشت"] },
  { month: 8, calendar: "gregorian", names: ["آب"], needs: "context", exact: true },
  { month: 8, calendar: "gregorian", names: ["أوت"], needs: "context" },
  { month: 9, calendar: "gregorian", names: ["سبتمبر", "أيلول", "شتنبر"] },
  { month: 10, calendar: "gregorian", names: ["أكتوبر", "تشرين الأول", "تشرين أول", "اكتوبر"] },
  { month: 11, calendar: "gregorian", names: ["نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"] },
  { month: 12, calendar: "gregorian", names: ["ديسمبر", "كانون الأول", "كانون أول", "دجنبر", "دیسمبر"] },
  // Hijri
  { month: 1, calendar: "hijri", names: ["محرم", "المحرم"], needs: "date" },
  { month: 2, calendar: "hijri", names: ["صفر"], needs: "date" },
  { month: 3, calendar: "hijri", names: ["ربيع الأول", "ربيع أول"] },
  { month: 4, calendar: "hijri", names: ["ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع الاخر"] },
  { month: 5, calendar: "hijri", names: ["جمادى الأولى", "جمادى الأول", "جمادى الاولى", "جمادى أولى"] },
  { month: 6, calendar: "hijri", names: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى ثاني"] },
  { month: 7, calendar: "hijri", names: ["رجب"], needs: "date" },
  { month: 8, calendar: "hijri", names: ["شعبان"], needs: "date" },
  { month: 9, calendar: "hijri", names: ["رمضان"], needs: "context" },
  { month: 10, calendar: "hijri", names: ["شوال"], needs: "date" },
  { month: 11, calendar: "hijri", names: ["ذو القعدة", "ذي القعدة", "ذا القعدة"] },
  { month: 12, calendar: "hijri", names: ["ذو الحجة", "ذي الحجة", "ذا الحجة"] },
];

export interface WeekdayNames {
  /** 0 = Sunday, as Date.getUTCDay() */
  weekday: number;
  names: string[];
  ambiguous?: boolean;
}

export const WEEKDAYS: WeekdayNames[] = [
  { weekday: 0, names: ["الأحد"] },
  // الاثنين is also "the two"
  { weekday: 1, names: ["الاثنين", "الإثنين", "الأثنين"], ambiguous: true },
  { weekday: 2, names: ["الثلاثاء"] },
  { weekday: 3, names: ["الأربعاء", "الاربعاء"] },
  { weekday: 4, names: ["الخميس"] },
  { weekday: 5, names: ["الجمعة"] },
  { weekday: 6, names: ["السبت"] },
];

export interface RelativeDay {
  /** days from the document date */
  offset: number;
  names: string[];
  /** only before punctuation, a day name or at the end of a sentence */
  ambiguous?: boolean;
  /** written exactly so in the input, diacritics included (غداً with its tanwin is no verb) */
  exact?: boolean;
}

export const RELATIVE_DAYS: RelativeDay[] = [
  { offset: 0, names: ["اليوم"] },
  { offset: -1, names: ["أمس", "الأمس", "البارحة"] },
  { offset: -2, names: ["أول أمس", "أمس الأول", "أول من أمس"] },
  { offset: 1, names: ["غدٍ"] },
  { offset: 1, names: ["غداً", "غدًا"], exact: true },
  // also the verb "became", and a newspaper's or a party's name (الغد)
  { offset: 1, names: ["غدا", "الغد"], ambiguous: true },
  { offset: 2, names: ["بعد غد", "بعد الغد"] },
];

export interface UnitNames {
  unit: TimeUnit;
  /** the bare singular that also introduces a date (يوم الأحد، شهر رمضان، عام 2003) */
  keyword?: string[];
  singular?: string[];
  dual?: string[];
  plural?: string[];
  /** العام، الشهر: with an anchor (الماضي، المقبل، الجاري) or هذا */
  definite?: string[];
  /** السنوات، الأيام: with الماضية / الأخيرة, a vague period */
  definitePlural?: string[];
}

export const UNITS: UnitNames[] = [
  {
    unit: "day",
    keyword: ["يوم"],
    singular: ["يوما"],
    dual: ["يومين", "يومان"],
    plural: ["أيام"],
    definitePlural: ["الأيام"],
  },
  {
    unit: "week",
    singular: ["أسبوع", "أسبوعا", "اسبوع"],
    dual: ["أسبوعين", "أسبوعان"],
    plural: ["أسابيع"],
    definite: ["الأسبوع"],
    definitePlural: ["الأسابيع"],
  },
  {
    unit: "month",
    keyword: ["شهر"],
    singular: ["شهرا"],
    dual: ["شهرين", "شهران"],
    plural: ["أشهر", "شهور"],
    definite: ["الشهر"],
    definitePlural: ["الأشهر", "الشهور"],
  },
  {
    unit: "year",
    keyword: ["عام", "سنة", "عامي", "سنتي"],
    singular: ["عاما"],
    dual: ["عامين", "عامان", "سنتين", "سنتان"],
    plural: ["سنوات", "أعوام", "سنين"],
    definite: ["العام", "السنة"],
    definitePlural: ["السنوات", "الأعوام", "السنين"],
  },
  // عقد alone is mostly the verb "held"
  { unit: "decade", dual: ["عقدين", "عقدان"], plural: ["عقود"], definite: ["العقد"], definitePlural: ["العقود"] },
];

/** Counts written as words; `null` for vague ones (عدة أيام). */
export const COUNT_WORDS: { count: number | null; names: string[] }[] = [
  { count: 2, names: ["اثنين", "اثنان"] },
  { count: 3, names: ["ثلاثة", "ثلاث"] },
  { count: 4, names: ["أربعة", "أربع"] },
  { count: 5, names: ["خمسة", "خمس"] },
  { count: 6, names: ["ستة", "ست"] },
  { count: 7, names: ["سبعة", "سبع"] },
  { count: 8, names: ["ثمانية", "ثماني", "ثمان"] },
  { count: 9, names: ["تسعة", "تسع"] },
  { count: 10, names: ["عشرة", "عشر"] },
  { count: 20, names: ["عشرين", "عشرون"] },
  { count: 30, names: ["ثلاثين", "ثلاثون"] },
  { count: 40, names: ["أربعين", "أربعون"] },
  { count: 50, names: ["خمسين", "خمسون"] },
  { count: 100, names: ["مئة", "مائة"] },
  { count: null, names: ["عدة", "بضعة", "بضع"] },
];

/**
 * Ordinal day numbers (الأول من نوفمبر، السابع من تشرين الثاني، الحادي والعشرين من …), built as
 * units + tens: index 0 is the ordinal of 1 alone, index 1 its form in compounds (الحادي عشر).
 */
export const ORDINAL_UNITS: [string[], string[]][] = [
  [["الأول", "الأولى"], ["الحادي", "الحادية"]],
  [["الثاني", "الثانية"], ["الثاني", "الثانية"]],
  [["الثالث", "الثالثة"], ["الثالث", "الثالثة"]],
  [["الرابع", "الرابعة"], ["الرابع", "الرابعة"]],
  [["الخامس", "الخامسة"], ["الخامس", "الخامسة"]],
  [["السادس", "السادسة"], ["السادس", "السادسة"]],
  [["السابع", "السابعة"], ["السابع", "السابعة"]],
  [["الثامن", "الثامنة"], ["الثامن", "الثامنة"]],
  [["التاسع", "التاسعة"], ["التاسع", "التاسعة"]],
];
export const ORDINAL_TEN = ["العاشر", "العاشرة"];
export const ORDINAL_TEEN = ["عشر", "عشرة"];
export const ORDINAL_TENS: [number, string][] = [[20, "العشرين"], [30, "الثلاثين"]];

/** Decades named by their tens (الأربعينيات): of the twentieth century unless the text says otherwise. */
export const DECADES: { decade: number; names: string[] }[] = [
  { decade: 1920, names: ["العشرينات", "العشرينيات"] },
  { decade: 1930, names: ["الثلاثينات", "الثلاثينيات"] },
  { decade: 1940, names: ["الأربعينات", "الأربعينيات"] },
  { decade: 1950, names: ["الخمسينات", "الخمسينيات"] },
  { decade: 1960, names: ["الستينات", "الستينيات"] },
  { decade: 1970, names: ["السبعينات", "السبعينيات"] },
  { decade: 1980, names: ["الثمانينات", "الثمانينيات"] },
  { decade: 1990, names: ["التسعينات", "التسعينيات"] },
];

/** Named historical periods (الفترة العثمانية، العهد المملوكي): date mentions without a value. */
export const PERIOD_HEADS = ["الفترة", "العهد", "الحقبة", "العصر", "العصور"];
export const PERIOD_NAMES = [
  "العثمانية", "العثماني", "الرومانية", "الروماني", "البيزنطية", "البيزنطي", "المملوكية", "المملوكي", "الأموية", "الأموي", "العباسية",
  "العباسي", "الفاطمية", "الفاطمي", "الأيوبية", "الأيوبي", "الصليبية", "الصليبي", "الهلنستية", "الهلنستي", "الكنعانية", "الكنعاني",
  "الفارسية", "الفارسي", "الفرعونية", "الفرعوني", "الجاهلية", "الجاهلي", "الحجري", "البرونزي", "الحديدي", "الوسطى", "الحديثة", "الحديث",
];

/**
 * Single words by the role the date rules give them. The symbol (one character) is what the rules in
 * `rules.ts` match; `lexicon.ts` lists every symbol.
 */
export const WORDS: Record<string, { symbol: string; reason: string; names: string[] }> = {
  past: { symbol: "A", reason: "anchors a date before the document date", names: ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "المنقضي"] },
  next: { symbol: "F", reason: "anchors a date after the document date", names: ["المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "الجاي", "الجاية", "الجايي"] },
  current: { symbol: "C", reason: "the period holding the document date", names: ["الجاري", "الجارية", "الحالي", "الحالية"] },
  recent: { symbol: "G", reason: "a vague recent period (السنوات الأخيرة، الأيام القليلة الماضية)", names: ["الأخير", "الأخيرة", "القليلة", "القليل"] },
  thisOne: { symbol: "H", reason: "هذا العام: the current period", names: ["هذا", "هذه"] },
  thatOne: { symbol: "h", reason: "ذلك اليوم، نفس اليوم are not today", names: ["ذلك", "تلك", "نفس", "ذات"] },
  hijriEra: { symbol: "E", reason: "marks a Hijri year", names: ["هـ", "هجري", "هجرية", "الهجري", "الهجرية", "للهجرة"] },
  gregorianEra: { symbol: "e", reason: "marks a Gregorian year", names: ["ميلادي", "ميلادية", "الميلادي", "الميلادية", "للميلاد"] },
  century: { symbol: "^", reason: "القرن التاسع عشر، القرن الماضي: a century (ISO 8601 '18' is 1800-1899)", names: ["القرن"] },
  beforeChrist: { symbol: "<", reason: "a year before the Christian era: 1500 ق.م", names: ["ق.م", "ق م", "قبل الميلاد"] },
  shortGregorianEra: { symbol: "g", reason: "م after a year keyword (سنة 1935 م); alone it is also metres", names: ["م"] },
  dateKeyword: { symbol: "X", reason: "introduces a date: بتاريخ 15/1/1959، الموافق", names: ["تاريخ", "الموافق"] },
  inPrep: { symbol: "I", reason: "a bare year after it is a date: في 1948، خلال 2016", names: ["في", "خلال", "بحلول", "حلول"] },
  agoPrep: { symbol: "b", reason: "قبل يومين، منذ ثلاثة أسابيع; a bare year after it is a date", names: ["قبل", "منذ"] },
  afterPrep: { symbol: "a", reason: "بعد يومين; a bare year after it is a date", names: ["بعد"] },
  from: { symbol: "r", reason: "opens a range (من 13 حتى 15) and links an ordinal day to its month", names: ["من"] },
  between: { symbol: "B", reason: "opens a range: بين 1 و3 آذار", names: ["بين"] },
  to: { symbol: "&", reason: "joins the two ends of a range; a bare year after it is a date (حتى 2019)", names: ["إلى", "الى", "حتى", "لغاية"] },
  and: { symbol: "v", reason: "joins two days, months or years (بين 1 و3 آذار); alone it is no year context", names: ["و"] },
  modifier: {
    symbol: "f",
    reason: "part of a period's span, value unchanged: أواخر عام 2017، صيف 2014",
    names: ["مطلع", "أوائل", "أواخر", "بداية", "بدايات", "نهاية", "أواسط", "منتصف", "صيف", "شتاء", "ربيع", "خريف"],
  },
  event: {
    symbol: "N",
    reason: "a bare year after an event noun is a date: حرب 1948، الانتفاضة الأولى 1987",
    names: [
      "حرب", "الحرب", "ثورة", "الثورة", "انتفاضة", "الانتفاضة", "زلزال", "الزلزال", "نكبة", "النكبة", "نكسة", "النكسة", "انتخابات",
      "الانتخابات", "انقلاب", "الانقلاب", "اتفاقية", "الاتفاقية", "معاهدة", "المعاهدة", "أحداث", "الأحداث", "مجزرة", "المجزرة", "عدوان",
      "العدوان", "غزو", "الغزو", "دستور", "الدستور", "كأس", "مونديال", "المونديال", "أولمبياد", "الأولمبياد", "دورة", "بطولة", "موسم",
      "الموسم", "جائزة", "ميزانية", "الميزانية", "موازنة", "الموازنة", "رؤية", "إحصاء", "تعداد", "هبة", "إضراب", "الإضراب", "احتجاجات",
      "الاحتجاجات", "تظاهرات", "مظاهرات",
    ],
  },
  quantity: {
    symbol: "q",
    reason: "a number after it is a count or a reference, not a date: رقم 1594، القرار 2254، نحو 1000",
    names: [
      "رقم", "رقمها", "رقمه", "العدد", "عدد", "القرار", "قرار", "المادة", "مادة", "الفقرة", "البند", "الصفحة", "صفحة", "ص", "الآية",
      "آية", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "أكثر", "أقل", "مجموع", "إجمالي", "بلغ", "بلغت", "يبلغ", "تبلغ", "قانون", "القانون",
      "المرسوم", "مرسوم", "الطريق", "الغرفة", "الرمز", "الكود", "هاتف", "الهاتف", "فاكس", "جوال", "موبايل",
    ],
  },
  counted: {
    symbol: "c",
    reason: "a noun that a count precedes: 2000 شخص is not a year",
    names: [
      "شخص", "شخصا", "أشخاص", "دولار", "دولارا", "يورو", "جنيه", "جنيها", "ريال", "ريالا", "درهم", "درهما", "دينار", "دينارا", "ليرة",
      "شيكل", "طن", "طنا", "كيلومتر", "كيلومترا", "كلم", "كم", "متر", "مترا", "عنصر", "عنصرا", "جندي", "جنديا", "مقاتل", "مقاتلا", "قتيل",
      "قتيلا", "جريح", "جريحا", "لاجئ", "لاجئا", "طالب", "طالبا", "عامل", "عاملا", "وحدة", "مواطن", "مواطنا", "حالة", "إصابة", "صاروخ",
      "صاروخا", "قذيفة", "غارة", "برميل", "برميلا", "نسمة", "منزل", "منزلا", "مسكن", "شقة", "فرد", "فردا", "عائلة", "أسرة", "معتقل",
      "أسير", "أسيرا", "سجين", "موظف", "موظفا", "ميغاواط", "هكتار", "دونم", "دونما", "فدان", "سيارة", "مليون", "مليار", "ألف", "آلاف",
      "نسخة", "صوت", "صوتا", "مقعد", "مقعدا", "مشارك", "مشاركا", "كيلو", "كيلوغرام", "غرام", "لتر", "ميل", "قدم", "ساعة", "دقيقة", "ثانية",
    ],
  },
  generalHead: {
    symbol: "k",
    reason: "العام after these is the adjective 'general' (الأمين العام الحالي is no date)",
    names: [
      "الأمين", "المدير", "المدعي", "النائب", "الرأي", "القطاع", "المؤتمر", "العفو", "الحق", "الشأن", "المال", "الصالح", "النظام",
      "الأمن", "المراقب", "المفتش", "المنسق", "المرشد", "القائد", "المستشار", "التعليم", "الاتحاد", "الدين", "العمل", "المجلس",
    ],
  },
  namedDay: {
    symbol: "j",
    reason: "اليوم before these is a day other than today (اليوم التالي، اليوم العالمي)",
    names: ["التالي", "السابق", "العالمي", "الوطني", "نفسه", "ذاته", "الموعود", "المحدد", "الذي"],
  },
};

/** Words on a line that make its date the publication date (a dateline). */
export const DATELINE_CUES = ["نشر", "نشرت", "تاريخ النشر", "آخر تحديث", "تحديث", "published", "updated"];
