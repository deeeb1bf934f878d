// Compiles the benchmark-only contracts next to this file with the project's pinned solc-js (from
// contracts/node_modules, same settings as contracts/compile.mjs) into one JSON artifact per
// contract ({contractName, abi, bytecode}). Fails the build on any compiler error.
//
//   node compile.mjs <outDir>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const contractsDir = path.resolve(here, '../../../../contracts');
const solc = createRequire(path.join(contractsDir, 'package.json'))('solc');
const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node compile.mjs <outDir>');
  process.exit(2);
}

const sources = {};
for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.sol'))) {
  sources[file] = { content: fs.readFileSync(path.join(here, file), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
// OpenZeppelin from the contracts module's pinned copy, as contracts/compile.mjs resolves it
function findImports(importPath) {
  const candidate = path.join(contractsDir, 'node_modules', importPath);
  return fs.existsSync(candidate) ? { contents: fs.readFileSync(candidate, 'utf8') } : { error: `not found: ${importPath}` };
}
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
for (const e of output.errors ?? []) if (e.severity === 'error' || !e.sourceLocation?.file?.startsWith('@openzeppelin/')) console.error(e.formattedMessage);
if ((output.errors ?? []).some((e) => e.severity === 'error')) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!Object.hasOwn(sources, file)) continue; // OpenZeppelin's own files
  for (const [name, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object) continue; // interfaces
    const artifact = { contractName: name, compiler: `solc ${solc.version()}`, abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(artifact, null, 1));
    console.log(`compiled ${name}`);
  }
}
