// Ownership, balances, transfers (deep inside batches and across owner-word boundaries), approvals,
// safeTransferFrom receiver checks, burning and the holder hash table of Collection.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decode, encode, topic } from './support/abi.mjs';
import { asTopic, compile, expectRevert, freshAddress, logsOf, startChain } from './support/chain.mjs';
import { ZERO_ADDRESS, batchUri, deployCollection, fileUri, sha256 } from './support/collection.mjs';
import { keccak256 } from './support/keccak.mjs';

const TRANSFER = 'Transfer(address,address,uint256)';
const APPROVAL = 'Approval(address,address,uint256)';
const APPROVAL_FOR_ALL = 'ApprovalForAll(address,address,bool)';

let chain;
let artifacts;
let fresh; // fresh(): a new, funded address (auto-impersonated by anvil, so it can send transactions)
before(async () => {
  artifacts = compile('test/contracts');
  chain = await startChain();
  let n = 0;
  fresh = async () => {
    const address = freshAddress(n++, 'transfer');
    await chain.fund(address);
    return address;
  };
});
after(async () => {
  await chain?.stop();
});

/** Asserts ownerOf for every id in `owners` (null = nonexistent) and balanceOf for every owner seen. */
async function assertOwners(c, owners, extraAddresses = []) {
  const balances = new Map(extraAddresses.map((a) => [a, 0n]));
  for (const [id, owner] of owners) {
    if (owner === null) {
      await expectRevert(c.ownerOf(id), 'ERC721NonexistentToken(uint256)', [BigInt(id)]);
    } else {
      assert.equal(await c.ownerOf(id), owner, `owner of ${id}`);
      balances.set(owner, (balances.get(owner) ?? 0n) + 1n);
    }
  }
  for (const [address, balance] of balances) assert.equal(await c.balanceOf(address), balance, `balance of ${address}`);
}

describe('transfers', () => {
  test('deep inside a batch and across owner-word boundaries', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const [seller, a, b] = [await fresh(), await fresh(), await fresh()];
    await c.mint(a, sha256('single')); // id 1
    await c.mintBatch(seller, 25, sha256('dir')); // ids 2..26 = owner words 0 (2..9), 1 (10..19), 2 (20..26)
    const owners = new Map([[1, a]]);
    for (let id = 2; id <= 26; id++) owners.set(id, seller);

    for (const [id, to] of [[9, a], [10, b], [19, a], [20, b], [26, a], [15, b]]) {
      const receipt = await c.transferFrom(seller, to, id);
      assert.deepEqual(logsOf(receipt, c.address, TRANSFER).map((l) => l.topics), [
        [topic(TRANSFER), asTopic(seller), asTopic(to), asTopic(BigInt(id))],
      ]);
      owners.set(id, to);
      await assertOwners(c, owners);
    }
    // onwards transfers between the new holders, and back to the seller
    for (const [id, from, to] of [[10, b, a], [9, a, b], [26, a, seller], [20, b, seller]]) {
      await c.transferFrom(from, to, id);
      owners.set(id, to);
    }
    await assertOwners(c, owners);
    // transfers never change URIs
    assert.equal(await c.tokenURI(1n), fileUri(sha256('single')));
    for (const id of [2n, 9n, 10n, 19n, 20n, 26n]) assert.equal(await c.tokenURI(id), batchUri(sha256('dir'), id - 2n));
  });

  test('self-transfer keeps the balance', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const holder = await fresh();
    await c.mintBatch(holder, 3, sha256('d'));
    await c.transferFrom(holder, holder, 2);
    assert.equal(await c.ownerOf(2n), holder);
    assert.equal(await c.balanceOf(holder), 3n);
  });

  test('reverts like OpenZeppelin ERC721', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const [holder, other] = [await fresh(), await fresh()];
    await c.mintBatch(holder, 5, sha256('d'));
    await expectRevert(c.transferFrom(holder, ZERO_ADDRESS, 3), 'ERC721InvalidReceiver(address)', [ZERO_ADDRESS]);
    await expectRevert(c.transferFrom(other, other, 3, holder), 'ERC721IncorrectOwner(address,uint256,address)', [other, 3n, holder]);
    await expectRevert(c.transferFrom(holder, other, 3, other), 'ERC721InsufficientApproval(address,uint256)', [other, 3n]);
    await expectRevert(c.transferFrom(holder, other, 6, holder), 'ERC721NonexistentToken(uint256)', [6n]);
    await expectRevert(c.transferFrom(holder, other, 0, holder), 'ERC721NonexistentToken(uint256)', [0n]);
    await expectRevert(c.balanceOf(ZERO_ADDRESS), 'ERC721InvalidOwner(address)', [ZERO_ADDRESS]);
    assert.equal(await c.balanceOf(other), 0n);
  });
});

