// One NFT: its art and metadata, owner, sale state, offers, activity and price history, and the
// actions its viewer may take (buy, offer, list, auction, accept), each confirmed, then followed
// until the chain confirms it.
import { api, idempotencyKey, session, until } from '../api.js';
import { field, gatewayImage, h, show, statusLine } from '../dom.js';
import { ether, shortAddress, toWei, when } from '../format.js';
import { gql } from '../graphql.js';
import { placeOwnOrder } from '../wallet.js';
import { priceChart } from './chart.js';

const NFT = `query Nft($collection: String!, $tokenId: String!) {
  nft(collection: $collection, tokenId: $tokenId) {
    collection tokenId owner burned
    metadata { name description image attributes { traitType value } }
    listings { hash maker price priceWei currency endTime }
    offers { hash maker price active inactiveReason endTime }
    history { kind from to priceWei currency txHash at }
  }
  openAuctions(first: 100) { id collection tokenId }
}`;

const OWNER = 'query($c: String!, $t: String!) { nft(collection: $c, tokenId: $t) { owner listings { hash } } }';

/** The page follows the token: when its owner or listing changes (a sale elsewhere, a transfer), it shows the new state. */
export async function nftPage(view, collection, tokenId) {
  let shown = null;
  let busy = false;
  // notice: what to tell the viewer once the page shows the new state
  const reload = async (notice) => {
    shown = await renderNft(view, collection, tokenId, reload, notice);
  };
  await reload();
  const timer = setInterval(async () => {
    if (busy || view.querySelector('.status.pending') || document.activeElement?.matches('input, textarea')) return;
    busy = true;
    try {
      const { nft } = await gql(OWNER, { c: collection, t: tokenId });
      if (nft && fingerprint(nft) !== shown) await reload();
    } catch {
      // a missed poll is retried on the next tick
    } finally {
      busy = false;
    }
  }, 4000);
  return () => clearInterval(timer);
}

const fingerprint = (nft) => `${nft.owner}|${nft.listings.map((l) => l.hash).join(',')}`;

async function renderNft(view, collection, tokenId, reload, notice) {
  const { nft, openAuctions } = await gql(NFT, { collection, tokenId });
  if (!nft) {
    show(view, h('h1', {}, 'Not found'), h('p', {}, `No token ${tokenId} in ${collection} is known here.`));
    return null;
  }
  const me = session.address()?.toLowerCase();
  const mine = me && nft.owner?.toLowerCase() === me;
  const auction = openAuctions.find((a) => a.collection.toLowerCase() === collection.toLowerCase() && a.tokenId === tokenId);
  const name = nft.metadata?.name ?? `#${tokenId}`;
  const status = statusLine();

  show(view, h('article', { class: 'nft' },
    h('div', { class: 'nft-art' }, gatewayImage(nft.metadata?.image, name, 'art large')),
    h('div', { class: 'nft-info' },
      h('p', { class: 'muted' }, h('a', { href: `#/collection/${nft.collection}` }, `Collection ${shortAddress(nft.collection)}`), ` · #${tokenId}`),
      h('h1', {}, name),
      nft.metadata?.description ? h('p', { class: 'description' }, nft.metadata.description) : null,
      h('p', {}, 'Owner: ', h('span', { class: 'owner mono', 'data-testid': 'owner' }, nft.burned ? 'burned' : nft.owner ?? 'unknown'),
        mine ? h('span', { class: 'badge' }, 'you') : null),
      attributes(nft.metadata?.attributes ?? []),
      h('section', { class: 'card', 'aria-label': 'Sale' }, saleBox({ nft, mine, me, auction, status, reload }), status.element),
      offersTable(nft.offers, mine, status, reload))),
  h('section', { 'aria-label': 'Price history' }, h('h2', {}, 'Price history'), priceChart(nft.history.filter((a) => a.kind === 'SALE'))),
  activityTable(nft.history));
  if (notice) status.info(notice);
  return fingerprint(nft);
}

function attributes(list) {
  if (list.length === 0) return null;
  return h('dl', { class: 'attributes' }, list.map((a) => h('div', {}, h('dt', {}, a.traitType), h('dd', {}, a.value))));
}

function saleBox({ nft, mine, me, auction, status, reload }) {
  const listing = nft.listings[0];
  const box = [];
  if (auction) box.push(h('p', {}, h('a', { href: `#/auction/${auction.id}`, class: 'button' }, 'On auction: go to the auction room')));
  if (listing) {
    box.push(h('p', { class: 'price' }, h('span', { 'data-testid': 'price' }, `${listing.price} ${listing.currency}`)),
      listing.endTime ? h('p', { class: 'muted' }, `Listed until ${when(listing.endTime)}`) : null);
  } else if (!auction) {
    box.push(h('p', { class: 'muted' }, 'Not for sale.'));
  }
  if (!me) {
    box.push(h('p', {}, h('a', { href: '#/login' }, 'Log in'), ' or ', h('a', { href: '#/connect' }, 'connect a wallet'), ' to trade.'));
    return box;
  }
  if (listing && !mine) box.push(confirmButton(`Buy now for ${listing.price} ${listing.currency}`, status, async () => {
    const trade = await api('/api/v1/nfts/buy', { method: 'POST', body: { orderHash: listing.hash }, headers: { 'Idempotency-Key': idempotencyKey() } });
    await followTrade(trade, status);
    status.pending('Bought. Waiting for the chain to show you as the owner…');
    await until(() => gql('query($c: String!, $t: String!) { nft(collection: $c, tokenId: $t) { owner } }', { c: nft.collection, t: nft.tokenId }),
      (data) => data.nft.owner?.toLowerCase() === me);
    reload();
  }));
  if (mine && listing) box.push(h('button', { type: 'button', class: 'secondary', onclick: () => run(status, 'Cancelling…', async () => {
    await api(`/api/v1/orders/${listing.hash}`, { method: 'DELETE' });
    reload();
  }) }, 'Cancel listing'));
  if (mine && !auction) {
    box.push(amountForm('List for sale', 'Price (ETH)', status, async (price) => {
      const order = { collection: nft.collection, tokenId: nft.tokenId, price, currency: 'ETH' };
      const placed = session.selfCustody() ? await placeOwnOrder('listings', order) : await api('/api/v1/listings', { method: 'POST', body: order });
      status.pending(placed.active ? 'Listed.' : 'Listed; waiting for the chain to show the exchange may move it…');
      await until(() => api(`/api/v1/orders/${placed.hash}`), (o) => o.active);
      reload();
    }));
    if (!session.selfCustody()) box.push(auctionForm(nft, status));
  }
  if (!mine) box.push(amountForm('Make offer', 'Offer (WETH)', status, async (price) => {
    const order = { collection: nft.collection, tokenId: nft.tokenId, price, currency: 'WETH' };
    const placed = session.selfCustody() ? await placeOwnOrder('offers', order) : await api('/api/v1/offers', { method: 'POST', body: order });
    await reload(`Offer made: ${placed.price} WETH${placed.active ? '' : ` (inactive for now: ${placed.inactiveReason ?? 'being checked'})`}`);
  }));
  return box;
}

