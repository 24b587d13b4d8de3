/**
 * Post-quantum channels end to end: an instance made with
 * CHANNEL_KEY_TYPE=pq encrypts every report, reply and file to hybrid
 * ML-KEM-768 + X25519 keys only (the channel's and the reporter's), and every
 * reporter and staff path still works; an admin chooses the key type of a
 * channel they add.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, reporterView, submit } from '../support/casework';
import { ADMIN, createTestInstance, postJson, type TestInstance } from '../support/instance';
import { signIn, staffRequest } from '../support/staff';
import { filesOnDisk, multipart, noise, postMultipart } from '../support/uploads';

const MARKER = 'PQMARK7c1e';

/** The stanza types in an age file's header, e.g. ['mlkem768x25519', 'mlkem768x25519']. */
function stanzaTypes(file: Uint8Array): string[] {
  const text = Buffer.from(file).toString('latin1');
  const header = text.slice(0, text.indexOf('\n---'));
  return [...header.matchAll(/^-> (\S+)/gm)].map((match) => match[1] ?? '');
}

interface ChannelRow {
  slug: string;
  recipient: string;
  keyType: string;
}

let t: TestInstance;
let admin: string;
beforeAll(async () => {
  t = await createTestInstance({ CHANNEL_KEY_TYPE: 'pq' });
  admin = await signIn(t, ADMIN.username, ADMIN.password);
});
afterAll(() => t.close());

describe('an instance made with CHANNEL_KEY_TYPE=pq', () => {
  it('gives every default channel a hybrid key', async () => {
    const { channels } = await jsonOf<{ channels: ChannelRow[] }>(await staffRequest(t, admin, 'GET', '/api/staff/admin/channels'), 200);
    expect(channels.length).toBeGreaterThan(0);
    for (const channel of channels) {
      expect(channel.keyType).toBe('pq');
      expect(channel.recipient).toMatch(/^age1pq1/);
    }
  });

  it('encrypts a report to hybrid stanzas only, and the reporter and staff both read it', async () => {
    const { id, trackingCode } = await submit(t, { details: `Payments to the harbour office every Friday. ${MARKER}` });
    const row = t.db.prepare<[number], { content: Buffer; reporterRecipient: string }>(
      'SELECT content, reporter_recipient AS reporterRecipient FROM reports WHERE id = ?',
    ).get(id);
    // The reporter's key, derived from the tracking code, is hybrid too: no classical stanza.
    expect(row?.reporterRecipient).toMatch(/^age1pq1/);
    expect(stanzaTypes(row?.content ?? new Uint8Array())).toEqual(['mlkem768x25519', 'mlkem768x25519']);
    expect(row?.content.includes(Buffer.from(MARKER))).toBe(false);

    // The reporter checks the code; a staff reply reaches them; their answer reaches staff.
    expect((await reporterView(t, trackingCode)).status).toBe('received');
    const claimed = await jsonOf<{ id: number; content: { details: string } }>(await staffRequest(t, admin, 'POST', '/api/staff/queue/claim'), 200);
    expect(claimed.id).toBe(id);
    expect(claimed.content.details).toContain(MARKER);
    await jsonOf(await staffRequest(t, admin, 'POST', `/api/staff/reports/${id}/replies`, { body: 'Which Friday did it start?' }), 201);
    expect((await reporterView(t, trackingCode)).messages.map((m) => m.body)).toEqual(['Which Friday did it start?']);
    await jsonOf(await postJson(t.app, '/api/status/messages', { trackingCode, body: 'The first Friday of March.' }), 201);
    const view = await jsonOf<{ messages: { from: string; body: string }[] }>(await staffRequest(t, admin, 'GET', `/api/staff/reports/${id}`), 200);
    expect(view.messages.map((m) => [m.from, m.body])).toEqual([
      ['staff', 'Which Friday did it start?'],
      ['reporter', 'The first Friday of March.'],
    ]);
  });

  it('stores an evidence file as a hybrid age file that the library opens with the channel key, and staff download the same bytes', async () => {
    const bytes = noise(150_000, 3);
    const response = await postMultipart(
      t,
      '/api/reports',
      multipart({ category: 'organised_crime', details: 'The ledger of the protection payments is attached.' }, [{ name: 'ledger.bin', bytes }]),
    );
    expect(response.status).toBe(201);
    const reportId = t.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM reports').get()?.id ?? 0;
    const [stored] = filesOnDisk(t.dataDir).stored;
    const file = readFileSync(path.join(t.dataDir, 'files', stored ?? 'missing'));
    expect(stanzaTypes(file)).toEqual(['mlkem768x25519', 'mlkem768x25519']);

    // The exported age file opens with the channel identity alone, outside Tipline (age-encryption).
    const channelIdentity = t.sessions.sessionsOf(1)[0]?.channelIdentities.get(
      t.db.prepare<[], { id: number }>("SELECT id FROM channels WHERE slug = 'organised_crime'").get()?.id ?? 0,
    );
    expect(channelIdentity).toMatch(/^AGE-SECRET-KEY-PQ-1/);
    const decrypter = new Decrypter();
    decrypter.addIdentity(channelIdentity ?? '');
    expect(Buffer.from(await decrypter.decrypt(file)).equals(Buffer.from(bytes))).toBe(true);

    const { files } = await jsonOf<{ files: { id: number }[] }>(await staffRequest(t, admin, 'GET', `/api/staff/reports/${reportId}`), 200);
    const download = await staffRequest(t, admin, 'GET', `/api/staff/reports/${reportId}/files/${files[0]?.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

});

describe('an admin adding a channel', () => {
  const addChannel = (body: Record<string, unknown>): Promise<Response> => staffRequest(t, admin, 'POST', '/api/staff/admin/channels', body);

  it('gets the key type asked for, and the server default (here pq) when none is given', async () => {
    const classic = await jsonOf<{ recipient: string }>(await addChannel({ slug: 'port_x25519', name: 'Port', keyType: 'x25519' }), 201);
    // An X25519 recipient is age1 and 58 bech32 characters (it may itself begin with a p); a hybrid one is far longer.
    expect(classic.recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    const byDefault = await jsonOf<{ recipient: string }>(await addChannel({ slug: 'port_default', name: 'Port 2' }), 201);
    expect(byDefault.recipient).toMatch(/^age1pq1/);
    const { channels } = await jsonOf<{ channels: ChannelRow[] }>(await staffRequest(t, admin, 'GET', '/api/staff/admin/channels'), 200);
    expect(channels.find((c) => c.slug === 'port_x25519')?.keyType).toBe('x25519');
    expect(channels.find((c) => c.slug === 'port_default')?.keyType).toBe('pq');
  });

  it('refuses an unknown key type with 400 and adds nothing', async () => {
    const before = t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM channels').get()?.n;
    const refused = await addChannel({ slug: 'port_rsa', name: 'Port 3', keyType: 'rsa' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_input', fields: { keyType: expect.any(String) } } });
    expect(t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM channels').get()?.n).toBe(before);
  });
});
