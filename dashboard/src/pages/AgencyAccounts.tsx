// Agency settings (admins; issue 17), second half: the agency's own payment accounts (Stripe, Mollie,
// PayPal), its own SMTP relay and its inbound e-mail token. Secrets go to the server and never come
// back: the screen shows only "saved, ending in …, checked …". The server checks each key with the
// provider and names a refused one; its message shows under that field.
import {
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';

import { StepUpDialog } from '../auth/StepUpDialog';
import { errorNotice, useFieldErrorText } from '../providers/errorMessages';
import { ApiError, graphqlRequest } from '../providers/graphqlRequest';

type Provider = 'STRIPE' | 'MOLLIE' | 'PAYPAL';
interface SecretState {
  field: string;
  set: boolean;
  last4: string | null;
  verifiedAt: string | null;
}
interface PaymentAccount {
  provider: Provider;
  connected: boolean;
  offered: boolean;
  environment: string | null;
  webhookPath: string;
  secrets: SecretState[];
}
interface Relay {
  host: string;
  port: number;
  user: string;
  fromAddress: string;
  passwordSet: boolean;
  passwordLast4: string | null;
  verifiedAt: string | null;
}
interface Accounts {
  paymentAccounts: PaymentAccount[];
  smtpRelay: Relay | null;
  inboundEmailTokenSet: boolean;
}

const STATE = `paymentAccounts { provider connected offered environment webhookPath secrets { field set last4 verifiedAt } }
  smtpRelay { host port user fromAddress passwordSet passwordLast4 verifiedAt } inboundEmailTokenSet`;
const QUERY = `query TenantPaymentAccounts { tenant { ${STATE} } }`;
const NAMES: Record<Provider, string> = { STRIPE: 'Stripe', MOLLIE: 'Mollie', PAYPAL: 'PayPal' };
/** The inputs of each provider's connect mutation, in the order the form shows them. */
const CONNECT: Record<Provider, { mutation: string; input: string; fields: string[] }> = {
  STRIPE: { mutation: 'tenantStripeAccountSet', input: 'StripeAccountInput', fields: ['secretKey', 'webhookSecret'] },
  MOLLIE: { mutation: 'tenantMollieAccountSet', input: 'MollieAccountInput', fields: ['apiKey'] },
  PAYPAL: {
    mutation: 'tenantPayPalAccountSet',
    input: 'PayPalAccountInput',
    fields: ['clientId', 'clientSecret', 'webhookId'],
  },
};
/** Fields that are not secrets are still write-only here; none is ever read back. */
const PLAIN = new Set(['clientId', 'webhookId']);

export const Section = ({
  id,
  title,
  help,
  children,
}: {
  id: string;
  title: string;
  help?: string;
  children: ReactNode;
}) => (
  <Card variant="outlined" component="section" aria-labelledby={id} sx={{ mb: 3 }}>
    <CardContent>
      <Typography id={id} component="h2" variant="h6" gutterBottom>
        {title}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {help}
        </Typography>
      ) : null}
      {children}
    </CardContent>
  </Card>
);

/**
 * Runs a mutation; field errors come back for the form, anything else is notified. Changing an
 * account needs a fresh second step (issue 20, S34): on STEP_UP_REQUIRED the dialog `stepUp` opens
 * and the mutation runs again once the step is done.
 */
function useSubmit() {
  const notify = useNotify();
  const [pendingStep, setPendingStep] = useState<{ again: () => void; cancel: () => void } | null>(null);
  const submit = useCallback(
    async function run<T>(
      query: string,
      variables: Record<string, unknown> | undefined,
      done: (data: T) => void,
    ): Promise<Record<string, string>> {
      try {
        done(await graphqlRequest<T>(query, variables));
        return {};
      } catch (error) {
        if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED')
          return new Promise((resolve) =>
            setPendingStep({
              again: () => {
                setPendingStep(null);
                void run(query, variables, done).then(resolve);
              },
              cancel: () => {
                setPendingStep(null);
                resolve({});
              },
            }),
          );
        const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
        if (!Object.keys(fieldErrors).length) notify(errorNotice(error), { type: 'error' });
        return fieldErrors;
      }
    },
    [notify],
  );
  const stepUp = (
    <StepUpDialog
      open={pendingStep !== null}
      onDone={() => pendingStep?.again()}
      onCancel={() => pendingStep?.cancel()}
    />
  );
  return { submit, stepUp };
}

function SecretLine({ secret, label }: { secret: SecretState; label: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!secret.set) return null;
  const when = secret.verifiedAt
    ? translate('sitecare.agency.accounts.verified', {
        when: new Date(secret.verifiedAt).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB'),
      })
    : '';
  return (
    <Typography variant="body2">
      {label}: {translate('sitecare.agency.accounts.set', { last4: secret.last4 ?? '' })}
      {when ? `, ${when}` : ''}
    </Typography>
  );
}

