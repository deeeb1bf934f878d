// Collections of one's own: create one (an ERC-721 or ERC-1155 contract owned by the creator's
// wallet), followed until the chain has it, and the list of the caller's collections.
import { api, idempotencyKey, session, until } from '../api.js';
import { field, h, show, statusLine } from '../dom.js';
import { shortAddress } from '../format.js';

/** The caller's own collections, as the API lists them (newest first); [] when signed out. */
export async function myCollections() {
  return session.get()?.profile ? api('/api/v1/user/collections') : [];
}

export function newCollectionPage(view) {
  if (!session.get()?.profile) {
    show(view, h('h1', {}, 'New collection'), h('p', {}, h('a', { href: '#/login' }, 'Log in'), ' to create a collection.'));
    return;
  }
  const [nameField, name] = field('Collection name', { required: true, maxlength: 64 });
  const [symbolField, symbol] = field('Symbol', { required: true, maxlength: 16, pattern: '[A-Za-z0-9]{1,16}' });
  const [standardField, standard] = field('Kind', { tag: 'select', options: [['ERC721', 'One of a kind (ERC-721)'], ['ERC1155', 'Editions (ERC-1155)']] });
  const [royaltyField, royalty] = field('Royalty on every sale (%)', { type: 'number', min: 0, max: 10, step: 0.01, value: 5, required: true });
  const [receiverField, receiver] = field('Royalty receiver (empty: your wallet)', { maxlength: 42, class: 'mono' });
  const [descriptionField, description] = field('Description', { tag: 'textarea', maxlength: 2000, rows: 3 });
  const [imageField, image] = field('Image', { type: 'file', accept: 'image/*' });
  const status = statusLine();
  const result = h('div');

  const form = h('form', { class: 'card', onsubmit: async (event) => {
    event.preventDefault();
    const collection = {
      name: name.value.trim(), symbol: symbol.value.trim(), standard: standard.value, royaltyBps: Math.round(Number(royalty.value) * 100),
      ...(receiver.value.trim() ? { royaltyReceiver: receiver.value.trim() } : {}),
      ...(description.value.trim() ? { description: description.value.trim() } : {}),
    };
    const body = new FormData();
    body.append('collection', new Blob([JSON.stringify(collection)], { type: 'application/json' }));
    if (image.files[0]) body.append('image', image.files[0]);
    form.querySelector('button[type=submit]').disabled = true;
    status.pending('Creating…');
    try {
      const requested = await api('/api/v1/collections', { method: 'POST', form: body, headers: { 'Idempotency-Key': idempotencyKey() } });
      const { address, chainId } = requested.collection;
      if (requested.transactionToSign) {
        status.info('Sign and send the transaction in your wallet; the collection appears once it is mined.');
        await window.ethereum?.request({ method: 'eth_sendTransaction', params: [requested.transactionToSign] });
      }
      status.pending(`Waiting for the chain to create ${shortAddress(address)}…`);
      const done = await until(() => api(`/api/v1/collections/${chainId}/${address}`), (c) => c.state !== 'PENDING', { timeoutMs: 300000 });
      if (done.state === 'FAILED') throw new Error('The transaction creating the collection failed.');
      status.info(`Created ${done.name} at ${address}.`);
      show(result, h('p', {}, h('a', { href: '#/create' }, `Mint into ${done.name}`), ' · ', h('a', { href: `#/collection/${address}` }, 'View the collection')));
    } catch (error) {
      status.error(error.message);
    } finally {
      form.querySelector('button[type=submit]').disabled = false;
    }
  } }, h('h1', {}, 'New collection'), nameField, symbolField, standardField, royaltyField, receiverField, descriptionField, imageField,
  h('button', { type: 'submit' }, 'Create collection'), status.element, result);
  show(view, form);
}

/** The profile's section: the caller's collections, and where to make one. */
export function collectionsSection(collections) {
  return [h('h2', {}, 'Your collections'),
    collections.length === 0 ? h('p', { class: 'muted' }, 'None yet.') : h('ul', { 'aria-label': 'Your collections' }, collections.map((c) =>
      h('li', {}, h('a', { href: `#/collection/${c.address}` }, `${c.name} (${c.symbol})`), ` · ${c.standard === 'ERC1155' ? 'editions' : 'one of a kind'}`,
        ` · ${c.royalty.bps / 100}% royalty · ${c.state.toLowerCase()}`))),
    h('p', {}, h('a', { href: '#/collections/new' }, 'Create a collection'))];
}