describe('approvals', () => {
  test('approve, transfer by the approved address, approval cleared on transfer', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const [holder, spender, buyer] = [await fresh(), await fresh(), await fresh()];
    await c.mintBatch(holder, 12, sha256('d'));
    assert.equal(await c.getApproved(11n), ZERO_ADDRESS);
    const receipt = await c.approve(spender, 11, holder);
    assert.deepEqual(logsOf(receipt, c.address, APPROVAL).map((l) => l.topics), [
      [topic(APPROVAL), asTopic(holder), asTopic(spender), asTopic(11n)],
    ]);
    assert.equal(await c.getApproved(11n), spender);
    // the approval is for token 11 only
    await expectRevert(c.transferFrom(holder, buyer, 10, spender), 'ERC721InsufficientApproval(address,uint256)', [spender, 10n]);
    const transfer = await c.transferFrom(holder, buyer, 11, spender);
    assert.equal(logsOf(transfer, c.address, APPROVAL).length, 0); // cleared silently, as in OZ
    assert.equal(await c.getApproved(11n), ZERO_ADDRESS);
    assert.equal(await c.ownerOf(11n), buyer);
    await expectRevert(c.transferFrom(buyer, holder, 11, spender), 'ERC721InsufficientApproval(address,uint256)', [spender, 11n]);
    // an approval that was never used is also cleared when the owner transfers
    await c.approve(spender, 3, holder);
    await c.transferFrom(holder, buyer, 3);
    assert.equal(await c.getApproved(3n), ZERO_ADDRESS);
  });

  test('approve is restricted to the owner and its operators', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const [holder, operator, stranger, target] = [await fresh(), await fresh(), await fresh(), await fresh()];
    await c.mintBatch(holder, 3, sha256('d'));
    await expectRevert(c.approve(target, 2, stranger), 'ERC721InvalidApprover(address)', [stranger]);
    await expectRevert(c.approve(target, 9, holder), 'ERC721NonexistentToken(uint256)', [9n]);
    await expectRevert(c.getApproved(9n), 'ERC721NonexistentToken(uint256)', [9n]);
    await c.send('setApprovalForAll(address,bool)', [operator, true], holder);
    const receipt = await c.approve(target, 2, operator);
    // Approval names the owner, not the operator
    assert.deepEqual(logsOf(receipt, c.address, APPROVAL)[0].topics, [topic(APPROVAL), asTopic(holder), asTopic(target), asTopic(2n)]);
    assert.equal(await c.getApproved(2n), target);
  });

  test('operators: setApprovalForAll, transfer, revoke', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const [holder, operator, buyer] = [await fresh(), await fresh(), await fresh()];
    await c.mintBatch(holder, 30, sha256('d'));
    const receipt = await c.send('setApprovalForAll(address,bool)', [operator, true], holder);
    const [log] = logsOf(receipt, c.address, APPROVAL_FOR_ALL);
    assert.deepEqual(log.topics, [topic(APPROVAL_FOR_ALL), asTopic(holder), asTopic(operator)]);
    assert.deepEqual(decode(['bool'], log.data), [true]);
    assert.equal(await c.call('isApprovedForAll(address,address)', [holder, operator], ['bool']), true);
    await c.transferFrom(holder, buyer, 21, operator);
    await c.transferFrom(holder, buyer, 30, operator);
    assert.equal(await c.balanceOf(buyer), 2n);
    // the operator is per owner: it cannot move the buyer's tokens
    await expectRevert(c.transferFrom(buyer, holder, 21, operator), 'ERC721InsufficientApproval(address,uint256)', [operator, 21n]);
    await c.send('setApprovalForAll(address,bool)', [operator, false], holder);
    assert.equal(await c.call('isApprovedForAll(address,address)', [holder, operator], ['bool']), false);
    await expectRevert(c.transferFrom(holder, buyer, 22, operator), 'ERC721InsufficientApproval(address,uint256)', [operator, 22n]);
    await expectRevert(c.send('setApprovalForAll(address,bool)', [ZERO_ADDRESS, true], holder), 'ERC721InvalidOperator(address)', [ZERO_ADDRESS]);
  });
});

