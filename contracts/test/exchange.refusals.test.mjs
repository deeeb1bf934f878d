// Exchange: every order that must not settle is refused with its exact custom error, and nothing moves. Each test
// ends (where it makes sense) by settling the honest variant, so a broken fixture cannot pass as a refusal.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { decode, topic } from './support/abi.mjs';
import { asTopic, devChainForFile, expectRevert, logsOf } from './support/chain.mjs';
import { ZERO_ADDRESS } from './support/collection.mjs';
import {
  BUY,
  ETH,
  STATUS,
  WethClient,
  collectionWithTokens,
  deployMarket,
  ecrecover,
  latestTimestamp,
  malleableTwin,
  orderDigest,
} from './support/exchange.mjs';

const ETHER = 10n ** 18n;
const WRONG_PAYMENT = 'ExchangeWrongPayment(uint256,uint256)';
const NOT_OPEN = 'ExchangeOrderNotOpen(bytes32,uint8)';
const INVALID_SIGNATURE = 'ExchangeInvalidSignature()';
const SELF_FILL = 'ExchangeSelfFill()';
const CURRENCY_NOT_ALLOWED = 'ExchangeCurrencyNotAllowed(address)';

const suite = devChainForFile('exchange-refusals');
let chain;
let artifacts;
let fresh; // fresh({ fund }): a new address; funded ones can send (anvil impersonates them)
let seller;
let offerer;
let stranger; // a third dev account, for signatures by somebody else
before(async () => {
  ({ chain, artifacts, fresh } = await suite.ready);
  [, seller, offerer, stranger] = chain.accounts;
});

/** A fresh market; `seller` owns tokens 1..count (exchange approved); `offerer` holds 10 WETH, exchange approved. */
async function setup({ count = 1 } = {}) {
  const [feeRecipient, royaltyReceiver] = [await fresh(), await fresh()];
  const market = await deployMarket(chain, artifacts, { feeRecipient });
  const collection = await collectionWithTokens(chain, artifacts, market.exchange, { holder: seller, royaltyReceiver, count });
  const buyer = await fresh({ fund: true });
  const { exchange } = market;
  const listing = (fields = {}) => exchange.signed({ maker: seller, collection: collection.address, tokenId: 1n, price: ETHER, ...fields });
  const offer = async (fields = {}) => {
    const balance = await market.weth.balanceOf(offerer);
    if (balance < 10n * ETHER) await market.weth.deposit(offerer, 10n * ETHER - balance);
    await market.weth.approve(offerer, exchange.address, 10n * ETHER);
    return exchange.signed({
      maker: offerer, side: BUY, collection: collection.address, tokenId: 1n, currency: market.weth.address, price: ETHER, ...fields,
    });
  };
  return { ...market, collection, buyer, listing, offer };
}

