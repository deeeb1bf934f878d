// What the gas scripts share: anvil's arguments, fresh addresses, and the calldata share of a transaction's gas.
import { freshAddress } from '../test/support/chain.mjs';

/** anvil with opcode steps in debug_traceTransaction (they do not change gas), and the hardfork asked for with --hardfork. */
export function anvilArguments(argv) {
  const hardforkIndex = argv.indexOf('--hardfork');
  return ['--steps-tracing', ...(hardforkIndex > 0 ? ['--hardfork', argv[hardforkIndex + 1]] : [])];
}

/** New addresses under a label: fresh() has never been used, funded() also holds ETH (anvil impersonates it). */
export function addressSource(chain, label) {
  let counter = 0;
  const fresh = () => freshAddress(counter++, label);
  const funded = async () => {
    const address = fresh();
    await chain.fund(address);
    return address;
  };
  return { fresh, funded };
}

/** Calldata gas of a transaction (EIP-2028: 16 per non-zero byte, 4 per zero byte). */
export function calldataGas(input) {
  let gas = 0;
  for (const byte of Buffer.from(input.slice(2), 'hex')) gas += byte === 0 ? 4 : 16;
  return gas;
}
