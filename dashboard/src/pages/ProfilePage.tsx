// "My profile", for every role: your name and language, a new password, the second factor and the
// live sessions (issue 20); customers also keep their contact details current (P27).
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { type ReactNode, useEffect, useState } from 'react';
import {
  BooleanInput,
  Loading,
  PasswordInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { errorNotice } from '../providers/errorMessages';

import { MIN_PASSWORD_LENGTH, sameAs, validateNewPassword } from '../auth/passwordRules';
import { TotpSetup } from '../auth/SecondFactor';
import { MySessions } from '../auth/Sessions';
import { MyPasskeys } from '../auth/Passkeys';
import { StepUpDialog } from '../auth/StepUpDialog';
import { currentViewer, setViewer, VIEWER_FIELDS, type Viewer } from '../providers/authProvider';
import { ApiError, graphqlRequest } from '../providers/graphqlRequest';
import { languageChoices } from '../resources/choices';
import { useCountryChoices } from '../resources/countries';
import { formatPhone } from '../resources/PhoneField';

const PROFILE_UPDATE = `mutation ProfileUpdate($input: ProfileUpdateInput!) {
  profileUpdate(input: $input) { ${VIEWER_FIELDS} }
}`;
const MY_CONTACT = `query MyContact { me { contact { phone postalCode country } } }`;
const CONTACT_UPDATE = `mutation ContactUpdate($input: ProfileUpdateInput!) { profileUpdate(input: $input) { role } }`;

interface ContactValues {
  phone?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

/** P27: what the agency holds about a customer, which they may correct themselves. */
const MyContactDetails = () => {
  const notify = useNotify();
  const failure = useFailure();
  const countries = useCountryChoices();
  const [contact, setContact] = useState<ContactValues | null | undefined>(undefined);
  useEffect(() => {
    graphqlRequest<{ me: { contact: ContactValues | null } }>(MY_CONTACT).then(
      ({ me }) => setContact(me.contact),
      () => setContact(null),
    );
  }, []);
  if (!contact) return null;
  const save = async (values: ContactValues) => {
    try {
      await graphqlRequest(CONTACT_UPDATE, {
        input: { phone: values.phone ?? '', postalCode: values.postalCode ?? '', country: values.country ?? undefined },
      });
      notify('sitecare.profile.saved', { type: 'success' });
    } catch (error) {
      return failure(error);
    }
  };
  return (
    <Section id="profile-contact" title="sitecare.profile.contact_details">
      <SimpleForm record={contact} onSubmit={save} toolbar={<SaveOnly />}>
        <TextInput
          source="phone"
          label="sitecare.profile.phone"
          type="tel"
          autoComplete="tel"
          format={(value: string | null | undefined) => formatPhone(value)}
          helperText="sitecare.profile.phone_help"
        />
        <TextInput source="postalCode" label="sitecare.profile.postal_code" autoComplete="postal-code" />
        <SelectInput source="country" label="sitecare.profile.country" choices={countries} autoComplete="country" />
      </SimpleForm>
    </Section>
  );
};

const PASSWORD_CHANGE = `mutation PasswordChange($input: PasswordChangeInput!) { passwordChange(input: $input) }`;

interface PasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmation?: string;
}

/** What a failed call means for the form: field messages, or a notification. */
function useFailure() {
  const notify = useNotify();
  return (error: unknown) => {
    const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
    if (Object.keys(fieldErrors).length) return fieldErrors;
    notify(errorNotice(error), { type: 'error' });
    return undefined;
  };
}

/**
 * Issue 25: each form's own Save, in the form's card. react-admin fixes a form's toolbar to the
 * bottom of a phone's screen, which on this page stacked three Save bars on one spot (only the last
 * one showed): here the toolbar stays in the flow of its form at every width.
 */
const SaveOnly = ({ label }: { label?: string }) => (
  <Toolbar sx={{ '&.RaToolbar-mobileToolbar': { position: 'static', width: 'auto' } }}>
    <SaveButton label={label} />
  </Toolbar>
);

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-labelledby={id} sx={{ mb: 3 }}>
      <CardContent sx={{ pb: 0 }}>
        <Typography id={id} component="h2" variant="h6">
          {translate(title)}
        </Typography>
      </CardContent>
      {children}
    </Card>
  );
};

const TOTP_REMOVE = 'mutation TotpRemove { totpRemove }';
const ME = `query Me { me { ${VIEWER_FIELDS} } }`;

