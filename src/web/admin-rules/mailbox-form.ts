import { isChecked, numberOf, type PostedForm, textOf } from './admin-form.js';

/** A mailbox as its page's form holds it. The password is never part of it: it is write-only. */
export interface MailboxForm {
  name: string;
  address: string;
  imapHost: string;
  imapPort: string;
  imapSecurity: string;
  imapUsername: string;
  imapFolder: string;
  defaultQueueId: string;
  isActive: boolean;
}

export function emptyMailboxForm(defaultQueueId: string): MailboxForm {
  return {
    name: '',
    address: '',
    imapHost: '',
    imapPort: '993',
    imapSecurity: 'implicit',
    imapUsername: '',
    imapFolder: 'INBOX',
    defaultQueueId,
    isActive: true,
  };
}

export function mailboxFormOf(mailbox: Omit<MailboxForm, 'imapPort'> & { imapPort: number }): MailboxForm {
  return {
    name: mailbox.name,
    address: mailbox.address,
    imapHost: mailbox.imapHost,
    imapPort: String(mailbox.imapPort),
    imapSecurity: mailbox.imapSecurity,
    imapUsername: mailbox.imapUsername,
    imapFolder: mailbox.imapFolder,
    defaultQueueId: mailbox.defaultQueueId,
    isActive: mailbox.isActive,
  };
}

export function readMailboxForm(posted: PostedForm): MailboxForm {
  return {
    name: textOf(posted, 'name'),
    address: textOf(posted, 'address'),
    imapHost: textOf(posted, 'imapHost'),
    imapPort: textOf(posted, 'imapPort'),
    imapSecurity: textOf(posted, 'imapSecurity'),
    imapUsername: textOf(posted, 'imapUsername'),
    imapFolder: textOf(posted, 'imapFolder'),
    defaultQueueId: textOf(posted, 'defaultQueueId'),
    isActive: isChecked(posted, 'isActive'),
  };
}

/**
 * The body of a new mailbox. The password is taken as typed (spaces may be part of it); the port becomes a
 * number so the DTO can check its range.
 */
export function newMailboxBody(form: MailboxForm, password: string) {
  const { isActive: _isActive, ...fields } = form;
  return {
    ...fields,
    imapPort: numberOf(form.imapPort),
    imapPassword: password,
    imapFolder: form.imapFolder || 'INBOX',
  };
}

/** The change to a mailbox: a blank password keeps the stored one. */
export function mailboxChange(form: MailboxForm, password: string) {
  const { address: _address, ...fields } = form;
  return {
    ...fields,
    imapPort: numberOf(form.imapPort),
    imapFolder: form.imapFolder || 'INBOX',
    ...(password ? { imapPassword: password } : {}),
  };
}

/** The password field as posted, untrimmed. */
export function postedPassword(posted: PostedForm): string {
  const value = posted.imapPassword;
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
