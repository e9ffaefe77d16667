import { classify, DEFAULT_KEYWORD_LISTS } from '../classification/classifier.rules.js';
import { toE164 } from '../customers/phone-number.js';
import { guessLanguage } from '../intake/language.rules.js';
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_TICKETS, type DemoCustomer } from './demo-desk.data.js';

const customers: DemoCustomer[] = Object.values(DEMO_CUSTOMERS);
/** Domains reserved for examples (RFC 2606): mail queued to them reaches nobody. */
const RESERVED = /@example\.(com|net|org)$/;

describe('the demo desk data', () => {
  it('has about 25 customers and 40 tickets', () => {
    expect(customers.length).toBeGreaterThanOrEqual(24);
    expect(DEMO_TICKETS.length).toBeGreaterThanOrEqual(38);
  });

  it('writes only to reserved example domains, one address per person', () => {
    const addresses = [...customers, ...Object.values(DEMO_AGENTS)].map((person) => person.email);
    for (const address of addresses) expect(address).toMatch(RESERVED);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('gives every customer a valid E.164 phone in their own country and a real time zone', () => {
    for (const customer of customers) {
      expect(toE164(customer.phone, customer.country)).toBe(customer.phone);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: customer.timeZone })).not.toThrow();
    }
    const overseas = new Set(customers.filter((c) => c.country !== 'VN').map((c) => c.country));
    expect([...overseas].sort()).toEqual(['AU', 'DE', 'FR', 'US']);
    expect(customers.filter((customer) => customer.isVulnerable)).toHaveLength(1);
  });

  it('files mail where the classifier puts it, and in a language intake recognises', () => {
    for (const ticket of DEMO_TICKETS.filter((candidate) => candidate.channel === 'email')) {
      expect([
        ticket.subject,
        classify({ subject: ticket.subject, body: ticket.text }, DEFAULT_KEYWORD_LISTS).categoryKey,
      ]).toEqual([ticket.subject, ticket.category]);
      expect([ticket.subject, guessLanguage(`${ticket.subject}\n${ticket.text}`)]).toEqual([
        ticket.subject,
        DEMO_CUSTOMERS[ticket.customer].language,
      ]);
    }
  });

  it('covers every category, both languages and channels', () => {
    expect(new Set(DEMO_TICKETS.map((ticket) => ticket.category)).size).toBe(6);
    expect(new Set(DEMO_TICKETS.map((ticket) => DEMO_CUSTOMERS[ticket.customer].language))).toEqual(
      new Set(['vi', 'en']),
    );
    expect(new Set(DEMO_TICKETS.map((ticket) => ticket.channel))).toEqual(new Set(['email', 'web']));
    const texts = DEMO_TICKETS.map((ticket) => `${ticket.subject} ${ticket.text}`).join(' ');
    for (const words of ['hủy tour', 'huỷ tour', 'Đà Lạt', 'Hạ Long', 'Phú Quốc'])
      expect(texts).toContain(words);
  });

  it('keeps every step in the past, in order, within the last ten days', () => {
    for (const ticket of DEMO_TICKETS) {
      expect(ticket.ageHours).toBeLessThanOrEqual(240);
      const times = (ticket.steps ?? []).map((step) => step.afterHours);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const time of times)
        expect([ticket.subject, time < ticket.ageHours]).toEqual([ticket.subject, true]);
    }
  });

  it('has customers write again only before the desk answers, so no SLA pause needs re-timing', () => {
    for (const ticket of DEMO_TICKETS) {
      const steps = ticket.steps ?? [];
      const firstAnswer = steps.findIndex((step) => 'reply' in step || 'state' in step);
      const lastCustomer = steps.map((step) => 'customerWrites' in step).lastIndexOf(true);
      if (firstAnswer >= 0)
        expect([ticket.subject, lastCustomer < firstAnswer]).toEqual([ticket.subject, true]);
    }
  });
});
