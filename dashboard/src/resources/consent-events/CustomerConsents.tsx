// P13: on a customer's page, the newest consent decisions of its contacts (staff only), and a link to all.
import { ScrollBox } from '../ScrollBox';
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
import { SeeAll } from '../customers/CustomerStory';
import { Section } from '../Section';

const History = ({ customerId }: { customerId: string }) => {
  const { data = [], isPending } = useGetList('consentEvents', {
    filter: { customerId },
    pagination: { page: 1, perPage: 10 }, // the newest; "see all" opens the filtered list
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
  const name = translate('resources.consentEvents.name', { smart_count: 2 });
  return (
    <ResourceContextProvider value="consentEvents">
      <Section
        title="resources.consentEvents.name"
        titleArgs={{ smart_count: 2 }}
        actions={<SeeAll resource="consentEvents" />}
      >
        <ScrollBox name={name}>
          <History customerId={String(customer.id)} />
        </ScrollBox>
      </Section>
    </ResourceContextProvider>
  );
};
