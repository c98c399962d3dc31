/**
 * Numbers, units and dates as each language prints them, through Intl with the page's
 * language tag: the same values in every edition, only their writing differs
 * ("$725 million" / "7.25 亿美元", "down 30%" / "下降 30%", "October 2024" / "2024 年 10 月").
 */
import type { FigureUnit } from '../data/figures-schema.ts';

export interface Measure {
  value: number;
  unit: FigureUnit;
}

const primary = (lang: string) => lang.split('-')[0]!.toLowerCase();
const numberFormat = (lang: string, digits = 1) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits });

interface LanguageFormat {
  value(measure: Measure, lang: string): string;
  change(value: number, lang: string): string;
  km(rounded: number, lang: string): string;
  km2(rounded: number, lang: string): string;
  /** Joins a hedge ("about", "约") to the number it qualifies. */
  hedged(hedge: string, value: string): string;
  /** A date's parts joined: numbers and CJK words are spaced in Chinese ("2024 年 10 月"). */
  date(parts: Intl.DateTimeFormatPart[]): string;
  /** Joins two periods: "2021-02 to 2025-09", "2024 vs 2023". */
  range(from: string, to: string): string;
  versus(a: string, b: string): string;
  fiscalYear(first: string, second: string): string;
}

const smallNumbers = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const english: LanguageFormat = {
  value({ value, unit }, lang) {
    const n = numberFormat(lang);
    const percent = (v: number) => `${n.format(Math.abs(v) * 100)}%`;
    // House style: whole numbers under ten are spelled out in prose.
    const count = (v: number) => (Number.isInteger(v) && v >= 0 && v < 10 ? smallNumbers[v]! : n.format(v));
    switch (unit) {
      case 'USD estimated revenue':
      case 'USD approved investment':
        return value >= 1e9 ? `$${n.format(value / 1e9)} billion` : `$${n.format(value / 1e6)} million`;
      case 'share':
        return percent(value);
      case 'change':
        return `${value < 0 ? '−' : value > 0 ? '+' : ''}${percent(value)}`;
      case 't REO':
        return `${n.format(value)} t REO`;
      case 't rare earths':
        return `${n.format(value)} tonnes`;
      case 'ratio':
        return `${n.format(value)} times`;
      case 'years':
      case 'ships':
      case 'structures':
        return `${count(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
    }
  },
  change(value, lang) {
    const p = `${numberFormat(lang).format(Math.abs(value) * 100)}%`;
    return value < 0 ? `down ${p}` : value > 0 ? `up ${p}` : 'unchanged';
  },
  km: (rounded, lang) => `${numberFormat(lang, 0).format(rounded)} km`,
  km2: (rounded, lang) => `${numberFormat(lang, 0).format(rounded)} km²`,
  hedged: (hedge, value) => `${hedge} ${value}`,
  date: (parts) => parts.map((part) => part.value).join(''),
  range: (from, to) => `${from} to ${to}`,
  versus: (a, b) => `${a} vs ${b}`,
  fiscalYear: (first, second) => `FY${first}-${second}`,
};

/** Chinese: 万 and 亿 for large sums, a space between a number and its unit word, as Chinese news copy writes them. */
const chinese: LanguageFormat = {
  value({ value, unit }, lang) {
    const n = numberFormat(lang, 2);
    const percent = (v: number) => `${numberFormat(lang).format(Math.abs(v) * 100)}%`;
    switch (unit) {
      case 'USD estimated revenue':
      case 'USD approved investment':
        return value >= 1e8 ? `${n.format(value / 1e8)} 亿美元` : `${n.format(value / 1e4)} 万美元`;
      case 'share':
        return percent(value);
      case 'change':
        return `${value < 0 ? '−' : value > 0 ? '+' : ''}${percent(value)}`;
      case 't REO':
        return `${numberFormat(lang).format(value)} 吨（稀土氧化物当量）`;
      case 't rare earths':
        return `${numberFormat(lang).format(value)} 吨`;
      case 'ratio':
        return `${numberFormat(lang).format(value)} 倍`;
      case 'years':
        return `${numberFormat(lang).format(value)} 年`;
      case 'ships':
        return `${numberFormat(lang).format(value)} 艘船`;
      case 'structures':
        return `${numberFormat(lang).format(value)} 处建筑`;
    }
  },
  change(value, lang) {
    const p = `${numberFormat(lang).format(Math.abs(value) * 100)}%`;
    return value < 0 ? `下降 ${p}` : value > 0 ? `增长 ${p}` : '持平';
  },
  km: (rounded, lang) => `${numberFormat(lang, 0).format(rounded)} 公里`,
  km2: (rounded, lang) => `${numberFormat(lang, 0).format(rounded)} 平方公里`,
  hedged: (hedge, value) => `${hedge} ${value}`,
  date: (parts) =>
    parts
      .filter((part) => part.type !== 'literal' || part.value.trim() !== '')
      .map((part) => part.value.trim())
      .join(' ')
      .replace(/ ([年月日])/g, ' $1')
      .trim(),
  range: (from, to) => `${from} 至 ${to}`,
  versus: (a, b) => `${a}（与 ${b} 相比）`,
  fiscalYear: (first, second) => `${first}–${second} 财年`,
};

const languages: Readonly<Record<string, LanguageFormat>> = { en: english, zh: chinese };

function formatFor(lang: string): LanguageFormat {
  const format = languages[primary(lang)];
  if (!format) throw new Error(`no number formats for language "${lang}"; add them to src/i18n/format.ts`);
  return format;
}

/** The number alone, in its unit's form, sign kept: "$725 million" / "7.25 亿美元", "−30%". */
export const formatMeasure = (measure: Measure, lang: string): string => formatFor(lang).value(measure, lang);

/** A change as prose says it: "down 30%" / "下降 30%". */
export const formatChangeIn = (value: number, lang: string): string => formatFor(lang).change(value, lang);

/** A hedge and its number: "about 57%" / "约 57%". */
export const hedgedIn = (hedge: string, value: string, lang: string): string => formatFor(lang).hedged(hedge, value);

/** Rounds a computed distance to what its precision supports (10 km steps above 100 km): "120 km" / "120 公里". */
export function formatKmIn(value: number, lang: string): string {
  return formatFor(lang).km(value >= 100 ? Math.round(value / 10) * 10 : Math.round(value), lang);
}

/** Areas to the nearest 1,000 km²: simplified boundaries support no more. */
export function formatKm2In(value: number, lang: string): string {
  return formatFor(lang).km2(Math.round(value / 1000) * 1000, lang);
}

const utc = { timeZone: 'UTC' } as const;

/** A date, a month or a year (YYYY-MM-DD, YYYY-MM, YYYY) in the language's words: "22 October 2024" / "2024 年 10 月 22 日". */
export function formatDate(iso: string, lang: string): string {
  const [year, month, day] = iso.split('-');
  const options: Intl.DateTimeFormatOptions =
    day !== undefined
      ? { day: 'numeric', month: 'long', year: 'numeric', ...utc }
      : month !== undefined
        ? { month: 'long', year: 'numeric', ...utc }
        : { year: 'numeric', ...utc };
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  return formatFor(lang).date(new Intl.DateTimeFormat(lang, options).formatToParts(date));
}

/**
 * A figure's period as the language writes it. Periods are data written in English
 * ("2024", "2024-12", "2021-02 to 2025-09", "2024 vs 2023", "FY2020-21"), which the
 * source edition prints as written; another language rewrites these forms and prints
 * anything else as written.
 */
export function formatPeriod(period: string, lang: string): string {
  const format = formatFor(lang);
  // The source edition's periods are written in its own words.
  if (format === english) return period;
  const one = (text: string): string => (/^\d{4}(-\d{2}){0,2}$/.test(text) ? formatDate(text, lang) : text);
  const fiscal = /^FY(\d{4})-(\d{2})$/.exec(period);
  if (fiscal) return format.fiscalYear(fiscal[1]!, fiscal[2]!);
  const range = /^(\S+) to (\S+)$/.exec(period);
  if (range) return format.range(one(range[1]!), one(range[2]!));
  const versus = /^(\S+) vs (\S+)$/.exec(period);
  if (versus) return format.versus(one(versus[1]!), one(versus[2]!));
  return one(period);
}