describe('safeTransferFrom', () => {
  const SAFE3 = 'safeTransferFrom(address,address,uint256)';
  const SAFE4 = 'safeTransferFrom(address,address,uint256,bytes)';

  test('to an EOA and to an accepting contract (with data)', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const [holder, eoa, operator] = [await fresh(), await fresh(), await fresh()];
    await c.mintBatch(holder, 20, sha256('d'));
    await c.send(SAFE3, [holder, eoa, 5n], holder);
    assert.equal(await c.ownerOf(5n), eoa);

    const receiver = await chain.deploy(artifacts.AcceptingReceiver);
    await c.send('setApprovalForAll(address,bool)', [operator, true], holder);
    await c.send(SAFE4, [holder, receiver.address, 17n, '0xc0ffee'], operator);
    assert.equal(await c.ownerOf(17n), receiver.address);
    assert.equal(await receiver.call('lastOperator()', [], ['address']), operator);
    assert.equal(await receiver.call('lastFrom()', [], ['address']), holder);
    assert.equal(await receiver.call('lastTokenId()', [], ['uint256']), 17n);
    assert.equal(await receiver.call('lastData()', [], ['bytes']), '0xc0ffee');
    await c.send(SAFE3, [holder, receiver.address, 18n], holder);
    assert.equal(await receiver.call('lastData()', [], ['bytes']), '0x');
    assert.equal(await c.balanceOf(receiver.address), 2n);
  });

  test('rejecting contracts revert the transfer', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const holder = await fresh();
    await c.mintBatch(holder, 20, sha256('d'));
    for (const name of ['RevertingReceiver', 'WrongValueReceiver', 'NonReceiver']) {
      const receiver = await chain.deploy(artifacts[name]);
      await expectRevert(c.send(SAFE3, [holder, receiver.address, 12n], holder), 'ERC721InvalidReceiver(address)', [receiver.address]);
      await expectRevert(c.send(SAFE4, [holder, receiver.address, 12n, '0x01'], holder), 'ERC721InvalidReceiver(address)', [receiver.address]);
      // a plain transferFrom does not ask the receiver
      await c.transferFrom(holder, receiver.address, 13 + ['RevertingReceiver', 'WrongValueReceiver', 'NonReceiver'].indexOf(name));
    }
    const custom = await chain.deploy(artifacts.CustomErrorReceiver);
    await expectRevert(c.send(SAFE3, [holder, custom.address, 12n], holder), 'Rejected(uint256)', [12n]);
    assert.equal(await c.ownerOf(12n), holder);
    assert.equal(await c.balanceOf(holder), 17n);
  });
});

