import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { SendNewsletterDto, toNewsletterSendView } from '../../consent/dto/consent.dto.js';
import { NewslettersService } from '../../consent/newsletters.service.js';
import { UNSUBSCRIBE_PURPOSES } from '../../consent/unsubscribe-links.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { checked, refusalOf } from '../policy-pages/page-refusal.js';
import { staffNames } from '../staff-names.js';

/** The fields of the send form, as typed. */
export interface NewsletterForm {
  purpose: string;
  subjectVi: string;
  subjectEn: string;
  textVi: string;
  textEn: string;
}

export const BLANK_NEWSLETTER: NewsletterForm = {
  purpose: 'newsletter',
  subjectVi: '',
  subjectEn: '',
  textVi: '',
  textEn: '',
};

/**
 * The newsletter and marketing admin page, through NewslettersService: who each purpose would reach now, and
 * the sends so far with their progress. A send goes only to customers whose consent to its purpose stands.
 */
@Injectable()
export class NewslettersPagesService {
  constructor(
    private readonly newsletters: NewslettersService,
    private readonly agents: AgentsService,
  ) {}

  async page() {
    const [audiences, sends, nameOf] = await Promise.all([
      this.newsletters.audiences(),
      this.newsletters.list(),
      staffNames(this.agents),
    ]);
    return {
      purposes: UNSUBSCRIBE_PURPOSES,
      audiences,
      sends: sends.map((send) => ({ ...toNewsletterSendView(send), sentBy: nameOf(send.sentById) })),
    };
  }

  /** Starts a send of the typed issue, checked as the API checks it; the send job writes its mails. */
  send(form: NewsletterForm, actor: Actor & { type: 'agent' }) {
    return refusalOf(async () => this.newsletters.start(await checked(SendNewsletterDto, form), actor));
  }
}

export function newsletterFormOf(form: PostedForm): NewsletterForm {
  return {
    purpose: textOf(form, 'purpose'),
    subjectVi: textOf(form, 'subjectVi'),
    subjectEn: textOf(form, 'subjectEn'),
    textVi: textOf(form, 'textVi'),
    textEn: textOf(form, 'textEn'),
  };
}
