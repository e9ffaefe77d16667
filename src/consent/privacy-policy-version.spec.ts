import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PRIVACY_POLICY_SHA256, PRIVACY_POLICY_VERSION } from './privacy-policy-version.js';

describe('the privacy policy version consent events record', () => {
  it('names the published text, so a new text cannot go out under the old version', () => {
    const published = readFileSync('src/web/content/privacy-policy.vi.txt');
    expect(createHash('sha256').update(published).digest('hex')).toBe(PRIVACY_POLICY_SHA256);
    expect(PRIVACY_POLICY_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
