// P13: on a customer's page, the consent history of its contacts (staff only).
import { ScrollBox } from '../ScrollBox';
import { Typography } from '@mui/material';
import {
  DataTable,
  ListContextProvider,
  ResourceContextProvider,
  TextField,
  useCanAccess,
  useGetList,
  useList,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { ChannelField, DecisionField, MethodField, PurposeField } from './ConsentFields';
import { DateField } from '../DateField';

const History = ({ customerId }: { customerId: string }) => {
  const { data = [], isPending } = useGetList('consentEvents', {
    filter: { customerId },
    pagination: { page: 1, perPage: 100 },
  });
  const list = useList({ data, isPending });
  return (
    <ListContextProvider value={list}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="subjectEmail" disableSort>
          <TextField source="subjectEmail" emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="purposeKey" field={PurposeField} disableSort />
        <DataTable.Col source="channel" field={ChannelField} disableSort />
        <DataTable.Col source="decision" field={DecisionField} disableSort />
        <DataTable.Col source="method" field={MethodField} disableSort />
      </DataTable>
    </ListContextProvider>
  );
};

export const CustomerConsents = () => {
  const customer = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'consentEvents', action: 'list' });
  if (!customer || !canAccess) return null;
  return (
    <ResourceContextProvider value="consentEvents">
      <Typography variant="h6" sx={{ mt: 3, mb: 1 }}>
        {translate('resources.consentEvents.name', { smart_count: 2 })}
      </Typography>
      <ScrollBox name={translate('resources.consentEvents.name', { smart_count: 2 })}>
        <History customerId={String(customer.id)} />
      </ScrollBox>
    </ResourceContextProvider>
  );
};
