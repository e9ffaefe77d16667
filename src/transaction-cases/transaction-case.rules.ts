export const TRANSACTION_CASE_KINDS = [
  'payment_incident',
  'tampered_transaction',
  'fraud_report',
  'cancellation',
] as const;
export type TransactionCaseKind = (typeof TRANSACTION_CASE_KINDS)[number];

/** reported → suspended_for_verification → verified_legitimate | confirmed_fraud. */
export const TRANSACTION_CASE_STATES = [
  'reported',
  'suspended_for_verification',
  'verified_legitimate',
  'confirmed_fraud',
] as const;
export type TransactionCaseState = (typeof TRANSACTION_CASE_STATES)[number];

export const TRANSACTION_CASE_MOVES = ['suspend', 'verify_legitimate', 'confirm_fraud'] as const;
export type TransactionCaseMove = (typeof TRANSACTION_CASE_MOVES)[number];

/** What the booking/payment system is told after each move. */
export type TransactionEvent =
  'transaction.suspended' | 'transaction.verified_legitimate' | 'transaction.confirmed_fraud';

const MOVES: Record<TransactionCaseMove, { from: TransactionCaseState; to: TransactionCaseState }> = {
  suspend: { from: 'reported', to: 'suspended_for_verification' },
  verify_legitimate: { from: 'suspended_for_verification', to: 'verified_legitimate' },
  confirm_fraud: { from: 'suspended_for_verification', to: 'confirmed_fraud' },
};

const EVENTS: Record<TransactionCaseMove, TransactionEvent> = {
  suspend: 'transaction.suspended',
  verify_legitimate: 'transaction.verified_legitimate',
  confirm_fraud: 'transaction.confirmed_fraud',
};

export type CaseMoveResult = { allowed: true; to: TransactionCaseState } | { allowed: false; reason: string };

/**
 * Where `move` takes a case in `state`, or why it may not. A transaction is judged only while it is held
 * (suspended), so the booking system never releases or cancels one it was not first told to stop.
 */
export function moveCase(state: TransactionCaseState, move: TransactionCaseMove): CaseMoveResult {
  const { from, to } = MOVES[move];
  if (state === from) return { allowed: true, to };
  if (state === to) return { allowed: false, reason: `This transaction case is already ${state}` };
  if (move === 'suspend') {
    return { allowed: false, reason: `Only a reported transaction can be suspended; this one is ${state}` };
  }
  if (state === 'reported') {
    return {
      allowed: false,
      reason: 'Suspend the transaction for verification before deciding whether it is legitimate',
    };
  }
  return { allowed: false, reason: `This transaction case is already decided: ${state}` };
}

export function eventOf(move: TransactionCaseMove): TransactionEvent {
  return EVENTS[move];
}

/** Kinds the policy treats as an attack on the customer: the ticket goes urgent and supervisors are told. */
export function isFraudAlarm(kind: TransactionCaseKind): boolean {
  return kind === 'fraud_report' || kind === 'tampered_transaction';
}

/** A case still being worked: the booking system may be told to halt or release the transaction. */
export function isOpenCase(state: TransactionCaseState): boolean {
  return state === 'reported' || state === 'suspended_for_verification';
}

/**
 * The key that allows one open case per booking: the reference as the booking system knows it (letter case
 * and surrounding blanks do not make another booking). Cases hold it while open and NULL once decided, and a
 * unique index on it holds on both engines, since NULLs never collide.
 */
export function openBookingKey(bookingReference: string): string {
  return bookingReference.trim().toUpperCase();
}
