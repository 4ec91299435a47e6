/**
 * UTF-8 for the zip format and imported files, through the platform's own TextEncoder and TextDecoder (present in
 * Node, Chromium and Electron alike). shared/ is compiled without the DOM's or Node's type definitions, so the
 * little of them used here is typed locally.
 */
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
}

const codecs = globalThis as unknown as TextCodecs;
const encoder = new codecs.TextEncoder();
// Strict, and a leading byte-order mark is kept for the caller to see (callers that want it gone strip it).
const decoder = new codecs.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Lone surrogates are encoded as U+FFFD. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

export class Utf8Error extends Error {
  constructor() {
    super('not valid UTF-8 text');
    this.name = 'Utf8Error';
  }
}

/** Strict decoding: invalid or overlong sequences throw Utf8Error. */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Utf8Error();
  }
}
