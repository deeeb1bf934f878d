// The listings grid shared by Explore and the collection page: GraphQL pages of 24 with a cursor.
import { gatewayImage, h, show } from '../dom.js';
import { shortAddress } from '../format.js';
import { gql } from '../graphql.js';

const LISTINGS = `query Listings($filter: ListingFilter, $sort: ListingSort, $after: String) {
  listings(filter: $filter, sort: $sort, first: 24, after: $after) {
    edges { node { hash collection tokenId price currency name nft { metadata { image } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A tile linking to the token (or href); meta replaces the contract and id line (a token not minted yet has neither). */
export function nftCard({ collection, tokenId, name, image, price, currency, badge, href, meta }) {
  const title = name ?? `#${tokenId}`;
  return h('li', { class: 'tile' }, h('a', { href: href ?? `#/nft/${collection}/${tokenId}` },
    gatewayImage(image, ''), // decorative here: the tile's text names it
    h('span', { class: 'tile-name' }, title),
    h('span', { class: 'tile-meta' }, meta ?? [shortAddress(collection), ' · #', tokenId]),
    price ? h('span', { class: 'tile-price' }, badge ? h('span', { class: 'badge' }, badge) : null, `${price} ${currency}`) : null));
}

/** Fills container with the listings that match; a "Load more" button pages on. */
export function listingGrid(container, filter, sort) {
  return pagedGrid(container, 'Listings', 'Nothing listed matches.', async (after) => {
    const { listings } = await gql(LISTINGS, { filter, sort, after });
    return { page: listings, cards: listings.edges.map(({ node }) => nftCard({ ...node, image: node.nft.metadata?.image, badge: 'Buy now' })) };
  });
}

/** A grid of cards filled a page at a time by load(after), which answers { page: a connection, cards }. */
export async function pagedGrid(container, label, empty, load) {
  const grid = h('ul', { class: 'grid', 'aria-label': label });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  const count = h('p', { class: 'muted', role: 'status' });
  show(container, count, grid, more);
  let after = null;
  const next = async () => {
    more.disabled = true;
    const { page, cards } = await load(after);
    grid.append(...cards);
    after = page.pageInfo.endCursor;
    more.hidden = !page.pageInfo.hasNextPage;
    more.disabled = false;
    count.textContent = grid.children.length ? `${grid.children.length} shown${more.hidden ? '' : ', more below'}` : empty;
  };
  more.addEventListener('click', () => next().catch((error) => show(container, h('p', { class: 'status error', role: 'alert' }, error.message))));
  await next();
}
