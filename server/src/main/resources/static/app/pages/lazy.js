// A token listed unminted (lazy minting): its art, price and creator; a buyer's purchase mints it to
// them and pays the creator in one transaction, followed until the chain shows the new token.
import { api, idempotencyKey, session, until } from '../api.js';
import { gatewayImage, h, show, statusLine } from '../dom.js';
import { shortAddress, when } from '../format.js';
import { sendPrepared, signTypedData } from '../wallet.js';

export async function lazyMintPage(view, id) {
  const render = async () => {
    const lazy = await api(`/api/v1/lazy-mints/${id}`);
    const status = statusLine();
    const me = session.address()?.toLowerCase();
    const mine = Boolean(me) && lazy.creator.toLowerCase() === me;
    const actions = [];
    if (lazy.state === 'REDEEMED') {
      actions.push(h('p', {}, 'Sold and minted: ', h('a', { href: `#/nft/${lazy.collection}/${lazy.tokenId}` }, `token #${lazy.tokenId}`)));
    } else if (lazy.state === 'UNSIGNED' && !mine) {
      actions.push(h('p', { class: 'muted' }, 'Not listed yet: the creator has not signed it.'));
    } else if (lazy.state === 'UNSIGNED') {
      const sign = h('button', { type: 'button', onclick: async () => {
        sign.disabled = true;
        try {
          const signature = await signTypedData(lazy.typedData);
          await api(`/api/v1/lazy-mints/${id}/signature`, { method: 'POST', body: { signature } });
          await render();
        } catch (error) {
          status.error(error.message);
          sign.disabled = false;
        }
      } }, 'Sign the voucher to list it (no gas)');
      actions.push(sign);
    } else if (lazy.state === 'REDEEMING') {
      actions.push(h('p', { class: 'muted' }, 'Being bought and minted…'));
    } else if (!me) {
      actions.push(h('p', {}, h('a', { href: '#/login' }, 'Log in'), ' to buy.'));
    } else if (mine) {
      actions.push(h('p', { class: 'muted' }, 'Your voucher is listed; the buyer\'s purchase mints the token and pays you.'));
    } else {
      const button = h('button', { type: 'button', onclick: async () => {
        button.disabled = true;
        status.pending('Buying: your wallet mints the token and pays the creator…');
        try {
          const bought = await api(`/api/v1/lazy-mints/${id}/buy`, { method: 'POST', body: { priceWei: lazy.priceWei }, headers: { 'Idempotency-Key': idempotencyKey() } });
          if (bought.transactionToSign) {
            status.info('Confirm the purchase in your wallet: it mints the token to you and pays the creator.');
            await sendPrepared(bought.transactionToSign);
          }
          const done = await until(() => api(`/api/v1/lazy-mints/${id}`), (l) => l.state === 'REDEEMED' || (!bought.transactionToSign && l.state !== 'REDEEMING'),
            { timeoutMs: 300000 });
          if (done.state !== 'REDEEMED') throw new Error('The purchase did not go through on the chain; the token is still for sale.');
          location.hash = `#/nft/${done.collection}/${done.tokenId}`;
        } catch (error) {
          status.error(error.message);
          button.disabled = false;
        }
      } }, `Buy for ${lazy.price} ETH`);
      actions.push(button);
    }
    show(view, h('article', { class: 'nft' },
      h('div', { class: 'nft-art' }, gatewayImage(lazy.image, lazy.name, 'art large')),
      h('div', { class: 'nft-info' },
        h('h1', {}, lazy.name),
        h('p', { class: 'muted' }, 'Not minted yet: minted to its buyer on purchase (lazy minting).'),
        h('p', {}, 'Creator: ', h('span', { class: 'mono', title: lazy.creator }, shortAddress(lazy.creator)),
          ` · royalty ${(lazy.royaltyBps / 100).toString()}% on resales`),
        h('section', { class: 'card', 'aria-label': 'Sale' },
          h('p', { class: 'price', 'data-testid': 'price' }, `${lazy.price} ETH`),
          h('p', { class: 'muted' }, `Offered until ${when(lazy.endTime)}`), actions, status.element))));
  };
  await render();
}
