// The staff home page: what needs attention now (new leads, tickets by due time, payments, stale
// backups, privacy requests, breaches). One query (`homeSummary`) asks the server for every card:
// the server counts over all the viewer's rows (issue 25: not the first 100 the browser loaded).
// Apollo's cache keeps the answer, so a language switch (which re-renders the whole app) asks nothing
// again; the page asks anew when it is opened after a minute.
import { ApolloProvider, gql, type TypedDocumentNode, useQuery, type WatchQueryFetchPolicy } from '@apollo/client';
import ErrorIcon from '@mui/icons-material/Error';
import { Box, Chip, Typography } from '@mui/material';
import type { Role } from '@sitecare/schema';
import { useId, useState } from 'react';
import { type RaRecord, useCreatePath, useLocaleState, useTranslate } from 'react-admin';

import { apolloClient } from '../providers/apolloClient';
import { roleCanAccess } from '../providers/canAccess';
import { LoadError } from '../resources/LoadError';
import { formatMoney } from '../resources/money';
import { BreachAttentionCard } from '../resources/breaches/BreachAttentionCard';
import { OVERDUE_INVOICES, OverdueInvoicesCard, type OverdueInvoice } from '../resources/invoices/OverdueInvoicesCard';
import { PrivacyAttentionCard } from '../resources/privacy-requests/PrivacyAttentionCard';
import { AttentionCard, Detail, ItemLink, ListLink, ShortList, useFormatDate, useListPath } from './overviewCards';

interface Summary {
  homeSummary: {
    newLeads: { totalCount: number; nodes: RaRecord[] };
    overdueTickets: { totalCount: number; nodes: RaRecord[] };
    openTickets: { totalCount: number; nodes: RaRecord[] };
    payments: { pendingOrders: number; pastDueSubscriptions: number; oldestPendingOrder: RaRecord | null };
    staleBackups: { totalCount: number; nodes: { lastBackupAt: string | null; site: RaRecord }[] };
    privacyRequests: { totalCount: number; overdueCount: number; nodes: RaRecord[] };
    breaches: { totalCount: number; nodes: RaRecord[] };
    overdueInvoices: { totalCount: number; nodes: OverdueInvoice[] };
  };
}
type Cards = Summary['homeSummary'];

export const HOME_SUMMARY: TypedDocumentNode<Summary> = gql`
  fragment HomeTicket on SupportTicket {
    id
    number
    subject
    firstResponseDueAt
    overdue
    customer {
      id
      name
    }
  }

  query HomeSummary {
    homeSummary {
      newLeads {
        totalCount
        nodes {
          id
          name
          company
          createdAt
        }
      }
      overdueTickets {
        totalCount
        nodes {
          ...HomeTicket
        }
      }
      openTickets {
        totalCount
        nodes {
          ...HomeTicket
        }
      }
      payments {
        pendingOrders
        pastDueSubscriptions
        oldestPendingOrder {
          id
          number
          totalMinor
          currency
          createdAt
          customer {
            id
            name
          }
        }
      }
      staleBackups {
        totalCount
        nodes {
          lastBackupAt
          site {
            id
            domain
          }
        }
      }
      privacyRequests {
        totalCount
        overdueCount
        nodes {
          id
          type
          dueAt
          overdue
        }
      }
      breaches {
        totalCount
        nodes {
          id
          description
          deadline
          reportable
          authorityNotifiedAt
          overdue
        }
      }
      overdueInvoices {
        totalCount
        nodes {
          id
          kind
          number
          status
          buyerName
          totalMinor
          remainingMinor
          currency
          dueDate
          overdue
          daysOverdue
        }
      }
    }
  }
`;

const STAFF: readonly Role[] = ['ADMIN', 'EMPLOYEE'];
export const isStaff = (role: Role | undefined) => role !== undefined && STAFF.includes(role);

/** What every card is given: the summary's part, or the state of the one request. */
interface CardState {
  isPending: boolean;
  error: unknown;
}

