import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../contract/attachments';
import { apiUploadProblem, checkFiles, perFileProgress } from './upload';

const SMALL: UploadLimits = { maxFiles: 2, maxFileBytes: 100, maxSubmissionBytes: 150 };
const sizes = (...list: number[]): { size: number }[] => list.map((size) => ({ size }));

describe('checkFiles', () => {
  it('accepts files exactly at every limit', () => {
    expect(checkFiles(sizes(100, 50), SMALL)).toBeUndefined();
    expect(checkFiles([], SMALL)).toBeUndefined();
  });

  it('names the first limit broken: count, then one file, then the total', () => {
    expect(checkFiles(sizes(1, 1, 1), SMALL)).toBe('too_many_files');
    expect(checkFiles(sizes(101), SMALL)).toBe('file_too_large');
    expect(checkFiles(sizes(100, 51), SMALL)).toBe('submission_too_large');
  });

  it('uses the limits it is given, not the defaults', () => {
    expect(checkFiles(sizes(...Array<number>(10).fill(1)), DEFAULT_UPLOAD_LIMITS)).toBeUndefined();
    expect(checkFiles(sizes(...Array<number>(11).fill(1)), DEFAULT_UPLOAD_LIMITS)).toBe('too_many_files');
  });
});

describe('perFileProgress', () => {
  // Body: 30 bytes of fields and part headers, then files of 100, 0 and 50 bytes.
  const files = [100, 0, 50];
  const total = 180;

  it('counts nothing while the text fields are sent', () => {
    expect(perFileProgress(30, total, files)).toEqual([0, 0, 0]);
  });

  it('fills the files in order', () => {
    expect(perFileProgress(80, total, files)).toEqual([50, 0, 0]);
    expect(perFileProgress(130, total, files)).toEqual([100, 0, 0]);
    expect(perFileProgress(155, total, files)).toEqual([100, 0, 25]);
  });

  it('ends with every file complete', () => {
    expect(perFileProgress(total, total, files)).toEqual([100, 0, 50]);
  });
});

describe('apiUploadProblem', () => {
  it('reads the problem from error.fields.files or the error code', () => {
    expect(apiUploadProblem({ error: { code: 'too_many_files', message: 'x', fields: { files: 'too_many_files' } } })).toBe('too_many_files');
    expect(apiUploadProblem({ error: { code: 'file_not_cleanable', message: 'x' } })).toBe('file_not_cleanable');
  });

  it('ignores other errors', () => {
    expect(apiUploadProblem({ error: { code: 'validation_failed', fields: { details: 'too_short' } } })).toBeUndefined();
    expect(apiUploadProblem(null)).toBeUndefined();
  });
});
