/**
 * The operator profile: who runs this Tipline, what happens after a report is
 * sent, what protection and reward exist, whom to call in danger, how to tell
 * the real site from an impostor, and the time zone every time is shown in.
 * The operator writes it as one JSON file (SITE_CONFIG; every key is in the
 * README). The static site is built from it and the server renders its pages
 * without JavaScript from it, so both say the same.
 *
 * Texts are one string for every language, or an object keyed by language
 * code (`{"zh-Hant": "…", "en": "…"}`, any case). A missing translation falls
 * back to `defaultLanguage`, then to any language given; a key left out
 * altogether is shown as a placeholder that tells the operator to fill it in
 * (web/components/operator-profile.tsx), never as an empty box.
 *
 * Pure: no file access here (contract/operator-profile-file.ts reads the file).
 */
import { z } from 'zod';
import { DEFAULT_LANG, LANGS, type Lang } from './languages';
import { LIMITS } from './report-fields';

/** A language code as an operator may write it ("zh-Hant", "zh-hant", "EN") → the site's code. */
const languageCode = z
  .string()
  .transform((code, ctx) => {
    const lang = LANGS.find((known) => known === code.toLowerCase());
    if (lang === undefined) {
      ctx.addIssue({ code: 'custom', message: `unknown language "${code}"; the site's languages are ${LANGS.join(', ')}` });
      return z.NEVER;
    }
    return lang;
  });

const text = z.string().trim().min(1).max(2_000);

/** One text for every language, or one per language. */
const localText = z.union([text, z.record(z.string(), text)]).transform((value, ctx): Partial<Record<Lang, string>> => {
  if (typeof value === 'string') return Object.fromEntries(LANGS.map((lang) => [lang, value]));
  const out: Partial<Record<Lang, string>> = {};
  for (const [code, translation] of Object.entries(value)) {
    const lang = languageCode.safeParse(code);
    if (!lang.success) {
      ctx.addIssue({ code: 'custom', path: [code], message: lang.error.issues[0]?.message ?? 'unknown language' });
      continue;
    }
    out[lang.data] = translation;
  }
  if (Object.keys(out).length === 0) ctx.addIssue({ code: 'custom', message: 'give the text in at least one language' });
  return out;
});
export type LocalText = z.output<typeof localText>;

