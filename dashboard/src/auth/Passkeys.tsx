// Issue 20: "Passkeys" on My profile: the viewer's passkeys (name, added, last used), add one with a
// name (the browser makes it), remove one (after a fresh second step: the StepUpDialog).
import { Box, Button, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';

import { setViewer, VIEWER_FIELDS, type Viewer } from '../providers/authProvider';
import { ApiError, graphqlRequest } from '../providers/graphqlRequest';
import { createPasskey, passkeyCancelled, passkeysSupported } from './passkeys';
import { StepUpDialog } from './StepUpDialog';

const MY_PASSKEYS = 'query MyPasskeys { myPasskeys { id name createdAt lastUsedAt } }';
const REGISTER = 'mutation PasskeyRegister($input: PasskeyRegisterInput!) { passkeyRegister(input: $input) { id } }';
const REMOVE = 'mutation PasskeyRemove($id: UUID!) { passkeyRemove(id: $id) }';
const ME = `query Me { me { ${VIEWER_FIELDS} } }`;

interface PasskeyRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/**
 * A name, then the browser makes the passkey and the server adds it (My profile, and the set-up page
 * a login is sent to when the agency requires a second factor).
 */
export const AddPasskeyForm = ({ onAdded }: { onAdded: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await createPasskey();
      await graphqlRequest(REGISTER, { input: { name: name.trim(), response } });
      setName('');
      notify('sitecare.passkeys.added', { type: 'success' });
      onAdded();
    } catch (error) {
      if (!passkeyCancelled(error)) notify('sitecare.passkeys.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (!passkeysSupported()) {
    return (
      <Typography variant="body2" sx={{ mt: 2 }}>
        {translate('sitecare.passkeys.unsupported')}
      </Typography>
    );
  }
  return (
    <Box component="form" onSubmit={add} noValidate sx={{ mt: 2, display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      <TextField
        label={translate('sitecare.passkeys.name')}
        helperText={translate('sitecare.passkeys.name_help')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        inputProps={{ maxLength: 100 }}
        size="small"
        sx={{ flex: '1 1 14rem' }}
      />
      <Button type="submit" variant="contained" disabled={busy || !name.trim()} sx={{ alignSelf: 'flex-start' }}>
        {translate('sitecare.passkeys.add')}
      </Button>
    </Box>
  );
};

export const MyPasskeys = ({ onChange }: { onChange: (viewer: Viewer) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [passkeys, setPasskeys] = useState<PasskeyRow[] | undefined>();
  const [removing, setRemoving] = useState<PasskeyRow | null>(null);
  const [stepUp, setStepUp] = useState(false);
  const time = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(async () => {
    try {
      const [{ myPasskeys }, { me }] = await Promise.all([
        graphqlRequest<{ myPasskeys: PasskeyRow[] }>(MY_PASSKEYS),
        graphqlRequest<{ me: Viewer }>(ME),
      ]);
      setPasskeys(myPasskeys);
      setViewer(me);
      onChange(me);
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    }
  }, [notify, onChange]);
  useEffect(() => {
    void graphqlRequest<{ myPasskeys: PasskeyRow[] }>(MY_PASSKEYS).then(
      ({ myPasskeys }) => setPasskeys(myPasskeys),
      () => notify('ra.notification.http_error', { type: 'error' }),
    );
  }, [notify]);

  const remove = async (passkey: PasskeyRow) => {
    setRemoving(passkey);
    try {
      await graphqlRequest(REMOVE, { id: passkey.id });
      setRemoving(null);
      notify('sitecare.passkeys.removed', { type: 'success' });
      await load();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED') return setStepUp(true);
      setRemoving(null);
      notify(
        error instanceof ApiError && error.code === 'BAD_USER_INPUT'
          ? error.inputMessage
          : 'ra.notification.http_error',
        { type: 'error' },
      );
    }
  };

  if (!passkeys) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('sitecare.passkeys.help')}
      </Typography>
      {passkeys.length ? (
        <List aria-labelledby="profile-passkeys" disablePadding>
          {passkeys.map((passkey) => (
            <ListItem key={passkey.id} divider disableGutters sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="passkey">
              <ListItemText
                sx={{ flex: '1 1 14rem', minWidth: 0, overflowWrap: 'anywhere' }}
                primary={passkey.name}
                secondary={`${translate('sitecare.passkeys.created', { time: time(passkey.createdAt) })}, ${
                  passkey.lastUsedAt
                    ? translate('sitecare.passkeys.last_used', { time: time(passkey.lastUsedAt) })
                    : translate('sitecare.passkeys.never_used')
                }`}
              />
              <Button
                variant="outlined"
                color="error"
                size="small"
                onClick={() => void remove(passkey)}
                aria-label={translate('sitecare.passkeys.remove_label', { name: passkey.name })}
              >
                {translate('sitecare.passkeys.remove')}
              </Button>
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('sitecare.passkeys.none')}
        </Typography>
      )}
      <AddPasskeyForm onAdded={() => void load()} />
      <StepUpDialog
        open={stepUp}
        onCancel={() => {
          setStepUp(false);
          setRemoving(null);
        }}
        onDone={() => {
          setStepUp(false);
          if (removing) void remove(removing);
        }}
      />
    </Box>
  );
};
