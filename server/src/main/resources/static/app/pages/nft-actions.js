// What a viewer may do with an NFT: buy, make an offer, list, cancel, start an auction, accept an
// offer. Each asks once more, sends once (one Idempotency-Key per confirmation, controls disabled
// while it runs), then follows the chain until it confirms.
import { api, idempotencyKey, session, until } from '../api.js';
import { field, h, show } from '../dom.js';
import { shortAddress, toWei, when } from '../format.js';
import { gql } from '../graphql.js';
import { approveExchange, placeOwnOrder } from '../wallet.js';

const HELD = 'query($c: String!, $t: String!, $me: String!) { nft(collection: $c, tokenId: $t) { copiesHeld(holder: $me) } }';

/** "3 copies for" on an edition (ERC-1155), nothing on a one-of-a-kind token. */
const copies = (nft, amount) => (nft.standard === 'ERC1155' ? `${amount} ${amount === '1' ? 'copy' : 'copies'} for ` : '');

export function saleBox({ nft, mine, me, auction, status, reload }) {
  const listing = nft.listings[0];
  const box = [];
  if (auction) box.push(h('p', {}, h('a', { href: `#/auction/${auction.id}`, class: 'button' }, 'On auction: go to the auction room')));
  if (listing) {
    box.push(h('p', { class: 'price' }, copies(nft, listing.amount), h('span', { 'data-testid': 'price' }, `${listing.price} ${listing.currency}`)),
      listing.endTime ? h('p', { class: 'muted' }, `Listed until ${when(listing.endTime)}`) : null);
  } else if (!auction) {
    box.push(h('p', { class: 'muted' }, 'Not for sale.'));
  }
  if (!me) {
    box.push(h('p', {}, h('a', { href: '#/login' }, 'Log in'), ' or ', h('a', { href: '#/connect' }, 'connect a wallet'), ' to trade.'));
    return box;
  }
  // a holder of an edition's copies may still buy more of them, from somebody else
  if (listing && listing.maker.toLowerCase() !== me && (!mine || nft.standard === 'ERC1155')) {
    const label = nft.standard === 'ERC1155' ? `Buy ${copies(nft, listing.amount)}${listing.price} ${listing.currency}`
      : `Buy now for ${listing.price} ${listing.currency}`;
    box.push(confirmButton(label, status, async (key) => {
      const trade = await api('/api/v1/nfts/buy', { method: 'POST', body: { orderHash: listing.hash }, headers: { 'Idempotency-Key': key } });
      await followTrade(trade, status);
      status.pending('Bought. Waiting for the chain to show it in your wallet…');
      await until(() => gql(HELD, { c: nft.collection, t: nft.tokenId, me }), (data) => BigInt(data.nft.copiesHeld) > BigInt(nft.copiesHeld));
      await reload();
    }));
  }
  if (mine && listing) box.push(confirmButton('Cancel listing', status, async () => {
    await api(`/api/v1/orders/${listing.hash}`, { method: 'DELETE' });
    await reload('Listing cancelled.');
  }));
  if (mine && !auction) {
    box.push(amountForm(nft, 'List for sale', 'Price (ETH)', status, async (price, amount) => {
      const order = { collection: nft.collection, tokenId: nft.tokenId, amount, price, currency: 'ETH' };
      if (session.selfCustody()) {
        const placed = await placeOwnOrder('listings', order);
        if (!placed.active) await approveInWallet(nft, placed, status);
        await reload('Listed.');
        return;
      }
      const placed = await api('/api/v1/listings', { method: 'POST', body: order });
      status.pending('Listed; waiting for the chain to show the exchange may move it…');
      await until(() => api(`/api/v1/orders/${placed.hash}`), (o) => o.active);
      await reload('Listed.');
    }, { selling: true }));
    if (!session.selfCustody()) box.push(auctionForm(nft, status));
  }
  // anyone may ask for copies of an edition, its holders too
  if (!mine || nft.standard === 'ERC1155') box.push(amountForm(nft, 'Make offer', 'Offer (WETH)', status, async (price, amount) => {
    const order = { collection: nft.collection, tokenId: nft.tokenId, amount, price, currency: 'WETH' };
    const placed = session.selfCustody() ? await placeOwnOrder('offers', order) : await api('/api/v1/offers', { method: 'POST', body: order });
    await reload(`Offer made: ${placed.price} WETH${placed.active ? '' : ` (inactive for now: ${placed.inactiveReason ?? 'being checked'})`}`);
  }));
  return box;
}

/** The exchange moves a self-custody owner's token only once their wallet approved it; the wallet sends that approval. */
async function approveInWallet(nft, listing, status) {
  status.pending('Signed. Now approve the exchange to move this collection\'s tokens in your wallet…');
  await approveExchange(nft.collection);
  status.pending('Approval sent; waiting for the chain…');
  await until(() => api(`/api/v1/orders/${listing.hash}`), (o) => o.active);
}

