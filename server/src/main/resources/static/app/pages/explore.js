// Explore: what is for sale now (fixed price, on auction, or unminted), filtered, sorted and searched.
import { field, h, show } from '../dom.js';
import { ether, shortAddress, toWei } from '../format.js';
import { gql } from '../graphql.js';
import { checksumAddress } from '../keccak.js';
import { listingGrid, nftCard } from './listings.js';

const AUCTIONS = `{ openAuctions(first: 48) { id collection tokenId leadingBidWei startPriceWei endsAt } }`;
const LAZY_MINTS = `{ openLazyMints(first: 48) { id name image creator collection priceWei } }`;

export async function explorePage(view) {
  const [searchField, search] = field('Search by name', { type: 'search', name: 'search', minlength: 3, maxlength: 100 });
  const [saleTypeField, saleType] = field('Status', { tag: 'select', name: 'status',
    options: [['BUY_NOW', 'Buy now'], ['AUCTION', 'On auction'], ['UNMINTED', 'Unminted (minted when bought)']] });
  const [collectionField, collection] = field('Collection address', { name: 'collection', placeholder: '0x…', pattern: '0x[0-9a-fA-F]{40}' });
  const [minField, min] = field('Min price (ETH)', { name: 'min', inputmode: 'decimal' });
  const [maxField, max] = field('Max price (ETH)', { name: 'max', inputmode: 'decimal' });
  const [traitField, trait] = field('Trait', { name: 'trait', placeholder: 'Background' });
  const [valueField, value] = field('Trait value', { name: 'value', placeholder: 'Blue' });
  const [sortField, sort] = field('Sort by', { tag: 'select', name: 'sort',
    options: [['PRICE_ASC', 'Price: low to high'], ['PRICE_DESC', 'Price: high to low'], ['RECENT', 'Recently listed']] });
  const results = h('div', { class: 'results' });
  const problem = h('p', { class: 'status error', role: 'alert', hidden: true });

  let runs = 0;
  const run = async () => {
    problem.hidden = true;
    // each run draws into its own element; only the latest one is shown, whichever answers first
    const mine = ++runs;
    const target = h('div');
    try {
      if (saleType.value === 'AUCTION') {
        await auctionGrid(target);
      } else if (saleType.value === 'UNMINTED') {
        await lazyMintGrid(target);
      } else {
        await listingGrid(target, filter(), sort.value);
      }
      if (mine === runs) show(results, target);
    } catch (error) {
      if (mine !== runs) return;
      problem.textContent = error.message;
      problem.hidden = false;
    }
  };
  const filter = () => {
    const f = {};
    if (search.value.trim()) f.search = search.value.trim();
    if (collection.value.trim()) f.collection = checksumAddress(collection.value.trim());
    if (min.value.trim()) f.minPriceWei = toWei(min.value);
    if (max.value.trim()) f.maxPriceWei = toWei(max.value);
    if (trait.value.trim() && value.value.trim()) f.traits = [{ traitType: trait.value.trim(), value: value.value.trim() }];
    return f;
  };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter listings', onsubmit: (event) => {
    event.preventDefault();
    run();
  } }, searchField, saleTypeField, collectionField, minField, maxField, traitField, valueField, sortField, h('button', { type: 'submit' }, 'Apply'));
  saleType.addEventListener('change', run);
  sort.addEventListener('change', run);
  show(view, h('h1', {}, 'Explore'), form, problem, results);
  await run();
}

async function auctionGrid(container) {
  const { openAuctions } = await gql(AUCTIONS);
  if (openAuctions.length === 0) {
    show(container, h('p', { class: 'muted' }, 'No auction is taking bids right now.'));
    return;
  }
  // names and images of the auctioned tokens, in one request
  const parameters = openAuctions.map((a, i) => `$c${i}: String!, $t${i}: String!`).join(', ');
  const fields = openAuctions.map((a, i) => `a${i}: nft(collection: $c${i}, tokenId: $t${i}) { metadata { name image } }`).join(' ');
  const variables = Object.fromEntries(openAuctions.flatMap((a, i) => [[`c${i}`, a.collection], [`t${i}`, a.tokenId]]));
  const nfts = await gql(`query Auctioned(${parameters}) { ${fields} }`, variables);
  show(container, h('p', { class: 'muted', role: 'status' }, `${openAuctions.length} taking bids`), h('ul', { class: 'grid', 'aria-label': 'Auctions' }, openAuctions.map((auction, i) => nftCard({
    ...auction,
    name: nfts[`a${i}`]?.metadata?.name,
    image: nfts[`a${i}`]?.metadata?.image,
    price: ether(auction.leadingBidWei ?? auction.startPriceWei),
    currency: 'WETH',
    badge: auction.leadingBidWei ? 'Top bid' : 'Reserve',
    href: `#/auction/${auction.id}`,
  }))));
}

async function lazyMintGrid(container) {
  const { openLazyMints } = await gql(LAZY_MINTS);
  if (openLazyMints.length === 0) {
    show(container, h('p', { class: 'muted' }, 'Nothing is listed unminted right now.'));
    return;
  }
  show(container, h('p', { class: 'muted', role: 'status' }, `${openLazyMints.length} listed unminted`),
    h('ul', { class: 'grid', 'aria-label': 'Unminted' }, openLazyMints.map((lazy) => nftCard({
      ...lazy,
      meta: `by ${shortAddress(lazy.creator)}`,
      price: ether(lazy.priceWei),
      currency: 'ETH',
      badge: 'Unminted',
      href: `#/lazy/${lazy.id}`,
    }))));
}
