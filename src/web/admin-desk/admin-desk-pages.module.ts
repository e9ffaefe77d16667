import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module.js';

/** Admin pages for agents and roles, queues and membership, mail templates and canned responses. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
  providers: [],
})
export class AdminDeskPagesModule {}
