// Who works on a site (staff only): its assignments, a dialog to assign a contractor, and ending an
// assignment, which ends the person's access to the site, its credentials and its customer at once.
import EventBusyIcon from '@mui/icons-material/EventBusy';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Box } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  DataTable,
  DateTimeInput,
  type RaRecord,
  ReferenceInput,
  required,
  TextInput,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { EmbeddedTable } from '../EmbeddedTable';
import { EnumChipField } from '../EnumChipField';
import { FormDialog } from '../FormDialog';
import { EmptyText, Section } from '../Section';
import { ConfirmAction } from '../ConfirmAction';
import { DateField } from '../DateField';

interface Assignment extends RaRecord {
  active: boolean;
  startsAt: string;
  endsAt: string | null;
  user: { id: string; name: string; email: string; role: string };
}

type AssignmentState = 'ACTIVE' | 'UPCOMING' | 'ENDED';

const stateOf = (assignment: Assignment): AssignmentState => {
  if (assignment.active) return 'ACTIVE';
  return new Date(assignment.startsAt) > new Date() ? 'UPCOMING' : 'ENDED';
};

const AssignmentStateField = () => {
  const assignment = useRecordContext<Assignment>();
  if (!assignment) return null;
  return (
    <EnumChipField
      value={stateOf(assignment)}
      prefix="sitecare.assignment_state"
      colors={{ ACTIVE: 'success', UPCOMING: 'info' }}
    />
  );
};

const RoleOfUserField = () => <EnumChipField source="user.role" prefix="sitecare.roles" />;

const EndsAtField = () => {
  const assignment = useRecordContext<Assignment>();
  const translate = useTranslate();
  if (!assignment) return null;
  if (!assignment.endsAt) return <>{translate('sitecare.assignments.until_further_notice')}</>;
  return <DateField source="endsAt" showTime />;
};

/** A local date-time from DateTimeInput ("2026-11-25T10:00") as an instant, or undefined when empty. */
const instant = (value: unknown): string | undefined =>
  value ? new Date(value as string | Date).toISOString() : undefined;

const AssignContractorButton = () => {
  const site = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'siteAssignments', action: 'create' });
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!site || !canAccess) return null;
  const save = async (values: Record<string, unknown>) => {
    const { data } = await dataProvider.create('siteAssignments', {
      data: {
        siteId: site.id,
        userId: values.userId,
        startsAt: instant(values.startsAt),
        endsAt: instant(values.endsAt),
        reason: values.reason || undefined,
      },
      meta: { embed: ['user'] },
    });
    refresh();
    notify('sitecare.assignments.assigned', { type: 'info', messageArgs: { name: data.user?.name ?? '' } });
  };
  return (
    <>
      <Button label="sitecare.assignments.assign" variant="contained" onClick={() => setOpen(true)}>
        <PersonAddIcon />
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.assignments.assign_title"
        titleArgs={{ domain: site.domain }}
        resource="siteAssignments"
        save={save}
        saveLabel="sitecare.assignments.assign"
      >
        <ReferenceInput
          source="userId"
          reference="users"
          filter={{ role: 'CONTRACTOR', status: 'ACTIVE' }}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput
            optionText={(user: RaRecord) => `${user.name} (${user.email})`}
            validate={required()}
            fullWidth
          />
        </ReferenceInput>
        <DateTimeInput source="startsAt" helperText="sitecare.assignments.starts_help" />
        <DateTimeInput source="endsAt" helperText="sitecare.assignments.ends_help" />
        <TextInput source="reason" fullWidth />
      </FormDialog>
    </>
  );
};

const EndAssignmentButton = ({ domain }: { domain: string }) => {
  const assignment = useRecordContext<Assignment>();
  const { canAccess } = useCanAccess({ resource: 'siteAssignments', action: 'end' });
  const dataProvider = useDataProvider();
  if (!assignment || !canAccess || stateOf(assignment) === 'ENDED') return null;
  return (
    <ConfirmAction
      trigger={(open) => (
        <Button label="sitecare.assignments.end" color="error" onClick={open}>
          <EventBusyIcon />
        </Button>
      )}
      title="sitecare.assignments.end_title"
      content="sitecare.assignments.end_content"
      translateOptions={{ name: assignment.user.name, domain }}
      confirmLabel="sitecare.assignments.end"
      run={() =>
        dataProvider.update('siteAssignments', {
          id: assignment.id,
          data: {},
          previousData: assignment,
          meta: { action: 'end' },
        })
      }
      done="sitecare.assignments.ended"
    />
  );
};

export const SiteAssignments = (_: { label?: false }) => {
  const site = useRecordContext();
  return (
    <Section title="sitecare.sites.tabs.assignments" actions={<AssignContractorButton />}>
      <EmbeddedTable source="assignments" resource="siteAssignments" sort={{ field: 'startsAt', order: 'DESC' }}>
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="sitecare.assignments.empty" />}>
          <DataTable.Col source="user.name" label="resources.siteAssignments.fields.user" />
          <DataTable.Col source="user.role" label="resources.siteAssignments.fields.role" field={RoleOfUserField} />
          <DataTable.Col source="active" field={AssignmentStateField} disableSort />
          <DataTable.Col source="startsAt">
            <DateField source="startsAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="endsAt" field={EndsAtField} />
          <DataTable.Col source="reason" />
          <DataTable.Col label="" disableSort>
            <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
              <EndAssignmentButton domain={site?.domain ?? ''} />
            </Box>
          </DataTable.Col>
        </DataTable>
      </EmbeddedTable>
    </Section>
  );
};
