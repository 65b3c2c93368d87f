import { api } from '../api.js';
import { h, clear, formatDate, formatNumber } from '../dom.js';
import { differenceList } from '../diff.js';
import { sideBySide } from '../sidebyside.js';

function who(make) {
  return [make.madeBy ? `by ${make.madeBy}` : null, make.madeAt ? formatDate(make.madeAt) : null,
    make.rating !== undefined && make.rating !== null ? `rated ${formatNumber(make.rating)}` : null].filter(Boolean).join(' · ');
}

/** Two makes compared with each other: the first stands for the recipe, the second for the make. */
export async function renderCompare(main, recipeId, makeId, otherMakeId) {
  const [recipe, first, second, comparison] = await Promise.all([api.recipe(recipeId), api.make(recipeId, makeId),
    api.make(recipeId, otherMakeId), api.compareMakes(recipeId, makeId, otherMakeId)]);
  const name = recipe.recipeName || `Recipe ${recipeId}`;
  const list = comparison.differences || [];
  const link = (id) => h('a', { href: `#/recipes/${encodeURIComponent(recipeId)}/makes/${encodeURIComponent(id)}` }, `make #${id}`);
  clear(main).append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, 'Recipes'), ' / ',
      h('a', { href: `#/recipes/${encodeURIComponent(recipeId)}` }, name), ' / '),
    h('h1', {}, `Make #${makeId} and make #${otherMakeId} of ${name}`),
    h('p', { class: 'muted' }, 'What the cook of ', link(otherMakeId), ' did differently from the cook of ', link(makeId), '.'),
    sideBySide(`Make #${makeId} ${who(first)}`, first, `Make #${otherMakeId} ${who(second)}`, second, 'compare'),
    h('section', { 'aria-labelledby': 'differences-title' },
      h('h2', { id: 'differences-title' }, comparison.exact ? 'Differences: none — cooked the same way' : `Differences (${list.length})`),
      differenceList(list)));
}
