// Exchange and WETH guards: re-entrancy during settlement (hostile royalty receivers and NFT recipients), the
// owner-only configuration with its limits, and WETH's withdraw ordering and balance checks.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { decode, encodeCall } from './support/abi.mjs';
import { devChainForFile, errorData, expectRevert, logsOf } from './support/chain.mjs';
import { ZERO_ADDRESS } from './support/collection.mjs';
import {
  BUY,
  EXCHANGE_CTOR_TYPES,
  STATUS,
  acceptOfferData,
  collectionWithTokens,
  deployMarket,
  ethBalance,
  fillListingData,
  orderDigest,
  orderFilledEvents,
} from './support/exchange.mjs';

const ETHER = 10n ** 18n;
const REENTRANT = 'ReentrancyGuardReentrantCall()';
const ARM = 'arm(address,uint256,bytes,bool)';
const EXECUTE = 'execute(address,uint256,bytes)';

const suite = devChainForFile('exchange-guards');
let chain;
let artifacts;
let fresh; // fresh({ fund }): a new address; funded ones can send (anvil impersonates them)
let seller;
let offerer;
before(async () => {
  ({ chain, artifacts, fresh } = await suite.ready);
  [, seller, offerer] = chain.accounts;
});

/** A funded Reenterer contract (it pays for its own re-entrant purchases). */
async function deployReenterer() {
  const reenterer = await chain.deploy(artifacts.Reenterer);
  await chain.fund(reenterer.address);
  return reenterer;
}

/** What the Reenterer saw: [attempts, lastSuccess, lastReturnData]. */
const outcome = async (reenterer) => [
  await reenterer.call('attempts()', [], ['uint256']),
  await reenterer.call('lastSuccess()', [], ['bool']),
  await reenterer.call('lastReturnData()', [], ['bytes']),
];

