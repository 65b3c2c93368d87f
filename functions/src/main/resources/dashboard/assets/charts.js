// Drift charts (ECharts from the classpath webjar, SVG renderer). Each chart has a caption and a
// data table next to it, so the numbers are readable without seeing the chart.
import { h, formatDate, formatNumber } from './dom.js';

const charts = new Set();
let resizeHooked = false;

function hookResize() {
  if (resizeHooked) return;
  resizeHooked = true;
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
}

/** Disposes every chart (before a view is replaced). */
export function disposeCharts() {
  charts.forEach((chart) => chart.dispose());
  charts.clear();
}

function dataTable(series) {
  return h('details', { class: 'chart-data' },
    h('summary', {}, `Values of ${series.label}`),
    h('table', {},
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Make'), h('th', { scope: 'col' }, 'Made'),
        h('th', { scope: 'col' }, `Recipe (${series.unit})`), h('th', { scope: 'col' }, `Made (${series.unit})`))),
      h('tbody', {}, series.points.map((p) => h('tr', {},
        h('td', {}, '#' + p.makeId), h('td', {}, formatDate(p.madeAt)),
        h('td', {}, formatNumber(p.recipeValue, 3)), h('td', {}, formatNumber(p.makeValue, 3)))))));
}

/** A figure with one drift series: what each make used against what its recipe version said. */
export function driftChart(series, kind) {
  const plot = h('div', { class: 'chart', role: 'img',
    'aria-label': `${kind} drift of ${series.label} in ${series.unit}: ` + series.points
      .map((p) => `make ${p.makeId} ${formatNumber(p.makeValue, 3)} (recipe ${formatNumber(p.recipeValue, 3)})`)
      .join(', ') });
  const figure = h('figure', { class: 'chart-figure', 'data-series': series.key },
    h('figcaption', {}, `${series.label} (${series.unit}) — changed in ${series.observed} make${series.observed === 1 ? '' : 's'}`),
    plot,
    dataTable(series));
  // ECharts measures its container, so draw once the figure is in the document.
  requestAnimationFrame(() => draw(plot, series));
  return figure;
}

const shortFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function shortDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : shortFormat.format(date);
}

function draw(plot, series) {
  if (!window.echarts || !plot.isConnected) {
    plot.append(h('p', { class: 'muted' }, 'Chart unavailable; see the values below.'));
    return;
  }
  hookResize();
  const chart = window.echarts.init(plot, null, { renderer: 'svg' });
  charts.add(chart);
  // One category per make (oldest first): the recipe's value as a bar, what was made as a line over it.
  const labels = series.points.map((p) => `#${p.makeId} · ${shortDate(p.madeAt)}`);
  chart.setOption({
    animation: false,
    color: ['#c9d6e3', '#0b5cad'],
    grid: { left: 48, right: 16, top: 36, bottom: 44 },
    legend: { top: 0, textStyle: { color: '#1f2933' } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => `${formatNumber(value, 3)} ${series.unit}`,
    },
    xAxis: { type: 'category', data: labels, axisLabel: { color: '#3e4c59', interval: 'auto' } },
    yAxis: { type: 'value', name: series.unit, min: 0, axisLabel: { color: '#3e4c59' },
      nameTextStyle: { color: '#3e4c59' } },
    series: [
      { name: 'Recipe', type: 'bar', data: series.points.map((p) => p.recipeValue), barMaxWidth: 36,
        itemStyle: { borderColor: '#52606d', borderWidth: 1 } },
      { name: 'Made', type: 'line', data: series.points.map((p) => p.makeValue), symbol: 'circle', symbolSize: 10,
        lineStyle: { width: 2 }, label: { show: series.points.length <= 6, position: 'top', color: '#1f2933',
          formatter: (p) => formatNumber(p.value, 2) } },
    ],
  });
}
