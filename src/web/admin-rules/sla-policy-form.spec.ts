import {
  calendarProblemPlace,
  parsePeriods,
  periodsText,
  readSlaPolicyForm,
  slaPolicyFormOf,
  slaPolicyParts,
  slaPolicyProblems,
} from './sla-policy-form.js';

describe('SLA policy form', () => {
  const posted = {
    name: 'VIP',
    position: '5',
    isActive: '1',
    calendarId: 'cal',
    priorities: ['urgent', 'high'],
    channels: 'email',
    vulnerable: 'yes',
    'target.first_response.amount': '60',
    'target.first_response.unit': 'businessMinutes',
    'target.next_response.amount': '',
    'target.next_response.unit': 'businessMinutes',
    'target.resolution.amount': '3',
    'target.resolution.unit': 'workingDays',
    pauseStates: 'pending_customer',
    'ladder.0.at': '',
    'ladder.0.action': '',
    'ladder.1.at': 'before_breach',
    'ladder.1.percent': '80',
    'ladder.1.afterMinutes': '',
    'ladder.1.action': 'notify_assignee',
    'ladder.1.queueId': '',
    'ladder.1.targets': ['first_response', 'resolution'],
  };

  it('turns the form into the policy DTO, leaving out blank targets and ladder rows', () => {
    const parts = slaPolicyParts(readSlaPolicyForm(posted));
    expect(parts).toEqual({
      name: 'VIP',
      position: 5,
      isActive: true,
      calendarId: 'cal',
      urgentNotifications: false,
      conditions: { priorities: ['urgent', 'high'], channels: ['email'], vulnerable: true },
      targets: { first_response: { businessMinutes: 60 }, resolution: { workingDays: 3 } },
      pauseStates: ['pending_customer'],
      escalationLadder: [
        {
          at: 'before_breach',
          percent: 80,
          action: 'notify_assignee',
          targets: ['first_response', 'resolution'],
        },
      ],
      ladderRows: [1],
    });
  });

  it('places problems on the target or the ladder row they concern', () => {
    expect(
      slaPolicyProblems(
        [
          { field: 'targets.resolution.workingDays', reason: 'too many days' },
          { field: 'escalationLadder.0.percent', reason: 'needs a percent' },
          { field: 'pauseStates', reason: 'cannot pause' },
        ],
        { ladderRows: [1] },
      ),
    ).toEqual({
      'target.resolution': 'too many days',
      'ladder.1': 'needs a percent',
      pauseStates: 'cannot pause',
    });
  });

  it('shows a saved policy with each target in its own unit and two blank ladder rows', () => {
    const form = slaPolicyFormOf({
      name: 'Gian lận',
      position: 1,
      isActive: true,
      calendarId: 'cal',
      urgentNotifications: true,
      conditions: { vulnerable: false },
      targets: { first_response: { businessMinutes: 30 }, resolution: { workingDays: 2 } },
      pauseStates: [],
      escalationLadder: [{ at: 'breach', action: 'notify_supervisors' }],
    });
    expect(form.targets).toEqual({
      first_response: { amount: '30', unit: 'businessMinutes' },
      next_response: { amount: '', unit: 'businessMinutes' },
      resolution: { amount: '2', unit: 'workingDays' },
    });
    expect(form.vulnerable).toBe('no');
    expect(form.ladder).toHaveLength(3);
  });

  it('reads working hours typed as periods, and writes them back the same way', () => {
    expect(parsePeriods(' 08:00-12:00 , 13:30 - 17:30,')).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(parsePeriods('')).toEqual([]);
    expect(parsePeriods('sáng')).toEqual([{ start: 'sáng', end: '' }]);
    expect(periodsText([{ start: '08:00', end: '11:00' }])).toBe('08:00-11:00');
  });

  it('places calendar problems on the weekday or the field they name', () => {
    expect(calendarProblemPlace('workingHours.sat[0]')).toBe('hours.sat');
    expect(calendarProblemPlace('timeZone')).toBe('timeZone');
    expect(calendarProblemPlace('holidays[2]')).toBe('holidays');
  });
});
