import { readFileSync } from 'node:fs';
import { Environment } from './environment.js';
import { getMetadataStorage } from 'class-validator';

describe('README configuration table', () => {
  it('documents every environment variable the app reads', () => {
    const readme = readFileSync('README.md', 'utf8');
    const variables = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(Environment, '', true, false)
        .map((metadata) => metadata.propertyName),
    );
    expect(variables.size).toBeGreaterThan(20);
    const missing = [...variables].filter(
      (name) => !readme.includes(`| \`${name}\``) && !readme.includes(`\`${name}\`, `),
    );
    expect(missing).toEqual([]);
  });
});
