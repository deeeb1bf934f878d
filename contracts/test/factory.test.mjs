// Creators' own collections: EIP-1167 clones of Collection (ERC-721) and Editions (ERC-1155) made by the
// factory, owned by their creator, minting, and set up exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decode, topic } from './support/abi.mjs';
import { Contract, asTopic, compile, expectRevert, freshAddress, logsOf, startChain } from './support/chain.mjs';
import { CollectionClient, DEFAULT_ADMIN_ROLE, ZERO_ADDRESS, deployCollection, fileUri, sha256 } from './support/collection.mjs';
import { keccakHex } from './support/keccak.mjs';

const ERC721 = 0n;
const ERC1155 = 1n;
const MINTER_ROLE = keccakHex('MINTER_ROLE');
const CREATE = 'createCollection(uint8,string,string,address,uint96,bytes32,bytes32)';
const CREATED = 'CollectionCreated(address,address,uint8)';
const CONTRACT_METADATA = sha256('{"name":"Mine"}');
const CONTRACT_URI = fileUri(CONTRACT_METADATA);
const salt = (text) => sha256(text);
const ZERO_DIGEST = `0x${'00'.repeat(32)}`;

let chain;
let artifacts;
let factory;
before(async () => {
  artifacts = compile();
  chain = await startChain();
  const erc721 = await deployCollection(chain, artifacts.Collection, { admin: chain.accounts[0] });
  const erc1155 = await chain.deploy(artifacts.Editions);
  factory = await chain.deploy(artifacts.CollectionFactory, ['address', 'address'], [erc721.address, erc1155.address]);
});
after(async () => {
  await chain?.stop();
});

/** The creator's collection of `standard`, created through the factory; answers it and the creation receipt. */
async function create(creator, standard, { name = 'Mine', symbol = 'MINE', receiver = creator, bps = 750n, metadata = CONTRACT_METADATA, tag = 'a' } = {}) {
  const predicted = await factory.call('predictCollection(uint8,address,bytes32)', [standard, creator, salt(tag)], ['address']);
  const receipt = await factory.send(CREATE, [standard, name, symbol, receiver, bps, metadata, salt(tag)], creator);
  const [log] = logsOf(receipt, factory.address, CREATED);
  assert.deepEqual(log.topics, [topic(CREATED), asTopic(predicted), asTopic(creator)]);
  assert.deepEqual(decode(['uint8'], log.data), [standard]);
  return { collection: new Contract(chain, predicted, receipt), receipt };
}

describe('an ERC-721 collection of its own', () => {
  test('is a clone at the predicted address, administered by its creator alone, with its royalty and metadata', async () => {
    const creator = chain.accounts[2];
    const { collection } = await create(creator, ERC721, { name: 'Rivers', symbol: 'RIV', tag: '721' });
    const code = await chain.rpc('eth_getCode', [collection.address, 'latest']);
    assert.equal(code.length, 2 + 2 * 45, 'EIP-1167 runtime code is 45 bytes');
    assert.equal(await collection.call('name()', [], ['string']), 'Rivers');
    assert.equal(await collection.call('symbol()', [], ['string']), 'RIV');
    assert.equal(await collection.call('contractURI()', [], ['string']), CONTRACT_URI);
    for (const role of [DEFAULT_ADMIN_ROLE, MINTER_ROLE]) {
      assert.equal(await collection.call('hasRole(bytes32,address)', [role, creator], ['bool']), true);
      assert.equal(await collection.call('hasRole(bytes32,address)', [role, factory.address], ['bool']), false);
      assert.equal(await collection.call('hasRole(bytes32,address)', [role, chain.accounts[0]], ['bool']), false);
    }
    assert.deepEqual(await collection.call('royaltyInfo(uint256,uint256)', [1n, 10_000n], ['address', 'uint256']), [creator, 750n]);

    const c = new CollectionClient(collection, creator);
    await c.mint(chain.accounts[3], sha256('river 1'));
    assert.equal(await c.ownerOf(1n), chain.accounts[3]);
    assert.equal(await c.tokenURI(1n), fileUri(sha256('river 1')));
    const outsider = chain.accounts[4];
    await expectRevert(c.mint(outsider, sha256('x'), outsider), 'AccessControlUnauthorizedAccount(address,bytes32)', [outsider, MINTER_ROLE]);

    const updated = sha256('{"name":"Rivers, again"}');
    const receipt = await collection.send('setContractMetadata(bytes32)', [updated], creator);
    assert.equal(logsOf(receipt, collection.address, 'ContractURIUpdated()').length, 1);
    assert.equal(await collection.call('contractURI()', [], ['string']), fileUri(updated));
    await expectRevert(collection.send('setContractMetadata(bytes32)', [updated], outsider), 'AccessControlUnauthorizedAccount(address,bytes32)', [outsider, DEFAULT_ADMIN_ROLE]);
  });

  test('is set up once: neither a clone, nor the implementation, nor a collection deployed whole can be set up again', async () => {
    const creator = chain.accounts[2];
    const { collection } = await create(creator, ERC721, { tag: 'once' });
    const attacker = chain.accounts[5];
    const setUp = (target) => target.send('initialize(string,string,address,address,uint96,bytes32)', ['Mine', 'M', attacker, attacker, 0n, ZERO_DIGEST], attacker);
    await expectRevert(setUp(collection), 'CollectionAlreadySetUp()');
    await expectRevert(setUp(new Contract(chain, await factory.call('erc721Implementation()', [], ['address']))), 'CollectionAlreadySetUp()');
    const shared = await deployCollection(chain, artifacts.Collection);
    await expectRevert(setUp(shared.contract), 'CollectionAlreadySetUp()');
  });

  test('a salt makes one collection per creator; another creator with the same salt gets another address', async () => {
    const [alice, bob] = [chain.accounts[6], chain.accounts[7]];
    const first = await create(alice, ERC721, { tag: 'same' });
    await expectRevert(factory.send(CREATE, [ERC721, 'Again', 'A', alice, 0n, ZERO_DIGEST, salt('same')], alice), 'FailedDeployment()');
    const other = await create(bob, ERC721, { tag: 'same' });
    assert.notEqual(other.collection.address, first.collection.address);
  });
});

