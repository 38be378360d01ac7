// Issue 19 on the staff home page: open invoices past their due date. Its own query (the invoice list
// with the API's `overdue` filter, the one SQL rule the reminders use too), in the frame the home page
// gives, so the home page can show it however it gathers its cards.
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { RecordContextProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';

import type { AttentionCardFrame } from '../breaches/BreachAttentionCard';
import { formatMoney } from '../money';
import { InvoiceStateField, type InvoiceRecord } from './InvoiceActions';

export const OVERDUE_INVOICES = { overdue: true };

export const OverdueInvoicesCard = ({ Frame, listLink }: { Frame: AttentionCardFrame; listLink: ReactNode }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, total, isPending, error } = useGetList<
    InvoiceRecord & { buyerName: string; totalMinor: number; currency: string }
  >('invoices', { filter: OVERDUE_INVOICES, pagination: { page: 1, perPage: 5 } });
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
              {formatMoney(invoice.totalMinor, invoice.currency, locale)} ·{' '}
              {translate('sitecare.invoices.due_on', { date: invoice.dueDate })}
            </Typography>
          </li>
        ))}
      </Box>
    </Frame>
  );
};
