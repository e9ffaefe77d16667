import { FilesInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { AttachmentFile } from '../tickets/attachments.service.js';
import { MAX_FILES } from './complaint-form.rules.js';

/** Files posted with a page form (field "attachments"); checked by checkUploads, multer only refuses what no form sends. */
export const formUploads = FilesInterceptor('attachments', MAX_FILES * 2, {
  storage: memoryStorage(),
  limits: { fileSize: 25 * 1024 * 1024 },
  // Browsers send file names as raw UTF-8 ("hóa-đơn.pdf"); busboy would read them as latin1.
  defParamCharset: 'utf8',
});

export const toAttachmentFiles = (files: Express.Multer.File[] = []): AttachmentFile[] =>
  files.map((file) => ({ fileName: file.originalname, contentType: file.mimetype, bytes: file.buffer }));