describe('an ERC-1155 collection of its own', () => {
  test('mints editions with a supply to its creator, who sells copies; each edition has its own metadata', async () => {
    const creator = chain.accounts[2];
    const { collection } = await create(creator, ERC1155, { name: 'Prints', symbol: 'PRT', receiver: freshAddress(1, 'studio'), bps: 500n, tag: '1155' });
    assert.equal(await collection.call('name()', [], ['string']), 'Prints');
    assert.equal(await collection.call('contractURI()', [], ['string']), CONTRACT_URI);
    for (const [id, supported] of [['0xd9b67a26', true], ['0x0e89341c', true], ['0x2a55205a', true], ['0x80ac58cd', false]]) {
      assert.equal(await collection.call('supportsInterface(bytes4)', [id], ['bool']), supported, id);
    }

    const receipt = await collection.send('mint(address,uint256,bytes32)', [creator, 25n, sha256('print 1')], creator);
    const single = 'TransferSingle(address,address,address,uint256,uint256)';
    const [log] = logsOf(receipt, collection.address, single);
    assert.deepEqual(log.topics, [topic(single), asTopic(creator), asTopic(ZERO_ADDRESS), asTopic(creator)]);
    assert.deepEqual(decode(['uint256', 'uint256'], log.data), [1n, 25n]);
    await collection.send('mint(address,uint256,bytes32)', [creator, 3n, sha256('print 2')], creator);
    assert.equal(await collection.call('uri(uint256)', [1n], ['string']), fileUri(sha256('print 1')));
    assert.equal(await collection.call('uri(uint256)', [2n], ['string']), fileUri(sha256('print 2')));
    assert.equal(await collection.call('uri(uint256)', [3n], ['string']), '');

    const collector = chain.accounts[8];
    await collection.send('safeTransferFrom(address,address,uint256,uint256,bytes)', [creator, collector, 1n, 4n, '0x'], creator);
    assert.equal(await collection.call('balanceOf(address,uint256)', [creator, 1n], ['uint256']), 21n);
    assert.equal(await collection.call('balanceOf(address,uint256)', [collector, 1n], ['uint256']), 4n);
    assert.deepEqual(await collection.call('royaltyInfo(uint256,uint256)', [1n, 10_000n], ['address', 'uint256']), [freshAddress(1, 'studio'), 500n]);
  });

  test('mints only by its minters, never an empty edition or one without metadata; its implementation is never set up', async () => {
    const creator = chain.accounts[2];
    const { collection } = await create(creator, ERC1155, { tag: 'refusals' });
    const outsider = chain.accounts[4];
    await expectRevert(collection.send('mint(address,uint256,bytes32)', [outsider, 1n, sha256('x')], outsider),
      'AccessControlUnauthorizedAccount(address,bytes32)', [outsider, MINTER_ROLE]);
    await expectRevert(collection.send('mint(address,uint256,bytes32)', [creator, 0n, sha256('x')], creator), 'EditionsZeroAmount()');
    await expectRevert(collection.send('mint(address,uint256,bytes32)', [creator, 1n, `0x${'00'.repeat(32)}`], creator), 'EditionsZeroDigest()');
    const implementation = new Contract(chain, await factory.call('erc1155Implementation()', [], ['address']));
    await expectRevert(implementation.send('initialize(string,string,address,address,uint96,bytes32)', ['X', 'X', outsider, outsider, 0n, ZERO_DIGEST], outsider),
      'EditionsAlreadySetUp()');
    // a creator may leave the collection without metadata
    const { collection: bare } = await create(creator, ERC1155, { metadata: ZERO_DIGEST, tag: 'bare' });
    assert.equal(await bare.call('contractURI()', [], ['string']), '');
  });
});
