// Issue 25, a customer page that tells the whole story: its open tickets, orders, invoices,
// subscriptions and (admins) recent activity, all read with the customer in the page's one query
// (CustomerShow's embed); each section links to its records and to the full, filtered list.
import ListIcon from '@mui/icons-material/List';
import { Box } from '@mui/material';
import { Button, DataTable, Link, useRecordContext, useTranslate } from 'react-admin';
import type { MouseEvent, ReactNode } from 'react';

import { useCanRead } from '../../providers/useViewerRole';
import { ActionField, ActorField, EntityField } from '../audit-events/AuditFields';
import { DateField } from '../DateField';
import { EmbeddedTable } from '../EmbeddedTable';
import { InvoiceStateField } from '../invoices/InvoiceActions';
import { MoneyField } from '../money';
import { IntervalField, OrderStatusField } from '../orders/OrderFields';
import { EmptyText, Section } from '../Section';
import { NextChargeField, PackageNameField, SubscriptionStatusField } from '../subscriptions/SubscriptionFields';
import { DueField, TicketPriorityField, TicketStatusField } from '../support-tickets/SupportTicketFields';

/** What the customer page embeds in its one query for these sections. */
export const CUSTOMER_STORY_EMBED = [
  'openTickets.site',
  'latestOrders',
  'latestInvoices',
  'subscriptions.servicePackage.prices',
  'recentActivity.actor',
];

/** "See all": the resource's list filtered to this customer. */
export const SeeAll = ({ resource }: { resource: string }) => {
  const customer = useRecordContext();
  const translate = useTranslate();
  if (!customer) return null;
  const name = translate(`resources.${resource}.name`, { smart_count: 2 });
  return (
    <Button
      component={Link}
      to={{
        pathname: `/${resource}`,
        search: `filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id }))}`,
      }}
      label={translate('sitecare.customers.see_all', { name: name.toLowerCase() })}
    >
      <ListIcon />
    </Button>
  );
};

const SiteDomainField = () => {
  const ticket = useRecordContext();
  const site = ticket?.site as { id: string; domain: string } | null | undefined;
  if (!site) return <>–</>;
  return (
    <Link to={`/sites/${encodeURIComponent(site.id)}/show`} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {site.domain}
    </Link>
  );
};

export const CustomerOpenTickets = () => (
  <Section title="sitecare.customers.open_tickets" actions={<SeeAll resource="supportTickets" />}>
    <EmbeddedTable source="openTickets" resource="supportTickets">
      <DataTable
        bulkActionButtons={false}
        rowClick="show"
        empty={<EmptyText text="sitecare.customers.no_open_tickets" />}
      >
        <DataTable.Col source="number" disableSort />
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="status" field={TicketStatusField} disableSort />
        <DataTable.Col source="priority" field={TicketPriorityField} disableSort />
        <DataTable.Col source="firstResponseDueAt" field={DueField} disableSort />
        <DataTable.Col source="site" field={SiteDomainField} disableSort />
      </DataTable>
    </EmbeddedTable>
  </Section>
);

export const CustomerOrders = () => (
  <Section title="sitecare.customers.orders" actions={<SeeAll resource="orders" />}>
    <EmbeddedTable source="latestOrders" resource="orders">
      <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyText text="sitecare.customers.no_orders" />}>
        <DataTable.Col source="number" disableSort />
        <DataTable.Col source="status" field={OrderStatusField} disableSort />
        <DataTable.Col source="totalMinor" disableSort>
          <MoneyField source="totalMinor" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </EmbeddedTable>
  </Section>
);

const InvoiceKindField = () => {
  const invoice = useRecordContext();
  const translate = useTranslate();
  return invoice ? <>{translate(`sitecare.invoice_kind.${invoice.kind}`, { _: String(invoice.kind) })}</> : null;
};

export const CustomerInvoices = () => (
  <Section title="sitecare.customers.invoices" actions={<SeeAll resource="invoices" />}>
    <EmbeddedTable source="latestInvoices" resource="invoices">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="sitecare.customers.no_invoices" />}>
        <DataTable.Col source="number" disableSort />
        <DataTable.Col source="kind" field={InvoiceKindField} disableSort />
        <DataTable.Col source="issueDate" disableSort />
        <DataTable.Col source="totalMinor" disableSort>
          <MoneyField source="totalMinor" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <InvoiceStateField short />
        </DataTable.Col>
        <DataTable.Col source="dueDate" disableSort />
      </DataTable>
    </EmbeddedTable>
  </Section>
);

export const CustomerSubscriptions = () => (
  <Section title="sitecare.customers.subscriptions">
    <EmbeddedTable source="subscriptions" resource="subscriptions">
      <DataTable
        bulkActionButtons={false}
        rowClick="show"
        empty={<EmptyText text="sitecare.customers.no_subscriptions" />}
      >
        <DataTable.Col source="servicePackage" field={PackageNameField} disableSort />
        <DataTable.Col source="interval" field={IntervalField} disableSort />
        <DataTable.Col source="status" field={SubscriptionStatusField} disableSort />
        <DataTable.Col
          source="nextRenewalAt"
          label="resources.subscriptions.fields.nextCharge"
          field={NextChargeField}
          disableSort
        />
      </DataTable>
    </EmbeddedTable>
  </Section>
);

/** The newest audit events about the customer and its records (admins: the audit log's audience). */
export const CustomerActivity = () => {
  const seesActivity = useCanRead('Customer.recentActivity');
  if (!seesActivity) return null;
  return (
    <Section title="sitecare.customers.activity">
      <EmbeddedTable source="recentActivity" resource="auditEvents">
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          empty={<EmptyText text="sitecare.customers.no_activity" />}
        >
          <DataTable.Col source="createdAt" disableSort>
            <DateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="action" field={ActionField} disableSort />
          <DataTable.Col source="actorUserId" field={ActorField} disableSort />
          <DataTable.Col source="entityType" field={EntityField} disableSort />
        </DataTable>
      </EmbeddedTable>
    </Section>
  );
};

/** Two columns on a wide screen, one on a phone; a column never grows wider than its share. */
export const StoryGrid = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' },
      columnGap: 3,
      '& > .story-wide': { gridColumn: '1 / -1' },
    }}
  >
    {children}
  </Box>
);
