import { api } from '../api.js';
import { h, clear, formatDate, formatNumber, formatPercent } from '../dom.js';

/** Recipes with makes, % made as written, last made and average rating. */
export async function renderRecipes(main) {
  const [recipes, kitchen] = await Promise.all([api.recipes(), api.kitchenStats()]);
  const byId = new Map(((kitchen && kitchen.recipes) || []).map((s) => [String(s.recipeId), s]));
  const rows = recipes.map((recipe) => ({ recipe, stats: byId.get(String(recipe.recipeId)) || {} }));
  // Recipes made most recently first, never-made ones last by name.
  rows.sort((a, b) => String(b.stats.lastMadeAt || '').localeCompare(String(a.stats.lastMadeAt || ''))
    || String(a.recipe.recipeName).localeCompare(String(b.recipe.recipeName)));

  const table = h('table', { class: 'data recipes' },
    h('caption', { class: 'visually-hidden' }, 'Recipes and how they were made'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Recipe'),
      h('th', { scope: 'col', class: 'num' }, 'Makes'),
      h('th', { scope: 'col', class: 'num' }, 'Made as written'),
      h('th', { scope: 'col' }, 'Last made'),
      h('th', { scope: 'col', class: 'num' }, 'Average rating'))),
    h('tbody', {}, rows.map(({ recipe, stats }) => h('tr', { 'data-recipe-id': recipe.recipeId },
      h('th', { scope: 'row' }, h('a', { href: `#/recipes/${encodeURIComponent(recipe.recipeId)}` },
        recipe.recipeName || `Recipe ${recipe.recipeId}`)),
      h('td', { class: 'num' }, formatNumber(stats.makes || 0, 0)),
      h('td', { class: 'num' }, formatPercent(stats.shareExact)),
      h('td', {}, formatDate(stats.lastMadeAt)),
      h('td', { class: 'num' }, formatNumber(stats.averageRating))))));

  clear(main).append(
    h('h1', {}, 'Recipes'),
    rows.length === 0
      ? h('p', {}, 'No recipes yet. Drop recipe files into the inbox (or POST /recipes) and they appear here.')
      : h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Recipes table' }, table));
}
