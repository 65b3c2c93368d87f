// "What matters": which changes go with better makes (a forest plot of effects), what most cooks change
// (consensus) and the recipe that follows them (the suggestion, side by side with the current version).
import { api } from '../api.js';
import { h, clear, formatNumber, formatPercent, announce } from '../dom.js';
import { sideBySide } from '../sidebyside.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([name, value]) => el.setAttribute(name, String(value)));
  children.forEach((child) => el.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return el;
}

function stepName(change, recipe) {
  const step = (recipe.steps || [])[(change.stepPosition || 0) - 1];
  const text = step && step.stepText ? ` (“${step.stepText.length > 40 ? step.stepText.slice(0, 39) + '…' : step.stepText}”)` : '';
  return `step ${change.stepPosition}${text}`;
}

/** A change key in words: "More cinnamon", "Step 1 (“Preheat…”): temperature up", "buttermilk → milk". */
export function changeLabel(change, recipe) {
  const up = change.direction === 'up';
  switch (change.recipeField) {
    case 'ingredient':
      if (change.change === 'added') return `Add ${change.ingredient}`;
      if (change.change === 'removed') return `Leave out ${change.ingredient}`;
      if (change.change === 'substituted') return `${change.ingredient} → ${change.to}`;
      if (change.ingredientField === 'measurement') return `${change.ingredient} measured differently`;
      return `${up ? 'More' : 'Less'} ${change.ingredient}`;
    case 'instruction':
      if (change.parameter) {
        const what = change.parameter === 'temperature' ? (up ? 'hotter' : 'cooler') : (up ? 'longer' : 'shorter');
        return `${stepName(change, recipe)}: ${what}`.replace(/^s/, 'S');
      }
      if (change.change === 'added') return `Add a step at ${change.stepPosition}`;
      if (change.change === 'removed') return `Skip ${stepName(change, recipe)}`;
      if (change.change === 'reordered') return `Move ${stepName(change, recipe)}`;
      return `Reword ${stepName(change, recipe)}`;
    case 'scale':
      return up ? 'Make a bigger batch' : 'Make a smaller batch';
    case 'servings':
      return up ? 'More servings' : 'Fewer servings';
    case 'name':
      return 'Another name';
    default:
      return change.recipeField;
  }
}

/**
 * The forest plot: one row per change, the difference in mean rating (with − without) as a dot and its 95 %
 * interval as a line, on one shared scale with 0 marked. The numbers are in the row's cells, so the picture is
 * never the only way to read them.
 */
function forestPlot(effects, recipe) {
  const lows = effects.map((e) => e.low);
  const highs = effects.map((e) => e.high);
  const span = Math.max(0.5, ...lows.map(Math.abs), ...highs.map(Math.abs));
  const width = 220;
  const x = (value) => Math.round((value + span) / (2 * span) * (width - 20) + 10);
  const plotCell = (e) => {
    const cls = e.confident ? 'effect-confident' : 'effect-unsure';
    return svg('svg', { viewBox: `0 0 ${width} 24`, width, height: 24, class: `forest ${cls}`, 'aria-hidden': 'true', focusable: 'false' },
      svg('line', { x1: x(0), x2: x(0), y1: 0, y2: 24, class: 'zero' }),
      svg('line', { x1: x(e.low), x2: x(e.high), y1: 12, y2: 12, class: 'interval' }),
      svg('line', { x1: x(e.low), x2: x(e.low), y1: 7, y2: 17, class: 'interval' }),
      svg('line', { x1: x(e.high), x2: x(e.high), y1: 7, y2: 17, class: 'interval' }),
      svg('circle', { cx: x(e.delta), cy: 12, r: 5, class: 'estimate' }));
  };
  const axis = svg('svg', { viewBox: `0 0 ${width} 20`, width, height: 20, class: 'forest-axis', 'aria-hidden': 'true', focusable: 'false' },
    svg('text', { x: x(-span), y: 14, 'text-anchor': 'start' }, formatNumber(-span, 1)),
    svg('text', { x: x(0), y: 14, 'text-anchor': 'middle' }, '0'),
    svg('text', { x: x(span), y: 14, 'text-anchor': 'end' }, '+' + formatNumber(span, 1)));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data effects', id: 'effects' },
    h('caption', {}, 'Does it matter? Rating of the makes with each change minus the makes without it, with its 95 % interval'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Change'),
      h('th', { scope: 'col', class: 'num' }, 'Makes with / without'),
      h('th', { scope: 'col', class: 'num' }, 'Rating with / without'),
      h('th', { scope: 'col', class: 'num' }, 'Difference (95 % interval)'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Plot'), axis))),
    h('tbody', {}, effects.map((e) => h('tr', { 'data-confident': String(e.confident), class: e.confident ? 'confident' : null },
      h('th', { scope: 'row' }, changeLabel(e.change, recipe), ' ',
        e.confident ? h('span', { class: 'badge badge-confident' }, 'clear effect') : h('span', { class: 'muted' }, '(could be chance)')),
      h('td', { class: 'num' }, `${e.makes} / ${e.makesWithout}`),
      h('td', { class: 'num' }, `${formatNumber(e.ratingWith)} / ${formatNumber(e.ratingWithout)}`),
      h('td', { class: 'num' }, `${e.delta > 0 ? '+' : ''}${formatNumber(e.delta)} (${formatNumber(e.low)} to ${formatNumber(e.high)})`),
      h('td', {}, plotCell(e)))))));
}

