// Exchange: lazy minting. A creator who may mint signs a MintVoucher and pays no gas; redeeming it mints the token
// to the buyer with the creator's royalty and pays the creator the price less the fee, in one transaction. A
// voucher redeems once, and a changed field, an expired voucher or a creator who may not mint is refused.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { devChainForFile, expectRevert } from './support/chain.mjs';
import { deployCollection } from './support/collection.mjs';
import { deployMarket, ethBalance, gasCost, latestTimestamp } from './support/exchange.mjs';
import { keccakHex } from './support/keccak.mjs';
import { MINTER_ROLE, hashVoucherData, redeemVoucherData, signVoucher, voucherDigest } from './support/vouchers.mjs';

const ETHER = 10n ** 18n;
const suite = devChainForFile('exchange-vouchers');
let chain;
let artifacts;
let fresh;
let creator; // a dev account: only their keys sign typed data
before(async () => {
  ({ chain, artifacts, fresh } = await suite.ready);
  [, creator] = chain.accounts;
});

/** A market (2.5% fee, royalties capped at 10%) and a Collection in which the exchange and the creator may mint. */
async function setup() {
  const feeRecipient = await fresh();
  const market = await deployMarket(chain, artifacts, { feeRecipient });
  const collection = await deployCollection(chain, artifacts.Collection);
  for (const minter of [market.exchange.address, creator]) {
    await collection.send('grantRole(bytes32,address)', [MINTER_ROLE, minter]);
  }
  let salt = 0n;
  const voucher = async (fields = {}) => ({
    creator, collection: collection.address, metadataDigest: keccakHex(`metadata ${salt}`), royaltyBps: 750n, price: ETHER,
    endTime: (await latestTimestamp(chain)) + 3600n, salt: ++salt, ...fields,
  });
  const sign = (v) => signVoucher(chain, v, market.exchange.domain);
  const redeem = (v, signature, { from, recipient = from, value = v.price }) =>
    chain.send({ from, to: market.exchange.address, value, data: redeemVoucherData(v, signature, recipient) });
  return { ...market, collection, voucher, sign, redeem };
}

describe('lazy minting', () => {
  test('the buyer gets the freshly minted token with the creator\'s royalty; the creator gets the price less the fee', async () => {
    const { exchange, collection, feeRecipient, voucher, sign, redeem } = await setup();
    const v = await voucher();
    assert.equal(await chain.rpc('eth_call', [{ to: exchange.address, data: hashVoucherData(v) }, 'latest']), voucherDigest(v, exchange.domain));
    const signature = await sign(v);
    const buyer = await fresh({ fund: true });
    const creatorBefore = await ethBalance(chain, creator);
    const buyerBefore = await ethBalance(chain, buyer);

    const receipt = await redeem(v, signature, { from: buyer });

    const fee = (v.price * 250n) / 10_000n;
    const tokenId = await collection.call('totalSupply()', [], ['uint256']);
    assert.equal(await collection.ownerOf(tokenId), buyer);
    assert.equal((await ethBalance(chain, creator)) - creatorBefore, v.price - fee, 'creator');
    assert.equal(await ethBalance(chain, feeRecipient), fee, 'fee recipient');
    assert.equal(buyerBefore - (await ethBalance(chain, buyer)), v.price + gasCost(receipt), 'buyer');
    const [receiver, royalty] = await collection.call('royaltyInfo(uint256,uint256)', [tokenId, 10_000n], ['address', 'uint256']);
    assert.deepEqual([receiver, royalty], [creator, 750n]);
    assert.equal(await exchange.call('voucherRedeemed(bytes32)', [voucherDigest(v, exchange.domain)], ['bool']), true);
  });

  test('a voucher redeems once', async () => {
    const { exchange, voucher, sign, redeem } = await setup();
    const v = await voucher();
    const signature = await sign(v);
    const buyer = await fresh({ fund: true });
    await redeem(v, signature, { from: buyer });
    await expectRevert(redeem(v, signature, { from: buyer }), 'ExchangeVoucherRedeemed(bytes32)', [voucherDigest(v, exchange.domain)]);
  });

  test('a changed price, metadata or royalty fails the signature; nothing is minted and nothing is paid', async () => {
    const { collection, voucher, sign, redeem } = await setup();
    const v = await voucher();
    const signature = await sign(v);
    const buyer = await fresh({ fund: true });
    for (const changed of [{ price: 1n }, { metadataDigest: keccakHex('another image') }, { royaltyBps: 0n }, { creator: buyer }]) {
      await expectRevert(redeem({ ...v, ...changed }, signature, { from: buyer }), 'ExchangeInvalidSignature()');
    }
    assert.equal(await collection.call('totalSupply()', [], ['uint256']), 0n);
    await redeem(v, signature, { from: buyer }); // the honest voucher still redeems
  });

  test('an expired voucher, the wrong payment, a creator who may not mint and a royalty above the cap are refused', async () => {
    const { collection, voucher, sign, redeem } = await setup();
    const buyer = await fresh({ fund: true });
    const expired = await voucher({ endTime: await latestTimestamp(chain) });
    await expectRevert(redeem(expired, await sign(expired), { from: buyer }), 'ExchangeExpired(uint256)', [expired.endTime]);
    const v = await voucher();
    await expectRevert(redeem(v, await sign(v), { from: buyer, value: v.price - 1n }), 'ExchangeWrongPayment(uint256,uint256)', [v.price, v.price - 1n]);
    const [, , stranger] = chain.accounts;
    const notMinter = await voucher({ creator: stranger });
    await expectRevert(redeem(notMinter, await sign(notMinter), { from: buyer }), 'ExchangeNotMinter(address,address)', [stranger, collection.address]);
    const greedy = await voucher({ royaltyBps: 1001n });
    await expectRevert(redeem(greedy, await sign(greedy), { from: buyer }), 'ExchangeRoyaltyTooHigh(uint96,uint16)', [1001n, 1000n]);
    assert.equal(await collection.call('totalSupply()', [], ['uint256']), 0n);
  });
});
