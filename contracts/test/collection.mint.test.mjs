// Minting, token URIs, metadata updates, roles, royalties and ERC-165 of Collection.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { decode, topic } from './support/abi.mjs';
import { asTopic, compile, expectRevert, freshAddress, logsOf, startChain } from './support/chain.mjs';
import {
  DEFAULT_ADMIN_ROLE,
  ZERO_ADDRESS,
  batchUri,
  cidV1,
  deployCollection,
  fileUri,
  sha256,
} from './support/collection.mjs';
import { keccakHex } from './support/keccak.mjs';

const MINTER_ROLE = keccakHex('MINTER_ROLE');
const TRANSFER = 'Transfer(address,address,uint256)';
const CONSECUTIVE = 'ConsecutiveTransfer(uint256,uint256,address,address)';
const randomDigest = () => `0x${crypto.randomBytes(32).toString('hex')}`;

let chain;
let artifacts;
before(async () => {
  artifacts = compile();
  chain = await startChain();
});
after(async () => {
  await chain?.stop();
});

describe('test support', () => {
  test('keccak256 matches known vectors', () => {
    assert.equal(keccakHex(''), '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    assert.equal(keccakHex('abc'), '0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
    assert.equal(keccakHex('a'.repeat(200)).length, 66); // more than one 136-byte block
  });

  test('reference CID encoder matches known CIDs', () => {
    assert.equal(cidV1(0x55, sha256('')), 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku');
    assert.equal(cidV1(0x55, sha256('hello world')), 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e');
    // the empty UnixFS directory (dag-pb node 0a 02 08 01)
    assert.equal(cidV1(0x70, sha256(Buffer.from([0x0a, 0x02, 0x08, 0x01]))), 'bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354');
  });
});

describe('deployment', () => {
  test('name, symbol, roles, counters', async () => {
    const admin = chain.accounts[1];
    const c = await deployCollection(chain, artifacts.Collection, { admin });
    assert.equal(await c.call('name()', [], ['string']), 'NFT Traders');
    assert.equal(await c.call('symbol()', [], ['string']), 'NFTT');
    assert.equal(await c.call('MINTER_ROLE()', [], ['bytes32']), MINTER_ROLE);
    assert.equal(await c.call('hasRole(bytes32,address)', [DEFAULT_ADMIN_ROLE, admin], ['bool']), true);
    assert.equal(await c.call('hasRole(bytes32,address)', [MINTER_ROLE, admin], ['bool']), true);
    assert.equal(await c.call('hasRole(bytes32,address)', [MINTER_ROLE, chain.accounts[0]], ['bool']), false);
    assert.equal(await c.nextTokenId(), 1n);
    assert.equal(await c.totalSupply(), 0n);
  });
});

describe('mint', () => {
  test('mints sequential ids from 1 with a raw CIDv1 URI and a Transfer event', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const to = freshAddress(1, 'mint');
    const digest = sha256('');
    assert.equal(await c.call('mint(address,bytes32,address,uint96)', [to, digest, ZERO_ADDRESS, 0n], ['uint256'], c.admin), 1n);
    const receipt = await c.mint(to, digest);
    assert.deepEqual(logsOf(receipt, c.address, TRANSFER).map((l) => l.topics), [
      [topic(TRANSFER), asTopic(ZERO_ADDRESS), asTopic(to), asTopic(1n)],
    ]);
    assert.equal(await c.tokenURI(1n), 'ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku');
    assert.equal(await c.ownerOf(1n), to);
    assert.equal(await c.balanceOf(to), 1n);

    const digests = [];
    for (let i = 0; i < 12; i++) {
      digests.push(randomDigest());
      await c.mint(to, digests[i]);
    }
    for (let i = 0; i < 12; i++) assert.equal(await c.tokenURI(BigInt(i + 2)), fileUri(digests[i]));
    assert.equal(await c.nextTokenId(), 14n);
    assert.equal(await c.totalSupply(), 13n);
    assert.equal(await c.balanceOf(to), 13n);
  });

  test('rejects the zero address, a zero digest and callers without MINTER_ROLE', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    await expectRevert(c.mint(ZERO_ADDRESS, sha256('x')), 'ERC721InvalidReceiver(address)', [ZERO_ADDRESS]);
    await expectRevert(c.mint(chain.accounts[2], `0x${'00'.repeat(32)}`), 'CollectionZeroDigest()');
    const outsider = chain.accounts[3];
    await expectRevert(c.mint(outsider, sha256('x'), outsider), 'AccessControlUnauthorizedAccount(address,bytes32)', [outsider, MINTER_ROLE]);
    await expectRevert(c.mintBatch(outsider, 5, sha256('x'), outsider), 'AccessControlUnauthorizedAccount(address,bytes32)', [outsider, MINTER_ROLE]);
    assert.equal(await c.nextTokenId(), 1n);
  });

  test('MINTER_ROLE can be granted and revoked by the admin only', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const minter = chain.accounts[4];
    await expectRevert(
      c.send('grantRole(bytes32,address)', [MINTER_ROLE, minter], minter),
      'AccessControlUnauthorizedAccount(address,bytes32)',
      [minter, DEFAULT_ADMIN_ROLE],
    );
    await c.send('grantRole(bytes32,address)', [MINTER_ROLE, minter]);
    await c.mint(minter, sha256('by minter'), minter);
    await c.mintBatch(minter, 3, sha256('dir by minter'), minter);
    assert.equal(await c.balanceOf(minter), 4n);
    await c.send('revokeRole(bytes32,address)', [MINTER_ROLE, minter]);
    await expectRevert(c.mint(minter, sha256('again'), minter), 'AccessControlUnauthorizedAccount(address,bytes32)', [minter, MINTER_ROLE]);
  });
});

