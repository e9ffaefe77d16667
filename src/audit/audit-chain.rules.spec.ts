import {
  ChainCheck,
  chainHash,
  digestFields,
  GENESIS_HASH,
  SEAL_GRACE_MS,
  sealEvents,
  type StoredEvent,
  withUnsealed,
} from './audit-chain.rules.js';

/** A chain of `count` events as record() writes them. */
function chainOf(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const fields = JSON.stringify({ phone: ['+84901234567', `+8490123450${seq}`] });
    const fieldsSalt = `salt${seq}`;
    const event = {
      seq,
      id: `00000000-0000-4000-8000-00000000000${seq}`,
      occurredAt: new Date(Date.UTC(2026, 11, 4, 10, 0, seq)),
      actorType: 'agent',
      actorId: 'a0000000-0000-4000-8000-000000000001',
      action: 'customer.update',
      recordType: 'customer',
      recordId: 'c0000000-0000-4000-8000-000000000001',
      fieldsDigest: digestFields(fields, fieldsSalt),
      reason: 'khách hàng yêu cầu sửa số điện thoại',
      requestId: `req-${seq}`,
    };
    const hash = chainHash(previous, event);
    events.push({ ...event, fields, fieldsSalt, redactedAt: null, hash });
    previous = hash;
  }
  return events;
}

const headOf = (events: StoredEvent[]) => ({
  lastSeq: events.length,
  lastHash: events[events.length - 1]?.hash ?? GENESIS_HASH,
});

function verify(events: StoredEvent[], head = headOf(events), batchSize = 2) {
  const check = new ChainCheck();
  for (let i = 0; i < events.length; i += batchSize) {
    if (!check.accept(events.slice(i, i + batchSize))) break;
  }
  return check.finish(head);
}

