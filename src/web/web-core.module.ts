import { Module } from '@nestjs/common';
import { PageRenderer } from './page-renderer.js';
import { PageResponder } from './page-responder.js';
import { WebSession } from './web-session.js';

/** What every page module shares: templates, the visit's cookies and CSRF, and sending a page. */
@Module({
  providers: [PageRenderer, WebSession, PageResponder],
  exports: [PageRenderer, WebSession, PageResponder],
})
export class WebCoreModule {}
