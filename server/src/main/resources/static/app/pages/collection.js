// A collection: its stats (floor, volume, owners, items), what it has for sale, and every one of its items.
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
  const { collection, listings } = await gql(COLLECTION, { address });
  const stats = collection.stats;
  const banner = listings.edges[0]?.node.nft.metadata?.image;
  const grid = h('div', { class: 'results' });
  const items = h('div', { class: 'results' });
  show(view, h('header', { class: 'banner' }, gatewayImage(banner, 'Collection banner', 'banner-art'),
    h('div', {}, h('h1', {}, `Collection ${shortAddress(collection.address)}`), h('p', { class: 'mono muted' }, collection.address))),
  h('dl', { class: 'stats' },
    stat('Floor', stats.floorPriceWei ? `${ether(stats.floorPriceWei)} ETH` : '—'),
    stat('Volume', `${ether(stats.volumeWei)} ETH`),
    stat('Sales', stats.salesCount), stat('Owners', stats.owners), stat('Items', stats.items), stat('Listed', stats.listed)),
  h('h2', {}, 'For sale'), grid, h('h2', {}, 'Items'), items, activityTable(collection.activity));
  await Promise.all([listingGrid(grid, { collection: collection.address }, 'PRICE_ASC'), itemGrid(items, collection.address)]);
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
