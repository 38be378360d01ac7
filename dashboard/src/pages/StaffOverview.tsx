// The staff home page: what needs attention now (new leads, tickets by due time, payments, stale
// backups). Each card reads one existing list query through useGetList, so the data provider's
// conventions (filters, sort, page, embedded records, the viewer's fields) apply.
import ErrorIcon from '@mui/icons-material/Error';
import { Box, Chip, Typography } from '@mui/material';
import type { Role } from '@sitecare/schema';
import { useId } from 'react';
import { type RaRecord, useCreatePath, useGetList, useLocaleState, useTranslate } from 'react-admin';

import { roleCanAccess } from '../providers/canAccess';
import { formatMoney } from '../resources/money';
import { BreachAttentionCard } from '../resources/breaches/BreachAttentionCard';
import { OVERDUE_INVOICES, OverdueInvoicesCard } from '../resources/invoices/OverdueInvoicesCard';
import { isOverdue } from '../resources/support-tickets/SupportTicketFields';
import { PrivacyAttentionCard } from '../resources/privacy-requests/PrivacyAttentionCard';
import {
  AttentionCard,
  Detail,
  ItemLink,
  ListLink,
  ShortList,
  useFormatDate,
  useListCard,
  useListPath,
} from './overviewCards';

const SITES_PAGE = 100;
const SHOW = 5;

const STAFF: readonly Role[] = ['ADMIN', 'EMPLOYEE'];
export const isStaff = (role: Role | undefined) => role !== undefined && STAFF.includes(role);

const NewLeadsCard = () => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const createPath = useCreatePath();
  const listPath = useListPath();
  // The API lists leads newest first.
  const { data, state } = useListCard('leads', {
    filter: { status: 'NEW' },
    pagination: { page: 1, perPage: SHOW },
  });
  return (
    <AttentionCard
      title="sitecare.attention.leads.title"
      {...state}
      caption="sitecare.attention.leads.count"
      empty="sitecare.attention.leads.empty"
      links={<ListLink to={listPath('leads', { status: 'NEW' })} label="sitecare.attention.leads.all" />}
    >
      <ShortList>
        {data?.map((lead) => (
          <li key={lead.id}>
            <ItemLink to={createPath({ resource: 'leads', id: lead.id, type: 'show' })}>{String(lead.name)}</ItemLink>
            <Detail>
              {lead.company ? `${String(lead.company)} · ` : ''}
              {translate('sitecare.attention.received', { date: formatDate(lead.createdAt) })}
            </Detail>
          </li>
        ))}
      </ShortList>
    </AttentionCard>
  );
};

const OPEN_TICKETS = { status: ['NEW', 'OPEN'] };
/** Issue 18: tickets past their first-response time (the same rule as the overdue mail's job). */
const OVERDUE_TICKETS = { overdue: true };

/** A short list of tickets by first-response time: the open ones, or those past it. */
const TicketsCard = ({ overdue }: { overdue?: boolean }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const createPath = useCreatePath();
  const listPath = useListPath();
  const filter = overdue ? OVERDUE_TICKETS : OPEN_TICKETS;
  const { data, state } = useListCard('supportTickets', {
    filter,
    sort: { field: 'firstResponseDueAt', order: 'ASC' },
    pagination: { page: 1, perPage: SHOW },
    meta: { embed: ['customer'] },
  });
  return (
    <AttentionCard
      title={overdue ? 'sitecare.tickets.overdue_title' : 'sitecare.attention.tickets.title'}
      {...state}
      caption="sitecare.attention.tickets.count"
      empty={overdue ? 'sitecare.tickets.overdue_none' : 'sitecare.attention.tickets.empty'}
      links={<ListLink to={listPath('supportTickets', filter)} label="sitecare.attention.tickets.all" />}
    >
      <ShortList>
        {data?.map((ticket) => (
          <li key={ticket.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <ItemLink to={createPath({ resource: 'supportTickets', id: ticket.id, type: 'show' })}>
                {overdue ? `#${String(ticket.number)} ${String(ticket.subject)}` : String(ticket.subject)}
              </ItemLink>
              {!overdue && isOverdue(ticket) ? (
                <Chip size="small" color="error" icon={<ErrorIcon />} label={translate('sitecare.tickets.overdue')} />
              ) : null}
            </Box>
            <Detail>
              {ticket.customer?.name ? `${String(ticket.customer.name)} · ` : ''}
              {translate('sitecare.attention.due', { date: formatDate(ticket.firstResponseDueAt) })}
            </Detail>
          </li>
        ))}
      </ShortList>
    </AttentionCard>
  );
};

const oldestOf = (records: RaRecord[] | undefined) =>
  records?.reduce<RaRecord | undefined>(
    (oldest, record) => (!oldest || String(record.createdAt) < String(oldest.createdAt) ? record : oldest),
    undefined,
  );

const PaymentsCard = () => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const listPath = useListPath();
  // The API lists orders newest first and has no sort: the oldest is the oldest of the first 100.
  const orders = useGetList('orders', {
    filter: { status: 'PENDING_PAYMENT' },
    pagination: { page: 1, perPage: 100 },
    meta: { embed: ['customer'] },
  });
  const subscriptions = useGetList('subscriptions', {
    filter: { status: 'PAST_DUE' },
    pagination: { page: 1, perPage: 1 },
  });
  const oldest = oldestOf(orders.data);
  const pastDue = subscriptions.total ?? 0;
  return (
    <AttentionCard
      title="sitecare.attention.payments.title"
      total={orders.total}
      caption="sitecare.attention.payments.count"
      isPending={orders.isPending || subscriptions.isPending}
      error={orders.error ?? subscriptions.error}
      empty="sitecare.attention.payments.empty"
      isEmpty={!oldest && pastDue === 0}
      links={
        <>
          <ListLink
            to={listPath('orders', { status: 'PENDING_PAYMENT' })}
            label="sitecare.attention.payments.all_orders"
          />
          <ListLink
            to={listPath('subscriptions', { status: 'PAST_DUE' })}
            label="sitecare.attention.payments.all_subscriptions"
          />
        </>
      }
    >
      <ShortList>
        {oldest ? (
          <li>
            <ItemLink to={createPath({ resource: 'orders', id: oldest.id, type: 'show' })}>
              {translate('sitecare.attention.payments.oldest', { number: oldest.number })}
            </ItemLink>
            <Detail>
              {oldest.customer?.name ? `${String(oldest.customer.name)} · ` : ''}
              {formatMoney(oldest.totalMinor as number, String(oldest.currency ?? 'SEK'), locale)} ·{' '}
              {translate('sitecare.attention.ordered', { date: formatDate(oldest.createdAt) })}
            </Detail>
          </li>
        ) : null}
        <li>{translate('sitecare.attention.payments.past_due', { smart_count: pastDue })}</li>
      </ShortList>
    </AttentionCard>
  );
};