describe('burn', () => {
  test('by owner, approved address or operator; keeps URIs of the rest of the batch', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const [holder, spender, operator, stranger] = [await fresh(), await fresh(), await fresh(), await fresh()];
    await c.mint(holder, sha256('single')); // 1
    await c.mintBatch(holder, 30, sha256('dir')); // 2..31
    await expectRevert(c.burn(2, stranger), 'ERC721InsufficientApproval(address,uint256)', [stranger, 2n]);

    const receipt = await c.burn(2, holder); // the batch start
    assert.deepEqual(logsOf(receipt, c.address, TRANSFER).map((l) => l.topics), [
      [topic(TRANSFER), asTopic(holder), asTopic(ZERO_ADDRESS), asTopic(2n)],
    ]);
    await c.approve(spender, 15, holder);
    await c.burn(15, spender);
    await c.send('setApprovalForAll(address,bool)', [operator, true], holder);
    await c.burn(31, operator);
    await c.burn(1, holder);

    for (const id of [1n, 2n, 15n, 31n]) {
      await expectRevert(c.ownerOf(id), 'ERC721NonexistentToken(uint256)', [id]);
      await expectRevert(c.tokenURI(id), 'ERC721NonexistentToken(uint256)', [id]);
      await expectRevert(c.getApproved(id), 'ERC721NonexistentToken(uint256)', [id]);
      await expectRevert(c.burn(id, holder), 'ERC721NonexistentToken(uint256)', [id]);
      await expectRevert(c.transferFrom(holder, spender, id, holder), 'ERC721NonexistentToken(uint256)', [id]);
    }
    for (const id of [3n, 14n, 16n, 30n]) assert.equal(await c.tokenURI(id), batchUri(sha256('dir'), id - 2n));
    assert.equal(await c.balanceOf(holder), 27n);
    assert.equal(await c.totalSupply(), 27n);
    assert.equal(await c.nextTokenId(), 32n);
    await expectRevert(
      c.send('setTokenMetadata(uint256,bytes32)', [15n, sha256('x')]),
      'ERC721NonexistentToken(uint256)',
      [15n],
    );
  });

  test('an owner word emptied by burns can receive new mints', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const holder = await fresh();
    await c.mintBatch(holder, 14, sha256('first')); // 1..14; word 1 holds 10..14 and no batch start
    for (let id = 10; id <= 14; id++) await c.burn(id, holder);
    await c.mint(holder, sha256('after')); // 15
    await c.mintBatch(holder, 3, sha256('second')); // 16..18
    assert.equal(await c.tokenURI(9n), batchUri(sha256('first'), 8));
    assert.equal(await c.tokenURI(15n), fileUri(sha256('after')));
    assert.equal(await c.tokenURI(18n), batchUri(sha256('second'), 2));
    assert.equal(await c.balanceOf(holder), 13n);
    assert.equal(await c.totalSupply(), 13n);
  });
});

describe('holder table', () => {
  const HOLDER_IDS = 2n ** 24n - 1n;
  const word = (hex) => BigInt(hex);
  const probeId = (account, probe) =>
    (BigInt(`0x${keccak256(Buffer.from(encode(['address', 'uint256'], [account, probe]), 'hex')).toString('hex')}`) % HOLDER_IDS) + 1n;
  const mappingSlot = (key, slot) => `0x${keccak256(Buffer.from(encode(['uint256', 'uint256'], [key, slot]), 'hex')).toString('hex')}`;
  const storageAt = (c, slot) => chain.rpc('eth_getStorageAt', [c.address, slot, 'latest']);

  /** Finds the storage slot of the `_holders` mapping from a known holder (robust to layout changes). */
  async function holdersSlot(c, knownHolder) {
    const id = probeId(knownHolder, 0n);
    for (let slot = 0n; slot < 32n; slot++) {
      const value = word(await storageAt(c, mappingSlot(id, slot)));
      if (value !== 0n && (value & ((1n << 160n) - 1n)) === BigInt(knownHolder)) return slot;
    }
    throw new Error('holder table not found');
  }

  test('entries pack balance and address at the first probe', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const holder = await fresh();
    await c.mintBatch(holder, 7, sha256('d'));
    const slot = await holdersSlot(c, holder);
    assert.equal(word(await storageAt(c, mappingSlot(probeId(holder, 0n), slot))), (7n << 160n) | BigInt(holder));
  });

  test('collisions probe further, and entries survive a zero balance', async () => {
    const c = await deployCollection(chain, artifacts.Collection);
    const known = await fresh();
    await c.mint(known, sha256('locate'));
    const slot = await holdersSlot(c, known);
    // Simulate addresses whose probe sequences collide: occupy B's first candidate, and E's first two, with
    // entries of unrelated addresses (that are never used afterwards).
    const [b, e, other] = [await fresh(), await fresh(), await fresh()];
    const occupy = (id, n) =>
      chain.rpc('anvil_setStorageAt', [c.address, mappingSlot(id, slot), asTopic(BigInt(freshAddress(n, 'squatter')))]);
    await occupy(probeId(b, 0n), 1);
    await occupy(probeId(e, 0n), 2);
    await occupy(probeId(e, 1n), 3);

    await c.mintBatch(b, 12, sha256('b')); // 2..13
    assert.equal(word(await storageAt(c, mappingSlot(probeId(b, 1n), slot))), (12n << 160n) | BigInt(b));
    await c.mint(e, sha256('e')); // 14
    assert.equal(word(await storageAt(c, mappingSlot(probeId(e, 2n), slot))), (1n << 160n) | BigInt(e));

    await c.transferFrom(b, e, 5);
    await c.transferFrom(e, b, 14);
    await c.transferFrom(e, other, 5);
    await assertOwners(c, new Map([[1, known], ...Array.from({ length: 12 }, (_, i) => [i + 2, i + 2 === 5 ? other : b]), [14, b]]), [e]);
    // e's entry stays (balance 0) and is found again
    assert.equal(word(await storageAt(c, mappingSlot(probeId(e, 2n), slot))), BigInt(e));
    await c.transferFrom(b, e, 13);
    assert.equal(await c.balanceOf(e), 1n);
    assert.equal(await c.ownerOf(13n), e);
    assert.equal(await c.balanceOf(freshAddress(1, 'squatter')), 0n);
  });
});

