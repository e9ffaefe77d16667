import { createHash } from 'node:crypto';

/** The hash the first audit event chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** What of an audit event the chain covers: everything but the raw `fields`, which it covers by digest. */
export interface ChainedEvent {
  seq: number;
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  fieldsDigest: string;
  reason: string | null;
  requestId: string | null;
}

/** A stored, sealed event as verification reads it. */
export interface StoredEvent extends ChainedEvent {
  fields: string | null;
  fieldsSalt: string | null;
  redactedAt: Date | null;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The digest the chain covers instead of `fields`, which may hold personal values retention must later
 * remove. It is salted per event (the salt goes with the values) so that, once redacted, a phone number or
 * a name cannot be found again by hashing guesses until one matches the digest.
 */
export function digestFields(fields: string | null, salt: string | null): string {
  return sha256(`${salt ?? ''}\n${fields ?? ''}`);
}

/** A fixed-order JSON array: one text per event whatever the engine or the property order. */
export function canonicalEvent(event: ChainedEvent): string {
  return JSON.stringify([
    event.seq,
    event.id,
    event.occurredAt.toISOString(),
    event.actorType,
    event.actorId,
    event.action,
    event.recordType,
    event.recordId,
    event.fieldsDigest,
    event.reason,
    event.requestId,
  ]);
}

export function chainHash(previousHash: string, event: ChainedEvent): string {
  return sha256(`${previousHash}\n${canonicalEvent(event)}`);
}

export interface ChainReport {
  ok: boolean;
  events: number;
  redacted: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** An event written by record() that the sealer has not chained yet (no seq, no hash). */
export type UnsealedEvent = Omit<ChainedEvent, 'seq'>;

/**
 * Chains unsealed events, in the order given, after the head: consecutive seqs from head.lastSeq + 1, each
 * hash over the one before. Returns what to write to each event and the new head.
 */
export function sealEvents(
  head: ChainHead,
  events: readonly UnsealedEvent[],
): { sealed: { id: string; seq: number; hash: string }[]; head: ChainHead } {
  let { lastSeq: seq, lastHash: hash } = head;
  const sealed = events.map((event) => {
    seq += 1;
    hash = chainHash(hash, { ...event, seq });
    return { id: event.id, seq, hash };
  });
  return { sealed, head: { lastSeq: seq, lastHash: hash } };
}

/**
 * How long an event may wait for the sealer before verification calls it a failure. The sealer runs every
 * second, so a healthy desk never comes near this; an event left unsealed longer means the sealer is not
 * running (or is failing), and until sealed an event can be changed or removed without the chain showing it.
 * Events committed late by a long transaction get sealed on the next pass, well within this.
 */
export const SEAL_GRACE_MS = 5 * 60_000;

/** The chain report with the events still waiting for the sealer. */
export interface AuditLogReport extends ChainReport {
  /** Unsealed events, of any age. */
  pending: number;
  /** Unsealed events older than SEAL_GRACE_MS: any makes the report fail. */
  unsealedOverdue: number;
  /** When the oldest overdue event happened, if any. */
  oldestUnsealedAt: Date | null;
}

/** Adds the unsealed events to a chain report: those past the grace period fail it. */
export function withUnsealed(
  chain: ChainReport,
  unsealed: { pending: number; overdue: number; oldestOverdueAt: Date | null },
): AuditLogReport {
  const report = {
    ...chain,
    pending: unsealed.pending,
    unsealedOverdue: unsealed.overdue,
    oldestUnsealedAt: unsealed.oldestOverdueAt,
  };
  if (unsealed.overdue === 0 || !chain.ok) return report;
  return {
    ...report,
    ok: false,
    reason: `${unsealed.overdue} event(s) still unsealed after ${SEAL_GRACE_MS / 60_000} minutes: is the audit sealer running?`,
  };
}

/** Where the chain ends: the head row's last seq and hash, read before the events are. */
export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/**
 * Checks a chain fed in seq order, batch by batch, so millions of events never sit in memory at once.
 * The first break stops the check: after it, every later hash differs anyway.
 */
export class ChainCheck {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  private events = 0;
  private redacted = 0;
  private broken: { seq: number; reason: string } | null = null;

  /** Takes the next events; false once the chain is broken, when feeding more is pointless. */
  accept(batch: readonly StoredEvent[]): boolean {
    for (const event of batch) {
      if (this.broken) return false;
      this.broken = this.check(event);
      if (this.broken) return false;
      this.events += 1;
      if (event.redactedAt) this.redacted += 1;
      this.expectedSeq = event.seq + 1;
      this.previousHash = event.hash;
    }
    return !this.broken;
  }

  /** The verdict, given the head: events missing from the end of the chain show only against it. */
  finish(head: ChainHead): ChainReport {
    if (!this.broken && head.lastSeq >= this.expectedSeq) {
      this.broken = { seq: this.expectedSeq, reason: `event ${this.expectedSeq} is missing` };
    } else if (!this.broken && head.lastSeq > 0 && this.previousHash !== head.lastHash) {
      this.broken = { seq: head.lastSeq, reason: 'the last event does not match the chain head' };
    }
    return {
      ok: !this.broken,
      events: this.events,
      redacted: this.redacted,
      firstBrokenSeq: this.broken?.seq ?? null,
      reason: this.broken?.reason ?? null,
    };
  }

  private check(event: StoredEvent): { seq: number; reason: string } | null {
    if (event.seq < this.expectedSeq) {
      return { seq: event.seq, reason: `event ${event.seq} appears again or out of order` };
    }
    if (event.seq > this.expectedSeq) {
      return { seq: this.expectedSeq, reason: `event ${this.expectedSeq} is missing` };
    }
    if (event.redactedAt) {
      if (event.fields !== null) return { seq: event.seq, reason: 'a redacted event still has fields' };
    } else if (digestFields(event.fields, event.fieldsSalt) !== event.fieldsDigest) {
      return { seq: event.seq, reason: 'fields do not match their digest' };
    }
    if (chainHash(this.previousHash, event) !== event.hash) {
      return { seq: event.seq, reason: 'hash does not match the event and the one before it' };
    }
    return null;
  }
}
