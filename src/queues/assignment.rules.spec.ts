import { chooseAssignee } from './assignment.rules.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const C = 'cccccccc-0000-4000-8000-000000000000';

describe('assignment', () => {
  const team = [
    { agentId: B, capacity: 10, load: 2 },
    { agentId: A, capacity: 10, load: 5 },
    { agentId: C, capacity: 4, load: 1 },
  ];

  it('assigns nobody in manual mode', () => {
    expect(chooseAssignee('manual', team, null)).toBeNull();
  });

  it('goes round the members in a fixed order, continuing after the last one', () => {
    expect(chooseAssignee('round_robin', team, null)).toBe(A);
    expect(chooseAssignee('round_robin', team, A)).toBe(B);
    expect(chooseAssignee('round_robin', team, B)).toBe(C);
    expect(chooseAssignee('round_robin', team, C)).toBe(A);
    // The last one left the queue: continue with whoever comes after them.
    expect(chooseAssignee('round_robin', [team[0], team[2]], A)).toBe(B);
  });

  it('gives the ticket to the member with the most room for their capacity', () => {
    // B: 2/10, A: 5/10, C: 1/4 → B has the lowest ratio.
    expect(chooseAssignee('least_loaded', team, null)).toBe(B);
    expect(
      chooseAssignee(
        'least_loaded',
        [
          { agentId: A, capacity: 5, load: 1 },
          { agentId: B, capacity: 10, load: 2 },
        ],
        null,
      ),
    ).toBe(A);
  });

  it('skips members at capacity and assigns nobody when all are full', () => {
    const full = [
      { agentId: A, capacity: 3, load: 3 },
      { agentId: B, capacity: 2, load: 1 },
    ];
    expect(chooseAssignee('least_loaded', full, null)).toBe(B);
    expect(chooseAssignee('round_robin', full, B)).toBe(B);
    expect(chooseAssignee('least_loaded', [{ agentId: A, capacity: 1, load: 1 }], null)).toBeNull();
    expect(chooseAssignee('round_robin', [], null)).toBeNull();
  });
});
