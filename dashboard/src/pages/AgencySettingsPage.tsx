// "Agency settings" (admins; issue 17): the agency's company details, tax and payment details for
// invoices, mail sender, privacy contact and logo; then its payment accounts, SMTP relay and inbound
// e-mail token (AgencyAccounts). The server checks every number (check digits too)
// and names each bad field; its messages show under the fields.
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { type ChangeEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  email,
  Loading,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  useNotify,
  useTranslate,
} from 'react-admin';
import { errorNotice } from '../providers/errorMessages';

import { currentViewer, setViewer } from '../providers/authProvider';
import { roleMayCall } from '../providers/canAccess';
import AgencyAccounts from './AgencyAccounts';
import AgencyIntegrations from './AgencyIntegrations';
import { SecondFactorRolesCard } from '../auth/SecondFactorAdmin';
import { BasAccountsCard } from '../resources/invoices/BasAccountsCard';
import { ApiError, graphqlRequest } from '../providers/graphqlRequest';
import { useViewerRole } from '../providers/useViewerRole';
import { languageChoices } from '../resources/choices';
import { useCountryChoices } from '../resources/countries';

const FIELDS = `name legalName organisationNumber vatNumber addressLine1 addressLine2 postalCode city country
  timezone defaultLanguage currency vatRateBasisPoints fSkatt euPrivateVat invoiceDueDays bankgiro plusgiro iban bic
  supportEmail senderName brandColor
  privacyContactEmail supervisoryAuthorityName supervisoryAuthorityUrl contractRetentionYears logoUrl slug`;
const TENANT = `query TenantSettings { tenant { ${FIELDS} } }`;
const UPDATE = `mutation TenantUpdate($input: TenantUpdateInput!) { tenantUpdate(input: $input) { ${FIELDS} } }`;
const LOGO_SET = `mutation TenantLogoSet($input: TenantLogoInput!) { tenantLogoSet(input: $input) { ${FIELDS} } }`;
const LOGO_REMOVE = `mutation TenantLogoRemove { tenantLogoRemove { ${FIELDS} } }`;

type Agency = Record<string, string | number | boolean | null> & { name: string; logoUrl: string | null };
const EDITABLE = FIELDS.split(/\s+/).filter((f) => f && f !== 'logoUrl' && f !== 'slug');

const ZONES = (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []).map((id) => ({
  id,
  name: id,
}));

const label = (field: string) => `sitecare.agency.fields.${field}`;

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography component="h2" variant="h6" sx={{ mt: 2, mb: 1 }}>
    {children}
  </Typography>
);

