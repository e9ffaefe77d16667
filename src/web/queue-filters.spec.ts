import { readQueueFilters, toQueuePageQuery } from './queue-filters.js';

describe('queue page filters', () => {
  it('keeps what the agent chose and drops what no form offers', () => {
    const filters = readQueueFilters({
      state: 'pending_customer',
      priority: 'urgent',
      assignee: 'me',
      category: 'fraud_or_tampering',
      order: 'urgency',
      cursor: 'MjAyNi0xMi0wNFQwMDowMDowMC4wMDBafGFiYw',
    });
    expect(filters).toEqual({
      state: 'pending_customer',
      priority: 'urgent',
      assignee: 'me',
      category: 'fraud_or_tampering',
      order: 'urgency',
      cursor: 'MjAyNi0xMi0wNFQwMDowMDowMC4wMDBafGFiYw',
    });
    expect(
      readQueueFilters({
        state: 'deleted',
        priority: ['high'],
        assignee: 'x',
        category: "x' OR 1=1",
        cursor: '../',
      }),
    ).toEqual({ state: '', priority: '', assignee: '', category: '', order: 'due', cursor: '' });
  });

  it('asks the queue service for the agent’s own tickets or the unassigned ones', () => {
    const mine = toQueuePageQuery(readQueueFilters({ assignee: 'me', priority: 'high' }), 'agent-1');
    expect(mine).toEqual({ limit: 50, order: 'due', priority: ['high'], assigneeId: 'agent-1' });
    const unassigned = toQueuePageQuery(readQueueFilters({ assignee: 'none', state: 'new' }), 'agent-1');
    expect(unassigned).toEqual({ limit: 50, order: 'due', state: ['new'], assigneeId: 'none' });
    expect(toQueuePageQuery(readQueueFilters({}), 'agent-1')).toEqual({ limit: 50, order: 'due' });
  });
});
