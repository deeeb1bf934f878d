// Exchange and WETH wrappers for the tests: orders as EIP-712 typed data (signed by anvil's dev accounts through
// eth_signTypedData_v4, and hashed independently here), calldata for the Order tuple, OrderFilled decoding and a
// one-call market deployment.
import { decode, encode, selector } from './abi.mjs';
import { logsOf } from './chain.mjs';
import { deployCollection } from './collection.mjs';
import { keccak256, keccakHex } from './keccak.mjs';

export const DOMAIN_NAME = 'NFT Traders Exchange';
export const DOMAIN_VERSION = '3';
export const SELL = 0;
export const BUY = 1;
export const ERC721 = 0;
export const ERC1155 = 1;
export const STATUS = { Open: 0n, Filled: 1n, Cancelled: 2n };
export const ETH = `0x${'00'.repeat(20)}`;
// secp256k1 group order: s and n - s both verify, so a signature has a "high-s" twin
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export const ORDER_FIELDS = [
  ['maker', 'address'],
  ['side', 'uint8'],
  ['collection', 'address'],
  ['standard', 'uint8'],
  ['tokenId', 'uint256'],
  ['amount', 'uint256'],
  ['currency', 'address'],
  ['price', 'uint256'],
  ['startTime', 'uint256'],
  ['endTime', 'uint256'],
  ['salt', 'uint256'],
  ['counter', 'uint256'],
];
export const ORDER_TYPE = `Order(${ORDER_FIELDS.map(([n, t]) => `${t} ${n}`).join(',')})`;
const ORDER_TUPLE = `(${ORDER_FIELDS.map(([, t]) => t).join(',')})`;
const ORDER_TYPES = ORDER_FIELDS.map(([, t]) => t);
const orderValues = (order) => ORDER_FIELDS.map(([n]) => order[n]);

export const FILL_LISTING = `fillListing(${ORDER_TUPLE},bytes,address)`;
export const ACCEPT_OFFER = `acceptOffer(${ORDER_TUPLE},bytes)`;
export const CANCEL = `cancel(${ORDER_TUPLE}[])`;
export const HASH_ORDER = `hashOrder(${ORDER_TUPLE})`;
export const ORDER_FILLED =
  'OrderFilled(bytes32,address,address,uint8,address,uint256,uint256,address,uint256,address,uint256,bool,address,uint256)';
const ORDER_FILLED_DATA = ['uint8', 'address', 'uint256', 'uint256', 'address', 'uint256', 'address', 'uint256', 'bool', 'address', 'uint256'];

const hex = (buffer) => `0x${buffer.toString('hex')}`;
const bytesOf = (hexString) => Buffer.from(hexString.replace(/^0x/, ''), 'hex');

// The Order tuple is all static, so ABI-encoding it inline equals encoding its fields one after another: the
// flat encoder of abi.mjs (which has no tuples) produces the right heads and tail offsets.
export const fillListingData = (order, signature, recipient) =>
  selector(FILL_LISTING) + encode([...ORDER_TYPES, 'bytes', 'address'], [...orderValues(order), signature, recipient]);
export const acceptOfferData = (order, signature) =>
  selector(ACCEPT_OFFER) + encode([...ORDER_TYPES, 'bytes'], [...orderValues(order), signature]);
export const cancelData = (orders) =>
  selector(CANCEL) +
  encode(['uint256', 'uint256'], [32n, BigInt(orders.length)]) +
  orders.map((o) => encode(ORDER_TYPES, orderValues(o))).join('');

/** EIP-712 domain of an exchange; override chainId/verifyingContract to sign for another one. */
export const domainOf = (chainId, verifyingContract) => ({ name: DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract });

/** The exchange's EIP-712 domain type, as eth_signTypedData_v4 documents name it. */
export const EIP712_DOMAIN_FIELDS = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];

