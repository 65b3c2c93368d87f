import { api } from '../api.js';
import { h, clear, formatNumber } from '../dom.js';

/** Queue and dead-letter queue depth (one-machine mode, or wherever the API knows the queues). */
export async function renderPipeline(main) {
  clear(main).append(h('h1', {}, 'Pipeline'));
  let status;
  try {
    status = await api.pipelineStatus();
  } catch (error) {
    if (error.status === 404 || error.status === 501) {
      main.append(h('p', {}, 'Pipeline status is not available here (the API does not know the queues).'));
      return;
    }
    throw error;
  }
  const queues = (status && status.queues) || [];
  main.append(h('dl', { class: 'cards' }, queues.map((q) => h('div', { class: 'card stat' + (q.deadLetter && q.messages > 0 ? ' warn' : '') },
    h('dt', {}, q.deadLetter ? `${q.name} (dead letters)` : q.name),
    h('dd', {}, h('span', { class: 'big' }, formatNumber(q.messages, 0)), ' waiting',
      q.inFlight !== undefined ? h('span', { class: 'muted' }, ` · ${formatNumber(q.inFlight, 0)} in flight`) : null)))));
  main.append(h('p', { class: 'muted' },
    'Dead letters are files that failed repeatedly; ', h('code', {}, 'recipediff redrive'), ' sends them back to the queue.'),
    h('button', { type: 'button', onclick: () => renderPipeline(main) }, 'Refresh'));
}
