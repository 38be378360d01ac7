// The home page of customers (their tickets, subscriptions, orders, websites, and the way to their
// personal data) and of contractors (their assigned websites and those sites' open tickets). The API
// scopes every list to the viewer, so the cards read the same list queries staff use.
import AddIcon from '@mui/icons-material/Add';
import ErrorIcon from '@mui/icons-material/Error';
import ReplyIcon from '@mui/icons-material/Reply';
import { Box, Button as MuiButton, Chip, Link as MuiLink, Typography } from '@mui/material';
import type { Role } from '@sitecare/schema';
import { useId } from 'react';
import { Link, useCreatePath, useLocaleState, useTranslate } from 'react-admin';

import { currentViewer } from '../providers/authProvider';
import { SupportHoursTable, useSupportHours } from '../resources/customers/SupportHours';
import { formatMoney } from '../resources/money';
import { packageName } from '../resources/subscriptions/SubscriptionFields';
import {
  AttentionCard,
  CardFrame,
  Detail,
  ItemLink,
  ListLink,
  ShortList,
  useFormatDate,
  useListCard,
  useListPath,
} from './overviewCards';

const SHOW = 5;
const OPEN_TICKETS = { status: ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER'] };
const formatDay = (value: unknown, locale: string) =>
  typeof value === 'string'
    ? new Date(value).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' })
    : '–';

const StatusChip = ({ prefix, value }: { prefix: string; value: unknown }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate(`${prefix}.${String(value)}`, { _: String(value) })} />;
};

