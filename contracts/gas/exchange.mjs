// Gas measurement of Exchange: fills, offers, cancel and incrementCounter, next to the plain transfers they replace.
//   cd contracts && node gas/exchange.mjs [--hardfork <name>]      (or: npm run gas:exchange)
// Starts a fresh anvil, deploys WETH + Exchange (2.5% fee, royalties capped at 10%) with the test helpers and a
// Collection paying a 5% ERC-2981 royalty, runs each scenario as a real transaction and prints markdown tables:
//   1. gasUsed of every scenario (whole transaction: 21,000 base + calldata + execution - refund), and for the fills
//      the overhead over doing the same thing by hand: a plain ERC-721 transferFrom + a plain ETH (or WETH) transfer;
//   2. the split by opcode class (debug_traceTransaction), counted over ALL call depths: the exchange calls the
//      collection, WETH, the ecrecover precompile and the payees, so unlike measure.mjs depth > 1 steps matter;
//   3. the split by what the exchange calls (each call's gas including everything the callee ran).
import { selector } from '../test/support/abi.mjs';
import { compile, startChain } from '../test/support/chain.mjs';
import { addressSource, anvilArguments, calldataGas } from './support.mjs';
import { BUY, SELL, cancelData, collectionWithTokens, deployMarket, latestTimestamp } from '../test/support/exchange.mjs';
import { keccakHex } from '../test/support/keccak.mjs';
import { MINTER_ROLE, redeemVoucherData, signVoucher } from '../test/support/vouchers.mjs';


const ETHER = 10n ** 18n;
const PRICE = ETHER;

const artifacts = compile();
const chain = await startChain(anvilArguments(process.argv));

const { fresh, funded } = addressSource(chain, 'gas-exchange');

const CALL_OPS = new Set(['CALL', 'STATICCALL', 'DELEGATECALL', 'CALLCODE']);
const ECRECOVER = `0x${'00'.repeat(19)}01`;
const KNOWN_SELECTORS = Object.fromEntries(
  ['safeTransferFrom(address,address,uint256)', 'royaltyInfo(uint256,uint256)', 'transferFrom(address,address,uint256)',
    'hasRole(bytes32,address)', 'mint(address,bytes32,address,uint96)']
    .map((s) => [selector(s), s.slice(0, s.indexOf('('))]),
);
const asAddress = (word) => `0x${BigInt(word).toString(16).padStart(40, '0')}`;

/**
 * Walks the opcode trace of a transaction and returns
 *  - parts: gas by opcode class over all depths. Each step counts only its own cost: for a call that enters code,
 *    the gas the caller gave up minus what the callee used (so: account access, value transfer net of the 2,300
 *    stipend, new-account surcharge); the callee's steps are counted themselves. A call to the ecrecover precompile
 *    (no steps of its own) is the "ecrecover" class; `callees` is the part of the total executed at depth > 1.
 *  - calls: the depth-1 calls in order, {to, value, selector, gas}, gas = everything the call cost the exchange;
 *  - own: the exchange's own (depth-1, non-call) steps by class, the refund counted in `rest`.
 * Check: base + calldata + all classes + refund = gasUsed, where refund (the SSTORE refund) is the remainder.
 */
