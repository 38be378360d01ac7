// The portal's privacy tools (P27, P28, P33, P34): a customer files any request about their own data
// (no token: they are logged in), follows its status, downloads an export, and sees whom to ask and
// where to complain. Staff reach it from the menu too (issue 25): their own requests and exports;
// they file a request about themselves as anyone does, on the agency's public page.
import DownloadIcon from '@mui/icons-material/Download';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  MenuItem,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';

import { currentViewer } from '../providers/authProvider';
import { roleMayCall } from '../providers/canAccess';
import { errorNotice } from '../providers/errorMessages';
import { ApiError, graphqlRequest } from '../providers/graphqlRequest';
import { StepUpDialog } from '../auth/StepUpDialog';
import { PRIVACY_TYPES } from '../resources/privacy-requests/PrivacyRequestFields';
import { useViewerRole } from '../providers/useViewerRole';

interface MyRequest {
  id: string;
  type: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  exportAvailable: boolean;
}

const MINE = 'query MyPrivacyRequests { myPrivacyRequests { id type status receivedAt dueAt exportAvailable } }';
const FILE = 'mutation PrivacyRequestFile($i: PrivacyRequestPortalInput!) { privacyRequestFile(input: $i) { id } }';
const LINK = 'mutation PrivacyExportLink($id: UUID!) { privacyExportLink(requestId: $id) }';

export default function PrivacyToolsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const tenant = currentViewer()?.tenant;
  const files = roleMayCall(useViewerRole(), 'Mutation.privacyRequestFile');
  const [requests, setRequests] = useState<MyRequest[]>([]);
  const [type, setType] = useState<string>('ACCESS');
  const [details, setDetails] = useState('');
  const [pending, setPending] = useState(false);
  /** Issue 20 (S34): a staff login downloads its export after a fresh second step. */
  const [stepUpFor, setStepUpFor] = useState<string | null>(null);
  const format = (value: string) =>
    new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium' }).format(new Date(value));

  const load = useCallback(async () => {
    const { myPrivacyRequests } = await graphqlRequest<{ myPrivacyRequests: MyRequest[] }>(MINE);
    setRequests(myPrivacyRequests);
  }, []);
  useEffect(() => {
    load().catch((error: Error) => notify(errorNotice(error), { type: 'error' }));
  }, [load, notify]);

  const submit = async () => {
    setPending(true);
    try {
      await graphqlRequest(FILE, { i: { type, details: details.trim() || null } });
      setDetails('');
      notify('sitecare.privacy.tools.sent', { type: 'info' });
      await load();
    } catch (error) {
      notify(errorNotice(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  const download = async (id: string) => {
    try {
      const { privacyExportLink } = await graphqlRequest<{ privacyExportLink: string }>(LINK, { id });
      window.location.assign(privacyExportLink);
      setTimeout(() => void load(), 2000);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED') return setStepUpFor(id);
      notify(errorNotice(error), { type: 'error' });
    }
  };

  return (
    <Box sx={{ maxWidth: 760, mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('sitecare.privacy.tools.title')} />
      <Typography component="h1" variant="h5">
        {translate('sitecare.privacy.tools.title')}
      </Typography>
      {files ? (
        <Card>
          <CardContent sx={{ display: 'grid', gap: 2 }}>
            <Typography component="h2" variant="h6">
              {translate('sitecare.privacy.tools.file')}
            </Typography>
            <Typography>{translate('sitecare.privacy.tools.intro')}</Typography>
            <MuiTextField
              select
              label={translate('sitecare.privacy.tools.type')}
              value={type}
              onChange={(event) => setType(event.target.value)}
            >
              {PRIVACY_TYPES.map((t) => (
                <MenuItem key={t} value={t}>
                  {translate(`sitecare.privacy_type.${t}`)}
                </MenuItem>
              ))}
            </MuiTextField>
            <MuiTextField
              label={translate('sitecare.privacy.tools.details')}
              value={details}
              onChange={(event) => setDetails(event.target.value)}
              multiline
              minRows={2}
              inputProps={{ maxLength: 5000 }}
            />
            <Box>
              <Button variant="contained" onClick={() => void submit()} disabled={pending}>
                {translate('sitecare.privacy.tools.submit')}
              </Button>
            </Box>
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardContent>
          <Typography component="h2" variant="h6" gutterBottom>
            {translate('sitecare.privacy.tools.mine')}
          </Typography>
          {requests.length === 0 ? (
            <Typography color="text.secondary">{translate('sitecare.privacy.tools.none')}</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, '& > li': { py: 1 } }}>
              {requests.map((r) => (
                <li key={r.id}>
                  <Typography component="span" sx={{ fontWeight: 500, mr: 1 }}>
                    {translate(`sitecare.privacy_type.${r.type}`)}
                  </Typography>
                  <Chip size="small" variant="outlined" label={translate(`sitecare.privacy_status.${r.status}`)} />
                  <Typography variant="body2" color="text.secondary">
                    {translate('sitecare.privacy.tools.received', { date: format(r.receivedAt) })}
                    {' · '}
                    {translate('sitecare.privacy.tools.due', { date: format(r.dueAt) })}
                  </Typography>
                  {r.exportAvailable ? (
                    <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download(r.id)}>
                      {translate('sitecare.privacy.tools.download')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </Box>
          )}
        </CardContent>
      </Card>
      {tenant ? (
        <Card>
          <CardContent>
            <Typography>
              {translate('sitecare.privacy.tools.contact', { email: tenant.privacyContactEmail })}
            </Typography>
            <Typography>
              {translate('sitecare.privacy.tools.authority', { name: tenant.supervisoryAuthorityName })}{' '}
              <Link href={tenant.supervisoryAuthorityUrl} target="_blank" rel="noopener noreferrer">
                {tenant.supervisoryAuthorityUrl}
              </Link>
            </Typography>
          </CardContent>
        </Card>
      ) : null}
      <StepUpDialog
        open={stepUpFor !== null}
        onCancel={() => setStepUpFor(null)}
        onDone={() => {
          const id = stepUpFor;
          setStepUpFor(null);
          if (id) void download(id);
        }}
      />
    </Box>
  );
}