/** The typed data eth_signTypedData_v4 signs (numbers as decimal strings: JSON has no bigints). */
export const typedData = (order, domain) => ({
  types: {
    EIP712Domain: EIP712_DOMAIN_FIELDS,
    Order: ORDER_FIELDS.map(([name, type]) => ({ name, type })),
  },
  primaryType: 'Order',
  domain: { ...domain, chainId: Number(domain.chainId) },
  message: Object.fromEntries(ORDER_FIELDS.map(([n, t]) => [n, t === 'address' ? order[n] : BigInt(order[n]).toString()])),
});

/** hashStruct(EIP712Domain), written out from EIP-712 rather than taken from the contract. */
export const domainSeparator = (domain) =>
  keccakHex(
    Buffer.from(
      encode(
        ['bytes32', 'bytes32', 'bytes32', 'uint256', 'address'],
        [
          keccakHex('EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)'),
          keccakHex(domain.name),
          keccakHex(domain.version),
          BigInt(domain.chainId),
          domain.verifyingContract,
        ],
      ),
      'hex',
    ),
  );

/** keccak256(0x1901 || domainSeparator || hashStruct(order)): the digest the maker signs. */
export function orderDigest(order, domain) {
  const structHash = keccak256(Buffer.from(encode(['bytes32', ...ORDER_TYPES], [keccakHex(ORDER_TYPE), ...orderValues(order)]), 'hex'));
  return keccakHex(Buffer.concat([Buffer.from([0x19, 0x01]), bytesOf(domainSeparator(domain)), structHash]));
}

/** Splits a 65-byte signature into r, s, v. */
export const splitSignature = (signature) => {
  const b = bytesOf(signature);
  return { r: hex(b.subarray(0, 32)), s: BigInt(hex(b.subarray(32, 64))), v: b[64] };
};

/** The other valid ECDSA signature of the same digest: (r, n - s, v flipped). */
export function malleableTwin(signature) {
  const { r, s, v } = splitSignature(signature);
  return `${r}${(SECP256K1_N - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}`;
}

/** What the ecrecover precompile (which, unlike OpenZeppelin's ECDSA, accepts high s) recovers. */
export async function ecrecover(chain, digest, signature) {
  const { r, s, v } = splitSignature(signature);
  const data = `0x${encode(['bytes32', 'uint8', 'bytes32', 'uint256'], [digest, BigInt(v), r, s])}`;
  const result = await chain.rpc('eth_call', [{ to: `0x${'00'.repeat(19)}01`, data }, 'latest']);
  return result === '0x' ? null : decode(['address'], result)[0];
}

export const ethBalance = async (chain, address) => BigInt(await chain.rpc('eth_getBalance', [address, 'latest']));
export const gasCost = (receipt) => receipt.gasUsed * BigInt(receipt.effectiveGasPrice);
export const latestTimestamp = async (chain) => BigInt((await chain.rpc('eth_getBlockByNumber', ['latest', false])).timestamp);

/** Decodes every OrderFilled of `receipt` into an object with the event's parameter names. */
export function orderFilledEvents(receipt, exchange) {
  return logsOf(receipt, exchange, ORDER_FILLED).map((log) => {
    const [side, collection, tokenId, amount, currency, price, royaltyReceiver, royaltyAmount, royaltyCapped, feeRecipient, feeAmount] =
      decode(ORDER_FILLED_DATA, log.data);
    return {
      orderHash: log.topics[1],
      maker: `0x${log.topics[2].slice(26)}`,
      taker: `0x${log.topics[3].slice(26)}`,
      side: Number(side),
      collection,
      tokenId,
      amount,
      currency,
      price,
      royaltyReceiver,
      royaltyAmount,
      royaltyCapped,
      feeRecipient,
      feeAmount,
    };
  });
}

let saltCounter = 0; // distinct salts keep otherwise equal orders distinct, deterministically

export class ExchangeClient {
  constructor(chain, contract, chainId) {
    this.chain = chain;
    this.contract = contract;
    this.address = contract.address;
    this.domain = domainOf(chainId, contract.address);
  }

