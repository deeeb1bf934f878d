// A price-history chart as inline SVG: one point per sale, prices in ether on a linear scale.
import { h, svg } from '../dom.js';
import { ether } from '../format.js';

const WIDTH = 600;
const HEIGHT = 160;
const PAD = 28;

export function priceChart(sales) {
  const points = sales.filter((s) => s.priceWei && s.at).map((s) => ({ at: Date.parse(s.at), wei: BigInt(s.priceWei) })).sort((a, b) => a.at - b.at);
  if (points.length === 0) return h('p', { class: 'muted' }, 'No sales yet.');
  const maxWei = points.reduce((m, p) => (p.wei > m ? p.wei : m), 1n);
  const first = points[0].at;
  const span = Math.max(points[points.length - 1].at - first, 1);
  // scale in integer steps of 1/1000 of the maximum: exact enough for pixels, no float money
  const y = (wei) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * Number((wei * 1000n) / maxWei)) / 1000;
  const x = (at) => (points.length === 1 ? WIDTH / 2 : PAD + ((WIDTH - 2 * PAD) * (at - first)) / span);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)} ${y(p.wei).toFixed(1)}`).join(' ');
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img',
    'aria-label': `Sale prices: ${points.map((p) => `${ether(p.wei)} ETH`).join(', ')}` },
  svg('line', { x1: PAD, y1: HEIGHT - PAD, x2: WIDTH - PAD, y2: HEIGHT - PAD, class: 'axis' }),
  svg('path', { d: line, class: 'series' }),
  points.map((p) => svg('circle', { cx: x(p.at).toFixed(1), cy: y(p.wei).toFixed(1), r: 4, class: 'point' },
    svg('title', {}, `${ether(p.wei)} ETH, ${new Date(p.at).toLocaleString()}`))),
  svg('text', { x: PAD, y: PAD - 8, class: 'label' }, `max ${ether(maxWei)} ETH`));
}
