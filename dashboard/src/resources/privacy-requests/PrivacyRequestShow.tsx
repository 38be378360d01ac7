import { Box } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';

import { PrivacyRequestActions } from './PrivacyRequestActions';
import { OverdueValue, PrivacyChannelField, PrivacyStatusField, PrivacyTypeField } from './PrivacyRequestFields';
import { PrivacyRequestOutcome } from './PrivacyRequestOutcome';
import { DateField } from '../DateField';

export default function PrivacyRequestShow() {
  return (
    <Show actions={<PrivacyRequestActions />}>
      <SimpleShowLayout>
        <Labeled source="type">
          <PrivacyTypeField />
        </Labeled>
        <TextField source="requesterEmail" />
        <Labeled source="status">
          <PrivacyStatusField />
        </Labeled>
        <Labeled source="channel">
          <PrivacyChannelField />
        </Labeled>
        <TextField source="details" emptyText="–" sx={{ whiteSpace: 'pre-line' }} />
        <DateField source="receivedAt" showTime />
        <DateField source="dueAt" showTime />
        <Labeled source="overdue">
          <OverdueValue />
        </Labeled>
        <DateField source="identityVerifiedAt" showTime emptyText="–" />
        <DateField source="extendedAt" showTime emptyText="–" />
        <TextField source="extensionReason" emptyText="–" />
        <DateField source="completedAt" showTime emptyText="–" />
        <TextField source="rejectionReason" emptyText="–" />
      </SimpleShowLayout>
      <Box sx={{ pb: 2 }}>
        <PrivacyRequestOutcome />
      </Box>
    </Show>
  );
}
