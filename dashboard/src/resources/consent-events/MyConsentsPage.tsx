// P13, P17, P22: the customer portal's "My consents": the current state per purpose × channel with a
// switch each, cookie preferences, pending policy changes to accept, and the full history.
import {
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useLocale, useNotify, useTranslate } from 'react-admin';

import { errorNotice } from '../../providers/errorMessages';
import { graphqlRequest } from '../../providers/graphqlRequest';

interface Purpose {
  key: string;
  legalBasis: string;
  /** The channels its consent is given on (the server's rule). */
  channels: string[];
  descriptionSv: string;
  descriptionEn: string;
}
interface Current {
  purposeKey: string;
  channel: string;
  granted: boolean;
}
interface HistoryEvent {
  id: string;
  createdAt: string;
  purposeKey: string;
  channel: string;
  decision: string;
  method: string;
}
interface Acceptance {
  acceptedAt: string | null;
  policyVersion: { id: string; version: string; language: string; text: string };
}
interface State {
  processingPurposes: Purpose[];
  myConsentAsksAge: boolean;
  myConsents: Current[];
  myConsentHistory: HistoryEvent[];
  myCookiePreferences: { analytics: boolean; marketing: boolean };
  myPolicyAcceptances: Acceptance[];
}

const LOAD = `query MyConsents {
  processingPurposes { key legalBasis channels descriptionSv descriptionEn }
  myConsentAsksAge
  myConsents { purposeKey channel granted }
  myConsentHistory { id createdAt purposeKey channel decision method }
  myCookiePreferences { analytics marketing }
  myPolicyAcceptances { acceptedAt policyVersion { id version language text } }
}`;
const SET = 'mutation MyConsentSet($i: ConsentChoiceInput!) { myConsentSet(input: $i) { decision } }';
const COOKIES =
  'mutation MyCookiePreferencesSet($i: MyCookiePreferencesInput!) { myCookiePreferencesSet(input: $i) { analytics } }';
const ACCEPT = 'mutation PolicyAccept($id: UUID!) { policyAccept(policyVersionId: $id) { acceptedAt } }';

/** The cookie banner's channel: its purposes are the cookie switches below, not a row of the table. */
const COOKIE_CHANNEL = 'WEB';

export default function MyConsentsPage() {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const [state, setState] = useState<State>();
  const [ageConfirmed, setAgeConfirmed] = useState(false);

  const load = useCallback(() => graphqlRequest<State>(LOAD).then(setState), []);
  useEffect(() => {
    load().catch((e: Error) => notify(errorNotice(e), { type: 'error' }));
  }, [load, notify]);

  const run = async (query: string, variables: Record<string, unknown>) => {
    try {
      await graphqlRequest(query, variables);
      await load();
      notify('sitecare.my_consents.saved', { type: 'info' });
    } catch (e) {
      notify(errorNotice(e), { type: 'error' });
    }
  };

  if (!state) return null;
  const granted = (purpose: string, channel: string) =>
    state.myConsents.some((c) => c.purposeKey === purpose && c.channel === channel && c.granted);
  // Issue 25: a switch only for each channel a purpose uses (the server's `channels`), columns for
  // the channels some purpose uses; the cookie banner's purposes are the cookie switches.
  const channelsOf = (p: Purpose) => p.channels.filter((c) => c !== COOKIE_CHANNEL);
  const purposes = state.processingPurposes.filter((p) => p.legalBasis === 'CONSENT' && channelsOf(p).length > 0);
  const CHANNELS = [...new Set(purposes.flatMap(channelsOf))];

  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2 }}>
      <Title title="sitecare.my_consents.title" />
      {state.myPolicyAcceptances
        .filter((a) => !a.acceptedAt)
        .map((a) => (
          <Card key={a.policyVersion.id}>
            <CardContent>
              <Typography variant="h6">
                {translate('sitecare.my_consents.policy_pending', { version: a.policyVersion.version })}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', my: 1 }}>{a.policyVersion.text}</Typography>
              <Button variant="contained" onClick={() => run(ACCEPT, { id: a.policyVersion.id })}>
                {translate('sitecare.my_consents.accept')}
              </Button>
            </CardContent>
          </Card>
        ))}
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('sitecare.my_consents.channels')}</Typography>
          {state.myConsentAsksAge ? (
            <FormControlLabel
              control={<Checkbox checked={ageConfirmed} onChange={(e) => setAgeConfirmed(e.target.checked)} />}
              label={translate('sitecare.my_consents.age_confirmed')}
            />
          ) : null}
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.consentEvents.fields.purposeKey')}</TableCell>
                {CHANNELS.map((c) => (
                  <TableCell key={c}>{translate(`sitecare.consent_channel.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {purposes.map((p) => (
                <TableRow key={p.key}>
                  <TableCell>
                    <strong>{translate(`sitecare.purpose.${p.key}`, { _: p.key })}</strong>
                    <br />
                    {locale === 'sv' ? p.descriptionSv : p.descriptionEn}
                  </TableCell>
                  {CHANNELS.map((channel) => {
                    const on = granted(p.key, channel);
                    if (!p.channels.includes(channel))
                      return (
                        <TableCell key={channel} aria-label={translate('sitecare.my_consents.channel_unused')}>
                          –
                        </TableCell>
                      );
                    return (
                      <TableCell key={channel}>
                        <Switch
                          checked={on}
                          slotProps={{
                            input: {
                              'aria-label': `${translate(`sitecare.purpose.${p.key}`, { _: p.key })} – ${translate(`sitecare.consent_channel.${channel}`)}`,
                            },
                          }}
                          onChange={() =>
                            run(SET, {
                              i: { purposeKey: p.key, channel, granted: !on, ...(on ? {} : { ageConfirmed }) },
                            })
                          }
                        />
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('sitecare.my_consents.cookies')}</Typography>
          <FormControlLabel control={<Switch checked disabled />} label={translate('sitecare.my_consents.necessary')} />
          {(['analytics', 'marketing'] as const).map((k) => (
            <FormControlLabel
              key={k}
              control={
                <Switch
                  checked={state.myCookiePreferences[k]}
                  onChange={() =>
                    run(COOKIES, { i: { ...state.myCookiePreferences, [k]: !state.myCookiePreferences[k] } })
                  }
                />
              }
              label={translate(`sitecare.my_consents.${k}`)}
            />
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('sitecare.my_consents.history')}</Typography>
          <Table size="small">
            <TableBody>
              {state.myConsentHistory.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{new Date(e.createdAt).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')}</TableCell>
                  <TableCell>{translate(`sitecare.purpose.${e.purposeKey}`, { _: e.purposeKey })}</TableCell>
                  <TableCell>{translate(`sitecare.consent_channel.${e.channel}`)}</TableCell>
                  <TableCell>{translate(`sitecare.consent_decision.${e.decision}`)}</TableCell>
                  <TableCell>{translate(`sitecare.consent_method.${e.method}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </Box>
  );
}
