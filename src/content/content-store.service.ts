import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { NotFound } from '../common/errors/domain-error.js';
import { StoredContent, StoredContentChunk } from './stored-content.entity.js';

/**
 * 1 MiB slices stay far below MySQL's and MariaDB's max_allowed_packet (16 MiB by default on MariaDB,
 * 4 MiB on some hosts), so a 25 MB attachment or a 40 MB raw mail is stored whatever the server allows.
 */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Content-addressed storage of bytes in the database, keyed by SHA-256: durable with the rest of the data
 * (one backup, one transaction), and the same file or mail arriving twice is kept once. Tickets, the outbox
 * and mail intake all read and write through here.
 */
@Injectable()
export class ContentStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  static sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** Stores the bytes (if not already there) within the caller's transaction and returns their SHA-256. */
  async put(em: EntityManager, bytes: Buffer): Promise<string> {
    const sha256 = ContentStore.sha256(bytes);
    const chunkCount = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
    // Insert-or-ignore everywhere: two transactions storing the same content at once both succeed.
    await em
      .createQueryBuilder()
      .insert()
      .into(StoredContent)
      .values({ sha256, sizeBytes: bytes.length, chunkCount, createdAt: this.clock.now() })
      .orIgnore()
      .execute();
    for (let seq = 0; seq < chunkCount; seq++) {
      await em
        .createQueryBuilder()
        .insert()
        .into(StoredContentChunk)
        .values({ sha256, seq, bytes: bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) })
        .orIgnore()
        .execute();
    }
    return sha256;
  }

  async get(sha256: string, em: EntityManager = this.dataSource.manager): Promise<Buffer> {
    const content = await em.findOne(StoredContent, { where: { sha256 } });
    if (!content) throw new NotFound('stored content', sha256);
    const chunks = await em.find(StoredContentChunk, { where: { sha256 }, order: { seq: 'ASC' } });
    return Buffer.concat(chunks.map((chunk) => chunk.bytes));
  }
}
