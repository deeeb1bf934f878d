// Exchange: EIP-712 order hashing and signing, and settlement of listings (ETH and WETH) and offers (WETH) to the
// wei: the seller, the royalty receiver (ERC-2981, capped) and the fee recipient, and the OrderFilled event.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { decode, selector, topic } from './support/abi.mjs';
import { asTopic, devChainForFile, logsOf } from './support/chain.mjs';
import { ZERO_ADDRESS } from './support/collection.mjs';
import {
  BUY,
  ETH,
  ORDER_TYPE,
  SELL,
  STATUS,
  collectionWithTokens,
  deployMarket,
  domainSeparator,
  ecrecover,
  ethBalance,
  gasCost,
  orderDigest,
  orderFilledEvents,
} from './support/exchange.mjs';
import { keccakHex } from './support/keccak.mjs';

const TRANSFER = 'Transfer(address,address,uint256)';
const ETHER = 10n ** 18n;
// ERC-2981 as OpenZeppelin computes it, and the exchange's fee: both round down
const bps = (price, points) => (price * BigInt(points)) / 10_000n;

const suite = devChainForFile('exchange');
let chain;
let artifacts;
let fresh; // fresh({ fund }): a new address; funded ones can send (anvil impersonates them)
let seller;
let offerer;
before(async () => {
  ({ chain, artifacts, fresh } = await suite.ready);
  [, seller, offerer] = chain.accounts;
});

/** Exchange (2.5% fee, royalties capped at 10%) and a collection whose token 1 `seller` owns and listed. */
async function setup({ royaltyBps = 500n, feeBps = 250n, maxRoyaltyBps = 1000n, count = 1 } = {}) {
  const [feeRecipient, royaltyReceiver] = [await fresh(), await fresh()];
  const market = await deployMarket(chain, artifacts, { feeRecipient, feeBps, maxRoyaltyBps });
  const collection = await collectionWithTokens(chain, artifacts, market.exchange, { holder: seller, royaltyReceiver, royaltyBps, count });
  return { ...market, collection, royaltyReceiver };
}

describe('EIP-712', () => {
  test('hashOrder and domainSeparator equal the EIP-712 encoding computed in JS, and the dev key signs that digest', async () => {
    const { exchange, collection, chainId } = await setup();
    assert.equal(ORDER_TYPE,
      'Order(address maker,uint8 side,address collection,uint8 standard,uint256 tokenId,uint256 amount,address currency,' +
      'uint256 price,uint256 startTime,uint256 endTime,uint256 salt,uint256 counter)');
    assert.equal(await exchange.call('ORDER_TYPEHASH()', [], ['bytes32']), keccakHex(ORDER_TYPE));
    assert.equal(chainId, 31337n);
    assert.equal(await exchange.call('domainSeparator()', [], ['bytes32']), domainSeparator(exchange.domain));
    // ERC-5267: what wallets read to build the domain
    const domain = decode(['bytes1', 'string', 'string', 'uint256', 'address', 'bytes32'],
      await chain.rpc('eth_call', [{ to: exchange.address, data: selector('eip712Domain()') }, 'latest']));
    assert.deepEqual(domain, ['0x0f', 'NFT Traders Exchange', '3', 31337n, exchange.address, `0x${'00'.repeat(32)}`]);

    const orders = [
      exchange.order({ maker: seller, collection: collection.address, tokenId: 1n, price: ETHER }),
      exchange.order({ maker: offerer, side: BUY, collection: collection.address, tokenId: 2n ** 255n + 7n, currency: exchange.address,
        price: 2n ** 200n, startTime: 1_700_000_000n, endTime: 2n ** 64n, salt: 2n ** 256n - 1n, counter: 42n }),
    ];
    for (const order of orders) {
      const digest = orderDigest(order, exchange.domain);
      assert.equal(await exchange.hashOrder(order), digest);
      assert.equal(await ecrecover(chain, digest, await exchange.sign(order)), order.maker);
    }
    // every field is part of the digest
    for (const [field, value] of [['maker', offerer], ['side', BUY], ['collection', seller], ['standard', 1], ['tokenId', 2n], ['amount', 2n], ['currency', seller],
      ['price', ETHER + 1n], ['startTime', 1n], ['endTime', 1n], ['salt', 1234n], ['counter', 1n]]) {
      const changed = { ...orders[0], [field]: value };
      assert.notEqual(await exchange.hashOrder(changed), await exchange.hashOrder(orders[0]), field);
      assert.equal(await exchange.hashOrder(changed), orderDigest(changed, exchange.domain), field);
    }
  });
});

