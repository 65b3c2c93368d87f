import { api, itemsOf } from '../api.js';
import { h, clear, formatDate, formatNumber, formatPercent } from '../dom.js';
import { driftChart } from '../charts.js';
import { whatMatters } from './insights.js';

function statCard(label, value, extra) {
  return h('div', { class: 'card stat' }, h('dt', {}, label), h('dd', {}, h('span', { class: 'big' }, value), extra || null));
}

function countTable(caption, rows, columns) {
  if (!rows || rows.length === 0) return h('p', { class: 'muted' }, `${caption}: none yet.`);
  const max = Math.max(...rows.map((r) => r.count));
  return h('table', { class: 'data counts' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)), h('th', { scope: 'col', class: 'num' }, 'Makes'))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      r.cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
      h('td', { class: 'num' },
        h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', 'data-share': Math.round(100 * r.count / max) })),
        formatNumber(r.count, 0))))));
}

/** "Step 2: Pre heat oven to 350 degrees" — the counted step with its text in the current version. */
function stepLabel(counted, recipe) {
  const id = /^step (\d+)$/.exec(counted.key || '');
  const step = id && (recipe.steps || []).find((s) => String(s.stepId) === id[1]);
  return step ? `${counted.label}: ${step.stepText}` : counted.label;
}

function sizeBars(root) {
  // Bar widths are set through the CSSOM (allowed by the content security policy, unlike style attributes).
  root.querySelectorAll('.bar-fill').forEach((bar) => { bar.style.width = bar.dataset.share + '%'; });
}

function versionHistory(versions) {
  const sorted = [...versions].sort((a, b) => (b.version || 0) - (a.version || 0));
  return h('ol', { class: 'versions', reversed: true, 'aria-label': 'Version history, newest first' }, sorted.map((v) => {
    const from = v.promotedFrom || v.lineage || null;
    const makeId = from && (from.makeId ?? from);
    const suggested = v.suggestedFrom;
    return h('li', { 'data-version': v.version },
      h('strong', {}, `Version ${v.version}`), ' · ', v.recipeName || '',
      v.createdAt ? h('span', { class: 'muted' }, ` · ${formatDate(v.createdAt)}`) : null,
      makeId !== null && makeId !== undefined
        ? h('span', { class: 'lineage' }, ' · promoted from ',
          h('a', { href: `#/recipes/${encodeURIComponent(v.recipeId)}/makes/${encodeURIComponent(makeId)}` }, `make #${makeId}`),
          from.version ? ` (made from version ${from.version})` : '')
        : suggested
          ? h('span', { class: 'lineage' }, ` · suggested by ${suggested.makeCount} make${suggested.makeCount === 1 ? '' : 's'} of version ${suggested.version}`,
            h('span', { class: 'muted' }, ' (makes ' + (suggested.makes || []).map((r) => (r[0] === r[1] ? `#${r[0]}` : `#${r[0]}–#${r[1]}`)).join(', ') + ')'))
          : h('span', { class: 'muted' }, v.version === 1 ? ' · original' : ' · updated'));
  }));
}

function makesTimeline(recipeId, makes) {
  if (makes.length === 0) return h('p', { class: 'muted' }, 'Nobody has made this recipe yet.');
  const sorted = [...makes].sort((a, b) => String(b.madeAt || b.receivedAt || '').localeCompare(String(a.madeAt || a.receivedAt || ''))
    || (b.makeId || 0) - (a.makeId || 0));
  return h('ol', { class: 'timeline', 'aria-label': 'Makes, newest first' }, sorted.map((m) => h('li', { 'data-make-id': m.makeId },
    h('a', { href: `#/recipes/${encodeURIComponent(recipeId)}/makes/${encodeURIComponent(m.makeId)}` },
      `Make #${m.makeId}`),
    ' ', h('span', { class: `badge ${m.exact ? 'badge-exact' : 'badge-modified'}` }, m.exact ? 'exact' : 'modified'),
    h('span', { class: 'muted' }, m.madeAt ? ` made ${formatDate(m.madeAt)}` : ` received ${formatDate(m.receivedAt)}`,
      m.madeBy ? ` · by ${m.madeBy}` : '',
      m.version ? ` · against version ${m.version}` : '',
      m.rating !== undefined && m.rating !== null ? ` · rated ${formatNumber(m.rating)}` : '',
      m.differenceCount !== undefined ? ` · ${m.differenceCount} difference${m.differenceCount === 1 ? '' : 's'}` : ''))));
}

