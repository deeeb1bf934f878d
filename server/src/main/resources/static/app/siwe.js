// Sign-In with Ethereum (EIP-4361) messages, built exactly by the standard's grammar. Pure: no DOM,
// so the interoperability spec can load this very module in Node and parse its output with the
// official `siwe` library.

/**
 * @param {{domain: string, address: string, statement?: string, uri: string, chainId: number,
 *          nonce: string, issuedAt: string, expirationTime?: string}} fields  address in EIP-55 form
 */
export function siweMessage({ domain, address, statement, uri, chainId, nonce, issuedAt, expirationTime }) {
  const lines = [`${domain} wants you to sign in with your Ethereum account:`, address, ''];
  if (statement) lines.push(statement, '');
  lines.push(`URI: ${uri}`, 'Version: 1', `Chain ID: ${chainId}`, `Nonce: ${nonce}`, `Issued At: ${issuedAt}`);
  if (expirationTime) lines.push(`Expiration Time: ${expirationTime}`);
  return lines.join('\n');
}

/** personal_sign takes the message as hex of its UTF-8 bytes. */
export function utf8Hex(text) {
  return `0x${Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
