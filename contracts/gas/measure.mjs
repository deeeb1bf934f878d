// Gas measurement of Collection against OpenZeppelin 5 baselines compiled with the same settings.
//   cd contracts && node gas/measure.mjs [--hardfork <name>]
// Starts a fresh anvil, runs each scenario as a real transaction and prints a markdown table of gasUsed
// (whole transaction: 21,000 base + calldata + execution - refunds), then a second table splitting each
// transaction's gas by opcode class (from debug_traceTransaction), to show how close it is to the storage floor.
import crypto from 'node:crypto';
import { encodeCall } from '../test/support/abi.mjs';
import { compile, startChain } from '../test/support/chain.mjs';
import { addressSource, anvilArguments, calldataGas } from './support.mjs';


const artifacts = compile('gas');
const chain = await startChain(anvilArguments(process.argv));

const sha256 = (text) => `0x${crypto.createHash('sha256').update(text).digest('hex')}`;
const { fresh, funded } = addressSource(chain, 'gas');

/**
 * Splits a transaction's gas into: 21,000 base, calldata, SSTORE, SLOAD, LOG, KECCAK256, all other
 * opcodes, minus the SSTORE refund. SSTORE/SLOAD costs include the 2,100 cold-slot surcharge.
 */
async function breakdown(receipt) {
  const tx = await chain.rpc('eth_getTransactionByHash', [receipt.transactionHash]);
  const trace = await chain.rpc('debug_traceTransaction', [
    receipt.transactionHash,
    { disableStorage: true, disableMemory: true, disableStack: true },
  ]);
  const parts = { base: 21000, calldata: calldataGas(tx.input), SSTORE: 0, SLOAD: 0, LOG: 0, KECCAK256: 0, other: 0 };
  for (const step of trace.structLogs) {
    if (step.depth !== 1) continue; // no scenario calls other contracts
    const op = step.op.startsWith('LOG') ? 'LOG' : step.op === 'SHA3' ? 'KECCAK256' : step.op;
    parts[op in parts ? op : 'other'] += step.gasCost;
  }
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  parts.refund = Number(receipt.gasUsed) - total; // <= 0
  return parts;
}

const rows = [];
const breakdowns = [];
/** One table row; `target` is {ratio} (Collection / baseline) or {perNft} (absolute per-NFT gas). */
function row(scenario, ours, baseline, target, divisor = 1n) {
  if (!breakdowns.some(([, , r]) => r === ours)) breakdowns.push(['Collection', scenario, ours]);
  if (baseline && !breakdowns.some(([, , r]) => r === baseline)) breakdowns.push(['OZ', scenario, baseline]);
  const gas = Number(ours.gasUsed) / Number(divisor);
  const base = baseline ? Number(baseline.gasUsed) : undefined;
  let verdict = '';
  let ratio = '';
  if (base) ratio = (gas / base).toFixed(3);
  if (target?.ratio) verdict = `<= ${target.ratio.toFixed(2)}x: ${gas / base <= target.ratio ? 'met' : 'NOT MET'}`;
  if (target?.perNft) verdict = `<= ${target.perNft}/NFT: ${gas <= target.perNft ? 'met' : 'NOT MET'}`;
  rows.push([scenario, divisor > 1n ? `${gas.toFixed(0)} (${ours.gasUsed} total)` : `${gas}`, base ?? '', ratio, verdict]);
}

