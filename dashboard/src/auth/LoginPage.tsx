// The login page: e-mail and password, a link for a forgotten password, and a language choice; then,
// for a user with a second factor, the code from their authenticator app, a recovery code or a passkey;
// or a passkey alone, without a user name (issue 20).
import { Box, Button, CircularProgress, Divider, Link, Typography } from '@mui/material';
import { useState } from 'react';
import {
  email,
  Form,
  LinkBase,
  PasswordInput,
  required,
  TextInput,
  useLogin,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { currentViewer, PENDING_CODES, SECOND_FACTOR_SETUP_PATH, type LoginError } from '../providers/authProvider';
import { PublicFrame } from './PublicFrame';
import { answerWithPasskey, passkeyCancelled, passkeysSupported } from './passkeys';

interface Credentials {
  email: string;
  password: string;
}

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const redirect = useRedirect();
  const [submitting, setSubmitting] = useState(false);
  // A reload while the second step is owed comes back to it.
  const [step, setStep] = useState<'password' | 'code'>(() =>
    currentViewer()?.pendingStep === 'SECOND_FACTOR' ? 'code' : 'password',
  );

  const attempt = async (params: Parameters<typeof login>[0]) => {
    setSubmitting(true);
    try {
      await login(params);
    } catch (error) {
      const loginError = error as LoginError;
      if (loginError.code === PENDING_CODES.SECOND_FACTOR) return void setStep('code');
      if (loginError.code === PENDING_CODES.SETUP) return void redirect(SECOND_FACTOR_SETUP_PATH);
      notify(loginError.message, { type: 'error', messageArgs: loginError.messageArgs });
      return loginError.fieldErrors;
    } finally {
      setSubmitting(false);
    }
  };

  /** A passkey alone (LOGIN) or as the second step: the browser asks for it, then the login. */
  const withPasskey = async (use: 'LOGIN' | 'SECOND_STEP') => {
    let answer: string;
    setSubmitting(true);
    try {
      answer = await answerWithPasskey(use);
    } catch (error) {
      setSubmitting(false);
      if (!passkeyCancelled(error)) notify('sitecare.passkeys.failed', { type: 'error' });
      return;
    }
    await attempt({ passkey: answer, use });
  };

  const passkeyButton = (use: 'LOGIN' | 'SECOND_STEP') =>
    passkeysSupported() ? (
      <Button variant="outlined" fullWidth disabled={submitting} onClick={() => void withPasskey(use)} sx={{ mt: 1 }}>
        {translate(use === 'LOGIN' ? 'sitecare.passkeys.login' : 'sitecare.passkeys.use')}
      </Button>
    ) : null;

  const submitButton = (label: string) => (
    <Button
      type="submit"
      variant="contained"
      fullWidth
      disabled={submitting}
      startIcon={submitting ? <CircularProgress size={18} aria-hidden="true" /> : undefined}
      sx={{ mt: 1 }}
    >
      {translate(label)}
    </Button>
  );

  if (step === 'code') {
    return (
      <PublicFrame title="sitecare.second_factor.login_title">
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('sitecare.second_factor.login_help')}
        </Typography>
        <Form onSubmit={(values: { code?: string }) => attempt({ code: values.code ?? '' })} noValidate>
          <TextInput
            source="code"
            label="sitecare.second_factor.code"
            autoComplete="one-time-code"
            inputProps={{ inputMode: 'text', spellCheck: false }}
            autoFocus
            validate={required()}
            helperText="sitecare.second_factor.code_help"
          />
          {submitButton('sitecare.second_factor.verify')}
        </Form>
        {(currentViewer()?.secondFactor.passkeys ?? 0) > 0 && passkeyButton('SECOND_STEP')}
        <Box sx={{ mt: 2, textAlign: 'center' }}>
          <Link component="button" type="button" onClick={() => setStep('password')}>
            {translate('sitecare.second_factor.other_account')}
          </Link>
        </Box>
      </PublicFrame>
    );
  }

  const submit = (values: Partial<Credentials>) =>
    attempt({ email: values.email ?? '', password: values.password ?? '' });

  return (
    <PublicFrame title="ra.auth.sign_in">
      <Form onSubmit={submit} noValidate>
        <TextInput
          source="email"
          type="email"
          label="sitecare.auth.email"
          autoComplete="username"
          autoFocus
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        {submitButton('ra.auth.sign_in')}
      </Form>
      {passkeysSupported() && (
        <>
          <Divider sx={{ my: 2 }}>{translate('sitecare.passkeys.or')}</Divider>
          {passkeyButton('LOGIN')}
        </>
      )}
      <Box sx={{ mt: 2, textAlign: 'center' }}>
        <Link component={LinkBase} to="/forgot-password">
          {translate('sitecare.auth.forgot_password_link')}
        </Link>
      </Box>
    </PublicFrame>
  );
};
