// A customer's contacts on its page: a table, and for staff a dialog to add, edit and remove them.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Box, Chip } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DataTable,
  EmailField,
  type RaRecord,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';

import { EmbeddedTable } from '../EmbeddedTable';
import { PhoneField } from '../PhoneField';
import { currentViewer } from '../../providers/authProvider';
import { useCanRead } from '../../providers/useViewerRole';
import { CountryField } from '../countries';
import { FormDialog } from '../FormDialog';
import { RowActionButton } from '../RowActionButton';
import { EmptyText, Section } from '../Section';
import { LanguageField } from '../users/UserFields';
import { ContactInputs } from './ContactInputs';
import {
  ContactPrivacyBanner,
  ContactPrivacyField,
  LegalBasesButton,
  MinorFlagButton,
  ParentalConsentButton,
  PortalInviteButton,
} from './ContactPrivacy';
import { RecordConsentButton } from './RecordConsentButton';
import { ConfirmAction } from '../ConfirmAction';

const AddContactButton = () => {
  const customer = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'contacts', action: 'create' });
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!customer || !canAccess) return null;
  const save = async (values: Record<string, unknown>) => {
    await dataProvider.create('contacts', { data: { ...values, customerId: customer.id } });
    refresh();
    notify('sitecare.contacts.created', { type: 'info' });
  };
  return (
    <>
      <Button label="sitecare.contacts.add" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.contacts.add_title"
        titleArgs={{ customer: customer.name }}
        resource="contacts"
        record={{ preferredLanguage: currentViewer()?.tenant.defaultLanguage ?? 'sv', socialIdentities: [] }}
        save={save}
      >
        <ContactInputs />
      </FormDialog>
    </>
  );
};

const EditContactButton = () => {
  const contact = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'contacts', action: 'edit' });
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!contact || !canAccess) return null;
  const save = async (values: Record<string, unknown>) => {
    await dataProvider.update('contacts', { id: contact.id, data: values, previousData: contact });
    refresh();
    notify('sitecare.contacts.updated', { type: 'info' });
  };
  return (
    <>
      <RowActionButton label="ra.action.edit" icon={<EditIcon />} onClick={() => setOpen(true)} />
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.contacts.edit_title"
        titleArgs={{ name: contact.name }}
        resource="contacts"
        record={contact}
        save={save}
      >
        <ContactInputs />
      </FormDialog>
    </>
  );
};

const DeleteContactButton = () => {
  const contact = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'contacts', action: 'delete' });
  const dataProvider = useDataProvider();
  if (!contact || !canAccess) return null;
  return (
    <ConfirmAction
      trigger={(open) => (
        <RowActionButton label="ra.action.delete" color="error" icon={<DeleteIcon />} onClick={open} />
      )}
      title="sitecare.contacts.delete_title"
      content="sitecare.contacts.delete_content"
      translateOptions={{ name: contact.name }}
      confirmLabel="ra.action.delete"
      run={() => dataProvider.delete('contacts', { id: contact.id, previousData: contact })}
      done="sitecare.contacts.deleted"
    />
  );
};

const SocialIdentitiesField = () => {
  const contact = useRecordContext<RaRecord & { socialIdentities?: { provider: string; externalId: string }[] }>();
  const identities = contact?.socialIdentities ?? [];
  if (!identities.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {identities.map(({ provider, externalId }) => (
        <Chip key={`${provider}:${externalId}`} size="small" variant="outlined" label={`${provider}: ${externalId}`} />
      ))}
    </Box>
  );
};

const ContactActions = () => (
  <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 0.5 }}>
    <RecordConsentButton />
    <LegalBasesButton />
    <PortalInviteButton />
    <MinorFlagButton />
    <ParentalConsentButton />
    <EditContactButton />
    <DeleteContactButton />
  </Box>
);

export const CustomerContacts = () => {
  const seesAddress = useCanRead('Contact.country');
  const seesSocial = useCanRead('Contact.socialIdentities');
  const seesNotes = useCanRead('Contact.notes');
  const seesPrivacy = useCanRead('Contact.processingRestrictedAt');
  const { canAccess: manages } = useCanAccess({ resource: 'contacts', action: 'edit' });
  return (
    <Section title="sitecare.customers.contacts" actions={<AddContactButton />}>
      {seesPrivacy ? <ContactPrivacyBanner /> : null}
      <EmbeddedTable source="contacts" resource="contacts" sort={{ field: 'name', order: 'ASC' }}>
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          empty={<EmptyText text="sitecare.customers.no_contacts" />}
        >
          <DataTable.Col source="name" />
          <DataTable.Col source="email">
            <EmailField source="email" />
          </DataTable.Col>
          <DataTable.Col source="phone">
            <PhoneField source="phone" />
          </DataTable.Col>
          {seesAddress ? <DataTable.Col source="postalCode" /> : null}
          {seesAddress ? (
            <DataTable.Col source="country">
              <CountryField source="country" />
            </DataTable.Col>
          ) : null}
          <DataTable.Col source="preferredLanguage" field={LanguageField} />
          {seesSocial ? <DataTable.Col source="socialIdentities" field={SocialIdentitiesField} /> : null}
          {seesNotes ? <DataTable.Col source="notes" /> : null}
          {seesPrivacy ? (
            <DataTable.Col source="processingRestrictedAt" label="sitecare.contact_privacy.column" disableSort>
              <ContactPrivacyField />
            </DataTable.Col>
          ) : null}
          {manages ? <DataTable.Col label="" field={ContactActions} /> : null}
        </DataTable>
      </EmbeddedTable>
    </Section>
  );
};
