// The audit log, newest first (the API's order; it offers no other sort). Read-only.
import {
  AutocompleteInput,
  DataTable,
  Labeled,
  List,
  ReferenceInput,
  SelectInput,
  Link,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { MouseEvent } from 'react';

import { auditOutcomeChoices } from '../choices';
import { EnumChipField } from '../EnumChipField';
import { JsonDetails } from '../JsonDetails';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

const filters = [
  <TextInput key="action" source="action" helperText="sitecare.audit.action_help" alwaysOn resettable />,
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

/**
 * The person who acted (embedded in the page's one query: no request per row), or what kind of
 * actor it was (system, anonymous, an account that no longer exists).
 */
const ActorField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const actor = record?.actor as { id: string; name: string } | null | undefined;
  if (actor) {
    return (
      <Link to={`/users/${encodeURIComponent(actor.id)}/show`} onClick={(event: MouseEvent) => event.stopPropagation()}>
        {actor.name}
      </Link>
    );
  }
  return <>{translate(`sitecare.actor_type.${record?.actorType}`, { _: record?.actorType ?? '' })}</>;
};

const EntityField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.entityType) return null;
  return (
    <span>
      {translate(`sitecare.entity_type.${record.entityType}`, { _: record.entityType })}
      {record.entityId ? (
        <TextField source="entityId" variant="caption" sx={{ display: 'block', fontFamily: 'monospace' }} />
      ) : null}
    </span>
  );
};

const AuditEventDetails = () => (
  <>
    <JsonDetails source="detail" label="resources.auditEvents.fields.detail" />
    <Labeled source="requestId" sx={{ px: 2, pb: 1 }}>
      <TextField source="requestId" emptyText="–" sx={{ fontFamily: 'monospace' }} />
    </Labeled>
  </>
);

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
      <DataTable bulkActionButtons={false} rowClick="expand" expand={<AuditEventDetails />}>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="action" disableSort />
        <DataTable.Col source="outcome" field={OutcomeField} disableSort />
        <DataTable.Col source="actorUserId" field={ActorField} disableSort />
        <DataTable.Col source="entityType" field={EntityField} disableSort />
        <DataTable.Col source="ip" disableSort />
      </DataTable>
    </List>
  );
}
