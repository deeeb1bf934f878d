// Create: an image (or several: a drop), metadata and attributes, a preview, then the mint,
// followed from submitted to confirmed.
import { api, idempotencyKey, session, until } from '../api.js';
import { field, h, show, statusLine } from '../dom.js';
import { signTypedData } from '../wallet.js';
import { myCollections } from './collections.js';

const STEPS = ['QUEUED', 'SIGNED', 'SENT', 'MINED', 'CONFIRMED'];
const STEP_NAMES = { QUEUED: 'Submitted', SIGNED: 'Signed', SENT: 'Sent to the chain', MINED: 'Mined', CONFIRMED: 'Confirmed' };

export async function createPage(view) {
  if (!session.get()?.profile) {
    show(view, h('h1', {}, 'Create'), h('p', {}, h('a', { href: '#/login' }, 'Log in'), ' to mint.'));
    return;
  }
  const [imageField, image] = field('Image (PNG, JPEG, GIF, WebP or AVIF; several for a drop)', { type: 'file', accept: 'image/*', multiple: true, required: true });
  const [nameField, name] = field('Name', { required: true, maxlength: 200 });
  const [descriptionField, description] = field('Description', { tag: 'textarea', maxlength: 10000, rows: 3 });
  // every resale pays the creator this share (ERC-2981), up to the 10% the exchange pays at most
  const [royaltyField, royalty] = field('Royalty on resales (%)', { type: 'number', min: 0, max: 10, step: 0.01, value: 5, required: true });
  // into the shared collection, or into one of the creator's own (whose royalty is the collection's)
  const own = (await myCollections()).filter((c) => c.state === 'CREATED');
  const [collectionField, collection] = field('Collection', { tag: 'select',
    options: [['', 'NFT Traders (shared)'], ...own.map((c) => [c.address, `${c.name} (${c.symbol})${c.standard === 'ERC1155' ? ', editions' : ''}`])] });
  const [copiesField, copies] = field('Copies (an edition)', { type: 'number', min: 1, max: 1000000000, step: 1, value: 1 });
  // in the shared collection a token may be listed unminted: the buyer's purchase mints it (lazy minting)
  const [howField, how] = field('How', { tag: 'select', options: [['now', 'Mint now (your wallet pays the gas)'],
    ['lazy', 'List for sale unminted: minted when bought, no gas for you']] });
  const [priceField, price] = field('Price (ETH)', { inputmode: 'decimal', autocomplete: 'off' });
  const chosen = () => own.find((c) => c.address === collection.value);
  const lazy = () => !chosen() && how.value === 'lazy';
  const showChoice = () => {
    royaltyField.hidden = Boolean(chosen());
    royalty.required = !chosen();
    copiesField.hidden = chosen()?.standard !== 'ERC1155';
    howField.hidden = Boolean(chosen());
    priceField.hidden = !lazy();
    price.required = lazy();
  };
  collection.addEventListener('change', showChoice);
  how.addEventListener('change', showChoice);
  showChoice();
  const attributes = h('div', { class: 'attribute-rows' });
  const addAttribute = () => {
    const [typeField] = field('Trait', { class: 'trait-type', maxlength: 100 });
    const [valueField] = field('Value', { class: 'trait-value', maxlength: 200 });
    attributes.append(h('div', { class: 'attribute-row' }, typeField, valueField));
  };
  addAttribute();
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const progress = h('ol', { class: 'progress', 'aria-label': 'Mint progress' });
  const status = statusLine();
  const result = h('div');

  const metadata = () => ({
    name: name.value.trim(),
    ...(description.value.trim() ? { description: description.value.trim() } : {}),
    attributes: [...attributes.querySelectorAll('.attribute-row')].map((row) => ({
      trait_type: row.querySelector('.trait-type').value.trim(), value: row.querySelector('.trait-value').value.trim(),
    })).filter((a) => a.trait_type && a.value),
  });
  let previews = [];
  image.addEventListener('change', () => {
    // one object URL per chosen file, released when the choice changes
    previews.forEach((url) => URL.revokeObjectURL(url));
    previews = [...image.files].slice(0, 8).map((file) => URL.createObjectURL(file));
    renderPreview();
  });
  const renderPreview = () => {
    const meta = metadata();
    show(preview, previews.map((url, i) => h('figure', { class: 'tile' }, h('img', { src: url, alt: `Preview ${i + 1}`, class: 'art' }),
      h('figcaption', {}, image.files.length > 1 ? `${meta.name} #${i + 1}` : meta.name || 'Untitled'))));
  };
  name.addEventListener('input', renderPreview);

  const form = h('form', { class: 'card', onsubmit: async (event) => {
    event.preventDefault();
    const files = [...image.files];
    const meta = metadata();
    if (lazy()) {
      await listUnminted(files, meta);
      return;
    }
    const body = new FormData();
    let path = '/api/v1/nfts';
    if (files.length > 1) {
      path = '/api/v1/nfts/batch';
      files.forEach((file) => body.append('images', file));
      body.append('metadata', new Blob([JSON.stringify(files.map((f, i) => ({ ...meta, name: `${meta.name} #${i + 1}` })))], { type: 'application/json' }));
    } else {
      body.append('image', files[0]);
      body.append('metadata', new Blob([JSON.stringify(meta)], { type: 'application/json' }));
    }
    const target = chosen();
    if (target) {
      body.append('collection', target.address);
      if (target.standard === 'ERC1155') body.append('supply', String(copies.value));
    } else {
      body.append('royaltyBps', String(Math.round(Number(royalty.value) * 100)));
    }
    form.querySelector('button[type=submit]').disabled = true;
    status.pending('Uploading…');
    try {
      const accepted = await api(path, { method: 'POST', form: body, headers: { 'Idempotency-Key': idempotencyKey() } });
      status.pending('Minting…');
      const done = await until(() => api(`/api/v1/transactions/${accepted.transactionId}`), (tx) => {
        showProgress(progress, tx.status);
        return (tx.status === 'CONFIRMED' && tx.tokenIds?.length) || tx.status === 'FAILED';
      }, { timeoutMs: 300000 });
      if (done.status === 'FAILED') throw new Error(`The mint failed: ${done.error ?? 'no reason given'}`);
      status.info(`Minted ${done.tokenIds.length === 1 ? 'token' : 'tokens'} ${done.tokenIds.join(', ')}.`);
      show(result, h('ul', {}, done.tokenIds.map((id) => h('li', {}, h('a', { href: `#/nft/${accepted.contract}/${id}` }, `View token #${id}`)))),
        h('p', {}, h('a', { href: '#/collections/new' }, 'Or create a collection of your own')));
    } catch (error) {
      status.error(error.message);
    } finally {
      form.querySelector('button[type=submit]').disabled = false;
    }
  } }, h('h1', {}, 'Create'), collectionField, howField, priceField, copiesField, imageField, nameField, descriptionField, royaltyField, h('fieldset', {}, h('legend', {}, 'Attributes'), attributes,
    h('button', { type: 'button', class: 'secondary', onclick: addAttribute }, 'Add attribute')),
  h('h2', {}, 'Preview'), preview, h('button', { type: 'submit' }, 'Mint'), progress, status.element, result);
  show(view, form);

  /** Lazy minting: the voucher is signed (by the server's custodial wallet, or in the user's own) and listed; the token exists once bought. */
  async function listUnminted(files, meta) {
    if (files.length !== 1) {
      status.error('List one image at a time unminted (a drop is minted at once).');
      return;
    }
    const body = new FormData();
    body.append('image', files[0]);
    body.append('metadata', new Blob([JSON.stringify(meta)], { type: 'application/json' }));
    body.append('price', price.value.trim());
    body.append('royaltyBps', String(Math.round(Number(royalty.value) * 100)));
    form.querySelector('button[type=submit]').disabled = true;
    status.pending('Signing the voucher…');
    try {
      const listed = await api('/api/v1/lazy-mints', { method: 'POST', form: body });
      if (listed.state === 'UNSIGNED') {
        status.info('Sign the voucher in your wallet: signing costs no gas.');
        const signature = await signTypedData(listed.typedData);
        await api(`/api/v1/lazy-mints/${listed.id}/signature`, { method: 'POST', body: { signature } });
      }
      location.hash = `#/lazy/${listed.id}`;
    } catch (error) {
      status.error(error.message);
    } finally {
      form.querySelector('button[type=submit]').disabled = false;
    }
  }
}

function showProgress(list, current) {
  const reached = STEPS.indexOf(current);
  show(list, STEPS.map((step, i) => h('li', { class: i <= reached ? 'done' : '', 'aria-current': i === reached ? 'step' : false }, STEP_NAMES[step])));
}