describe('randomized model check', () => {
  test('200 random mints, transfers, approvals and burns agree with a simple model', async () => {
    let seed = 0x5eed;
    const random = (n) => {
      // mulberry32: deterministic, so a failure is reproducible
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
    const c = await deployCollection(chain, artifacts.Collection);
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await fresh());
    const owners = new Map(); // id -> address | null
    const approved = new Map(); // id -> address
    const operators = new Set(); // `${owner} ${operator}`
    const live = () => [...owners].filter(([, o]) => o !== null).map(([id]) => id);
    let next = 1;

    for (let step = 0; step < 200; step++) {
      const action = random(10);
      const person = people[random(people.length)];
      if (action === 0 || live().length < 5) {
        const count = [1, 1, 4, 9, 10, 11, 23][random(7)];
        if (count === 1) await c.mint(person, sha256(`m${step}`));
        else await c.mintBatch(person, count, sha256(`b${step}`));
        for (let k = 0; k < count; k++) owners.set(next++, person);
        continue;
      }
      const ids = live();
      const id = ids[random(ids.length)];
      const owner = owners.get(id);
      if (action <= 5) {
        // transfer by the owner, the approved address or an operator
        const to = people[random(people.length)];
        let sender = owner;
        if (approved.has(id) && random(2)) sender = approved.get(id);
        const ops = people.filter((p) => operators.has(`${owner} ${p}`));
        if (ops.length > 0 && random(2)) sender = ops[random(ops.length)];
        await c.transferFrom(owner, to, id, sender);
        owners.set(id, to);
        approved.delete(id);
      } else if (action === 6) {
        const spender = people[random(people.length)];
        await c.approve(spender, id, owner);
        approved.set(id, spender);
      } else if (action === 7) {
        const operator = people[random(people.length)];
        const on = random(3) > 0;
        if (operator !== owner) {
          await c.send('setApprovalForAll(address,bool)', [operator, on], owner);
          if (on) operators.add(`${owner} ${operator}`);
          else operators.delete(`${owner} ${operator}`);
        }
      } else if (action === 8) {
        await c.burn(id, owner);
        owners.set(id, null);
        approved.delete(id);
      } else {
        // an unauthorized transfer attempt must fail and change nothing
        const stranger = people.find((p) => p !== owner && approved.get(id) !== p && !operators.has(`${owner} ${p}`));
        if (stranger) {
          await expectRevert(c.transferFrom(owner, stranger, id, stranger), 'ERC721InsufficientApproval(address,uint256)', [stranger, BigInt(id)]);
        }
      }
    }
    await assertOwners(c, owners, people);
    for (const id of live()) assert.equal(await c.getApproved(BigInt(id)), approved.get(id) ?? ZERO_ADDRESS, `approval of ${id}`);
    assert.equal(await c.totalSupply(), BigInt(live().length));
    assert.equal(await c.nextTokenId(), BigInt(next));
  });
});