const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const Logo = ({ agency, onChange }: { agency: Agency; onChange: (next: Agency) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    try {
      const { tenantLogoSet } = await graphqlRequest<{ tenantLogoSet: Agency }>(LOGO_SET, {
        input: { contentBase64: btoa(binary) },
      });
      onChange(tenantLogoSet);
      notify('sitecare.agency.logo_saved', { type: 'success' });
    } catch (error) {
      notify(errorNotice(error), { type: 'error' });
    }
  };
  const remove = async () => {
    const { tenantLogoRemove } = await graphqlRequest<{ tenantLogoRemove: Agency }>(LOGO_REMOVE);
    onChange(tenantLogoRemove);
    notify('sitecare.agency.logo_removed', { type: 'success' });
  };
  return (
    <Card variant="outlined" component="section" aria-labelledby="agency-logo" sx={{ mb: 3 }}>
      <CardContent>
        <Typography id="agency-logo" component="h2" variant="h6" gutterBottom>
          {translate('sitecare.agency.logo')}
        </Typography>
        {agency.logoUrl ? (
          <Box
            component="img"
            src={agency.logoUrl}
            alt={translate('sitecare.agency.logo_alt', { name: agency.name })}
            sx={{ maxWidth: '100%', maxHeight: 96, display: 'block', mb: 1 }}
          />
        ) : (
          <Typography color="text.secondary">{translate('sitecare.agency.no_logo')}</Typography>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('sitecare.agency.logo_help')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" component="label">
            {translate('sitecare.agency.logo_choose')}
            <input hidden type="file" accept="image/png,image/jpeg,image/webp" onChange={upload} />
          </Button>
          {agency.logoUrl ? (
            <Button color="error" onClick={remove}>
              {translate('sitecare.agency.logo_remove')}
            </Button>
          ) : null}
        </Box>
      </CardContent>
    </Card>
  );
};

export default function AgencySettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const role = useViewerRole();
  const countries = useCountryChoices();
  const [agency, setAgency] = useState<Agency | undefined>();
  const [formKey, setFormKey] = useState(0);
  const allowed = roleMayCall(role, 'Mutation.tenantUpdate');
  useEffect(() => {
    if (allowed) void graphqlRequest<{ tenant: Agency }>(TENANT).then(({ tenant }) => setAgency(tenant));
  }, [allowed]);
  const replace = useCallback((next: Agency) => {
    setAgency(next);
    setFormKey((key) => key + 1);
    // The app bar shows the agency's name, colour and logo: in step at once, without a reload.
    const viewer = currentViewer();
    if (viewer)
      setViewer({
        ...viewer,
        tenant: {
          ...viewer.tenant,
          name: next.name,
          brandColor: next.brandColor as string | null,
          logoUrl: next.logoUrl,
        },
      });
  }, []);

  if (role && !allowed) return <Typography sx={{ mt: 2 }}>{translate('ra.page.not_found')}</Typography>;
  if (!agency) return <Loading />;

  const save = async (values: Record<string, unknown>) => {
    const input = Object.fromEntries(EDITABLE.map((field) => [field, values[field] === '' ? null : values[field]]));
    try {
      const { tenantUpdate } = await graphqlRequest<{ tenantUpdate: Agency }>(UPDATE, { input });
      replace(tenantUpdate);
      notify('sitecare.agency.saved', { type: 'success' });
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      if (Object.keys(fieldErrors).length) return fieldErrors;
      notify(errorNotice(error), { type: 'error' });
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="sitecare.agency.title" />
      <Typography variant="h4" component="h1" gutterBottom>
        {translate('sitecare.agency.title')}
      </Typography>
      <Logo agency={agency} onChange={replace} />
      <SecondFactorRolesCard />
      <Card variant="outlined" component="section" aria-label={translate('sitecare.agency.title')}>
        <SimpleForm key={formKey} record={agency} onSubmit={save} toolbar={<SaveOnly />}>
          <Heading>{translate('sitecare.agency.company')}</Heading>
          <TextInput source="name" label={label('name')} validate={required()} />
          <TextInput source="brandColor" label={label('brandColor')} helperText={label('brandColor_help')} />
          <TextInput source="legalName" label={label('legalName')} autoComplete="organization" />
          <TextInput
            source="organisationNumber"
            label={label('organisationNumber')}
            helperText={label('organisationNumber_help')}
          />
          <TextInput source="vatNumber" label={label('vatNumber')} helperText={label('vatNumber_help')} />
          <Heading>{translate('sitecare.agency.address')}</Heading>
          <TextInput source="addressLine1" label={label('addressLine1')} autoComplete="address-line1" />
          <TextInput source="addressLine2" label={label('addressLine2')} autoComplete="address-line2" />
          <TextInput source="postalCode" label={label('postalCode')} autoComplete="postal-code" />
          <TextInput source="city" label={label('city')} autoComplete="address-level2" />
          <Heading>{translate('sitecare.agency.locale')}</Heading>
          <SelectInput source="country" label={label('country')} choices={countries} validate={required()} />
          <AutocompleteInput source="timezone" label={label('timezone')} choices={ZONES} validate={required()} />
          <SelectInput
            source="defaultLanguage"
            label={label('defaultLanguage')}
            choices={languageChoices}
            validate={required()}
          />
          <TextInput source="currency" label={label('currency')} validate={required()} />
          <Heading>{translate('sitecare.agency.invoicing')}</Heading>
          <NumberInput
            source="vatRateBasisPoints"
            label={label('vatRatePercent')}
            format={(bp?: number | null) => (bp == null ? '' : bp / 100)}
            parse={(percent: string) => (percent === '' ? null : Math.round(Number(percent) * 100))}
            validate={required()}
          />
          <BooleanInput source="fSkatt" label={label('fSkatt')} />
          <SelectInput
            source="euPrivateVat"
            label={label('euPrivateVat')}
            helperText={label('euPrivateVat_help')}
            choices={[
              { id: 'SWEDISH', name: label('euPrivateVat_SWEDISH') },
              { id: 'DESTINATION', name: label('euPrivateVat_DESTINATION') },
            ]}
            validate={required()}
          />
          <NumberInput
            source="invoiceDueDays"
            label={label('invoiceDueDays')}
            min={0}
            max={365}
            validate={required()}
          />
          <TextInput source="bankgiro" label={label('bankgiro')} />
          <TextInput source="plusgiro" label={label('plusgiro')} />
          <TextInput source="iban" label={label('iban')} />
          <TextInput source="bic" label={label('bic')} />
          <Heading>{translate('sitecare.agency.mail')}</Heading>
          <TextInput source="senderName" label={label('senderName')} helperText={label('senderName_help')} />
          <TextInput source="supportEmail" label={label('supportEmail')} type="email" validate={email()} />
          <Heading>{translate('sitecare.agency.privacy')}</Heading>
          <TextInput
            source="privacyContactEmail"
            label={label('privacyContactEmail')}
            type="email"
            validate={[required(), email()]}
          />
          <TextInput
            source="supervisoryAuthorityName"
            label={label('supervisoryAuthorityName')}
            validate={required()}
          />
          <TextInput source="supervisoryAuthorityUrl" label={label('supervisoryAuthorityUrl')} validate={required()} />
          <NumberInput
            source="contractRetentionYears"
            label={label('contractRetentionYears')}
            helperText={label('contractRetentionYears_help')}
            min={1}
            max={10}
            validate={required()}
          />
        </SimpleForm>
      </Card>
      <Box sx={{ mt: 3 }}>
        <BasAccountsCard />
        <AgencyAccounts />
        <AgencyIntegrations />
      </Box>
    </Box>
  );
}