describe('mintBatch', () => {
  test('assigns consecutive ids, emits one ConsecutiveTransfer and directory URIs', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const to = freshAddress(1, 'batch');
    await c.mint(to, sha256('single')); // id 1, so the batch starts mid-word
    const dir = sha256(Buffer.from([0x0a, 0x02, 0x08, 0x01]));
    assert.equal(await c.call('mintBatch(address,uint256,bytes32,address,uint96)', [to, 25n, dir, ZERO_ADDRESS, 0n], ['uint256'], c.admin), 2n);
    const receipt = await c.mintBatch(to, 25, dir);
    assert.equal(logsOf(receipt, c.address, TRANSFER).length, 0);
    const [log] = logsOf(receipt, c.address, CONSECUTIVE);
    assert.deepEqual(log.topics, [topic(CONSECUTIVE), asTopic(2n), asTopic(ZERO_ADDRESS), asTopic(to)]);
    assert.deepEqual(decode(['uint256'], log.data), [26n]);

    assert.equal(await c.tokenURI(2n), 'ipfs://bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354/0');
    for (let id = 2n; id <= 26n; id++) {
      assert.equal(await c.tokenURI(id), batchUri(dir, id - 2n));
      assert.equal(await c.ownerOf(id), to);
    }
    assert.equal(await c.tokenURI(1n), fileUri(sha256('single')));
    assert.equal(await c.balanceOf(to), 26n);
    assert.equal(await c.nextTokenId(), 27n);
    assert.equal(await c.totalSupply(), 26n);
    await expectRevert(c.ownerOf(27n), 'ERC721NonexistentToken(uint256)', [27n]);
    await expectRevert(c.tokenURI(27n), 'ERC721NonexistentToken(uint256)', [27n]);
  });

  test('interleaved singles and batches of every alignment keep each URI', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const expected = new Map(); // tokenId -> uri
    let next = 1n;
    const sizes = [1, 9, 10, 11, 3, 20, 1, 7, 30, 2];
    for (const [i, size] of sizes.entries()) {
      const to = freshAddress(i % 3, 'interleaved');
      const single = sha256(`single ${i}`);
      await c.mint(to, single);
      expected.set(next++, fileUri(single));
      const dir = randomDigest();
      await c.mintBatch(to, size, dir);
      for (let k = 0; k < size; k++) expected.set(next++, batchUri(dir, k));
    }
    assert.equal(await c.nextTokenId(), next);
    for (const [id, uri] of expected) assert.equal(await c.tokenURI(id), uri, `token ${id}`);
  });

  test('accepts 1 and 1000 tokens, rejects 0 and 1001, zero address and zero digest', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const to = chain.accounts[5];
    await expectRevert(c.mintBatch(to, 0, sha256('d')), 'CollectionInvalidBatchSize(uint256)', [0n]);
    await expectRevert(c.mintBatch(to, 1001, sha256('d')), 'CollectionInvalidBatchSize(uint256)', [1001n]);
    await expectRevert(c.mintBatch(ZERO_ADDRESS, 3, sha256('d')), 'ERC721InvalidReceiver(address)', [ZERO_ADDRESS]);
    await expectRevert(c.mintBatch(to, 3, `0x${'00'.repeat(32)}`), 'CollectionZeroDigest()');

    const one = sha256('one');
    const receipt = await c.mintBatch(to, 1, one);
    assert.deepEqual(decode(['uint256'], logsOf(receipt, c.address, CONSECUTIVE)[0].data), [1n]);
    assert.equal(await c.tokenURI(1n), batchUri(one, 0)); // a batch of one is still a directory

    const big = sha256('big');
    await c.mintBatch(to, 1000, big);
    // the last token is 100 owner words away from its batch start
    for (const id of [2n, 3n, 10n, 11n, 500n, 999n, 1000n, 1001n]) assert.equal(await c.tokenURI(id), batchUri(big, id - 2n));
    await expectRevert(c.ownerOf(1002n), 'ERC721NonexistentToken(uint256)', [1002n]);
    assert.equal(await c.balanceOf(to), 1001n);
    assert.equal(await c.totalSupply(), 1001n);
  });
});

