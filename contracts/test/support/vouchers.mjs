// Lazy-mint vouchers: the exchange's EIP-712 MintVoucher, its digest computed here from EIP-712, signing by anvil's
// dev accounts and redeemVoucher calldata.
import { encode, selector } from './abi.mjs';
import { EIP712_DOMAIN_FIELDS, domainSeparator } from './exchange.mjs';
import { keccak256, keccakHex } from './keccak.mjs';

export const MINTER_ROLE = keccakHex('MINTER_ROLE');
export const VOUCHER_FIELDS = [
  ['creator', 'address'],
  ['collection', 'address'],
  ['metadataDigest', 'bytes32'],
  ['royaltyBps', 'uint96'],
  ['price', 'uint256'],
  ['endTime', 'uint256'],
  ['salt', 'uint256'],
];
const VOUCHER_TYPE = `MintVoucher(${VOUCHER_FIELDS.map(([n, t]) => `${t} ${n}`).join(',')})`;
export const VOUCHER_TUPLE = `(${VOUCHER_FIELDS.map(([, t]) => t).join(',')})`;
const TYPES = VOUCHER_FIELDS.map(([, t]) => t);
export const voucherValues = (voucher) => VOUCHER_FIELDS.map(([n]) => voucher[n]);

/** The typed data eth_signTypedData_v4 signs (numbers as decimal strings). */
export const voucherTypedData = (voucher, domain) => ({
  types: {
    EIP712Domain: EIP712_DOMAIN_FIELDS,
    MintVoucher: VOUCHER_FIELDS.map(([name, type]) => ({ name, type })),
  },
  primaryType: 'MintVoucher',
  domain: { ...domain, chainId: Number(domain.chainId) },
  message: Object.fromEntries(VOUCHER_FIELDS.map(([n, t]) => [n, t === 'address' || t === 'bytes32' ? voucher[n] : voucher[n].toString()])),
});

/** keccak256(0x1901 || domainSeparator || hashStruct(voucher)), written out from EIP-712. */
export function voucherDigest(voucher, domain) {
  const struct = keccak256(Buffer.from(encode(['bytes32', ...TYPES], [keccakHex(VOUCHER_TYPE), ...voucherValues(voucher)]), 'hex'));
  return keccakHex(Buffer.concat([Buffer.from([0x19, 0x01]), Buffer.from(domainSeparator(domain).slice(2), 'hex'), struct]));
}

/** Signs with the creator's dev-account key (or `signer`'s) under the exchange's domain. */
export const signVoucher = (chain, voucher, domain, signer = voucher.creator) =>
  chain.rpc('eth_signTypedData_v4', [signer, voucherTypedData(voucher, domain)]);

/** redeemVoucher(voucher, signature, recipient): the tuple is all static, so its fields one after another encode it. */
export const redeemVoucherData = (voucher, signature, recipient) =>
  selector(`redeemVoucher(${VOUCHER_TUPLE},bytes,address)`) + encode([...TYPES, 'bytes', 'address'], [...voucherValues(voucher), signature, recipient]);

export const hashVoucherData = (voucher) => selector(`hashVoucher(${VOUCHER_TUPLE})`) + encode(TYPES, voucherValues(voucher));