function auctionForm(nft, status) {
  const [reserveField, reserve] = field('Reserve (WETH)', { inputmode: 'decimal', required: true });
  const [hoursField, hours] = field('Runs for (hours after the first bid)', { type: 'number', min: 1, max: 720, value: 24, required: true });
  const [copiesField, count] = copiesInput(nft, { selling: true });
  const form = h('form', { class: 'inline-form', onsubmit: (event) => {
    event.preventDefault();
    run(status, 'Starting the auction…', form, async () => {
      toWei(reserve.value);
      const auction = await api('/api/v1/auctions', { method: 'POST',
        body: { collection: nft.collection, tokenId: nft.tokenId, amount: count?.value ?? '1', startPrice: reserve.value.trim(),
          duration: `PT${Number(hours.value)}H` } });
      location.hash = `#/auction/${auction.id}`;
    });
  } }, h('h3', {}, 'Start a reserve auction'), copiesField, reserveField, hoursField, h('button', { type: 'submit' }, 'Start auction'));
  return form;
}

/**
 * How many copies of an edition (ERC-1155) an order is for; a one-of-a-kind token has no such field.
 * Selling, at most the copies held (all of them at first); buying, any number.
 */
function copiesInput(nft, { selling }) {
  if (nft.standard !== 'ERC1155') return [null, null];
  const held = Number(nft.copiesHeld);
  return field('Copies', { type: 'number', min: 1, ...(selling ? { max: held, value: held } : { value: 1 }), required: true });
}

function amountForm(nft, action, label, status, submit, { selling = false } = {}) {
  const [copiesField, count] = copiesInput(nft, { selling });
  const [amountField, amount] = field(label, { inputmode: 'decimal', required: true, autocomplete: 'off' });
  const form = h('form', { class: 'inline-form', onsubmit: (event) => {
    event.preventDefault();
    run(status, `${action}…`, form, async () => {
      toWei(amount.value);
      await submit(amount.value.trim(), count?.value ?? '1');
    });
  } }, copiesField, amountField, h('button', { type: 'submit' }, action));
  return form;
}

/** A button that asks once more before it acts (trades move real money); the key makes a repeated send harmless. */
export function confirmButton(label, status, action) {
  const holder = h('div', { class: 'confirm' });
  const reset = () => {
    const button = h('button', { type: 'button', onclick: ask }, label);
    show(holder, button);
    return button;
  };
  function ask() {
    const key = idempotencyKey();
    const confirm = h('button', { type: 'button', onclick: () => run(status, 'Sending…', holder, () => action(key)) }, 'Confirm');
    show(holder, h('p', { role: 'alert' }, `${label}?`), confirm, h('button', { type: 'button', class: 'secondary', onclick: () => reset().focus() }, 'Cancel'));
    confirm.focus();
  }
  reset();
  return holder;
}

/** Runs an action with its controls disabled, its progress and its failure shown. */
async function run(status, pending, controls, action) {
  const buttons = [...controls.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  status.pending(pending);
  try {
    await action();
  } catch (error) {
    status.error(error.message);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Follows a trade until the chain settles it; throws with the chain's reason when it fails. */
async function followTrade(trade, status) {
  status.pending('Settling on-chain…');
  const done = await until(() => api(`/api/v1/trades/${trade.id}`), (t) => t.state !== 'SETTLING');
  if (done.state === 'FAILED') throw new Error(`The settlement failed: ${done.failure ?? 'no reason given'}`);
  return done;
}

export function offersTable({ nft, mine, status, reload }) {
  const offers = nft.offers;
  if (offers.length === 0) return h('section', { 'aria-label': 'Offers' }, h('h2', {}, 'Offers'), h('p', { class: 'muted' }, 'No offers yet.'));
  const head = ['Price', 'From', 'State', ...(mine ? [''] : [])].map((c) => h('th', { scope: 'col' }, c));
  return h('section', { 'aria-label': 'Offers' }, h('h2', {}, 'Offers'), h('table', {}, h('thead', {}, h('tr', {}, head)),
    h('tbody', {}, offers.map((offer) => h('tr', {},
      h('td', {}, `${copies(nft, offer.amount)}${offer.price} WETH`), h('td', { class: 'mono', title: offer.maker }, shortAddress(offer.maker)),
      h('td', {}, offer.active ? 'active' : `inactive: ${offer.inactiveReason ?? ''}`),
      mine ? h('td', {}, offer.active ? confirmButton(`Accept ${offer.price} WETH`, status, async (key) => {
        const trade = await api(`/api/v1/offers/${offer.hash}/accept`, { method: 'POST', headers: { 'Idempotency-Key': key } });
        await followTrade(trade, status);
        await reload('Sold.');
      }) : null) : null)))));
}
