// A site's access data (staff and assigned contractors): never the secrets themselves. Each row can
// reveal its secret (audited by the API); staff add, edit and delete credentials.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import KeyIcon from '@mui/icons-material/Key';
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  PasswordInput,
  type RaRecord,
  required,
  SelectInput,
  TextField,
  TextInput,
  useCanAccess,
  useDataProvider,
  useLogout,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { LabelledButton } from '../LabelledButton';

import { EmbeddedTable } from '../EmbeddedTable';
import { ApiError, graphqlRequest } from '../../providers/graphqlRequest';
import { useCanRead } from '../../providers/useViewerRole';
import { credentialKindChoices } from '../choices';
import { FormDialog } from '../FormDialog';
import { RowActionButton } from '../RowActionButton';
import { EmptyText, Section } from '../Section';
import { RevealSecretDialog } from './RevealSecretDialog';
import { StepUpDialog } from '../../auth/StepUpDialog';
import { CredentialKindField } from './SiteFields';
import { ConfirmAction } from '../ConfirmAction';
import { DateField } from '../DateField';

interface Credential extends RaRecord {
  label: string;
  url?: string | null;
  username?: string | null;
  notes?: string | null;
}

// Straight to the API, not through the data provider: the answer must not land in Apollo's or
// react-admin's cache.
const REVEAL = `mutation SiteCredentialReveal($id: UUID!) {
  siteCredentialReveal(id: $id) { secret revealedAt }
}`;

const CredentialInputs = ({ creating = false }: { creating?: boolean }) => (
  <>
    <SelectInput source="kind" choices={credentialKindChoices} validate={required()} />
    <TextInput source="label" autoComplete="off" validate={required()} />
    <TextInput source="url" type="url" autoComplete="off" />
    <TextInput source="username" autoComplete="off" />
    <PasswordInput
      source="secret"
      autoComplete="new-password"
      validate={creating ? required() : undefined}
      helperText={creating ? 'sitecare.credentials.secret_help_create' : 'sitecare.credentials.secret_help_edit'}
    />
    <TextInput source="notes" multiline minRows={2} />
  </>
);

export const RevealButton = ({ domain }: { domain: string }) => {
  const credential = useRecordContext<Credential>();
  const { canAccess } = useCanAccess({ resource: 'siteCredentials', action: 'reveal' });
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const logout = useLogout();
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [stepUp, setStepUp] = useState(false);
  if (!credential || !canAccess) return null;

  const reveal = async () => {
    setPending(true);
    try {
      const { siteCredentialReveal } = await graphqlRequest<{ siteCredentialReveal: { secret: string } }>(REVEAL, {
        id: credential.id,
      });
      setSecret(siteCredentialReveal.secret);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      if (code === 'UNAUTHENTICATED') {
        void logout();
        return;
      }
      // Issue 20 (S34): no second step in the last minutes: ask for one, then reveal.
      if (code === 'STEP_UP_REQUIRED') {
        setStepUp(true);
        return;
      }
      notify(code === 'NOT_FOUND' ? 'sitecare.credentials.not_found' : 'ra.notification.http_error', {
        type: 'error',
      });
    } finally {
      setPending(false);
    }
  };

  const close = (reason: 'closed' | 'expired') => {
    setSecret(null);
    if (reason === 'expired') notify('sitecare.credentials.hidden', { type: 'info' });
    refresh(); // "last revealed" has changed
  };

  return (
    <>
      <LabelledButton label="sitecare.credentials.reveal" onClick={reveal} disabled={pending}>
        <KeyIcon />
      </LabelledButton>
      <RevealSecretDialog
        secret={secret}
        title={translate('sitecare.credentials.revealed_title', { label: credential.label, domain })}
        username={credential.username}
        onClose={close}
      />
      <StepUpDialog
        open={stepUp}
        onCancel={() => setStepUp(false)}
        onDone={() => {
          setStepUp(false);
          void reveal();
        }}
      />
    </>
  );
};

