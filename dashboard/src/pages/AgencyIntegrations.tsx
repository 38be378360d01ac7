// Agency settings (admins; issue 21): API keys, webhook endpoints with their delivery log, and the
// agency's website (allowed origins, a contact form to paste). Secrets (a key, a signing secret) are
// shown once, right after they are made, and never again.
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import { WEBHOOK_EVENTS } from '@sitecare/schema';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';

import { errorNotice, useFieldErrorText } from '../providers/errorMessages';
import { ApiError, graphqlRequest } from '../providers/graphqlRequest';
import { Section } from './AgencyAccounts';

interface ApiKey {
  id: string;
  name: string;
  role: 'EMPLOYEE' | 'READONLY';
  hint: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface Endpoint {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  status: 'ACTIVE' | 'FAILING';
}
interface Delivery {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  createdAt: string;
}

/** A secret shown once, read-only, ready to copy. */
function ShownOnce({ label, value }: { label: string; value: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2" role="status">
        {translate('sitecare.integrations.shown_once')}
      </Typography>
      <TextField
        label={label}
        value={value}
        slotProps={{ input: { readOnly: true } }}
        fullWidth
        size="small"
        margin="dense"
      />
    </Box>
  );
}

function useRun() {
  const notify = useNotify();
  return useCallback(
    async <T,>(query: string, variables?: Record<string, unknown>): Promise<T | Record<string, string>> => {
      try {
        return await graphqlRequest<T>(query, variables);
      } catch (error) {
        const fields = error instanceof ApiError ? error.fieldErrors : {};
        if (!Object.keys(fields).length) notify(errorNotice(error), { type: 'error' });
        return { __errors: JSON.stringify(fields) };
      }
    },
    [notify],
  );
}
const failed = (result: unknown): Record<string, string> | undefined =>
  result && typeof result === 'object' && '__errors' in result
    ? (JSON.parse(String((result as { __errors: string }).__errors)) as Record<string, string>)
    : undefined;

function useWhen() {
  const [locale] = useLocaleState();
  return (at: string) => new Date(at).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB');
}

function ApiKeys() {
  const translate = useTranslate();
  const fieldError = useFieldErrorText();
  const when = useWhen();
  const run = useRun();
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [role, setRole] = useState<ApiKey['role']>('EMPLOYEE');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<string | undefined>();
  const load = useCallback(() => {
    void graphqlRequest<{ apiKeys: ApiKey[] }>(
      'query ApiKeys { apiKeys { id name role hint expiresAt lastUsedAt revokedAt } }',
    ).then(({ apiKeys }) => setKeys(apiKeys));
  }, []);
  useEffect(load, [load]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run<{ apiKeyCreate: { key: string } }>(
      'mutation ApiKeyCreate($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key } }',
      { input: { name, role, expiresAt: expires ? new Date(expires).toISOString() : null } },
    );
    const fieldErrors = failed(result);
    setErrors(fieldErrors ?? {});
    if (fieldErrors) return;
    setShown((result as { apiKeyCreate: { key: string } }).apiKeyCreate.key);
    setName('');
    setExpires('');
    setRole('EMPLOYEE');
    load();
  };
  const revoke = async (id: string) => {
    await run('mutation ApiKeyRevoke($id: UUID!) { apiKeyRevoke(id: $id) { id } }', { id });
    load();
  };
  return (
    <Section
      id="agency-api-keys"
      title={translate('sitecare.integrations.keys.title')}
      help={translate('sitecare.integrations.keys.help')}
    >
      {shown ? <ShownOnce label={translate('sitecare.integrations.keys.new_key')} value={shown} /> : null}
      {keys.length ? (
        <List dense>
          {keys.map((key) => (
            <ListItem
              key={key.id}
              disableGutters
              secondaryAction={
                key.revokedAt ? null : (
                  <Button
                    color="error"
                    size="small"
                    aria-label={`${translate('sitecare.integrations.keys.revoke')}: ${key.name}`}
                    onClick={() => void revoke(key.id)}
                  >
                    {translate('sitecare.integrations.keys.revoke')}
                  </Button>
                )
              }
            >
              <ListItemText
                sx={{ pr: 10, overflowWrap: 'anywhere' }}
                primary={`${key.name} · sc_live_…${key.hint}`}
                secondary={[
                  translate(`sitecare.integrations.keys.role_${key.role}`),
                  key.revokedAt
                    ? translate('sitecare.integrations.keys.revoked', { when: when(key.revokedAt) })
                    : key.expiresAt
                      ? translate('sitecare.integrations.keys.expires_at', { when: when(key.expiresAt) })
                      : null,
                  key.lastUsedAt
                    ? translate('sitecare.integrations.keys.last_used', { when: when(key.lastUsedAt) })
                    : translate('sitecare.integrations.keys.never_used'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2">{translate('sitecare.integrations.none')}</Typography>
      )}
      <Box component="form" aria-label={translate('sitecare.integrations.keys.create')} onSubmit={create} noValidate>
        <TextField
          label={translate('sitecare.integrations.keys.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={Boolean(errors.name)}
          helperText={fieldError(errors.name)}
          fullWidth
          size="small"
          margin="dense"
        />
        <TextField
          select
          label={translate('sitecare.integrations.keys.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as ApiKey['role'])}
          error={Boolean(errors.role)}
          helperText={fieldError(errors.role) ?? translate(`sitecare.integrations.keys.role_${role}_help`)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          fullWidth
          size="small"
          margin="dense"
        >
          {(['EMPLOYEE', 'READONLY'] as const).map((value) => (
            <option key={value} value={value}>
              {translate(`sitecare.integrations.keys.role_${value}`)}
            </option>
          ))}
        </TextField>
        <TextField
          label={translate('sitecare.integrations.keys.expires')}
          type="date"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          error={Boolean(errors.expiresAt)}
          helperText={fieldError(errors.expiresAt)}
          slotProps={{ inputLabel: { shrink: true } }}
          fullWidth
          size="small"
          margin="dense"
        />
        <Button type="submit" variant="contained" sx={{ mt: 1 }}>
          {translate('sitecare.integrations.keys.create')}
        </Button>
      </Box>
    </Section>
  );
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const translate = useTranslate();
  const when = useWhen();
  const run = useRun();
  const [deliveries, setDeliveries] = useState<Delivery[] | undefined>();
  const load = useCallback(() => {
    void graphqlRequest<{ webhookDeliveries: Delivery[] }>(
      'query WebhookDeliveries($input: WebhookDeliveriesInput!) { webhookDeliveries(input: $input) { id eventType status attempts lastStatusCode lastAttemptAt createdAt } }',
      { input: { endpointId, take: 20 } },
    ).then(({ webhookDeliveries }) => setDeliveries(webhookDeliveries));
  }, [endpointId]);
  useEffect(load, [load]);
  if (!deliveries) return null;
  if (!deliveries.length)
    return <Typography variant="body2">{translate('sitecare.integrations.hooks.no_deliveries')}</Typography>;
  return (
    <List dense aria-label={translate('sitecare.integrations.hooks.log')}>
      {deliveries.map((d) => (
        <ListItem
          key={d.id}
          disableGutters
          secondaryAction={
            <Button
              size="small"
              onClick={() =>
                void run('mutation WebhookDeliveryReplay($id: UUID!) { webhookDeliveryReplay(id: $id) { id } }', {
                  id: d.id,
                }).then(load)
              }
            >
              {translate('sitecare.integrations.hooks.replay')}
            </Button>
          }
        >
          <ListItemText
            sx={{ pr: 12, overflowWrap: 'anywhere' }}
            primary={translate('sitecare.integrations.hooks.delivery', {
              event: d.eventType,
              status: d.status,
              attempts: d.attempts,
              code: d.lastStatusCode ?? '–',
              when: when(d.lastAttemptAt ?? d.createdAt),
            })}
          />
        </ListItem>
      ))}
    </List>
  );
}

function Webhooks() {
  const translate = useTranslate();
  const fieldError = useFieldErrorText();
  const run = useRun();
  const [endpoints, setEndpoints] = useState<Endpoint[]>([]);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<{ id: string; secret: string } | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const load = useCallback(() => {
    void graphqlRequest<{ webhookEndpoints: Endpoint[] }>(
      'query WebhookEndpoints { webhookEndpoints { id url events enabled status } }',
    ).then(({ webhookEndpoints }) => setEndpoints(webhookEndpoints));
  }, []);
  useEffect(load, [load]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run<{ webhookEndpointCreate: { secret: string; endpoint: { id: string } } }>(
      'mutation WebhookEndpointCreate($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { secret endpoint { id } } }',
      { input: { url, events } },
    );
    const fieldErrors = failed(result);
    setErrors(fieldErrors ?? {});
    if (fieldErrors) return;
    const { secret, endpoint } = (result as { webhookEndpointCreate: { secret: string; endpoint: { id: string } } })
      .webhookEndpointCreate;
    setShown({ id: endpoint.id, secret });
    setUrl('');
    setEvents([]);
    load();
  };
  const rotate = async (id: string) => {
    const result = await run<{ webhookEndpointRotateSecret: { secret: string } }>(
      'mutation WebhookEndpointRotateSecret($id: UUID!) { webhookEndpointRotateSecret(id: $id) { secret } }',
      { id },
    );
    if (!failed(result))
      setShown({
        id,
        secret: (result as { webhookEndpointRotateSecret: { secret: string } }).webhookEndpointRotateSecret.secret,
      });
  };
  const act = async (query: string, variables: Record<string, unknown>) => {
    await run(query, variables);
    load();
  };
  return (
    <Section
      id="agency-webhooks"
      title={translate('sitecare.integrations.hooks.title')}
      help={translate('sitecare.integrations.hooks.help')}
    >
      {endpoints.length ? null : <Typography variant="body2">{translate('sitecare.integrations.none')}</Typography>}
      {endpoints.map((endpoint) => (
        <Box key={endpoint.id} sx={{ borderTop: 1, borderColor: 'divider', py: 1 }}>
          <Typography variant="subtitle2" component="h3" sx={{ overflowWrap: 'anywhere' }}>
            {endpoint.url}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`sitecare.integrations.hooks.status.${endpoint.enabled ? endpoint.status : 'off'}`)} ·{' '}
            {endpoint.events.join(', ')}
          </Typography>
          {shown?.id === endpoint.id ? (
            <ShownOnce label={translate('sitecare.integrations.hooks.secret')} value={shown.secret} />
          ) : null}
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
            <Button
              size="small"
              variant="outlined"
              aria-label={`${translate('sitecare.integrations.hooks.log')}: ${endpoint.url}`}
              onClick={() => setOpen(open === endpoint.id ? undefined : endpoint.id)}
            >
              {translate('sitecare.integrations.hooks.log')}
            </Button>
            <Button
              size="small"
              title={translate('sitecare.integrations.hooks.rotate_help')}
              aria-label={`${translate('sitecare.integrations.hooks.rotate')}: ${endpoint.url}`}
              onClick={() => void rotate(endpoint.id)}
            >
              {translate('sitecare.integrations.hooks.rotate')}
            </Button>
            <Button
              size="small"
              onClick={() =>
                void act(
                  'mutation WebhookEndpointUpdate($input: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(input: $input) { id } }',
                  {
                    input: { id: endpoint.id, enabled: !endpoint.enabled },
                  },
                )
              }
            >
              {translate(
                endpoint.enabled ? 'sitecare.integrations.hooks.disable' : 'sitecare.integrations.hooks.enable',
              )}
            </Button>
            <Button
              size="small"
              color="error"
              aria-label={`${translate('sitecare.integrations.hooks.remove')}: ${endpoint.url}`}
              onClick={() =>
                void act('mutation WebhookEndpointDelete($id: UUID!) { webhookEndpointDelete(id: $id) }', {
                  id: endpoint.id,
                })
              }
            >
              {translate('sitecare.integrations.hooks.remove')}
            </Button>
          </Box>
          {open === endpoint.id ? <DeliveryLog endpointId={endpoint.id} /> : null}
        </Box>
      ))}
      <Box
        component="form"
        aria-label={translate('sitecare.integrations.hooks.create')}
        onSubmit={create}
        noValidate
        sx={{ mt: 2 }}
      >
        <TextField
          label={translate('sitecare.integrations.hooks.url')}
          value={url}
          type="url"
          onChange={(e) => setUrl(e.target.value)}
          error={Boolean(errors.url)}
          helperText={fieldError(errors.url)}
          fullWidth
          size="small"
          margin="dense"
        />
        <FormLabel component="legend" sx={{ mt: 1 }}>
          {translate('sitecare.integrations.hooks.events')}
        </FormLabel>
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))' }}>
          {WEBHOOK_EVENTS.map((name) => (
            <FormControlLabel
              key={name}
              label={name}
              control={
                <Checkbox
                  size="small"
                  checked={events.includes(name)}
                  onChange={(e) =>
                    setEvents((list) => (e.target.checked ? [...list, name] : list.filter((n) => n !== name)))
                  }
                />
              }
            />
          ))}
        </FormGroup>
        {errors.events ? (
          <Typography variant="caption" color="error">
            {errors.events}
          </Typography>
        ) : null}
        <Box>
          <Button type="submit" variant="contained" sx={{ mt: 1 }}>
            {translate('sitecare.integrations.hooks.create')}
          </Button>
        </Box>
      </Box>
    </Section>
  );
}

/** The contact form to paste on the agency's site: a plain form that posts to the website endpoint. */
export function contactSnippet(base: string, slug: string, consentText: string): string {
  return `<form id="sitecare-contact">
  <label>Namn / Name <input name="name" required></label>
  <label>E-post / E-mail <input name="email" type="email" required></label>
  <label>Meddelande / Message <textarea name="message" required></textarea></label>
  <label><input name="consent" type="checkbox" required> ${consentText}</label>
  <button>Skicka / Send</button>
  <p role="status"></p>
</form>
<script>
document.getElementById('sitecare-contact').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target, data = new FormData(form), status = form.querySelector('[role=status]');
  const input = { agency: ${JSON.stringify(slug)}, name: data.get('name'), email: data.get('email'),
    message: data.get('message'), consentGiven: data.get('consent') === 'on',
    consentText: ${JSON.stringify(consentText)}, sourcePage: location.href };
  const res = await fetch(${JSON.stringify(`${base}/public/${slug}/graphql`)}, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation LeadSubmit($input: LeadInput!) { leadSubmit(input: $input) }', variables: { input } }),
  });
  const body = await res.json();
  status.textContent = body.data && body.data.leadSubmit ? 'Tack! / Thank you!' : 'Något gick fel / Something went wrong';
  if (body.data && body.data.leadSubmit) form.reset();
});
</script>`;
}

function Website() {
  const translate = useTranslate();
  const fieldError = useFieldErrorText();
  const notify = useNotify();
  const run = useRun();
  const [slug, setSlug] = useState<string | undefined>();
  const [origins, setOrigins] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    void graphqlRequest<{ tenant: { slug: string; allowedOrigins: string[] } }>(
      'query TenantAllowedOrigins { tenant { slug allowedOrigins } }',
    ).then(({ tenant }) => {
      setSlug(tenant.slug);
      setOrigins(tenant.allowedOrigins.join('\n'));
    });
  }, []);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const list = origins
      .split(/\s+/)
      .map((o) => o.trim())
      .filter(Boolean);
    const result = await run(
      'mutation TenantAllowedOriginsSet($o: [String!]!) { tenantAllowedOriginsSet(origins: $o) { allowedOrigins } }',
      {
        o: list,
      },
    );
    const fieldErrors = failed(result);
    setError(fieldErrors?.origins);
    if (!fieldErrors) notify('sitecare.integrations.website.saved', { type: 'info' });
  };
  if (!slug) return null;
  const snippet = contactSnippet(
    window.location.origin,
    slug,
    'Jag vill bli kontaktad om min förfrågan. / I agree to be contacted about my request.',
  );
  return (
    <Section
      id="agency-website"
      title={translate('sitecare.integrations.website.title')}
      help={translate('sitecare.integrations.website.help')}
    >
      <Box component="form" aria-label={translate('sitecare.integrations.website.save')} onSubmit={save} noValidate>
        <TextField
          label={translate('sitecare.integrations.website.origins')}
          value={origins}
          onChange={(e) => setOrigins(e.target.value)}
          error={Boolean(error)}
          helperText={fieldError(error)}
          multiline
          minRows={2}
          fullWidth
          size="small"
          margin="dense"
        />
        <Button type="submit" variant="contained" sx={{ mt: 1 }}>
          {translate('sitecare.integrations.website.save')}
        </Button>
      </Box>
      <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
        {translate('sitecare.integrations.website.snippet')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('sitecare.integrations.website.snippet_help')}
      </Typography>
      <TextField
        label={translate('sitecare.integrations.website.snippet')}
        value={snippet}
        slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace', fontSize: 12 } } }}
        multiline
        maxRows={12}
        fullWidth
        size="small"
        margin="dense"
      />
    </Section>
  );
}

/** The three sections of the integrations (admins only: the page checks the role first). */
export default function AgencyIntegrations() {
  return (
    <>
      <ApiKeys />
      <Webhooks />
      <Website />
    </>
  );
}
