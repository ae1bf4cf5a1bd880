/** How a file's bytes were turned into text. */
export type Encoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be' | 'not UTF-8';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text the way LibreQoS 2.x reads ShapedDevices.csv: a BOM picks UTF-8 or UTF-16, and
 * anything that is not valid UTF-8 is decoded as Latin-1 (LibreQoS guesses a code page; 1.4 fails).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: UTF8.decode(bytes), encoding: bom ? 'utf-8 with BOM' : 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'not UTF-8' };
  }
}
