/**
 * The shape every language's catalogue must have: the English catalogue's
 * own type (the JSON files in en/), with plural forms loosened so that a
 * language may give only the forms its grammar has, and the few keyed maps
 * a screen indexes by a whole union (a field name, a problem) given their
 * declared types. A missing key in another language fails the type check
 * where that language's index.ts declares its catalogue.
 */
import type { ReportFieldName } from '../../contract/field-names';
import type { FieldProblem } from '../../contract/report-fields';
import type englishConsole from './en/console.json';
import type englishReport from './en/report.json';
import type englishSite from './en/site.json';
import type englishStatus from './en/status.json';
import type englishUpload from './en/upload.json';
import type { Message, PluralCategory } from './fill';
import type { FieldText } from './keys';

export type { FieldText, LookupProblem, SendFailure, ErrorCode } from './keys';
export { ERROR_CODES } from './keys';

/** True when every key of T is a plural category (Intl.PluralRules): then T is a plural message. */
type IsPlural<T> = [keyof T] extends [PluralCategory] ? ('other' extends keyof T ? true : false) : false;

/** A catalogue type from a catalogue's value: strings stay strings, plural forms become any message (a language without plurals gives one string), all read-only. */
export type CatalogueShape<T> = T extends string
  ? string
  : T extends readonly unknown[]
    ? { readonly [K in keyof T]: CatalogueShape<T[K]> }
    : T extends object
      ? IsPlural<T> extends true
        ? Message
        : { readonly [K in keyof T]: CatalogueShape<T[K]> }
      : T;

/** `T` with the keys of `U` replaced by `U`'s types. */
type With<T, U> = Omit<T, keyof U> & Readonly<U>;

type ReportShape = With<
  CatalogueShape<typeof englishReport>,
  {
    fields: Readonly<Record<ReportFieldName, FieldText>>;
    /** `{min}` and `{max}` are the field's limits. */
    fieldProblems: Readonly<Partial<Record<ReportFieldName, Readonly<Partial<Record<FieldProblem, string>>>>>>;
  }
>;
type StatusShape = With<
  CatalogueShape<typeof englishStatus>,
  {
    details: With<
      CatalogueShape<(typeof englishStatus)['details']>,
      { followUpProblems: Readonly<Partial<Record<FieldProblem, string>> & { required: string; too_long: string }> }
    >;
  }
>;
/** `labels.priorities`: index = priority 0..3. */
type ConsoleShape = CatalogueShape<typeof englishConsole>;

export type Catalogue = CatalogueShape<typeof englishSite> & {
  readonly report: ReportShape;
  readonly status: StatusShape;
  readonly upload: CatalogueShape<typeof englishUpload>;
  readonly console: ConsoleShape;
};
/** Everything of one language (the public site and the console). */
export type Messages = Catalogue;
export type SiteCatalogue = Pick<Catalogue, 'languageName' | 'titles' | 'site' | 'home' | 'errors'>;
export type Titles = Catalogue['titles'];
export type SiteMessages = Catalogue['site'];
export type HomeMessages = Catalogue['home'];
export type ErrorMessages = Catalogue['errors'];
export type ReportMessages = Catalogue['report'];
export type ReceiptMessages = ReportMessages['receipt'];
export type StatusMessages = Catalogue['status'];
export type UploadMessages = Catalogue['upload'];

/** The console's messages, one entry per feature. */
export type ConsoleCatalogue = Catalogue['console'];
/** Strings shared by every console page (layout, navigation, common words, the API's error codes). */
export type ConsoleMessages = ConsoleCatalogue['common'];
export type AdminMessages = ConsoleCatalogue['admin'];
export type AccountMessages = ConsoleCatalogue['account'];
export type AuditMessages = ConsoleCatalogue['audit'];
export type RegistersMessages = ConsoleCatalogue['registers'];
export type QueueMessages = ConsoleCatalogue['queue'];
export type SearchMessages = ConsoleCatalogue['search'];
export type SessionMessages = ConsoleCatalogue['session'];
export type SigninMessages = ConsoleCatalogue['signin'];
export type StaffReportMessages = ConsoleCatalogue['report'];
/** The one label set of each enum of the vocabulary (contract/vocabulary.ts): every screen, CSV export and statistic names a status, category, outcome, priority or source with these. */
export type ReportLabels = ConsoleCatalogue['labels'];
/** Words for a report's clear fields, shared by the queue and the report page: the labels, and a few more. */
export type CaseWords = ReportLabels & ConsoleCatalogue['case'];
