// Issue 20, sessions you can see: "Sessions" on My profile (every live session of the viewer, which
// browser and device, the approximate address, started and last active; end any of them), and
// "End all sessions" on a user's page for admins (audited by the API).
import LogoutIcon from '@mui/icons-material/Logout';
import { Box, Button as MuiButton, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Confirm,
  useGetIdentity,
  useLocaleState,
  useLogout,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { roleMayCall } from '../providers/canAccess';
import { graphqlRequest } from '../providers/graphqlRequest';
import { useViewerRole } from '../providers/useViewerRole';

export const MY_SESSIONS =
  'query MySessions { mySessions { id browser os device place startedAt lastSeenAt current } }';
const SESSION_END = 'mutation SessionEnd($id: UUID!) { sessionEnd(id: $id) }';
const USER_SESSIONS_END = 'mutation UserSessionsEnd($id: UUID!) { userSessionsEnd(id: $id) }';

export interface SessionRow {
  id: string;
  browser: string | null;
  os: string | null;
  device: string | null;
  place: string | null;
  startedAt: string;
  lastSeenAt: string;
  current: boolean;
}

function useFormatTime() {
  const [locale] = useLocaleState();
  const sv = locale === 'sv';
  return (iso: string) =>
    new Date(iso).toLocaleString(sv ? 'sv-SE' : 'en-GB', { dateStyle: sv ? 'short' : 'medium', timeStyle: 'short' });
}

/** My profile: the viewer's live sessions, this one first. */
export const MySessions = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const time = useFormatTime();
  const [sessions, setSessions] = useState<SessionRow[] | undefined>();

  const load = useCallback(
    () =>
      graphqlRequest<{ mySessions: SessionRow[] }>(MY_SESSIONS).then(
        ({ mySessions }) => setSessions([...mySessions].sort((a, b) => Number(b.current) - Number(a.current))),
        () => notify('ra.notification.http_error', { type: 'error' }),
      ),
    [notify],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (!sessions) return null;

  const end = async (session: SessionRow) => {
    try {
      await graphqlRequest(SESSION_END, { id: session.id });
      if (session.current) return void logout();
      notify('sitecare.sessions.ended', { type: 'info' });
      await load();
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('sitecare.sessions.help')}
      </Typography>
      <List aria-labelledby="profile-sessions" disablePadding>
        {sessions.map((session) => {
          const browser = [session.browser, session.os].filter(Boolean).join(', ');
          const name = browser || translate('sitecare.sessions.unknown_browser');
          return (
            <ListItem
              key={session.id}
              divider
              disableGutters
              sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}
              data-testid="session"
            >
              <ListItemText
                sx={{ flex: '1 1 14rem', minWidth: 0 }}
                primary={
                  <>
                    {name}
                    {session.device ? ` · ${session.device}` : ''}
                    {session.current ? (
                      <Chip
                        size="small"
                        color="primary"
                        label={translate('sitecare.sessions.this_session')}
                        sx={{ ml: 1 }}
                      />
                    ) : null}
                  </>
                }
                secondary={[
                  session.place ? translate('sitecare.sessions.place', { place: session.place }) : null,
                  `${translate('sitecare.sessions.started', { time: time(session.startedAt) })}, ${translate(
                    'sitecare.sessions.last_seen',
                    { time: time(session.lastSeenAt) },
                  )}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
              <MuiButton
                variant="outlined"
                color="error"
                size="small"
                onClick={() => void end(session)}
                aria-label={translate('sitecare.sessions.end_label', { browser: name })}
              >
                {translate('sitecare.sessions.end')}
              </MuiButton>
            </ListItem>
          );
        })}
      </List>
      {sessions.length <= 1 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('sitecare.sessions.none')}
        </Typography>
      ) : null}
    </Box>
  );
};

/** A user's page: an admin logs the user out everywhere. */
export const EndAllSessionsButton = () => {
  const record = useRecordContext<{ id: string; name: string }>();
  const role = useViewerRole();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  if (!record || !roleMayCall(role, 'Mutation.userSessionsEnd') || record.id === identity?.id) return null;

  const endAll = async () => {
    setConfirming(false);
    try {
      const { userSessionsEnd } = await graphqlRequest<{ userSessionsEnd: number }>(USER_SESSIONS_END, {
        id: record.id,
      });
      notify('sitecare.sessions.end_all_done', {
        type: 'info',
        messageArgs: { name: record.name, smart_count: userSessionsEnd },
      });
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <>
      <Button label="sitecare.sessions.end_all" onClick={() => setConfirming(true)}>
        <LogoutIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        title="sitecare.sessions.end_all"
        content="sitecare.sessions.end_all_confirm"
        translateOptions={{ name: record.name }}
        onConfirm={endAll}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
