import { CreateAgentDto } from '../../auth/dto/agent.dto.js';
import {
  agentToCreate,
  agentToUpdate,
  checkWith,
  formVersion,
  isTicked,
  queueFields,
  text,
  values,
} from './admin-desk-forms.js';

describe('reading admin forms', () => {
  it('takes the last of a repeated field, and every ticked box once', () => {
    expect(text({ name: ['a', 'b'] }, 'name')).toBe('b');
    expect(text({}, 'name')).toBe('');
    expect(values({ agentIds: ['x', 'y', 'x', ''] }, 'agentIds')).toEqual(['x', 'y']);
    expect(values({ agentIds: 'x' }, 'agentIds')).toEqual(['x']);
    expect(values({}, 'agentIds')).toEqual([]);
    expect(isTicked({ isActive: 'true' }, 'isActive')).toBe(true);
    expect(isTicked({}, 'isActive')).toBe(false);
  });

  it('leaves blank optional settings of a new agent to the defaults, but keeps a non-number for the check', () => {
    expect(agentToCreate({ email: ' a@b.vn ', displayName: 'An', role: 'agent', capacity: '' })).toEqual({
      email: 'a@b.vn',
      displayName: 'An',
      role: 'agent',
      language: undefined,
      timeZone: undefined,
      capacity: undefined,
    });
    expect(agentToCreate({ capacity: ' 12 ' }).capacity).toBe(12);
    expect(agentToCreate({ capacity: 'many' }).capacity).toBe('many');
  });

  it('reads an unticked sign-in box as a deactivation', () => {
    expect(agentToUpdate({ displayName: 'An', capacity: '3' })).toMatchObject({
      capacity: 3,
      isActive: false,
    });
  });

  it('never unsets the default queue from an unticked box', () => {
    expect(queueFields({ name: 'A', isActive: 'true' })).not.toHaveProperty('isDefault');
    expect(queueFields({ name: 'A', isDefault: 'true' })).toMatchObject({ isDefault: true, isActive: false });
  });

  it('reads a version only when it is a whole number', () => {
    expect(formVersion({ version: '3' })).toBe(3);
    expect(formVersion({ version: '1732500000123' })).toBe(1732500000123);
    expect(formVersion({ version: '3; drop' })).toBeNaN();
    expect(formVersion({})).toBeNaN();
  });
});

describe('checking admin forms with the API DTOs', () => {
  const valid = {
    email: 'lan@offtrack.vn',
    displayName: 'Lan',
    role: 'agent',
    initialPassword: 'x'.repeat(16),
  };

  it('accepts what the API accepts', async () => {
    expect(await checkWith(CreateAgentDto, valid)).toEqual({});
  });

  it('names one problem per field, "required" for an empty text whatever rule caught it', async () => {
    expect(
      await checkWith(CreateAgentDto, {
        ...valid,
        email: 'not-an-email',
        displayName: '',
        role: 'owner',
        timeZone: 'Mars/Olympus',
        capacity: 'many',
      }),
    ).toEqual({
      email: 'adminDesk.error.email',
      displayName: 'adminDesk.error.required',
      role: 'adminDesk.error.choice',
      timeZone: 'adminDesk.error.timeZone',
      capacity: 'adminDesk.error.number',
    });
    expect(await checkWith(CreateAgentDto, { ...valid, displayName: 'x'.repeat(201) })).toEqual({
      displayName: 'adminDesk.error.tooLong',
    });
  });
});
