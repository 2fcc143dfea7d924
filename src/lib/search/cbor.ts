/**
 * The little of CBOR (RFC 8949) that Pagefind's index files use: definite-length arrays, text
 * strings and integers, as its Rust encoder (minicbor) writes them. src/lib/search/merge-index.ts
 * reads the shards' files with it and writes the merged index: it must know where each item
 * starts and ends, so that the positions of a word on a page (most of an index's bytes) are
 * copied as they are instead of being decoded into numbers and encoded again. A general CBOR
 * library decodes into values and would lose those offsets. The search page reads index chunks
 * with the same reader (src/lib/search/index-reader.ts), skipping every word but its own, so the
 * reader works on plain bytes (Uint8Array), not Node's Buffer.
 */

const UNSIGNED = 0;
const NEGATIVE = 1;
const TEXT = 3;
const ARRAY = 4;

const utf8 = new TextDecoder();

export class CborReader {
  readonly bytes: Uint8Array;
  /** The offset of the next item. */
  at: number;

  constructor(bytes: Uint8Array, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  /** The next item's major type and argument (its value, length or count). */
  private head(): { major: number; value: number } {
    const first = this.bytes[this.at++];
    if (first === undefined) throw new Error('CBOR: unexpected end of data');
    const major = first >> 5;
    const info = first & 31;
    if (info < 24) return { major, value: info };
    if (info === 24) return { major, value: this.bytes[this.at++] };
    if (info >= 25 && info <= 27) {
      const length = 1 << (info - 24);
      if (this.at + length > this.bytes.length) throw new Error('CBOR: unexpected end of data');
      let value = 0;
      // Big-endian; multiplying rather than shifting keeps values above 2³¹ positive.
      for (let i = 0; i < length; i++) value = value * 256 + this.bytes[this.at + i];
      this.at += length;
      return { major, value };
    }
    throw new Error(`CBOR: indefinite or reserved length at byte ${this.at - 1}`);
  }

  private expect(major: number, what: string): number {
    const start = this.at;
    const head = this.head();
    if (head.major !== major) throw new Error(`CBOR: expected ${what} at byte ${start}, found major type ${head.major}`);
    return head.value;
  }

  /** The length of the array that starts here. */
  array(): number {
    return this.expect(ARRAY, 'an array');
  }

  unsigned(): number {
    return this.expect(UNSIGNED, 'an unsigned integer');
  }

  /** An integer of either sign. */
  integer(): number {
    const start = this.at;
    const { major, value } = this.head();
    if (major === UNSIGNED) return value;
    if (major === NEGATIVE) return -1 - value;
    throw new Error(`CBOR: expected an integer at byte ${start}, found major type ${major}`);
  }

  text(): string {
    return utf8.decode(this.textBytes());
  }

  /** A text string's UTF-8 bytes. */
  textBytes(): Uint8Array {
    const length = this.expect(TEXT, 'a text string');
    const bytes = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }

  /** Moves past the next item (integers, text and arrays of them). */
  skip(): void {
    const start = this.at;
    const { major, value } = this.head();
    if (major === UNSIGNED || major === NEGATIVE) return;
    if (major === TEXT || major === 2) {
      this.at += value;
      return;
    }
    if (major === ARRAY) {
      for (let i = 0; i < value; i++) this.skip();
      return;
    }
    throw new Error(`CBOR: unexpected major type ${major} at byte ${start}`);
  }

  /** Moves past `count` integers. */
  skipIntegers(count: number): void {
    const bytes = this.bytes;
    for (let i = 0; i < count; i++) {
      const first = bytes[this.at];
      if (first === undefined || first >> 6 !== 0) throw new Error(`CBOR: expected an integer at byte ${this.at}`);
      const info = first & 31;
      this.at += info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
    }
  }

  /** The raw bytes of the next `count` items. */
  raw(count: number): Uint8Array {
    const start = this.at;
    for (let i = 0; i < count; i++) this.skip();
    return this.bytes.subarray(start, this.at);
  }
}

/**
 * Writes CBOR into one growing buffer: a merged index is millions of small items, and a Buffer
 * each would cost more in allocation than the merge itself.
 */
export class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  private head(major: number, value: number): this {
    this.room(9);
    const type = major << 5;
    const buffer = this.buffer;
    if (value < 24) buffer[this.at++] = type | value;
    else if (value < 0x100) {
      buffer[this.at++] = type | 24;
      buffer[this.at++] = value;
    } else if (value < 0x10000) {
      buffer[this.at++] = type | 25;
      buffer.writeUInt16BE(value, this.at);
      this.at += 2;
    } else if (value < 0x100000000) {
      buffer[this.at++] = type | 26;
      buffer.writeUInt32BE(value, this.at);
      this.at += 4;
    } else {
      buffer[this.at++] = type | 27;
      buffer.writeBigUInt64BE(BigInt(value), this.at);
      this.at += 8;
    }
    return this;
  }

  array(length: number): this {
    return this.head(ARRAY, length);
  }

  unsigned(value: number): this {
    return this.head(UNSIGNED, value);
  }

  integer(value: number): this {
    return value < 0 ? this.head(NEGATIVE, -1 - value) : this.head(UNSIGNED, value);
  }

  text(value: string): this {
    const length = Buffer.byteLength(value, 'utf8');
    this.head(TEXT, length);
    this.room(length);
    this.at += this.buffer.write(value, this.at, 'utf8');
    return this;
  }

  /** Bytes as they are (items already encoded). */
  raw(bytes: Uint8Array, start = 0, end = bytes.length): this {
    this.room(end - start);
    this.buffer.set(bytes.subarray(start, end), this.at);
    this.at += end - start;
    return this;
  }

  get length(): number {
    return this.at;
  }

  /** A copy of what was written. */
  bytes(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.at));
  }

  reset(): void {
    this.at = 0;
  }
}
