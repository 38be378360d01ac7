import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { resendCareReport, reportFiguresFor } from './care-report';
import { renderCareReportPdf } from './care-report.pdf';

@Resolver()
export class CareReportResolver {
  @Query(() => String, {
    description:
      "A site's care report of a month (YYYY-MM) as a PDF, base64, in `language` (sv or en). Customers: their own sites' reports as mailed; staff also preview a month not reported yet.",
  })
  async siteCareReportPdf(
    @Arg('siteId', () => UUID) siteId: string,
    @Arg('month') month: string,
    @Arg('language', { defaultValue: 'sv' }) language: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    const figures = await reportFiguresFor(ctx, siteId, month);
    return (await renderCareReportPdf(figures, language === 'en' ? 'en' : 'sv')).toString('base64');
  }

  @Mutation(() => Int, {
    description:
      "Staff: mails a site's care report of a month again (made first if not yet); answers how many people it went to.",
  })
  siteCareReportResend(
    @Arg('siteId', () => UUID) siteId: string,
    @Arg('month') month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    return resendCareReport(ctx, siteId, month);
  }
}
