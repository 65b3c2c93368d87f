// Two whole recipes side by side (a version and a make, a version and its suggestion, two makes), each
// ingredient and step on the right marked in place: changed, added, or — on the left — removed.
import { h } from './dom.js';
import { wordDiffElement } from './diff.js';

function nameKey(name) {
  return String(name || '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
    .replace(/(ies)$/, 'y').replace(/([^s])s$/, '$1');
}

function amount(i) {
  return [i.quantity, i.measurement].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
}

function line(i) {
  return i.text || [amount(i), i.ingredientName].filter(Boolean).join(' ');
}

/** Pairs the right side's items with the left side's: by id where both have one, else by key. */
function pair(left, right, idOf, keyOf) {
  const used = new Set();
  const partner = new Map();
  right.forEach((r, index) => {
    let match = -1;
    if (idOf(r) !== undefined && idOf(r) !== null) {
      match = left.findIndex((l, li) => !used.has(li) && idOf(l) === idOf(r));
    }
    if (match < 0) match = left.findIndex((l, li) => !used.has(li) && keyOf(l, li) === keyOf(r, index));
    if (match >= 0) {
      used.add(match);
      partner.set(index, match);
    }
  });
  return { partner, used };
}

function mark(kind) {
  return h('span', { class: `mark mark-${kind}` }, kind === 'same' ? '' : kind);
}

/**
 * The two recipes as two columns. Each item on the right carries `data-change` = same | changed | added, each
 * item on the left that the right dropped `data-change="removed"`.
 */
export function sideBySide(leftTitle, left, rightTitle, right, id = 'side-by-side') {
  const li = left.ingredients || [];
  const ri = right.ingredients || [];
  const ingredients = pair(li, ri, (i) => i.ingredientId, (i) => nameKey(i.ingredientName));
  const ls = left.steps || [];
  const rs = right.steps || [];
  const steps = pair(ls, rs, (s) => s.stepId, (s, index) => `#${index}`);

  const leftColumn = h('div', { class: 'card recipe-column', 'data-side': 'left' },
    h('h3', {}, leftTitle),
    h('h4', {}, 'Ingredients'),
    h('ul', { class: 'recipe-lines' }, li.map((i, index) => {
      const removed = !ingredients.used.has(index);
      return h('li', { 'data-change': removed ? 'removed' : 'same', class: removed ? 'line-removed' : null },
        removed ? h('del', {}, line(i)) : line(i), removed ? mark('removed') : null);
    })),
    h('h4', {}, 'Steps'),
    h('ol', { class: 'recipe-lines' }, ls.map((s, index) => {
      const removed = !steps.used.has(index);
      return h('li', { 'data-change': removed ? 'removed' : 'same', class: removed ? 'line-removed' : null },
        removed ? h('del', {}, s.stepText) : s.stepText, removed ? mark('removed') : null);
    })));

  const rightColumn = h('div', { class: 'card recipe-column', 'data-side': 'right' },
    h('h3', {}, rightTitle),
    h('h4', {}, 'Ingredients'),
    h('ul', { class: 'recipe-lines' }, ri.map((i, index) => {
      const at = ingredients.partner.get(index);
      if (at === undefined) {
        return h('li', { 'data-change': 'added', class: 'line-added' }, h('ins', {}, line(i)), mark('added'));
      }
      const before = li[at];
      const sameName = nameKey(before.ingredientName) === nameKey(i.ingredientName);
      const sameAmount = amount(before) === amount(i);
      if (sameName && sameAmount) return h('li', { 'data-change': 'same' }, line(i));
      return h('li', { 'data-change': 'changed', class: 'line-changed' },
        sameAmount ? amount(i) : [h('del', {}, amount(before) || '—'), ' ', h('ins', {}, amount(i) || '—')], ' ',
        sameName ? i.ingredientName : [h('del', {}, before.ingredientName), ' ', h('ins', {}, i.ingredientName)],
        mark('changed'));
    })),
    h('h4', {}, 'Steps'),
    h('ol', { class: 'recipe-lines' }, rs.map((s, index) => {
      const at = steps.partner.get(index);
      if (at === undefined) {
        return h('li', { 'data-change': 'added', class: 'line-added' }, h('ins', {}, s.stepText), mark('added'));
      }
      const before = ls[at].stepText || '';
      if (before.replace(/\s+/g, ' ').trim().toLowerCase() === String(s.stepText || '').replace(/\s+/g, ' ').trim().toLowerCase()) {
        return h('li', { 'data-change': 'same' }, s.stepText);
      }
      return h('li', { 'data-change': 'changed', class: 'line-changed' }, wordDiffElement(before, s.stepText), mark('changed'));
    })));

  return h('div', { class: 'side-by-side', id }, leftColumn, rightColumn);
}