describe('payment', () => {
  test('fillListing requires exactly the price in ETH for ETH listings, and no ETH for ERC-20 listings', async () => {
    const { exchange, weth, collection, buyer, listing } = await setup({ count: 2 });
    const { order, signature } = await listing({ price: ETHER });
    await expectRevert(exchange.fillListing(order, signature, { from: buyer, value: ETHER - 1n }), WRONG_PAYMENT, [ETHER, ETHER - 1n]);
    await expectRevert(exchange.fillListing(order, signature, { from: buyer, value: ETHER + 1n }), WRONG_PAYMENT, [ETHER, ETHER + 1n]);
    await expectRevert(exchange.fillListing(order, signature, { from: buyer }), WRONG_PAYMENT, [ETHER, 0n]);

    await weth.deposit(buyer, ETHER);
    await weth.approve(buyer, exchange.address, ETHER);
    const priced = await listing({ tokenId: 2n, currency: weth.address, price: ETHER });
    await expectRevert(exchange.fillListing(priced.order, priced.signature, { from: buyer, value: 1n }), WRONG_PAYMENT, [0n, 1n]);
    await expectRevert(exchange.fillListing(priced.order, priced.signature, { from: buyer, value: ETHER }), WRONG_PAYMENT, [0n, ETHER]);
    assert.equal(await collection.ownerOf(1n), seller);
    assert.equal(await collection.ownerOf(2n), seller);

    await exchange.fillListing(order, signature, { from: buyer, value: ETHER });
    await exchange.fillListing(priced.order, priced.signature, { from: buyer });
    assert.equal(await collection.balanceOf(buyer), 2n);
  });

  test('a zero price and a zero recipient are refused', async () => {
    const { exchange, buyer, listing, offer, collection } = await setup();
    const free = await listing({ price: 0n });
    await expectRevert(exchange.fillListing(free.order, free.signature, { from: buyer }), 'ExchangeZeroPrice()');
    const freeOffer = await offer({ price: 0n });
    await expectRevert(exchange.acceptOffer(freeOffer.order, freeOffer.signature, seller), 'ExchangeZeroPrice()');
    const { order, signature } = await listing();
    await expectRevert(exchange.fillListing(order, signature, { from: buyer, recipient: ZERO_ADDRESS, value: ETHER }), 'ExchangeZeroAddress()');
    assert.equal(await collection.ownerOf(1n), seller);
  });
});

describe('time window', () => {
  test('an order is fillable from startTime on and before endTime, not outside', async () => {
    const { exchange, collection, buyer, listing } = await setup();
    const now = await latestTimestamp(chain);
    const start = now + 100n;
    const end = now + 200n;
    const { order, signature } = await listing({ startTime: start, endTime: end });
    const fill = () => exchange.fillListing(order, signature, { from: buyer, value: ETHER });
    await expectRevert(fill(), 'ExchangeNotStarted(uint256)', [start]);
    // the next block's timestamp is what the contract sees (eth_estimateGas runs on that pending block)
    await chain.rpc('evm_setNextBlockTimestamp', [Number(start - 1n)]);
    await expectRevert(fill(), 'ExchangeNotStarted(uint256)', [start]);
    await chain.rpc('evm_setNextBlockTimestamp', [Number(end)]);
    await expectRevert(fill(), 'ExchangeExpired(uint256)', [end]);
    await chain.rpc('evm_setNextBlockTimestamp', [Number(start)]);
    await fill();
    assert.equal(await collection.ownerOf(1n), buyer);
  });

  test('an order whose endTime has passed is expired; endTime 0 never expires', async () => {
    const { exchange, collection, buyer, listing, offer } = await setup();
    const now = await latestTimestamp(chain);
    const expired = await listing({ endTime: now });
    await expectRevert(exchange.fillListing(expired.order, expired.signature, { from: buyer, value: ETHER }), 'ExchangeExpired(uint256)', [now]);
    const expiredOffer = await offer({ endTime: now - 1n });
    await expectRevert(exchange.acceptOffer(expiredOffer.order, expiredOffer.signature, seller), 'ExchangeExpired(uint256)', [now - 1n]);
    await chain.rpc('evm_increaseTime', [10 * 365 * 24 * 3600]);
    const open = await offer({ endTime: 0n });
    await exchange.acceptOffer(open.order, open.signature, seller);
    assert.equal(await collection.ownerOf(1n), offerer);
  });
});

