/**
 * What the staff API answers, as the console reads it: the contract's types
 * (type-only imports, so no zod in a browser bundle).
 */
export type { CloseOutcome, InternalStatus } from '../../contract/vocabulary';
export type { SessionInfo } from '../../contract/schemas/staff-auth';
export type {
  AddedRecord,
  Assignees,
  BulkResult,
  CaseRecordView,
  CaseView,
  ContactDetails,
  LinkedLead,
  MemberList,
  QueuePage,
  QueueRow,
  ReportSummary,
  SignatureView,
  TagList,
} from '../../contract/schemas/staff-views';
export type { RelatedAnswer, RelatedLead, SearchAnswer, SearchResult } from '../../contract/schemas/staff-search';
