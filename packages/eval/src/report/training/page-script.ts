import { minMaxBuckets } from './downsample.js';
import { emaSmooth } from './smoothing.js';

/**
 * The page's one script (allowed by its hash in the CSP): the smoothing control. It redraws
 * every training curve from the raw numbers embedded in the page, with the same smoothing and
 * point-picking functions as the static curves (their own source), and keeps the raw curve
 * faint underneath. Without JavaScript the page still shows every curve, unsmoothed.
 */
export const PAGE_SCRIPT = `(() => {
${emaSmooth.toString()}
${minMaxBuckets.toString()}
const data = JSON.parse(document.getElementById('pa-data').textContent);
const slider = document.getElementById('smoothing');
const shown = document.getElementById('smoothing-value');
function redraw() {
  const w = Math.min(0.999, Math.max(0, Number(slider.value) || 0));
  shown.textContent = w.toFixed(2);
  for (const svg of document.querySelectorAll('svg.smoothable')) {
    const [x0, x1] = svg.dataset.xDomain.split(',').map(Number);
    const [y0, y1] = svg.dataset.yDomain.split(',').map(Number);
    const [l, t, pw, ph] = svg.dataset.plot.split(',').map(Number);
    const maxPoints = Number(svg.dataset.maxPoints);
    const sx = (x) => l + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * pw;
    const sy = (y) => t + ph - ((y - y0) / (y1 - y0)) * ph;
    for (const path of svg.querySelectorAll('path.curve')) {
      const run = data.runs[Number(path.dataset.run)];
      const ys = run && run.series[path.dataset.series];
      if (!ys) continue;
      let raw = path.previousElementSibling;
      if (!raw || !raw.classList.contains('raw')) {
        raw = path.cloneNode(true);
        raw.setAttribute('class', 'raw');
        raw.removeAttribute('data-series');
        raw.setAttribute('opacity', '0.25');
        path.before(raw);
      }
      raw.style.display = w > 0 ? '' : 'none';
      const smooth = emaSmooth(ys, w);
      const kept = minMaxBuckets(run.steps, smooth, maxPoints);
      path.setAttribute('d', kept.map((i, j) => (j === 0 ? 'M' : 'L') + sx(run.steps[i]).toFixed(1) + ',' + sy(smooth[i]).toFixed(1)).join(''));
    }
  }
}
slider.addEventListener('input', redraw);
if (Number(slider.value) > 0) redraw();
})();`;
