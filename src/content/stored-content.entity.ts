import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Bytes kept once per distinct content (attachments, raw mail), addressed by their SHA-256. */
@Entity('stored_contents')
export class StoredContent {
  @PrimaryColumn({ type: 'varchar', length: 64 }) sha256: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ name: 'chunk_count', type: 'int' }) chunkCount: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/** One slice of a stored content; see ContentStore for why contents are sliced. */
@Entity('stored_content_chunks')
export class StoredContentChunk {
  @PrimaryColumn({ type: 'varchar', length: 64 }) sha256: string;
  @PrimaryColumn({ type: 'int' }) seq: number;
  @Column({ type: 'blob' }) bytes: Buffer;
}
