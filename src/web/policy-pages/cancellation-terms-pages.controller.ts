import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Agent } from '../../auth/agent.entity.js';
import { CurrentAgent, Roles } from '../../auth/auth.decorators.js';
import { formatLocal } from '../../common/time.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { type ConsolePost, PostedToConsole } from '../console-post.js';
import { PageResponder, agentLanguage } from '../page-responder.js';
import { bandRowsOf, type TypedBand } from './cancellation-forms.js';
import { CancellationTermsPagesService } from './cancellation-terms-pages.service.js';
import type { Refusal } from './page-refusal.js';

/** Rows the bands form offers beyond those filled in, for an admin adding bands. */
const SPARE_ROWS = 4;

interface TermsForm {
  productType: string;
  version: string;
  nameVi: string;
  nameEn: string;
  noShowPercentKept: string;
  bands: TypedBand[];
}

/**
 * Admin pages for cancellation penalty terms: the current terms of every product type, each type's versions,
 * and a form that saves the next version. The service checks the bands; a refusal is shown over the form.
 */
@ApiExcludeController()
@Controller('console/admin/cancellation-terms')
export class CancellationTermsPagesController {
  constructor(
    private readonly pages: CancellationTermsPagesService,
    private readonly respond: PageResponder,
  ) {}

  @Get()
  @Roles('admin')
  async list(@Req() req: Request, @Res() res: Response, @CurrentAgent() agent: Agent) {
    const blank = {
      productType: '',
      version: '',
      nameVi: '',
      nameEn: '',
      noShowPercentKept: '100',
      bands: [],
    };
    await this.showList(req, res, agent, 200, blank, null);
  }

  @Get(':productType')
  @Roles('admin')
  async versions(
    @Param('productType') productType: string,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentAgent() agent: Agent,
  ) {
    await this.showVersions(req, res, agent, productType, 200, null, null);
  }

  @Post()
  @Roles('admin')
  save(@PostedToConsole() post: ConsolePost, @Res() res: Response) {
    return this.respond.guarded(post, res, async () => {
      const productType = textOf(post.form, 'productType');
      const refusal = await this.pages.save(post.form, post.actor);
      if (!refusal) {
        return res.redirect(
          303,
          `/console/admin/cancellation-terms/${encodeURIComponent(productType)}?saved=1`,
        );
      }
      const typed = typedForm(post.form);
      // A new version is asked for on the product type's page; a new product type on the list.
      if (typed.version !== '') {
        return this.showVersions(post.req, res, post.agent, productType, refusal.status, refusal, typed);
      }
      await this.showList(post.req, res, post.agent, refusal.status, typed, refusal);
    });
  }

  private async showList(
    req: Request,
    res: Response,
    agent: Agent,
    status: number,
    form: TermsForm,
    refusal: Refusal | null,
  ) {
    const data = { agent, terms: await this.pages.current(), ...formData(form, refusal) };
    this.respond.consolePage(req, res, status, 'policy/cancellation-terms', data, agentLanguage(agent));
  }

  private async showVersions(
    req: Request,
    res: Response,
    agent: Agent,
    productType: string,
    status: number,
    refusal: Refusal | null,
    typed: TermsForm | null,
  ) {
    const language = agentLanguage(agent);
    const versions = await this.pages.versions(productType);
    if (!versions)
      return this.respond.message(req, res, 404, 'error.pageTitle', 'adminDesk.notFound', language);
    const [current] = versions;
    const form = typed ?? {
      productType,
      version: String(current.version),
      nameVi: current.nameVi,
      nameEn: current.nameEn,
      noShowPercentKept: String(current.noShowPercentKept),
      bands: current.bands.map((band) => ({
        fromDays: String(band.fromDays),
        toDays: band.toDays === null ? '' : String(band.toDays),
        percentKept: String(band.percentKept),
      })),
    };
    // Saved over meanwhile: the form keeps what was typed but now answers the current version.
    const changedMeanwhile =
      typed && refusal?.status === 409 && typed.version !== String(current.version)
        ? { sent: typed.version, current: String(current.version) }
        : null;
    const shown = (when: string) => formatLocal(new Date(when), agent.timeZone);
    const data = {
      agent,
      productType,
      versions,
      shown,
      saved: req.query.saved === '1',
      changedMeanwhile,
      ...formData(changedMeanwhile ? { ...form, version: changedMeanwhile.current } : form, refusal),
    };
    this.respond.consolePage(req, res, status, 'policy/cancellation-terms-versions', data, language);
  }
}

/** What the admin typed, to show again over the service's refusal. */
function typedForm(form: PostedForm): TermsForm {
  return {
    productType: textOf(form, 'productType'),
    version: textOf(form, 'version'),
    nameVi: textOf(form, 'nameVi'),
    nameEn: textOf(form, 'nameEn'),
    noShowPercentKept: textOf(form, 'noShowPercentKept'),
    bands: bandRowsOf(form),
  };
}

/** The form with spare band rows, and the rows the refusal names (`bands.2.fromDays`) marked. */
function formData(form: TermsForm, refusal: Refusal | null) {
  const blank = { fromDays: '', toDays: '', percentKept: '' };
  const faulty = new Set(
    [...(refusal?.reason ?? '').matchAll(/bands\.(\d+)\./g)].map((match) => Number(match[1])),
  );
  return {
    form: { ...form, bands: [...form.bands, ...Array.from({ length: SPARE_ROWS }, () => blank)] },
    faultyRows: [...faulty],
    refused: refusal?.reason ?? null,
  };
}
