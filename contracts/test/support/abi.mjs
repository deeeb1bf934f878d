// Minimal Solidity ABI encoding/decoding for the types the tests and the gas script use:
// address, bool, uintN, bytesN, bytes, string and dynamic arrays of the static ones (no tuples).
import { keccak256 } from './keccak.mjs';

const strip = (hex) => (hex.startsWith('0x') ? hex.slice(2) : hex);
const word = (bigint) => bigint.toString(16).padStart(64, '0');
const isArray = (type) => type.endsWith('[]');
const isDynamic = (type) => type === 'bytes' || type === 'string' || isArray(type);

/** 4-byte selector of a canonical signature, e.g. selector('mint(address,bytes32)') === '0x...'. */
export const selector = (signature) => `0x${keccak256(signature).subarray(0, 4).toString('hex')}`;
/** Topic 0 of an event, e.g. topic('Transfer(address,address,uint256)'). */
export const topic = (signature) => `0x${keccak256(signature).toString('hex')}`;

/** Parameter types of a canonical signature: 'f(address,uint256)' -> ['address', 'uint256']. */
export const paramTypes = (signature) => {
  const inner = signature.slice(signature.indexOf('(') + 1, signature.lastIndexOf(')'));
  return inner === '' ? [] : inner.split(',');
};

function encodeStatic(type, value) {
  if (type === 'address') return strip(value).toLowerCase().padStart(64, '0');
  if (type === 'bool') return word(value ? 1n : 0n);
  if (type.startsWith('uint')) return word(BigInt(value));
  if (type.startsWith('bytes')) return strip(value).padEnd(64, '0'); // bytes1..bytes32, left-aligned
  throw new Error(`unsupported type ${type}`);
}

function encodeDynamic(type, value) {
  if (isArray(type)) return word(BigInt(value.length)) + value.map((v) => encodeStatic(type.slice(0, -2), v)).join('');
  const bytes = type === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(strip(value), 'hex');
  const body = bytes.toString('hex');
  return word(BigInt(bytes.length)) + body.padEnd(Math.ceil(body.length / 64) * 64, '0');
}

/** ABI-encodes `values` as a tuple of `types`; returns hex without 0x. */
export function encode(types, values) {
  if (types.length !== values.length) throw new Error(`expected ${types.length} values, got ${values.length}`);
  let head = '';
  let tail = '';
  for (const [i, type] of types.entries()) {
    if (isDynamic(type)) {
      head += word(BigInt(types.length * 32 + tail.length / 2));
      tail += encodeDynamic(type, values[i]);
    } else {
      head += encodeStatic(type, values[i]);
    }
  }
  return head + tail;
}

/** Calldata for a call: encodeCall('mint(address,bytes32)', [to, digest]). */
export const encodeCall = (signature, args = []) => selector(signature) + encode(paramTypes(signature), args);

function decodeOne(type, data, offset) {
  const at = (pos) => data.subarray(pos, pos + 32);
  if (isDynamic(type)) {
    const start = Number(BigInt(`0x${at(offset).toString('hex')}`));
    const length = Number(BigInt(`0x${at(start).toString('hex')}`));
    const bytes = data.subarray(start + 32, start + 32 + length);
    return type === 'string' ? bytes.toString('utf8') : `0x${bytes.toString('hex')}`;
  }
  const hex = at(offset).toString('hex');
  if (type === 'address') return `0x${hex.slice(24)}`;
  if (type === 'bool') return BigInt(`0x${hex}`) !== 0n;
  if (type.startsWith('uint')) return BigInt(`0x${hex}`);
  if (type.startsWith('bytes')) return `0x${hex.slice(0, 2 * Number(type.slice(5)))}`;
  throw new Error(`unsupported type ${type}`);
}

/** Decodes hex `data` as a tuple of `types`; returns an array. */
export function decode(types, data) {
  const buf = Buffer.from(strip(data), 'hex');
  return types.map((type, i) => decodeOne(type, buf, 32 * i));
}