describe('cancel and counter', () => {
  test('the maker cancels listings and offers; cancelled orders cannot be filled or cancelled again', async () => {
    const { exchange, collection, buyer, listing, offer } = await setup();
    const l = await listing();
    const o = await offer();
    const [lHash, oHash] = [orderDigest(l.order, exchange.domain), orderDigest(o.order, exchange.domain)];
    const receipt = await exchange.cancel([l.order], seller);
    assert.deepEqual(logsOf(receipt, exchange.address, 'OrderCancelled(bytes32,address)').map((log) => log.topics),
      [[topic('OrderCancelled(bytes32,address)'), lHash, asTopic(seller)]]);
    await exchange.cancel([o.order], offerer);
    assert.equal(await exchange.status(lHash), STATUS.Cancelled);
    assert.equal(await exchange.status(oHash), STATUS.Cancelled);

    await expectRevert(exchange.fillListing(l.order, l.signature, { from: buyer, value: ETHER }), NOT_OPEN, [lHash, STATUS.Cancelled]);
    await expectRevert(exchange.acceptOffer(o.order, o.signature, seller), NOT_OPEN, [oHash, STATUS.Cancelled]);
    await expectRevert(exchange.cancel([l.order], seller), NOT_OPEN, [lHash, STATUS.Cancelled]);
    assert.equal(await collection.ownerOf(1n), seller);
  });

  test('nobody but the maker can cancel, and a batch with one foreign order cancels nothing', async () => {
    const { exchange, buyer, listing, offer } = await setup();
    const l = await listing();
    const o = await offer();
    await expectRevert(exchange.cancel([l.order], buyer), 'ExchangeNotMaker(address)', [buyer]);
    await expectRevert(exchange.cancel([l.order], offerer), 'ExchangeNotMaker(address)', [offerer]);
    await expectRevert(exchange.cancel([o.order, l.order], offerer), 'ExchangeNotMaker(address)', [offerer]);
    assert.equal(await exchange.status(orderDigest(o.order, exchange.domain)), STATUS.Open);
    await exchange.fillListing(l.order, l.signature, { from: buyer, value: ETHER });
    // a filled order stays filled
    const lHash = orderDigest(l.order, exchange.domain);
    await expectRevert(exchange.cancel([l.order], seller), NOT_OPEN, [lHash, STATUS.Filled]);
    assert.equal(await exchange.status(lHash), STATUS.Filled);
  });

  test('incrementCounter invalidates every order the caller signed before, and only the caller\'s', async () => {
    const { exchange, collection, buyer, listing, offer } = await setup({ count: 2 });
    const l1 = await listing({ tokenId: 1n });
    const l2 = await listing({ tokenId: 2n });
    const early = await listing({ tokenId: 2n, counter: 1n }); // signed for a counter that is not current yet
    await expectRevert(exchange.fillListing(early.order, early.signature, { from: buyer, value: ETHER }), 'ExchangeStaleCounter(uint256,uint256)', [1n, 0n]);
    const o = await offer({ tokenId: 1n });

    const receipt = await exchange.send('incrementCounter()', [], seller);
    assert.deepEqual(logsOf(receipt, exchange.address, 'CounterIncremented(address,uint256)').map((log) => [log.topics, decode(['uint256'], log.data)[0]]),
      [[[topic('CounterIncremented(address,uint256)'), asTopic(seller)], 1n]]);
    assert.equal(await exchange.counter(seller), 1n);
    assert.equal(await exchange.counter(offerer), 0n);

    for (const { order, signature } of [l1, l2]) {
      await expectRevert(exchange.fillListing(order, signature, { from: buyer, value: ETHER }), 'ExchangeStaleCounter(uint256,uint256)', [0n, 1n]);
    }
    // the seller's token can still be sold to the offerer, whose counter did not move
    await exchange.acceptOffer(o.order, o.signature, seller);
    assert.equal(await collection.ownerOf(1n), offerer);
    const fresh2 = await listing({ tokenId: 2n, counter: 1n });
    await exchange.fillListing(fresh2.order, fresh2.signature, { from: buyer, value: ETHER });
    assert.equal(await collection.ownerOf(2n), buyer);
  });

  test('an order fills once, even when the token comes back to the maker', async () => {
    const { exchange, collection, buyer, listing, offer } = await setup();
    const l = await listing();
    await exchange.fillListing(l.order, l.signature, { from: buyer, value: ETHER });
    await collection.transferFrom(buyer, seller, 1n);
    const lHash = orderDigest(l.order, exchange.domain);
    await expectRevert(exchange.fillListing(l.order, l.signature, { from: buyer, value: ETHER }), NOT_OPEN, [lHash, STATUS.Filled]);

    const o = await offer();
    await exchange.acceptOffer(o.order, o.signature, seller);
    await collection.transferFrom(offerer, seller, 1n);
    const oHash = orderDigest(o.order, exchange.domain);
    await expectRevert(exchange.acceptOffer(o.order, o.signature, seller), NOT_OPEN, [oHash, STATUS.Filled]);
    assert.equal(await collection.ownerOf(1n), seller);
  });
});

