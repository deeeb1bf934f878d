// A throw-away anvil dev chain plus just enough JSON-RPC to deploy and drive contracts:
// compile (via ../../compile.mjs), start anvil on a free port, send transactions from unlocked
// accounts, make calls, and turn reverts into errors carrying the revert data.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode, encodeCall, paramTypes, selector, topic } from './abi.mjs';
import { keccak256 } from './keccak.mjs';
import { after, before } from 'node:test';

export const CONTRACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ANVIL = path.join(CONTRACTS_DIR, 'node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');

/** Compiles src/*.sol (plus `extraDir`/*.sol, relative to contracts/) and returns {name: artifact}. */
export function compile(extraDir) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nft-contracts-'));
  try {
    execFileSync(process.execPath, ['compile.mjs', out, ...(extraDir ? [extraDir] : [])], {
      cwd: CONTRACTS_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const artifacts = {};
    for (const file of fs.readdirSync(out)) {
      const artifact = JSON.parse(fs.readFileSync(path.join(out, file), 'utf8'));
      artifacts[artifact.contractName] = artifact;
    }
    return artifacts;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** A port nobody listens on right now (anvil has no --port 0). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class RpcError extends Error {
  constructor(error) {
    super(error.message);
    this.code = error.code;
    this.data = typeof error.data === 'string' ? error.data : error.data?.data; // revert data, if any
  }
}

/**
 * Starts anvil and resolves to a chain handle. `anvilArgs` are passed through (e.g. ['--hardfork', 'cancun']).
 * Every sender is auto-impersonated, so tests can send from any address (fund it with `fund`).
 */
export async function startChain(anvilArgs = []) {
  const port = await freePort();
  const proc = spawn(ANVIL, ['--port', String(port), '--silent', '--auto-impersonate', ...anvilArgs], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.once('exit', () => proc.kill()); // never leave anvil behind, even if a test run aborts
  const url = `http://127.0.0.1:${port}`;
  let nextId = 1;
  async function rpc(method, params = []) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    });
    const body = await res.json();
    if (body.error) throw new RpcError(body.error);
    return body.result;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await rpc('eth_chainId');
      break;
    } catch (e) {
      if (attempt > 200 || proc.exitCode !== null) {
        proc.kill();
        throw new Error(`anvil did not start on port ${port}: ${e.message}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const accounts = await rpc('eth_accounts');
  return new Chain(rpc, proc, accounts);
}

class Chain {
  constructor(rpc, proc, accounts) {
    this.rpc = rpc;
    this.proc = proc;
    this.accounts = accounts.map((a) => a.toLowerCase());
  }

  async stop() {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.kill('SIGTERM');
    await exited;
  }

  /** Gives `address` 1000 ETH (auto-impersonated senders still pay for gas). */
  async fund(address) {
    await this.rpc('anvil_setBalance', [address, '0x3635c9adc5dea00000']);
  }

  /** Sends a transaction and returns its receipt; throws RpcError (with revert data) if it would revert. */
  async send({ from, to, data, gas, value }) {
    const tx = { from, data: data.startsWith('0x') ? data : `0x${data}` };
    if (to) tx.to = to;
    if (value) tx.value = `0x${BigInt(value).toString(16)}`;
    if (gas) tx.gas = `0x${gas.toString(16)}`;
    // Estimating first surfaces a revert as an RpcError carrying the revert data (anvil would otherwise
    // mine the failing transaction and only report status 0).
    tx.gas ??= await this.rpc('eth_estimateGas', [tx]);
    const hash = await this.rpc('eth_sendTransaction', [tx]);
    let receipt = await this.rpc('eth_getTransactionReceipt', [hash]);
    while (receipt === null) {
      // automine answers eth_sendTransaction before the block is sealed
      await new Promise((r) => setTimeout(r, 5));
      receipt = await this.rpc('eth_getTransactionReceipt', [hash]);
    }
    if (receipt.status !== '0x1') throw new Error(`transaction ${hash} failed`);
    return { ...receipt, gasUsed: BigInt(receipt.gasUsed) };
  }

  /** Deploys artifact with constructor args of the given types; returns a Contract. */
  async deploy(artifact, types = [], args = [], from = this.accounts[0]) {
    const receipt = await this.send({ from, data: artifact.bytecode + encode(types, args) });
    return new Contract(this, receipt.contractAddress.toLowerCase(), receipt);
  }

  /** Deploys raw runtime code at a fresh address (for tiny test doubles). */
  async setCode(address, code) {
    await this.rpc('anvil_setCode', [address, code]);
  }
}

export class Contract {
  constructor(chain, address, deployReceipt) {
    this.chain = chain;
    this.address = address;
    this.deployReceipt = deployReceipt;
  }

  /** Transaction: send('mint(address,bytes32)', [to, digest], from) -> receipt. */
  send(signature, args = [], from = this.chain.accounts[0]) {
    return this.chain.send({ from, to: this.address, data: encodeCall(signature, args) });
  }

  /** eth_call decoding the results as `returns` types; a single result is returned unwrapped. */
  async call(signature, args = [], returns = [], from = undefined) {
    const tx = { to: this.address, data: encodeCall(signature, args) };
    if (from) tx.from = from;
    const result = decode(returns, await this.chain.rpc('eth_call', [tx, 'latest']));
    return returns.length === 1 ? result[0] : result;
  }
}

/** Revert data of a custom error: errorData('ERC721NonexistentToken(uint256)', [5n]). */
export const errorData = (signature, args = []) => selector(signature) + encode(paramTypes(signature), args);

/** Awaits `promise` and checks that it failed with exactly the given custom error. */
export async function expectRevert(promise, signature, args = []) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (!error) throw new Error(`expected revert ${signature}, but it succeeded`);
  if (!(error instanceof RpcError)) throw error;
  const expected = errorData(signature, args);
  if (error.data?.toLowerCase() !== expected.toLowerCase()) {
    throw new Error(`expected revert ${signature} (${expected}), got ${error.data} (${error.message})`);
  }
}

/** Logs of `receipt` emitted by `address` with the event `signature`, topics/data left raw. */
export const logsOf = (receipt, address, signature) =>
  receipt.logs.filter((l) => l.address.toLowerCase() === address && l.topics[0] === topic(signature));

/** A 32-byte topic for an address or a number. */
export const asTopic = (value) =>
  `0x${(typeof value === 'string' ? value.slice(2).toLowerCase() : value.toString(16)).padStart(64, '0')}`;

/** Deterministic fresh address number `n` (never a dev account, never used before in the run). */
export const freshAddress = (n, salt = 'fresh') => `0x${keccak256(`${salt}:${n}`).subarray(12).toString('hex')}`;

/**
 * The dev chain of one test file: compiles the contracts and starts anvil before its tests, stops it after.
 * `await devChain.ready` (in the file's own `before`) gives `{ chain, artifacts, fresh }`, where
 * `fresh({ fund })` makes a new address per call, distinct per `label` (funded ones can send: anvil
 * impersonates them).
 */
export function devChainForFile(label) {
  let started;
  const suite = { ready: new Promise((resolve) => { started = resolve; }) };
  before(async () => {
    const chain = await startChain();
    suite.chain = chain;
    let n = 0;
    const fresh = async ({ fund = false } = {}) => {
      const address = freshAddress(n++, label);
      if (fund) await chain.fund(address);
      return address;
    };
    started({ chain, artifacts: compile('test/contracts'), fresh });
  });
  after(async () => {
    await suite.chain?.stop();
  });
  return suite;
}
