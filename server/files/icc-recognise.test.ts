import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exiftoolTags } from '../../tests/support/exiftool';
import { readOrientation } from './exif-orientation';
import { MAX_PROFILE_BYTES, recogniseProfile } from './icc-recognise';
import { canonicalProfile, STANDARDS } from './icc-standards';

const profiles = path.join(import.meta.dirname, '../../tests/fixtures/images/profiles');
const profile = (name: string): Buffer => readFileSync(path.join(profiles, name));

describe('recogniseProfile', () => {
  it.each([
    ['phone-srgb.icc', 'sRGB'],
    ['srgb-compact-cc0.icc', 'sRGB'],
    ['display-p3-compact-cc0.icc', 'Display P3'],
    ['camera-adobe-rgb.icc', 'Adobe RGB (1998)'],
    ['calibrated-display.icc', null],
  ])('takes %s for %s, whatever it calls itself', (name, standard) => {
    expect(recogniseProfile(profile(name))).toBe(standard);
  });

  it.each(STANDARDS.map((s) => [s.name] as const))('takes its own canonical %s profile for what it is', (name) => {
    expect(recogniseProfile(canonicalProfile(name))).toBe(name);
  });

  it('writes canonical profiles exiftool reads as the published colour spaces (D50-adapted colourants to 3 decimals)', () => {
    const columns = (name: 'sRGB' | 'Display P3' | 'Adobe RGB (1998)'): unknown[] => {
      const tags = exiftoolTags(canonicalProfile(name), 'p.icc');
      return ['Red', 'Green', 'Blue'].map((c) =>
        String(tags[`ICC_Profile:${c}MatrixColumn`])
          .split(' ')
          .map((v) => Number(v).toFixed(3))
          .join(' '),
      );
    };
    // Published D50 colourants: sRGB and Adobe RGB from their specifications' ICC profiles, Display P3 from Apple's.
    expect(columns('sRGB')).toEqual(['0.436 0.222 0.014', '0.385 0.717 0.097', '0.143 0.061 0.714']);
    expect(columns('Display P3')).toEqual(['0.515 0.241 -0.001', '0.292 0.692 0.042', '0.157 0.067 0.784']);
    expect(columns('Adobe RGB (1998)')).toEqual(['0.610 0.311 0.019', '0.205 0.626 0.061', '0.149 0.063 0.745']);
  });

  it('takes nothing over MAX_PROFILE_BYTES, cut short, or with its tags pointing outside it', () => {
    const srgb = profile('srgb-compact-cc0.icc');
    expect(recogniseProfile(Buffer.concat([srgb, Buffer.alloc(MAX_PROFILE_BYTES)]))).toBeNull();
    expect(recogniseProfile(srgb.subarray(0, srgb.length - 1))).toBeNull();
    const outside = Buffer.from(srgb);
    outside.writeUInt32BE(srgb.length, 128 + 4 + 4); // the first tag's offset: at the very end
    expect(recogniseProfile(outside)).toBeNull();
  });

  it('never throws, whatever bytes it is given (changed standard profiles and random bytes)', () => {
    const seeds = [profile('srgb-compact-cc0.icc'), profile('phone-srgb.icc'), canonicalProfile('Adobe RGB (1998)')];
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          maxLength: 8,
        }),
        fc.nat(),
        (seed, changes, cut) => {
          const bytes = Buffer.from(seed);
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          const result = recogniseProfile(bytes.subarray(0, cut % 2 === 0 ? bytes.length : cut % bytes.length));
          expect([null, 'sRGB', 'Display P3', 'Adobe RGB (1998)']).toContain(result);
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => recogniseProfile(Buffer.from(bytes)) === null));
  });
});

describe('readOrientation', () => {
  it('never throws and reads only 2 to 8, whatever bytes it is given', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat({ max: 10 }), (bytes, start) => {
        const buffer = Buffer.from(bytes);
        const orientation = readOrientation(buffer, Math.min(start, buffer.length), buffer.length);
        expect(orientation === 0 || (orientation >= 2 && orientation <= 8)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
