import { Box } from '@mui/material';
import { BooleanField, EmailField, Labeled, Show, SimpleShowLayout, TextField, UrlField } from 'react-admin';

import { Section } from '../Section';
import { LeadShowActions } from './LeadActions';
import { LeadStatusField } from './LeadFields';
import { DateField } from '../DateField';
import { PhoneField } from '../PhoneField';

export default function LeadShow() {
  return (
    <Show actions={<LeadShowActions />} queryOptions={{ meta: { embed: ['convertedCustomer'] } }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="company" emptyText="–" />
        <EmailField source="email" />
        <PhoneField source="phone" />
        <TextField source="message" sx={{ whiteSpace: 'pre-line' }} />
        <Labeled source="status">
          <LeadStatusField />
        </Labeled>
        <TextField source="convertedCustomer.name" label="resources.leads.fields.convertedCustomer" emptyText="–" />
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <Section title="sitecare.leads.consent_evidence">
          <SimpleShowLayout sx={{ p: 0 }}>
            <BooleanField source="consentGiven" />
            <TextField source="consentText" />
            <UrlField source="sourcePage" emptyText="–" />
            <TextField source="ip" emptyText="–" />
            <TextField source="userAgent" emptyText="–" />
            <DateField source="createdAt" showTime />
          </SimpleShowLayout>
        </Section>
      </Box>
    </Show>
  );
}
