// Issue 20: setting up an authenticator app (QR code rendered here with `qrcode`, confirmed with a
// code, ten recovery codes shown once), and the set-up page a login is sent to when the agency
// requires a second factor.
import { Alert, Box, Button, CircularProgress, TextField, Typography } from '@mui/material';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useLogout, useRedirect, useTranslate } from 'react-admin';

import { authProvider, currentViewer, setViewer, VIEWER_FIELDS, type Viewer } from '../providers/authProvider';
import { graphqlRequest } from '../providers/graphqlRequest';
import { messageOf } from './StepUpDialog';
import { PublicFrame } from './PublicFrame';
import { AddPasskeyForm } from './Passkeys';

const SETUP_START = 'mutation TotpSetupStart { totpSetupStart { secret uri } }';
const SETUP_CONFIRM = `mutation TotpSetupConfirm($input: SecondStepInput!) {
  totpSetupConfirm(input: $input) { recoveryCodes viewer { ${VIEWER_FIELDS} } }
}`;

/** Start, scan, confirm; then the recovery codes, once, until `onDone`. */
export const TotpSetup = ({ onDone }: { onDone: (viewer: Viewer) => void }) => {
  const translate = useTranslate();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ codes: string[]; viewer: Viewer } | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { totpSetupStart } = await graphqlRequest<{ totpSetupStart: { secret: string; uri: string } }>(SETUP_START);
      const qr = await QRCode.toDataURL(totpSetupStart.uri, { margin: 1, width: 200 });
      setSetup({ secret: totpSetupStart.secret, qr });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { totpSetupConfirm } = await graphqlRequest<{
        totpSetupConfirm: { recoveryCodes: string[]; viewer: Viewer };
      }>(SETUP_CONFIRM, { input: { code: code.trim() } });
      setViewer(totpSetupConfirm.viewer);
      setDone({ codes: totpSetupConfirm.recoveryCodes, viewer: totpSetupConfirm.viewer });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Box>
        <Alert severity="success" sx={{ mb: 2 }}>
          {translate('sitecare.second_factor.enabled')}
        </Alert>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('sitecare.second_factor.recovery_help')}
        </Typography>
        <Box
          component="ul"
          aria-label={translate('sitecare.second_factor.recovery_codes')}
          sx={{ fontFamily: 'monospace', columns: 2, pl: 3 }}
        >
          {done.codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </Box>
        <Button variant="contained" onClick={() => onDone(done.viewer)}>
          {translate('sitecare.second_factor.saved_codes')}
        </Button>
      </Box>
    );
  }

  if (!setup) {
    return (
      <Box>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('sitecare.second_factor.setup_intro')}
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {translate(error)}
          </Alert>
        )}
        <Button variant="contained" onClick={start} disabled={busy}>
          {translate('sitecare.second_factor.setup_start')}
        </Button>
      </Box>
    );
  }

  return (
    <Box component="form" onSubmit={confirm} noValidate>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('sitecare.second_factor.scan')}
      </Typography>
      <img src={setup.qr} alt={translate('sitecare.second_factor.qr_alt')} width={200} height={200} />
      <Typography variant="body2" sx={{ my: 1 }}>
        {translate('sitecare.second_factor.manual')}{' '}
        <Box component="code" sx={{ wordBreak: 'break-all' }}>
          {setup.secret}
        </Box>
      </Typography>
      <TextField
        label={translate('sitecare.second_factor.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="one-time-code"
        inputProps={{ inputMode: 'numeric' }}
        error={Boolean(error)}
        helperText={error ? translate(error) : ' '}
        fullWidth
        autoFocus
      />
      <Button
        type="submit"
        variant="contained"
        disabled={busy || !code.trim()}
        startIcon={busy ? <CircularProgress size={18} aria-hidden="true" /> : undefined}
      >
        {translate('sitecare.second_factor.confirm')}
      </Button>
    </Box>
  );
};

/**
 * A fresh page as a logged-in user: nothing remembered of the half-logged-in state (a URL without the
 * fragment loads anew; no route of this page runs in between).
 */
const freshPage = () => window.location.assign(window.location.pathname + window.location.search);

/** Where a login goes when the agency requires a second factor the user has not set up: an app or a passkey. */
export const SecondFactorSetupPage = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const logout = useLogout();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // Only a login that owes the set-up belongs here; anyone else goes home (or to the login).
    authProvider.checkAuth({}).then(
      () => redirect('/'),
      () => (currentViewer()?.pendingStep === 'SETUP' ? setReady(true) : redirect('/login')),
    );
  }, [redirect]);
  if (!ready) return null;
  return (
    <PublicFrame title="sitecare.second_factor.setup_title">
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('sitecare.second_factor.required_notice')}
      </Alert>
      <TotpSetup onDone={freshPage} />
      <Typography variant="body2" sx={{ mt: 3 }}>
        {translate('sitecare.passkeys.setup_instead')}
      </Typography>
      <AddPasskeyForm onAdded={freshPage} />
      <Box sx={{ mt: 2, textAlign: 'center' }}>
        <Button onClick={() => void logout()}>{translate('ra.auth.logout')}</Button>
      </Box>
    </PublicFrame>
  );
};
