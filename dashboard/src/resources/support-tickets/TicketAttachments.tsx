// Files on ticket messages (issue 18): the list under a message (each a download link; the server
// authorises it like the ticket and serves it as a download), the file picker of the reply box, and
// the upload to `POST /attachments/message/<id>` (the session cookie; the custom header keeps other
// sites from posting).
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button as MuiButton, Chip, Link, Typography } from '@mui/material';
import { useId, useRef } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatBytes } from '../formatBytes';

export interface TicketAttachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export const MessageAttachments = ({ attachments }: { attachments?: TicketAttachment[] | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!attachments?.length) return null;
  return (
    <Box
      component="ul"
      aria-label={translate('sitecare.attachments.label')}
      sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}
    >
      {attachments.map((a) => (
        <Box component="li" key={a.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <AttachFileIcon fontSize="small" aria-hidden />
          <Link
            href={`/attachments/${a.id}`}
            download={a.filename}
            aria-label={translate('sitecare.attachments.download', {
              name: a.filename,
              size: formatBytes(a.sizeBytes, locale),
            })}
          >
            {a.filename}
          </Link>
          <Typography variant="caption" color="text.secondary">
            {formatBytes(a.sizeBytes, locale)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/** Uploads one file to a message; the server's message (naming what was wrong) on refusal. */
export async function uploadAttachment(messageId: string, file: File): Promise<TicketAttachment> {
  const res = await fetch(`/attachments/message/${messageId}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  const body = (await res.json().catch(() => ({}))) as TicketAttachment & { errors?: { message: string }[] };
  if (!res.ok) throw new Error(body.errors?.[0]?.message ?? res.statusText);
  return body;
}

/** The reply box's file picker: the chosen files as chips, each removable. */
export const AttachmentPicker = ({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const helpId = useId();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mt: 1 }}>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-describedby={helpId}
        data-testid="attachment-input"
        onChange={(event) => {
          onChange([...files, ...Array.from(event.target.files ?? [])].slice(0, 5));
          event.target.value = '';
        }}
      />
      <MuiButton size="small" startIcon={<AttachFileIcon />} onClick={() => input.current?.click()}>
        {translate('sitecare.attachments.choose')}
      </MuiButton>
      {files.map((file, i) => (
        <Chip
          key={`${file.name}-${i}`}
          label={file.name}
          onDelete={() => onChange(files.filter((_, j) => j !== i))}
          deleteIcon={<CloseIcon aria-label={translate('sitecare.attachments.remove', { name: file.name })} />}
        />
      ))}
      <Typography id={helpId} variant="caption" color="text.secondary" sx={{ width: '100%' }}>
        {translate('sitecare.attachments.help')}
      </Typography>
    </Box>
  );
};
