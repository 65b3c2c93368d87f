// Renders a make's differences as a readable diff: added / removed / substituted ingredients,
// quantity changes with an arrow, the scale factor, parameter changes and a word diff of reworded steps.
import { h } from './dom.js';

/** Word-level diff of two texts (longest common subsequence over words). */
export function wordDiff(before, after) {
  const a = (before || '').split(/\s+/).filter(Boolean);
  const b = (after || '').split(/\s+/).filter(Boolean);
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i].toLowerCase() === b[j].toLowerCase()
        ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].toLowerCase() === b[j].toLowerCase()) {
      parts.push({ op: 'same', text: b[j] }); i++; j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      parts.push({ op: 'del', text: a[i] }); i++;
    } else {
      parts.push({ op: 'ins', text: b[j] }); j++;
    }
  }
  return parts;
}

/** The word diff as an element: removed words in <del>, added ones in <ins>. */
export function wordDiffElement(before, after) {
  const out = h('span', { class: 'word-diff' });
  wordDiff(before, after).forEach((part, index) => {
    if (index > 0) out.append(' ');
    if (part.op === 'same') out.append(part.text);
    else if (part.op === 'ins') out.append(h('ins', {}, part.text));
    else out.append(h('del', {}, part.text));
  });
  return out;
}

function numberOf(d, side) {
  const candidates = side === 'recipe'
    ? [d.recipeQuantity, d.recipeValue, d.values && d.values.recipe, d.quantity && d.quantity.recipe]
    : [d.makeQuantity, d.makeValue, d.values && d.values.make, d.quantity && d.quantity.make];
  for (const c of candidates) {
    if (typeof c === 'number') return c;
    if (c && typeof c.value === 'number') return c.value;
    if (c && typeof c.amount === 'number') return c.amount;
  }
  return null;
}

function arrow(d) {
  const before = numberOf(d, 'recipe');
  const after = numberOf(d, 'make');
  if (before === null || after === null || before === after) return null;
  return after > before
    ? h('span', { class: 'arrow up', title: 'more' }, '↑', h('span', { class: 'visually-hidden' }, ' more'))
    : h('span', { class: 'arrow down', title: 'less' }, '↓', h('span', { class: 'visually-hidden' }, ' less'));
}

function text(value) {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

function subjectOf(d) {
  const field = d.recipeField;
  const stepId = d.difference && d.difference.stepId;
  if (field === 'instruction') {
    if (d.change === 'added') return 'New step';
    return stepId ? `Step ${stepId}` : (d.recipePosition ? `Step ${d.recipePosition}` : 'Step');
  }
  if (field === 'ingredient') return d.ingredient || 'Ingredient';
  if (field === 'scale') return 'Whole recipe';
  return field ? field.charAt(0).toUpperCase() + field.slice(1) : 'Change';
}

function changeLabel(d) {
  const change = d.change || 'modified';
  if (d.recipeField === 'instruction' && d.parameter) return 'parameter';
  if (d.recipeField === 'instruction' && change === 'modified') return 'reworded';
  return change;
}

/** One difference as a list item. */
export function differenceItem(d) {
  const before = d.difference ? d.difference.recipe : null;
  const after = d.difference ? d.difference.make : null;
  const change = changeLabel(d);
  const item = h('li', { class: `diff diff-${change}` });
  item.append(h('span', { class: `badge badge-${change}` }, change));
  const body = h('span', { class: 'diff-body' });
  item.append(body);

  if (change === 'added') {
    body.append(h('span', { class: 'diff-subject' }, subjectOf(d)), ' ', h('ins', {}, '+ ' + text(after)));
  } else if (change === 'removed') {
    body.append(h('span', { class: 'diff-subject' }, subjectOf(d)), ' ', h('del', {}, '− ' + text(before)));
  } else if (change === 'substituted') {
    body.append(h('del', {}, text(before)), h('span', { class: 'to' }, ' → '), h('ins', {}, text(after)));
  } else if (change === 'scaled') {
    const factor = d.factor ?? d.scaleFactor ?? null;
    body.append(h('span', { class: 'diff-subject' }, 'Scaled'), ' ',
      h('strong', {}, factor !== null ? '×' + Number(factor).toLocaleString('en-GB') : `${text(before)} → ${text(after)}`));
  } else if (change === 'reworded') {
    body.append(h('span', { class: 'diff-subject' }, subjectOf(d)), ' ', wordDiffElement(before, after));
  } else {
    body.append(h('span', { class: 'diff-subject' }, subjectOf(d)), ' ',
      h('span', { class: 'before' }, text(before)), h('span', { class: 'to' }, ' → '),
      h('span', { class: 'after' }, text(after)));
    const a = arrow(d);
    if (a) body.append(' ', a);
  }
  return item;
}

/** The differences of one make, or "made exactly as written". */
export function differenceList(differences) {
  if (!differences || differences.length === 0) {
    return h('p', { class: 'exact' }, 'Made exactly as written: no differences.');
  }
  return h('ul', { class: 'diff-list', 'aria-label': 'Differences' }, differences.map(differenceItem));
}
