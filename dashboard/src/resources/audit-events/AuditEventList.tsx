// The audit log, newest first (the API's order; it offers no other sort). Read-only. Issue 25: events
// by their name in the UI's language (the actions are AUDIT_ACTIONS of @sitecare/schema, the list the
// server writes), records by their name with a link (the server names them: entityLabel, entityLink).
import { Box } from '@mui/material';
import { AUDIT_ACTIONS } from '@sitecare/schema';
import { useMemo } from 'react';
import {
  AutocompleteInput,
  DataTable,
  Labeled,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin';

import { auditOutcomeChoices } from '../choices';
import { EnumChipField } from '../EnumChipField';
import { JsonDetails } from '../JsonDetails';
import { DateField } from '../DateField';
import { ActionField, ActorField, EntityField } from './AuditFields';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';
import { useAuditActionNames } from './auditActionNames';

/** The event pick-list: every action the server writes, by its name, alphabetically in the UI's language. */
const ActionFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const { name } = useAuditActionNames();
  const choices = useMemo(
    () => AUDIT_ACTIONS.map((id) => ({ id, name: name(id) })).sort((a, b) => a.name.localeCompare(b.name)),
    [name],
  );
  return <AutocompleteInput {...props} choices={choices} translateChoice={false} sx={{ minWidth: 280 }} />;
};

const filters = [
  <ActionFilter key="action" source="action" alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={auditOutcomeChoices} alwaysOn />,
  <ReferenceInput key="actorUserId" source="actorUserId" reference="users" alwaysOn>
    <AutocompleteInput label="resources.auditEvents.fields.actorUserId" optionText="name" />
  </ReferenceInput>,
  <TextInput key="entityId" source="entityId" alwaysOn resettable />,
];

const OutcomeField = () => (
  <EnumChipField
    source="outcome"
    prefix="sitecare.audit_outcome"
    colors={{ ALLOWED: 'success', DENIED: 'warning', FAILED: 'error' }}
  />
);

/** The event's detail and request id, folded (a column with a header: no empty table header). */
const DetailsField = () => {
  const translate = useTranslate();
  return (
    <Box component="details" sx={{ '& > summary': { cursor: 'pointer' } }}>
      <summary>{translate('sitecare.audit.show_details')}</summary>
      <JsonDetails source="detail" label="resources.auditEvents.fields.detail" />
      <Labeled source="requestId" sx={{ px: 2, pb: 1 }}>
        <TextField source="requestId" emptyText="–" sx={{ fontFamily: 'monospace' }} />
      </Labeled>
      <Labeled source="entityId" sx={{ px: 2, pb: 1 }}>
        <TextField source="entityId" emptyText="–" sx={{ fontFamily: 'monospace' }} />
      </Labeled>
    </Box>
  );
};

export default function AuditEventList() {
  return (
    <List
      exporter={csvExporter}
      filters={filters}
      actions={<ListExportActions />}
      perPage={25}
      sort={{ field: 'createdAt', order: 'DESC' }}
      queryOptions={{ meta: { embed: ['actor'] } }}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="action" field={ActionField} disableSort />
        <DataTable.Col source="outcome" field={OutcomeField} disableSort />
        <DataTable.Col source="actorUserId" field={ActorField} disableSort />
        <DataTable.Col source="entityType" field={EntityField} disableSort />
        <DataTable.Col source="ip" disableSort />
        <DataTable.Col source="detail" field={DetailsField} disableSort />
      </DataTable>
    </List>
  );
}
