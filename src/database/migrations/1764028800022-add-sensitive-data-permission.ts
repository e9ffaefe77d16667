import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';
import { bool } from '../column-types.js';

/** Whether an agent sees card, citizen ID and passport numbers in messages unmasked; off for everyone at first. */
export class AddSensitiveDataPermission1764028800022 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('agents', new TableColumn(bool('can_view_sensitive', false)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('agents', 'can_view_sensitive');
  }
}