describe('listings paid in ETH', () => {
  test('the price is split to the wei between royalty receiver, fee recipient and seller; the buyer gets the token', async () => {
    const { exchange, collection, royaltyReceiver, feeRecipient } = await setup({ royaltyBps: 500n, feeBps: 250n });
    const buyer = await fresh({ fund: true });
    const price = ETHER + 12_345n; // not a multiple of 10,000: both shares round down
    const { order, signature } = await exchange.signed({ maker: seller, collection: collection.address, tokenId: 1n, price });
    const fee = bps(price, 250);
    const royalty = bps(price, 500);
    assert.equal(fee, 25_000_000_000_000_308n);
    assert.equal(royalty, 50_000_000_000_000_617n);
    const parties = [seller, royaltyReceiver, feeRecipient, buyer, exchange.address];
    const balancesBefore = await Promise.all(parties.map((a) => ethBalance(chain, a)));

    const receipt = await exchange.fillListing(order, signature, { from: buyer, value: price });

    const balancesAfter = await Promise.all(parties.map((a) => ethBalance(chain, a)));
    assert.equal(balancesAfter[0] - balancesBefore[0], price - royalty - fee, 'seller');
    assert.equal(balancesAfter[1] - balancesBefore[1], royalty, 'royalty receiver');
    assert.equal(balancesAfter[2] - balancesBefore[2], fee, 'fee recipient');
    assert.equal(balancesBefore[3] - balancesAfter[3], price + gasCost(receipt), 'buyer');
    assert.equal(balancesAfter[4], 0n, 'the exchange keeps nothing');
    assert.equal(await collection.ownerOf(1n), buyer);

    const orderHash = orderDigest(order, exchange.domain);
    assert.deepEqual(orderFilledEvents(receipt, exchange.address), [{
      orderHash, maker: seller, taker: buyer, side: SELL, collection: collection.address, tokenId: 1n, amount: 1n, currency: ETH, price,
      royaltyReceiver, royaltyAmount: royalty, royaltyCapped: false, feeRecipient, feeAmount: fee,
    }]);
    assert.deepEqual(logsOf(receipt, collection.address, TRANSFER).map((l) => l.topics),
      [[topic(TRANSFER), asTopic(seller), asTopic(buyer), asTopic(1n)]]);
    assert.equal(await exchange.status(orderHash), STATUS.Filled);
  });

  test('a buyer can pay for a token delivered to another recipient, who is the taker', async () => {
    const { exchange, collection, feeRecipient } = await setup({ count: 3 });
    const [buyer, recipient] = [await fresh({ fund: true }), await fresh()];
    const price = 3n * ETHER;
    const { order, signature } = await exchange.signed({ maker: seller, collection: collection.address, tokenId: 3n, price });
    const recipientBefore = await ethBalance(chain, recipient);
    const receipt = await exchange.fillListing(order, signature, { from: buyer, recipient, value: price });
    assert.equal(await collection.ownerOf(3n), recipient);
    assert.equal(await ethBalance(chain, recipient), recipientBefore, 'the recipient pays nothing');
    const [event] = orderFilledEvents(receipt, exchange.address);
    assert.equal(event.taker, recipient);
    assert.equal(event.feeRecipient, feeRecipient);
    assert.equal(await collection.ownerOf(2n), seller, 'other tokens stay');
  });

  test('a royalty above maxRoyaltyBps is cut to the cap and flagged; exactly at the cap it is not flagged', async () => {
    for (const [royaltyBps, expectedBps, capped] of [[2500n, 1000n, true], [1001n, 1000n, true], [1000n, 1000n, false], [999n, 999n, false]]) {
      const { exchange, collection, royaltyReceiver, feeRecipient } = await setup({ royaltyBps, maxRoyaltyBps: 1000n });
      const buyer = await fresh({ fund: true });
      const price = 7n * ETHER + 3n;
      const { order, signature } = await exchange.signed({ maker: seller, collection: collection.address, tokenId: 1n, price });
      // what the collection asks for, to make sure the cap is what changed it
      const [, asked] = await collection.call('royaltyInfo(uint256,uint256)', [1n, price], ['address', 'uint256']);
      assert.equal(asked, bps(price, royaltyBps));
      const sellerBefore = await ethBalance(chain, seller);

      const receipt = await exchange.fillListing(order, signature, { from: buyer, value: price });

      const royalty = bps(price, expectedBps);
      const [event] = orderFilledEvents(receipt, exchange.address);
      assert.equal(event.royaltyAmount, royalty, `royalty at ${royaltyBps} bps`);
      assert.equal(event.royaltyCapped, capped, `capped at ${royaltyBps} bps`);
      assert.equal(event.royaltyReceiver, royaltyReceiver);
      assert.equal(await ethBalance(chain, royaltyReceiver), royalty);
      assert.equal(await ethBalance(chain, feeRecipient), bps(price, 250));
      assert.equal((await ethBalance(chain, seller)) - sellerBefore, price - royalty - bps(price, 250));
    }
  });

  test('a collection without ERC-2981, or whose royaltyInfo reverts, sells without royalty', async () => {
    for (const name of ['PlainERC721', 'RevertingRoyaltyERC721']) {
      const feeRecipient = await fresh();
      const { exchange } = await deployMarket(chain, artifacts, { feeRecipient, feeBps: 300n });
      const nft = await chain.deploy(artifacts[name]);
      await nft.send('mint(address,uint256)', [seller, 77n]);
      await nft.send('setApprovalForAll(address,bool)', [exchange.address, true], seller);
      const buyer = await fresh({ fund: true });
      const price = ETHER / 3n;
      const { order, signature } = await exchange.signed({ maker: seller, collection: nft.address, tokenId: 77n, price });
      const sellerBefore = await ethBalance(chain, seller);

      const receipt = await exchange.fillListing(order, signature, { from: buyer, value: price });

      assert.equal(await nft.call('ownerOf(uint256)', [77n], ['address']), buyer, name);
      assert.equal((await ethBalance(chain, seller)) - sellerBefore, price - bps(price, 300), name);
      assert.equal(await ethBalance(chain, feeRecipient), bps(price, 300), name);
      const [event] = orderFilledEvents(receipt, exchange.address);
      assert.deepEqual([event.royaltyReceiver, event.royaltyAmount, event.royaltyCapped], [ZERO_ADDRESS, 0n, false], name);
    }
  });

  test('no royalty paid means no royalty receiver in the event, even when the collection asked for one', async () => {
    // maxRoyaltyBps = 0 switches royalties off; at 5 wei the collection asks for 1 wei (25%) but the 10% cap rounds to 0
    for (const [maxRoyaltyBps, price] of [[0n, ETHER], [1000n, 5n]]) {
      const { exchange, collection, royaltyReceiver } = await setup({ royaltyBps: 2500n, maxRoyaltyBps });
      const buyer = await fresh({ fund: true });
      const { order, signature } = await exchange.signed({ maker: seller, collection: collection.address, tokenId: 1n, price });
      const receipt = await exchange.fillListing(order, signature, { from: buyer, value: price });
      const [event] = orderFilledEvents(receipt, exchange.address);
      assert.equal(event.royaltyAmount, 0n);
      assert.equal(event.royaltyReceiver, ZERO_ADDRESS, `max ${maxRoyaltyBps} bps, price ${price}`);
      assert.equal(event.royaltyCapped, true, 'the collection asked for more than the cap');
      assert.equal(await ethBalance(chain, royaltyReceiver), 0n);
      assert.equal(await collection.ownerOf(1n), buyer);
    }
  });
});

