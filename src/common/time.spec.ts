import { formatLocal } from './time.js';

describe('formatLocal', () => {
  it('shows a UTC instant in the reader’s zone', () => {
    const at = new Date('2026-11-27T09:00:00Z');
    expect(formatLocal(at, 'Asia/Ho_Chi_Minh')).toBe('27/11/2026 16:00 (GMT+7)');
    expect(formatLocal(at, 'Australia/Sydney')).toBe('27/11/2026 20:00 (GMT+11)');
    expect(formatLocal(at, 'Asia/Kolkata')).toBe('27/11/2026 14:30 (GMT+5:30)');
  });
});
