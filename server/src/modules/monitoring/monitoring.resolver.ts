import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readMany } from '../../graphql/sql/reads';
import { Site } from '../sites/site.entity';
import { SiteCheckRollup, SiteIncident } from './site-check.entity';
import { SiteUpdate } from './site-update.entity';

/** Issue 22: a site's care, as fields of Site (monitoring.sql.ts has their one definition). */
@Resolver(() => Site)
export class SiteCareResolver {
  @FieldResolver(() => [SiteIncident], { description: 'The latest 20 incidents and warnings, newest first.' })
  incidents(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SiteIncident[]> {
    return readMany(ctx, 'Site.incidents', Site, site.id);
  }

  @FieldResolver(() => [SiteUpdate], { description: 'The latest 50 updates applied, newest first.' })
  updates(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SiteUpdate[]> {
    return readMany(ctx, 'Site.updates', Site, site.id);
  }

  @FieldResolver(() => [SiteCheckRollup], {
    description: "The checks' daily roll-ups over the last 30 days (uptime, p50/p95 response time), oldest first.",
  })
  uptimeDays(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SiteCheckRollup[]> {
    return readMany(ctx, 'Site.uptimeDays', Site, site.id);
  }
}

@Resolver(() => SiteCheckRollup)
export class SiteCheckRollupResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'Successful checks in percent (two decimals).' })
  uptimePercent(@Root() rollup: SiteCheckRollup): number | null {
    return rollup.checks ? Math.round((10_000 * rollup.okChecks) / rollup.checks) / 100 : null;
  }
}

@Resolver(() => SiteIncident)
export class SiteIncidentResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Whole minutes from opening to closing (null while open).' })
  durationMinutes(@Root() incident: SiteIncident): number | null {
    return incident.closedAt ? Math.floor((incident.closedAt.getTime() - incident.openedAt.getTime()) / 60_000) : null;
  }
}
