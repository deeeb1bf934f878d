// The other side of the EIP-712 interoperability spec (TypedDataInteropTest): ethers v6 signs the
// typed data our API hands out exactly as a client would, passing its parts to signTypedData as
// they are (ethers refuses a types object that names EIP712Domain).
//   node typed-data.mjs '{"privateKey", "typedData": {domain, types, primaryType, message}}'  -> {address, signature, digest}
import { TypedDataEncoder, Wallet } from 'ethers';

const input = JSON.parse(process.argv[2]);
const wallet = new Wallet(input.privateKey);
const { domain, types, message } = input.typedData;
const signature = await wallet.signTypedData(domain, types, message);
console.log(JSON.stringify({ address: wallet.address, signature, digest: TypedDataEncoder.hash(domain, types, message) }));
