import {
  eventOf,
  isFraudAlarm,
  isOpenCase,
  moveCase,
  openBookingKey,
  TRANSACTION_CASE_STATES,
} from './transaction-case.rules.js';

describe('transaction case moves', () => {
  it('suspends a reported transaction, then decides it either way', () => {
    expect(moveCase('reported', 'suspend')).toEqual({ allowed: true, to: 'suspended_for_verification' });
    expect(moveCase('suspended_for_verification', 'verify_legitimate')).toEqual({
      allowed: true,
      to: 'verified_legitimate',
    });
    expect(moveCase('suspended_for_verification', 'confirm_fraud')).toEqual({
      allowed: true,
      to: 'confirmed_fraud',
    });
  });

  it('never decides a transaction that was not first suspended', () => {
    for (const move of ['verify_legitimate', 'confirm_fraud'] as const) {
      expect(moveCase('reported', move)).toEqual({
        allowed: false,
        reason: 'Suspend the transaction for verification before deciding whether it is legitimate',
      });
    }
  });

  it('refuses to suspend twice or after the outcome, saying why', () => {
    expect(moveCase('suspended_for_verification', 'suspend')).toEqual({
      allowed: false,
      reason: 'This transaction case is already suspended_for_verification',
    });
    expect(moveCase('confirmed_fraud', 'suspend')).toEqual({
      allowed: false,
      reason: 'Only a reported transaction can be suspended; this one is confirmed_fraud',
    });
  });

  it('keeps an outcome final', () => {
    expect(moveCase('verified_legitimate', 'confirm_fraud')).toEqual({
      allowed: false,
      reason: 'This transaction case is already decided: verified_legitimate',
    });
    expect(moveCase('confirmed_fraud', 'confirm_fraud')).toEqual({
      allowed: false,
      reason: 'This transaction case is already confirmed_fraud',
    });
  });

  it('names the event the booking system receives for each move', () => {
    expect(eventOf('suspend')).toBe('transaction.suspended');
    expect(eventOf('verify_legitimate')).toBe('transaction.verified_legitimate');
    expect(eventOf('confirm_fraud')).toBe('transaction.confirmed_fraud');
  });

  it('raises the alarm for fraud reports and tampering only', () => {
    expect(isFraudAlarm('fraud_report')).toBe(true);
    expect(isFraudAlarm('tampered_transaction')).toBe(true);
    expect(isFraudAlarm('payment_incident')).toBe(false);
    expect(isFraudAlarm('cancellation')).toBe(false);
  });
});

describe('one open case per booking', () => {
  it('keys a booking by its reference, whatever its letter case and blanks', () => {
    expect(openBookingKey(' otv-2026-001234 ')).toBe('OTV-2026-001234');
  });

  it('counts reported and suspended cases as open, decided ones as closed', () => {
    expect(TRANSACTION_CASE_STATES.filter(isOpenCase)).toEqual(['reported', 'suspended_for_verification']);
  });
});
