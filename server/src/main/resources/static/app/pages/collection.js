// A collection: its stats (floor, volume, owners, items) and what it has for sale.
import { gatewayImage, h, show } from '../dom.js';
import { ether, shortAddress } from '../format.js';
import { gql } from '../graphql.js';
import { listingGrid } from './listings.js';
import { activityTable } from './nft.js';

const COLLECTION = `query Collection($address: String!) {
  collection(address: $address) { address stats { floorPriceWei volumeWei salesCount owners items listed }
    activity(first: 20) { kind from to priceWei currency txHash at } }
  listings(filter: { collection: $address }, first: 1) { edges { node { nft { metadata { image } } } } }
}`;

export async function collectionPage(view, address) {
  const { collection, listings } = await gql(COLLECTION, { address });
  const stats = collection.stats;
  const banner = listings.edges[0]?.node.nft.metadata?.image;
  const grid = h('div', { class: 'results' });
  show(view, h('header', { class: 'banner' }, gatewayImage(banner, 'Collection banner', 'banner-art'),
    h('div', {}, h('h1', {}, `Collection ${shortAddress(collection.address)}`), h('p', { class: 'mono muted' }, collection.address))),
  h('dl', { class: 'stats' },
    stat('Floor', stats.floorPriceWei ? `${ether(stats.floorPriceWei)} ETH` : '—'),
    stat('Volume', `${ether(stats.volumeWei)} ETH`),
    stat('Sales', stats.salesCount), stat('Owners', stats.owners), stat('Items', stats.items), stat('Listed', stats.listed)),
  h('h2', {}, 'For sale'), grid, activityTable(collection.activity));
  await listingGrid(grid, { collection: collection.address }, 'PRICE_ASC');
}

function stat(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, String(value)));
}
