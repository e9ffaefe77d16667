import {
  changeState,
  isWithinReopenWindow,
  stateAfterAgentReply,
  stateAfterCustomerMessage,
  TICKET_STATES,
} from './ticket-state.rules.js';

describe('ticket state rules', () => {
  it('follows the usual path new → open → pending_customer → open → resolved → closed', () => {
    expect(changeState('new', 'open')).toEqual({ allowed: true, to: 'open' });
    expect(changeState('open', 'pending_customer')).toEqual({ allowed: true, to: 'pending_customer' });
    expect(changeState('pending_customer', 'open')).toEqual({ allowed: true, to: 'open' });
    expect(changeState('open', 'resolved')).toEqual({ allowed: true, to: 'resolved' });
    expect(changeState('resolved', 'closed')).toEqual({ allowed: true, to: 'closed' });
  });

  it('lets an agent reopen a resolved ticket but not a closed one', () => {
    expect(changeState('resolved', 'open').allowed).toBe(true);
    expect(changeState('closed', 'open')).toEqual({
      allowed: false,
      reason: 'a closed ticket cannot change state',
    });
  });

  it('never lets a state change merge a ticket or leave merged', () => {
    for (const from of TICKET_STATES) expect(changeState(from, 'merged').allowed).toBe(false);
    for (const to of TICKET_STATES) expect(changeState('merged', to).allowed).toBe(false);
  });

  it('refuses a move to the state the ticket is in, with the reason', () => {
    expect(changeState('open', 'open')).toEqual({ allowed: false, reason: 'the ticket is already open' });
  });

  it('refuses going back to new', () => {
    expect(changeState('open', 'new')).toEqual({
      allowed: false,
      reason: 'a ticket cannot move from open to new',
    });
  });

  it('reopens a resolved ticket when the customer replies', () => {
    expect(stateAfterCustomerMessage('resolved')).toEqual({ allowed: true, to: 'open' });
    expect(stateAfterCustomerMessage('pending_customer')).toEqual({ allowed: true, to: 'open' });
    expect(stateAfterCustomerMessage('on_hold')).toEqual({ allowed: true, to: 'on_hold' });
    expect(stateAfterCustomerMessage('new')).toEqual({ allowed: true, to: 'new' });
    expect(stateAfterCustomerMessage('closed').allowed).toBe(false);
    expect(stateAfterCustomerMessage('merged', true).allowed).toBe(false);
  });

  it('reopens a closed ticket only within the reopen window', () => {
    expect(stateAfterCustomerMessage('closed', true)).toEqual({ allowed: true, to: 'open' });
    const closedAt = new Date('2026-11-01T00:00:00Z');
    expect(isWithinReopenWindow(closedAt, new Date('2026-11-15T00:00:00Z'), 14)).toBe(true);
    expect(isWithinReopenWindow(closedAt, new Date('2026-11-15T00:00:01Z'), 14)).toBe(false);
    expect(isWithinReopenWindow(null, new Date('2026-11-15T00:00:00Z'), 14)).toBe(false);
  });

  it('waits on the customer after an agent reply unless told otherwise', () => {
    expect(stateAfterAgentReply('new')).toEqual({ allowed: true, to: 'pending_customer' });
    expect(stateAfterAgentReply('open', 'resolved')).toEqual({ allowed: true, to: 'resolved' });
    expect(stateAfterAgentReply('on_hold')).toEqual({ allowed: true, to: 'on_hold' });
    expect(stateAfterAgentReply('closed').allowed).toBe(false);
    expect(stateAfterAgentReply('resolved', 'new').allowed).toBe(false);
  });
});