describe('metadata and token URIs', () => {
  test('tokenURI reverts for token 0 and for ids never minted', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    await c.mint(chain.accounts[0], sha256('a'));
    for (const id of [0n, 2n, 10n, 2n ** 200n]) {
      await expectRevert(c.tokenURI(id), 'ERC721NonexistentToken(uint256)', [id]);
      await expectRevert(c.ownerOf(id), 'ERC721NonexistentToken(uint256)', [id]);
    }
  });

  test('setTokenMetadata overrides one token, emits MetadataUpdate, admin only', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const to = chain.accounts[6];
    const dir = sha256('dir');
    await c.mintBatch(to, 15, dir);
    await c.mint(to, sha256('single'));
    const replacement = sha256('replacement');
    const receipt = await c.send('setTokenMetadata(uint256,bytes32)', [7n, replacement]);
    const [log] = logsOf(receipt, c.address, 'MetadataUpdate(uint256)');
    assert.deepEqual(decode(['uint256'], log.data), [7n]);
    assert.equal(await c.tokenURI(7n), fileUri(replacement));
    assert.equal(await c.tokenURI(6n), batchUri(dir, 5));
    assert.equal(await c.tokenURI(8n), batchUri(dir, 7));
    await c.send('setTokenMetadata(uint256,bytes32)', [16n, replacement]);
    assert.equal(await c.tokenURI(16n), fileUri(replacement));
    // the batch start itself
    await c.send('setTokenMetadata(uint256,bytes32)', [1n, sha256('first')]);
    assert.equal(await c.tokenURI(1n), fileUri(sha256('first')));
    assert.equal(await c.tokenURI(2n), batchUri(dir, 1));

    const outsider = chain.accounts[7];
    await expectRevert(
      c.send('setTokenMetadata(uint256,bytes32)', [2n, replacement], outsider),
      'AccessControlUnauthorizedAccount(address,bytes32)',
      [outsider, DEFAULT_ADMIN_ROLE],
    );
    await expectRevert(c.send('setTokenMetadata(uint256,bytes32)', [17n, replacement]), 'ERC721NonexistentToken(uint256)', [17n]);
    await expectRevert(c.send('setTokenMetadata(uint256,bytes32)', [2n, `0x${'00'.repeat(32)}`]), 'CollectionZeroDigest()');
  });

  test('base32 of many random digests matches the reference encoder', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const digests = [`0x${'ff'.repeat(32)}`, `0x${'00'.repeat(31)}01`, ...Array.from({ length: 10 }, randomDigest)];
    for (const d of digests) {
      await c.mint(chain.accounts[0], d);
      await c.mintBatch(chain.accounts[0], 1, d);
    }
    for (const [i, d] of digests.entries()) {
      assert.equal(await c.tokenURI(BigInt(2 * i + 1)), fileUri(d));
      assert.equal(await c.tokenURI(BigInt(2 * i + 2)), batchUri(d, 0));
    }
  });
});

