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
  Link,
  TextField,
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

/** The event pick-list: every action the server writes, by its name, alphabetically in the UI's language. */
const ActionFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = useMemo(
    () =>
      AUDIT_ACTIONS.map((id) => ({ id, name: translate(`sitecare.audit_action.${id}`, { _: id }) })).sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    [translate],
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

const ActionField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.action) return null;
  return <>{translate(`sitecare.audit_action.${record.action}`, { _: record.action })}</>;
};

/** What the event concerns: its kind, and the record by name with a link while the viewer may see it. */
const EntityField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.entityType) return null;
  const label = record.entityLabel as string | null | undefined;
  const link = record.entityLink as string | null | undefined;
  return (
    <span>
      {translate(`sitecare.entity_type.${record.entityType}`, { _: record.entityType })}
      {label && link ? (
        <Link to={link} sx={{ display: 'block' }} onClick={(event: MouseEvent) => event.stopPropagation()}>
          {label}
        </Link>
      ) : record.entityId ? (
        <Box component="span" sx={{ display: 'block', color: 'text.secondary', typography: 'caption' }}>
          {translate('sitecare.audit.entity_gone')}
        </Box>
      ) : null}
    </span>
  );
};

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
