/**
 * The shape every language's catalogue must have: the English catalogue's
 * own type (en/index.ts), with plural forms loosened so that a language may
 * give only the forms its grammar has. A missing key in another language
 * fails the type check where that language's folder declares its catalogue.
 */
import type { catalogue as english } from './en';
import type { Message, PluralCategory } from './fill';

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

export type Catalogue = CatalogueShape<typeof english>;
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
export type AuditMessages = ConsoleCatalogue['audit'];
export type RegistersMessages = ConsoleCatalogue['registers'];
export type QueueMessages = ConsoleCatalogue['queue'];
export type SessionMessages = ConsoleCatalogue['session'];
export type SigninMessages = ConsoleCatalogue['signin'];
export type StaffReportMessages = ConsoleCatalogue['report'];
/** The one label set of each enum of the vocabulary (contract/vocabulary.ts): every screen, CSV export and statistic names a status, category, outcome, priority or source with these. */
export type ReportLabels = ConsoleCatalogue['labels'];
/** Words for a report's case record, shared by the queue and the report page (the labels, and more). */
export type CaseWords = ConsoleCatalogue['case'];
