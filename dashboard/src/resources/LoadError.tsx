// Issue 25 item 7: a request that failed (offline, or the server) is an error with a retry, in the
// UI's language, never an empty list or page.
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, AlertTitle, Button } from '@mui/material';
import { useTranslate } from 'react-admin';

import { errorMessageKey } from '../providers/errorMessages';

export const LoadError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      sx={{ my: 2 }}
      action={
        <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={onRetry}>
          {translate('sitecare.load_error.retry')}
        </Button>
      }
    >
      <AlertTitle>{translate('sitecare.load_error.title')}</AlertTitle>
      {translate(errorMessageKey(error))}
    </Alert>
  );
};
