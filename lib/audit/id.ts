/**
 * ULID ids: 48-bit millisecond time + 80 random bits in Crockford base32, so ids
 * sort by creation time as plain strings. Monotonic per factory: within one
 * millisecond (or when the clock steps back) the random part is incremented
 * instead of redrawn, so ids issued by one device never sort out of order.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LEN = 10;
const RANDOM_LEN = 16;

export type IdFactory = (nowMs?: number) => string;

export function createIdFactory(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): IdFactory {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return (nowMs = Date.now()) => {
    if (nowMs > lastTime) {
      lastTime = nowMs;
      const bytes = random(new Uint8Array(RANDOM_LEN));
      lastRandom = Array.from(bytes, (b) => b & 31);
    } else {
      increment(lastRandom);
    }
    return encodeTime(lastTime) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

function increment(digits: number[]): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i]! < 31) {
      digits[i]! += 1;
      return;
    }
    digits[i] = 0;
  }
  throw new Error('ULID random part overflowed within one millisecond');
}

function encodeTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > 2 ** 48 - 1) throw new Error(`ULID time out of range: ${ms}`);
  let out = '';
  let t = ms;
  for (let i = 0; i < TIME_LEN; i++) {
    out = ALPHABET[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  return out;
}

/** The creation time encoded in a ULID. */
export function idTime(id: string): number {
  let t = 0;
  for (let i = 0; i < TIME_LEN; i++) {
    const d = ALPHABET.indexOf(id[i] ?? '');
    if (d < 0) throw new Error('not a ULID');
    t = t * 32 + d;
  }
  return t;
}
