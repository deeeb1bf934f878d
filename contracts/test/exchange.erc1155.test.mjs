// Exchange and ERC-1155: an order names copies of a token (`amount`), moves all of them or none, and an order's
// standard and amount must fit each other. Tokens are OpenZeppelin's ERC1155 and ERC721, contracts we did not write.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { devChainForFile, expectRevert } from './support/chain.mjs';
import { BUY, ERC1155, ERC721, STATUS, deployMarket, ethBalance, orderDigest, orderFilledEvents } from './support/exchange.mjs';

const ETHER = 10n ** 18n;
const WRONG_AMOUNT = 'ExchangeWrongAmount(uint8,uint256)';
const bps = (price, points) => (price * BigInt(points)) / 10_000n;

const suite = devChainForFile('exchange-erc1155');
let chain;
let artifacts;
let fresh; // fresh({ fund }): a new address; funded ones can send (anvil impersonates them)
let seller;
let offerer;
before(async () => {
  ({ chain, artifacts, fresh } = await suite.ready);
  [, seller, offerer] = chain.accounts;
});

/** A market (2.5% fee) and an OpenZeppelin ERC1155 where `seller` holds 10 copies of token 7, exchange approved. */
async function setup() {
  const feeRecipient = await fresh();
  const market = await deployMarket(chain, artifacts, { feeRecipient });
  const editions = await chain.deploy(artifacts.ForeignErc1155);
  await editions.send('mint(address,uint256,uint256)', [seller, 7n, 10n]);
  await editions.send('setApprovalForAll(address,bool)', [market.exchange.address, true], seller);
  const balanceOf = (holder) => editions.call('balanceOf(address,uint256)', [holder, 7n], ['uint256']);
  return { ...market, editions, balanceOf };
}

describe('ERC-1155 orders', () => {
  test('a listing of 4 copies moves exactly 4 and pays the seller the price less the fee; the event names the amount', async () => {
    const { exchange, editions, balanceOf, feeRecipient } = await setup();
    const buyer = await fresh({ fund: true });
    const price = 3n * ETHER;
    const { order, signature } = await exchange.signed({ maker: seller, collection: editions.address, standard: ERC1155, tokenId: 7n, amount: 4n, price });
    const sellerBefore = await ethBalance(chain, seller);

    const receipt = await exchange.fillListing(order, signature, { from: buyer, value: price });

    assert.deepEqual([await balanceOf(seller), await balanceOf(buyer)], [6n, 4n]);
    assert.equal((await ethBalance(chain, seller)) - sellerBefore, price - bps(price, 250));
    assert.equal(await ethBalance(chain, feeRecipient), bps(price, 250));
    const [event] = orderFilledEvents(receipt, exchange.address);
    assert.deepEqual([event.collection, event.tokenId, event.amount, event.price], [editions.address, 7n, 4n, price]);
    assert.equal(await exchange.status(orderDigest(order, exchange.domain)), STATUS.Filled);
  });

  test('an offer for 3 copies, accepted by a holder, pays in WETH and delivers 3', async () => {
    const { exchange, weth, editions, balanceOf } = await setup();
    const price = ETHER / 2n;
    await weth.deposit(offerer, price);
    await weth.approve(offerer, exchange.address, price);
    const { order, signature } = await exchange.signed({
      maker: offerer, side: BUY, collection: editions.address, standard: ERC1155, tokenId: 7n, amount: 3n, currency: weth.address, price,
    });

    await exchange.acceptOffer(order, signature, seller);

    assert.deepEqual([await balanceOf(seller), await balanceOf(offerer)], [7n, 3n]);
    assert.equal(await weth.balanceOf(seller), price - bps(price, 250));
  });

  test('a listing of more copies than the seller holds is refused by the token, and nothing moves', async () => {
    const { exchange, editions, balanceOf } = await setup();
    const buyer = await fresh({ fund: true });
    const { order, signature } = await exchange.signed({ maker: seller, collection: editions.address, standard: ERC1155, tokenId: 7n, amount: 11n, price: ETHER });
    await expectRevert(exchange.fillListing(order, signature, { from: buyer, value: ETHER }),
      'ERC1155InsufficientBalance(address,uint256,uint256,uint256)', [seller, 10n, 11n, 7n]);
    assert.deepEqual([await balanceOf(seller), await balanceOf(buyer)], [10n, 0n]);
  });

  test('zero copies of an ERC-1155, other than one ERC-721, and an unknown standard are refused before anything moves', async () => {
    const { exchange, editions } = await setup();
    const buyer = await fresh({ fund: true });
    const nft = await chain.deploy(artifacts.ForeignErc721);
    await nft.send('mint(address,uint256)', [seller, 5n]);
    await nft.send('setApprovalForAll(address,bool)', [exchange.address, true], seller);
    for (const [collection, standard, amount, error, args] of [
      [editions.address, ERC1155, 0n, WRONG_AMOUNT, [ERC1155, 0n]],
      [nft.address, ERC721, 2n, WRONG_AMOUNT, [ERC721, 2n]],
      [nft.address, ERC721, 0n, WRONG_AMOUNT, [ERC721, 0n]],
      [nft.address, 2, 1n, 'ExchangeUnknownStandard(uint8)', [2]],
    ]) {
      const tokenId = collection === nft.address ? 5n : 7n;
      const { order, signature } = await exchange.signed({ maker: seller, collection, standard, tokenId, amount, price: ETHER });
      await expectRevert(exchange.fillListing(order, signature, { from: buyer, value: ETHER }), error, args);
    }
    // the honest ERC-721 order of the same token settles
    const { order, signature } = await exchange.signed({ maker: seller, collection: nft.address, tokenId: 5n, price: ETHER });
    await exchange.fillListing(order, signature, { from: buyer, value: ETHER });
    assert.equal(await nft.call('ownerOf(uint256)', [5n], ['address']), buyer);
  });

  test('an ERC-1155 order fills once: the same copies cannot be bought twice', async () => {
    const { exchange, editions, balanceOf } = await setup();
    const buyer = await fresh({ fund: true });
    const { order, signature } = await exchange.signed({ maker: seller, collection: editions.address, standard: ERC1155, tokenId: 7n, amount: 2n, price: ETHER });
    await exchange.fillListing(order, signature, { from: buyer, value: ETHER });
    await expectRevert(exchange.fillListing(order, signature, { from: buyer, value: ETHER }), 'ExchangeOrderNotOpen(bytes32,uint8)',
      [orderDigest(order, exchange.domain), STATUS.Filled]);
    assert.equal(await balanceOf(buyer), 2n);
  });
});
