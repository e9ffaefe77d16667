import { ImapFlow } from 'imapflow';

export interface ImapCredentials {
  host: string;
  port: number;
  security: 'implicit' | 'starttls' | 'none';
  username: string;
  password: string;
}

/** An imapflow client that never sends credentials in clear text unless TLS was explicitly turned off. */
export function createImapClient(credentials: ImapCredentials, options: { idle?: boolean } = {}): ImapFlow {
  return new ImapFlow({
    host: credentials.host,
    port: credentials.port,
    secure: credentials.security === 'implicit',
    doSTARTTLS:
      credentials.security === 'starttls' ? true : credentials.security === 'none' ? false : undefined,
    auth: { user: credentials.username, pass: credentials.password },
    logger: false,
    disableAutoIdle: !options.idle,
    // Dovecot and most servers announce new mail within a second of delivery while idling.
    autoIdleDelay: options.idle ? 200 : undefined,
  });
}
