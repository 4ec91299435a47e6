/**
 * UTF-8 for the zip format, written out because shared/ sees neither the DOM's nor Node's TextEncoder.
 * Lone surrogates are encoded as U+FFFD, as TextEncoder does.
 */

export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export class Utf8Error extends Error {
  constructor(offset: number) {
    super(`not valid UTF-8 text (at byte ${offset})`);
    this.name = 'Utf8Error';
  }
}

/** Strict decoding: invalid or overlong sequences throw Utf8Error. */
export function utf8Decode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...chunk));
    chunk = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let code: number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      code = b;
      need = 0;
      min = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      code = b & 31;
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b < 0xf0) {
      code = b & 15;
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b < 0xf5) {
      code = b & 7;
      need = 3;
      min = 0x10000;
    } else throw new Utf8Error(i);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) throw new Utf8Error(i);
      code = (code << 6) | (next & 63);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new Utf8Error(i);
    i += need + 1;
    if (code >= 0x10000) {
      code -= 0x10000;
      chunk.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
    } else chunk.push(code);
    if (chunk.length >= 8192) flush();
  }
  flush();
  return parts.join('');
}
