import { describe, expect, it } from 'vitest';
import { parseReply } from '../src/routeros/sentence.js';
import { decodeWord, encodeLength, encodeSentence, SentenceDecoder } from '../src/routeros/words.js';

const hex = (buffer: Buffer) => buffer.toString('hex');

describe('RouterOS API word length encoding (the table of MikroTik API manual)', () => {
  it.each([
    [0x00, '00'],
    [0x01, '01'],
    [0x7f, '7f'],
    // 2 bytes: len | 0x8000
    [0x80, '8080'],
    [0x100, '8100'],
    [0x3fff, 'bfff'],
    // 3 bytes: len | 0xC00000
    [0x4000, 'c04000'],
    [0x1fffff, 'dfffff'],
    // 4 bytes: len | 0xE0000000
    [0x200000, 'e0200000'],
    [0xfffffff, 'efffffff'],
    // 5 bytes: 0xF0 then the length as four bytes
    [0x10000000, 'f010000000'],
    [0xffffffff, 'f0ffffffff'],
  ])('%i → %s', (length, bytes) => {
    expect(hex(encodeLength(length))).toBe(bytes);
  });

  it('refuses lengths that cannot be encoded', () => {
    expect(() => encodeLength(-1)).toThrow(RangeError);
    expect(() => encodeLength(2 ** 32)).toThrow(RangeError);
  });

  it.each([0, 1, 0x7f, 0x80, 0x3fff, 0x4000, 0x1fffff, 0x200000])(
    'decodes a word of %i bytes back',
    (length) => {
      const word = 'x'.repeat(length);
      const sentences = new SentenceDecoder().push(encodeSentence(['!re', word]));
      // An empty word ends the sentence, so a 0-byte word is the terminator itself.
      expect(sentences).toEqual(length === 0 ? [['!re']] : [['!re', word]]);
    },
  );

  it('decodes the 4- and 5-byte forms from raw bytes', () => {
    // A 5-byte prefix for a 3-byte word is legal (only the length matters), as is a 4-byte one.
    const bytes = Buffer.concat([
      Buffer.from('f000000003', 'hex'),
      Buffer.from('!re'),
      Buffer.from('e0000003', 'hex'),
      Buffer.from('=a='),
      Buffer.from([0]),
    ]);
    expect(new SentenceDecoder().push(bytes)).toEqual([['!re', '=a=']]);
  });

  it('encodes a sentence as the manual shows: words then an empty word', () => {
    expect(hex(encodeSentence(['/login', '=name=admin']))).toBe(
      `06${hex(Buffer.from('/login'))}0b${hex(Buffer.from('=name=admin'))}00`,
    );
  });
});

describe('SentenceDecoder', () => {
  const stream = Buffer.concat([
    encodeSentence(['!re', '=address=10.0.0.1', `=comment=${'é'.repeat(100)}`, '.tag=7']),
    encodeSentence(['!re', `=big=${'z'.repeat(20_000)}`, '.tag=7']),
    encodeSentence(['!done', '.tag=7']),
  ]);
  const whole = new SentenceDecoder().push(stream);

  it('finds every sentence in one chunk', () => {
    expect(whole).toHaveLength(3);
    expect(whole[2]).toEqual(['!done', '.tag=7']);
  });

  it.each([1, 2, 3, 7, 64, 1000, 4096])('gives the same sentences when split into %i-byte chunks', (size) => {
    const decoder = new SentenceDecoder();
    const out: string[][] = [];
    for (let at = 0; at < stream.length; at += size)
      out.push(...decoder.push(stream.subarray(at, at + size)));
    expect(out).toEqual(whole);
    expect(decoder.partial).toBe(false);
  });

  it('gives the same sentences for random splits', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const decoder = new SentenceDecoder();
      const out: string[][] = [];
      let at = 0;
      while (at < stream.length) {
        const size = 1 + Math.floor(random() * 300);
        out.push(...decoder.push(stream.subarray(at, at + size)));
        at += size;
      }
      expect(out).toEqual(whole);
    }
  });

  it('reports a sentence cut off mid-way', () => {
    const decoder = new SentenceDecoder();
    decoder.push(stream.subarray(0, 50));
    expect(decoder.partial).toBe(true);
  });

  it('ignores empty sentences', () => {
    expect(new SentenceDecoder().push(Buffer.from([0, 0, 3, 0x21, 0x72, 0x65, 0]))).toEqual([['!re']]);
  });

  it('stops on a reserved control byte (≥ 0xF8)', () => {
    expect(() => new SentenceDecoder().push(Buffer.from([0xf8, 1, 2]))).toThrow(/control byte 0xf8/);
  });

  it('parses 20,000 rows in a few hundred milliseconds, even in small chunks', () => {
    const row = encodeSentence([
      '!re',
      '=.id=*1',
      '=name=user-00001',
      '=address=100.64.0.1',
      '=caller-id=AA:BB:CC:00:00:01',
      '.tag=1',
    ]);
    const all = Buffer.concat(Array.from({ length: 20_000 }, () => row));
    const started = performance.now();
    const decoder = new SentenceDecoder();
    let count = 0;
    for (let at = 0; at < all.length; at += 1500) count += decoder.push(all.subarray(at, at + 1500)).length;
    expect(count).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('word text', () => {
  it('reads UTF-8 when the bytes are UTF-8', () => {
    expect(decodeWord(Buffer.from('Ñandú', 'utf8'))).toBe('Ñandú');
  });

  it('reads latin1 (WinBox code page) when they are not', () => {
    expect(decodeWord(Buffer.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a]))).toBe('Núñez');
  });
});

describe('parseReply', () => {
  it('splits attributes at the second "=" only and finds the tag', () => {
    expect(parseReply(['!re', '=comment=a=b', '=empty=', '.tag=12'])).toEqual({
      type: '!re',
      tag: '12',
      attributes: { comment: 'a=b', empty: '' },
      other: [],
    });
  });

  it('keeps the reason word of !fatal', () => {
    expect(parseReply(['!fatal', 'session terminated on request']).other).toEqual([
      'session terminated on request',
    ]);
  });
});
