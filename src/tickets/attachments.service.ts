import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { NotFound } from '../common/errors/domain-error.js';
import { ContentStore } from '../content/content-store.service.js';
import { Attachment } from './attachment.entity.js';
import { AttachmentUploadDto } from './dto/ticket.dto.js';
import { AttachmentsTooLarge } from './ticket.errors.js';

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  contentId?: string | null;
  isInline?: boolean;
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contents: ContentStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  static fromUploads(uploads: AttachmentUploadDto[] = []): AttachmentFile[] {
    return uploads.map((upload) => ({
      fileName: upload.fileName,
      contentType: upload.contentType.toLowerCase(),
      bytes: Buffer.from(upload.contentBase64, 'base64'),
    }));
  }

  /** Stores the files of one message; bytes are kept once per distinct content (SHA-256). */
  async store(
    em: EntityManager,
    ticketId: string,
    messageId: string,
    files: AttachmentFile[],
  ): Promise<Attachment[]> {
    const total = files.reduce((sum, file) => sum + file.bytes.length, 0);
    const limit = this.config.mail.attachmentLimitBytes;
    if (total > limit) throw new AttachmentsTooLarge(total, limit);
    const now = this.clock.now();
    const attachments: Attachment[] = [];
    for (const file of files) {
      const sha256 = await this.contents.put(em, file.bytes);
      const attachment = em.create(Attachment, {
        ticketId,
        messageId,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
        sha256,
        contentId: file.contentId ?? null,
        isInline: file.isInline ?? false,
        createdAt: now,
      });
      await em.insert(Attachment, attachment);
      attachments.push(attachment);
    }
    return attachments;
  }

  forMessages(messageIds: string[], em: EntityManager = this.dataSource.manager): Promise<Attachment[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return em.find(Attachment, { where: { messageId: In(messageIds) }, order: { createdAt: 'ASC' } });
  }

  async download(ticketId: string, attachmentId: string): Promise<{ attachment: Attachment; bytes: Buffer }> {
    const attachment = await this.dataSource
      .getRepository(Attachment)
      .findOne({ where: { id: attachmentId, ticketId } });
    if (!attachment) throw new NotFound('attachment', attachmentId);
    return { attachment, bytes: await this.contents.get(attachment.sha256) };
  }
}