function consensusTable(consensus, recipe) {
  return h('table', { class: 'data counts consensus', id: 'consensus' },
    h('caption', {}, 'What most cooks change (made in at least half of the makes)'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Change'), h('th', { scope: 'col' }, 'Recipe says'), h('th', { scope: 'col' }, 'Cooks typically'),
      h('th', { scope: 'col', class: 'num' }, 'Share of makes'))),
    h('tbody', {}, consensus.map((c) => h('tr', {},
      h('th', { scope: 'row' }, changeLabel(c.change, recipe)),
      h('td', {}, c.recipe || '—'),
      h('td', {}, c.typical || '—'),
      h('td', { class: 'num' },
        h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', 'data-share': Math.round(100 * c.share) })),
        `${formatPercent(c.share)} (${c.makes})`)))));
}

function promoteSuggestion(recipeId, name) {
  const result = h('div', { class: 'promote-result', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary', id: 'promote-suggestion' }, 'Promote the suggestion');
  const confirm = h('div', { class: 'confirm', hidden: true },
    h('p', {}, `The suggestion becomes the next version of ${name}. Later makes are compared against it.`),
    h('button', { type: 'button', class: 'primary', id: 'confirm-promote-suggestion' }, 'Confirm promote'), ' ',
    h('button', { type: 'button', id: 'cancel-promote-suggestion' }, 'Cancel'));
  button.addEventListener('click', () => {
    confirm.hidden = false;
    button.hidden = true;
    confirm.querySelector('#confirm-promote-suggestion').focus();
  });
  confirm.querySelector('#cancel-promote-suggestion').addEventListener('click', () => {
    confirm.hidden = true;
    button.hidden = false;
    button.focus();
  });
  confirm.querySelector('#confirm-promote-suggestion').addEventListener('click', async (event) => {
    event.target.disabled = true;
    try {
      const promoted = await api.promoteSuggestion(recipeId);
      confirm.hidden = true;
      const from = promoted.suggestedFrom || {};
      clear(result).append(h('p', { class: 'success' },
        `Promoted: version ${promoted.version} of ${name} follows what ${from.makeCount ?? 'the'} makes of version ${from.version ?? ''} suggest. `,
        h('a', { href: `#/recipes/${encodeURIComponent(recipeId)}`, id: 'see-new-version',
          onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, 'See the new version')));
      announce(`The suggestion became version ${promoted.version}`);
    } catch (error) {
      event.target.disabled = false;
      clear(result).append(h('p', { class: 'error', role: 'alert' }, `Could not promote: ${error.message}`));
    }
  });
  return h('div', { class: 'promote' }, button, confirm, result);
}

/** A button that downloads every difference of the recipe as CSV (fetched with the token, saved from a blob). */
export function csvDownload(recipeId) {
  const status = h('span', { class: 'muted csv-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', id: 'download-csv' }, 'Download the differences (CSV)');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const text = await api.differencesCsv(recipeId);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const link = h('a', { href: url, download: `recipe-${recipeId}-differences.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      const rows = text.split('\r\n').filter(Boolean).length - 1;
      status.textContent = ` Downloaded ${rows} row${rows === 1 ? '' : 's'}.`;
    } catch (error) {
      status.textContent = ` Could not download: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('p', { class: 'csv' }, button, status,
    h('span', { class: 'help' }, ' One row per difference with the make, when and by whom it was made and its rating — for a spreadsheet or a notebook.'));
}

/** The "What matters" section of a recipe. */
export function whatMatters(recipeId, recipe, insights) {
  const name = recipe.recipeName || `Recipe ${recipeId}`;
  const effects = insights.effects || [];
  const consensus = insights.consensus || [];
  const section = h('section', { 'aria-labelledby': 'matters-title', id: 'what-matters' },
    h('h2', { id: 'matters-title' }, 'What matters'),
    h('p', { class: 'muted' },
      `From the ${insights.makes} make${insights.makes === 1 ? '' : 's'} of version ${insights.version} `
      + `(${insights.ratedMakes} rated, ${insights.exactMakes} made as written).`),
    effects.length
      ? forestPlot(effects, recipe)
      : h('p', { class: 'muted', id: 'effects-status' }, insights.effectsStatus === 'no_changes'
        ? 'Nobody has changed this version yet, so there is nothing to compare.'
        : `Too few rated makes to tell whether any change matters: a change needs at least ${insights.minimumRatedMakes} `
          + `rated makes with it and ${insights.minimumRatedMakes} without it before its effect is estimated.`),
    consensus.length
      ? consensusTable(consensus, recipe)
      : h('p', { class: 'muted' }, 'No change is made by at least half of the makes (and at least 3).'));
  if (insights.suggestion) {
    section.append(
      h('h3', {}, 'The suggested next version'),
      h('p', { class: 'muted' }, 'The current version with every change most cooks make applied: quantities and oven settings at their typical (median) value, the most common substitutes.'),
      sideBySide(`Current: version ${insights.version}`, recipe, 'Suggested', insights.suggestion, 'suggestion'),
      promoteSuggestion(recipeId, name));
  }
  section.append(csvDownload(recipeId));
  section.querySelectorAll('.bar-fill').forEach((bar) => { bar.style.width = bar.dataset.share + '%'; });
  return section;
}