describe('re-entrancy', () => {
  /** Market whose collection pays royalties to `royaltyReceiver`; seller lists tokens 1, 2 and 3 for 1 ETH each. */
  async function market(royaltyReceiver) {
    const m = await deployMarket(chain, artifacts, { feeRecipient: await fresh() });
    const collection = await collectionWithTokens(chain, artifacts, m.exchange, { holder: seller, royaltyReceiver, count: 3 });
    const listings = [];
    for (const tokenId of [1n, 2n, 3n]) listings.push(await m.exchange.signed({ maker: seller, collection: collection.address, tokenId, price: ETHER }));
    return { ...m, collection, listings, buyer: await fresh({ fund: true }) };
  }

  test('a royalty receiver re-entering fillListing while being paid gets nothing; the outer fill settles once', async () => {
    const reenterer = await deployReenterer();
    const { exchange, collection, listings: [first, second, third], buyer } = await market(reenterer.address);
    // first the very order being settled
    await reenterer.send(ARM, [exchange.address, ETHER, fillListingData(first.order, first.signature, reenterer.address), false]);
    const reentererBefore = await ethBalance(chain, reenterer.address);
    const receipt = await exchange.fillListing(first.order, first.signature, { from: buyer, value: ETHER });
    assert.deepEqual(await outcome(reenterer), [1n, false, errorData(REENTRANT)]);
    assert.equal(orderFilledEvents(receipt, exchange.address).length, 1);
    assert.equal((await ethBalance(chain, reenterer.address)) - reentererBefore, ETHER * 500n / 10_000n, 'only its royalty');
    assert.equal(await collection.ownerOf(1n), buyer);
    assert.equal(await collection.balanceOf(reenterer.address), 0n);

    // then another valid listing of the same seller
    await reenterer.send(ARM, [exchange.address, ETHER, fillListingData(second.order, second.signature, reenterer.address), false]);
    await exchange.fillListing(third.order, third.signature, { from: buyer, value: ETHER });
    assert.deepEqual(await outcome(reenterer), [2n, false, errorData(REENTRANT)]);
    assert.equal(await collection.ownerOf(3n), buyer);
    assert.equal(await collection.ownerOf(2n), seller);
    assert.equal(await exchange.status(orderDigest(second.order, exchange.domain)), STATUS.Open);
    // the refused order itself was fine: the guard stopped it, nothing else
    await exchange.fillListing(second.order, second.signature, { from: buyer, value: ETHER });
    assert.equal(await collection.ownerOf(2n), buyer);
    assert.equal(await reenterer.call('attempts()', [], ['uint256']), 2n, 'disarmed after one attempt');
  });

  test('a royalty receiver that propagates the refused re-entry makes the whole fill revert', async () => {
    const reenterer = await deployReenterer();
    const { exchange, collection, listings: [first], buyer } = await market(reenterer.address);
    await reenterer.send(ARM, [exchange.address, ETHER, fillListingData(first.order, first.signature, reenterer.address), true]);
    await expectRevert(exchange.fillListing(first.order, first.signature, { from: buyer, value: ETHER }), REENTRANT);
    assert.equal(await collection.ownerOf(1n), seller);
    assert.equal(await exchange.status(orderDigest(first.order, exchange.domain)), STATUS.Open);
  });

  test('an NFT recipient re-entering fillListing or acceptOffer from onERC721Received is refused', async () => {
    const reenterer = await deployReenterer();
    const { exchange, weth, collection, listings: [first, second], buyer } = await market(await fresh());
    // re-fill the listing being settled, delivering a second token
    await reenterer.send(ARM, [exchange.address, ETHER, fillListingData(first.order, first.signature, reenterer.address), false]);
    const sellerBefore = await ethBalance(chain, seller);
    const receipt = await reenterer.send(EXECUTE, [exchange.address, ETHER, fillListingData(first.order, first.signature, reenterer.address)]);
    assert.deepEqual(await outcome(reenterer), [1n, false, errorData(REENTRANT)]);
    assert.equal(orderFilledEvents(receipt, exchange.address).length, 1);
    assert.equal((await ethBalance(chain, seller)) - sellerBefore, ETHER - ETHER * 750n / 10_000n, 'the seller is paid once');

    // flip the token it is receiving into a standing offer before the listing is even paid for
    await weth.deposit(offerer, 3n * ETHER);
    await weth.approve(offerer, exchange.address, 3n * ETHER);
    const offer = await exchange.signed({ maker: offerer, side: BUY, collection: collection.address, tokenId: 2n, currency: weth.address, price: 3n * ETHER });
    await reenterer.send(EXECUTE, [collection.address, 0n, encodeCall('setApprovalForAll(address,bool)', [exchange.address, true])]);
    await reenterer.send(ARM, [exchange.address, 0n, acceptOfferData(offer.order, offer.signature), false]);
    await exchange.fillListing(second.order, second.signature, { from: buyer, recipient: reenterer.address, value: ETHER });
    assert.deepEqual(await outcome(reenterer), [2n, false, errorData(REENTRANT)]);
    assert.equal(await collection.ownerOf(2n), reenterer.address);
    assert.equal(await weth.balanceOf(offerer), 3n * ETHER);
    // outside of a settlement the same acceptOffer is fine: the guard, not the order, stopped it
    await reenterer.send(EXECUTE, [exchange.address, 0n, acceptOfferData(offer.order, offer.signature)]);
    assert.equal(await collection.ownerOf(2n), offerer);
  });
});

