// The one place that knows where personal data lives (P26, P28, S25). Every module that stores
// something about a person declares a source in its `index.ts` (`personalData`): what to put in the
// person's export, and how to erase it. Export and erasure walk the list, so a new table
// with personal data is covered by adding one source, and a test checks that no text column keeps
// the person's name, e-mail or phone after erasure.
import type { RequestContext } from '../graphql/context';

/** Who an access, portability or erasure request is about, within one agency. */
export interface DataSubject {
  tenantId: string;
  /** The e-mail address the request was verified for (lower case). */
  email: string;
  /** The contacts with that address (a person may be a contact at several customers). */
  contactIds: string[];
  /** Logins with that address. */
  userIds: string[];
  /** Customers whose only contacts are this person: their company data is the person's too. */
  soleCustomerIds: string[];
  /** Names and phone numbers on file, to find free-text mentions (tickets, leads). */
  names: string[];
  phones: string[];
}

export interface ErasureReport {
  /** Rows deleted. */
  deleted: number;
  /** Rows kept with every personal field irreversibly replaced. */
  anonymised: number;
  /** What the law makes us keep, and why (bookkeeping: orders and payments). */
  kept?: { count: number; reason: string };
}

export interface PersonalDataSource {
  /** The section of the export, e.g. `consents`; documented in the export's README. */
  name: string;
  /** One line for the README: what the section holds (English; the README is translated by the caller). */
  description: { sv: string; en: string };
  /** Everything held about the subject in this source, as plain JSON (never secrets). */
  export(ctx: RequestContext, subject: DataSubject): Promise<unknown>;
  /** Files that go into the export's ZIP beside data.json, by path (e.g. `attachments/<id>/<name>`). */
  files?(ctx: RequestContext, subject: DataSubject): Promise<Record<string, Uint8Array>>;
  /** Deletes or anonymises it, inside the caller's transaction. */
  erase(ctx: RequestContext, subject: DataSubject): Promise<ErasureReport>;
}

let sources: readonly PersonalDataSource[] | undefined;

/** Set once by `modules/index.ts`, from the modules' declarations, in export order. */
export function usePersonalDataSources(list: readonly PersonalDataSource[]): void {
  sources = list;
}

/** Every source of personal data, in export order (erasure walks it in reverse). */
export function personalDataSources(): readonly PersonalDataSource[] {
  if (!sources) throw new Error('the modules are not loaded: import server/src/modules before the privacy engine runs');
  return sources;
}
