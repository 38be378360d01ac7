// What a module declares about itself, once, in its own `index.ts`; `modules/index.ts` lists the
// modules. A module's read definitions (`*.sql.ts`: `readRoot`, `readRelation`) register themselves
// when its `index.ts` imports them. The composition roots (the ORM configuration, the GraphQL
// schema, the HTTP server, the jobs and the CLI) read that list; nothing below the modules imports
// a module. Its `seed` is its part of the demo data (system/demo-seed.ts): what it needs from other
// modules' seeds is declared with `after`, and the run order comes from those declarations.
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { AppServices } from '../graphql/context';
import type { PersonalDataSource } from '../privacy/personal-data';
import type { DemoSeeder } from './demo-seed';
import type { RetentionReport } from './tasks';

/** A nightly retention task (P26): idempotent, on the system path (the owner's connection). */
export type RetentionTask = (
  em: EntityManager,
  app: AppServices,
  now: Date,
) => Promise<RetentionReport | RetentionReport[]>;

/**
 * Rows a module keeps for one processing purpose (P26, issue 23): once a row is older than that
 * purpose's retention period in its agency (`processing_purposes.retention_days`, which admins
 * set), the nightly run deletes it, audited per agency with counts (system/purpose-retention.ts).
 */
export interface PurposeHolding {
  /** The purpose's key, e.g. `analytics`. */
  purpose: string;
  table: string;
  /** The row's age is counted from this timestamp column. */
  timestamp: string;
  entityType: string;
}

export interface RouteDeps {
  /** The application role's ORM (row-level security applies). */
  orm: MikroORM;
  /** The tables' owner: the system path (webhooks from providers); absent where the process has none. */
  owner?: MikroORM;
  services: AppServices;
}

export interface SitecareModule {
  name: string;
  /** Entities whose rows belong to one agency: the ORM's tenant filter and row-level security apply. */
  entities?: EntityClass<object>[];
  /** Entities outside any agency (the agencies themselves, the webhook ledger). */
  globalEntities?: EntityClass<object>[];
  /** Its GraphQL resolver classes. */
  resolvers?: Function[];
  /** Where it keeps personal data: each source's export and erasure (in export order within the module). */
  personalData?: PersonalDataSource[];
  /** What it keeps under a processing purpose, deleted after that purpose's retention period. */
  purposeData?: PurposeHolding[];
  /** Its nightly retention tasks. */
  retention?: RetentionTask[];
  /** Its HTTP routes outside GraphQL. */
  routes?: (deps: RouteDeps) => Router | undefined;
  /** Its part of the demo data (`modules/<m>/<m>.seed.ts`), run for each demo agency in declared order. */
  seed?: DemoSeeder;
}
