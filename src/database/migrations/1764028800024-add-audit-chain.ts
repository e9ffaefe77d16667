import { createHash, randomBytes } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { engineOf, insertSeedRows, str, time } from '../column-types.js';

const GENESIS_HASH = '0'.repeat(64);
const BATCH = 1000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface ExistingEvent {
  id: string;
  occurred_at: string | Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  fields: string | null;
  reason: string | null;
  request_id: string | null;
}

/**
 * Chains audit events by hash so that a changed, removed or inserted row shows: each event gets a sequence
 * number, a salted digest of its fields and sha256(previous hash + the event). The one-row head is what
 * writers lock to append in turn. Existing events are chained in the order they happened.
 *
 * The hashing repeats audit-chain.rules.ts on purpose: a migration must not depend on today's code.
 */
export class AddAuditChain1764028800024 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('audit_events', [
      new TableColumn({ name: 'seq', type: 'bigint', isNullable: false, default: 0 }),
      new TableColumn(str('fields_salt', 32, true)),
      new TableColumn({ ...str('fields_digest', 64), default: "''" }),
      new TableColumn(time('redacted_at', true)),
      new TableColumn({ ...str('hash', 64), default: "''" }),
    ]);
    const head = await this.chainExisting(queryRunner);
    await queryRunner.createIndex(
      'audit_events',
      new TableIndex({ name: 'uq_audit_events_seq', columnNames: ['seq'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [
          { ...str('id', 20), isPrimary: true },
          { name: 'last_seq', type: 'bigint', isNullable: false },
          str('last_hash', 64),
        ],
      }),
    );
    await insertSeedRows(queryRunner, 'audit_chain_head', [
      { id: 'audit', last_seq: head.seq, last_hash: head.hash },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_chain_head');
    await queryRunner.dropIndex('audit_events', 'uq_audit_events_seq');
    for (const column of ['hash', 'redacted_at', 'fields_digest', 'fields_salt', 'seq']) {
      await queryRunner.dropColumn('audit_events', column);
    }
  }

  /** Chains the events already there, oldest first, in batches; returns the last seq and hash. */
  private async chainExisting(queryRunner: QueryRunner): Promise<{ seq: number; hash: string }> {
    const isSqlite = engineOf(queryRunner.connection.options.type) === 'sqlite';
    let seq = 0;
    let hash = GENESIS_HASH;
    let after: { at: string | Date; id: string } | null = null;
    for (;;) {
      const rows: ExistingEvent[] = await queryRunner.query(
        `SELECT id, occurred_at, actor_type, actor_id, action, record_type, record_id, fields, reason, request_id
           FROM audit_events
          ${after ? 'WHERE occurred_at > ? OR (occurred_at = ? AND id > ?)' : ''}
          ORDER BY occurred_at, id LIMIT ${BATCH}`,
        after ? [after.at, after.at, after.id] : [],
      );
      for (const row of rows) {
        seq += 1;
        // SQLite keeps UTC times as text, MySQL hands back a Date (the connection's zone is UTC).
        const occurredAt =
          typeof row.occurred_at === 'string' && isSqlite
            ? new Date(`${row.occurred_at.replace(' ', 'T')}Z`)
            : new Date(row.occurred_at);
        const salt = row.fields === null ? null : randomBytes(16).toString('hex');
        const digest = sha256(`${salt ?? ''}\n${row.fields ?? ''}`);
        const canonical = JSON.stringify([
          seq,
          row.id,
          occurredAt.toISOString(),
          row.actor_type,
          row.actor_id,
          row.action,
          row.record_type,
          row.record_id,
          digest,
          row.reason,
          row.request_id,
        ]);
        hash = sha256(`${hash}\n${canonical}`);
        await queryRunner.query(
          'UPDATE audit_events SET seq = ?, fields_salt = ?, fields_digest = ?, hash = ? WHERE id = ?',
          [seq, salt, digest, hash, row.id],
        );
      }
      if (rows.length < BATCH) return { seq, hash };
      const last = rows[rows.length - 1];
      after = { at: last.occurred_at, id: last.id };
    }
  }
}
