// The live auction room: current bid, a countdown that follows extensions, the bid form with the
// least next bid, and the bid list, all kept live over one graphql-ws subscription that resumes
// from the last sequence number it saw.
import { api, session } from '../api.js';
import { field, gatewayImage, h, show, statusLine } from '../dom.js';
import { countdown, ether, shortAddress, toWei, when } from '../format.js';
import { gql, subscribe } from '../graphql.js';
import { placeOwnBid } from '../wallet.js';
import { confirmButton } from './nft-actions.js';

const AUCTION = `query Auction($id: ID!) { auction(id: $id) { id collection tokenId amount seller type startPriceWei buyNowPriceWei seq phase endsAt
  leader leadingBidWei bids minimumBidWei extensionWindowSeconds } }`;
const NFT = 'query($c: String!, $t: String!) { nft(collection: $c, tokenId: $t) { metadata { name image } } }';
const EVENTS = `subscription Events($id: ID!, $after: Long) { auctionEvents(auctionId: $id, after: $after) {
  seq kind at bidder amountWei outbid outbidAmountWei extended detail phase endsAt leader leadingBidWei bids } }`;

export async function auctionPage(view, id) {
  let { auction } = await gql(AUCTION, { id });
  if (!auction) throw new Error('No such auction');
  const { nft } = await gql(NFT, { c: auction.collection, t: auction.tokenId });
  const name = nft?.metadata?.name ?? `#${auction.tokenId}`;
  const me = session.address()?.toLowerCase();

  const current = h('p', { class: 'price', 'data-testid': 'current-bid' });
  const leader = h('p', { class: 'muted', 'data-testid': 'leader' });
  const clock = h('p', { class: 'countdown', 'data-testid': 'countdown', role: 'timer', 'aria-live': 'off' });
  const phase = h('p', { 'data-testid': 'phase' });
  const alert = h('p', { class: 'status error', role: 'alert', hidden: true, 'data-testid': 'outbid' });
  const bids = h('ol', { class: 'bids', 'aria-label': 'Bids', 'aria-live': 'polite', reversed: true, 'data-testid': 'bids' });
  const status = statusLine();
  const [amountField, amount] = field('Your bid (WETH)', { inputmode: 'decimal', required: true, autocomplete: 'off', name: 'amount' });
  const minimum = h('p', { class: 'muted', 'data-testid': 'minimum' });
  const sellerIsMe = me && auction.seller.toLowerCase() === me;
  const cancelControl = confirmButton('Cancel auction', status, async () => {
    const event = await api(`/api/v1/auctions/${id}/cancel`, { method: 'POST' });
    status.info(`Auction cancelled (#${event.seq}). You can list the token again.`);
  });

  const render = () => {
    current.textContent = auction.leadingBidWei ? `Current bid ${ether(auction.leadingBidWei)} WETH` : `Reserve ${ether(auction.startPriceWei)} WETH`;
    leader.textContent = auction.leader ? `Leader ${auction.leader}${auction.leader.toLowerCase() === me ? ' (you)' : ''}` : 'No bids yet';
    phase.textContent = auction.phase === 'OPEN' ? '' : `Auction ${auction.phase.toLowerCase()}`;
    minimum.textContent = auction.minimumBidWei ? `Minimum next bid ${ether(auction.minimumBidWei)} WETH` : '';
    // the least acceptable bid, until the bidder types their own: never change what they typed
    if (auction.minimumBidWei && !amount.dataset.typed) amount.value = ether(auction.minimumBidWei);
    // a seller may take the auction back only until its first bid
    cancelControl.hidden = !(sellerIsMe && auction.phase === 'OPEN' && auction.bids === 0);
  };
  const tick = () => {
    clock.textContent = auction.phase !== 'OPEN' ? 'Bidding closed'
      : auction.endsAt ? `Ends in ${countdown(Date.parse(auction.endsAt) - Date.now())}` : 'The clock starts with the first bid at or above the reserve';
  };
  amount.addEventListener('input', () => {
    amount.dataset.typed = 'yes';
  });
  const form = h('form', { class: 'inline-form', onsubmit: async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    status.pending('Placing your bid…');
    try {
      const wei = toWei(amount.value);
      const answer = session.selfCustody() ? await placeOwnBid(id, wei)
        : await api('/api/v1/nfts/bid', { method: 'POST', body: { auctionId: id, amountWei: wei } });
      status.info(`Your bid of ${ether(answer.event.amountWei)} WETH leads (#${answer.event.seq}).`);
      delete amount.dataset.typed;
    } catch (error) {
      status.error(error.problem?.reason ? `Bid refused (${error.problem.reason}): ${error.message}` : error.message);
    } finally {
      button.disabled = false;
    }
  } }, amountField, h('button', { type: 'submit' }, 'Place bid'));

  const canBid = me && !sellerIsMe;
  show(view, h('article', { class: 'nft auction' },
    h('div', { class: 'nft-art' }, gatewayImage(nft?.metadata?.image, name, 'art large')),
    h('div', { class: 'nft-info' },
      h('p', { class: 'muted' }, h('a', { href: `#/nft/${auction.collection}/${auction.tokenId}` }, 'Token page'), ` · ${auction.type.toLowerCase()} auction`),
      h('h1', {}, name), auction.amount !== '1' ? h('p', { 'data-testid': 'copies' }, `${auction.amount} copies, sold together`) : null,
      h('p', { class: 'muted' }, 'Seller ', h('span', { class: 'mono' }, auction.seller)),
      h('section', { class: 'card', 'aria-label': 'Bidding' }, current, leader, clock, phase, minimum, alert,
        canBid ? form : h('p', { class: 'muted' }, me ? 'You are the seller.' : 'Log in or connect a wallet to bid.'), cancelControl, status.element),
      h('h2', {}, 'Bids'), bids)));
  render();
  tick();
  const timer = setInterval(tick, 250);

  let lastSeq = 0;
  let stop = () => {};
  let left = false;
  let reconnect;
  const refreshMinimum = async () => {
    ({ auction } = await gql(AUCTION, { id }));
    render();
    tick();
  };
  const listen = () => {
    stop = subscribe(EVENTS, { id, after: lastSeq }, {
      onNext: ({ auctionEvents: event }) => {
        if (event.seq <= lastSeq) return;
        lastSeq = event.seq;
        Object.assign(auction, { phase: event.phase, endsAt: event.endsAt, leader: event.leader, leadingBidWei: event.leadingBidWei, bids: event.bids, seq: event.seq });
        if (event.kind === 'BID') {
          bids.prepend(h('li', {}, h('strong', {}, `${ether(event.amountWei)} WETH`), ' by ',
            h('span', { class: 'mono', title: event.bidder }, shortAddress(event.bidder)), ` · ${when(event.at)}`, event.extended ? ' · extended the end' : ''));
          if (me && event.outbid?.toLowerCase() === me) {
            alert.textContent = `You were outbid: ${ether(event.amountWei)} WETH now leads.`;
            alert.hidden = false;
            status.clear();
          } else if (me && event.bidder?.toLowerCase() === me) {
            alert.hidden = true;
          }
        }
        render();
        tick();
        refreshMinimum().catch(() => {});
      },
      onError: (error) => status.error(error.message),
      onClose: () => {
        if (!left) reconnect = setTimeout(() => left || listen(), 1000);
      },
    });
  };
  listen();
  return () => {
    left = true;
    clearInterval(timer);
    clearTimeout(reconnect);
    stop();
  };
}
