import { createHash } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';
import { engineOf } from '../column-types.js';

const GENESIS_HASH = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface UnsealedRow {
  id: string;
  occurred_at: string | Date;
  actor_type: string;
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  fields_digest: string;
  reason: string | null;
  request_id: string | null;
}

/**
 * Audit events are written unsealed (`seq` and `hash` NULL) and chained by a sealer job, so that audited
 * requests no longer queue on the chain head. `uq_audit_events_seq` stays: both engines let a unique index
 * hold NULL any number of times. The new index puts the unsealed events first, in the order the sealer
 * takes them.
 *
 * down() first seals what is still unsealed, repeating audit-chain.rules.ts on purpose (a migration must
 * not depend on today's code), so the columns can be NOT NULL again.
 */
export class MakeAuditSealAsync1764028800028 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await this.setNullable(queryRunner, true);
    await queryRunner.createIndex(
      'audit_events',
      new TableIndex({ name: 'idx_audit_events_unsealed', columnNames: ['seq', 'occurred_at', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.sealRemaining(queryRunner);
    await queryRunner.dropIndex('audit_events', 'idx_audit_events_unsealed');
    await this.setNullable(queryRunner, false);
  }

  /** seq and hash as in AddAuditChain1764028800024 (NOT NULL, defaults 0 and '') or nullable without a default. */
  private async setNullable(queryRunner: QueryRunner, isNullable: boolean): Promise<void> {
    const table = await queryRunner.getTable('audit_events');
    if (!table) throw new Error('audit_events is missing');
    for (const [name, notNullDefault] of [
      ['seq', '0'],
      ['hash', "''"],
    ]) {
      const column = table.findColumnByName(name);
      if (!column) throw new Error(`audit_events.${name} is missing`);
      const changed = column.clone();
      changed.isNullable = isNullable;
      changed.default = isNullable ? undefined : notNullDefault;
      await queryRunner.changeColumn(table, column, changed);
    }
  }

  /** Chains the unsealed events after the head, oldest first, as the sealer would. */
  private async sealRemaining(queryRunner: QueryRunner): Promise<void> {
    const isSqlite = engineOf(queryRunner.connection.options.type) === 'sqlite';
    const [head] = (await queryRunner.query(
      "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 'audit'",
    )) as { last_seq: string | number; last_hash: string }[];
    let seq = Number(head?.last_seq ?? 0);
    let hash = head?.last_hash ?? GENESIS_HASH;
    const rows = (await queryRunner.query(
      `SELECT id, occurred_at, actor_type, actor_id, action, record_type, record_id, fields_digest, reason,
              request_id
         FROM audit_events WHERE seq IS NULL ORDER BY occurred_at, id`,
    )) as UnsealedRow[];
    for (const row of rows) {
      seq += 1;
      // SQLite keeps UTC times as text, MySQL hands back a Date (the connection's zone is UTC).
      const occurredAt =
        typeof row.occurred_at === 'string' && isSqlite
          ? new Date(`${row.occurred_at.replace(' ', 'T')}Z`)
          : new Date(row.occurred_at);
      const canonical = JSON.stringify([
        seq,
        row.id,
        occurredAt.toISOString(),
        row.actor_type,
        row.actor_id,
        row.action,
        row.record_type,
        row.record_id,
        row.fields_digest,
        row.reason,
        row.request_id,
      ]);
      hash = sha256(`${hash}\n${canonical}`);
      await queryRunner.query('UPDATE audit_events SET seq = ?, hash = ? WHERE id = ?', [seq, hash, row.id]);
    }
    if (rows.length > 0) {
      await queryRunner.query("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 'audit'", [
        seq,
        hash,
      ]);
    }
  }
}
