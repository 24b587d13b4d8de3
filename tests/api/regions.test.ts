/**
 * Regions from the operator's list (issue 14 item 8): the form offers the
 * listed places as a select with a free-text box as the fallback; whatever
 * the reporter or an officer sends is stored under one value per listed
 * place, so statistics and the queue filter count one place once. A place
 * the list lacks is kept as typed; nothing is lost.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';
import { jsonOf, submit } from '../support/casework';
import { ADMIN, createTestInstance, postForm, postJson, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PROFILE = {
  defaultLanguage: 'zh-Hant',
  regions: [
    { name: { 'zh-Hant': '臺北市', 'zh-Hans': '台北市', en: 'Taipei City' }, aliases: ['台北', 'Taipei'] },
    { name: { 'zh-Hant': '高雄市', en: 'Kaohsiung City' } },
  ],
};
const DETAILS = 'The harbour warehouse takes deliveries at night with no paperwork.';

let folder: string;
let t: TestInstance;

const storedRegion = (): string | null =>
  t.db.prepare<[], { region: string | null }>('SELECT region FROM reports ORDER BY id DESC LIMIT 1').get()?.region ?? null;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'tipline-regions-'));
  const file = path.join(folder, 'site.json');
  writeFileSync(file, JSON.stringify(PROFILE));
  t = await createTestInstance({ SITE_CONFIG: file });
});

afterAll(() => {
  t?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the report form without JavaScript', () => {
  it('offers the listed places in the page’s language, stored under one value, with a box for any other place', async () => {
    // A form with a problem comes back rendered by the server: the select keeps the choice.
    const cases = [
      ['zh-hant', '臺北市', '請選擇縣市', '清單中沒有？'],
      ['zh-hans', '台北市', '请选择市、县', '列表中没有？'],
      ['en', 'Taipei City', 'Choose a city or county', 'Not in the list?'],
    ] as const;
    for (const [lang, label, choose, other] of cases) {
      const res = await postForm(t.app, '/api/reports', { lang, category: 'other', details: 'too short', region: '臺北市', regionOther: '' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/<select id="f-region" name="region"/);
      expect(html).toContain(`<option value="臺北市" selected>${label}</option>`);
      expect(html).toContain(choose);
      expect(html).toContain(other);
      expect(html).toMatch(/<input type="text" id="f-region-other" name="regionOther" value maxlength="64"/);
    }
  });

  it('keeps a typed place in the box when the form comes back', async () => {
    const res = await postForm(t.app, '/api/reports', { lang: 'en', category: 'other', details: 'too short', region: '', regionOther: '基隆市' });
    const html = await res.text();
    expect(html).not.toMatch(/<option[^>]* selected/);
    expect(html).toMatch(/name="regionOther" value="基隆市"/);
  });

  it('stores the chosen place, or the typed one when none is chosen', async () => {
    expect((await postForm(t.app, '/api/reports', { lang: 'en', category: 'other', details: DETAILS, region: '高雄市', regionOther: '' })).status).toBe(303);
    expect(storedRegion()).toBe('高雄市');
    // Typed in the box: a spelling of a listed place is that place…
    expect((await postForm(t.app, '/api/reports', { lang: 'en', category: 'other', details: DETAILS, region: '', regionOther: ' taipei ' })).status).toBe(303);
    expect(storedRegion()).toBe('臺北市');
    // …and a place the list lacks is kept as typed.
    expect((await postForm(t.app, '/api/reports', { lang: 'en', category: 'other', details: DETAILS, region: '', regionOther: '基隆市' })).status).toBe(303);
    expect(storedRegion()).toBe('基隆市');
    // The box is checked like the region: too long is a problem on the region field.
    const long = await postForm(t.app, '/api/reports', { lang: 'en', category: 'other', details: DETAILS, region: '', regionOther: 'x'.repeat(65) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('id="f-region-error"');
  });
});

describe('the JSON API and the console', () => {
  it('stores every spelling of a listed place under its default-language name', async () => {
    for (const region of ['台北市', 'Taipei City', 'ＴＡＩＰＥＩ', '臺北']) {
      await submit(t, { region });
      expect(storedRegion()).toBe('臺北市');
    }
    const unknown = await postJson(t.app, '/api/reports', { category: 'other', details: DETAILS, regionOther: '台中市' });
    expect(unknown.status).toBe(201);
    expect(storedRegion()).toBe('台中市');
  });

  it('stores a lead an officer enters under the listed place, and filters the queue by any spelling', async () => {
    const admin = await signIn(t, ADMIN.username, ADMIN.password);
    const lead = await staffRequest(t, admin, 'POST', '/api/staff/leads', { source: 'phone', category: 'other', details: DETAILS, region: 'kaohsiung city' });
    expect(lead.status).toBe(201);
    expect(storedRegion()).toBe('高雄市');
    const queue = await jsonOf<{ reports: { region: string | null }[] }>(await staffRequest(t, admin, 'GET', '/api/staff/reports?region=Taipei&status=all'), 200);
    expect(queue.reports.length).toBeGreaterThanOrEqual(5);
    expect(new Set(queue.reports.map((row) => row.region))).toEqual(new Set(['臺北市']));
  });

  it('counts one place once in the statistics', async () => {
    await addStaff(t, { username: 'audrey', password: 'a long enough password', role: 'auditor', channels: [] });
    const auditor = await signIn(t, 'audrey', 'a long enough password');
    const stats = await jsonOf<Statistics>(await staffRequest(t, auditor, 'GET', '/api/staff/stats'), 200);
    const keys = stats.byRegion.map((row) => row.key);
    expect(keys.filter((key) => /台北|臺北|taipei/i.test(key))).toEqual(['臺北市']);
    expect(stats.byRegion.find((row) => row.key === '臺北市')?.count).toBe(5);
    expect(keys).toContain('基隆市');
  });
});