describe('signatures', () => {
  test('changing any signed field after signing invalidates the signature', async () => {
    const { exchange, collection, buyer, listing } = await setup({ count: 2 });
    const { order, signature } = await listing({ price: ETHER });
    for (const tampered of [{ price: ETHER - 1n }, { tokenId: 2n }, { endTime: 2n ** 40n }, { salt: order.salt + 1n }]) {
      const changed = { ...order, ...tampered };
      const value = changed.price;
      await expectRevert(exchange.fillListing(changed, signature, { from: buyer, value }), INVALID_SIGNATURE);
    }
    // a signature by somebody else for the seller's order
    await expectRevert(exchange.fillListing(order, await exchange.sign({ ...order, maker: stranger }), { from: buyer, value: ETHER }), INVALID_SIGNATURE);
    // the right signature claimed by another maker (who happens to own nothing here)
    await expectRevert(exchange.fillListing({ ...order, maker: stranger }, signature, { from: buyer, value: ETHER }), INVALID_SIGNATURE);
    await exchange.fillListing(order, signature, { from: buyer, value: ETHER });
    assert.equal(await collection.ownerOf(1n), buyer);
    assert.equal(await collection.ownerOf(2n), seller);
  });

  test('a signature for another chain id or another exchange does not replay here', async () => {
    const market = await setup();
    const { exchange, collection, buyer, listing } = market;
    const { order, signature } = await listing();
    const otherChain = await exchange.sign(order, { chainId: 1n });
    await expectRevert(exchange.fillListing(order, otherChain, { from: buyer, value: ETHER }), INVALID_SIGNATURE);

    const other = (await deployMarket(chain, artifacts, { feeRecipient: await fresh() })).exchange;
    await collection.send('setApprovalForAll(address,bool)', [other.address, true], seller);
    const forOther = await exchange.sign(order, { verifyingContract: other.address });
    await expectRevert(exchange.fillListing(order, forOther, { from: buyer, value: ETHER }), INVALID_SIGNATURE);
    await expectRevert(other.fillListing(order, signature, { from: buyer, value: ETHER }), INVALID_SIGNATURE);
    // each signature is good where it was meant for
    await other.fillListing(order, forOther, { from: buyer, value: ETHER });
    assert.equal(await collection.ownerOf(1n), buyer);
  });

  test('the high-s twin of a valid signature, and a 64-byte compact one, are refused', async () => {
    const { exchange, collection, buyer, listing } = await setup();
    const { order, signature } = await listing();
    const digest = orderDigest(order, exchange.domain);
    const twin = malleableTwin(signature);
    assert.notEqual(twin, signature);
    // plain ecrecover accepts the twin: only the exchange's low-s rule stops it
    assert.equal(await ecrecover(chain, digest, twin), seller);
    await expectRevert(exchange.fillListing(order, twin, { from: buyer, value: ETHER }), INVALID_SIGNATURE);
    // EIP-2098: r || (v-27) << 255 | s
    const s = BigInt(`0x${signature.slice(66, 130)}`);
    const v = parseInt(signature.slice(130), 16);
    const compact = `${signature.slice(0, 66)}${((BigInt(v - 27) << 255n) | s).toString(16).padStart(64, '0')}`;
    await expectRevert(exchange.fillListing(order, compact, { from: buyer, value: ETHER }), INVALID_SIGNATURE);
    await expectRevert(exchange.fillListing(order, '0x', { from: buyer, value: ETHER }), INVALID_SIGNATURE);
    await exchange.fillListing(order, signature, { from: buyer, value: ETHER });
    assert.equal(await collection.ownerOf(1n), buyer);
  });
});