const NewLeadsCard = ({ leads, ...state }: CardState & { leads: Cards['newLeads'] | undefined }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const createPath = useCreatePath();
  const listPath = useListPath();
  return (
    <AttentionCard
      title="sitecare.attention.leads.title"
      {...state}
      total={leads?.totalCount}
      isEmpty={!leads?.nodes.length}
      caption="sitecare.attention.leads.count"
      empty="sitecare.attention.leads.empty"
      links={<ListLink to={listPath('leads', { status: 'NEW' })} label="sitecare.attention.leads.all" />}
    >
      <ShortList>
        {leads?.nodes.map((lead) => (
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
const TicketsCard = ({
  overdue,
  tickets,
  ...state
}: CardState & { overdue?: boolean; tickets: Cards['openTickets'] | undefined }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const createPath = useCreatePath();
  const listPath = useListPath();
  const filter = overdue ? OVERDUE_TICKETS : OPEN_TICKETS;
  return (
    <AttentionCard
      title={overdue ? 'sitecare.tickets.overdue_title' : 'sitecare.attention.tickets.title'}
      {...state}
      total={tickets?.totalCount}
      isEmpty={!tickets?.nodes.length}
      caption="sitecare.attention.tickets.count"
      empty={overdue ? 'sitecare.tickets.overdue_none' : 'sitecare.attention.tickets.empty'}
      links={<ListLink to={listPath('supportTickets', filter)} label="sitecare.attention.tickets.all" />}
    >
      <ShortList>
        {tickets?.nodes.map((ticket) => (
          <li key={ticket.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <ItemLink to={createPath({ resource: 'supportTickets', id: ticket.id, type: 'show' })}>
                {overdue ? `#${String(ticket.number)} ${String(ticket.subject)}` : String(ticket.subject)}
              </ItemLink>
              {!overdue && ticket.overdue ? (
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

const PaymentsCard = ({ payments, ...state }: CardState & { payments: Cards['payments'] | undefined }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const listPath = useListPath();
  // The server picks the oldest of all orders waiting for payment.
  const oldest = payments?.oldestPendingOrder;
  const pastDue = payments?.pastDueSubscriptions ?? 0;
  return (
    <AttentionCard
      title="sitecare.attention.payments.title"
      {...state}
      total={payments?.pendingOrders}
      caption="sitecare.attention.payments.count"
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

const StaleBackupsCard = ({ backups, ...state }: CardState & { backups: Cards['staleBackups'] | undefined }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const createPath = useCreatePath();
  const listPath = useListPath();
  // The server picks, over all active sites, those whose newest backup is older than their package
  // promises (issue 22), stalest first; a site without any backup before all others.
  return (
    <AttentionCard
      title="sitecare.attention.backups.title"
      {...state}
      total={backups?.totalCount}
      caption="sitecare.attention.backups.count"
      empty="sitecare.attention.backups.empty"
      isEmpty={!backups?.nodes.length}
      links={
        <ListLink
          to={listPath('sites', { status: 'ACTIVE', backupOverdue: true })}
          label="sitecare.attention.backups.all"
        />
      }
    >
      <ShortList>
        {backups?.nodes.map(({ site, lastBackupAt }) => (
          <li key={site.id}>
            <ItemLink to={createPath({ resource: 'sites', id: site.id, type: 'show' })}>{String(site.domain)}</ItemLink>
            <Detail>
              {lastBackupAt
                ? translate('sitecare.attention.last_backup', { date: formatDate(lastBackupAt) })
                : translate('sitecare.attention.no_backup')}
            </Detail>
          </li>
        ))}
      </ShortList>
    </AttentionCard>
  );
};

/** When the summary was last asked for: opened again within a minute (or re-rendered), the page
 * shows the cached answer. */
let askedAt = 0;
const FRESH_MS = 60_000;

function StaffCards({ role }: { role: Role | undefined }) {
  const listPath = useListPath();
  const [fetchPolicy] = useState<WatchQueryFetchPolicy>(() =>
    Date.now() - askedAt < FRESH_MS ? 'cache-first' : 'network-only',
  );
  const { data, loading, error, refetch } = useQuery(HOME_SUMMARY, {
    fetchPolicy,
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
    onCompleted: () => {
      askedAt = Date.now();
    },
  });
  const may = (resource: string) => roleCanAccess(role, resource, 'list');
  const cards = data?.homeSummary;
  const state: CardState = { isPending: loading, error: error && !loading ? error : undefined };
  return (
    <>
      {error && !loading ? <LoadError error={error} onRetry={() => void refetch()} /> : null}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(4, minmax(0, 1fr))' },
        }}
      >
        {may('leads') ? <NewLeadsCard {...state} leads={cards?.newLeads} /> : null}
        {may('supportTickets') ? <TicketsCard {...state} overdue tickets={cards?.overdueTickets} /> : null}
        {may('supportTickets') ? <TicketsCard {...state} tickets={cards?.openTickets} /> : null}
        {may('orders') && may('subscriptions') ? <PaymentsCard {...state} payments={cards?.payments} /> : null}
        {may('sites') ? <StaleBackupsCard {...state} backups={cards?.staleBackups} /> : null}
        {may('privacyRequests') ? <PrivacyAttentionCard {...state} requests={cards?.privacyRequests} /> : null}
        {may('breaches') ? (
          <BreachAttentionCard
            {...state}
            breaches={cards?.breaches}
            Frame={AttentionCard}
            listLink={<ListLink to={listPath('breaches')} label="sitecare.registers.breach_attention_all" />}
          />
        ) : null}
        {may('invoices') ? (
          <OverdueInvoicesCard
            {...state}
            invoices={cards?.overdueInvoices}
            Frame={AttentionCard}
            listLink={<ListLink to={listPath('invoices', OVERDUE_INVOICES)} label="sitecare.invoices.overdue_all" />}
          />
        ) : null}
      </Box>
    </>
  );
}

/** The cards the role may see (the permission matrix decides), in a grid of one column on a phone. */
export default function StaffOverview({ role }: { role: Role | undefined }) {
  const translate = useTranslate();
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} component="h2" variant="h5" gutterBottom>
        {translate('sitecare.attention.title')}
      </Typography>
      {/* The Apollo provider lives here, so Apollo loads with the pages that use it (as SystemStatusPage). */}
      <ApolloProvider client={apolloClient}>
        <StaffCards role={role} />
      </ApolloProvider>
    </Box>
  );
}
