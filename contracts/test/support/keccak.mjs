// Keccak-256 (the pre-standard padding Ethereum uses, not SHA3-256), written out because node's crypto has
// no keccak. Lanes are BigInts: slow (~20k hashes/s) but plenty for selectors and test vectors.
const MASK64 = (1n << 64n) - 1n;
const rotl = (x, n) => ((x << BigInt(n)) | (x >> BigInt(64 - n))) & MASK64;

// Round constants from the degree-8 LFSR of the Keccak reference ("LFSR86540"), and rho offsets/pi
// positions walked along the (x, y) -> (y, 2x + 3y) permutation, as in the specification.
const ROUND_CONSTANTS = [];
for (let round = 0, r = 1; round < 24; round++) {
  let rc = 0n;
  for (let j = 0; j < 7; j++) {
    if (r & 1) rc |= 1n << BigInt((1 << j) - 1);
    r = r & 0x80 ? ((r << 1) ^ 0x71) & 0xff : r << 1;
  }
  ROUND_CONSTANTS.push(rc);
}
const RHO = new Array(25).fill(0);
for (let t = 0, x = 1, y = 0; t < 24; t++) {
  RHO[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
  [x, y] = [y, (2 * x + 3 * y) % 5];
}

function keccakF(s) {
  for (const rc of ROUND_CONSTANTS) {
    const c = [0, 1, 2, 3, 4].map((x) => s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20]);
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (let y = 0; y < 25; y += 5) s[x + y] ^= d; // theta
    }
    const b = new Array(25);
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const lane = s[x + 5 * y];
        b[y + 5 * ((2 * x + 3 * y) % 5)] = RHO[x + 5 * y] ? rotl(lane, RHO[x + 5 * y]) : lane; // rho, pi
      }
    }
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) s[x + y] = b[x + y] ^ (~b[((x + 1) % 5) + y] & MASK64 & b[((x + 2) % 5) + y]); // chi
    }
    s[0] ^= rc; // iota
  }
}

/** keccak256 of a Uint8Array / Buffer / utf-8 string; returns a 32-byte Buffer. */
export function keccak256(input) {
  const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const rate = 136;
  const padded = Buffer.alloc(Math.floor(data.length / rate) * rate + rate);
  data.copy(padded);
  padded[data.length] ^= 0x01;
  padded[padded.length - 1] ^= 0x80;
  const s = new Array(25).fill(0n);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) s[i] ^= padded.readBigUInt64LE(off + 8 * i);
    keccakF(s);
  }
  const out = Buffer.alloc(32);
  for (let i = 0; i < 4; i++) out.writeBigUInt64LE(s[i], 8 * i);
  return out;
}

export const keccakHex = (input) => `0x${keccak256(input).toString('hex')}`;
