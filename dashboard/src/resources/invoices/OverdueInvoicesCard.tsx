// Issue 19 on the staff home page: open invoices past their due date, as the home page's one query
// (`homeSummary.overdueInvoices`, the invoice list's `overdue` filter: the one SQL rule the reminders
// use too) brings them, in the frame the home page gives.
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { RecordContextProvider, useLocaleState, useTranslate } from 'react-admin';

import type { AttentionCardFrame } from '../breaches/BreachAttentionCard';
import { formatMoney } from '../money';
import { InvoiceStateField, type InvoiceRecord } from './InvoiceActions';

export const OVERDUE_INVOICES = { overdue: true };

export type OverdueInvoice = InvoiceRecord & {
  buyerName: string;
  totalMinor: number;
  remainingMinor: number;
  currency: string;
};

export const OverdueInvoicesCard = ({
  Frame,
  listLink,
  invoices,
  isPending,
  error,
}: {
  Frame: AttentionCardFrame;
  listLink: ReactNode;
  invoices: { totalCount: number; nodes: OverdueInvoice[] } | undefined;
  isPending: boolean;
  error: unknown;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = invoices?.nodes;
  const total = invoices?.totalCount;
  return (
    <Frame
      title="sitecare.invoices.overdue_title"
      total={total}
      caption="sitecare.invoices.overdue_count"
      isPending={isPending}
      error={error}
      empty="sitecare.invoices.overdue_empty"
      isEmpty={!data?.length}
      links={listLink}
    >
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, '& > li': { py: 0.75 } }}>
        {data?.map((invoice) => (
          <li key={invoice.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography component="span" sx={{ fontWeight: 500 }}>
                {translate('sitecare.invoices.overdue_item', { number: invoice.number, buyer: invoice.buyerName })}
              </Typography>
              <RecordContextProvider value={invoice}>
                <InvoiceStateField />
              </RecordContextProvider>
            </Box>
            <Typography variant="body2" color="text.secondary" component="div">
              {translate('sitecare.invoices.remaining', {
                amount: formatMoney(invoice.remainingMinor, invoice.currency, locale),
              })}{' '}
              · {translate('sitecare.invoices.due_on', { date: invoice.dueDate })}
            </Typography>
          </li>
        ))}
      </Box>
    </Frame>
  );
};
