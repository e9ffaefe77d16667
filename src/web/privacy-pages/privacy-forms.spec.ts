import {
  clockOf,
  incidentContent,
  incidentToReport,
  notificationOf,
  ticketNumberOf,
} from './privacy-forms.js';

describe('privacy forms', () => {
  it('reads a ticket number with or without its prefix', () => {
    expect(ticketNumberOf('OT#100231')).toBe(100231);
    expect(ticketNumberOf(' ot#100231 ')).toBe(100231);
    expect(ticketNumberOf('#100231')).toBe(100231);
    expect(ticketNumberOf('100231')).toBe(100231);
    expect(ticketNumberOf('')).toBeNull();
    expect(ticketNumberOf('OT#10a')).toBeNull();
  });

  it("reads the discovery in the agent's zone, and leaves a blank one for the check", () => {
    expect(
      incidentToReport(
        { kind: 'system_attack', title: ' Tấn công ', description: 'DDoS', discoveredAt: '2026-03-02T08:15' },
        'Asia/Ho_Chi_Minh',
      ),
    ).toEqual({
      kind: 'system_attack',
      title: 'Tấn công',
      description: 'DDoS',
      discoveredAt: '2026-03-02T08:15:00+07:00',
    });
    expect(incidentToReport({}, 'Asia/Ho_Chi_Minh').discoveredAt).toBe('');
  });

  it('sends every content field, an emptied one to clear it', () => {
    expect(
      incidentContent(
        { title: 'T', description: 'D', subjectsAffected: '1200', recordsAffected: '', consequences: ' ' },
        4,
      ),
    ).toEqual({
      version: 4,
      title: 'T',
      description: 'D',
      dataCategories: '',
      contactPerson: '',
      consequences: '',
      measuresTaken: '',
      measuresProposed: '',
      delayReason: '',
      subjectsAffected: 1200,
      recordsAffected: null,
    });
    expect(incidentContent({ subjectsAffected: 'nhiều' }, 1).subjectsAffected).toBe('nhiều');
  });

  it('leaves out what the notified form left blank', () => {
    expect(
      notificationOf({ notifiedTo: 'Cục A05', reference: '', notifiedAt: '', delayReason: '' }, 2, 'UTC'),
    ).toEqual({
      version: 2,
      notifiedTo: 'Cục A05',
    });
    expect(
      notificationOf(
        { notifiedTo: 'Cục A05', reference: 'CV-1', notifiedAt: '2026-03-03T09:00', delayReason: 'Lễ' },
        2,
        'Asia/Ho_Chi_Minh',
      ),
    ).toEqual({
      version: 2,
      notifiedTo: 'Cục A05',
      reference: 'CV-1',
      notifiedAt: '2026-03-03T09:00:00+07:00',
      delayReason: 'Lễ',
    });
  });

  it('tells a running clock, an overdue one, and one answered in time or late', () => {
    expect(clockOf({ isMet: false, isOverdue: false, minutesLeft: 125 })).toEqual({
      state: 'due',
      hours: 2,
      minutes: 5,
    });
    expect(clockOf({ isMet: false, isOverdue: true, minutesLeft: -61 })).toEqual({
      state: 'overdue',
      hours: 1,
      minutes: 1,
    });
    expect(clockOf({ isMet: true, isOverdue: false, minutesLeft: null }).state).toBe('met');
    expect(clockOf({ isMet: false, isOverdue: true, minutesLeft: null }).state).toBe('late');
  });
});