  /** An order with sensible defaults (open-ended, started long ago, counter 0). */
  order(fields) {
    return { side: SELL, standard: ERC721, amount: 1n, currency: ETH, startTime: 0n, endTime: 0n, salt: BigInt(++saltCounter), counter: 0n, ...fields };
  }

  /** Signs with the maker's dev-account key; `domain` overrides parts of this exchange's domain. */
  sign(order, domain = {}) {
    return this.chain.rpc('eth_signTypedData_v4', [order.maker, typedData(order, { ...this.domain, ...domain })]);
  }

  async signed(fields) {
    const order = this.order(fields);
    return { order, signature: await this.sign(order) };
  }

  fillListing(order, signature, { from, recipient = from, value = 0n } = {}) {
    return this.chain.send({ from, to: this.address, data: fillListingData(order, signature, recipient), value });
  }

  acceptOffer(order, signature, from) {
    return this.chain.send({ from, to: this.address, data: acceptOfferData(order, signature) });
  }

  cancel(orders, from) {
    return this.chain.send({ from, to: this.address, data: cancelData(orders) });
  }

  async hashOrder(order) {
    const data = selector(HASH_ORDER) + encode(ORDER_TYPES, orderValues(order));
    const result = await this.chain.rpc('eth_call', [{ to: this.address, data }, 'latest']);
    return decode(['bytes32'], result)[0];
  }

  send(signature, args, from) {
    return this.contract.send(signature, args, from);
  }

  call(signature, args, returns) {
    return this.contract.call(signature, args, returns);
  }

  status(orderHash) {
    return this.call('status(bytes32)', [orderHash], ['uint8']);
  }

  counter(maker) {
    return this.call('counter(address)', [maker], ['uint256']);
  }
}

export class WethClient {
  constructor(chain, contract) {
    this.chain = chain;
    this.contract = contract;
    this.address = contract.address;
  }

  deposit(from, value) {
    return this.chain.send({ from, to: this.address, data: selector('deposit()'), value });
  }

  withdraw(from, wad) {
    return this.contract.send('withdraw(uint256)', [wad], from);
  }

  approve(from, spender, amount) {
    return this.contract.send('approve(address,uint256)', [spender, amount], from);
  }

  balanceOf(owner) {
    return this.contract.call('balanceOf(address)', [owner], ['uint256']);
  }

  allowance(owner, spender) {
    return this.contract.call('allowance(address,address)', [owner, spender], ['uint256']);
  }
}

export const EXCHANGE_CTOR_TYPES = ['address', 'address', 'uint16', 'uint16', 'address'];

/**
 * Deploys WETH and an Exchange (owned by dev account 0, WETH allowed) and returns
 * {exchange, weth, owner, feeRecipient, feeBps, maxRoyaltyBps}.
 */
export async function deployMarket(chain, artifacts, { feeRecipient, feeBps = 250n, maxRoyaltyBps = 1000n, owner = chain.accounts[0] } = {}) {
  const chainId = BigInt(await chain.rpc('eth_chainId'));
  const weth = new WethClient(chain, await chain.deploy(artifacts.WETH));
  const contract = await chain.deploy(artifacts.Exchange, EXCHANGE_CTOR_TYPES, [owner, feeRecipient, feeBps, maxRoyaltyBps, weth.address]);
  return { exchange: new ExchangeClient(chain, contract, chainId), weth, owner, feeRecipient, feeBps, maxRoyaltyBps, chainId };
}

/** A Collection with `royaltyBps` to `royaltyReceiver`, token `count` minted to `holder`, exchange approved. */
export async function collectionWithTokens(chain, artifacts, exchange, { holder, royaltyReceiver, royaltyBps = 500n, count = 1 }) {
  const c = await deployCollection(chain, artifacts.Collection, { royaltyReceiver, bps: royaltyBps });
  await c.mintBatch(holder, count, keccakHex(`tokens for ${holder}`));
  await c.send('setApprovalForAll(address,bool)', [exchange.address, true], holder);
  return c;
}
