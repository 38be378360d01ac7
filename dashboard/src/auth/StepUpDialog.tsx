// Issue 20 (S34): the dialog that actions answering STEP_UP_REQUIRED open (revealing a secret,
// removing an authenticator): a fresh second step (a code, a passkey, or the password for a user
// without a second factor), then the action again.
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';

import { currentViewer } from '../providers/authProvider';
import { ApiError, graphqlRequest } from '../providers/graphqlRequest';
import { answerWithPasskey, passkeyCancelled, passkeysSupported } from './passkeys';

const STEP_UP = 'mutation StepUp($input: StepUpInput!) { stepUp(input: $input) }';

/** The translation key for a failed second step. */
export const messageOf = (error: unknown) =>
  error instanceof ApiError && error.code === 'RATE_LIMITED'
    ? 'sitecare.second_factor.rate_limited'
    : error instanceof ApiError && error.code === 'BAD_USER_INPUT'
      ? 'sitecare.second_factor.wrong_code'
      : 'ra.notification.http_error';

/**
 * Asks for a fresh second step (STEP_UP_REQUIRED): the authenticator or a recovery code, or the
 * password for a user without a second factor. `onDone` runs after the server accepted it.
 */
export const StepUpDialog = ({
  open,
  onDone,
  onCancel,
}: {
  open: boolean;
  onDone: () => void;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const factors = currentViewer()?.secondFactor;
  const withPasskey = (factors?.passkeys ?? 0) > 0 && passkeysSupported();
  const hasFactor = factors ? factors.totp || factors.passkeys > 0 : true;
  const withTotp = factors ? factors.totp : true;
  /** The field: a code for the authenticator app, the password for a user without a factor. */
  const showField = withTotp || !hasFactor;

  const usePasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      const passkey = await answerWithPasskey('STEP_UP');
      await graphqlRequest(STEP_UP, { input: { passkey } });
      onDone();
    } catch (e) {
      if (passkeyCancelled(e)) return;
      if (e instanceof ApiError) {
        const message = messageOf(e);
        if (message === 'ra.notification.http_error') notify(message, { type: 'error' });
        else setError(message === 'sitecare.second_factor.wrong_code' ? 'sitecare.passkeys.failed' : message);
      } else setError('sitecare.passkeys.failed');
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await graphqlRequest(STEP_UP, { input: withTotp ? { code: value.trim() } : { password: value } });
      setValue('');
      onDone();
    } catch (e) {
      const message = messageOf(e);
      if (message === 'ra.notification.http_error') notify(message, { type: 'error' });
      else setError(withTotp ? message : 'sitecare.second_factor.wrong_password');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="step-up-title">
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle id="step-up-title">{translate('sitecare.second_factor.step_up_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate(
              withTotp
                ? 'sitecare.second_factor.step_up_help'
                : hasFactor
                  ? 'sitecare.passkeys.step_up_help'
                  : 'sitecare.second_factor.step_up_password',
            )}
          </Typography>
          {withPasskey && (
            <Button variant="outlined" fullWidth disabled={busy} onClick={() => void usePasskey()} sx={{ mb: 2 }}>
              {translate('sitecare.passkeys.use')}
            </Button>
          )}
          {showField && (
            <TextField
              label={translate(withTotp ? 'sitecare.second_factor.code' : 'ra.auth.password')}
              type={withTotp ? 'text' : 'password'}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoComplete={withTotp ? 'one-time-code' : 'current-password'}
              error={Boolean(error)}
              helperText={error ? translate(error) : ' '}
              fullWidth
              autoFocus={!withPasskey}
            />
          )}
          {!showField && error && (
            <Typography role="alert" color="error" variant="body2">
              {translate(error)}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
          {showField && (
            <Button type="submit" variant="contained" disabled={busy || !value}>
              {translate('sitecare.second_factor.verify')}
            </Button>
          )}
        </DialogActions>
      </Box>
    </Dialog>
  );
};
