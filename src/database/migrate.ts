import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { runMigrations } from './run-migrations.js';

/** `npm run migration:run`: apply pending migrations and exit, for deployments that migrate before starting. */
const config = loadAppConfig();
const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
try {
  const applied = await runMigrations(dataSource);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
} finally {
  await dataSource.destroy();
}