function currentVersion(recipe) {
  return h('details', { class: 'current' },
    h('summary', {}, `Current version ${recipe.version || ''}: ${recipe.ingredients ? recipe.ingredients.length : 0} ingredients, ${recipe.steps ? recipe.steps.length : 0} steps`),
    h('div', { class: 'two-columns' },
      h('div', {}, h('h3', {}, 'Ingredients'), h('ul', {}, (recipe.ingredients || []).map((i) =>
        h('li', {}, [i.quantity, i.measurement, i.ingredientName].filter((x) => x !== null && x !== undefined).join(' '))))),
      h('div', {}, h('h3', {}, 'Steps'), h('ol', {}, (recipe.steps || []).map((s) => h('li', {}, s.stepText))))));
}

/** One recipe: current version, statistics, drift charts, makes timeline and version history. */
export async function renderRecipe(main, recipeId) {
  const [recipe, stats, makes, versions, insights] = await Promise.all([
    api.recipe(recipeId), api.stats(recipeId), api.makes(recipeId), api.versions(recipeId), api.insights(recipeId)]);
  const s = stats || {};
  const rating = s.averageRating || {};
  const name = recipe.recipeName || `Recipe ${recipeId}`;

  const substitutionRows = (s.substitutions || []).map((x) => ({ cells: [x.from, x.to], count: x.count }));
  const factorRows = (s.scaleFactors || []).map((x) => ({ cells: ['×' + formatNumber(x.factor, 3)], count: x.count }));

  clear(main).append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, 'Recipes'), ' / '),
    h('h1', {}, name),
    h('p', { class: 'muted' }, `Recipe #${recipe.recipeId} · version ${recipe.version || 1}`),
    h('section', { 'aria-labelledby': 'summary-title' },
      h('h2', { id: 'summary-title', class: 'visually-hidden' }, 'Summary'),
      h('dl', { class: 'cards' },
        statCard('Makes', formatNumber(s.makes || 0, 0)),
        statCard('Made as written', formatPercent(s.shareExact), h('span', { class: 'muted' }, ` ${s.exactMakes || 0} of ${s.makes || 0}`)),
        statCard('Last made', formatDate(s.lastMadeAt)),
        statCard('Rating as written', formatNumber(rating.exact)),
        statCard('Rating when modified', formatNumber(rating.modified)))),
    currentVersion(recipe),
    whatMatters(recipeId, recipe, insights),
    h('section', { 'aria-labelledby': 'changes-title' },
      h('h2', { id: 'changes-title' }, 'What cooks change'),
      h('div', { class: 'grid' },
        countTable('Most changed ingredients', (s.mostChangedIngredients || []).slice(0, 10).map((x) => ({ cells: [x.label], count: x.count })), ['Ingredient']),
        countTable('Most changed steps', (s.mostChangedSteps || []).slice(0, 10).map((x) => ({ cells: [stepLabel(x, recipe)], count: x.count })), ['Step']),
        countTable('Substitutions', substitutionRows, ['Instead of', 'Used']),
        countTable('Scale factors', factorRows, ['Factor']))),
    h('section', { 'aria-labelledby': 'drift-title' },
      h('h2', { id: 'drift-title' }, 'Quantity drift'),
      (s.quantityDrift || []).length
        ? h('div', { class: 'charts' }, s.quantityDrift.slice(0, 8).map((series) => driftChart(series, 'Quantity')))
        : h('p', { class: 'muted' }, 'No quantity has drifted yet.')),
    h('section', { 'aria-labelledby': 'params-title' },
      h('h2', { id: 'params-title' }, 'Step parameter drift'),
      (s.parameterDrift || []).length
        ? h('div', { class: 'charts' }, s.parameterDrift.slice(0, 8).map((series) => driftChart(series, 'Parameter')))
        : h('p', { class: 'muted' }, 'No oven temperature or duration has drifted yet.')),
    h('div', { class: 'two-columns' },
      h('section', { 'aria-labelledby': 'makes-title' }, h('h2', { id: 'makes-title' }, 'Makes'), makesTimeline(recipeId, makes)),
      h('section', { 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title' }, 'Version history'),
        versionHistory(itemsOf(versions)))));
  sizeBars(main);
}