const AddCredentialButton = () => {
  const site = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'siteCredentials', action: 'create' });
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!site || !canAccess) return null;
  const save = async (values: Record<string, unknown>) => {
    await dataProvider.create('siteCredentials', { data: { ...values, siteId: site.id } });
    refresh();
    notify('sitecare.credentials.created', { type: 'info' });
  };
  return (
    <>
      <LabelledButton label="sitecare.credentials.add" variant="contained" onClick={() => setOpen(true)}>
        <AddIcon />
      </LabelledButton>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.credentials.add_title"
        titleArgs={{ domain: site.domain }}
        resource="siteCredentials"
        record={{ kind: 'CMS_ADMIN' }}
        save={save}
      >
        <CredentialInputs creating />
      </FormDialog>
    </>
  );
};

const EditCredentialButton = () => {
  const credential = useRecordContext<Credential>();
  const { canAccess } = useCanAccess({ resource: 'siteCredentials', action: 'edit' });
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!credential || !canAccess) return null;
  const save = async ({ secret, ...values }: Record<string, unknown>) => {
    // An empty secret keeps the current one.
    const data = secret ? { ...values, secret } : values;
    await dataProvider.update('siteCredentials', { id: credential.id, data, previousData: credential });
    refresh();
    notify('sitecare.credentials.updated', { type: 'info' });
  };
  return (
    <>
      <RowActionButton label="ra.action.edit" icon={<EditIcon />} onClick={() => setOpen(true)} />
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.credentials.edit_title"
        titleArgs={{ label: credential.label }}
        resource="siteCredentials"
        record={credential}
        save={save}
      >
        <CredentialInputs />
      </FormDialog>
    </>
  );
};

const DeleteCredentialButton = () => {
  const credential = useRecordContext<Credential>();
  const { canAccess } = useCanAccess({ resource: 'siteCredentials', action: 'delete' });
  const dataProvider = useDataProvider();
  if (!credential || !canAccess) return null;
  return (
    <ConfirmAction
      trigger={(open) => (
        <RowActionButton label="ra.action.delete" color="error" icon={<DeleteIcon />} onClick={open} />
      )}
      title="sitecare.credentials.delete_title"
      content="sitecare.credentials.delete_content"
      translateOptions={{ label: credential.label }}
      confirmLabel="ra.action.delete"
      run={() => dataProvider.delete('siteCredentials', { id: credential.id, previousData: credential })}
      done="sitecare.credentials.deleted"
    />
  );
};

/** An address on one line, shortened with an ellipsis (the whole of it on hover). */
const UrlText = () => {
  const credential = useRecordContext<Credential>();
  if (!credential?.url) return <>–</>;
  return (
    <Typography
      component="span"
      variant="body2"
      title={credential.url}
      sx={{
        display: 'block',
        maxWidth: 280,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      {credential.url}
    </Typography>
  );
};

const LastRevealedField = () => {
  const translate = useTranslate();
  return <DateField source="lastRevealedAt" showTime emptyText={translate('sitecare.credentials.never')} />;
};

export const SiteCredentials = (_: { label?: false }) => {
  const site = useRecordContext();
  // The notes column only when some credential has notes (and the role may read them).
  const seesNotes =
    useCanRead('SiteCredential.notes') && ((site?.credentials as Credential[] | undefined) ?? []).some((c) => c.notes);
  const domain = (site?.domain as string | undefined) ?? '';
  return (
    <Section title="sitecare.sites.tabs.credentials" actions={<AddCredentialButton />}>
      <EmbeddedTable source="credentials" resource="siteCredentials" sort={{ field: 'label', order: 'ASC' }}>
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="sitecare.credentials.empty" />}>
          <DataTable.Col source="label" />
          <DataTable.Col source="kind" field={CredentialKindField} />
          <DataTable.Col source="url" field={UrlText} />
          <DataTable.Col source="username">
            <TextField source="username" emptyText="–" sx={{ fontFamily: 'monospace' }} />
          </DataTable.Col>
          {seesNotes ? <DataTable.Col source="notes" /> : null}
          <DataTable.Col source="lastRevealedAt" field={LastRevealedField} />
          <DataTable.Col label="" disableSort>
            <Box
              sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}
            >
              <RevealButton domain={domain} />
              <EditCredentialButton />
              <DeleteCredentialButton />
            </Box>
          </DataTable.Col>
        </DataTable>
      </EmbeddedTable>
    </Section>
  );
};
