import { api } from '../api.js';
import { h, clear, formatDate } from '../dom.js';

/** Files the pipeline rejected, with the reason and every problem found. */
export async function renderRejections(main) {
  const rejections = await api.rejections();
  clear(main).append(h('h1', {}, 'Rejected files'));
  if (rejections.length === 0) {
    main.append(h('p', {}, 'No file has been rejected.'));
    return;
  }
  main.append(h('ul', { class: 'rejections' }, rejections.map((r) => h('li', { class: 'card' },
    h('h2', { class: 'file' }, r.key || '(unknown file)'),
    h('p', {}, h('span', { class: 'badge badge-removed' }, r.reason || 'rejected'), ' ', r.message || ''),
    r.rejectedAt ? h('p', { class: 'muted' }, 'Rejected ', formatDate(r.rejectedAt)) : null,
    r.details && r.details.length
      ? h('ul', { class: 'problems', 'aria-label': 'Problems' }, r.details.map((d) =>
        h('li', {}, h('code', {}, d.pointer || '/'), ': ', d.problem)))
      : null))));
}