function auctionForm(nft, status) {
  const [reserveField, reserve] = field('Reserve (WETH)', { inputmode: 'decimal', required: true });
  const [hoursField, hours] = field('Runs for (hours after the first bid)', { type: 'number', min: 1, max: 720, value: 24, required: true });
  return h('form', { class: 'inline-form', onsubmit: (event) => {
    event.preventDefault();
    run(status, 'Starting the auction…', async () => {
      toWei(reserve.value);
      const auction = await api('/api/v1/auctions', { method: 'POST',
        body: { collection: nft.collection, tokenId: nft.tokenId, startPrice: reserve.value.trim(), duration: `PT${Number(hours.value)}H` } });
      location.hash = `#/auction/${auction.id}`;
    });
  } }, h('h3', {}, 'Start a reserve auction'), reserveField, hoursField, h('button', { type: 'submit' }, 'Start auction'));
}

function amountForm(action, label, status, submit) {
  const [amountField, amount] = field(label, { inputmode: 'decimal', required: true, autocomplete: 'off' });
  return h('form', { class: 'inline-form', onsubmit: (event) => {
    event.preventDefault();
    run(status, `${action}…`, async () => {
      toWei(amount.value);
      await submit(amount.value.trim());
    });
  } }, amountField, h('button', { type: 'submit' }, action));
}

/** A button that asks once more before it acts: trades move real money. */
function confirmButton(label, status, action) {
  const holder = h('div', { class: 'confirm' });
  const ask = () => show(holder, h('p', { role: 'alert' }, `${label}?`),
    h('button', { type: 'button', onclick: () => run(status, 'Sending…', action) }, 'Confirm'),
    h('button', { type: 'button', class: 'secondary', onclick: reset }, 'Cancel'));
  const reset = () => show(holder, h('button', { type: 'button', onclick: ask }, label));
  reset();
  return holder;
}

async function run(status, pending, action) {
  status.pending(pending);
  try {
    await action();
  } catch (error) {
    status.error(error.message);
  }
}

/** Follows a trade until the chain settles it; throws with the chain's reason when it fails. */
export async function followTrade(trade, status) {
  status.pending('Settling on-chain…');
  const done = await until(() => api(`/api/v1/trades/${trade.id}`), (t) => t.state !== 'SETTLING');
  if (done.state === 'FAILED') throw new Error(`The settlement failed: ${done.failure ?? 'no reason given'}`);
  return done;
}

function offersTable(offers, mine, status, reload) {
  if (offers.length === 0) return h('section', { 'aria-label': 'Offers' }, h('h2', {}, 'Offers'), h('p', { class: 'muted' }, 'No offers yet.'));
  return h('section', { 'aria-label': 'Offers' }, h('h2', {}, 'Offers'), h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Price'), h('th', { scope: 'col' }, 'From'), h('th', { scope: 'col' }, 'State'), mine ? h('th', { scope: 'col' }, '') : null)),
    h('tbody', {}, offers.map((offer) => h('tr', {},
      h('td', {}, `${offer.price} WETH`), h('td', { class: 'mono', title: offer.maker }, shortAddress(offer.maker)),
      h('td', {}, offer.active ? 'active' : `inactive: ${offer.inactiveReason ?? ''}`),
      mine ? h('td', {}, offer.active ? confirmButton(`Accept ${offer.price} WETH`, status, async () => {
        const trade = await api(`/api/v1/offers/${offer.hash}/accept`, { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey() } });
        await followTrade(trade, status);
        reload();
      }) : null) : null)))));
}

export function activityTable(history) {
  return h('section', { 'aria-label': 'Activity' }, h('h2', {}, 'Activity'), history.length === 0 ? h('p', { class: 'muted' }, 'No activity yet.')
    : h('table', { class: 'activity' },
      h('thead', {}, h('tr', {}, ['Event', 'Price', 'From', 'To', 'When'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, history.map((a) => h('tr', {}, h('td', {}, a.kind.replaceAll('_', ' ').toLowerCase()), h('td', {}, a.priceWei ? ether(a.priceWei) : ''),
        h('td', { class: 'mono', title: a.from ?? '' }, shortAddress(a.from ?? '')), h('td', { class: 'mono', title: a.to ?? '' }, shortAddress(a.to ?? '')),
        h('td', {}, when(a.at)))))));
}