async function analyse(receipt) {
  const hash = receipt.transactionHash;
  const tx = await chain.rpc('eth_getTransactionByHash', [hash]);
  const { structLogs: steps } = await chain.rpc('debug_traceTransaction', [
    hash,
    { disableStorage: true, disableMemory: true, disableStack: false },
  ]);
  // The call tree gives the calldata of each call (the struct log has no memory here), to name the selector.
  const tree = await chain.rpc('debug_traceTransaction', [hash, { tracer: 'callTracer' }]);
  const inputsByTarget = {};
  for (const c of tree.calls ?? []) (inputsByTarget[c.to.toLowerCase()] ??= []).push(c.input ?? '0x');

  const parts = {
    base: 21000, calldata: calldataGas(tx.input), SSTORE: 0, SLOAD: 0, LOG: 0, KECCAK256: 0, CALL: 0, ecrecover: 0, other: 0, callees: 0,
  };
  const calls = [];
  const own = { SSTORE: 0, SLOAD: 0, LOG: 0, EXTCODESIZE: 0, KECCAK256: 0, rest: 0 }; // depth-1 steps other than calls
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const next = steps[i + 1];
    let cost;
    let resume = null; // the caller's next step, for calls
    if (!next || next.depth < step.depth) {
      cost = step.gasCost; // last step of a frame
    } else if (next.depth === step.depth) {
      cost = step.gas - next.gas; // includes the whole cost of a call into code-less accounts and precompiles
      if (CALL_OPS.has(step.op)) resume = next;
    } else {
      let r = i + 1;
      while (steps[r].depth > step.depth) r++;
      resume = steps[r];
      const last = steps[r - 1]; // the callee's final RETURN/STOP/REVERT
      const calleeUsed = next.gas - (last.gas - last.gasCost);
      cost = step.gas - resume.gas - calleeUsed;
    }
    let op = step.op.startsWith('LOG') ? 'LOG' : step.op === 'SHA3' ? 'KECCAK256' : step.op;
    let to;
    if (CALL_OPS.has(step.op)) {
      to = asAddress(step.stack[step.stack.length - 2]);
      op = to === ECRECOVER ? 'ecrecover' : 'CALL';
    }
    parts[op in parts ? op : 'other'] += cost;
    if (step.depth > 1) parts.callees += cost;
    else if (!CALL_OPS.has(step.op)) own[op in own ? op : 'rest'] += cost;
    if (step.depth === 1 && resume) {
      const value = step.op === 'CALL' ? BigInt(step.stack[step.stack.length - 3]) : 0n;
      const input = to === ECRECOVER ? '0x' : (inputsByTarget[to]?.shift() ?? '0x');
      calls.push({ to, value, selector: input.slice(0, 10), gas: step.gas - resume.gas });
    }
  }
  const total = Object.entries(parts).filter(([k]) => k !== 'callees').reduce((a, [, v]) => a + v, 0);
  parts.refund = Number(receipt.gasUsed) - total; // <= 0
  own.rest += parts.refund;
  return { parts, calls, own };
}

const rows = []; // {group, scenario, receipt, references: the plain transactions it replaces (overhead column)}
const referenceNames = new Map(); // reference transaction -> its name in the overhead column, where not one of the usual ones
const row = (group, scenario, receipt, references = []) => rows.push({ group, scenario, receipt, references });

