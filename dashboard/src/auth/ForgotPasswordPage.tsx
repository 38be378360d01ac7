// "Forgot your password?": asks for a reset link. The answer never says whether the address has
// an account, so the page shows the same confirmation whatever happened.
import { Alert, Box, Button, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { email, Form, LinkBase, required, TextInput, useTranslate } from 'react-admin';

import { graphqlRequest } from '../providers/graphqlRequest';
import { PublicFrame } from './PublicFrame';

const RESET_REQUEST = `mutation PasswordResetRequest($input: PasswordResetRequestInput!) {
  passwordResetRequest(input: $input)
}`;

export default function ForgotPasswordPage() {
  const translate = useTranslate();
  const [state, setState] = useState<'form' | 'sending' | 'done'>('form');

  const submit = async (values: { email?: string }) => {
    setState('sending');
    // Rate limits and unknown addresses look the same from here on purpose.
    await graphqlRequest(RESET_REQUEST, { input: { email: (values.email ?? '').trim() } }).catch(() => undefined);
    setState('done');
  };

  return (
    <PublicFrame title="sitecare.forgot.title">
      {state === 'done' ? (
        <Alert severity="info" role="status" sx={{ my: 2 }}>
          {translate('sitecare.forgot.done')}
        </Alert>
      ) : (
        <>
          <Typography sx={{ mb: 2 }}>{translate('sitecare.forgot.intro')}</Typography>
          <Form onSubmit={submit} noValidate>
            <TextInput
              source="email"
              type="email"
              label="sitecare.auth.email"
              autoComplete="email"
              autoFocus
              validate={[required(), email()]}
            />
            <Button
              type="submit"
              variant="contained"
              fullWidth
              disabled={state === 'sending'}
              startIcon={state === 'sending' ? <CircularProgress size={18} aria-hidden="true" /> : undefined}
            >
              {translate('sitecare.forgot.submit')}
            </Button>
          </Form>
        </>
      )}
      <Box sx={{ mt: 2, textAlign: 'center' }}>
        <Link component={LinkBase} to="/login">
          {translate('sitecare.forgot.back_to_login')}
        </Link>
      </Box>
    </PublicFrame>
  );
}
