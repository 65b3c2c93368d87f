import { api } from '../api.js';
import { h, clear, formatDate, formatNumber, announce } from '../dom.js';
import { differenceList } from '../diff.js';
import { sideBySide } from '../sidebyside.js';

function promoteSection(recipeId, makeId, recipeName) {
  const result = h('div', { class: 'promote-result', role: 'status', 'aria-live': 'polite' });
  const promote = h('button', { type: 'button', class: 'primary', id: 'promote' }, 'Promote to next version');
  const confirm = h('div', { class: 'confirm', hidden: true },
    h('p', {}, `Make #${makeId} becomes the next version of ${recipeName}. Later makes are compared against it.`),
    h('button', { type: 'button', class: 'primary', id: 'confirm-promote' }, 'Confirm promote'),
    ' ',
    h('button', { type: 'button', id: 'cancel-promote' }, 'Cancel'));
  promote.addEventListener('click', () => {
    confirm.hidden = false;
    promote.hidden = true;
    confirm.querySelector('#confirm-promote').focus();
  });
  confirm.querySelector('#cancel-promote').addEventListener('click', () => {
    confirm.hidden = true;
    promote.hidden = false;
    promote.focus();
  });
  confirm.querySelector('#confirm-promote').addEventListener('click', async (event) => {
    event.target.disabled = true;
    try {
      const promoted = await api.promote(recipeId, makeId);
      confirm.hidden = true;
      clear(result).append(h('p', { class: 'success' },
        `Promoted: version ${promoted.version} of ${recipeName} now comes from make #${makeId}. `,
        h('a', { href: `#/recipes/${encodeURIComponent(recipeId)}` }, 'See the version history')));
      announce(`Make ${makeId} promoted to version ${promoted.version}`);
    } catch (error) {
      event.target.disabled = false;
      clear(result).append(h('p', { class: 'error', role: 'alert' }, `Could not promote: ${error.message}`));
    }
  });
  return h('section', { 'aria-labelledby': 'promote-title', class: 'card promote' },
    h('h2', { id: 'promote-title' }, 'Make this the recipe'),
    h('p', { class: 'muted' }, 'If this make is how the recipe should be cooked from now on, promote it: it becomes the next version, and the version history records which make it came from.'),
    promote, confirm, result);
}

/** A small form: pick another make and compare the two with each other. */
function compareForm(recipeId, makeId) {
  const input = h('input', { id: 'other-make', name: 'other-make', type: 'number', min: 1, step: 1, required: true, inputmode: 'numeric' });
  const form = h('form', { class: 'compare-form', 'aria-labelledby': 'compare-title' },
    h('h2', { id: 'compare-title' }, 'Compare with another make'),
    h('label', { for: 'other-make' }, 'Make number'),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit', id: 'compare-makes' }, 'Compare')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value) return;
    window.location.hash = `#/recipes/${encodeURIComponent(recipeId)}/compare/${encodeURIComponent(makeId)}/${encodeURIComponent(input.value)}`;
  });
  return form;
}

/** One make: when, who, against which version, the whole recipe as made next to that version, and its differences. */
export async function renderMake(main, recipeId, makeId) {
  const [recipe, make, differences] = await Promise.all([
    api.recipe(recipeId), api.make(recipeId, makeId), api.differences(recipeId, makeId)]);
  const compared = make.version ? await api.version(recipeId, make.version) : recipe;
  const list = Array.isArray(differences) ? differences : (differences && differences.differences) || [];
  const name = recipe.recipeName || `Recipe ${recipeId}`;
  const content = make.make || make;
  clear(main).append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, 'Recipes'), ' / ',
      h('a', { href: `#/recipes/${encodeURIComponent(recipeId)}` }, name), ' / '),
    h('h1', {}, `Make #${makeId} of ${name}`),
    h('dl', { class: 'meta' },
      h('dt', {}, 'Made'), h('dd', {}, content.madeAt ? formatDate(content.madeAt)
        : `not said; received ${formatDate(make.receivedAt)}`),
      content.madeBy ? [h('dt', {}, 'By'), h('dd', {}, content.madeBy)] : null,
      h('dt', {}, 'Compared with'), h('dd', {}, `version ${make.version ?? '—'}`),
      h('dt', {}, 'Rating'), h('dd', {}, formatNumber(content.rating)),
      content.notes ? [h('dt', {}, 'Notes'), h('dd', {}, content.notes)] : null),
    h('section', { 'aria-labelledby': 'as-made-title' },
      h('h2', { id: 'as-made-title' }, 'The recipe as this cook made it'),
      h('p', { class: 'muted' }, 'Left: the version it was compared with. Right: what was cooked, with every change marked in place.'),
      sideBySide(`Version ${compared.version ?? make.version ?? ''}`, compared, `Make #${makeId}`, content, 'as-made')),
    h('section', { 'aria-labelledby': 'differences-title' },
      h('h2', { id: 'differences-title' }, make.exact ? 'Differences: none' : `Differences (${list.length})`),
      differenceList(list)),
    compareForm(recipeId, makeId),
    promoteSection(recipeId, makeId, name));
}