try {
  const admin = chain.accounts[0];
  const nodeInfo = await chain.rpc('anvil_nodeInfo');
  const collection = await chain.deploy(
    artifacts.Collection,
    ['string', 'string', 'address', 'address', 'uint96'],
    ['NFT Traders', 'NFTT', admin, admin, 500n],
  );
  const uriStorage = await chain.deploy(artifacts.OzUriStorageBaseline);
  const uriStorageRoyalty = await chain.deploy(artifacts.OzUriStorageRoyaltyBaseline);
  const oz = await chain.deploy(artifacts.OzErc721Baseline);

  // As the platform mints: every mint call names its creator (here the recipient) as royalty receiver.
  const ZERO = `0x${'00'.repeat(20)}`;
  const mint = (to, n) => collection.send('mint(address,bytes32,address,uint96)', [to, sha256(`token ${n}`), to, 500n]);
  const mintBatch = (to, count) =>
    collection.send('mintBatch(address,uint256,bytes32,address,uint96)', [to, BigInt(count), sha256(`dir ${to} ${count}`), to, 500n]);
  const mintDefaultRoyalty = (to, n) => collection.send('mint(address,bytes32,address,uint96)', [to, sha256(`token ${n}`), ZERO, 0n]);
  const nextId = () => collection.call('nextTokenId()', [], ['uint256']);
  const padSinglesUntil = async (lane) => {
    while ((await nextId()) % 10n !== BigInt(lane)) await mint(fresh(), 0);
  };

  // ---- OZ ERC721URIStorage single mint (the URI Collection would produce for the same digest) ----
  const uri = await (async () => {
    await mint(fresh(), 0); // token 1: the word/lane it lands in is irrelevant here, we only want its URI
    return collection.call('tokenURI(uint256)', [1n], ['string']);
  })();
  await uriStorage.send('mint(address,string)', [fresh(), uri]); // counter etc. already non-zero
  const ozMintFresh = await uriStorage.send('mint(address,string)', [fresh(), uri]);
  const royaltyMint = (to) => uriStorageRoyalty.send('mint(address,string,address,uint96)', [to, uri, to, 500n]);
  await royaltyMint(fresh());
  const ozRoyaltyMintFresh = await royaltyMint(fresh());
  const ozHolder = fresh();
  await uriStorage.send('mint(address,string)', [ozHolder, uri]);
  const ozMintExisting = await uriStorage.send('mint(address,string)', [ozHolder, uri]);

  // ---- Collection single mints ----
  await padSinglesUntil(3);
  const typicalMint = await mint(fresh(), 1);
  row('mint, fresh recipient, owner word already started (9 of 10 ids)', typicalMint, ozMintFresh, { ratio: 0.75 });
  row('  the same, against OZ URIStorage + ERC2981 per-token royalty', typicalMint, ozRoyaltyMintFresh, { ratio: 0.75 });
  await padSinglesUntil(3);
  row('  the same, on the default royalty (the mint call names no receiver)', await mintDefaultRoyalty(fresh(), 1), ozMintFresh, { ratio: 0.75 });
  await padSinglesUntil(0);
  const worstMint = await mint(fresh(), 2);
  row('mint, fresh recipient, id starts a new owner word (1 of 10 ids, worst case)', worstMint, ozMintFresh, { ratio: 0.75 });
  row('  the same, against OZ URIStorage + ERC2981 per-token royalty', worstMint, ozRoyaltyMintFresh, { ratio: 0.75 });
  const holder = fresh();
  await mint(holder, 3);
  await padSinglesUntil(5);
  row('mint, existing holder, owner word already started', await mint(holder, 4), ozMintExisting, { ratio: 0.75 });

  // ---- Collection batches ----
  await padSinglesUntil(4);
  row('mintBatch(100), fresh recipient, first word already started (typical: 10 fresh words + 1 rewrite)', await mintBatch(fresh(), 100), null, { perNft: 3500 }, 100n);
  await padSinglesUntil(0);
  row('mintBatch(100), fresh recipient, aligned (10 fresh words)', await mintBatch(fresh(), 100), null, { perNft: 3500 }, 100n);
  await padSinglesUntil(7);
  row('mintBatch(100), existing holder, first word already started', await mintBatch(holder, 100), null, { perNft: 3500 }, 100n);
  await padSinglesUntil(7);
  row('mintBatch(1000), fresh recipient', await mintBatch(fresh(), 1000), null, null, 1000n);
  {
    // Worst case for a batch: its first owner word is fresh as well (11 fresh words), which only happens to
    // the very first mint of a collection (ids start at 1, so word 0 and word 10 are both partial).
    const first = await chain.deploy(
      artifacts.Collection,
      ['string', 'string', 'address', 'address', 'uint96'],
      ['NFT Traders', 'NFTT', admin, admin, 500n],
    );
    const to = fresh();
    const receipt = await first.send('mintBatch(address,uint256,bytes32,address,uint96)', [to, 100n, sha256('first'), to, 500n]);
    row('mintBatch(100) as the first mint of a collection (11 fresh words, worst case)', receipt, null, { perNft: 3500 }, 100n);
  }

  // ---- First transfers of tokens deep in a batch vs OZ ERC721 in the same situation ----
  // Both senders hold 100 tokens; both "existing holders" already hold a token of the same contract.
  const seller = await funded();
  await padSinglesUntil(6);
  const firstId = await nextId();
  await mintBatch(seller, 100);
  const ozSeller = await funded();
  await oz.send('mintRange(address,uint256,uint256)', [ozSeller, 1n, 100n]);
  const buyer = fresh();
  await mint(buyer, 5);
  const ozBuyer = fresh();
  await oz.send('mintRange(address,uint256,uint256)', [ozBuyer, 1000n, 1n]);
  const transfer = (contract, from, to, id, sender = from) =>
    contract.send('transferFrom(address,address,uint256)', [from, to, id], sender);

  const deep = (offset) => firstId + BigInt(offset);
  const toFresh = fresh();
  row('transferFrom, token 57 of the batch, to a fresh address',
    await transfer(collection, seller, toFresh, deep(57)), await transfer(oz, ozSeller, fresh(), 58n), { ratio: 1.15 });
  row('transferFrom, token 58 of the batch, to an existing holder',
    await transfer(collection, seller, buyer, deep(58)), await transfer(oz, ozSeller, ozBuyer, 59n), { ratio: 1.15 });
  row('transferFrom, token 70 (first of its owner word), to an existing holder',
    await transfer(collection, seller, buyer, deep(70 - Number(firstId % 10n))), await transfer(oz, ozSeller, ozBuyer, 70n), { ratio: 1.15 });

  // A marketplace moving the token as the seller's operator (extra isApprovedForAll read on both sides).
  const market = await funded();
  await collection.send('setApprovalForAll(address,bool)', [market, true], seller);
  await oz.send('setApprovalForAll(address,bool)', [market, true], ozSeller);
  row('transferFrom by an approved operator, deep batch token, to a fresh address',
    await transfer(collection, seller, fresh(), deep(61), market), await transfer(oz, ozSeller, fresh(), 62n, market), { ratio: 1.15 });
  // A token approved to the buyer: the approval is cleared (non-zero -> zero) on both sides.
  await collection.send('approve(address,uint256)', [market, deep(62)], seller);
  await oz.send('approve(address,uint256)', [market, 63n], ozSeller);
  row('transferFrom by the approved address (approval cleared), to an existing holder',
    await transfer(collection, seller, buyer, deep(62), market), await transfer(oz, ozSeller, ozBuyer, 63n, market), { ratio: 1.15 });
  // The sender's last token: OZ zeroes its balance slot (refund), Collection keeps the holder entry.
  await chain.fund(toFresh);
  const ozSecond = await funded();
  await transfer(oz, ozSeller, ozSecond, 64n);
  row("transferFrom of the sender's last token (balance 1 -> 0), to an existing holder",
    await transfer(collection, toFresh, buyer, deep(57)), await transfer(oz, ozSecond, ozBuyer, 64n), { ratio: 1.15 });

  // ---- What a sale pays to look up a royalty: the Exchange calls royaltyInfo in every sale ----
  const lookups = [];
  const single = await nextId();
  await mint(fresh(), 6);
  await padSinglesUntil(7);
  const bigBatch = await nextId();
  await mintBatch(fresh(), 1000);
  for (const [what, id] of [['a single mint', single], ['the first token of a 1000-token batch', bigBatch],
    ['the last token of a 1000-token batch (3 owner words read)', bigBatch + 999n]]) {
    const data = `0x${encodeCall('royaltyInfo(uint256,uint256)', [id, 10n ** 18n]).slice(2)}`;
    lookups.push([what, BigInt(await chain.rpc('eth_estimateGas', [{ to: collection.address, data }])) - 21000n - BigInt(calldataGas(data))]);
  }

  console.log(`anvil ${await chain.rpc('web3_clientVersion')}, hardfork ${nodeInfo.hardFork}, ` +
    `${artifacts.Collection.compiler}, optimizer 200 runs, evmVersion cancun\n`);
  console.log('| Scenario | Collection gasUsed | OZ baseline gasUsed | Ratio | Target |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nOZ ERC721URIStorage mint URI (${uri.length} chars): ${uri}`);
  console.log('\n| royaltyInfo of | execution gas (estimate, without base and calldata) |\n|---|---:|');
  for (const [what, gas] of lookups) console.log(`| ${what} | ${gas} |`);

  console.log('\nWhere the gas goes (SSTORE/SLOAD include the 2,100 cold surcharge; refund is the SSTORE refund):\n');
  const columns = ['base', 'calldata', 'SSTORE', 'SLOAD', 'LOG', 'KECCAK256', 'other', 'refund'];
  console.log(`| Contract | Scenario | gasUsed | ${columns.join(' | ')} |`);
  console.log(`|---|---|---:|${columns.map(() => '---:').join('|')}|`);
  for (const [contract, scenario, receipt] of breakdowns) {
    const parts = await breakdown(receipt);
    console.log(`| ${contract} | ${scenario} | ${receipt.gasUsed} | ${columns.map((c) => parts[c]).join(' | ')} |`);
  }
} finally {
  await chain.stop();
}
