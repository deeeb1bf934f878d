// The web app's shell: a hash router over the pages, and the header's account area.
import { api, session } from './api.js';
import { h, show } from './dom.js';
import { shortAddress } from './format.js';
import { auctionPage } from './pages/auction.js';
import { loginPage, signupPage, connectWalletPage } from './pages/auth.js';
import { collectionPage } from './pages/collection.js';
import { createPage } from './pages/create.js';
import { explorePage } from './pages/explore.js';
import { nftPage } from './pages/nft.js';
import { profilePage } from './pages/profile.js';

const ROUTES = [
  [/^#?\/?$/, () => explorePage],
  [/^#\/nft\/(0x[0-9a-fA-F]{40})\/(\d{1,78})$/, () => nftPage],
  [/^#\/collection\/(0x[0-9a-fA-F]{40})$/, () => collectionPage],
  [/^#\/auction\/([0-9a-f-]{36})$/, () => auctionPage],
  [/^#\/create$/, () => createPage],
  [/^#\/me$/, () => profilePage],
  [/^#\/login$/, () => loginPage],
  [/^#\/signup$/, () => signupPage],
  [/^#\/connect$/, () => connectWalletPage],
];

const view = document.getElementById('view');
let leave = () => {};

async function route() {
  leave();
  leave = () => {};
  const hash = location.hash || '#/';
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(hash);
    if (match) {
      show(view, h('p', { class: 'status pending' }, 'Loading…'));
      try {
        // a page may return a function that stops its timers and subscriptions when we leave it
        leave = (await page()(view, ...match.slice(1))) ?? (() => {});
      } catch (error) {
        show(view, h('h1', {}, 'Something went wrong'), h('p', { class: 'status error', role: 'alert' }, error.message));
      }
      view.focus({ preventScroll: true });
      return;
    }
  }
  show(view, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to Explore')));
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

session.onChange(renderAccount);
window.addEventListener('hashchange', route);
renderAccount();
route();
