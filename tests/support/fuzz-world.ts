/**
 * The instance a fuzz test file works on: a few reports (with tracking
 * codes and an evidence file), a second staff member, the admin's session
 * (re-opened whenever a generated request ends it) and an ended session.
 */
import { listChannelNames } from '../../server/data/channels';
import { unlockStaff } from '../../server/services/staff-keys';
import { submit } from './casework';
import type { FuzzWorld } from './fuzz-routes';
import { FuzzRunner } from './fuzz-runner';
import { ADMIN, createTestInstance, type TestInstance } from './instance';
import { addStaff } from './staff';
import { multipart, noise, postMultipart } from './uploads';

/** The staff routes' body limit (server/app.ts). */
export const STAFF_MAX_BODY_BYTES = 1024 * 1024;

/** Small upload limits, so that going over them is cheap. */
export const FUZZ_ENV = { MAX_FILES: '3', MAX_FILE_MIB: '1', MAX_SUBMISSION_MIB: '2' } as const;

export interface Fuzzing {
  t: TestInstance;
  world: FuzzWorld;
  runner: FuzzRunner;
  /** The OpenAPI document the instance serves. */
  doc: { paths: Record<string, Record<string, unknown>> };
}

export async function startFuzzing(): Promise<Fuzzing> {
  const t = await createTestInstance(FUZZ_ENV);
  const reports = [await submit(t), await submit(t), await submit(t, { category: 'other' })];
  const first = reports[0];
  if (!first) throw new Error('no report');
  const upload = await postMultipart(t, '/api/status/messages', multipart({ trackingCode: first.trackingCode }, [{ name: 'photo.bin', bytes: noise(100) }]));
  if (upload.status !== 201) throw new Error(`evidence upload failed: ${upload.status}`);
  const triagerId = await addStaff(t, { username: 'fuzz-triager', password: 'fuzz triager password 1', role: 'triager', channels: ['other'] });
  const fileIds = t.db.prepare<[], { id: number }>('SELECT id FROM report_files').all().map((row) => row.id);

  const admin = await unlockStaff(t.db, t.kdf.staff, ADMIN.username, ADMIN.password);
  if (!admin) throw new Error('the first admin should unlock');
  const openSession = (): string =>
    t.sessions.create(
      {
        staffId: admin.id,
        username: admin.username,
        role: admin.role,
        personalIdentity: admin.personalIdentity,
        personalRecipient: admin.recipient,
        // A copy: ending a session clears its map.
        channelIdentities: new Map(admin.channelIdentities),
        signingKey: admin.signingKey,
        restriction: null,
      },
      t.clock.now().getTime(),
    ).token;
  const ended = openSession();
  const endedSession = t.sessions.get(ended, t.clock.now().getTime());
  if (endedSession) t.sessions.end(endedSession);
  let token = openSession();
  const adminToken = (): string => {
    // A generated logout (or password change) may have ended it.
    if (!t.sessions.get(token, t.clock.now().getTime())) token = openSession();
    return token;
  };

  const world: FuzzWorld = {
    reportIds: reports.map((report) => report.id),
    fileIds,
    staffIds: [admin.id, triagerId],
    channelSlugs: listChannelNames(t.db).map((channel) => channel.slug),
    trackingCodes: reports.map((report) => report.trackingCode),
    limits: { reporterBytes: t.config.maxBodyBytes, staffBytes: STAFF_MAX_BODY_BYTES },
  };
  const doc = (await (await t.app.request('/api/openapi.json')).json()) as Fuzzing['doc'];
  return { t, world, runner: new FuzzRunner(t, { admin: adminToken, ended }), doc };
}