/** A customer's open tickets, the ones waiting for their answer marked; a contractor's by due time. */
const TicketsCard = ({ contractor }: { contractor: boolean }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const createPath = useCreatePath();
  const listPath = useListPath();
  const { data, state } = useListCard('supportTickets', {
    filter: OPEN_TICKETS,
    sort: { field: 'firstResponseDueAt', order: 'ASC' },
    pagination: { page: 1, perPage: SHOW },
    meta: { embed: ['site'] },
  });
  return (
    <AttentionCard
      title={contractor ? 'sitecare.portal.site_tickets.title' : 'sitecare.portal.tickets.title'}
      {...state}
      caption="sitecare.portal.tickets.count"
      empty={contractor ? 'sitecare.attention.tickets.empty' : 'sitecare.portal.tickets.empty'}
      links={
        <>
          <ListLink to={listPath('supportTickets', OPEN_TICKETS)} label="sitecare.portal.tickets.all" />
          {contractor ? null : (
            <MuiButton component={Link} to={createPath({ resource: 'supportTickets', type: 'create' })} size="small">
              <AddIcon fontSize="small" sx={{ mr: 0.5 }} />
              {translate('sitecare.portal.tickets.new')}
            </MuiButton>
          )}
        </>
      }
    >
      <ShortList>
        {data?.map((ticket) => (
          <li key={ticket.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <ItemLink to={createPath({ resource: 'supportTickets', id: ticket.id, type: 'show' })}>
                {String(ticket.subject)}
              </ItemLink>
              {!contractor && ticket.status === 'WAITING_ON_CUSTOMER' ? (
                <Chip
                  size="small"
                  color="warning"
                  icon={<ReplyIcon />}
                  label={translate('sitecare.portal.tickets.waiting')}
                />
              ) : null}
              {contractor && ticket.overdue ? (
                <Chip size="small" color="error" icon={<ErrorIcon />} label={translate('sitecare.tickets.overdue')} />
              ) : null}
            </Box>
            <Detail>
              {ticket.site?.domain ? `${String(ticket.site.domain)} · ` : ''}
              {contractor
                ? translate('sitecare.portal.site_tickets.due', { date: formatDate(ticket.firstResponseDueAt) })
                : translate('sitecare.portal.tickets.updated', { date: formatDate(ticket.updatedAt) })}
            </Detail>
          </li>
        ))}
      </ShortList>
    </AttentionCard>
  );
};

/** Active and past-due subscriptions; a failed payment leads to the page where the method changes. */
const SubscriptionsCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const listPath = useListPath();
  const { data, state } = useListCard('subscriptions', {
    pagination: { page: 1, perPage: 25 },
    meta: { embed: ['servicePackage'] },
  });
  const current = (data ?? []).filter((subscription) => subscription.status !== 'CANCELLED');
  return (
    <AttentionCard
      title="sitecare.portal.subscriptions.title"
      {...state}
      total={current.length}
      caption="sitecare.portal.subscriptions.count"
      empty="sitecare.portal.subscriptions.empty"
      isEmpty={current.length === 0}
      links={<ListLink to={listPath('subscriptions')} label="sitecare.portal.subscriptions.all" />}
    >
      <ShortList>
        {current.slice(0, SHOW).map((subscription) => (
          <li key={subscription.id}>
            <ItemLink to={createPath({ resource: 'subscriptions', id: subscription.id, type: 'show' })}>
              {packageName(subscription.servicePackage, locale)}
            </ItemLink>
            {subscription.status === 'PAST_DUE' ? (
              <Detail>
                <Box
                  component="span"
                  sx={{ color: 'error.main', display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
                >
                  <ErrorIcon fontSize="inherit" />
                  {translate('sitecare.portal.subscriptions.past_due')}
                </Box>
              </Detail>
            ) : (
              <Detail>
                {translate('sitecare.portal.subscriptions.renews', {
                  date: formatDay(subscription.currentPeriodEnd, locale),
                })}
              </Detail>
            )}
          </li>
        ))}
      </ShortList>
    </AttentionCard>
  );
};

/** The newest orders (the API lists newest first), with their totals and states. */
const OrdersCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const listPath = useListPath();
  const { data, state } = useListCard('orders', { pagination: { page: 1, perPage: 3 } });
  return (
    <AttentionCard
      title="sitecare.portal.orders.title"
      {...state}
      caption="sitecare.portal.orders.count"
      empty="sitecare.portal.orders.empty"
      links={<ListLink to={listPath('orders')} label="sitecare.portal.orders.all" />}
    >
      <ShortList>
        {data?.map((order) => (
          <li key={order.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <ItemLink to={createPath({ resource: 'orders', id: order.id, type: 'show' })}>
                {translate('sitecare.portal.orders.number', { number: order.number })}
              </ItemLink>
              <StatusChip prefix="sitecare.order_status" value={order.status} />
            </Box>
            <Detail>
              {formatMoney(order.totalMinor as number, String(order.currency ?? 'SEK'), locale)} ·{' '}
              {formatDay(order.createdAt, locale)}
            </Detail>
          </li>
        ))}
      </ShortList>
    </AttentionCard>
  );
};

const SitesCard = ({ contractor }: { contractor: boolean }) => {
  const createPath = useCreatePath();
  const listPath = useListPath();
  const { data, state } = useListCard('sites', {
    sort: { field: 'domain', order: 'ASC' },
    pagination: { page: 1, perPage: SHOW },
    meta: { embed: ['customer'] },
  });
  return (
    <AttentionCard
      title="sitecare.portal.sites.title"
      {...state}
      caption="sitecare.portal.sites.count"
      empty={contractor ? 'sitecare.portal.sites.empty_contractor' : 'sitecare.portal.sites.empty'}
      links={<ListLink to={listPath('sites')} label="sitecare.portal.sites.all" />}
    >
      <ShortList>
        {data?.map((site) => (
          <li key={site.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <ItemLink to={createPath({ resource: 'sites', id: site.id, type: 'show' })}>
                {String(site.domain)}
              </ItemLink>
              <StatusChip prefix="sitecare.site_status" value={site.status} />
            </Box>
            {contractor && site.customer?.name ? <Detail>{String(site.customer.name)}</Detail> : null}
          </li>
        ))}
      </ShortList>
    </AttentionCard>
  );
};

/** P13, P27, P28, P34: the way to the person's own data, with whom to ask and where to complain. */
const PrivacyCard = () => {
  const translate = useTranslate();
  const tenant = currentViewer()?.tenant;
  return (
    <CardFrame
      title="sitecare.portal.privacy.title"
      links={
        <>
          <ListLink to="/my-consents" label="sitecare.portal.privacy.consents" />
          <ListLink to="/privacy-tools" label="sitecare.portal.privacy.tools" />
        </>
      }
    >
      <Typography sx={{ mb: 1 }}>{translate('sitecare.portal.privacy.intro')}</Typography>
      {tenant ? (
        <>
          <Detail>
            {translate('sitecare.privacy.tools.contact', { email: '' })}
            <MuiLink href={`mailto:${tenant.privacyContactEmail}`}>{tenant.privacyContactEmail}</MuiLink>
          </Detail>
          <Detail>
            {translate('sitecare.privacy.tools.authority', { name: tenant.supervisoryAuthorityName })}{' '}
            <MuiLink href={tenant.supervisoryAuthorityUrl} target="_blank" rel="noopener noreferrer">
              {tenant.supervisoryAuthorityUrl}
            </MuiLink>
          </Detail>
        </>
      ) : null}
    </CardFrame>
  );
};

/** A customer's support hours this month and the months before, against the care package. */
const SupportHoursCard = () => {
  const months = useSupportHours('own');
  if (!months?.length) return null;
  return (
    <CardFrame title="sitecare.support_hours.title" links={null}>
      <SupportHoursTable months={months} />
    </CardFrame>
  );
};

export default function PortalOverview({ role }: { role: Role | undefined }) {
  const translate = useTranslate();
  const headingId = useId();
  const contractor = role === 'CONTRACTOR';
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} component="h2" variant="h5" gutterBottom>
        {translate('sitecare.portal.title')}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(3, minmax(0, 1fr))' },
        }}
      >
        <TicketsCard contractor={contractor} />
        {contractor ? null : <SubscriptionsCard />}
        {contractor ? null : <OrdersCard />}
        {contractor ? null : <SupportHoursCard />}
        <SitesCard contractor={contractor} />
        {contractor ? null : <PrivacyCard />}
      </Box>
    </Box>
  );
}