try {
  const [, seller, offerer, secondOfferer] = chain.accounts; // makers must be dev accounts: only their keys sign
  const nodeInfo = await chain.rpc('anvil_nodeInfo');

  // Payees that already hold ETH (the usual case; paying an empty account costs 25,000 more, shown separately).
  const feeRecipient = await funded();
  const royaltyReceiver = await funded();
  const { exchange, weth } = await deployMarket(chain, artifacts, { feeRecipient, feeBps: 250n, maxRoyaltyBps: 1000n });
  const collection = await collectionWithTokens(chain, artifacts, exchange, { holder: seller, royaltyReceiver, royaltyBps: 500n, count: 10 });
  const noRoyalty = await collectionWithTokens(chain, artifacts, exchange, { holder: seller, royaltyReceiver, royaltyBps: 0n, count: 2 });
  const names = { // for the by-call table
    [collection.address]: 'Collection', [noRoyalty.address]: 'Collection', [weth.address]: 'WETH', [ECRECOVER]: 'ecrecover',
    [feeRecipient]: 'fee recipient', [royaltyReceiver]: 'royalty receiver', [seller]: 'seller',
  };
  const listing = (c, tokenId) => exchange.signed({ maker: seller, side: SELL, collection: c.address, tokenId, price: PRICE });
  const buy = async (c, tokenId, buyer) => {
    const { order, signature } = await listing(c, tokenId);
    return exchange.fillListing(order, signature, { from: buyer, value: PRICE });
  };

  // ---- references: what the exchange replaces, done by hand ----
  const someone = await funded();
  const ethTransfer = await chain.send({ from: someone, to: seller, data: '0x', value: PRICE });
  const nftHolder = fresh();
  const nftToFresh = await collection.transferFrom(seller, nftHolder, 3n); // deep batch token, owner sends, fresh recipient
  const nftToHolder = await collection.transferFrom(seller, nftHolder, 4n); // same, recipient already holds a token
  // WETH: every payee and the offerers hold WETH already; offerers approve a finite allowance above the price, so each
  // of the three transferFroms of an offer rewrites it (an infinite allowance is never written).
  for (const holder of [feeRecipient, royaltyReceiver, someone]) await weth.deposit(holder, 2n * ETHER); // never emptied
  for (const maker of [offerer, secondOfferer]) {
    await weth.deposit(maker, 10n * ETHER);
    await weth.approve(maker, exchange.address, 10n * ETHER);
  }
  const wethTransfer = await weth.contract.send('transfer(address,uint256)', [royaltyReceiver, PRICE], someone);

  // ---- fills of ETH listings ----
  const buyer = await funded();
  row('fill', 'fillListing, ETH, 5% royalty + 2.5% fee, buyer new to the collection', await buy(collection, 1n, buyer),
    [nftToFresh, ethTransfer]);
  row('fill', 'fillListing, ETH, collection royalty 0 (fee only), buyer new to the collection',
    await buy(noRoyalty, 1n, await funded()), [nftToFresh, ethTransfer]);
  row('fill', 'fillListing, ETH, 5% royalty + fee, 2nd fill by the same buyer from the same seller', await buy(collection, 2n, buyer),
    [nftToHolder, ethTransfer]);

  // ---- WETH offers, accepted by the token owner (the seller) ----
  {
    const offer = (maker, tokenId) => exchange.signed({ maker, side: BUY, collection: collection.address, tokenId, currency: weth.address, price: PRICE });
    const first = await offer(secondOfferer, 5n);
    const firstReceipt = await exchange.acceptOffer(first.order, first.signature, seller); // the seller holds no WETH yet
    const { order, signature } = await offer(offerer, 6n);
    row('fill', 'acceptOffer, WETH, 5% royalty + fee, offerer new to the collection, all payees hold WETH',
      await exchange.acceptOffer(order, signature, seller), [nftToFresh, wethTransfer]);
    row('fill', "acceptOffer, WETH, same but the seller's first WETH (balance slot created)", firstReceipt);
  }

  // ---- order management ----
  {
    const { order } = await listing(collection, 7n);
    row('manage', 'cancel one order', await chain.send({ from: seller, to: exchange.address, data: cancelData([order]) }));
    row('manage', "incrementCounter, maker's first (counter 0 -> 1)", await exchange.send('incrementCounter()', [], seller));
    row('manage', 'incrementCounter, again (1 -> 2)', await exchange.send('incrementCounter()', [], seller));
  }

  // ---- lazy minting: the buyer's redemption of a creator's voucher, against the creator minting and being paid by hand ----
  {
    for (const minter of [exchange.address, seller]) await collection.send('grantRole(bytes32,address)', [MINTER_ROLE, minter]);
    const royalty = { receiver: seller, bps: 750n };
    const mintByHand = await collection.mint(fresh(), keccakHex('minted by hand'), seller, royalty);
    const voucher = { creator: seller, collection: collection.address, metadataDigest: keccakHex('minted when bought'), royaltyBps: 750n,
      price: PRICE, endTime: (await latestTimestamp(chain)) + 3600n, salt: 1n };
    const signature = await signVoucher(chain, voucher, exchange.domain);
    const redeemed = await chain.send({ from: await funded(), to: exchange.address, value: PRICE, data: redeemVoucherData(voucher, signature, fresh()) });
    row('fill', 'redeemVoucher: mints to a new holder with a 7.5% royalty, pays the creator (holds ETH) less 2.5% fee', redeemed,
      [mintByHand, ethTransfer]);
    referenceNames.set(mintByHand, 'mint by the creator');
  }

  // ---- edge case: payees that never held ETH (first sale on a fresh deployment) ----
  {
    const [emptyFeeRecipient, emptyRoyaltyReceiver] = [fresh(), fresh()];
    names[emptyFeeRecipient] = 'fee recipient';
    names[emptyRoyaltyReceiver] = 'royalty receiver';
    names[offerer] = 'seller';
    const market = await deployMarket(chain, artifacts, { feeRecipient: emptyFeeRecipient });
    const c = await collectionWithTokens(chain, artifacts, market.exchange, { holder: offerer, royaltyReceiver: emptyRoyaltyReceiver, royaltyBps: 500n });
    names[c.address] = 'Collection';
    const { order, signature } = await market.exchange.signed({ maker: offerer, collection: c.address, tokenId: 1n, price: PRICE });
    row('fill', 'fillListing, ETH, as the first row, but royalty receiver and fee recipient are empty accounts',
      await market.exchange.fillListing(order, signature, { from: await funded(), value: PRICE }));
  }

  row('reference', 'plain ETH transfer to an existing account', ethTransfer);
  row('reference', 'Collection.transferFrom by the owner, deep batch token, to a fresh address', nftToFresh);
  row('reference', 'Collection.transferFrom by the owner, deep batch token, to an existing holder', nftToHolder);
  row('reference', 'WETH.transfer, both parties already hold WETH', wethTransfer);

  // ---- output ----
  const fmt = (n) => Number(n).toLocaleString('en-US');
  console.log(`anvil ${await chain.rpc('web3_clientVersion')}, hardfork ${nodeInfo.hardFork}, ` +
    `${artifacts.Exchange.compiler}, optimizer 200 runs, evmVersion cancun; price 1 ETH, fee 2.5%, royalty 5% (cap 10%)\n`);
  console.log('| Scenario | gasUsed | Plain transfers it replaces | Overhead |');
  console.log('|---|---:|---|---:|');
  const refName = (r) => referenceNames.get(r) ?? (r === ethTransfer ? 'ETH' : r === wethTransfer ? 'WETH' : r === nftToFresh ? 'NFT to fresh' : 'NFT to holder');
  for (const { scenario, receipt, references } of rows) {
    const refSum = references.reduce((a, r) => a + r.gasUsed, 0n);
    const refs = references.length ? `${references.map((r) => `${refName(r)} ${fmt(r.gasUsed)}`).join(' + ')} = ${fmt(refSum)}` : '';
    const overhead = references.length ? `+${fmt(receipt.gasUsed - refSum)}` : '';
    console.log(`| ${scenario} | ${fmt(receipt.gasUsed)} | ${refs} | ${overhead} |`);
  }

  const analysed = [];
  for (const r of rows) analysed.push({ ...r, ...(await analyse(r.receipt)) });

  console.log('\nWhere the gas goes, by opcode class over all call depths (SSTORE/SLOAD include the 2,100 cold surcharge; CALL is the');
  console.log('calls\' own cost: account access, value transfer net of the 2,300 stipend, new-account surcharge; ecrecover is the');
  console.log('precompile call; "in callees" is the part of the columns before it executed at depth > 1; refund is the SSTORE refund):\n');
  const columns = ['base', 'calldata', 'SSTORE', 'SLOAD', 'LOG', 'KECCAK256', 'CALL', 'ecrecover', 'other', 'callees', 'refund'];
  const headers = columns.map((c) => (c === 'callees' ? 'in callees' : c));
  console.log(`| Scenario | gasUsed | ${headers.join(' | ')} |`);
  console.log(`|---|---:|${columns.map(() => '---:').join('|')}|`);
  for (const { scenario, receipt, parts } of analysed) {
    console.log(`| ${scenario} | ${fmt(receipt.gasUsed)} | ${columns.map((c) => fmt(parts[c])).join(' | ')} |`);
  }

  // By what the exchange calls: each call's gas includes its own cost and everything the callee executed.
  const describe = (c) => {
    if (c.to === ECRECOVER) return 'ecrecover';
    const fn = KNOWN_SELECTORS[c.selector];
    if (fn) return `${names[c.to] ?? c.to}.${fn}`;
    return c.value > 0n ? `ETH to ${names[c.to] ?? 'payee'}` : `call to ${names[c.to] ?? c.to}`;
  };
  console.log('\nWhere the fills\' gas goes, by call (gas of each call made by the exchange, callee execution included;');
  console.log('"exchange itself" is gasUsed minus base, calldata and these calls, i.e. the exchange\'s own steps and refund,');
  console.log('split by opcode class; EXTCODESIZE is the cold account access of the signer check and of the collection):\n');
  const ownColumns = Object.keys(analysed[0].own);
  console.log(`| Scenario | base + calldata | calls, in order | exchange itself | ${ownColumns.join(' | ')} |`);
  console.log(`|---|---:|---|---:|${ownColumns.map(() => '---:').join('|')}|`);
  for (const { group, scenario, receipt, parts, calls, own } of analysed) {
    if (group !== 'fill') continue;
    const callGas = calls.reduce((a, c) => a + c.gas, 0);
    const self = Number(receipt.gasUsed) - parts.base - parts.calldata - callGas;
    if (self !== Object.values(own).reduce((a, b) => a + b, 0)) throw new Error(`${scenario}: the exchange's own steps do not add up`);
    console.log(`| ${scenario} | ${fmt(parts.base + parts.calldata)} | ${calls.map((c) => `${describe(c)} ${fmt(c.gas)}`).join(', ')} | ` +
      `${fmt(self)} | ${ownColumns.map((c) => fmt(own[c])).join(' | ')} |`);
  }
} finally {
  await chain.stop();
}
