// The dashboard: sign-in and a hash router over the views.
import { api, session } from './api.js';
import { h, clear, announce } from './dom.js';
import { disposeCharts } from './charts.js';
import { renderRecipes } from './views/recipes.js';
import { renderRecipe } from './views/recipe.js';
import { renderMake } from './views/make.js';
import { renderCompare } from './views/compare.js';
import { renderRejections } from './views/rejections.js';
import { renderPipeline } from './views/pipeline.js';

const main = document.getElementById('main');
const nav = document.getElementById('main-nav');
const signOutButton = document.getElementById('sign-out');
const signedIn = document.getElementById('signed-in');
const kitchenName = document.getElementById('kitchen-name');

/** Asked before a #token= link replaces the token this tab is signed in with. */
function confirmSwitch(kitchen) {
  return window.confirm('This link signs this tab in with another token'
    + (kitchen ? ' — you are signed in to kitchen "' + kitchen + '"' : '')
    + '. Switch to the link\'s token? (Cancel keeps the current one.)');
}

/** Shows the kitchen the token belongs to (asked once per token: GET /stats names it). */
async function showKitchen() {
  if (!session.kitchen()) {
    try {
      const stats = await api.kitchenStats();
      if (stats && stats.kitchen) session.rememberKitchen(stats.kitchen);
    } catch {
      // shown once known; an unusable token is handled by the unauthorized listener
    }
  }
  kitchenName.textContent = session.kitchen() || '…';
  signedIn.hidden = false;
}

const routes = [
  { pattern: /^#?\/?$/, view: () => renderRecipes(main) },
  { pattern: /^#\/recipes\/([^/]+)$/, view: (m) => renderRecipe(main, decodeURIComponent(m[1])) },
  { pattern: /^#\/recipes\/([^/]+)\/makes\/([^/]+)$/,
    view: (m) => renderMake(main, decodeURIComponent(m[1]), decodeURIComponent(m[2])) },
  { pattern: /^#\/recipes\/([^/]+)\/compare\/([^/]+)\/([^/]+)$/,
    view: (m) => renderCompare(main, decodeURIComponent(m[1]), decodeURIComponent(m[2]), decodeURIComponent(m[3])) },
  { pattern: /^#\/rejections$/, view: () => renderRejections(main) },
  { pattern: /^#\/pipeline$/, view: () => renderPipeline(main) },
];

function signInView(message) {
  nav.hidden = true;
  signOutButton.hidden = true;
  signedIn.hidden = true;
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off',
    required: true, spellcheck: 'false', 'aria-describedby': 'token-help' });
  const form = h('form', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in'),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    h('label', { for: 'token' }, 'API token'),
    input,
    h('p', { id: 'token-help', class: 'help' },
      'Paste a token of your kitchen (recipediff token, or the one serve printed). ',
      'It is kept in this tab only (session storage) and sent to this site only.'),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    session.signIn(input.value);
    window.location.hash = '#/';
    route();
  });
  clear(main).append(form);
  input.focus();
}

async function route() {
  disposeCharts();
  session.takeTokenFromUrl(confirmSwitch); // on first load, and when a #token= link is opened in an open tab
  if (!session.token()) {
    signInView();
    return;
  }
  nav.hidden = false;
  signOutButton.hidden = false;
  showKitchen();
  const hash = window.location.hash || '#/';
  for (const link of nav.querySelectorAll('a')) {
    const here = link.getAttribute('href') === hash || (hash.startsWith('#/recipes') && link.getAttribute('href') === '#/');
    if (here) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const match = routes.map((r) => ({ r, m: r.pattern.exec(hash) })).find((x) => x.m);
  clear(main).append(h('p', { class: 'loading' }, 'Loading…'));
  try {
    if (!match) {
      clear(main).append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the recipes')));
    } else {
      await match.r.view(match.m);
    }
    const heading = main.querySelector('h1');
    if (heading) document.title = heading.textContent + ' — recipediff';
    main.focus({ preventScroll: true });
    announce(document.title);
  } catch (error) {
    if (error.status === 401) return; // handled by the unauthorized listener
    clear(main).append(h('h1', {}, 'Something went wrong'),
      h('p', { class: 'error', role: 'alert' }, error.message || String(error)),
      h('p', {}, h('a', { href: '#/' }, 'Back to the recipes')));
  }
}

window.addEventListener('recipediff:unauthorized', () => {
  session.signOut();
  signInView('That token was not accepted (unknown or revoked). Paste a valid token.');
});
signOutButton.addEventListener('click', () => {
  session.signOut();
  window.location.hash = '#/';
  signInView();
});
window.addEventListener('hashchange', route);

route();
export { api };
