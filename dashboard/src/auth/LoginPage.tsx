// The login page: e-mail and password, a link for a forgotten password, and a language choice.
import { Box, Button, CircularProgress, Link } from '@mui/material';
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
  useTranslate,
} from 'react-admin';

import type { LoginError } from '../providers/authProvider';
import { PublicFrame } from './PublicFrame';

interface Credentials {
  email: string;
  password: string;
}

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Partial<Credentials>) => {
    setSubmitting(true);
    try {
      await login({ email: values.email ?? '', password: values.password ?? '' });
    } catch (error) {
      const loginError = error as LoginError;
      notify(loginError.message, { type: 'error', messageArgs: loginError.messageArgs });
      return loginError.fieldErrors;
    } finally {
      setSubmitting(false);
    }
  };

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
        <Button
          type="submit"
          variant="contained"
          fullWidth
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={18} aria-hidden="true" /> : undefined}
          sx={{ mt: 1 }}
        >
          {translate('ra.auth.sign_in')}
        </Button>
      </Form>
      <Box sx={{ mt: 2, textAlign: 'center' }}>
        <Link component={LinkBase} to="/forgot-password">
          {translate('sitecare.auth.forgot_password_link')}
        </Link>
      </Box>
    </PublicFrame>
  );
};
