// Attachments are personal data (P26, P28, issue 18): the files on the person's tickets (not on
// staff-internal notes) and the files they uploaded go into their export, as files in the ZIP beside
// data.json; erasure deletes the rows and the bytes in the store, and scrubs the person's name from
// other files' names and from notes of time spent (the entries on their tickets go with the tickets). Runs before the tickets' source in
// erasure (sources.ts), while the tickets still name the files.
import type { RequestContext } from '../../graphql/context';
import type { DataSubject, PersonalDataSource } from '../../privacy/personal-data';
import { theirTickets, ticketParams } from '../../privacy/sources/care';
import { scrubMentions } from '../../privacy/sources/scrub';
import { affected, ids, rows } from '../../privacy/sources/util';
import { storeOf } from './attachment.service';

interface Row {
  id: string;
  ticketId: string;
  messageId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  storageKey: string;
}

/** The subject's attachments: on their tickets' public messages, or uploaded by one of their logins. */
function theirAttachments(ctx: RequestContext, s: DataSubject, withInternal: boolean): Promise<Row[]> {
  return rows<Row>(
    ctx,
    `select a.id, m.ticket_id as "ticketId", a.message_id as "messageId", a.filename, a.content_type as "contentType",
            a.size_bytes as "sizeBytes", a.created_at as "createdAt", a.storage_key as "storageKey"
       from ticket_attachments a join ticket_messages m on m.id = a.message_id
       join support_tickets t on t.id = m.ticket_id
      where a.tenant_id = ? and (${withInternal ? 'true' : 'not m.internal'})
        and (${theirTickets} or a.uploaded_by_id = any(?::uuid[]))
      order by a.created_at, a.id`,
    [...ticketParams(s), ids(s.userIds)],
  );
}

const pathOf = (a: Row) => `attachments/${a.id}/${a.filename.replace(/[\\/]/g, '_')}`;

export const attachmentSource: PersonalDataSource = {
  name: 'ticketAttachments',
  description: {
    sv: 'Filer bifogade i dina supportärenden; filerna ligger i mappen attachments/ i samma ZIP.',
    en: 'Files attached in your support tickets; the files are in the attachments/ folder of this ZIP.',
  },
  async export(ctx, s) {
    return (await theirAttachments(ctx, s, false)).map(({ storageKey: _key, ...a }) => ({
      ...a,
      path: pathOf(a as Row),
    }));
  },
  async files(ctx, s) {
    const store = storeOf(ctx);
    const files: Record<string, Uint8Array> = {};
    for (const a of await theirAttachments(ctx, s, false)) {
      const bytes = await store.get(a.storageKey);
      if (bytes) files[pathOf(a)] = new Uint8Array(bytes);
    }
    return files;
  },
  async erase(ctx, s) {
    const found = await theirAttachments(ctx, s, true);
    const deleted = await affected(ctx, `delete from ticket_attachments where tenant_id = ? and id = any(?::uuid[])`, [
      s.tenantId,
      ids(found.map((a) => a.id)),
    ]);
    // The bytes last: a failure above rolls the rows back with the files still there.
    const store = storeOf(ctx);
    for (const a of found) await store.delete(a.storageKey);
    // Elsewhere the person may be named in a file's name, or in a note of time spent.
    const mentioned =
      (await scrubMentions(ctx, s, 'ticket_attachments', [{ name: 'filename' }])) +
      (await scrubMentions(ctx, s, 'ticket_time_entries', [{ name: 'note' }]));
    return { deleted, anonymised: mentioned };
  },
};
