/**
 * The RouterOS binary API's framing: a word is a length prefix plus that many bytes; a sentence is
 * words ended by an empty word. The prefix has five forms (MikroTik's API manual):
 *
 *   0x00–0x7F            1 byte   len
 *   0x80–0x3FFF          2 bytes  len | 0x8000
 *   0x4000–0x1FFFFF      3 bytes  len | 0xC00000
 *   0x200000–0xFFFFFFF   4 bytes  len | 0xE0000000
 *   ≥ 0x10000000         5 bytes  0xF0, then len as 4 bytes
 *
 * A first byte ≥ 0xF8 is a reserved control byte: nothing after it can be parsed.
 */
import { isUtf8 } from 'node:buffer';

const MAX_WORD = 0xffffffff;

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** The length prefix for a word of `length` bytes. */
export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > MAX_WORD) {
    throw new RangeError(`RouterOS API: a word cannot be ${length} bytes long`);
  }
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) return Buffer.from([(length >> 8) | 0x80, length & 0xff]);
  if (length < 0x200000) {
    return Buffer.from([(length >> 16) | 0xc0, (length >> 8) & 0xff, length & 0xff]);
  }
  if (length < 0x10000000) {
    return Buffer.from([(length >>> 24) | 0xe0, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
  }
  const out = Buffer.alloc(5);
  out[0] = 0xf0;
  out.writeUInt32BE(length, 1);
  return out;
}

/** One sentence ready for the socket: every word UTF-8 encoded and length-prefixed, then the empty word. */
export function encodeSentence(words: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const word of words) {
    const bytes = Buffer.from(word, 'utf8');
    parts.push(encodeLength(bytes.length), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/**
 * RouterOS sends the bytes it stores; names typed in WinBox on a Windows PC are often in the
 * console's 8-bit code page, not UTF-8. Valid UTF-8 is read as UTF-8; anything else as latin1,
 * so a byte is never lost or turned into U+FFFD (both readings are lossless for their input).
 */
export function decodeWord(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}

/** How many bytes the prefix starting with `first` takes (throws on a control byte). */
function prefixSize(first: number): number {
  if (first < 0x80) return 1;
  if (first < 0xc0) return 2;
  if (first < 0xe0) return 3;
  if (first < 0xf0) return 4;
  if (first === 0xf0) return 5;
  throw new ProtocolError(`RouterOS API: unexpected control byte 0x${first.toString(16)} in the stream`);
}

function readLength(buffer: Buffer, at: number, size: number): number {
  const first = buffer[at] as number;
  switch (size) {
    case 1:
      return first;
    case 2:
      return ((first & 0x3f) << 8) | (buffer[at + 1] as number);
    case 3:
      return ((first & 0x1f) << 16) | ((buffer[at + 1] as number) << 8) | (buffer[at + 2] as number);
    case 4:
      return ((first & 0x0f) * 0x1000000 + buffer.readUIntBE(at + 1, 3)) >>> 0;
    default:
      return buffer.readUInt32BE(at + 1);
  }
}

/**
 * Streaming decoder: feed socket chunks, get whole sentences. Chunks are only joined once enough
 * bytes for the next word have arrived, so a long reply (20,000 rows) or a huge word spread over
 * many chunks is parsed in linear time.
 */
export class SentenceDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private offset = 0;
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  /** Bytes needed (from `offset`) before parsing can make progress. */
  private need = 1;
  private words: string[] = [];

  /** Adds a chunk; returns every sentence completed by it, in order. */
  push(chunk: Buffer): string[][] {
    this.waiting.push(chunk);
    this.waitingBytes += chunk.length;
    if (this.buffer.length - this.offset + this.waitingBytes < this.need) return [];
    const rest = this.buffer.subarray(this.offset);
    this.buffer =
      rest.length === 0 && this.waiting.length === 1 ? chunk : Buffer.concat([rest, ...this.waiting]);
    this.offset = 0;
    this.waiting = [];
    this.waitingBytes = 0;
    return this.drain();
  }

  /** True when a sentence has started but not ended (the stream was cut mid-reply). */
  get partial(): boolean {
    return this.words.length > 0 || this.buffer.length > this.offset || this.waitingBytes > 0;
  }

  private drain(): string[][] {
    const sentences: string[][] = [];
    const { buffer } = this;
    let at = this.offset;
    for (;;) {
      if (at >= buffer.length) {
        this.need = 1;
        break;
      }
      const size = prefixSize(buffer[at] as number);
      if (at + size > buffer.length) {
        this.need = size;
        break;
      }
      const length = readLength(buffer, at, size);
      if (at + size + length > buffer.length) {
        this.need = size + length;
        break;
      }
      at += size;
      if (length === 0) {
        // An empty sentence (two empty words in a row) carries nothing and is ignored.
        if (this.words.length > 0) sentences.push(this.words);
        this.words = [];
        continue;
      }
      this.words.push(decodeWord(buffer.subarray(at, at + length)));
      at += length;
    }
    this.offset = at;
    if (this.offset === buffer.length) {
      this.buffer = Buffer.alloc(0);
      this.offset = 0;
    }
    return sentences;
  }
}
