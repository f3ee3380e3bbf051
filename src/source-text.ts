// Bytes <-> text, keeping what the bytes were: encoding (UTF-8 BOM, PEP 263 coding cookie), line endings
// (every one, byte for byte, even in mixed files), final newline. A file we cannot decode exactly is a
// DecodeError for that file, never a guess: encodeSource(decodeSource(b).text, meta) gives back b.
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

export interface SourceMeta {
  /** Python's name for the encoding: 'utf-8' (also for a BOM or a utf-8-sig cookie), 'iso-8859-1', 'cp1252'... */
  encoding: string;
  /** The file starts with a UTF-8 BOM; the text does not, encodeSource puts it back. */
  bom: boolean;
  /** The file's dominant line ending; inserted lines use it. Existing line endings are never changed. */
  eol: '\n' | '\r\n' | '\r';
  /** The encoding name as written in the PEP 263 coding cookie, when there is one. */
  cookie?: string;
}

/** The bytes are not text we can decode exactly (one-line message). */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** The (edited) text cannot be written in the file's encoding. */
export class EncodeError extends Error {
  override name = 'EncodeError';
}

const UTF8 = 'utf-8';
const BOM = [0xef, 0xbb, 0xbf];

/** The most frequent line ending; ties and files without any go to LF, then CRLF over CR. */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

export function decodeSource(bytes: Uint8Array): { text: string; meta: SourceMeta } {
  if (bytes.indexOf(0) >= 0) throw new DecodeError('binary file (NUL byte)');
  const bom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  const cookie = findCookie(body);
  const encoding = cookie === undefined ? UTF8 : pythonEncodingName(cookie);
  // Python wants a BOM's cookie spelled utf-8 (any case, _ for -, a -suffix): `utf8` with a BOM does not compile
  if (bom && cookie !== undefined && !/^utf[-_]8(?:$|[-_])/i.test(cookie.slice(0, 12))) {
    throw new DecodeError(
      `encoding problem: the file starts with a UTF-8 BOM but its coding cookie says '${cookie}'`,
    );
  }
  const meta: SourceMeta = { encoding, bom, eol: '\n' };
  if (cookie !== undefined) meta.cookie = cookie;

  let text: string;
  if (encoding === UTF8) {
    try {
      // ignoreBOM: the BOM is already off; a second U+FEFF is text and must survive the round trip
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      const at = invalidUtf8Offset(body) + (bom ? 3 : 0);
      throw new DecodeError(`invalid UTF-8 at byte ${at} (line ${lineOf(bytes, at)})`);
    }
  } else {
    const codec = iconvName(encoding);
    if (codec === undefined) throw new DecodeError(`unknown encoding '${cookie}' in coding cookie`);
    text = codecs().decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), codec, {
      stripBOM: false,
    });
    // iconv-lite replaces what it cannot decode; only an exact round trip is a decoding
    const back = codecs().encode(text, codec, { addBOM: false });
    const at = firstDifference(back, body);
    if (at >= 0) throw new DecodeError(`invalid ${encoding} data at byte ${at} (line ${lineOf(bytes, at)})`);
  }
  meta.eol = detectEol(text);
  return { text, meta };
}

export function encodeSource(text: string, meta: SourceMeta): Buffer {
  const body = encodeText(text, meta.encoding);
  if (meta.encoding !== UTF8) {
    // Python reads the cookie on line 1 or 2 only: text inserted above it would change how the file decodes
    const cookie = findCookie(body);
    if (cookie === undefined || pythonEncodingName(cookie) !== meta.encoding) {
      throw new EncodeError(
        `the changed text no longer declares its encoding (${meta.encoding}) on line 1 or 2`,
      );
    }
  }
  return meta.bom ? Buffer.concat([Buffer.from(BOM), body]) : body;
}

/**
 * Text in an encoding (a Python name, as SourceMeta has it), exactly: what the encoding cannot hold is an
 * EncodeError, never a '?'. For source and for anything shown in the file's encoding (its diff).
 */