describe('who may fill what', () => {
  test('an offer cannot be filled as a listing, nor a listing accepted as an offer', async () => {
    const { exchange, buyer, listing, offer } = await setup();
    const o = await offer();
    await expectRevert(exchange.fillListing(o.order, o.signature, { from: buyer }), 'ExchangeWrongSide(uint8)', [1n]);
    const l = await listing();
    await expectRevert(exchange.acceptOffer(l.order, l.signature, offerer), 'ExchangeWrongSide(uint8)', [0n]);
    const odd = await listing({ side: 2 });
    await expectRevert(exchange.fillListing(odd.order, odd.signature, { from: buyer, value: ETHER }), 'ExchangeWrongSide(uint8)', [2n]);
    await expectRevert(exchange.acceptOffer(odd.order, odd.signature, offerer), 'ExchangeWrongSide(uint8)', [2n]);
  });

  test('makers cannot fill their own orders, nor deliver their listing to themselves', async () => {
    const { exchange, collection, buyer, listing, offer } = await setup();
    const l = await listing();
    await expectRevert(exchange.fillListing(l.order, l.signature, { from: seller, value: ETHER }), SELF_FILL);
    await expectRevert(exchange.fillListing(l.order, l.signature, { from: buyer, recipient: seller, value: ETHER }), SELF_FILL);
    // an offer on the offerer's own token
    await collection.transferFrom(seller, offerer, 1n);
    await collection.send('setApprovalForAll(address,bool)', [exchange.address, true], offerer);
    const o = await offer();
    await expectRevert(exchange.acceptOffer(o.order, o.signature, offerer), SELF_FILL);
  });

  test('only the token\'s owner can accept an offer for it', async () => {
    const { exchange, collection, offer } = await setup();
    const operator = await fresh({ fund: true });
    await collection.send('setApprovalForAll(address,bool)', [operator, true], seller);
    const o = await offer();
    // even the owner's operator: the exchange moves the token from the caller, who does not own it
    await expectRevert(exchange.acceptOffer(o.order, o.signature, operator), 'ERC721IncorrectOwner(address,uint256,address)', [operator, 1n, seller]);
    await exchange.acceptOffer(o.order, o.signature, seller);
    assert.equal(await collection.ownerOf(1n), offerer);
  });

  test('a listing whose maker no longer owns the token fails and stays open', async () => {
    const { exchange, collection, buyer, listing } = await setup();
    const l = await listing();
    const elsewhere = await fresh({ fund: true });
    await collection.transferFrom(seller, elsewhere, 1n);
    const fill = () => exchange.fillListing(l.order, l.signature, { from: buyer, value: ETHER });
    await expectRevert(fill(), 'ERC721InsufficientApproval(address,uint256)', [exchange.address, 1n]);
    // the new owner trusting the exchange too must not let the old owner's listing sell the token
    await collection.send('setApprovalForAll(address,bool)', [exchange.address, true], elsewhere);
    await expectRevert(fill(), 'ERC721IncorrectOwner(address,uint256,address)', [seller, 1n, elsewhere]);
    assert.equal(await collection.ownerOf(1n), elsewhere);
    assert.equal(await exchange.status(orderDigest(l.order, exchange.domain)), STATUS.Open);
  });
});

