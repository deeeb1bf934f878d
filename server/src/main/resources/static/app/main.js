// The web app's shell: a hash router over the pages, and the header's account area.
import { api, session } from './api.js';
import { h, show } from './dom.js';
import { shortAddress } from './format.js';
import { auctionPage } from './pages/auction.js';
import { loginPage, signupPage, connectWalletPage } from './pages/auth.js';
import { collectionPage } from './pages/collection.js';
import { newCollectionPage } from './pages/collections.js';
import { createPage } from './pages/create.js';
import { explorePage } from './pages/explore.js';
import { lazyMintPage } from './pages/lazy.js';
import { nftPage } from './pages/nft.js';
import { profilePage } from './pages/profile.js';

const ROUTES = [
  [/^#?\/?$/, () => explorePage],
  [/^#\/nft\/(0x[0-9a-fA-F]{40})\/(\d{1,78})$/, () => nftPage],
  [/^#\/collection\/(0x[0-9a-fA-F]{40})$/, () => collectionPage],
  [/^#\/auction\/([0-9a-f-]{36})$/, () => auctionPage],
  [/^#\/lazy\/([0-9a-f-]{36})$/, () => lazyMintPage],
  [/^#\/create$/, () => createPage],
  [/^#\/collections\/new$/, () => newCollectionPage],
  [/^#\/me$/, () => profilePage],
  [/^#\/login$/, () => loginPage],
  [/^#\/signup$/, () => signupPage],
  [/^#\/connect$/, () => connectWalletPage],
];

const view = document.getElementById('view');
let navigation = 0;
let leave = () => {};

async function route() {
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/')) return; // an in-page anchor such as the skip link, not a page
  leave();
  leave = () => {};
  const current = ++navigation;
  // each visit draws into its own container: a page still loading when we move on draws into a
  // detached element, never over the next page
  const container = h('div', { class: 'page' }, h('p', { class: 'status pending' }, 'Loading…'));
  show(view, container);
  const found = ROUTES.map(([pattern, page]) => [pattern.exec(hash), page]).find(([match]) => match);
  if (!found) {
    show(container, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to Explore')));
  } else {
    try {
      // a page may return a function that stops its timers and subscriptions when we leave it
      const stop = (await found[1]()(container, ...found[0].slice(1))) ?? (() => {});
      if (current === navigation) leave = stop;
      else stop();
    } catch (error) {
      if (current === navigation) show(container, h('h1', {}, 'Something went wrong'), h('p', { class: 'status error', role: 'alert' }, error.message));
    }
  }
  if (current !== navigation) return;
  document.title = `${container.querySelector('h1')?.textContent ?? 'NFT Traders'} · NFT Traders`;
  // move focus to the new content unless the page put it somewhere itself (a form's first field)
  if (!container.contains(document.activeElement)) view.focus({ preventScroll: true });
}

function renderAccount() {
  const area = document.getElementById('account');
  const current = session.get();
  if (!current?.profile) {
    show(area, h('a', { href: '#/login' }, 'Log in'), h('a', { href: '#/signup', class: 'button' }, 'Sign up'),
      h('a', { href: '#/connect', class: 'button secondary' }, 'Connect wallet'));
    return;
  }
  const who = current.profile.email ?? shortAddress(current.profile.address);
  show(area, h('a', { href: '#/me', class: 'who', title: session.address() ?? '' }, who),
    h('button', { type: 'button', class: 'secondary', onclick: logout }, 'Log out'));
}

async function logout() {
  const refreshToken = session.get()?.tokens?.refreshToken;
  try {
    if (refreshToken) await api('/api/v1/auth/logout', { method: 'POST', body: { refreshToken } });
  } finally {
    session.set(null);
    location.hash = '#/';
  }
}

// the skip link moves focus without touching the hash, which is the router's
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  view.focus();
});
session.onChange(renderAccount);
window.addEventListener('hashchange', route);
renderAccount();
route();
