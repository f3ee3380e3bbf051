import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DecodeError,
  decodeSource,
  detectEol,
  EncodeError,
  encodeSource,
  pythonEncodingName,
} from '../src/source-text.js';
import { python, pythonUnavailable, systemStdlib, SYSTEM_PYTHON } from './helpers/python.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Decodes, checks the exact round trip, returns the decoding. */
function roundTrip(bytes: Buffer) {
  const decoded = decodeSource(bytes);
  expect(Buffer.compare(encodeSource(decoded.text, decoded.meta), bytes)).toBe(0);
  return decoded;
}

function decodeError(bytes: Buffer): string {
  try {
    decodeSource(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(DecodeError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a DecodeError');
}

describe('decodeSource / encodeSource', () => {
  it('plain UTF-8 with non-ASCII text', () => {
    const { text, meta } = roundTrip(utf8('x = "Größe 🚀 漢字"\n'));
    expect(text).toBe('x = "Größe 🚀 漢字"\n');
    expect(meta).toEqual({ encoding: 'utf-8', bom: false, eol: '\n' });
  });

  it('keeps a UTF-8 BOM out of the text and puts it back', () => {
    const bytes = utf8('\ufeffimport ftplib\n');
    const { text, meta } = roundTrip(bytes);
    expect(text).toBe('import ftplib\n');
    expect(meta.bom).toBe(true);
    expect(encodeSource('import ftplib  # x\n', meta).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });

  it('a second U+FEFF after the BOM is text and survives', () => {
    const { text } = roundTrip(utf8('\ufeff\ufeffx\n'));
    expect(text).toBe('\ufeffx\n');
  });

  it('latin-1 cookie: é is one byte and stays one byte after an edit', () => {
    const bytes = latin1('# -*- coding: latin-1 -*-\nhost = "caf\xe9"\nftp = FTP(host)\n');
    const { text, meta } = roundTrip(bytes);
    expect(text).toContain('café');
    expect(meta.encoding).toBe('iso-8859-1');
    expect(meta.cookie).toBe('latin-1');
    const out = encodeSource(text.replace('FTP(', 'FTP_TLS('), meta);
    expect(out).toEqual(latin1('# -*- coding: latin-1 -*-\nhost = "caf\xe9"\nftp = FTP_TLS(host)\n'));
  });

  it('cp1252 cookie on line 2 after a shebang (vim style)', () => {
    const bytes = Buffer.concat([
      utf8('#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\ns = "'),
      Buffer.from([0x80, 0x93, 0x94, 0xe9]), // € “ ” é
      utf8('"\n'),
    ]);
    const { text, meta } = roundTrip(bytes);
    expect(text).toContain('s = "€“”é"');
    expect(meta.encoding).toBe('cp1252');
  });

  it('cookie on line 2 only when line 1 is blank or a comment', () => {
    const bytes = latin1('import os\n# coding: latin-1\ns = "\xe9"\n');
    expect(decodeError(bytes)).toMatch(/^invalid UTF-8 at byte 33 \(line 3\)$/);
    expect(roundTrip(latin1('\n# coding: latin-1\ns = "\xe9"\n')).meta.encoding).toBe('iso-8859-1');
    // a cookie on line 3 is not a cookie
    expect(decodeError(latin1('#\n#\n# coding: latin-1\n"\xe9"\n'))).toMatch(/invalid UTF-8/);
  });

  it('cookie lines ended by CR and by CRLF', () => {
    expect(roundTrip(latin1('#!python\r# coding=latin-1\rs = "\xe9"\r')).meta).toMatchObject({
      encoding: 'iso-8859-1',
      eol: '\r',
    });
    expect(roundTrip(latin1('#!python\r\n# coding=latin-1\r\ns = "\xe9"\r\n')).meta.eol).toBe('\r\n');
  });

  it('euc-jp cookie', () => {
    const { text, meta } = roundTrip(
      Buffer.concat([utf8('# coding: euc-jp\ns = "'), Buffer.from([0xc6, 0xfc, 0xcb, 0xdc]), utf8('"\n')]),
    );
    expect(text).toContain('日本');
    expect(meta.encoding).toBe('euc-jp');
  });

  it('utf-8 cookies (utf8, UTF-8, utf-8-sig, utf_8) are plain UTF-8; a BOM with one is fine', () => {
    for (const name of ['utf8', 'UTF-8', 'utf-8-sig', 'utf_8', 'u8']) {
      expect(roundTrip(utf8(`# coding: ${name}\ns = "é"\n`)).meta.encoding).toBe('utf-8');
    }
    expect(roundTrip(utf8('\ufeff# coding: utf-8\ns = "é"\n')).meta).toMatchObject({ bom: true });
    for (const name of ['UTF-8', 'utf_8', 'utf-8-sig', 'utf-8-unix'])
      expect(roundTrip(utf8(`\ufeff# coding: ${name}\ns = "é"\n`)).meta).toMatchObject({ bom: true });
  });

  it('a BOM with a cookie Python does not spell utf-8 is refused, as Python refuses it', () => {
    // CPython's tokenizer compares the cookie's normal name with "utf-8": utf8 and u8 are not normalised
    for (const name of ['utf8', 'u8', 'latin-1'])
      expect(decodeError(utf8(`\ufeff# coding: ${name}\nx = 1\n`))).toBe(
        `encoding problem: the file starts with a UTF-8 BOM but its coding cookie says '${name}'`,
      );
  });

  it('normalises names as Python does', () => {
    expect(pythonEncodingName('Latin-1')).toBe('iso-8859-1');
    expect(pythonEncodingName('iso-8859-1')).toBe('iso-8859-1');
    expect(pythonEncodingName('ISO_8859_1')).toBe('iso-8859-1');
    expect(pythonEncodingName('latin-1-unix')).toBe('iso-8859-1');
    expect(pythonEncodingName('utf-8-mac')).toBe('utf-8');
    expect(pythonEncodingName('EUC_JP')).toBe('euc-jp');
    expect(pythonEncodingName('cp1252')).toBe('cp1252');
  });

  it('unknown and non-ASCII-compatible encodings', () => {
    expect(decodeError(utf8('# coding: klingon\nx = 1\n'))).toBe(
      "unknown encoding 'klingon' in coding cookie",
    );
    expect(decodeError(utf8('# coding: utf-16\nx = 1\n'))).toBe("unknown encoding 'utf-16' in coding cookie");
  });

  it('a BOM with a non-UTF-8 cookie is an error, as in Python', () => {
    expect(decodeError(utf8('\ufeff# coding: latin-1\nx = 1\n'))).toMatch(/encoding problem/);
  });

  it('bytes the cookie encoding cannot decode: error, never a guess', () => {
    // 0x81 is not a cp1252 character (Python: "character maps to <undefined>")
    const bytes = Buffer.concat([utf8('# coding: cp1252\ns = "'), Buffer.from([0x81]), utf8('"\n')]);
    expect(decodeError(bytes)).toBe('invalid cp1252 data at byte 22 (line 2)');
    expect(decodeError(latin1('# coding: ascii\ns = "\xe9"\n'))).toMatch(/^invalid ascii data at byte 21/);
  });

  it('invalid UTF-8: the offset of the first bad byte', () => {
    expect(decodeError(Buffer.from([0x61, 0x0a, 0x62, 0xc3, 0x28]))).toBe('invalid UTF-8 at byte 3 (line 2)');
    expect(decodeError(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]))).toBe('invalid UTF-8 at byte 4 (line 1)');
    // overlong encoding and an encoded surrogate
    expect(decodeError(Buffer.from([0x61, 0xc0, 0xaf]))).toMatch(/at byte 1 /);
    expect(decodeError(Buffer.from([0xed, 0xa0, 0x80]))).toMatch(/at byte 0 /);
    // truncated sequence at the end
    expect(decodeError(Buffer.from([0x61, 0xe6, 0x97]))).toMatch(/at byte 1 /);
  });

  it('NUL bytes: binary file', () => {
    expect(decodeError(Buffer.from('x = 1\n\0\n'))).toBe('binary file (NUL byte)');
  });

  it('line endings: LF, CRLF, CR, mixed (kept byte for byte), no trailing newline, empty', () => {
    expect(roundTrip(utf8('a\nb\n')).meta.eol).toBe('\n');
    expect(roundTrip(utf8('a\r\nb\r\n')).meta.eol).toBe('\r\n');
    expect(roundTrip(utf8('a\rb\r')).meta.eol).toBe('\r');
    const mixed = roundTrip(utf8('a\r\nb\r\nc\nd\re\r\n'));
    expect(mixed.meta.eol).toBe('\r\n');
    expect(mixed.text).toBe('a\r\nb\r\nc\nd\re\r\n');
    expect(roundTrip(utf8('x = 1')).text).toBe('x = 1');
    expect(roundTrip(utf8('')).meta).toEqual({ encoding: 'utf-8', bom: false, eol: '\n' });
  });

  it('detectEol: most frequent wins, ties go to LF', () => {
    expect(detectEol('a\r\nb\nc\n')).toBe('\n');
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\rb\rc\n')).toBe('\r');
    expect(detectEol('a\r\nb\n')).toBe('\n');
    expect(detectEol('a\r\nb\r')).toBe('\r\n');
    expect(detectEol('')).toBe('\n');
  });

  it('refuses to encode what the encoding cannot hold', () => {
    const { meta } = decodeSource(latin1('# coding: latin-1\nx = 1\n'));
    expect(() => encodeSource('# coding: latin-1\nx = "€"\n', meta)).toThrow(EncodeError);
    // a line inserted above the cookie would push it out of Python's sight
    expect(() => encodeSource('import ssl\n\n# coding: latin-1\nx = 1\n', meta)).toThrow(/line 1 or 2/);
    expect(encodeSource('# coding: latin-1\nimport ssl\nx = 1\n', meta)).toEqual(
      latin1('# coding: latin-1\nimport ssl\nx = 1\n'),
    );
    const utf = decodeSource(utf8('x = 1\n')).meta;
    expect(() => encodeSource('x = "\ud800"\n', utf)).toThrow(EncodeError);
  });
});

// Against Python itself: /usr/bin/python3 (./helpers/python.ts), skipped with the reason where it is missing,
// failing then under CI=true.
const pythonMissing = pythonUnavailable();

describe.skipIf(shouldSkip('source-text: the checks against Python', pythonMissing))(
  'decodeSource / encodeSource against Python',
  () => {
    const tempDir = tempDirs('src');
    beforeAll(() => requireAvailable('source-text', pythonMissing));

    it(`round-trips every .py file of ${SYSTEM_PYTHON}'s standard library that decodes`, () => {
      const stdlib = systemStdlib();
      const refused: string[] = [];
      let checked = 0;
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory() && e.name !== 'site-packages' && e.name !== '__pycache__') walk(p);
          else if (e.isFile() && e.name.endsWith('.py')) {
            const bytes = fs.readFileSync(p);
            let decoded;
            try {
              decoded = decodeSource(bytes);
            } catch (err) {
              if (!(err instanceof DecodeError)) throw err;
              refused.push(`${path.relative(stdlib, p)}: ${err.message}`);
              continue;
            }
            expect(Buffer.compare(encodeSource(decoded.text, decoded.meta), bytes), p).toBe(0);
            checked++;
          }
        }
      };
      walk(stdlib);
      // only test data with deliberately broken encodings (test/tokenizedata/bad_coding.py, ...) is refused
      expect(refused.filter((r) => !/^(.*\/)?tests?\//.test(r))).toEqual([]);
      // the size of the standard library differs between builds (Debian's 3.11 without its test suite: ~660)
      expect(checked).toBeGreaterThan(500);
    });

    it('agrees with Python on which cookie applies, and on the text', () => {
      const dir = tempDir();
      const cases: Buffer[] = [
        latin1('# -*- coding: latin-1 -*-\ns = "\xe9"\n'),
        latin1('#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\ns = "\x80"\n'),
        latin1('\n# coding=iso-8859-15\ns = "\xa4"\n'),
        utf8('x = 1  # coding: latin-1\ns = "é"\n'), // not a comment line: no cookie, UTF-8
      ];
      const files = cases.map((bytes, i) => {
        const file = path.join(dir, `c${i}.py`);
        fs.writeFileSync(file, bytes);
        return file;
      });
      // Python's view of each file: the encoding tokenize finds, and the text it reads (as JSON, ASCII only)
      const script = [
        'import json, sys, tokenize',
        'out = []',
        'for p in sys.argv[1:]:',
        '    with open(p, "rb") as f:',
        '        encoding = tokenize.detect_encoding(f.readline)[0]',
        '    with tokenize.open(p) as f:',
        '        out.append([encoding, f.read()])',
        'print(json.dumps(out))',
      ].join('\n');
      const expected = JSON.parse(python(['-c', script, ...files])) as [string, string][];
      expect(expected).toHaveLength(cases.length);
      for (const [i, bytes] of cases.entries()) {
        const { text, meta } = decodeSource(bytes);
        expect([meta.encoding, text], files[i]).toEqual(expected[i]);
      }
    });
  },
);
