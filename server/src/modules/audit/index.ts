import type { SitecareModule } from '../../system/module';
import { AuditEvent } from './audit-event.entity';
import { AuditResolver } from './audit.resolver';
import { forgetAuditIps } from './audit.retention';
import { auditSource } from '../../privacy/sources/records';
import { dataAccessSource } from './data-access';

export const auditModule: SitecareModule = {
  name: 'audit',
  entities: [AuditEvent],
  resolvers: [AuditResolver],
  personalData: [auditSource, dataAccessSource],
  retention: [(em, _app, now) => forgetAuditIps(em, now)],
};