/** True when `zone` is an IANA time zone this runtime knows ("Asia/Taipei"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const operatorProfileSchema = z.strictObject({
  /** The language a missing translation falls back to. */
  defaultLanguage: languageCode.default(DEFAULT_LANG),
  /** IANA zone for every time reporters and staff see ("Asia/Taipei", "Asia/Shanghai", "Asia/Hong_Kong"). */
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'not a time zone this system knows; use an IANA name such as Asia/Taipei' })
    .default('UTC'),
  operator: z
    .strictObject({
      /** The organisation running the service. */
      name: localText,
      /** Whether it is independent of the police and officials being reported, and how. */
      independence: localText.optional(),
    })
    .optional(),
  /** Added after the "what happens after you send" steps the site builds from the deadlines. */
  afterSending: localText.optional(),
  /** What legal protection a reporter has, and where it is written. */
  legalProtection: localText.optional(),
  /** Whether a reward exists, and the published rules. */
  reward: localText.optional(),
  /** Whom to call when in danger now. */
  emergency: z
    .array(z.strictObject({ label: localText, number: z.string().trim().regex(/^[0-9+*#()\- ]{2,24}$/, 'digits, spaces, + - ( ) * #') }))
    .max(8)
    .optional(),
  /** An official way to check that this site is the real one (a page on the organisation's known website, a phone line). */
  verification: localText.optional(),
  /** The logo: an SVG file, relative to this file. Inlined in every page and served as the favicon. */
  logo: z.string().trim().min(1).optional(),
  /** Where "quick exit" goes: a page that says nothing about reporting. */
  quickExitUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The short, neutral name page titles end with (the tab and the history show it). */
  neutralTitle: localText.optional(),
  /**
   * The places reporters choose from (a select on the form, free text as the
   * fallback) and statistics count by: cities or counties, nothing finer.
   * Each is stored under its name in the default language; `aliases` are
   * other ways people write it ("台北", "Taipei") that mean the same place.
   */
  regions: z
    .array(z.strictObject({ name: localText, aliases: z.array(z.string().trim().min(1).max(64)).max(20).optional() }))
    .max(300)
    .optional(),
}).superRefine((profile, ctx) => {
  // A region is stored under its default-language name, so that name must fit the field and be unique.
  const seen = new Set<string>();
  profile.regions?.forEach((region, index) => {
    const value = regionValue(region, profile);
    if (value.length > LIMITS.region.max) {
      ctx.addIssue({ code: 'custom', path: ['regions', index, 'name'], message: `a region's name is at most ${LIMITS.region.max} characters` });
    }
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: ['regions', index, 'name'], message: `"${value}" is listed twice` });
    seen.add(value);
  });
});
export type OperatorProfile = z.output<typeof operatorProfileSchema>;
export type ProfileRegion = NonNullable<OperatorProfile['regions']>[number];

/** The value a listed region is stored under: its name in the default language (what statistics and filters show). */
export function regionValue(region: ProfileRegion, profile: Pick<OperatorProfile, 'defaultLanguage'>): string {
  return textIn(region.name, profile.defaultLanguage, profile) ?? '';
}

/** A region as the form offers it: the stored value, and its name in the page's language. */
export interface RegionChoice {
  value: string;
  label: string;
}

/** The profile an instance has before its operator writes one: every text a placeholder. */
export const EMPTY_PROFILE: OperatorProfile = operatorProfileSchema.parse({});

/** Where quick exit goes when the profile does not say: a search page, reachable from Taiwan, Hong Kong and the mainland. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.bing.com/';

/** The keys a reporter sees as a placeholder until the operator fills them in (for the start-up warning). */
export function missingProfileKeys(profile: OperatorProfile): string[] {
  const missing: string[] = [];
  if (profile.operator === undefined) missing.push('operator.name');
  if (profile.operator?.independence === undefined) missing.push('operator.independence');
  if (profile.legalProtection === undefined) missing.push('legalProtection');
  if (profile.reward === undefined) missing.push('reward');
  if (profile.emergency === undefined || profile.emergency.length === 0) missing.push('emergency');
  if (profile.verification === undefined) missing.push('verification');
  return missing;
}

/** The text in `lang`, else in the default language, else in any language given; null when the key was left out. */
export function textIn(value: LocalText | undefined, lang: Lang, profile: Pick<OperatorProfile, 'defaultLanguage'>): string | null {
  if (value === undefined) return null;
  return value[lang] ?? value[profile.defaultLanguage] ?? Object.values(value).find((x) => x !== undefined) ?? null;
}

/** Settings from the environment that the pages state (deadlines, retention, addresses). */
export interface SiteSettings {
  ackDays: number;
  feedbackDays: number;
  /** 0: closed reports are kept. */
  retentionDays: number;
  /** e.g. "https://tips.example.org"; null when not set. */
  publicOrigin: string | null;
  /** e.g. "http://….onion"; null when not set. */
  onionOrigin: string | null;
}

/** Everything the pages say about the operator, in one language: what the components render. */
export interface ProfileView {
  lang: Lang;
  /** null: not filled in, shown as a placeholder. */
  operatorName: string | null;
  independence: string | null;
  afterSending: string | null;
  legalProtection: string | null;
  reward: string | null;
  emergency: { label: string; number: string }[] | null;
  verification: string | null;
  neutralTitle: string | null;
  quickExitUrl: string;
  timeZone: string;
  /** The configured regions in this language; empty: the form asks for the region as free text. */
  regions: RegionChoice[];
  settings: SiteSettings;
}

/** The profile in one language, with the settings the pages state. */
export function profileView(profile: OperatorProfile, settings: SiteSettings, lang: Lang): ProfileView {
  const t = (value: LocalText | undefined): string | null => textIn(value, lang, profile);
  const emergency = profile.emergency?.map((line) => ({ label: t(line.label) ?? line.number, number: line.number })) ?? [];
  return {
    lang,
    operatorName: t(profile.operator?.name),
    independence: t(profile.operator?.independence),
    afterSending: t(profile.afterSending),
    legalProtection: t(profile.legalProtection),
    reward: t(profile.reward),
    emergency: emergency.length === 0 ? null : emergency,
    verification: t(profile.verification),
    neutralTitle: t(profile.neutralTitle),
    quickExitUrl: profile.quickExitUrl ?? DEFAULT_QUICK_EXIT_URL,
    timeZone: profile.timeZone,
    regions: (profile.regions ?? []).map((region) => ({ value: regionValue(region, profile), label: t(region.name) ?? '' })),
    settings,
  };
}
