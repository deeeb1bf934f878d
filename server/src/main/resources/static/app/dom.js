// Building the page from data. Metadata, names and addresses are hostile input: they only ever
// become text nodes or attribute values checked here, never markup (no innerHTML anywhere).

const SVG = 'http://www.w3.org/2000/svg';
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/** An element: h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, [more]). */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element, same shape as h(). */
export function svg(tag, attributes = {}, ...children) {
  return build(document.createElementNS(SVG, tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'innerHTML' || name === 'srcdoc' || name.startsWith('on')) {
      throw new Error(`refusing to set ${name}`);
    } else if (URL_ATTRIBUTES.has(name)) {
      element.setAttribute(name, safeUrl(String(value)));
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what a container shows. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
  return container;
}

/** Paths of this site, this page's blob: previews and http(s) links; anything else (javascript:, data:, //host...) becomes '#'. */
export function safeUrl(url) {
  if (url.startsWith('#') || url.startsWith(`blob:${location.origin}/`)) return url;
  let parsed;
  try {
    parsed = new URL(url, location.origin);
  } catch {
    return '#';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '#';
  // a "relative" URL that browsers resolve to another host (/\evil.example, /<tab>/evil.example) is not ours
  if (!/^[a-z]+:/i.test(url) && parsed.origin !== location.origin) return '#';
  return parsed.href;
}

/** An image only from our own IPFS gateway (metadata images are stored by CID): never a third-party tracker. */
export function gatewayImage(path, alt, className = 'art') {
  // a CID and plain path segments: no '.' or '..' segments that would climb out of /ipfs
  if (typeof path === 'string' && /^\/ipfs\/[A-Za-z0-9]+(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(path)) {
    return h('img', { src: path, alt, class: className, loading: 'lazy' });
  }
  return alt ? h('div', { class: `${className} placeholder`, role: 'img', 'aria-label': alt }, 'No image')
    : h('div', { class: `${className} placeholder`, 'aria-hidden': 'true' }, 'No image');
}

/** A status line for forms: info, pending (spinner) or error, read out by screen readers. */
export function statusLine() {
  const line = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const set = (kind, text) => {
    // errors interrupt (alert); progress and results wait their turn (status)
    line.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    line.className = `status ${kind}`;
    line.textContent = text;
  };
  return {
    element: line,
    info: (text) => set('info', text),
    pending: (text) => set('pending', text),
    error: (text) => set('error', text),
    clear: () => set('', ''),
  };
}

/** A labelled form field; returns [wrapper, input]. */
export function field(label, attributes = {}) {
  const id = attributes.id ?? `f-${Math.random().toString(36).slice(2, 9)}`;
  const input = attributes.tag === 'select'
    ? h('select', { ...attributes, tag: undefined, options: undefined, id }, (attributes.options ?? []).map(([value, text]) => h('option', { value }, text)))
    : attributes.tag === 'textarea' ? h('textarea', { ...attributes, tag: undefined, id }) : h('input', { ...attributes, id });
  return [h('div', { class: 'field' }, h('label', { for: id }, label), input), input];
}
