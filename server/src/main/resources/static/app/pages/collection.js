// A collection: its stats (floor, volume, owners, items), what it has for sale, and every one of its items.
import { ApiError, api, chain } from '../api.js';
import { gatewayImage, h, show } from '../dom.js';
import { ether, shortAddress } from '../format.js';
import { gql } from '../graphql.js';
import { listingGrid, nftCard, pagedGrid } from './listings.js';
import { activityTable } from './nft.js';

const COLLECTION = `query Collection($address: String!) {
  collection(address: $address) { address stats { floorPriceWei volumeWei salesCount owners items listed }
    activity(first: 20) { kind from to priceWei currency txHash at } }
  listings(filter: { collection: $address }, first: 1) { edges { node { nft { metadata { image } } } } }
}`;
const ITEMS = `query Items($address: String!, $after: String) { collection(address: $address) {
  items(first: 24, after: $after) { edges { node { collection tokenId owner metadata { name image } listings { price currency } } }
    pageInfo { hasNextPage endCursor } } } }`;

export async function collectionPage(view, address) {
  const [{ collection, listings }, own] = await Promise.all([gql(COLLECTION, { address }), creatorsCollection(address)]);
  const stats = collection.stats;
  const banner = own?.imageUrl ?? listings.edges[0]?.node.nft.metadata?.image;
  const grid = h('div', { class: 'results' });
  const items = h('div', { class: 'results' });
  show(view, h('header', { class: 'banner' }, gatewayImage(banner, 'Collection banner', 'banner-art'),
    h('div', {}, h('h1', {}, own ? own.name : `Collection ${shortAddress(collection.address)}`), h('p', { class: 'mono muted' }, collection.address),
      own?.description ? h('p', { class: 'description' }, own.description) : null,
      own ? h('p', { 'data-testid': 'collection-terms' }, `${own.standard === 'ERC1155' ? 'Editions' : 'One of a kind'} by ${shortAddress(own.owner)}`,
        ` · ${own.royalty.bps / 100}% royalty to ${shortAddress(own.royalty.receiver)}`) : null)),
  h('dl', { class: 'stats' },
    stat('Floor', stats.floorPriceWei ? `${ether(stats.floorPriceWei)} ETH` : '—'),
    stat('Volume', `${ether(stats.volumeWei)} ETH`),
    stat('Sales', stats.salesCount), stat('Owners', stats.owners), stat('Items', stats.items), stat('Listed', stats.listed)),
  h('h2', {}, 'For sale'), grid, h('h2', {}, 'Items'), items, activityTable(collection.activity));
  await Promise.all([listingGrid(grid, { collection: collection.address }, 'PRICE_ASC'), itemGrid(items, collection.address)]);
}

/** The collection as its creator made it here, if one did; null for any other contract. */
async function creatorsCollection(address) {
  try {
    return await api(`/api/v1/collections/${(await chain()).id}/${address}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function itemGrid(container, address) {
  return pagedGrid(container, 'Items', 'No items yet.', async (after) => {
    const { collection } = await gql(ITEMS, { address, after });
    const cards = collection.items.edges.map(({ node }) => nftCard({ collection: node.collection, tokenId: node.tokenId, name: node.metadata?.name,
      image: node.metadata?.image, price: node.listings[0]?.price, currency: node.listings[0]?.currency }));
    return { page: collection.items, cards };
  });
}

function stat(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, String(value)));
}