describe('WETH', () => {
  test('an offer paid in WETH: the maker pays exactly the price, split to the wei, and receives the token', async () => {
    const { exchange, weth, collection, royaltyReceiver, feeRecipient } = await setup({ royaltyBps: 750n, feeBps: 200n });
    // the token owner who accepts need not be a dev account: only the offer's maker signs
    const owner = await fresh({ fund: true });
    await collection.transferFrom(seller, owner, 1n);
    await collection.send('setApprovalForAll(address,bool)', [exchange.address, true], owner);
    const price = 2n * ETHER + 1n;
    await weth.deposit(offerer, 5n * ETHER);
    await weth.approve(offerer, exchange.address, price);
    const makerBefore = await weth.balanceOf(offerer);
    const { order, signature } = await exchange.signed({
      maker: offerer, side: BUY, collection: collection.address, tokenId: 1n, currency: weth.address, price,
    });

    const receipt = await exchange.acceptOffer(order, signature, owner);

    const royalty = bps(price, 750);
    const fee = bps(price, 200);
    assert.equal(makerBefore - (await weth.balanceOf(offerer)), price, 'maker');
    assert.equal(await weth.balanceOf(owner), price - royalty - fee, 'seller');
    assert.equal(await weth.balanceOf(royaltyReceiver), royalty, 'royalty receiver');
    assert.equal(await weth.balanceOf(feeRecipient), fee, 'fee recipient');
    assert.equal(await weth.balanceOf(exchange.address), 0n);
    assert.equal(await weth.allowance(offerer, exchange.address), 0n, 'the allowance was spent exactly');
    assert.equal(await collection.ownerOf(1n), offerer);
    assert.deepEqual(orderFilledEvents(receipt, exchange.address), [{
      orderHash: orderDigest(order, exchange.domain), maker: offerer, taker: owner, side: BUY, collection: collection.address, tokenId: 1n,
      amount: 1n, currency: weth.address, price, royaltyReceiver, royaltyAmount: royalty, royaltyCapped: false, feeRecipient, feeAmount: fee,
    }]);
  });

  test('a listing priced in WETH is paid from the buyer\'s WETH, with no ETH attached', async () => {
    const { exchange, weth, collection, royaltyReceiver, feeRecipient } = await setup({ royaltyBps: 500n });
    const buyer = await fresh({ fund: true });
    const price = ETHER / 7n;
    await weth.deposit(buyer, ETHER);
    await weth.approve(buyer, exchange.address, 2n ** 256n - 1n);
    const { order, signature } = await exchange.signed({ maker: seller, collection: collection.address, tokenId: 1n, currency: weth.address, price });
    const sellerEth = await ethBalance(chain, seller);

    const receipt = await exchange.fillListing(order, signature, { from: buyer });

    assert.equal(await weth.balanceOf(buyer), ETHER - price);
    assert.equal(await weth.balanceOf(seller), price - bps(price, 500) - bps(price, 250));
    assert.equal(await weth.balanceOf(royaltyReceiver), bps(price, 500));
    assert.equal(await weth.balanceOf(feeRecipient), bps(price, 250));
    assert.equal(await ethBalance(chain, seller), sellerEth, 'no ETH moved');
    assert.equal(await weth.allowance(buyer, exchange.address), 2n ** 256n - 1n, 'an infinite allowance stays infinite');
    assert.equal(await collection.ownerOf(1n), buyer);
    assert.equal(orderFilledEvents(receipt, exchange.address)[0].currency, weth.address);
  });

  test('deposit, plain ETH transfers and withdraw mint and burn 1:1 and emit WETH9\'s events', async () => {
    const weth = (await deployMarket(chain, artifacts, { feeRecipient: await fresh() })).weth;
    assert.deepEqual(await Promise.all(['name()', 'symbol()'].map((f) => weth.contract.call(f, [], ['string']))), ['Wrapped Ether', 'WETH']);
    assert.equal(await weth.contract.call('decimals()', [], ['uint8']), 18n);
    const holder = await fresh({ fund: true });
    const deposit = await weth.deposit(holder, 3n * ETHER);
    assert.deepEqual(logsOf(deposit, weth.address, 'Deposit(address,uint256)').map((l) => [l.topics, decode(['uint256'], l.data)[0]]),
      [[[topic('Deposit(address,uint256)'), asTopic(holder)], 3n * ETHER]]);
    // receive(): sending ETH without calldata is a deposit too
    const plain = await chain.send({ from: holder, to: weth.address, data: '0x', value: 2n });
    assert.equal(logsOf(plain, weth.address, 'Deposit(address,uint256)').length, 1);
    assert.equal(await weth.balanceOf(holder), 3n * ETHER + 2n);
    assert.equal(await ethBalance(chain, weth.address), 3n * ETHER + 2n);

    const ethBefore = await ethBalance(chain, holder);
    const withdrawal = await weth.withdraw(holder, ETHER + 1n);
    assert.deepEqual(logsOf(withdrawal, weth.address, 'Withdrawal(address,uint256)').map((l) => [l.topics, decode(['uint256'], l.data)[0]]),
      [[[topic('Withdrawal(address,uint256)'), asTopic(holder)], ETHER + 1n]]);
    assert.equal((await ethBalance(chain, holder)) - ethBefore, ETHER + 1n - gasCost(withdrawal));
    assert.equal(await weth.balanceOf(holder), 2n * ETHER + 1n);
    assert.equal(await weth.contract.call('totalSupply()', [], ['uint256']), 2n * ETHER + 1n);
    assert.equal(await ethBalance(chain, weth.address), 2n * ETHER + 1n, 'fully backed');
  });
});

