// Gas of creators' own collections, against baselines compiled in the same solc run:
// - creating a collection as an EIP-1167 clone (CollectionFactory) vs deploying the whole contract;
// - Editions (ERC-1155) mint and transfers vs OpenZeppelin ERC1155.
//   cd contracts && node gas/collections.mjs [--hardfork <name>]
import crypto from 'node:crypto';
import { encodeCall } from '../test/support/abi.mjs';
import { compile, startChain } from '../test/support/chain.mjs';
import { addressSource, anvilArguments } from './support.mjs';

const artifacts = compile('gas');
const chain = await startChain(anvilArguments(process.argv)); // with opcode steps, for the proxy's share
const { fresh, funded } = addressSource(chain, 'collections-gas');
const sha256 = (text) => `0x${crypto.createHash('sha256').update(text).digest('hex')}`;
const CONTRACT_METADATA = sha256('{"name":"Rivers and Roads"}');

const rows = [];
function row(scenario, ours, baseline, maxRatio, proxy = '') {
  const ratio = Number(ours) / Number(baseline);
  rows.push([scenario, ours, baseline, ratio.toFixed(3), `<= ${maxRatio.toFixed(2)}x: ${ratio <= maxRatio ? 'met' : 'NOT MET'}`, proxy]);
}

/**
 * Gas a call to an EIP-1167 clone spends in the clone itself, outside the implementation's code: the proxy's
 * opcodes and its DELEGATECALL (2,600 for the implementation's cold account, then 100 when warm).
 */
async function proxyOverhead(receipt) {
  const { structLogs } = await chain.rpc('debug_traceTransaction', [receipt.transactionHash, { disableStorage: true, disableMemory: true, disableStack: true }]);
  const call = structLogs.findIndex((step) => step.depth === 1 && step.op === 'DELEGATECALL');
  const back = structLogs.findIndex((step, i) => i > call && step.depth === 1);
  const forwarded = structLogs[call + 1].gas;
  const returned = structLogs[back].gas - (structLogs[call].gas - structLogs[call].gasCost);
  const last = structLogs[structLogs.length - 1];
  const atDepthOne = structLogs[0].gas - (last.gas - last.gasCost);
  return atDepthOne - (forwarded - returned);
}

try {
  const admin = chain.accounts[0];
  const CTOR = ['string', 'string', 'address', 'address', 'uint96'];
  const erc721Implementation = await chain.deploy(artifacts.Collection, CTOR, ['implementation', 'IMPL', admin, admin, 0n]);
  const erc1155Implementation = await chain.deploy(artifacts.Editions);
  const factory = await chain.deploy(artifacts.CollectionFactory, ['address', 'address'], [erc721Implementation.address, erc1155Implementation.address]);
  const create = async (standard, creator, tag) => factory.send('createCollection(uint8,string,string,address,uint96,bytes32,bytes32)',
    [standard, 'Rivers and Roads', 'RIVR', creator, 750n, CONTRACT_METADATA, sha256(tag)], creator);

  // ---- A collection of one's own: the whole contract vs a clone, both set up alike ----
  const creator = await funded();
  const whole = await chain.deploy(artifacts.Collection, CTOR, ['Rivers and Roads', 'RIVR', creator, creator, 750n], creator);
  const wholeUri = await whole.send('setContractMetadata(bytes32)', [CONTRACT_METADATA], creator);
  const wholeGas = whole.deployReceipt.gasUsed + wholeUri.gasUsed;
  const clone721 = await create(0n, creator, 'erc721');
  row('ERC-721 collection: clone + setup vs deploying Collection whole (+ its contract metadata)', clone721.gasUsed, wholeGas, 0.15);
  const clone1155 = await create(1n, creator, 'erc1155');
  row('ERC-1155 collection: clone + setup vs deploying Editions code alone (no setup: a lower bound)',
    clone1155.gasUsed, erc1155Implementation.deployReceipt.gasUsed, 0.15);

  // ---- Editions vs OZ ERC1155 ----
  const editions = { address: '0x' + clone1155.logs[clone1155.logs.length - 1].topics[1].slice(26) };
  const edition = (signature, args, from = creator) => chain.send({ from, to: editions.address, data: encodeCall(signature, args) });
  const uriStorage = await chain.deploy(artifacts.OzErc1155UriStorageBaseline, [], [], creator);
  const oz = await chain.deploy(artifacts.OzErc1155Baseline);
  const uri = (n) => `ipfs://bafkrei${'a'.repeat(52)}${n}`.slice(0, 66);
  // first mints of both set their counters (and Editions' other first-time slots) outside the measurement
  await edition('mint(address,uint256,bytes32)', [creator, 10n, sha256('edition 0')]);
  await uriStorage.send('mint(address,uint256,string)', [creator, 10n, uri(0)], creator);
  const minted = await edition('mint(address,uint256,bytes32)', [creator, 100n, sha256('edition 1')]);
  row('mint an edition of 100 (new id) to its creator', minted.gasUsed,
    (await uriStorage.send('mint(address,uint256,string)', [creator, 100n, uri(1)], creator)).gasUsed, 1.0, await proxyOverhead(minted));

  await oz.send('mint(address,uint256,uint256)', [creator, 2n, 100n], creator);
  const transfer = (to, amount, fromOz) => fromOz
    ? oz.send('safeTransferFrom(address,address,uint256,uint256,bytes)', [creator, to, 2n, amount, '0x'], creator)
    : edition('safeTransferFrom(address,address,uint256,uint256,bytes)', [creator, to, 2n, amount, '0x']);
  const [collector, ozCollector] = [fresh(), fresh()];
  for (const scenario of ['safeTransferFrom 1 copy to a new holder', 'safeTransferFrom 1 copy to a holder of the edition']) {
    const ours = await transfer(collector, 1n, false);
    row(scenario, ours.gasUsed, (await transfer(ozCollector, 1n, true)).gasUsed, 1.0, await proxyOverhead(ours));
  }

  console.log(`anvil ${await chain.rpc('web3_clientVersion')}, ${artifacts.Collection.compiler}, optimizer 200 runs, evmVersion cancun\n`);
  console.log('| Scenario | ours gasUsed | baseline gasUsed | Ratio | Target | of which the clone\'s proxy |');
  console.log('|---|---:|---:|---:|---|---:|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} finally {
  await chain.stop();
}
