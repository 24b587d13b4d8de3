/**
 * A phone photo stored sideways, with EXIF Orientation 6, is shown upright
 * to staff after its metadata has been cleaned: the reporter sends it with
 * the form, staff open the case page, and Chromium's decoding of the
 * cleaned preview is measured (its size and which corner holds which
 * colour), the way a person would see it. That the cleaned file carries
 * nothing else is server/files/metadata-cleaner.kept.test.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { receivedCode } from './reporter-steps';
import { apiSession, createMember, firstAdminPassword, signIn } from './staff-setup';

/**
 * What a photo looks like once displayed: its size and the colour of each
 * corner. The fixture's pixels (64x48 as stored) run from black at the top
 * left through red along the top and green down the side; turned 90° clockwise,
 * green comes to the top left and black to the top right.
 */
interface Seen {
  width: number;
  height: number;
  corners: string[];
}

async function seen(image: Locator): Promise<Seen> {
  return image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(img, 0, 0); // as displayed: the browser applies the orientation
    // A corner's colour named coarsely: JPEG compression moves each channel a few levels.
    const at = (x: number, y: number): string => {
      const [r = 0, g = 0] = context.getImageData(x, y, 1, 1).data;
      return r > 128 ? (g > 128 ? 'yellow' : 'red') : g > 128 ? 'green' : 'black';
    };
    const [right, bottom] = [canvas.width - 3, canvas.height - 3];
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      corners: [at(2, 2), at(right, 2), at(right, bottom), at(2, bottom)],
    };
  });
}

/** The displayed photo taken upright: portrait, green top left, black top right, red bottom right, yellow bottom left. */
const UPRIGHT: Seen = {
  width: 48,
  height: 64,
  corners: ['green', 'black', 'red', 'yellow'],
};
/** The same photo without its orientation, as the sensor stored it (and as staff saw it before orientation was kept). */
const SIDEWAYS: Seen = {
  width: 64,
  height: 48,
  corners: ['black', 'red', 'yellow', 'green'],
};

async function showAlone(page: Page, bytes: Buffer, type: string): Promise<Seen> {
  await page.setContent(`<img alt="photo" src="data:${type};base64,${bytes.toString('base64')}">`);
  return seen(page.getByRole('img', { name: 'photo' }));
}

test('a phone photo taken upright but stored sideways is shown upright on the case page once cleaned, as a JPEG and as a PNG', async ({
  page,
  browser,
  baseURL,
  server,
}) => {
  const member = {
    username: 'orientation-triager',
    role: 'triager' as const,
    channels: ['other'],
  };
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await createMember(admin, baseURL, member);
  const jpeg = await readFile('tests/fixtures/images/rotated-phone-photo.jpg');
  const png = await readFile('tests/fixtures/images/rotated-phone-photo.png');

  // What the test tells apart: the photo as a phone shows it, and without its orientation.
  const blank = await browser.newPage();
  expect(await showAlone(blank, jpeg, 'image/jpeg')).toEqual(UPRIGHT);
  expect(await showAlone(blank, await readFile('tests/fixtures/images/with-metadata.jpg'), 'image/jpeg')).toEqual(SIDEWAYS);
  await blank.close();

  const reporter = await browser.newPage();
  await reporter.goto('/en/report/');
  await expect(reporter.locator('astro-island[ssr]')).toHaveCount(0);
  await reporter.getByLabel('Something else').check();
  await reporter.getByLabel('What happened?').fill('Photos of the unlicensed dumping behind the depot, taken with a phone held upright.');
  await reporter.getByLabel('Choose files').setInputFiles([
    { name: 'dumping.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    { name: 'dumping.png', mimeType: 'image/png', buffer: png },
  ]);
  await reporter.getByRole('button', { name: 'Send report' }).click();
  await receivedCode(reporter);
  await reporter.close();

  const list = (await (await admin.get('/api/staff/reports?channel=other')).json()) as { reports: { id: number }[] };
  await admin.dispose();
  const id = Math.max(...list.reports.map((report) => report.id));

  await signIn(page, member.username);
  await page.goto(`/en/staff/report/?id=${id}`);
  await expect(page.getByText('Photos of the unlicensed dumping behind the depot')).toBeVisible();
  for (const name of ['dumping.jpg', 'dumping.png']) {
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await expect(item).toContainText('Removed (location, camera, time');
    const preview = item.getByRole('img', { name: `Preview of ${name}` });
    await preview.scrollIntoViewIfNeeded();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await seen(preview), name).toEqual(UPRIGHT);
    // Laid out upright on the page too: taller than wide.
    const box = await preview.boundingBox();
    expect(box && box.height > box.width, name).toBe(true);
  }
});
