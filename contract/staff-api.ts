/**
 * What each staff route answers on success, by method and by path under
 * /api/staff/ (query string included): the console's client
 * (web/staff/api.ts) takes a call's answer type from here, so a call to a
 * path this map does not know fails the type check. Types only: every shape
 * is inferred from the contract's zod schemas.
 */
import type { z } from 'zod';
import type { passwordChangedSchema, recoveryCodeSchema, SessionInfo, totpEnrolmentSchema } from './schemas/staff-auth';
import type {
  AuditPage,
  AuditTrailPage,
  channelCreatedSchema,
  channelListSchema,
  channelRenamedSchema,
  grantListSchema,
  InterferencePage,
  staffCreatedSchema,
  staffListSchema,
  Statistics,
} from './schemas/staff-oversight-views';
import type { NotificationDeliveryList, NotificationSettingsView } from './schemas/staff-notifications';
import type { Assignees, BulkResult, CaseView, DiscardSummary, LowEffortBatchPage, MemberList, QueuePage, ReportSummary, TagList } from './schemas/staff-views';
import type { RelatedAnswer, SearchAnswer } from './schemas/staff-search';
import type { ReplyTemplateList } from './schemas/reply-templates';
import type { Authority, AuthorityList } from './schemas/authorities';
import type { ConsistencyResponse } from './audit-checkpoint';

type Id = number;

export interface StaffAnswers {
  GET: {
    me: SessionInfo;
    'me/notifications': NotificationSettingsView;
    stats: Statistics;
    [path: `stats?${string}`]: Statistics;
    'admin/staff': z.infer<typeof staffListSchema>;
    'admin/channels': z.infer<typeof channelListSchema>;
    'admin/grants': z.infer<typeof grantListSchema>;
    'admin/low-effort': LowEffortBatchPage;
    'admin/notifications': NotificationDeliveryList;
    [path: `admin/low-effort?${string}`]: LowEffortBatchPage;
    [path: `reports?${string}`]: QueuePage;
    members: MemberList;
    tags: TagList;
    'reply-templates': ReplyTemplateList;
    [path: `reply-templates?${string}`]: ReplyTemplateList;
    authorities: AuthorityList;
    [path: `reports/${Id}`]: CaseView;
    [path: `reports/${Id}/audit${string}`]: AuditPage;
    [path: `reports/${Id}/related`]: RelatedAnswer;
    [path: `reports/${Id}/assignees`]: Assignees;
    [path: `reports/${Id}/files/${Id}/check`]: { intact: true };
    [path: `audit?${string}`]: AuditTrailPage;
    [path: `interference?${string}`]: InterferencePage;
  };
  POST: {
    login: SessionInfo;
    logout: null;
    password: z.infer<typeof passwordChangedSchema>;
    recover: z.infer<typeof recoveryCodeSchema>;
    'totp/enrol': z.infer<typeof totpEnrolmentSchema>;
    'totp/confirm': SessionInfo;
    'totp/disable': SessionInfo;
    /** 204 (null) when there is nothing to claim. */
    'queue/claim': CaseView | null;
    /** The console searches with POST: a query never sits in a URL. */
    search: SearchAnswer;
    /** At sign-in: does the trail still hold the checkpoint this console remembers? */
    'audit/consistency': ConsistencyResponse;
    'admin/staff': z.infer<typeof staffCreatedSchema>;
    [path: `admin/staff/${Id}/${'enable' | 'disable'}`]: null;
    'admin/channels': z.infer<typeof channelCreatedSchema>;
    [path: `admin/channels/${Id}/names`]: z.infer<typeof channelRenamedSchema>;
    'admin/grants': null;
    'admin/low-effort/discard': DiscardSummary;
    [path: `reports/${Id}/lease`]: ReportSummary;
    'reports/bulk': BulkResult;
    tags: { id: number };
    'admin/reply-templates': { id: number };
    authorities: Authority;
    [path: `authorities/${Id}/disable`]: null;
    /** The case actions (notes, replies, status, …): each answers its own small shape, which the console does not read. */
    [path: `reports/${Id}/${string}`]: unknown;
  };
  PUT: {
    'me/notifications': NotificationSettingsView;
    [path: `admin/reply-templates/${Id}`]: null;
  };
  DELETE: {
    [path: `admin/reply-templates/${Id}`]: null;
  };
}

export type StaffMethod = keyof StaffAnswers;
/** A path the map knows for a method. */
export type StaffPath<M extends StaffMethod> = keyof StaffAnswers[M] & string;
/** What a path answers. */
export type StaffAnswer<M extends StaffMethod, P extends StaffPath<M>> = StaffAnswers[M][P];
