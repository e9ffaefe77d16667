import { UseUtf8mb41764028800000 } from './migrations/1764028800000-use-utf8mb4.js';
import { CreateAgents1764028800001 } from './migrations/1764028800001-create-agents.js';
import { CreateAuditEvents1764028800002 } from './migrations/1764028800002-create-audit-events.js';
import { CreateCustomers1764028800003 } from './migrations/1764028800003-create-customers.js';
import { CreateQueues1764028800004 } from './migrations/1764028800004-create-queues.js';
import { CreateTickets1764028800005 } from './migrations/1764028800005-create-tickets.js';
import { CreateJobLeases1764028800006 } from './migrations/1764028800006-create-job-leases.js';
import { CreateOutbox1764028800007 } from './migrations/1764028800007-create-outbox.js';
import { CreateMailIntake1764028800008 } from './migrations/1764028800008-create-mail-intake.js';
import { AddTicketFollowUp1764028800009 } from './migrations/1764028800009-add-ticket-follow-up.js';
import { AddCustomerEmailBounced1764028800010 } from './migrations/1764028800010-add-customer-email-bounced.js';
import { CreateMailTemplates1764028800011 } from './migrations/1764028800011-create-mail-templates.js';
import { AddTicketRoutingFields1764028800012 } from './migrations/1764028800012-add-ticket-routing-fields.js';
import { CreateRoutingRules1764028800013 } from './migrations/1764028800013-create-routing-rules.js';
import { AddQueueWork1764028800014 } from './migrations/1764028800014-add-queue-work.js';
import { CreateSla1764028800015 } from './migrations/1764028800015-create-sla.js';
import { AddTicketDueIndex1764028800016 } from './migrations/1764028800016-add-ticket-due-index.js';
import { AddStatusLinkToAcknowledgement1764028800017 } from './migrations/1764028800017-add-status-link-to-acknowledgement.js';
import { CreateCannedResponses1764028800018 } from './migrations/1764028800018-create-canned-responses.js';
import { CreateCompensations1764028800019 } from './migrations/1764028800019-create-compensations.js';
import { CreateCancellations1764028800020 } from './migrations/1764028800020-create-cancellations.js';
import { CreateIncidents1764028800021 } from './migrations/1764028800021-create-incidents.js';
import { AddSensitiveDataPermission1764028800022 } from './migrations/1764028800022-add-sensitive-data-permission.js';
import { CreateTransactionCases1764028800023 } from './migrations/1764028800023-create-transaction-cases.js';
import { AddAuditChain1764028800024 } from './migrations/1764028800024-add-audit-chain.js';
import { CreateConsent1764028800025 } from './migrations/1764028800025-create-consent.js';
import { CreateRetention1764028800026 } from './migrations/1764028800026-create-retention.js';
import { CreateDataRequests1764028800027 } from './migrations/1764028800027-create-data-requests.js';
import { MakeAuditSealAsync1764028800028 } from './migrations/1764028800028-make-audit-seal-async.js';
import { AddMarketingAndProcessingRestriction1764028800029 } from './migrations/1764028800029-add-marketing-and-processing-restriction.js';
import { AddOneOpenTransactionCasePerBooking1764028800030 } from './migrations/1764028800030-add-one-open-transaction-case-per-booking.js';
import { AddMessageThreadSequence1764028800031 } from './migrations/1764028800031-add-message-thread-sequence.js';

/** Every migration in order. Listed, not globbed, so the same list runs from dist/ and under jest. */
export const migrations = [
  UseUtf8mb41764028800000,
  CreateAgents1764028800001,
  CreateAuditEvents1764028800002,
  CreateCustomers1764028800003,
  CreateQueues1764028800004,
  CreateTickets1764028800005,
  CreateJobLeases1764028800006,
  CreateOutbox1764028800007,
  CreateMailIntake1764028800008,
  AddTicketFollowUp1764028800009,
  AddCustomerEmailBounced1764028800010,
  CreateMailTemplates1764028800011,
  AddTicketRoutingFields1764028800012,
  CreateRoutingRules1764028800013,
  AddQueueWork1764028800014,
  CreateSla1764028800015,
  AddTicketDueIndex1764028800016,
  AddStatusLinkToAcknowledgement1764028800017,
  CreateCannedResponses1764028800018,
  CreateCompensations1764028800019,
  CreateCancellations1764028800020,
  CreateIncidents1764028800021,
  AddSensitiveDataPermission1764028800022,
  CreateTransactionCases1764028800023,
  AddAuditChain1764028800024,
  CreateConsent1764028800025,
  CreateRetention1764028800026,
  CreateDataRequests1764028800027,
  MakeAuditSealAsync1764028800028,
  AddMarketingAndProcessingRestriction1764028800029,
  AddOneOpenTransactionCasePerBooking1764028800030,
  AddMessageThreadSequence1764028800031,
];
