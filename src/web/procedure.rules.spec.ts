import type { SlaPolicySpec } from '../sla/sla.rules.js';
import { describeTarget, procedureTimes } from './procedure.rules.js';

const policy = (
  conditions: SlaPolicySpec['conditions'],
  targets: SlaPolicySpec['targets'],
): SlaPolicySpec => ({
  id: JSON.stringify(conditions),
  conditions,
  targets,
  pauseStates: [],
  ladder: [],
});

describe('complaint procedure times', () => {
  it('reads working days and business time in each language', () => {
    expect(describeTarget({ workingDays: 3 }, 'vi')).toBe('3 ngày làm việc');
    expect(describeTarget({ workingDays: 1 }, 'en')).toBe('1 working day');
    expect(describeTarget({ businessMinutes: 60 }, 'en')).toBe('1 business hour');
    expect(describeTarget({ businessMinutes: 90 }, 'vi')).toBe('90 phút làm việc');
    expect(describeTarget(undefined, 'vi')).toBeNull();
  });

  it('takes the limits from the policies the desk runs, falling back to the general one', () => {
    const policies = [
      policy({ categoryKeys: ['fraud_or_tampering'] }, { first_response: { businessMinutes: 60 } }),
      policy({}, { first_response: { workingDays: 3 }, resolution: { workingDays: 7 } }),
    ];
    expect(procedureTimes(policies, 'en')).toEqual({
      firstResponse: '3 working days',
      resolution: '7 working days',
      fraudFirstResponse: '1 business hour',
      privacyFirstResponse: '3 working days',
    });
  });
});
