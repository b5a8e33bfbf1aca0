import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { LoadError } from './errors.js';

/** Largest document accepted by default (bytes). Bigger inputs are almost always a mistake (a dump, a scan). */
export const MAX_BYTES = 20 * 1024 * 1024;

/** Legacy encodings Chinese texts really come in. GBK and GB2312 are subsets of GB18030, so we decode them as it. */
const LEGACY: Record<string, string> = {
  gb18030: 'GB18030', gbk: 'GB18030', gb2312: 'GB18030', 'x-gbk': 'GB18030', 'euc-cn': 'GB18030', cp936: 'GB18030',
  big5: 'Big5', 'big5-hkscs': 'Big5', cp950: 'Big5',
};

export interface Decoded {
  text: string;
  /** "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5" */
  encoding: string;
  warnings: string[];
}

export interface DecodeOptions {
  maxBytes?: number;
  /** charset declared by the container (an HTML <meta charset>); tried before guessing */
  declaredEncoding?: string | null;
}

/** 1-based line number of a byte offset (counts LF bytes before it, which works for every ASCII-compatible encoding). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export interface Utf8Scan {
  /** byte offset of the first byte that starts no valid UTF-8 sequence, -1 if none */
  firstBad: number;
  /** number of well-formed multi-byte sequences */
  multibyte: number;
  /** number of invalid bytes/sequences */
  invalid: number;
}

/**
 * Walks the bytes as UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). TextDecoder's
 * fatal mode says *whether* the input is valid; this says *where* it breaks and whether it looks
 * like mostly-UTF-8-with-a-bad-byte (report the line) or like a legacy encoding (try to detect it).
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstBad = -1;
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  const cont = (k: number) => k < n && (bytes[k] & 0xc0) === 0x80;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let len = 0;
    let ok = false;
    if (b >= 0xc2 && b <= 0xdf) { len = 2; ok = cont(i + 1); }
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      const b1 = bytes[i + 1];
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      ok = i + 2 < n && b1 >= lo && b1 <= hi && cont(i + 2);
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      const b1 = bytes[i + 1];
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      ok = i + 3 < n && b1 >= lo && b1 <= hi && cont(i + 2) && cont(i + 3);
    }
    if (ok) { multibyte++; i += len; continue; }
    if (firstBad < 0) firstBad = i;
    invalid++;
    i++;
  }
  return { firstBad, multibyte, invalid };
}

/** Rejects what is not text at all: PDFs, Office/ZIP files, anything with NUL bytes. */
export function assertNotBinary(bytes: Uint8Array, origin: string): void {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) {
    throw new LoadError(origin, 'binary', 'binary input: this is a PDF file; extract text from PDFs first (e.g. pdftotext) and load the .txt');
  }
  if (head.startsWith('PK\u0003\u0004')) {
    throw new LoadError(origin, 'binary', 'binary input: this is a ZIP container (.docx/.epub?); convert it to text, Markdown or HTML first');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new LoadError(origin, 'binary', `binary input: NUL byte at byte ${nul} (line ${lineOfByte(bytes, nul)}); only text, Markdown and HTML can be loaded`);
  }
}

/** Throws a size LoadError when `size` exceeds the limit. Exported so callers can check before reading a file. */
export function assertSize(size: number, origin: string, maxBytes = MAX_BYTES): void {
  if (size > maxBytes) {
    throw new LoadError(origin, 'size', `size ${formatBytes(size)} (${size} bytes) exceeds the limit of ${formatBytes(maxBytes)} (${maxBytes} bytes)`);
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** Maps a charset label to the legacy encoding we decode it as, or null if unsupported. */
export function legacyEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  return LEGACY[label.trim().toLowerCase()] ?? null;
}

function decodeLegacy(bytes: Uint8Array, encoding: string, origin: string, why: string): Decoded {
  const text = iconv.decode(Buffer.from(bytes), encoding === 'Big5' ? 'big5' : 'gb18030');
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  // a few replacement characters are a damaged file; many mean the guess was wrong
  if (bad > Math.max(3, text.length / 100)) {
    throw new LoadError(origin, 'encoding', `encoding: not valid UTF-8 and decoding as ${encoding} (${why}) gives ${bad} undecodable characters; save the file as UTF-8`);
  }
  const warnings = [`decoded as ${encoding} (${why})`];
  if (bad) warnings.push(`${bad} undecodable byte sequence(s) replaced with U+FFFD`);
  return { text, encoding, warnings };
}

/**
 * Bytes → string. Order: size limit, UTF-8/UTF-16 BOM, binary check, strict UTF-8, then a
 * declared or detected Chinese legacy encoding (GB18030/GBK/GB2312, Big5). Text that is mostly
 * valid UTF-8 with a few bad bytes is a damaged UTF-8 file, not GBK: it is rejected with the line
 * of the first bad byte rather than decoded into mojibake.
 */
export function decodeBytes(bytes: Uint8Array, origin: string, opts: DecodeOptions = {}): Decoded {
  assertSize(bytes.length, origin, opts.maxBytes ?? MAX_BYTES);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    assertNotBinary(body, origin);
    return { ...decodeUtf8(body, origin), warnings: ['stripped UTF-8 byte order mark'] };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    try {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
      if (text.includes('\u0000')) throw new LoadError(origin, 'binary', 'binary input: NUL character in UTF-16 text');
      return { text, encoding: le ? 'UTF-16LE' : 'UTF-16BE', warnings: [] };
    } catch (e) {
      if (e instanceof LoadError) throw e;
      throw new LoadError(origin, 'encoding', `encoding: has a UTF-16 byte order mark but is not valid UTF-16`);
    }
  }
  assertNotBinary(bytes, origin);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', warnings: [] };
  } catch {
    // not UTF-8: fall through to legacy encodings
  }
  const scan = scanUtf8(bytes);
  const badLine = lineOfByte(bytes, scan.firstBad);
  const where = `line ${badLine} (byte ${scan.firstBad}: 0x${bytes[scan.firstBad].toString(16).padStart(2, '0')})`;
  if (scan.multibyte > 0 && scan.invalid * 10 < scan.multibyte) {
    throw new LoadError(origin, 'encoding', `encoding: invalid UTF-8 at ${where}; the rest of the file is UTF-8, so it looks damaged (fix or re-save that line)`);
  }
  const declared = legacyEncoding(opts.declaredEncoding);
  if (declared) return decodeLegacy(bytes, declared, origin, `declared charset ${opts.declaredEncoding}`);
  const guesses = analyse(bytes);
  const best = guesses.find((g) => legacyEncoding(g.name));
  if (best && best.confidence >= 10 && guesses[0] === best) {
    return decodeLegacy(bytes, legacyEncoding(best.name)!, origin, `detected by chardet, confidence ${best.confidence}`);
  }
  const top = guesses[0];
  throw new LoadError(origin, 'encoding',
    `encoding: not valid UTF-8 (first bad byte at ${where}) and not recognisably GB18030/GBK/GB2312 or Big5` +
    `${top ? ` (chardet guesses ${top.name}, confidence ${top.confidence})` : ''}; save the file as UTF-8`);
}

function decodeUtf8(bytes: Uint8Array, origin: string): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', warnings: [] };
  } catch {
    const scan = scanUtf8(bytes);
    throw new LoadError(origin, 'encoding',
      `encoding: has a UTF-8 byte order mark but invalid UTF-8 at line ${lineOfByte(bytes, scan.firstBad)} (byte ${scan.firstBad + 3})`);
  }
}
