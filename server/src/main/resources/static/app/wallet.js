// The user's own wallet: found through EIP-6963 announcements (window.ethereum as a fallback),
// used to sign in (EIP-4361, personal_sign) and to sign orders and bids (eth_signTypedData_v4).
// The key never leaves the wallet; the server verifies every signature.
import { api, chain, session, startSession } from './api.js';
import { checksumAddress } from './keccak.js';
import { siweMessage, utf8Hex } from './siwe.js';

const announced = new Map();

window.addEventListener('eip6963:announceProvider', (event) => {
  const { info, provider } = event.detail ?? {};
  if (info?.uuid && provider?.request) announced.set(info.uuid, { info, provider });
});

/** The wallets this browser offers: EIP-6963 announcements, else an injected window.ethereum. */
export async function discoverWallets() {
  window.dispatchEvent(new Event('eip6963:requestProvider'));
  await new Promise((resolve) => setTimeout(resolve, 150));
  const wallets = [...announced.values()];
  if (wallets.length === 0 && window.ethereum?.request) {
    wallets.push({ info: { uuid: 'injected', name: 'Browser wallet', rdns: 'injected' }, provider: window.ethereum });
  }
  return wallets;
}

/** The wallet this session signed in with (found again by its rdns after a reload). */
async function connectedProvider() {
  const rdns = session.get()?.walletRdns;
  const wallets = await discoverWallets();
  const wallet = wallets.find((w) => w.info.rdns === rdns) ?? wallets[0];
  if (!wallet) throw new Error('No wallet found in this browser; install one or sign in with email');
  return wallet.provider;
}

/** Sign-In with Ethereum: the wallet signs our server's message and nonce; the server opens the session. */
export async function signInWithWallet(wallet) {
  const [account] = await wallet.provider.request({ method: 'eth_requestAccounts' });
  const address = checksumAddress(account);
  const { id: chainId } = await chain();
  const { nonce } = await api('/api/v1/auth/siwe/nonce');
  const message = siweMessage({
    domain: location.host,
    address,
    statement: 'Sign in to NFT Traders.',
    uri: location.origin,
    chainId,
    nonce,
    issuedAt: new Date().toISOString(),
    expirationTime: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
  });
  const signature = await wallet.provider.request({ method: 'personal_sign', params: [utf8Hex(message), address] });
  const tokens = await api('/api/v1/auth/siwe', { method: 'POST', body: { message, signature } });
  await startSession(tokens);
  session.set({ ...session.get(), walletRdns: wallet.info.rdns });
  return address;
}

/**
 * The account's own EIP-712 signature of typed data the server prepared ({domain, types, primaryType,
 * message}, as ethers and viem take it). eth_signTypedData_v4 wants one JSON document whose types
 * include the domain's own.
 */
export async function signTypedData(typedData) {
  const provider = await connectedProvider();
  const address = session.address();
  const domainFields = [
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
    { name: 'chainId', type: 'uint256' },
    { name: 'verifyingContract', type: 'address' },
  ];
  const document = { ...typedData, types: { EIP712Domain: domainFields, ...typedData.types } };
  return provider.request({ method: 'eth_signTypedData_v4', params: [address, JSON.stringify(document)] });
}

/**
 * A self-custody order: the server prepares the exact order (salt, counter, times), the wallet signs
 * it, and the signed order is placed. kind is 'listings' or 'offers'.
 */
export async function placeOwnOrder(kind, order) {
  const prepared = await api(`/api/v1/${kind}/typed-data`, { method: 'POST', body: { ...order, maker: session.address() } });
  const signature = await signTypedData(prepared.typedData);
  return api(`/api/v1/${kind}`, {
    method: 'POST',
    body: {
      collection: order.collection,
      tokenId: order.tokenId,
      priceWei: prepared.priceWei,
      currency: prepared.currency,
      startTime: prepared.startTime,
      endTime: prepared.endTime,
      maker: prepared.maker,
      salt: prepared.salt,
      counter: prepared.counter,
      signature,
    },
  });
}

/** Sends a transaction the server prepared ({from, to, data, value in decimal wei}) from the connected wallet; answers its hash. */
export async function sendPrepared(toSign) {
  const provider = await connectedProvider();
  const value = `0x${BigInt(toSign.value ?? '0').toString(16)}`;
  return provider.request({ method: 'eth_sendTransaction', params: [{ from: toSign.from, to: toSign.to, data: toSign.data, value }] });
}

/**
 * Lets the exchange move the wallet's tokens of a collection (ERC-721 setApprovalForAll): a listing
 * signed by its owner is filled only then. The wallet sends the transaction; answers its hash.
 */
export async function approveExchange(collection) {
  const provider = await connectedProvider();
  const { contracts } = await chain();
  const word = (hex) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');
  // setApprovalForAll(address,bool) = 0xa22cb465
  const data = `0xa22cb465${word(contracts.Exchange)}${word('1')}`;
  return provider.request({ method: 'eth_sendTransaction', params: [{ from: session.address(), to: collection, data }] });
}

/** A self-custody bid: the bidder's own signed WETH offer at the bid. */
export async function placeOwnBid(auctionId, amountWei) {
  const bidder = session.address();
  const prepared = await api(`/api/v1/auctions/${encodeURIComponent(auctionId)}/bid-typed-data?bidder=${bidder}&amountWei=${amountWei}`);
  const signature = await signTypedData(prepared.typedData);
  return api('/api/v1/nfts/bid', {
    method: 'POST',
    body: { auctionId, amountWei, bidder, endTime: prepared.endTime, salt: prepared.salt, counter: prepared.counter, signature },
  });
}
