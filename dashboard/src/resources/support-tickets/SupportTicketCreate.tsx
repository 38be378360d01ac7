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
  return (
    <Create redirect="show">
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
