import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isUploadRequest } from './uploads';

/** A request as Node has it once the headers have arrived (the body has not). */
function head(method: string, url: string, contentType?: string): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.url = url;
  if (contentType !== undefined) req.headers['content-type'] = contentType;
  return req;
}

describe('isUploadRequest (which requests get an idle timeout instead of a total one)', () => {
  it.each([
    ['POST', '/api/reports', 'multipart/form-data; boundary=x'],
    ['POST', '/api/status/messages', 'multipart/form-data; boundary=x'],
    ['POST', '/api/reports?lang=en', 'Multipart/Form-Data;boundary=x'],
  ])('%s %s (%s) is an upload', (method, url, type) => {
    expect(isUploadRequest(head(method, url, type))).toBe(true);
  });

  it.each([
    ['POST', '/api/reports', 'application/json'],
    ['POST', '/api/reports', 'application/x-www-form-urlencoded'],
    ['POST', '/api/reports', undefined],
    ['POST', '/api/status', 'multipart/form-data; boundary=x'],
    ['POST', '/api/staff/session', 'multipart/form-data; boundary=x'],
    ['POST', '/api/reports/', 'multipart/form-data; boundary=x'],
    ['PUT', '/api/reports', 'multipart/form-data; boundary=x'],
    ['GET', '/report/', undefined],
  ])('%s %s (%s) is not', (method, url, type) => {
    expect(isUploadRequest(head(method, url, type))).toBe(false);
  });
});