/** Issue 20: the viewer's authenticator app: set it up, or remove it (after a fresh second step). */
const SecondFactorSection = ({ viewer, onChange }: { viewer: Viewer; onChange: (viewer: Viewer) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [settingUp, setSettingUp] = useState(false);
  const [stepUp, setStepUp] = useState(false);
  const { totp, recoveryCodesLeft, required: mustHave } = viewer.secondFactor;

  const reload = async () => {
    const { me } = await graphqlRequest<{ me: Viewer }>(ME);
    setViewer(me);
    onChange(me);
  };

  const remove = async () => {
    try {
      await graphqlRequest(TOTP_REMOVE);
      notify('sitecare.second_factor.removed', { type: 'success' });
      await reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED') return setStepUp(true);
      notify(
        error instanceof ApiError && error.code === 'BAD_USER_INPUT'
          ? error.inputMessage
          : 'ra.notification.http_error',
        {
          type: 'error',
        },
      );
    }
  };

  if (settingUp) {
    return (
      <TotpSetup
        onDone={(next) => {
          setSettingUp(false);
          onChange(next);
        }}
      />
    );
  }
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {totp
          ? translate('sitecare.second_factor.status_on', { count: recoveryCodesLeft })
          : translate('sitecare.second_factor.status_off')}
        {mustHave ? ` ${translate('sitecare.second_factor.status_required')}` : ''}
      </Typography>
      {totp ? (
        mustHave && viewer.secondFactor.passkeys === 0 ? null : (
          <Button variant="outlined" color="error" onClick={remove}>
            {translate('sitecare.second_factor.remove')}
          </Button>
        )
      ) : (
        <Button variant="contained" onClick={() => setSettingUp(true)}>
          {translate('sitecare.second_factor.setup_start')}
        </Button>
      )}
      <StepUpDialog
        open={stepUp}
        onCancel={() => setStepUp(false)}
        onDone={() => {
          setStepUp(false);
          void remove();
        }}
      />
    </Box>
  );
};

export default function ProfilePage() {
  const translate = useTranslate();
  const notify = useNotify();
  const failure = useFailure();
  const { refetch: refetchIdentity } = useGetIdentity();
  const [, setLocale] = useLocaleState();
  const [viewer, setLocalViewer] = useState<Viewer | undefined>(currentViewer());
  const [passwordFormKey, setPasswordFormKey] = useState(0);

  if (!viewer) return <Loading />;

  const saveDetails = async (values: { name?: string; preferredLanguage?: string; ticketMail?: boolean }) => {
    try {
      const { profileUpdate } = await graphqlRequest<{ profileUpdate: Viewer }>(PROFILE_UPDATE, {
        input: {
          name: values.name?.trim(),
          preferredLanguage: values.preferredLanguage,
          ...(viewer.user.role === 'CUSTOMER' ? {} : { ticketMail: values.ticketMail ?? true }),
        },
      });
      const languageChanged = profileUpdate.user.preferredLanguage !== viewer.user.preferredLanguage;
      setViewer(profileUpdate);
      setLocalViewer(profileUpdate);
      void refetchIdentity();
      if (languageChanged) setLocale(profileUpdate.user.preferredLanguage);
      notify('sitecare.profile.saved', { type: 'success' });
    } catch (error) {
      return failure(error);
    }
  };

  const changePassword = async (values: PasswordValues) => {
    try {
      await graphqlRequest(PASSWORD_CHANGE, {
        input: { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' },
      });
      setPasswordFormKey((key) => key + 1); // an empty form again
      notify('sitecare.profile.password_changed', { type: 'success' });
    } catch (error) {
      return failure(error);
    }
  };

  const { user, tenant } = viewer;
  return (
    <Box sx={{ mt: 2, maxWidth: 640 }}>
      <Title title="sitecare.profile.title" />
      <Typography variant="h4" component="h1" gutterBottom>
        {translate('sitecare.profile.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('sitecare.profile.summary', {
          email: user.email,
          role: translate(`sitecare.roles.${user.role}`),
          agency: tenant.name,
        })}
      </Typography>

      <Section id="profile-details" title="sitecare.profile.details">
        <SimpleForm
          record={{ name: user.name, preferredLanguage: user.preferredLanguage, ticketMail: user.ticketMail ?? true }}
          onSubmit={saveDetails}
          toolbar={<SaveOnly />}
        >
          <TextInput source="name" label="resources.users.fields.name" autoComplete="name" validate={required()} />
          <SelectInput
            source="preferredLanguage"
            label="resources.users.fields.preferredLanguage"
            choices={languageChoices}
            validate={required()}
          />
          {user.role === 'CUSTOMER' ? null : (
            <BooleanInput
              source="ticketMail"
              label="sitecare.profile.ticket_mail"
              helperText="sitecare.profile.ticket_mail_help"
            />
          )}
        </SimpleForm>
      </Section>

      {user.role === 'CUSTOMER' ? <MyContactDetails /> : null}

      <Section id="profile-password" title="sitecare.profile.password_title">
        <SimpleForm
          key={passwordFormKey}
          onSubmit={changePassword}
          toolbar={<SaveOnly label="sitecare.profile.change_password" />}
        >
          <PasswordInput
            source="currentPassword"
            label="sitecare.password.current"
            autoComplete="current-password"
            validate={required()}
          />
          <PasswordInput
            source="newPassword"
            label="sitecare.password.new"
            autoComplete="new-password"
            helperText={translate('sitecare.password.hint', { min: MIN_PASSWORD_LENGTH })}
            validate={validateNewPassword}
          />
          <PasswordInput
            source="confirmation"
            label="sitecare.password.confirm"
            autoComplete="new-password"
            validate={[required(), sameAs('newPassword')]}
          />
        </SimpleForm>
      </Section>

      <Section id="profile-second-factor" title="sitecare.second_factor.title">
        <CardContent>
          <SecondFactorSection viewer={viewer} onChange={setLocalViewer} />
        </CardContent>
      </Section>

      <Section id="profile-passkeys" title="sitecare.passkeys.title">
        <CardContent>
          <MyPasskeys onChange={setLocalViewer} />
        </CardContent>
      </Section>

      <Section id="profile-sessions" title="sitecare.sessions.title">
        <CardContent>
          <MySessions />
        </CardContent>
      </Section>
    </Box>
  );
}
