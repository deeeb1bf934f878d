// Sign up, log in (email and password: a custodial wallet) and Connect wallet (Sign-In with Ethereum).
import { api, startSession } from '../api.js';
import { field, h, show, statusLine } from '../dom.js';
import { discoverWallets, signInWithWallet } from '../wallet.js';

export function loginPage(view) {
  credentialsForm(view, 'Log in', 'Log in', async (credentials) => {
    await startSession(await api('/api/v1/auth/login', { method: 'POST', body: credentials }));
  });
}

export function signupPage(view) {
  credentialsForm(view, 'Create your account', 'Sign up', async (credentials) => {
    await api('/api/v1/auth/signup', { method: 'POST', body: credentials });
    await startSession(await api('/api/v1/auth/login', { method: 'POST', body: credentials }));
  }, 'Your account gets its own Ethereum wallet, kept encrypted on this server. Passwords need at least 10 characters.');
}

function credentialsForm(view, title, action, submit, note) {
  const [emailField, email] = field('Email', { type: 'email', name: 'email', required: true, autocomplete: 'email' });
  const [passwordField, password] = field('Password', { type: 'password', name: 'password', required: true, minlength: 10,
    autocomplete: action === 'Sign up' ? 'new-password' : 'current-password' });
  const status = statusLine();
  const form = h('form', { class: 'card narrow', onsubmit: async (event) => {
    event.preventDefault();
    status.pending(`${action}…`);
    try {
      await submit({ email: email.value.trim(), password: password.value });
      location.hash = '#/me';
    } catch (error) {
      status.error(error.message);
    }
  } }, h('h1', {}, title), note ? h('p', { class: 'muted' }, note) : null, emailField, passwordField,
  h('button', { type: 'submit' }, action), status.element,
  h('p', { class: 'muted' }, 'Keep your own keys? ', h('a', { href: '#/connect' }, 'Connect a wallet')));
  show(view, form);
  email.focus();
}

export async function connectWalletPage(view) {
  const status = statusLine();
  const list = h('ul', { class: 'wallets' });
  show(view, h('section', { class: 'card narrow' }, h('h1', {}, 'Connect wallet'),
    h('p', { class: 'muted' }, 'Sign in with your own Ethereum wallet (Sign-In with Ethereum). Your key stays in your wallet: '
      + 'you sign your orders and bids yourself.'), list, status.element));
  const wallets = await discoverWallets();
  if (wallets.length === 0) {
    status.info('No wallet found in this browser. Install a wallet extension, or sign up with email for a wallet kept for you.');
    return;
  }
  show(list, wallets.map((wallet) => h('li', {}, h('button', { type: 'button', onclick: async () => {
    status.pending(`Waiting for ${wallet.info.name}: approve the sign-in message…`);
    try {
      const address = await signInWithWallet(wallet);
      status.info(`Signed in as ${address}`);
      location.hash = '#/me';
    } catch (error) {
      status.error(`Sign-in failed: ${error.message}`);
    }
  } }, `Sign in with ${wallet.info.name}`))));
}