export function encodeText(text: string, encoding: string): Buffer {
  if (encoding === UTF8) {
    if (/[\uD800-\uDFFF]/u.test(text)) throw new EncodeError('text holds a lone surrogate: not valid UTF-8');
    return Buffer.from(text, 'utf8');
  }
  const codec = iconvName(encoding);
  if (codec === undefined) throw new EncodeError(`unknown encoding '${encoding}'`);
  const body = codecs().encode(text, codec, { addBOM: false });
  // iconv-lite writes '?' for what the encoding lacks: refuse rather than corrupt the file
  if (codecs().decode(body, codec, { stripBOM: false }) !== text) {
    throw new EncodeError(`the changed text cannot be written in the file's encoding (${encoding})`);
  }
  return body;
}

// --- PEP 263 -----------------------------------------------------------------------------------------

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#|$)/;

/** The coding cookie's encoding name on line 1, or on line 2 when line 1 is blank or a comment. */
function findCookie(body: Uint8Array): string | undefined {
  const [first, second] = firstLines(body, 2);
  const m1 = COOKIE.exec(first);
  if (m1) return m1[1];
  if (second === undefined || !BLANK_OR_COMMENT.test(first)) return undefined;
  return COOKIE.exec(second)?.[1];
}

/** The first `count` lines (without their ends) read as latin-1: the cookie is ASCII, anything else is opaque. */
function firstLines(body: Uint8Array, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < body.length && lines.length < count; i++) {
    const c = body[i];
    if (c !== 10 && c !== 13) continue;
    lines.push(Buffer.from(body.buffer, body.byteOffset + start, i - start).toString('latin1'));
    if (c === 13 && body[i + 1] === 10) i++;
    start = i + 1;
  }
  if (lines.length < count && start < body.length) {
    lines.push(Buffer.from(body.buffer, body.byteOffset + start, body.length - start).toString('latin1'));
  }
  if (lines.length === 0) lines.push('');
  return lines;
}

/** Python's tokenizer `_get_normal_name`, then a lower-case, dash-separated form of the rest. */
export function pythonEncodingName(name: string): string {
  const enc = name.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (enc === 'utf-8' || enc.startsWith('utf-8-')) return UTF8;
  if (
    ['latin-1', 'iso-8859-1', 'iso-latin-1'].includes(enc) ||
    /^(latin-1|iso-8859-1|iso-latin-1)-/.test(enc)
  ) {
    return 'iso-8859-1';
  }
  const lower = name.toLowerCase().replace(/_/g, '-');
  // Python's aliases of utf_8 and latin_1 that the step above does not catch
  const key = lower.replace(/[^0-9a-z]/g, '');
  if (['utf8', 'u8', 'utf', 'utf8ucs2', 'utf8ucs4', 'cp65001'].includes(key)) return UTF8;
  if (['latin1', 'latin', 'l1', 'iso88591', 'iso885911987', '8859', 'cp819', 'iso8859'].includes(key)) {
    return 'iso-8859-1';
  }
  return lower;
}

/** Python aliases iconv-lite does not know (iconv-lite itself ignores case and punctuation). */
const ICONV_ALIASES: Record<string, string> = {
  latin: 'latin1',
  '646': 'ascii',
  ujis: 'eucjp',
  'u-jis': 'eucjp',
};

/** The iconv-lite codec for a Python encoding name, or undefined when unknown or not ASCII-compatible. */
function iconvName(encoding: string): string | undefined {
  const codec = ICONV_ALIASES[encoding] ?? encoding;
  if (!codecs().encodingExists(codec)) return undefined;
  // A source encoding must keep ASCII as ASCII (the cookie itself is ASCII): rules out UTF-16/32, UTF-7
  const probe = '#\t coding=x\n\r';
  const bytes = codecs().encode(probe, codec, { addBOM: false });
  return bytes.toString('latin1') === probe ? codec : undefined;
}

// --- error positions -------------------------------------------------------------------------------

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return i;
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** 1-based line of a byte offset (LF, CRLF and CR each end a line). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  }
  return line;
}

let iconv: typeof Iconv | undefined;

/** iconv-lite, loaded the first time a file is not UTF-8: most runs never need it (it costs start-up time). */
function codecs(): typeof Iconv {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return iconv;
}
