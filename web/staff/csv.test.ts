import { describe, expect, it } from 'vitest';
import { csvBlob, csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('he said "stop"')).toBe('"he said ""stop"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('toCsv and csvBlob', () => {
  it('ends every row with CRLF and keeps Chinese text intact behind a BOM', async () => {
    expect(toCsv([['編號', '干預者'], [1, '某局長']])).toBe('編號,干預者\r\n1,某局長\r\n');
    const bytes = new Uint8Array(await csvBlob([['某局長']]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('某局長\r\n');
  });
});
