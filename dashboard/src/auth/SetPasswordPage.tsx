// Invitation (`/invitation/:token`) and password reset (`/password-reset/:token`): choose a
// password, then the API logs the person in. The token comes from the link in the e-mail.
import { Alert, Box, Button, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  LinkBase,
  PasswordInput,
  required,
  useAuthProvider,
  useAuthState,
  useNavigate,
  useParams,
  useTranslate,
} from 'react-admin';

import type { LoginError } from '../providers/authProvider';
import { MIN_PASSWORD_LENGTH, sameAs, validateNewPassword } from './passwordRules';
import { PublicFrame } from './PublicFrame';

interface Values {
  password?: string;
  confirmation?: string;
}

export function SetPasswordPage({ purpose }: { purpose: 'invitation' | 'passwordReset' }) {
  const translate = useTranslate();
  const authProvider = useAuthProvider();
  const navigate = useNavigate();
  // The admin's routes already decided "not logged in" while this page showed; after the login
  // they must ask again before the home page opens, or they would log the new session out.
  const { refetch: recheckAuth } = useAuthState(undefined, false);
  const { token = '' } = useParams<{ token: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<LoginError>();
  const texts = purpose === 'invitation' ? 'sitecare.invitation' : 'sitecare.password_reset';

  const submit = async (values: Values) => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      await authProvider!.login({ token, password: values.password ?? '', purpose });
      await recheckAuth();
      navigate('/');
    } catch (error) {
      const loginError = error as LoginError;
      const { token: tokenError, ...fieldErrors } = loginError.fieldErrors ?? {};
      // Field messages go under their input; anything else (a dead link, say) above the form.
      if (tokenError || !Object.keys(fieldErrors).length) setFailure(loginError);
      return fieldErrors;
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PublicFrame title={`${texts}.title`}>
      <Typography sx={{ mb: 2 }}>{translate(`${texts}.intro`)}</Typography>
      {failure ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {translate(failure.message, failure.messageArgs)}
          {failure.message === 'sitecare.auth.errors.invalid_token' ? (
            <Box sx={{ mt: 1 }}>
              <Link component={LinkBase} to="/forgot-password">
                {translate('sitecare.password.request_new_link')}
              </Link>
            </Box>
          ) : null}
        </Alert>
      ) : null}
      <Form onSubmit={submit} noValidate>
        <PasswordInput
          source="password"
          label="sitecare.password.new"
          autoComplete="new-password"
          autoFocus
          helperText={translate('sitecare.password.hint', { min: MIN_PASSWORD_LENGTH })}
          validate={validateNewPassword}
        />
        <PasswordInput
          source="confirmation"
          label="sitecare.password.confirm"
          autoComplete="new-password"
          validate={[required(), sameAs('password')]}
        />
        <Button
          type="submit"
          variant="contained"
          fullWidth
          disabled={submitting}
          startIcon={submitting ? <CircularProgress size={18} aria-hidden="true" /> : undefined}
          sx={{ mt: 1 }}
        >
          {translate(`${texts}.submit`)}
        </Button>
      </Form>
    </PublicFrame>
  );
}

export const InvitationPage = () => <SetPasswordPage purpose="invitation" />;
export const PasswordResetPage = () => <SetPasswordPage purpose="passwordReset" />;
