/** Decode base64 text into bytes (works in browsers and in Node). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encode bytes as base64 text. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

/** Encode text as UTF-8 and then base64 (a request body typed by a person). */
export function textToBase64(text: string): string {
  return toBase64(new TextEncoder().encode(text));
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Read bytes as UTF-8 text; throws a TypeError when they are not valid UTF-8. */
export function utf8OrThrow(bytes: Uint8Array): string {
  return STRICT_UTF8.decode(bytes);
}

/** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Read bytes as UTF-8 text, replacing what is not valid UTF-8. */
export function bytesToText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Read bytes one code point per byte (latin-1), as a WSGI server reads them. */
export function bytesToLatin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