describe('royalties', () => {
  test('default royalty from the constructor for mint calls that name no receiver, updatable by the admin only', async () => {
    const receiver = freshAddress(1, 'royalty');
    const c = await deployCollection(chain, artifacts.Collection, { royaltyReceiver: receiver, bps: 750n });
    await c.mint(chain.accounts[0], sha256('r'));
    assert.deepEqual(await c.call('royaltyInfo(uint256,uint256)', [1n, 10_000n], ['address', 'uint256']), [receiver, 750n]);
    assert.deepEqual(await c.call('royaltyInfo(uint256,uint256)', [1n, 1_000_000n], ['address', 'uint256']), [receiver, 75_000n]);

    const other = freshAddress(2, 'royalty');
    await c.send('setDefaultRoyalty(address,uint96)', [other, 250n]);
    assert.deepEqual(await c.call('royaltyInfo(uint256,uint256)', [1n, 10_000n], ['address', 'uint256']), [other, 250n]);
    await expectRevert(c.send('setDefaultRoyalty(address,uint96)', [other, 10_001n]), 'ERC2981InvalidDefaultRoyalty(uint256,uint256)', [10_001n, 10_000n]);
    await expectRevert(c.send('setDefaultRoyalty(address,uint96)', [ZERO_ADDRESS, 100n]), 'ERC2981InvalidDefaultRoyaltyReceiver(address)', [ZERO_ADDRESS]);
    const outsider = chain.accounts[8];
    await expectRevert(
      c.send('setDefaultRoyalty(address,uint96)', [outsider, 100n], outsider),
      'AccessControlUnauthorizedAccount(address,bytes32)',
      [outsider, DEFAULT_ADMIN_ROLE],
    );
  });

  test("a mint call's royalty applies to each of its tokens and to nothing else, after transfers and burns too", async () => {
    const platform = freshAddress(1, 'platform');
    const [alice, bob] = [freshAddress(1, 'alice'), freshAddress(1, 'bob')];
    const c = await deployCollection(chain, artifacts.Collection, { royaltyReceiver: platform, bps: 500n });
    const holder = chain.accounts[3];
    await c.mint(holder, sha256('alice 1'), c.admin, { receiver: alice, bps: 1000n }); // 1
    await c.mint(holder, sha256('default'));                                           // 2
    await c.mintBatch(holder, 1000, sha256('bob drop'), c.admin, { receiver: bob, bps: 250n }); // 3 .. 1002
    await c.mint(holder, sha256('alice 2'), c.admin, { receiver: alice, bps: 0n });     // 1003: no royalty, by choice

    assert.deepEqual(await c.royaltyInfo(1, 10_000), [alice, 1000n]);
    assert.deepEqual(await c.royaltyInfo(2, 10_000), [platform, 500n]);
    for (const id of [3, 4, 12, 13, 500, 632, 633, 634, 999, 1000, 1001, 1002]) {
      assert.deepEqual(await c.royaltyInfo(id, 10_000), [bob, 250n], `token ${id}`);
      assert.equal(await c.tokenURI(id), batchUri(sha256('bob drop'), id - 3), `token ${id}`);
    }
    assert.deepEqual(await c.royaltyInfo(1003, 10_000), [alice, 0n]);
    // never minted: the default, as OpenZeppelin answers for any id
    assert.deepEqual(await c.royaltyInfo(0, 10_000), [platform, 500n]);
    assert.deepEqual(await c.royaltyInfo(1004, 10_000), [platform, 500n]);

    await c.transferFrom(holder, freshAddress(2, 'buyer'), 700n);
    await c.burn(701n, holder);
    assert.deepEqual(await c.royaltyInfo(700, 1_000_000), [bob, 25_000n]);
    assert.deepEqual(await c.royaltyInfo(701, 1_000_000), [bob, 25_000n]);
  });

  test('a mint refuses a rate above 100% and a rate without a receiver', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const to = chain.accounts[3];
    await expectRevert(c.mint(to, sha256('x'), c.admin, { receiver: to, bps: 10_001n }),
      'ERC2981InvalidTokenRoyalty(uint256,uint256,uint256)', [1n, 10_001n, 10_000n]);
    await expectRevert(c.mintBatch(to, 2, sha256('x'), c.admin, { receiver: ZERO_ADDRESS, bps: 1n }),
      'ERC2981InvalidTokenRoyaltyReceiver(uint256,address)', [1n, ZERO_ADDRESS]);
    assert.equal(await c.nextTokenId(), 1n);
  });

  test('the admin sets the royalties of earlier mint calls, by their first tokens only', async () => {
    const platform = freshAddress(3, 'platform');
    const [alice, bob] = [freshAddress(3, 'alice'), freshAddress(3, 'bob')];
    const c = await deployCollection(chain, artifacts.Collection, { royaltyReceiver: platform, bps: 500n });
    const holder = chain.accounts[3];
    await c.mint(holder, sha256('a'));                 // 1
    await c.mintBatch(holder, 30, sha256('b'));        // 2 .. 31
    await c.mint(holder, sha256('c'), c.admin, { receiver: alice, bps: 300n }); // 32

    const set = (ids, receivers, bps, from) =>
      c.send('setMintRoyalties(uint256[],address[],uint96[])', [ids.map(BigInt), receivers, bps.map(BigInt)], from);
    const receipt = await set([1, 2, 32], [alice, bob, ZERO_ADDRESS], [700, 800, 0]);
    const event = 'MintRoyaltySet(uint256,address,uint96)';
    assert.deepEqual(logsOf(receipt, c.address, event).map((l) => decode(['address', 'uint96'], l.data)),
      [[alice, 700n], [bob, 800n], [ZERO_ADDRESS, 0n]]);
    assert.deepEqual(await c.royaltyInfo(1, 10_000), [alice, 700n]);
    assert.deepEqual(await c.royaltyInfo(31, 10_000), [bob, 800n]);
    assert.deepEqual(await c.royaltyInfo(32, 10_000), [platform, 500n]); // back to the default

    await expectRevert(set([3], [bob], [800]), 'CollectionNotMintStart(uint256)', [3n]);
    await expectRevert(set([33], [bob], [800]), 'CollectionNotMintStart(uint256)', [33n]);
    await expectRevert(set([1, 2], [bob], [800, 800]), 'CollectionRoyaltyArityMismatch()');
    const outsider = chain.accounts[8];
    await expectRevert(set([1], [outsider], [800], outsider), 'AccessControlUnauthorizedAccount(address,bytes32)', [outsider, DEFAULT_ADMIN_ROLE]);
    assert.deepEqual(await c.royaltyInfo(2, 10_000), [bob, 800n]);
  });

  test('constructor rejects an invalid royalty', async () => {
    await expectRevert(
      deployCollection(chain, artifacts.Collection, { bps: 10_001n }),
      'ERC2981InvalidDefaultRoyalty(uint256,uint256)',
      [10_001n, 10_000n],
    );
  });
});

describe('ERC-165', () => {
  test('supportsInterface', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const supports = (id) => c.call('supportsInterface(bytes4)', [id], ['bool']);
    const expected = {
      '0x01ffc9a7': true, // ERC-165
      '0x80ac58cd': true, // ERC-721
      '0x5b5e139f': true, // ERC-721 Metadata
      '0x2a55205a': true, // ERC-2981
      '0x49064906': true, // ERC-4906
      '0x7965db0b': true, // AccessControl
      '0x780e9d63': false, // ERC-721 Enumerable
      '0xffffffff': false,
    };
    for (const [id, supported] of Object.entries(expected)) assert.equal(await supports(id), supported, id);
  });
});
