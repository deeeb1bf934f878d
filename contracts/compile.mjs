// Compiles every src/*.sol with the pinned solc-js and writes one JSON artifact per
// contract ({contractName, abi, bytecode, deployedBytecode}) into the output directory.
// Fails the build on any compiler error.
//
//   node compile.mjs [outDir] [extraSrcDir]
// extraSrcDir (optional, e.g. `gas`) adds that directory's *.sol files to the same compilation and
// writes their artifacts too (used for the benchmark-only OpenZeppelin baselines in gas/).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');

const outDir = process.argv[2] ?? 'target/classes/contracts';
const srcDirs = ['src', ...(process.argv[3] ? [path.normalize(process.argv[3]).replace(/\/+$/, '')] : [])];
const sources = {};
for (const srcDir of srcDirs) {
  for (const file of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol'))) {
    sources[`${srcDir}/${file}`] = { content: fs.readFileSync(path.join(srcDir, file), 'utf8') };
  }
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    viaIR: false,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};

function findImports(importPath) {
  for (const candidate of [path.join('node_modules', importPath), importPath]) {
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
  }
  return { error: `not found: ${importPath}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
// Warnings about OpenZeppelin's own code (e.g. its transient-storage reentrancy guard) are not ours to act on.
for (const e of output.errors ?? []) {
  if (e.severity === 'error' || !e.sourceLocation?.file?.startsWith('@openzeppelin/')) console.error(e.formattedMessage);
}
if (errors.length > 0) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!srcDirs.some((dir) => file.startsWith(`${dir}/`))) continue; // skip imported libraries
  for (const [name, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object) continue; // interfaces and abstract contracts
    const artifact = {
      contractName: name,
      compiler: `solc ${solc.version()}`,
      abi: c.abi,
      bytecode: `0x${c.evm.bytecode.object}`,
      deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
    };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(artifact, null, 1));
    console.log(`compiled ${name}`);
  }
}
