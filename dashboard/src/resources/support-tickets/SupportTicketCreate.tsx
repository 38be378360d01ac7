// Opening a ticket: staff pick the customer (and maybe one of its sites); a customer may pick one of
// their own sites, the server files the ticket under their company.
import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useCanAccess,
  useNotify,
  useRedirect,
} from 'react-admin';

import { ticketPriorityChoices } from '../choices';

const SiteInput = ({ staff, customerId }: { staff: boolean; customerId?: string }) => {
  if (staff && !customerId) return null;
  return (
    <ReferenceInput
      source="siteId"
      reference="sites"
      filter={staff ? { customerId } : {}}
      sort={{ field: 'domain', order: 'ASC' }}
    >
      <SelectInput optionText="domain" emptyText="sitecare.tickets.no_site" sx={{ minWidth: 280 }} />
    </ReferenceInput>
  );
};

export default function SupportTicketCreate() {
  const { canAccess: staff = false } = useCanAccess({ resource: 'customers', action: 'list' });
  const notify = useNotify();
  const redirect = useRedirect();
  // Issue 25: the confirmation names the ticket's number, the one people quote ("Ärendet #1042 är skapat").
  const onSuccess = (ticket: { id: string; number: number }) => {
    notify('sitecare.tickets.created', { type: 'info', messageArgs: { number: ticket.number } });
    redirect('show', 'supportTickets', ticket.id);
  };
  return (
    <Create redirect="show" mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ priority: 'NORMAL' }}>
        {staff ? (
          <ReferenceInput source="customerId" reference="customers" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 280 }} />
          </ReferenceInput>
        ) : null}
        <FormDataConsumer<{ customerId?: string }>>
          {({ formData }) => <SiteInput staff={staff} customerId={formData.customerId} />}
        </FormDataConsumer>
        <TextInput source="subject" autoComplete="off" validate={required()} />
        <TextInput source="body" multiline minRows={4} validate={required()} />
        <SelectInput source="priority" choices={ticketPriorityChoices} validate={required()} />
      </SimpleForm>
    </Create>
  );
}
