// Convenience wrapper around a deployed Collection plus a reference (JS) implementation of the CIDs
// that tokenURI must produce.
import crypto from 'node:crypto';

export const ZERO_ADDRESS = `0x${'00'.repeat(20)}`;
export const DEFAULT_ADMIN_ROLE = `0x${'00'.repeat(32)}`;
/** A mint call's royalty that leaves its tokens on the collection's default royalty. */
export const NO_ROYALTY = Object.freeze({ receiver: ZERO_ADDRESS, bps: 0n });

export const sha256 = (data) => `0x${crypto.createHash('sha256').update(data).digest('hex')}`;

/** RFC 4648 base32, lowercase, no padding. */
export function base32(bytes) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  let buffered = 0; // number of pending bits in `value`
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    buffered += 8;
    while (buffered >= 5) {
      out += alphabet[(value >> (buffered - 5)) & 31];
      buffered -= 5;
    }
  }
  if (buffered > 0) out += alphabet[(value << (5 - buffered)) & 31];
  return out;
}

/** CIDv1 (sha2-256 multihash) in multibase base32, codec 0x55 (raw) or 0x70 (dag-pb). */
export const cidV1 = (codec, digestHex) =>
  `b${base32(Buffer.concat([Buffer.from([0x01, codec, 0x12, 0x20]), Buffer.from(digestHex.slice(2), 'hex')]))}`;
export const fileUri = (digest) => `ipfs://${cidV1(0x55, digest)}`;
export const batchUri = (directoryDigest, index) => `ipfs://${cidV1(0x70, directoryDigest)}/${index}`;

export const CTOR_TYPES = ['string', 'string', 'address', 'address', 'uint96'];

/** Deploys a Collection administered by `admin` and returns a wrapper with typed helpers. */
export async function deployCollection(chain, artifact, { admin = chain.accounts[0], royaltyReceiver, bps = 500n } = {}) {
  const contract = await chain.deploy(artifact, CTOR_TYPES, ['NFT Traders', 'NFTT', admin, royaltyReceiver ?? admin, bps], admin);
  return new CollectionClient(contract, admin);
}

export class CollectionClient {
  constructor(contract, admin) {
    this.contract = contract;
    this.address = contract.address;
    this.admin = admin;
  }

  send(signature, args, from = this.admin) {
    return this.contract.send(signature, args, from);
  }

  call(signature, args, returns, from) {
    return this.contract.call(signature, args, returns, from);
  }

  /** `royalty`: `{ receiver, bps }` for the mint call, or none to leave its tokens on the default royalty. */
  mint(to, digest, from = this.admin, royalty = NO_ROYALTY) {
    return this.send('mint(address,bytes32,address,uint96)', [to, digest, royalty.receiver, royalty.bps], from);
  }

  mintBatch(to, count, directoryDigest, from = this.admin, royalty = NO_ROYALTY) {
    return this.send('mintBatch(address,uint256,bytes32,address,uint96)', [to, BigInt(count), directoryDigest, royalty.receiver, royalty.bps], from);
  }

  royaltyInfo(tokenId, price) {
    return this.call('royaltyInfo(uint256,uint256)', [BigInt(tokenId), BigInt(price)], ['address', 'uint256']);
  }

  transferFrom(from, to, tokenId, sender = from) {
    return this.send('transferFrom(address,address,uint256)', [from, to, BigInt(tokenId)], sender);
  }

  approve(to, tokenId, sender) {
    return this.send('approve(address,uint256)', [to, BigInt(tokenId)], sender);
  }

  burn(tokenId, sender) {
    return this.send('burn(uint256)', [BigInt(tokenId)], sender);
  }

  ownerOf(tokenId) {
    return this.call('ownerOf(uint256)', [BigInt(tokenId)], ['address']);
  }

  balanceOf(owner) {
    return this.call('balanceOf(address)', [owner], ['uint256']);
  }

  tokenURI(tokenId) {
    return this.call('tokenURI(uint256)', [BigInt(tokenId)], ['string']);
  }

  getApproved(tokenId) {
    return this.call('getApproved(uint256)', [BigInt(tokenId)], ['address']);
  }

  nextTokenId() {
    return this.call('nextTokenId()', [], ['uint256']);
  }

  totalSupply() {
    return this.call('totalSupply()', [], ['uint256']);
  }
}
