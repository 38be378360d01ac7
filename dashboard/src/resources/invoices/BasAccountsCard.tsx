// Issue 19: the BAS accounts of the SIE export (admins): the defaults and the agency's changes,
// saved with basAccountsSet. A refused account is named under its field.
import { Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

import { useFieldErrorText } from '../../providers/errorMessages';
import { ApiError, graphqlRequest } from '../../providers/graphqlRequest';

export const BAS_FIELDS = [
  'salesDomestic',
  'salesEuReverseCharge',
  'salesOutsideEu',
  'salesOss',
  'outputVat',
  'receivables',
  'bank',
  'customerAdvances',
] as const;
type Accounts = Record<(typeof BAS_FIELDS)[number], number>;
const SELECTION = BAS_FIELDS.join(' ');

export const BasAccountsCard = () => {
  const translate = useTranslate();
  const fieldError = useFieldErrorText();
  const notify = useNotify();
  const headingId = useId();
  const [accounts, setAccounts] = useState<Record<string, string> | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    void graphqlRequest<{ basAccounts: Accounts }>(`query BasAccounts { basAccounts { ${SELECTION} } }`).then(
      ({ basAccounts }) => setAccounts(Object.fromEntries(BAS_FIELDS.map((f) => [f, String(basAccounts[f])]))),
    );
  }, []);
  if (!accounts) return null;
  const save = async () => {
    setErrors({});
    try {
      const input = Object.fromEntries(BAS_FIELDS.map((f) => [f, Number(accounts[f])]));
      const { basAccountsSet } = await graphqlRequest<{ basAccountsSet: Accounts }>(
        `mutation BasAccountsSet($i: BasAccountsInput!) { basAccountsSet(input: $i) { ${SELECTION} } }`,
        { i: input },
      );
      setAccounts(Object.fromEntries(BAS_FIELDS.map((f) => [f, String(basAccountsSet[f])])));
      notify('sitecare.bas.saved', { type: 'success' });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notify('ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
      <CardContent>
        <Typography id={headingId} component="h2" variant="h6">
          {translate('sitecare.bas.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('sitecare.bas.help')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' } }}>
          {BAS_FIELDS.map((field) => (
            <TextField
              key={field}
              size="small"
              label={translate(`sitecare.bas.fields.${field}`)}
              value={accounts[field]}
              onChange={(e) => setAccounts({ ...accounts, [field]: e.target.value })}
              error={!!errors[field]}
              helperText={fieldError(errors[field]) ?? ' '}
              slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]{4}' } }}
            />
          ))}
        </Box>
        <Button variant="contained" onClick={() => void save()}>
          {translate('sitecare.bas.save')}
        </Button>
      </CardContent>
    </Card>
  );
};
