// Staff set a ticket's status, priority and assignee (employees and admins) here.
import { Box } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Form,
  SaveButton,
  SelectInput,
  type Identifier,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useUpdate,
} from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { ticketPriorityChoices, ticketStatusChoices } from '../choices';

/**
 * Who can be assigned: staff, in one request when the page opens (issue 25 item 9). Held here, not in
 * the query cache, so the refresh after a reply or a status change does not ask for it again.
 */
const useStaffChoices = (enabled: boolean) => {
  const dataProvider = useDataProvider();
  const [choices, setChoices] = useState<{ id: Identifier; name: string }[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    dataProvider
      .getList('users', {
        pagination: { page: 1, perPage: 100 },
        sort: { field: 'name', order: 'ASC' },
        filter: { staff: true },
      })
      .then(
        ({ data }) => live && setChoices(data.map((user) => ({ id: user.id, name: String(user.name) }))),
        () => undefined, // the select then offers no one; the ticket itself still loads
      );
    return () => {
      live = false;
    };
  }, [enabled, dataProvider]);
  return choices;
};

export const TicketControls = () => {
  const ticket = useRecordContext();
  const role = useViewerRole();
  const isStaff = role === 'ADMIN' || role === 'EMPLOYEE';
  const { canAccess } = useCanAccess({ resource: 'supportTickets', action: 'edit', record: ticket });
  const staff = useStaffChoices(isStaff && !!canAccess);
  const [update] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!ticket || !isStaff || !canAccess) return null;

  const save = (values: Record<string, unknown>) =>
    update(
      'supportTickets',
      {
        id: ticket.id,
        data: { status: values.status, priority: values.priority, assigneeId: values.assigneeId || null },
        previousData: { status: ticket.status, priority: ticket.priority, assigneeId: ticket.assigneeId ?? null },
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('sitecare.tickets.updated', { type: 'info' });
          refresh();
        },
        onError: (error) => notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' }),
      },
    );

  return (
    <Form
      record={{ status: ticket.status, priority: ticket.priority, assigneeId: ticket.assigneeId ?? '' }}
      onSubmit={save}
      resource="supportTickets"
    >
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <SelectInput source="status" choices={ticketStatusChoices} helperText={false} fullWidth={false} />
        <SelectInput source="priority" choices={ticketPriorityChoices} helperText={false} fullWidth={false} />
        <SelectInput
          source="assigneeId"
          choices={staff}
          translateChoice={false}
          emptyText="sitecare.tickets.unassigned"
          helperText={false}
          fullWidth={false}
          sx={{ minWidth: 200 }}
        />
        <SaveButton label="sitecare.tickets.save_changes" />
      </Box>
    </Form>
  );
};
