import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { MailServer } from '../../config/app-config.js';

/** A nodemailer SMTP transport for SMTP_URL; TLS is required unless explicitly turned off (loopback only). */
export function createSmtpTransport(server: MailServer): Transporter {
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.tls === 'implicit',
    requireTLS: server.tls === 'starttls',
    ignoreTLS: server.tls === 'none',
    auth: server.username ? { user: server.username, pass: server.password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

export const SMTP_TRANSPORT = Symbol('SMTP_TRANSPORT');
