import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { DomainError, InvalidInput, NotFound } from '../../common/errors/domain-error.js';
import { QueuesService } from '../../queues/queues.service.js';
import type { WorkingPeriod, Weekday } from '../../sla/business-calendar.js';
import {
  type CalendarView,
  HolidayDto,
  SavePolicyDto,
  toCalendarView,
  toSlaPolicyView,
  UpdateCalendarDto,
  UpdatePolicyDto,
} from '../../sla/dto/sla-admin.dto.js';
import { TicketsService } from '../../tickets/tickets.service.js';
import { dtoProblems, problemsByPlace, type SaveOutcome } from './admin-form.js';
import { SlaAdminService } from '../../sla/sla-admin.service.js';
import {
  calendarProblemPlace,
  parsePeriods,
  slaPolicyParts,
  slaPolicyProblems,
  type SlaPolicyForm,
  WEEKDAYS,
} from './sla-policy-form.js';

/** The SLA pages: policies with their targets, pauses and escalation ladder; calendars with hours and holidays. */
@Injectable()
export class SlaPagesService {
  constructor(
    private readonly sla: SlaAdminService,
    private readonly queues: QueuesService,
    private readonly tickets: TicketsService,
  ) {}

  async policies() {
    return (await this.sla.listPolicies()).map(toSlaPolicyView);
  }

  async policy(id: string) {
    const found = (await this.policies()).find((policy) => policy.id === id);
    if (!found) throw new NotFound('SLA policy', id);
    return found;
  }

  async calendars() {
    return (await this.sla.listCalendars()).map(toCalendarView);
  }

  async calendar(id: string): Promise<CalendarView> {
    const found = (await this.calendars()).find((calendar) => calendar.id === id);
    if (!found) throw new NotFound('business calendar', id);
    return found;
  }

  /** Queues and categories a policy may name. */
  async choices() {
    const [queues, categories] = await Promise.all([this.queues.list(), this.tickets.categories()]);
    return { queues: queues.map(({ queue }) => queue), categories };
  }

  createPolicy(form: SlaPolicyForm, actor: Actor): Promise<SaveOutcome> {
    const { ladderRows, ...body } = slaPolicyParts(form);
    return this.savingPolicy(ladderRows, SavePolicyDto, body, async () => {
      return (await this.sla.createPolicy(body as SavePolicyDto, actor)).id;
    });
  }

  updatePolicy(id: string, version: number, form: SlaPolicyForm, actor: Actor): Promise<SaveOutcome> {
    const { ladderRows, ...parts } = slaPolicyParts(form);
    const body = { ...parts, version };
    return this.savingPolicy(ladderRows, UpdatePolicyDto, body, async () => {
      await this.sla.updatePolicy(id, body as UpdatePolicyDto, actor);
      return id;
    });
  }

  /** New time zone and working hours ("08:00-12:00, 13:30-17:30" per weekday); the holidays stay. */
  async updateHours(
    id: string,
    version: number,
    timeZone: string,
    hours: Record<Weekday, string>,
    actor: Actor,
  ): Promise<SaveOutcome> {
    const calendar = await this.calendar(id);
    const workingHours = Object.fromEntries(WEEKDAYS.map((day) => [day, parsePeriods(hours[day])])) as Record<
      Weekday,
      WorkingPeriod[]
    >;
    return this.savingCalendar(
      id,
      { ...this.calendarBody(calendar), version, timeZone, workingHours },
      actor,
    );
  }

  /** Adds a holiday, or renames the one already on that date. */
  async addHoliday(id: string, version: number, holiday: HolidayDto, actor: Actor): Promise<SaveOutcome> {
    const problems = await dtoProblems(HolidayDto, holiday);
    if (problems.length > 0) {
      return {
        saved: false,
        problems: problemsByPlace(problems, (field) => `holiday.${field}`),
        alert: null,
      };
    }
    const calendar = await this.calendar(id);
    const holidays = [...calendar.holidays.filter((kept) => kept.date !== holiday.date), holiday];
    return this.savingCalendar(id, { ...this.calendarBody(calendar), version, holidays }, actor);
  }

  async removeHoliday(id: string, version: number, date: string, actor: Actor): Promise<SaveOutcome> {
    const calendar = await this.calendar(id);
    const holidays = calendar.holidays.filter((kept) => kept.date !== date);
    return this.savingCalendar(id, { ...this.calendarBody(calendar), version, holidays }, actor);
  }

  private calendarBody(calendar: CalendarView) {
    return {
      name: calendar.name,
      timeZone: calendar.timeZone,
      workingHours: calendar.workingHours,
      holidays: calendar.holidays.map(({ date, name }) => ({ date, name })),
      extraWorkingDays: calendar.extraWorkingDays,
    };
  }

  private async savingCalendar(id: string, body: UpdateCalendarDto, actor: Actor): Promise<SaveOutcome> {
    const place = (field: string) => `calendar.${calendarProblemPlace(field)}`;
    const problems = await dtoProblems(UpdateCalendarDto, body);
    if (problems.length > 0) return { saved: false, problems: problemsByPlace(problems, place), alert: null };
    try {
      await this.sla.updateCalendar(id, body, actor);
      return { saved: true, id };
    } catch (error) {
      if (error instanceof InvalidInput) {
        return { saved: false, problems: problemsByPlace(error.errors, place), alert: null };
      }
      if (error instanceof DomainError) return { saved: false, problems: {}, alert: error.message };
      throw error;
    }
  }

  private async savingPolicy(
    ladderRows: number[],
    dto: new () => object,
    body: object,
    save: () => Promise<string>,
  ): Promise<SaveOutcome> {
    const problems = await dtoProblems(dto, body);
    if (problems.length > 0) {
      return { saved: false, problems: slaPolicyProblems(problems, { ladderRows }), alert: null };
    }
    try {
      return { saved: true, id: await save() };
    } catch (error) {
      if (error instanceof InvalidInput) {
        return { saved: false, problems: slaPolicyProblems(error.errors, { ladderRows }), alert: null };
      }
      if (error instanceof DomainError) return { saved: false, problems: {}, alert: error.message };
      throw error;
    }
  }
}
