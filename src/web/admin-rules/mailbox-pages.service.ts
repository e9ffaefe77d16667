import { Injectable } from '@nestjs/common';
import { DomainError, Invalid, NotFound } from '../../common/errors/domain-error.js';
import { CreateMailboxDto, toMailboxView, UpdateMailboxDto } from '../../mail/inbound/dto/mailbox.dto.js';
import { QueuesService } from '../../queues/queues.service.js';
import { MailboxesService } from '../../mail/inbound/mailboxes.service.js';
import { dtoProblems, problemsByPlace, type SaveOutcome } from './admin-form.js';
import { MailboxConnectionTest } from './mailbox-connection-test.js';
import { mailboxChange, type MailboxForm, newMailboxBody } from './mailbox-form.js';

/** The mailboxes pages: what the desk reads, adding and changing a mailbox, and trying its sign-in. */
@Injectable()
export class MailboxPagesService {
  constructor(
    private readonly mailboxService: MailboxesService,
    private readonly queues: QueuesService,
    private readonly connection: MailboxConnectionTest,
  ) {}

  /** Mailboxes as the API shows them: the password never leaves the service. */
  async mailboxes() {
    return (await this.mailboxService.list()).map(toMailboxView);
  }

  async mailbox(id: string) {
    return toMailboxView(await this.mailboxService.get(id));
  }

  async queueChoices() {
    return (await this.queues.list()).map(({ queue }) => queue);
  }

  testConnection(id: string) {
    return this.connection.run(id);
  }

  create(form: MailboxForm, password: string): Promise<SaveOutcome> {
    const body = newMailboxBody(form, password);
    return this.saving(CreateMailboxDto, body, async () => {
      return (await this.mailboxService.create(body as CreateMailboxDto)).id;
    });
  }

  update(id: string, form: MailboxForm, password: string): Promise<SaveOutcome> {
    const body = mailboxChange(form, password);
    return this.saving(UpdateMailboxDto, body, async () => {
      await this.mailboxService.update(id, body as UpdateMailboxDto);
      return id;
    });
  }

  private async saving(
    dto: new () => object,
    body: object,
    save: () => Promise<string>,
  ): Promise<SaveOutcome> {
    const problems = await dtoProblems(dto, body);
    if (problems.length > 0) {
      return { saved: false, problems: problemsByPlace(problems, (field) => field), alert: null };
    }
    try {
      return { saved: true, id: await save() };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The service names the field in its message for these two; the rest concern the whole mailbox.
      if (error instanceof Invalid && error.message.startsWith('imapSecurity')) {
        return { saved: false, problems: { imapSecurity: error.message }, alert: null };
      }
      if ((error instanceof NotFound || error instanceof Invalid) && /^queue/i.test(error.message)) {
        return { saved: false, problems: { defaultQueueId: error.message }, alert: null };
      }
      return { saved: false, problems: {}, alert: error.message };
    }
  }
}