describe('currencies and allowances', () => {
  test('only allowed ERC-20s are accepted, offers never in ETH, and the owner can disallow WETH', async () => {
    const { exchange, weth, collection, buyer, listing, offer } = await setup({ count: 2 });
    const token = new WethClient(chain, await chain.deploy(artifacts.WETH)); // a second, unlisted ERC-20
    await token.deposit(buyer, ETHER);
    await token.approve(buyer, exchange.address, ETHER);
    const inToken = await listing({ currency: token.address });
    await expectRevert(exchange.fillListing(inToken.order, inToken.signature, { from: buyer }), CURRENCY_NOT_ALLOWED, [token.address]);
    const inEth = await offer({ currency: ETH });
    await expectRevert(exchange.acceptOffer(inEth.order, inEth.signature, seller), CURRENCY_NOT_ALLOWED, [ETH]);

    const o = await offer();
    const receipt = await exchange.send('setCurrencyAllowed(address,bool)', [weth.address, false]);
    assert.deepEqual(logsOf(receipt, exchange.address, 'CurrencyAllowed(address,bool)').map((l) => [l.topics[1], decode(['bool'], l.data)[0]]),
      [[asTopic(weth.address), false]]);
    await expectRevert(exchange.acceptOffer(o.order, o.signature, seller), CURRENCY_NOT_ALLOWED, [weth.address]);
    await exchange.send('setCurrencyAllowed(address,bool)', [token.address, true]);
    await exchange.fillListing(inToken.order, inToken.signature, { from: buyer });
    assert.equal(await collection.ownerOf(1n), buyer);
    assert.equal(await exchange.call('currencyAllowed(address)', [weth.address], ['bool']), false);
  });

  test('a seller who revoked the exchange\'s approval cannot be filled', async () => {
    const { exchange, collection, buyer, listing, offer } = await setup();
    const l = await listing();
    const o = await offer();
    await collection.send('setApprovalForAll(address,bool)', [exchange.address, false], seller);
    const insufficient = 'ERC721InsufficientApproval(address,uint256)';
    await expectRevert(exchange.fillListing(l.order, l.signature, { from: buyer, value: ETHER }), insufficient, [exchange.address, 1n]);
    await expectRevert(exchange.acceptOffer(o.order, o.signature, seller), insufficient, [exchange.address, 1n]);
    // approving the single token is enough again
    await collection.approve(exchange.address, 1n, seller);
    await exchange.fillListing(l.order, l.signature, { from: buyer, value: ETHER });
    assert.equal(await collection.ownerOf(1n), buyer);
  });

  test('an offer fails when its maker spent the WETH or cut the allowance, and nothing is paid in part', async () => {
    const { exchange, weth, collection, offer } = await setup();
    const price = 2n * ETHER;
    const o = await offer({ price });
    const royalty = (price * 500n) / 10_000n; // paid first, then the fee, then the seller
    const fee = (price * 250n) / 10_000n;
    const balance = await weth.balanceOf(offerer);
    await weth.withdraw(offerer, balance);
    await expectRevert(exchange.acceptOffer(o.order, o.signature, seller), 'ERC20InsufficientBalance(address,uint256,uint256)', [offerer, 0n, royalty]);
    // one wei short: royalty and fee would go through, the seller's part fails and takes them back with it
    await weth.deposit(offerer, price - 1n);
    await expectRevert(exchange.acceptOffer(o.order, o.signature, seller), 'ERC20InsufficientBalance(address,uint256,uint256)',
      [offerer, price - 1n - royalty - fee, price - royalty - fee]);
    await weth.deposit(offerer, 1n);
    await weth.approve(offerer, exchange.address, price - 1n);
    await expectRevert(exchange.acceptOffer(o.order, o.signature, seller), 'ERC20InsufficientAllowance(address,uint256,uint256)',
      [exchange.address, price - 1n - royalty - fee, price - royalty - fee]);
    assert.equal(await weth.balanceOf(offerer), price);
    assert.equal(await collection.ownerOf(1n), seller);
    await weth.approve(offerer, exchange.address, price);
    await exchange.acceptOffer(o.order, o.signature, seller);
    assert.equal(await weth.balanceOf(offerer), 0n);
  });
});
