// Issue 22: staff make a site agent's token (docs/site-agent.md) from the site page. The token is
// shown once, in a dialog, with the curl call filled in (this Sitecare's address, the site's id, the
// token) to copy onto the client's server; making a new one stops the old one at once. The token
// lives only in this component's state while the dialog is open.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/VpnKey';
import {
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  Button,
  Confirm,
  type RaRecord,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { graphqlRequest } from '../../providers/graphqlRequest';
import { Section } from '../Section';

const ROTATE = 'mutation SiteAgentTokenRotate($siteId: UUID!) { siteAgentTokenRotate(siteId: $siteId) }';

type AgentSite = RaRecord & { domain?: string; agentTokenCreatedAt?: string | null };

/** The backup report of docs/site-agent.md, with this site's values filled in. */
export function agentCurlExample(origin: string, siteId: string, token: string): string {
  return [
    `curl --fail-with-body -sS -X POST "${origin}/agent/v1/sites/${siteId}/backups" \\`,
    `  -H "Authorization: Bearer ${token}" -H 'content-type: application/json' \\`,
    `  -d '{"takenAt": "2026-12-06T03:00:00Z", "sizeBytes": 1048576, "checksum": "sha256:<hex>", "storage": "s3:backups", "kind": "FULL"}'`,
  ].join('\n');
}

const Copyable = ({ label, text, testId }: { label: string; text: string; testId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const labelId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notify('sitecare.credentials.copied', { type: 'info' });
    } catch {
      notify('sitecare.credentials.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography id={labelId} variant="subtitle2" sx={{ flex: 1 }}>
          {label}
        </Typography>
        <MuiButton size="small" startIcon={<ContentCopyIcon />} onClick={copy} aria-describedby={labelId}>
          {translate('sitecare.credentials.copy')}
        </MuiButton>
      </Box>
      <Box
        component="pre"
        data-testid={testId}
        aria-labelledby={labelId}
        tabIndex={0}
        sx={{
          m: 0,
          p: 1.5,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          fontFamily: 'monospace',
          fontSize: '0.85rem',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          maxWidth: '100%',
        }}
      >
        {text}
      </Box>
    </Box>
  );
};

export const SiteAgentToken = () => {
  const site = useRecordContext<AgentSite>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  if (!site) return null;

  const rotate = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const data = await graphqlRequest<{ siteAgentTokenRotate: string }>(ROTATE, { siteId: site.id });
      setToken(data.siteAgentTokenRotate);
    } catch {
      notify('sitecare.agent.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setToken(null);
    refresh();
  };
  const made = site.agentTokenCreatedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(site.agentTokenCreatedAt),
      )
    : null;

  return (
    <Section
      title="sitecare.agent.title"
      actions={
        <Button
          label={made ? 'sitecare.agent.rotate' : 'sitecare.agent.create'}
          onClick={() => (made ? setConfirming(true) : rotate())}
          disabled={busy}
        >
          <KeyIcon />
        </Button>
      }
    >
      <Typography variant="body2" color="text.secondary" data-testid="agent-token-state">
        {made ? translate('sitecare.agent.made', { date: made }) : translate('sitecare.agent.none')}
      </Typography>
      <Confirm
        isOpen={confirming}
        title="sitecare.agent.rotate_title"
        content="sitecare.agent.rotate_content"
        onConfirm={rotate}
        onClose={() => setConfirming(false)}
      />
      <Dialog open={token !== null} onClose={close} fullWidth maxWidth="md" aria-labelledby="agent-token-title">
        <DialogTitle id="agent-token-title">
          {translate('sitecare.agent.dialog_title', { domain: site.domain })}
        </DialogTitle>
        {token ? (
          <DialogContent>
            <DialogContentText>{translate('sitecare.agent.once')}</DialogContentText>
            <Copyable label={translate('sitecare.agent.token')} text={token} testId="agent-token" />
            <Copyable label={translate('sitecare.agent.site_id')} text={String(site.id)} testId="agent-site-id" />
            <Copyable
              label={translate('sitecare.agent.example')}
              text={agentCurlExample(window.location.origin, String(site.id), token)}
              testId="agent-curl"
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {translate('sitecare.agent.docs')}
            </Typography>
          </DialogContent>
        ) : null}
        <DialogActions>
          <Button label="sitecare.agent.done" onClick={close} variant="contained" />
        </DialogActions>
      </Dialog>
    </Section>
  );
};
