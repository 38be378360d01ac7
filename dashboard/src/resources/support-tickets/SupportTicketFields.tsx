// A ticket's status, priority and channel as chips, and its first-response due time.
import ErrorIcon from '@mui/icons-material/Error';
import { Box, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { EnumChipField } from '../EnumChipField';
import { DateField } from '../DateField';

export const TicketStatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.ticket_status"
    colors={{ NEW: 'info', OPEN: 'primary', WAITING_ON_CUSTOMER: 'warning', RESOLVED: 'success' }}
  />
);

export const TicketPriorityField = () => (
  <EnumChipField
    source="priority"
    prefix="sitecare.ticket_priority"
    colors={{ HIGH: 'warning', URGENT: 'error' }}
    icons={{ URGENT: <ErrorIcon /> }}
  />
);

export const TicketChannelField = () => <EnumChipField source="channel" prefix="sitecare.ticket_channel" />;

export const DueField = () => {
  const ticket = useRecordContext();
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <DateField source="firstResponseDueAt" showTime />
      {ticket?.overdue ? (
        <Chip size="small" color="error" icon={<ErrorIcon />} label={translate('sitecare.tickets.overdue')} />
      ) : null}
    </Box>
  );
};
