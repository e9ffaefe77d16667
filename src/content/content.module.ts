import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentStore } from './content-store.service.js';
import { StoredContent, StoredContentChunk } from './stored-content.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([StoredContent, StoredContentChunk])],
  providers: [ContentStore],
  exports: [ContentStore],
})
export class ContentModule {}
