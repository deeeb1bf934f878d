// One NFT: its art and metadata, owner, sale state, offers, activity and price history. What its
// viewer may do with it (buy, offer, list, auction, accept) is in nft-actions.js.
import { api, chain, session } from '../api.js';
import { gatewayImage, h, show, statusLine } from '../dom.js';
import { ether, shortAddress, when } from '../format.js';
import { gql } from '../graphql.js';
import { priceChart } from './chart.js';
import { offersTable, saleBox } from './nft-actions.js';

const NOBODY = '0x0000000000000000000000000000000000000000';
const NFT = `query Nft($collection: String!, $tokenId: String!, $me: String!) {
  nft(collection: $collection, tokenId: $tokenId) {
    collection tokenId owner burned standard supply copiesHeld(holder: $me)
    metadata { name description image attributes { traitType value } }
    listings { hash maker amount price priceWei currency endTime }
    offers { hash maker amount price active inactiveReason endTime }
    history { kind from to priceWei currency txHash at }
    royalty { receiver bps }
    metadataFetch { state problem }
  }
  openAuctions(first: 1, collection: $collection, tokenId: $tokenId) { id }
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
    if (busy || view.querySelector('.status.pending, .confirm [role=alert]') || document.activeElement?.matches('input, textarea')) return;
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
  const me = session.address()?.toLowerCase();
  const { nft, openAuctions } = await gql(NFT, { collection, tokenId, me: me ?? NOBODY });
  if (!nft) {
    show(view, h('h1', {}, 'Not found'), h('p', {}, `No token ${tokenId} in ${collection} is known here.`));
    return null;
  }
  // an ERC-1155 token is the viewer's to sell when they hold copies of it
  const mine = Boolean(me) && nft.copiesHeld !== '0';
  const name = nft.metadata?.name ?? `#${tokenId}`;
  const status = statusLine();
  const context = { nft, mine, me, auction: openAuctions[0], status, reload };

  show(view, h('article', { class: 'nft' },
    h('div', { class: 'nft-art' }, gatewayImage(nft.metadata?.image, name, 'art large')),
    h('div', { class: 'nft-info' },
      h('p', { class: 'muted' }, h('a', { href: `#/collection/${nft.collection}` }, `Collection ${shortAddress(nft.collection)}`), ` · #${tokenId}`),
      h('h1', {}, name),
      nft.metadata?.description ? h('p', { class: 'description' }, nft.metadata.description) : null,
      metadataLine(nft, me, status, reload),
      nft.standard === 'ERC1155'
        ? h('p', { 'data-testid': 'edition' }, `Edition of ${nft.supply} ${nft.supply === '1' ? 'copy' : 'copies'}, held by their owners (ERC-1155)`,
          mine ? h('span', { class: 'badge', 'data-testid': 'held' }, `you hold ${nft.copiesHeld}`) : null)
        : h('p', {}, 'Owner: ', h('span', { class: 'owner mono', 'data-testid': 'owner' }, nft.burned ? 'burned' : nft.owner ?? 'unknown'),
          mine ? h('span', { class: 'badge' }, 'you') : null),
      royaltyLine(nft.royalty),
      attributes(nft.metadata?.attributes ?? []),
      h('section', { class: 'card', 'aria-label': 'Sale' }, saleBox(context), status.element),
      offersTable(context))),
  h('section', { 'aria-label': 'Price history' }, h('h2', {}, 'Price history'), priceChart(nft.history.filter((a) => a.kind === 'SALE'))),
  activityTable(nft.history));
  if (notice) status.info(notice);
  return fingerprint(nft);
}

/**
 * For a token minted elsewhere: how reading its metadata from its contract went (the problem as inert
 * text, whatever it says), and a refresh for signed-in viewers.
 */
function metadataLine(nft, me, status, reload) {
  const fetch = nft.metadataFetch;
  if (!fetch) return null;
  const text = fetch.state === 'BROKEN' ? `Metadata broken: ${fetch.problem ?? 'unreadable'}`
    : fetch.state === 'PENDING' ? 'Metadata is being read from the token\'s contract…'
      : fetch.problem ? `Metadata read from the token's contract; ${fetch.problem}` : null;
  const refresh = me ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try {
      const { id: chainId } = await chain();
      await api(`/api/v1/nfts/${chainId}/${nft.collection}/${nft.tokenId}/metadata/refresh`, { method: 'POST' });
      await reload('Metadata will be read again.');
    } catch (error) {
      status.error(error.message);
    }
  } }, 'Refresh metadata') : null;
  return h('p', { class: 'muted', 'data-testid': 'metadata-state' }, text, refresh ? ' ' : null, refresh);
}

/** What every sale pays the creator, as the token's contract says (ERC-2981). */
function royaltyLine(royalty) {
  if (!royalty) return h('p', { class: 'muted', 'data-testid': 'royalty' }, 'Royalty: none');
  return h('p', { 'data-testid': 'royalty' }, `Royalty: ${royalty.bps / 100}% of every sale to `,
    h('span', { class: 'mono', title: royalty.receiver }, shortAddress(royalty.receiver)));
}

function attributes(list) {
  if (list.length === 0) return null;
  return h('dl', { class: 'attributes' }, list.map((a) => h('div', {}, h('dt', {}, a.traitType), h('dd', {}, a.value))));
}

export function activityTable(history) {
  const cell = (address) => h('td', { class: 'mono', title: address ?? '' }, shortAddress(address ?? ''));
  return h('section', { 'aria-label': 'Activity' }, h('h2', {}, 'Activity'), history.length === 0 ? h('p', { class: 'muted' }, 'No activity yet.')
    : h('table', { class: 'activity' },
      h('thead', {}, h('tr', {}, ['Event', 'Price', 'From', 'To', 'When'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, history.map((a) => h('tr', {}, h('td', {}, a.kind.replaceAll('_', ' ').toLowerCase()), h('td', {}, a.priceWei ? ether(a.priceWei) : ''),
        cell(a.from), cell(a.to), h('td', {}, when(a.at)))))));
}
