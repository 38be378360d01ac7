// P13: the consent history of the agency (staff), newest first, filtered by contact, purpose and decision.
import { DataTable, List, SelectInput, TextField, TextInput } from 'react-admin';

import { consentDecisionChoices, purposeChoices } from './consentChoices';
import { ChannelField, DecisionField, MethodField, PurposeField } from './ConsentFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

const filters = [
  <SelectInput key="purposeKey" source="purposeKey" choices={purposeChoices} alwaysOn />,
  <SelectInput key="decision" source="decision" choices={consentDecisionChoices} alwaysOn />,
  <TextInput key="contactId" source="contactId" />,
];

export default function ConsentEventList() {
  return (
    <List
      exporter={csvExporter}
      filters={filters}
      perPage={25}
      actions={<ListExportActions />}
      queryOptions={{ meta: { embed: ['contact'] } }}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="subjectEmail" disableSort>
          <TextField source="subjectEmail" emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="visitorId" disableSort>
          <TextField source="visitorId" emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="purposeKey" field={PurposeField} disableSort />
        <DataTable.Col source="channel" field={ChannelField} disableSort />
        <DataTable.Col source="decision" field={DecisionField} disableSort />
        <DataTable.Col source="method" field={MethodField} disableSort />
        <DataTable.Col source="wording" disableSort>
          <TextField source="wording" emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="ip" disableSort>
          <TextField source="ip" emptyText="–" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
