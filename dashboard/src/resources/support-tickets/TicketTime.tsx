// Time spent on a ticket (issue 18), for staff and the contractors assigned to its site: the entries,
// newest first, with their total, and a small form to log more. Customers never see this section
// (they read the monthly totals on their overview).
import TimerIcon from '@mui/icons-material/Timer';
import { Box, Button, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';

import { graphqlRequest } from '../../providers/graphqlRequest';
import { Section } from '../Section';

interface TimeEntry {
  id: string;
  minutes: number;
  note: string;
  spentAt: string;
  user?: { name?: string } | null;
}

const LOG = `mutation TicketTimeEntryCreate($t: UUID!, $i: TicketTimeEntryInput!) { ticketTimeEntryCreate(ticketId: $t, input: $i) { id } }`;

/** 90 → "1 h 30 min" (sv: "1 h 30 min" too). */
export const formatMinutes = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
};

export const TicketTime = () => {
  const ticket = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  if (!ticket) return null;
  const entries = (ticket.timeEntries as TimeEntry[] | undefined) ?? [];
  const total = entries.reduce((sum, e) => sum + e.minutes, 0);
  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= 1 && value <= 1440;

  const log = async () => {
    setPending(true);
    try {
      await graphqlRequest(LOG, { t: ticket.id, i: { minutes: value, ...(note.trim() ? { note: note.trim() } : {}) } });
      setMinutes('');
      setNote('');
      notify('sitecare.ticket_time.added', { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error)?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Section title="sitecare.ticket_time.title">
      {entries.length ? (
        <>
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {entries.map((e) => (
              <Box component="li" key={e.id} sx={{ py: 0.5, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="body2" sx={{ fontWeight: 600, minWidth: '5em' }}>
                  {formatMinutes(e.minutes)}
                </Typography>
                <Typography variant="body2" sx={{ flex: 1, minWidth: '10em' }}>
                  {e.note || '–'}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('sitecare.ticket_time.by', {
                    name: e.user?.name ?? '–',
                    date: new Date(e.spentAt).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB'),
                  })}
                </Typography>
              </Box>
            ))}
          </Box>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('sitecare.ticket_time.total', { time: formatMinutes(total) })}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('sitecare.ticket_time.empty')}
        </Typography>
      )}
      <Box
        component="form"
        sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}
        onSubmit={(event) => (event.preventDefault(), void log())}
      >
        <MuiTextField
          label={translate('sitecare.ticket_time.minutes')}
          type="number"
          size="small"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          slotProps={{ htmlInput: { min: 1, max: 1440, step: 1 } }}
          sx={{ width: '9em' }}
        />
        <MuiTextField
          label={translate('sitecare.ticket_time.note')}
          size="small"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          sx={{ flex: 1, minWidth: '12em' }}
        />
        <Button type="submit" variant="outlined" startIcon={<TimerIcon />} disabled={pending || !valid}>
          {translate('sitecare.ticket_time.add')}
        </Button>
      </Box>
    </Section>
  );
};
