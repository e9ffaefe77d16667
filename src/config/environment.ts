import 'reflect-metadata';
import { Transform } from 'class-transformer';
import {
  IsUrl,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  IsTimeZone,
  ValidateBy,
} from 'class-validator';
import {
  DEFAULT_BOOKING_REFERENCE_PATTERN,
  compileBookingReferencePattern,
} from '../classification/classifier.rules.js';

/** Reads the raw string: implicit conversion alone would turn "false" into true. */
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['1', 'true', 'yes', 'on'].includes(raw.trim().toLowerCase()) : raw;
};

const IsBookingReferencePattern = () =>
  ValidateBy({
    name: 'isBookingReferencePattern',
    validator: {
      validate: (value: unknown) => {
        try {
          compileBookingReferencePattern(String(value));
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () =>
        'must be a regular expression that matches booking references and never the empty text',
    },
  });

/** The environment variables Offtrack Care reads, as validated at boot. README.md documents each one. */
export class Environment {
  @IsOptional() @Min(1) @Max(65535) @IsInt() PORT: number = 3000;
  @IsOptional() @IsString() HOST: string = '0.0.0.0';
  /** Where customers reach the desk, for links in mail; http://localhost:PORT when unset. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) PUBLIC_URL?: string;

  @IsOptional()
  @Matches(/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, {
    message: 'must look like mysql://user:pass@host:3306/database',
  })
  DATABASE_URL?: string;

  @IsOptional() @IsString() SQLITE_PATH: string = 'data/offtrack-care.sqlite';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  APP_SECRET?: string;

  @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) ADMIN_EMAIL?: string;
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters long' })
  @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string =
    'info';
  @IsOptional()
  @Matches(/^\d+(kb|mb)$/i, { message: 'must be a size such as 100kb or 10mb' })
  BODY_LIMIT: string = '10mb';
  @IsOptional() @Transform(toBoolean) @IsBoolean() TRUST_PROXY: boolean = false;

  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone such as Asia/Ho_Chi_Minh' })
  DEFAULT_TIME_ZONE: string = 'Asia/Ho_Chi_Minh';

  @IsOptional() @Min(1) @Max(100) @IsInt() LOGIN_MAX_FAILURES: number = 5;
  @IsOptional() @Min(1) @Max(1440) @IsInt() LOGIN_LOCK_MINUTES: number = 15;
  @IsOptional() @Min(1) @Max(10000) @IsInt() LOGIN_RATE_PER_MINUTE: number = 20;
  @IsOptional() @Min(1) @Max(3650) @IsInt() SESSION_TOKEN_DAYS: number = 30;
  @IsOptional() @Min(0) @Max(600000) @IsInt() SHUTDOWN_GRACE_MS: number = 10000;
  /** Scheduled jobs (mail fetch, outbox); off for instances that only serve HTTP, and in tests that drive jobs. */
  @IsOptional() @Transform(toBoolean) @IsBoolean() JOBS_ENABLED: boolean = true;
  /** How soon a job held by a crashed instance can be taken over. */
  @IsOptional() @Min(1) @Max(3600) @IsInt() JOB_LEASE_SECONDS: number = 30;
  /** Loads the sample desk (customers, tickets, two agents) once at boot; `npm run demo` sets it. */
  @IsOptional() @Transform(toBoolean) @IsBoolean() DEMO: boolean = false;

  @IsOptional()
  @Matches(/^([^<>]+<)?[^\s@<>]+@[^\s@<>]+(>)?$/, {
    message: 'must be an address such as "Offtrack Care <care@example.com>"',
  })
  MAIL_FROM: string = 'Offtrack Care <care@offtrack.local>';
  @IsOptional()
  @Matches(/^smtps?:\/\/[^/]+\/?$/, {
    message: 'must look like smtp://user:pass@host:587 or smtps://user:pass@host:465',
  })
  SMTP_URL?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() SMTP_TLS: boolean = true;
  @IsOptional()
  @Matches(/^imaps?:\/\/[^/]+(\/.*)?$/, { message: 'must look like imaps://user:pass@host:993/INBOX' })
  IMAP_URL?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() IMAP_TLS: boolean = true;
  @IsOptional() @Transform(toBoolean) @IsBoolean() IMAP_IDLE: boolean = true;
  @IsOptional() @Min(5) @Max(3600) @IsInt() MAIL_POLL_SECONDS: number = 60;
  @IsOptional() @Min(1) @Max(100) @IsInt() MAIL_ATTACHMENT_LIMIT_MB: number = 25;
  @IsOptional() @Min(0) @Max(1000) @IsInt() MAIL_ACKS_PER_SENDER_PER_HOUR: number = 10;
  @IsOptional() @Min(0) @Max(365) @IsInt() MAIL_REOPEN_DAYS: number = 14;
  @IsOptional() @Min(1) @Max(3600) @IsInt() OUTBOX_POLL_SECONDS: number = 5;
  @IsOptional() @Min(1) @Max(50) @IsInt() OUTBOX_MAX_ATTEMPTS: number = 8;
  /** Sent mail holds addresses and bodies (erasure confirmations too): kept only this long. */
  @IsOptional() @Min(1) @Max(365) @IsInt() OUTBOX_SENT_KEEP_DAYS: number = 30;
  @IsOptional() @Min(5) @Max(3600) @IsInt() SLA_SCAN_SECONDS: number = 60;
  /** The policy keeps personal data one year after the customer's last contact; then it is anonymised. */
  @IsOptional() @Min(1) @Max(1200) @IsInt() RETENTION_MONTHS: number = 12;
  /** Supervisors approve compensation up to this amount (đồng); above it an admin must. */
  @IsOptional()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsInt()
  COMPENSATION_SUPERVISOR_LIMIT_VND: number = 5_000_000;
  /** Where suspensions and verification outcomes are POSTed for the booking/payment system; unset: not sent. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  TRANSACTION_WEBHOOK_URL?: string;
  /** Keys the HMAC-SHA256 signature of each call; required with TRANSACTION_WEBHOOK_URL. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  TRANSACTION_WEBHOOK_SECRET?: string;
  @IsOptional() @Min(1) @Max(50) @IsInt() TRANSACTION_WEBHOOK_MAX_ATTEMPTS: number = 8;
  @IsOptional() @Min(1) @Max(120) @IsInt() TRANSACTION_WEBHOOK_TIMEOUT_SECONDS: number = 10;

  @IsOptional() @IsBookingReferencePattern() BOOKING_REFERENCE_PATTERN: string =
    DEFAULT_BOOKING_REFERENCE_PATTERN;
}

/** Variables whose values must never be echoed, even in a validation error. */
export const SECRET_VARIABLES = new Set([
  'APP_SECRET',
  'ADMIN_PASSWORD',
  'DATABASE_URL',
  'SMTP_URL',
  'IMAP_URL',
  'TRANSACTION_WEBHOOK_URL',
  'TRANSACTION_WEBHOOK_SECRET',
]);