function ProviderAccount({ account, onChange }: { account: PaymentAccount; onChange: (next: Accounts) => void }) {
  const translate = useTranslate();
  const fieldError = useFieldErrorText();
  const notify = useNotify();
  const { submit, stepUp } = useSubmit();
  const { provider } = account;
  const spec = CONNECT[provider];
  const [values, setValues] = useState<Record<string, string>>({});
  const [environment, setEnvironment] = useState(account.environment ?? 'sandbox');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const name = NAMES[provider];
  const label = (field: string) => translate(`sitecare.agency.accounts.fields.${field}`);
  const id = `account-${provider.toLowerCase()}`;

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...Object.fromEntries(spec.fields.map((f) => [f, values[f] ?? ''])),
      ...(provider === 'PAYPAL' ? { environment } : {}),
    };
    const fieldErrors = await submit<Record<string, { id: string } & Accounts>>(
      `mutation Connect($input: ${spec.input}!) { ${spec.mutation}(input: $input) { id ${STATE} } }`,
      { input },
      (data) => {
        setValues({});
        onChange(data[spec.mutation]);
        notify('sitecare.agency.accounts.saved', { type: 'success', messageArgs: { provider: name } });
      },
    );
    setErrors(fieldErrors);
  };
  const disconnect = () =>
    submit<{ tenantPaymentAccountRemove: Accounts }>(
      `mutation Disconnect($provider: PaymentProvider!) { tenantPaymentAccountRemove(provider: $provider) { id ${STATE} } }`,
      { provider },
      (data) => {
        onChange(data.tenantPaymentAccountRemove);
        notify('sitecare.agency.accounts.removed', { type: 'info', messageArgs: { provider: name } });
      },
    );

  return (
    <>
      {stepUp}
      <Box component="form" aria-labelledby={id} onSubmit={connect} noValidate sx={{ mb: 3 }}>
        <Typography id={id} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {name}
        </Typography>
        <Typography variant="body2" color={account.connected ? 'success.dark' : 'text.secondary'}>
          {translate(
            account.connected
              ? 'sitecare.agency.accounts.connected'
              : account.offered
                ? 'sitecare.agency.accounts.fallback'
                : 'sitecare.agency.accounts.not_connected',
          )}
        </Typography>
        {account.secrets.map((s) => (
          <SecretLine key={s.field} secret={s} label={label(s.field)} />
        ))}
        <TextField
          label={translate('sitecare.agency.accounts.webhook', { provider: name })}
          value={`${window.location.origin}${account.webhookPath}`}
          slotProps={{ input: { readOnly: true } }}
          fullWidth
          size="small"
          margin="dense"
        />
        {spec.fields.map((field) => (
          <TextField
            key={field}
            name={`${provider.toLowerCase()}.${field}`}
            label={label(field)}
            type={PLAIN.has(field) ? 'text' : 'password'}
            autoComplete="off"
            value={values[field] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            error={Boolean(errors[field])}
            helperText={fieldError(errors[field])}
            fullWidth
            size="small"
            margin="dense"
          />
        ))}
        {provider === 'PAYPAL' ? (
          <FormControl margin="dense">
            <FormLabel id="paypal-environment">{translate('sitecare.agency.accounts.environment')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="paypal-environment"
              value={environment}
              onChange={(e) => setEnvironment(e.target.value)}
            >
              <FormControlLabel
                value="sandbox"
                control={<Radio />}
                label={translate('sitecare.agency.accounts.sandbox')}
              />
              <FormControlLabel value="live" control={<Radio />} label={translate('sitecare.agency.accounts.live')} />
            </RadioGroup>
          </FormControl>
        ) : null}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
          <Button type="submit" variant="contained">
            {account.connected
              ? translate('sitecare.agency.accounts.replace')
              : translate('sitecare.agency.accounts.connect', { provider: name })}
          </Button>
          {account.connected ? (
            <Button color="error" onClick={() => void disconnect()}>
              {translate('sitecare.agency.accounts.disconnect')}
            </Button>
          ) : null}
        </Box>
      </Box>
    </>
  );
}

const RELAY_FIELDS = ['host', 'port', 'user', 'password', 'fromAddress'] as const;

function SmtpRelay({ relay, onChange }: { relay: Relay | null; onChange: (next: Accounts) => void }) {
  const translate = useTranslate();
  const fieldError = useFieldErrorText();
  const notify = useNotify();
  const { submit, stepUp } = useSubmit();
  const [values, setValues] = useState<Record<string, string>>({
    host: relay?.host ?? '',
    port: String(relay?.port ?? 587),
    user: relay?.user ?? '',
    password: '',
    fromAddress: relay?.fromAddress ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const label = (field: string) => translate(`sitecare.agency.relay.fields.${field}`);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors = await submit<{ tenantSmtpRelaySet: Accounts }>(
      `mutation Relay($input: AgencySmtpRelayInput!) { tenantSmtpRelaySet(input: $input) { id ${STATE} } }`,
      { input: { ...values, port: Number(values.port) } },
      (data) => {
        setValues((v) => ({ ...v, password: '' }));
        onChange(data.tenantSmtpRelaySet);
        notify('sitecare.agency.relay.saved', { type: 'success' });
      },
    );
    setErrors(fieldErrors);
  };
  const remove = () =>
    submit<{ tenantSmtpRelayRemove: Accounts }>(
      `mutation TenantSmtpRelayRemove { tenantSmtpRelayRemove { id ${STATE} } }`,
      undefined,
      (data) => {
        onChange(data.tenantSmtpRelayRemove);
        notify('sitecare.agency.relay.removed', { type: 'info' });
      },
    );
  return (
    <Section
      id="agency-relay"
      title={translate('sitecare.agency.relay.title')}
      help={translate('sitecare.agency.relay.help')}
    >
      {stepUp}
      <Typography variant="body2">
        {relay
          ? translate('sitecare.agency.relay.current', {
              user: relay.user,
              host: relay.host,
              port: relay.port,
              from: relay.fromAddress,
            })
          : translate('sitecare.agency.relay.none')}
      </Typography>
      {relay ? (
        <SecretLine
          secret={{
            field: 'password',
            set: relay.passwordSet,
            last4: relay.passwordLast4,
            verifiedAt: relay.verifiedAt,
          }}
          label={label('password')}
        />
      ) : null}
      <Box component="form" aria-labelledby="agency-relay" onSubmit={save} noValidate>
        {RELAY_FIELDS.map((field) => (
          <TextField
            key={field}
            name={`relay.${field}`}
            label={label(field)}
            type={field === 'password' ? 'password' : field === 'port' ? 'number' : 'text'}
            autoComplete="off"
            value={values[field]}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            error={Boolean(errors[field])}
            helperText={fieldError(errors[field])}
            fullWidth
            size="small"
            margin="dense"
          />
        ))}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
          <Button type="submit" variant="contained">
            {translate('sitecare.agency.relay.save')}
          </Button>
          {relay ? (
            <Button color="error" onClick={() => void remove()}>
              {translate('sitecare.agency.relay.remove')}
            </Button>
          ) : null}
        </Box>
      </Box>
    </Section>
  );
}

function InboundToken({ set, onRotated }: { set: boolean; onRotated: () => void }) {
  const translate = useTranslate();
  const { submit, stepUp } = useSubmit();
  const [token, setToken] = useState<string | undefined>();
  const rotate = () =>
    submit<{ tenantInboundEmailTokenRotate: string }>(
      'mutation TenantInboundEmailTokenRotate { tenantInboundEmailTokenRotate }',
      undefined,
      (data) => {
        setToken(data.tenantInboundEmailTokenRotate);
        onRotated();
      },
    );
  return (
    <Section
      id="agency-inbound"
      title={translate('sitecare.agency.inbound.title')}
      help={translate('sitecare.agency.inbound.help')}
    >
      {stepUp}
      <Typography variant="body2">
        {translate(set ? 'sitecare.agency.inbound.set' : 'sitecare.agency.inbound.none')}
      </Typography>
      {token ? (
        <>
          <Typography variant="body2" role="status" sx={{ mt: 1 }}>
            {translate('sitecare.agency.inbound.shown_once')}
          </Typography>
          <TextField
            label={translate('sitecare.agency.inbound.token')}
            value={token}
            slotProps={{ input: { readOnly: true } }}
            fullWidth
            size="small"
            margin="dense"
          />
        </>
      ) : null}
      <Button variant="outlined" sx={{ mt: 1 }} onClick={() => void rotate()}>
        {translate('sitecare.agency.inbound.rotate')}
      </Button>
    </Section>
  );
}

/** The three sections, loaded together (admins only: the page checks the role first). */
export default function AgencyAccounts() {
  const translate = useTranslate();
  const [state, setState] = useState<Accounts | undefined>();
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    void graphqlRequest<{ tenant: Accounts }>(QUERY).then(({ tenant }) => setState(tenant));
  }, []);
  useEffect(load, [load]);
  const replace = useCallback((next: Accounts) => {
    setState(next);
    setVersion((v) => v + 1);
  }, []);
  if (!state) return null;
  return (
    <>
      <Section
        id="agency-accounts"
        title={translate('sitecare.agency.accounts.title')}
        help={translate('sitecare.agency.accounts.help')}
      >
        {state.paymentAccounts.map((account) => (
          <ProviderAccount key={`${account.provider}-${version}`} account={account} onChange={replace} />
        ))}
      </Section>
      <SmtpRelay key={`relay-${version}`} relay={state.smtpRelay} onChange={replace} />
      <InboundToken set={state.inboundEmailTokenSet} onRotated={load} />
    </>
  );
}
