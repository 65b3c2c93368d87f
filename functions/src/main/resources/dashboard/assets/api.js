// The API client: same origin only, the token from sessionStorage in the Authorization header.

const TOKEN_KEY = 'recipediff.token';
const KITCHEN_KEY = 'recipediff.kitchen';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `The API answered ${status}`);
    this.status = status;
    this.code = body && body.error;
    this.details = (body && body.details) || [];
  }
}

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token) {
    sessionStorage.setItem(TOKEN_KEY, token.trim());
    sessionStorage.removeItem(KITCHEN_KEY);
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(KITCHEN_KEY);
  },
  /**
   * A token given once as #token=… is stored and removed from the address bar and history. A tab signed in
   * with another token (perhaps of another kitchen) asks first: `confirmSwitch(kitchen)` decides; declined, the
   * tab keeps its token and the link's token is dropped.
   */
  takeTokenFromUrl(confirmSwitch) {
    const match = /^#token=([^&]+)/.exec(window.location.hash);
    if (!match) return false;
    const offered = decodeURIComponent(match[1]).trim();
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
    const current = this.token();
    if (current && current !== offered && !confirmSwitch(sessionStorage.getItem(KITCHEN_KEY))) return false;
    this.signIn(offered);
    return true;
  },
  /** The kitchen the tab is signed in to, as the API said (null until known). */
  kitchen() {
    return sessionStorage.getItem(KITCHEN_KEY);
  },
  rememberKitchen(kitchen) {
    sessionStorage.setItem(KITCHEN_KEY, kitchen);
  },
};

async function request(method, path, body, extraHeaders) {
  const headers = { Accept: 'application/json', ...(extraHeaders || {}) };
  const token = session.token();
  if (token) headers.Authorization = 'Bearer ' + token;
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('recipediff:unauthorized'));
    throw new ApiError(response.status, json);
  }
  return json;
}

const get = (path) => request('GET', path);
const enc = encodeURIComponent;

/** Items of a paginated answer, whatever the list is called. */
export function itemsOf(page) {
  if (!page) return [];
  if (Array.isArray(page)) return page;
  return page.items || page.recipes || page.makes || page.versions || page.rejections || [];
}

/** Follows `next` cursors up to `maxPages` pages. */
async function all(path, maxPages = 20) {
  const items = [];
  let next = null;
  for (let page = 0; page < maxPages; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const answer = await get(next ? `${path}${sep}next=${enc(next)}` : path);
    items.push(...itemsOf(answer));
    next = answer && answer.next;
    if (!next) break;
  }
  return items;
}

/** Every page of a CSV download (following `Link: <…>; rel="next"`), joined under one header line. */
async function csvPages(path, maxPages = 50) {
  let text = '';
  let next = path;
  for (let page = 0; next && page < maxPages; page++) {
    const response = await fetch(next, { headers: { Accept: 'text/csv', Authorization: 'Bearer ' + session.token() },
      credentials: 'omit', cache: 'no-store' });
    if (!response.ok) {
      if (response.status === 401) window.dispatchEvent(new CustomEvent('recipediff:unauthorized'));
      let body = null;
      try { body = await response.json(); } catch { body = null; }
      throw new ApiError(response.status, body);
    }
    const body = await response.text();
    text += page === 0 ? body : body.slice(body.indexOf('\r\n') + 2);
    const link = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') || '');
    next = link && link[1].startsWith('/') ? link[1] : null;
  }
  return text;
}

export const api = {
  recipes: () => all('/recipes?limit=100'),
  kitchenStats: () => get('/stats'),
  recipe: (id) => get(`/recipes/${enc(id)}`),
  versions: (id) => all(`/recipes/${enc(id)}/versions?limit=100`),
  makes: (id) => all(`/recipes/${enc(id)}/makes?limit=100`, 5),
  make: (id, makeId) => get(`/recipes/${enc(id)}/makes/${enc(makeId)}`),
  differences: (id, makeId) => get(`/recipes/${enc(id)}/makes/${enc(makeId)}/differences`),
  stats: (id) => get(`/recipes/${enc(id)}/stats`),
  promote: (id, makeId) => request('POST', `/recipes/${enc(id)}/makes/${enc(makeId)}/promote`),
  rejections: () => all('/rejections?limit=100', 5),
  version: (id, version) => get(`/recipes/${enc(id)}/versions/${enc(version)}`),
  insights: (id, version) => get(`/recipes/${enc(id)}/insights${version ? `?version=${enc(version)}` : ''}`),
  // One click = one key: a retried request (network hiccup) cannot promote twice.
  promoteSuggestion: (id) => request('POST', `/recipes/${enc(id)}/suggestion/promote`, undefined,
    { 'Idempotency-Key': `dashboard-suggestion-${id}-${Date.now()}-${Math.random().toString(36).slice(2)}` }),
  compareMakes: (id, makeId, otherMakeId) => get(`/recipes/${enc(id)}/makes/${enc(makeId)}/compare/${enc(otherMakeId)}`),
  differencesCsv: (id) => csvPages(`/recipes/${enc(id)}/differences.csv`),
  pipelineStatus: () => get('/pipeline/status'),
};