describe('audit chain verification', () => {
  it('accepts an intact chain fed in batches', () => {
    expect(verify(chainOf(5))).toEqual({
      ok: true,
      events: 5,
      redacted: 0,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('accepts an empty chain at the genesis head', () => {
    expect(verify([], { lastSeq: 0, lastHash: GENESIS_HASH }).ok).toBe(true);
  });

  it('finds a changed field value through its digest', () => {
    const events = chainOf(5);
    events[2].fields = JSON.stringify({ phone: ['+84901234567', '+84999999999'] });
    expect(verify(events)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: expect.stringMatching(/digest/),
    });
  });

  it('finds a digest changed to match changed fields through the hash', () => {
    const events = chainOf(5);
    events[2].fields = '["name"]';
    events[2].fieldsDigest = digestFields(events[2].fields, events[2].fieldsSalt);
    expect(verify(events)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: expect.stringMatching(/hash/),
    });
  });

  it('finds a changed actor, reason or time', () => {
    for (const change of [
      (event: StoredEvent) => (event.actorId = 'a0000000-0000-4000-8000-000000000002'),
      (event: StoredEvent) => (event.reason = null),
      (event: StoredEvent) => (event.occurredAt = new Date(event.occurredAt.getTime() + 1)),
    ]) {
      const events = chainOf(4);
      change(events[1]);
      expect(verify(events)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    }
  });

  it('names the first missing event when a row is deleted', () => {
    const events = chainOf(5);
    events.splice(2, 1);
    expect(verify(events, headOf(chainOf(5)))).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'event 3 is missing',
    });
  });

  it('finds the last events deleted through the head', () => {
    const all = chainOf(5);
    expect(verify(all.slice(0, 3), headOf(all))).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('finds a head that does not match the last event', () => {
    const events = chainOf(3);
    expect(verify(events, { lastSeq: 3, lastHash: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
    });
  });

  it('finds a duplicated seq', () => {
    const events = chainOf(4);
    events.splice(2, 0, { ...events[1] });
    expect(verify(events, headOf(chainOf(4)))).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('finds events swapped in order, even with their seqs swapped too', () => {
    const events = chainOf(4);
    [events[1], events[2]] = [events[2], events[1]];
    expect(verify(events)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    const renumbered = chainOf(4);
    [renumbered[1].seq, renumbered[2].seq] = [3, 2];
    [renumbered[1], renumbered[2]] = [renumbered[2], renumbered[1]];
    expect(verify(renumbered)).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: expect.stringMatching(/hash/),
    });
  });

  it('accepts redacted events and counts them', () => {
    const events = chainOf(4);
    for (const event of [events[0], events[2]]) {
      Object.assign(event, { fields: null, fieldsSalt: null, redactedAt: new Date() });
    }
    expect(verify(events)).toEqual({ ok: true, events: 4, redacted: 2, firstBrokenSeq: null, reason: null });
  });

  it('refuses fields put back into a redacted event', () => {
    const events = chainOf(3);
    Object.assign(events[1], { fieldsSalt: null, redactedAt: new Date() });
    expect(verify(events)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('salts the digest, so equal values do not give equal digests', () => {
    expect(digestFields('["+84901234567"]', 'a')).not.toBe(digestFields('["+84901234567"]', 'b'));
  });
});

describe('audit sealing', () => {
  const unsealed = (events: StoredEvent[]) => events.map(({ seq: _seq, hash: _hash, ...event }) => event);

  it('chains unsealed events from the genesis head exactly as the chain rules do', () => {
    const expected = chainOf(4);
    const { sealed, head } = sealEvents({ lastSeq: 0, lastHash: GENESIS_HASH }, unsealed(expected));
    expect(sealed).toEqual(expected.map(({ id, seq, hash }) => ({ id, seq, hash })));
    expect(head).toEqual(headOf(expected));
  });

  it('continues after the head with consecutive seqs, so two passes make one chain', () => {
    const expected = chainOf(5);
    const first = sealEvents({ lastSeq: 0, lastHash: GENESIS_HASH }, unsealed(expected.slice(0, 2)));
    const second = sealEvents(first.head, unsealed(expected.slice(2)));
    expect(second.sealed.map((event) => event.seq)).toEqual([3, 4, 5]);
    expect([...first.sealed, ...second.sealed]).toEqual(
      expected.map(({ id, seq, hash }) => ({ id, seq, hash })),
    );
    expect(second.head).toEqual(headOf(expected));
  });

  it('leaves the head as it is when nothing is pending', () => {
    const head = { lastSeq: 7, lastHash: 'a'.repeat(64) };
    expect(sealEvents(head, [])).toEqual({ sealed: [], head });
  });
});

describe('unsealed events in the report', () => {
  const intact = { ok: true, events: 3, redacted: 0, firstBrokenSeq: null, reason: null };

  it('reports young unsealed events as pending without failing', () => {
    expect(withUnsealed(intact, { pending: 2, overdue: 0, oldestOverdueAt: null })).toEqual({
      ...intact,
      pending: 2,
      unsealedOverdue: 0,
      oldestUnsealedAt: null,
    });
  });

  it('fails on events unsealed past the grace period, naming how many and since when', () => {
    const oldest = new Date('2026-12-04T10:00:00Z');
    expect(withUnsealed(intact, { pending: 3, overdue: 1, oldestOverdueAt: oldest })).toEqual({
      ...intact,
      ok: false,
      reason: `1 event(s) still unsealed after ${SEAL_GRACE_MS / 60_000} minutes: is the audit sealer running?`,
      pending: 3,
      unsealedOverdue: 1,
      oldestUnsealedAt: oldest,
    });
  });

  it('keeps the reason of a broken chain when events are also overdue', () => {
    const broken = { ...intact, ok: false, firstBrokenSeq: 2, reason: 'event 2 is missing' };
    expect(withUnsealed(broken, { pending: 1, overdue: 1, oldestOverdueAt: new Date() })).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: 'event 2 is missing',
      unsealedOverdue: 1,
    });
  });
});
