// Issue 25 item 10: what an invitation did, honestly: on its way, or queued because no mail server
// is set up (it waits under Sent mail); outside production the API also gives the link to copy.
// Every invitation says it so: a new user (UserCreate) and a contact invited to the portal.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { type RaRecord, useNotify, useTranslate } from 'react-admin';

export const InvitationNotice = ({ user }: { user: RaRecord }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const link = typeof user.invitationLink === 'string' ? user.invitationLink : null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link ?? '');
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (permission, plain http): the link stays selectable
    }
  };
  return (
    <Alert severity={user.invitationQueued ? 'warning' : 'success'} sx={{ maxWidth: 640 }}>
      {translate(user.invitationQueued ? 'sitecare.invite_notice.queued' : 'sitecare.invite_notice.sent', {
        email: user.email,
      })}
      {link ? (
        <Box sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={translate('sitecare.invite_notice.link_label')}
            value={link}
            slotProps={{ htmlInput: { readOnly: true } }}
            onFocus={(event) => event.target.select()}
            sx={{ flex: '1 1 240px' }}
          />
          <Button size="small" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
            {translate(copied ? 'sitecare.invite_notice.copied' : 'sitecare.invite_notice.copy')}
          </Button>
        </Box>
      ) : null}
    </Alert>
  );
};

/** Tells what an invitation did: kept on screen while it offers a link to copy. */
export function useInvitationNotice(): (user: RaRecord) => void {
  const notify = useNotify();
  return (user) => notify(<InvitationNotice user={user} />, { autoHideDuration: user.invitationLink ? null : 8000 });
}
