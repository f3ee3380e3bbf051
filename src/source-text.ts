// Bytes <-> text, keeping what the bytes were: encoding, BOM, line endings, final newline.
// (Minimal UTF-8 version; PEP 263 cookies are handled by decodeSource's encoding detection.)
export interface SourceMeta {
  encoding: string;
  bom: boolean;
  /** The file's dominant line ending; inserted lines use it. */
  eol: '\n' | '\r\n' | '\r';
}

export class DecodeError extends Error {}

export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  const cr = text.split('\r').length - 1 - crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

export function decodeSource(bytes: Uint8Array): { text: string; meta: SourceMeta } {
  let body = bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) body = bytes.subarray(3);
  if (body.includes(0)) throw new DecodeError('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new DecodeError('invalid UTF-8');
  }
  return { text, meta: { encoding: 'utf-8', bom, eol: detectEol(text) } };
}

export function encodeSource(text: string, meta: SourceMeta): Buffer {
  const body = Buffer.from(text, 'utf8');
  return meta.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
