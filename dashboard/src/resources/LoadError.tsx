// Issue 25 item 7: a request that failed (offline, or the server) is an error with a retry, in the
// UI's language, never an empty list or page.
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, AlertTitle, Button } from '@mui/material';
import { Pagination, useListContext, useShowContext, useTranslate } from 'react-admin';

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

/** A list whose request failed (the theme makes it every List's `error` and `offline`). */
export const ListLoadError = () => {
  const { error, refetch } = useListContext();
  // Offline, react-query pauses the request: no error yet, and the network is the reason.
  return <LoadError error={error ?? { code: 'NETWORK_ERROR' }} onRetry={() => void refetch()} />;
};

/** A record page whose request failed (every Show's and Edit's `error`). */
export const RecordLoadError = () => {
  const { error, refetch } = useShowContext();
  return <LoadError error={error} onRetry={() => void refetch()} />;
};

/** A list's pagination, absent while the list shows its error (no "1–25 of 25" over nothing). */
export const ListPagination = () => {
  const { error } = useListContext();
  return error ? null : <Pagination />;
};
