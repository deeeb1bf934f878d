// The other side of the SIWE interoperability spec (SiweInteropTest): the official `siwe` library
// with `ethers`, independent of our code.
//   node interop.mjs sign   '{"domain","uri","chainId","nonce","privateKey"}'  -> {message, signature, address}
//   node interop.mjs webapp '{"domain","address","uri","chainId","nonce","issuedAt","expirationTime","statement"}'
//        builds the message with the web app's own module, parses it with `siwe` and prints both,
//        with the web app's EIP-55 checksum next to ethers'.
import { getAddress, Wallet } from 'ethers';
import { SiweMessage } from 'siwe';
import { checksumAddress } from '../../../main/resources/static/app/keccak.js';
import { siweMessage } from '../../../main/resources/static/app/siwe.js';

const [command, json] = process.argv.slice(2);
const input = JSON.parse(json);

if (command === 'sign') {
  const wallet = new Wallet(input.privateKey);
  const message = new SiweMessage({
    domain: input.domain,
    address: wallet.address,
    statement: 'Sign in to NFT Traders with the reference implementation.',
    uri: input.uri,
    version: '1',
    chainId: input.chainId,
    nonce: input.nonce,
    issuedAt: new Date().toISOString(),
    expirationTime: new Date(Date.now() + 5 * 60 * 1000).toISOString(),
  }).prepareMessage();
  console.log(JSON.stringify({ message, signature: await wallet.signMessage(message), address: wallet.address }));
} else if (command === 'webapp') {
  const ours = siweMessage({ ...input, address: checksumAddress(input.address.toLowerCase()) });
  const parsed = new SiweMessage(ours);
  console.log(JSON.stringify({
    ours,
    reprinted: parsed.prepareMessage(),
    parsed: {
      domain: parsed.domain, address: parsed.address, statement: parsed.statement, uri: parsed.uri, version: parsed.version,
      chainId: parsed.chainId, nonce: parsed.nonce, issuedAt: parsed.issuedAt, expirationTime: parsed.expirationTime,
    },
    ourChecksum: checksumAddress(input.address.toLowerCase()),
    ethersChecksum: getAddress(input.address.toLowerCase()),
  }));
} else {
  console.error(`unknown command ${command}`);
  process.exit(2);
}