describe('administration', () => {
  test('the constructor configures fees and allows WETH, with events; bad settings are refused', async () => {
    const feeRecipient = await fresh();
    const { exchange, weth, owner } = await deployMarket(chain, artifacts, { feeRecipient, feeBps: 250n, maxRoyaltyBps: 1000n });
    const receipt = exchange.contract.deployReceipt;
    assert.deepEqual(logsOf(receipt, exchange.address, 'FeeChanged(address,uint16)').map((l) => decode(['address', 'uint16'], l.data)), [[feeRecipient, 250n]]);
    assert.deepEqual(logsOf(receipt, exchange.address, 'MaxRoyaltyChanged(uint16)').map((l) => decode(['uint16'], l.data)), [[1000n]]);
    assert.equal(logsOf(receipt, exchange.address, 'CurrencyAllowed(address,bool)')[0].topics[1], `0x${weth.address.slice(2).padStart(64, '0')}`);
    assert.equal(await exchange.call('owner()', [], ['address']), owner);
    assert.equal(await exchange.call('feeRecipient()', [], ['address']), feeRecipient);
    assert.equal(await exchange.call('feeBps()', [], ['uint16']), 250n);
    assert.equal(await exchange.call('maxRoyaltyBps()', [], ['uint16']), 1000n);
    assert.equal(await exchange.call('MAX_FEE_BPS()', [], ['uint16']), 1000n);
    assert.deepEqual([await exchange.call('SELL()', [], ['uint8']), await exchange.call('BUY()', [], ['uint8'])], [0n, 1n]);
    assert.equal(await exchange.call('currencyAllowed(address)', [weth.address], ['bool']), true);

    const deploy = (args) => chain.deploy(artifacts.Exchange, EXCHANGE_CTOR_TYPES, args);
    await expectRevert(deploy([owner, feeRecipient, 1001n, 0n, weth.address]), 'ExchangeFeeTooHigh(uint16,uint16)', [1001n, 0n]);
    await expectRevert(deploy([owner, ZERO_ADDRESS, 0n, 0n, weth.address]), 'ExchangeZeroAddress()');
    await expectRevert(deploy([owner, feeRecipient, 0n, 0n, ZERO_ADDRESS]), 'ExchangeZeroAddress()');
    await expectRevert(deploy([ZERO_ADDRESS, feeRecipient, 0n, 0n, weth.address]), 'OwnableInvalidOwner(address)', [ZERO_ADDRESS]);
  });

  test('only the owner sets fees, up to MAX_FEE_BPS and with fee + royalty cap at most 100%', async () => {
    const { exchange, owner } = await deployMarket(chain, artifacts, { feeRecipient: await fresh() });
    const [outsider, recipient] = [await fresh({ fund: true }), await fresh()];
    const setFees = (args, from = owner) => exchange.send('setFees(address,uint16,uint16)', args, from);
    const current = async () => [
      await exchange.call('feeRecipient()', [], ['address']),
      await exchange.call('feeBps()', [], ['uint16']),
      await exchange.call('maxRoyaltyBps()', [], ['uint16']),
    ];
    await expectRevert(setFees([recipient, 100n, 100n], outsider), 'OwnableUnauthorizedAccount(address)', [outsider]);
    await expectRevert(setFees([recipient, 100n, 100n], seller), 'OwnableUnauthorizedAccount(address)', [seller]);

    const receipt = await setFees([recipient, 1000n, 9000n]); // both limits exactly
    assert.deepEqual(logsOf(receipt, exchange.address, 'FeeChanged(address,uint16)').map((l) => decode(['address', 'uint16'], l.data)), [[recipient, 1000n]]);
    assert.deepEqual(logsOf(receipt, exchange.address, 'MaxRoyaltyChanged(uint16)').map((l) => decode(['uint16'], l.data)), [[9000n]]);
    assert.deepEqual(await current(), [recipient, 1000n, 9000n]);

    const tooHigh = 'ExchangeFeeTooHigh(uint16,uint16)';
    await expectRevert(setFees([recipient, 1001n, 0n]), tooHigh, [1001n, 0n]);
    await expectRevert(setFees([recipient, 1000n, 9001n]), tooHigh, [1000n, 9001n]);
    await expectRevert(setFees([recipient, 0n, 10_001n]), tooHigh, [0n, 10_001n]);
    await expectRevert(setFees([recipient, 65_535n, 65_535n]), tooHigh, [65_535n, 65_535n]);
    await expectRevert(setFees([ZERO_ADDRESS, 0n, 0n]), 'ExchangeZeroAddress()');
    assert.deepEqual(await current(), [recipient, 1000n, 9000n]);
  });

  test('only the owner allows currencies; ownership moves in two steps', async () => {
    const { exchange, owner } = await deployMarket(chain, artifacts, { feeRecipient: await fresh() });
    const [outsider, token, next] = [await fresh({ fund: true }), await fresh(), await fresh({ fund: true })];
    const allow = (args, from = owner) => exchange.send('setCurrencyAllowed(address,bool)', args, from);
    await expectRevert(allow([token, true], outsider), 'OwnableUnauthorizedAccount(address)', [outsider]);
    await expectRevert(allow([ZERO_ADDRESS, true]), 'ExchangeZeroAddress()');
    await allow([token, true]);
    assert.equal(await exchange.call('currencyAllowed(address)', [token], ['bool']), true);

    await exchange.send('transferOwnership(address)', [next], owner);
    assert.equal(await exchange.call('owner()', [], ['address']), owner, 'not before acceptance');
    await allow([token, false]);
    await exchange.send('acceptOwnership()', [], next);
    await expectRevert(allow([token, true]), 'OwnableUnauthorizedAccount(address)', [owner]);
    await allow([token, true], next);
    assert.equal(await exchange.call('currencyAllowed(address)', [token], ['bool']), true);
  });

  test('anyone may cancel their own orders or bump their own counter', async () => {
    const { exchange } = await deployMarket(chain, artifacts, { feeRecipient: await fresh() });
    const anyone = await fresh({ fund: true });
    assert.equal(await exchange.contract.call('incrementCounter()', [], ['uint256'], anyone), 1n);
    await exchange.send('incrementCounter()', [], anyone);
    await exchange.send('incrementCounter()', [], anyone);
    assert.equal(await exchange.counter(anyone), 2n);
    await exchange.cancel([], anyone); // an empty batch is a no-op
  });
});

