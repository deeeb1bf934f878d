// Profile and wallet: balances, the deposit address with its QR code, withdraw and wrap, owned
// NFTs, listings and offers made and received, activity, and notifications (live).
import { api, chain, session } from '../api.js';
import { field, h, show, statusLine } from '../dom.js';
import { ether, shortAddress, when } from '../format.js';
import { gql, subscribe } from '../graphql.js';
import { validAddress } from '../keccak.js';
import { collectionsSection, myCollections } from './collections.js';
import { nftCard } from './listings.js';
import { activityTable } from './nft.js';

const USER = `query User($address: String!) { user(address: $address) {
  nfts(first: 50) { collection tokenId metadata { name image } offers { hash maker price active } }
  listings { hash collection tokenId price currency name }
  offers { hash maker price active inactiveReason }
  activity(first: 30) { kind from to priceWei currency txHash at } } }`;

export async function profilePage(view) {
  const profile = session.get()?.profile;
  if (!profile) {
    show(view, h('h1', {}, 'Profile'), h('p', {}, h('a', { href: '#/login' }, 'Log in'), ' or ', h('a', { href: '#/connect' }, 'connect a wallet'), '.'));
    return;
  }
  const address = session.address();
  const [{ user }, collections] = await Promise.all([gql(USER, { address }), myCollections()]);
  const received = user.nfts.flatMap((n) => n.offers.map((o) => ({ ...o, token: n })));
  const notifications = h('ol', { class: 'notifications', 'aria-live': 'polite' });
  show(view, h('h1', {}, 'Profile'),
    h('p', {}, profile.email ? `${profile.email} · ` : 'Self-custody wallet · ', h('span', { class: 'mono', 'data-testid': 'my-address' }, address)),
    profile.walletAddress ? await walletSection(profile.walletAddress) : null,
    h('h2', {}, 'Owned'), user.nfts.length ? h('ul', { class: 'grid' }, user.nfts.map((n) => nftCard({ ...n, name: n.metadata?.name, image: n.metadata?.image })))
      : h('p', { class: 'muted' }, 'No NFTs yet.'),
    ...collectionsSection(collections),
    h('h2', {}, 'Your listings'), list(user.listings, (l) => h('a', { href: `#/nft/${l.collection}/${l.tokenId}` }, `${l.name ?? `#${l.tokenId}`}: ${l.price} ${l.currency}`)),
    h('h2', {}, 'Offers made'), list(user.offers, (o) => `${o.price} WETH ${o.active ? '' : `(inactive: ${o.inactiveReason ?? ''})`}`),
    h('h2', {}, 'Offers received'), list(received, (o) => h('a', { href: `#/nft/${o.token.collection}/${o.token.tokenId}` },
      `${o.price} WETH from ${shortAddress(o.maker)} for ${o.token.metadata?.name ?? `#${o.token.tokenId}`}`)),
    activityTable(user.activity),
    h('h2', {}, 'Notifications'), notifications);
  return liveNotifications(notifications);
}

function list(items, render) {
  return items.length ? h('ul', { class: 'plain' }, items.map((item) => h('li', {}, render(item)))) : h('p', { class: 'muted' }, 'None.');
}

async function walletSection(address) {
  const balances = h('dl', { class: 'stats' });
  const status = statusLine();
  const refresh = async () => {
    const wallet = await api('/api/v1/wallet');
    show(balances, h('div', {}, h('dt', {}, 'ETH'), h('dd', { 'data-testid': 'eth' }, wallet.eth)),
      h('div', {}, h('dt', {}, 'WETH'), h('dd', { 'data-testid': 'weth' }, wallet.weth)));
  };
  await refresh();
  const { id: chainId } = await chain();
  const [toField, to] = field('To address', { required: true, placeholder: '0x…', autocomplete: 'off' });
  const [assetField, asset] = field('Asset', { tag: 'select', options: [['ETH', 'ETH'], ['WETH', 'WETH']] });
  const [amountField, amount] = field('Amount', { inputmode: 'decimal', required: true });
  const [wrapField, wrap] = field('ETH to wrap into WETH (for offers and bids)', { inputmode: 'decimal', required: true });
  const send = (path, body, done) => async (event) => {
    event.preventDefault();
    status.pending('Sending…');
    try {
      const tx = await api(path, { method: 'POST', body: body() });
      status.info(`${done} Transaction ${tx.transactionId} queued; balances update once it is mined.`);
      setTimeout(() => refresh().catch(() => {}), 3000);
    } catch (error) {
      status.error(error.message);
    }
  };
  return h('section', { class: 'card wallet', 'aria-label': 'Wallet' }, h('h2', {}, 'Wallet'), balances,
    h('div', { class: 'deposit' }, h('img', { src: `/qr.svg?text=${encodeURIComponent(`ethereum:${address}@${chainId}`)}`, alt: `QR code of ${address}`, class: 'qr' }),
      h('p', {}, 'Deposit address', h('br'), h('span', { class: 'mono' }, address))),
    h('form', { class: 'inline-form', onsubmit: send('/api/v1/wallet/wrap', () => ({ amount: wrap.value.trim() }), 'Wrapping.') }, wrapField,
      h('button', { type: 'submit' }, 'Wrap')),
    h('form', { class: 'inline-form', onsubmit: (event) => {
      if (!validAddress(to.value.trim())) {
        event.preventDefault();
        status.error('That address is mistyped: the EIP-55 checksum does not match.');
        return;
      }
      return send('/api/v1/wallet/withdrawals', () => ({ asset: asset.value, to: to.value.trim(), amount: amount.value.trim() }), 'Withdrawing.')(event);
    } }, h('h3', {}, 'Withdraw'), assetField, toField, amountField, h('button', { type: 'submit' }, 'Withdraw')),
    status.element);
}

/**
 * The newest notifications, kept live: the stored ones first, then a subscription from the newest
 * shown, so the server sends what came meanwhile before the live ones; a dropped connection
 * resubscribes the same way (waiting longer after each failure). Newest (highest id) first.
 */
function liveNotifications(container) {
  const shown = new Map();
  const add = (n) => {
    const id = Number(n.id);
    if (shown.has(id)) return;
    const data = typeof n.data === 'string' ? JSON.parse(n.data) : n.data;
    const item = h('li', { 'data-kind': n.kind }, h('strong', {}, n.kind.toLowerCase()), ' · ', h('a', { href: `#/auction/${n.auctionId}` }, 'auction'),
      data?.leadingBidWei ? ` · ${ether(data.leadingBidWei)} WETH ${n.kind === 'OUTBID' ? 'now leads' : 'winning bid'}` : '', ` · ${when(n.createdAt)}`);
    const after = [...shown.keys()].filter((other) => other < id).sort((a, b) => b - a)[0];
    container.insertBefore(item, after === undefined ? null : shown.get(after));
    shown.set(id, item);
  };
  let stop = () => {};
  let left = false;
  let retry;
  let delay = 1000;
  const listen = () => {
    const after = shown.size ? Math.max(...shown.keys()) : null;
    stop = subscribe('subscription($after: Long) { myNotifications(after: $after) { id kind auctionId seq data createdAt } }', { after }, {
      onSubscribed: () => { container.dataset.live = 'yes'; },
      onNext: (data) => {
        delay = 1000;
        add(data.myNotifications);
      },
      onClose: () => {
        delete container.dataset.live;
        if (!left) retry = setTimeout(() => left || listen(), delay);
        delay = Math.min(delay * 2, 30000);
      },
    });
  };
  api('/api/v1/user/notifications?limit=20').then((list) => list.forEach(add)).catch(() => {}).finally(() => left || listen());
  return () => {
    left = true;
    clearTimeout(retry);
    stop();
  };
}