/** The newest backup's time, or undefined when the site has none. */
const newestBackup = (site: RaRecord): string | undefined =>
  (Array.isArray(site.backups) ? (site.backups as { takenAt?: string }[]) : [])
    .map((backup) => backup.takenAt)
    .filter((takenAt): takenAt is string => typeof takenAt === 'string')
    .sort()
    .at(-1);

const StaleBackupsCard = () => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const createPath = useCreatePath();
  const listPath = useListPath();
  // The server picks the sites whose newest backup is older than their package promises (issue 22).
  const { data, state } = useListCard('sites', {
    filter: { status: 'ACTIVE', backupOverdue: true },
    sort: { field: 'domain', order: 'ASC' },
    pagination: { page: 1, perPage: SITES_PAGE },
    meta: { embed: ['backups'] },
  });
  // Stalest first; a site without any backup comes before all others.
  const stale = (data ?? [])
    .map((site) => ({ site, newest: newestBackup(site) }))
    .sort((a, b) => (a.newest ?? '').localeCompare(b.newest ?? ''));
  return (
    <AttentionCard
      title="sitecare.attention.backups.title"
      {...state}
      total={state.total ?? stale.length}
      caption="sitecare.attention.backups.count"
      empty="sitecare.attention.backups.empty"
      isEmpty={stale.length === 0}
      links={
        <ListLink
          to={listPath('sites', { status: 'ACTIVE', backupOverdue: true })}
          label="sitecare.attention.backups.all"
        />
      }
    >
      <ShortList>
        {stale.slice(0, SHOW).map(({ site, newest }) => (
          <li key={site.id}>
            <ItemLink to={createPath({ resource: 'sites', id: site.id, type: 'show' })}>{String(site.domain)}</ItemLink>
            <Detail>
              {newest
                ? translate('sitecare.attention.last_backup', { date: formatDate(newest) })
                : translate('sitecare.attention.no_backup')}
            </Detail>
          </li>
        ))}
      </ShortList>
      {(state.total ?? 0) > SITES_PAGE ? (
        <Detail>{translate('sitecare.attention.first_page', { count: SITES_PAGE })}</Detail>
      ) : null}
    </AttentionCard>
  );
};

const BreachesCard = () => {
  const listPath = useListPath();
  return (
    <BreachAttentionCard
      Frame={AttentionCard}
      listLink={<ListLink to={listPath('breaches')} label="sitecare.registers.breach_attention_all" />}
    />
  );
};

/** Issue 19: overdue invoices (their own card and query; the API's one overdue rule). */
const InvoicesCard = () => {
  const listPath = useListPath();
  return (
    <OverdueInvoicesCard
      Frame={AttentionCard}
      listLink={<ListLink to={listPath('invoices', OVERDUE_INVOICES)} label="sitecare.invoices.overdue_all" />}
    />
  );
};

/** The cards the role may see (the permission matrix decides), in a grid of one column on a phone. */
export default function StaffOverview({ role }: { role: Role | undefined }) {
  const translate = useTranslate();
  const headingId = useId();
  const may = (resource: string) => roleCanAccess(role, resource, 'list');
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} component="h2" variant="h5" gutterBottom>
        {translate('sitecare.attention.title')}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(4, minmax(0, 1fr))' },
        }}
      >
        {may('leads') ? <NewLeadsCard /> : null}
        {may('supportTickets') ? <TicketsCard overdue /> : null}
        {may('supportTickets') ? <TicketsCard /> : null}
        {may('orders') && may('subscriptions') ? <PaymentsCard /> : null}
        {may('sites') ? <StaleBackupsCard /> : null}
        {may('privacyRequests') ? <PrivacyAttentionCard /> : null}
        {may('breaches') ? <BreachesCard /> : null}
        {may('invoices') ? <InvoicesCard /> : null}
      </Box>
    </Box>
  );
}