describe('WETH guards', () => {
  test('withdraw burns before paying out: a re-entering receiver cannot withdraw twice', async () => {
    const { weth } = await deployMarket(chain, artifacts, { feeRecipient: await fresh() });
    const attacker = await chain.deploy(artifacts.WithdrawReenterer, ['address'], [weth.address]);
    const from = await fresh({ fund: true });
    await chain.send({ from, to: attacker.address, data: encodeCall('depositAndWithdraw(uint256)', [ETHER]), value: ETHER });
    assert.equal(await attacker.call('reentered()', [], ['bool']), true);
    assert.equal(await attacker.call('innerSuccess()', [], ['bool']), false);
    assert.equal(await attacker.call('innerReturnData()', [], ['bytes']),
      errorData('ERC20InsufficientBalance(address,uint256,uint256)', [attacker.address, 0n, ETHER]));
    assert.equal(await ethBalance(chain, attacker.address), ETHER);
    assert.equal(await ethBalance(chain, weth.address), 0n);
    assert.equal(await weth.contract.call('totalSupply()', [], ['uint256']), 0n);
  });

  test('withdrawing more than the balance and spending without allowance are refused; spending emits no Approval', async () => {
    const { weth } = await deployMarket(chain, artifacts, { feeRecipient: await fresh() });
    const [holder, spender, to] = [await fresh({ fund: true }), await fresh({ fund: true }), await fresh()];
    await weth.deposit(holder, 5n);
    await expectRevert(weth.withdraw(holder, 6n), 'ERC20InsufficientBalance(address,uint256,uint256)', [holder, 5n, 6n]);
    await expectRevert(weth.withdraw(spender, 1n), 'ERC20InsufficientBalance(address,uint256,uint256)', [spender, 0n, 1n]);
    const transferFrom = (amount) => weth.contract.send('transferFrom(address,address,uint256)', [holder, to, amount], spender);
    await expectRevert(transferFrom(1n), 'ERC20InsufficientAllowance(address,uint256,uint256)', [spender, 0n, 1n]);
    await weth.approve(holder, spender, 3n);
    const receipt = await transferFrom(2n);
    assert.equal(logsOf(receipt, weth.address, 'Approval(address,address,uint256)').length, 0);
    assert.equal(logsOf(receipt, weth.address, 'Transfer(address,address,uint256)').length, 1);
    assert.equal(await weth.allowance(holder, spender), 1n);
    assert.equal(await weth.balanceOf(to), 2n);
    assert.equal(await ethBalance(chain, weth.address), 5n);
  });
});
