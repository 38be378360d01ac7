import type { SitecareModule } from '../../system/module';
import { AuditEvent } from './audit-event.entity';
import { AuditResolver, CustomerActivityResolver } from './audit.resolver';
import './audit.sql'; // its read definitions
import { forgetAuditIps } from './audit.retention';
import { auditSource } from '../../privacy/sources/records';
import { dataAccessSource } from './data-access';

export const auditModule: SitecareModule = {
  name: 'audit',
  entities: [AuditEvent],
  resolvers: [AuditResolver, CustomerActivityResolver],
  personalData: [auditSource, dataAccessSource],
  retention: [(em, _app, now) => forgetAuditIps(em, now)],
};
