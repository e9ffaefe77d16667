import type { SlaPolicySpec, TargetSpec } from '../sla/sla.rules.js';
import type { Language } from '../tickets/ticket.entity.js';

export interface ProcedureTimes {
  firstResponse: string | null;
  resolution: string | null;
  fraudFirstResponse: string | null;
  privacyFirstResponse: string | null;
}

/** A target as a customer reads it: "3 ngày làm việc", "1 business hour". */
export function describeTarget(target: TargetSpec | undefined, language: Language): string | null {
  if (!target) return null;
  const vi = language === 'vi';
  if (target.workingDays !== undefined) {
    const days = target.workingDays;
    return vi ? `${days} ngày làm việc` : `${days} working day${days === 1 ? '' : 's'}`;
  }
  const minutes = target.businessMinutes ?? 0;
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return vi ? `${hours} giờ làm việc` : `${hours} business hour${hours === 1 ? '' : 's'}`;
  }
  return vi ? `${minutes} phút làm việc` : `${minutes} business minutes`;
}

/**
 * The time limits the published complaint procedure promises, read from the desk's own SLA policies: the
 * policy every complaint falls under (no conditions), and those for fraud and personal-data requests.
 */
export function procedureTimes(policies: SlaPolicySpec[], language: Language): ProcedureTimes {
  const forCategory = (key: string) =>
    policies.find((policy) => policy.conditions.categoryKeys?.includes(key)) ?? general;
  const general = policies.find((policy) => Object.keys(policy.conditions).length === 0) ?? null;
  return {
    firstResponse: describeTarget(general?.targets.first_response, language),
    resolution: describeTarget(general?.targets.resolution, language),
    fraudFirstResponse: describeTarget(forCategory('fraud_or_tampering')?.targets.first_response, language),
    privacyFirstResponse: describeTarget(forCategory('privacy_request')?.targets.first_response, language),
  };
}
