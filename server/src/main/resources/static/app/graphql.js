// GraphQL reads over HTTP, and subscriptions over WebSocket (the graphql-ws protocol).
import { freshAccessToken } from './api.js';

export class GraphQlError extends Error {}

export async function gql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = await freshAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok && !answer.errors) throw new GraphQlError(answer.detail ?? `The read failed (${response.status})`);
  if (answer.errors?.length) throw new GraphQlError(answer.errors.map((e) => e.message).join('; '));
  return answer.data;
}

/**
 * One subscription on its own connection. onSubscribed is called once the subscription is sent,
 * onNext gets each payload's data; onClose(reason) is called once when it ends for any reason
 * other than close(). Returns close().
 */
export function subscribe(query, variables, { onSubscribed, onNext, onError, onClose }) {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`, 'graphql-transport-ws');
  let closedByUs = false;
  socket.addEventListener('open', async () => {
    const token = await freshAccessToken();
    socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { accessToken: token } : {} }));
  });
  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type === 'connection_ack') {
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      onSubscribed?.();
    } else if (frame.type === 'next') {
      if (frame.payload.errors?.length) onError?.(new GraphQlError(frame.payload.errors.map((e) => e.message).join('; ')));
      else onNext(frame.payload.data);
    } else if (frame.type === 'error') {
      onError?.(new GraphQlError(frame.payload.map((e) => e.message).join('; ')));
    } else if (frame.type === 'ping') {
      socket.send(JSON.stringify({ type: 'pong' }));
    }
  });
  socket.addEventListener('close', (event) => {
    if (!closedByUs) onClose?.(event.reason || `closed (${event.code})`);
  });
  return () => {
    closedByUs = true;
    socket.close(1000);
  };
}