describe('fees', () => {
  test('new fees apply to the next fill, including orders signed before the change', async () => {
    const { exchange, collection, royaltyReceiver } = await setup({ royaltyBps: 800n, count: 2 });
    const newRecipient = await fresh();
    const buyer = await fresh({ fund: true });
    const price = ETHER;
    const { order, signature } = await exchange.signed({ maker: seller, collection: collection.address, tokenId: 2n, price });
    await exchange.send('setFees(address,uint16,uint16)', [newRecipient, 1000n, 500n]);
    const receipt = await exchange.fillListing(order, signature, { from: buyer, value: price });
    const [event] = orderFilledEvents(receipt, exchange.address);
    assert.deepEqual([event.feeRecipient, event.feeAmount, event.royaltyAmount, event.royaltyCapped], [newRecipient, ETHER / 10n, ETHER / 20n, true]);
    assert.equal(await ethBalance(chain, newRecipient), ETHER / 10n);
    assert.equal(await ethBalance(chain, royaltyReceiver), ETHER / 20n);
  });

  test('a zero fee pays the seller everything but the royalty', async () => {
    const { exchange, collection, feeRecipient } = await setup({ feeBps: 0n, royaltyBps: 0n });
    const buyer = await fresh({ fund: true });
    const { order, signature } = await exchange.signed({ maker: seller, collection: collection.address, tokenId: 1n, price: 12_345n });
    const sellerBefore = await ethBalance(chain, seller);
    const receipt = await exchange.fillListing(order, signature, { from: buyer, value: 12_345n });
    assert.equal((await ethBalance(chain, seller)) - sellerBefore, 12_345n);
    assert.equal(await ethBalance(chain, feeRecipient), 0n);
    const [event] = orderFilledEvents(receipt, exchange.address);
    assert.deepEqual([event.feeAmount, event.royaltyReceiver, event.royaltyAmount], [0n, ZERO_ADDRESS, 0n]);
  });
});
