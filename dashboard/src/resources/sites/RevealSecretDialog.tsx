// A revealed secret, shown for a short while: masked until asked, copyable, then hidden again and
// dropped. The secret lives only in this dialog's props (never a cache or the store).
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import {
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  LinearProgress,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { LabelledButton } from '../LabelledButton';

/** How long a revealed secret stays on screen. */
export const REVEAL_SECONDS = 30;

export interface RevealSecretDialogProps {
  /** The secret, or null when none is revealed (the dialog is closed). */
  secret: string | null;
  title: string;
  username?: string | null;
  /** Called when the person closes the dialog or the time is up; the caller forgets the secret. */
  onClose: (reason: 'closed' | 'expired') => void;
}

const SecretContent = ({
  secret,
  username,
  onExpired,
}: {
  secret: string;
  username?: string | null;
  onExpired: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [visible, setVisible] = useState(false);
  const [left, setLeft] = useState(REVEAL_SECONDS);
  const expired = useRef(onExpired);
  expired.current = onExpired;

  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => {
      const remaining = REVEAL_SECONDS - Math.floor((Date.now() - started) / 1000);
      if (remaining <= 0) {
        window.clearInterval(timer);
        expired.current();
      } else {
        setLeft(remaining);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify('sitecare.credentials.copied', { type: 'info' });
    } catch {
      notify('sitecare.credentials.copy_failed', { type: 'warning' });
    }
  };

  const toggleLabel = translate(visible ? 'sitecare.credentials.hide' : 'sitecare.credentials.show');
  const copyLabel = translate('sitecare.credentials.copy');
  return (
    <DialogContent>
      {username ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('resources.siteCredentials.fields.username')}:{' '}
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {username}
          </Box>
        </Typography>
      ) : null}
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          pl: 2,
          pr: 1,
          py: 0.5,
        }}
      >
        <Typography
          component="code"
          data-testid="revealed-secret"
          aria-label={translate('resources.siteCredentials.fields.secret')}
          sx={{ flex: 1, fontFamily: 'monospace', fontSize: '1.05rem', overflowWrap: 'anywhere' }}
        >
          {visible ? secret : '•'.repeat(Math.min(Math.max(secret.length, 8), 24))}
        </Typography>
        <Tooltip title={toggleLabel}>
          <IconButton aria-label={toggleLabel} aria-pressed={visible} onClick={() => setVisible(!visible)}>
            {visible ? <VisibilityOffIcon /> : <VisibilityIcon />}
          </IconButton>
        </Tooltip>
        <Tooltip title={copyLabel}>
          <IconButton aria-label={copyLabel} onClick={copy}>
            <ContentCopyIcon />
          </IconButton>
        </Tooltip>
      </Box>
      <LinearProgress variant="determinate" value={(left / REVEAL_SECONDS) * 100} aria-hidden sx={{ mt: 2, mb: 1 }} />
      <Typography variant="body2" color="text.secondary" role="timer">
        {translate('sitecare.credentials.hides_in', { smart_count: left })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('sitecare.credentials.logged')}
      </Typography>
    </DialogContent>
  );
};

export const RevealSecretDialog = ({ secret, title, username, onClose }: RevealSecretDialogProps) => {
  const titleId = useId();
  return (
    <Dialog open={secret !== null} onClose={() => onClose('closed')} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {secret !== null ? (
        <SecretContent secret={secret} username={username} onExpired={() => onClose('expired')} />
      ) : null}
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <LabelledButton label="ra.action.close" onClick={() => onClose('closed')} />
      </DialogActions>
    </Dialog>
  );
};
