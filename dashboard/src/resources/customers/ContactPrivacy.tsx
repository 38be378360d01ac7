// A contact's privacy state where staff work with the person (issue 23): a restricted person (Art.
// 18) or one who objects (Art. 21) is marked on their row and in a banner over the contacts, a
// suspected minor shows the erasure deadline (P2); staff flag a suspected minor, record a parent's
// consent, and invite the person to the portal. Each action is offered when the role may call its
// mutation (the permission matrix), and the API's per-field messages show under the inputs.
import ChildCareIcon from '@mui/icons-material/ChildCare';
import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import GavelIcon from '@mui/icons-material/Gavel';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  email,
  NumberInput,
  type RaRecord,
  required,
  TextInput,
  useLocale,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { roleMayCall } from '../../providers/canAccess';
import { ApiError, graphqlRequest } from '../../providers/graphqlRequest';
import { useViewerRole } from '../../providers/useViewerRole';
import { ConfirmAction } from '../ConfirmAction';
import { useInvitationNotice } from '../users/InvitationNotice';
import { FormDialog } from '../FormDialog';
import { RowActionButton } from '../RowActionButton';

type ContactRecord = RaRecord & {
  name?: string;
  processingRestrictedAt?: string | null;
  marketingObjectedAt?: string | null;
  minorStatus?: 'NONE' | 'SUSPECTED' | 'PARENTAL_CONSENT';
  minorErasureDueAt?: string | null;
  erasedAt?: string | null;
};

const MINOR_FLAG = `mutation ContactMinorFlag($contactId: UUID!, $input: MinorFlagInput) {
  contactMinorFlag(contactId: $contactId, input: $input) { id minorStatus minorErasureDueAt }
}`;
const PARENTAL_CONSENT = `mutation ContactParentalConsent($contactId: UUID!, $input: ParentalConsentInput!) {
  contactParentalConsent(contactId: $contactId, input: $input) { id minorStatus }
}`;
const LEGAL_BASES = `query ContactLegalBases($id: UUID!) {
  contact(id: $id) { id legalBases { key basis categories heldUntil } }
}`;
// Issue 25: what the invitation did (queued without a mail server; the link outside production).
const PORTAL_INVITE = `mutation ContactPortalInvite($id: UUID!) {
  contactPortalInvite(id: $id) { id email invitationQueued invitationLink }
}`;

/** The API's field messages under the dialog's inputs (FormDialog reads `body.errors`). */
async function call(query: string, variables: Record<string, unknown>) {
  try {
    return await graphqlRequest(query, variables);
  } catch (error) {
    if (error instanceof ApiError) throw { message: error.inputMessage, body: { errors: error.fieldErrors } };
    throw error;
  }
}

/** Chips for what limits the processing of this person's data. */
export const ContactPrivacyField = () => {
  const contact = useRecordContext<ContactRecord>();
  const translate = useTranslate();
  const locale = useLocale();
  if (!contact) return null;
  const chips: { key: string; label: string; color: 'warning' | 'info' | 'default' }[] = [];
  if (contact.processingRestrictedAt)
    chips.push({ key: 'restricted', label: translate('sitecare.contact_privacy.restricted'), color: 'warning' });
  if (contact.marketingObjectedAt)
    chips.push({ key: 'objected', label: translate('sitecare.contact_privacy.objected'), color: 'default' });
  if (contact.minorStatus === 'SUSPECTED')
    chips.push({
      key: 'minor',
      label: contact.minorErasureDueAt
        ? translate('sitecare.contact_privacy.minor_until', {
            date: new Date(contact.minorErasureDueAt).toLocaleDateString(locale),
          })
        : translate('sitecare.contact_privacy.minor'),
      color: 'warning',
    });
  if (contact.minorStatus === 'PARENTAL_CONSENT')
    chips.push({ key: 'parent', label: translate('sitecare.contact_privacy.parental_consent'), color: 'info' });
  if (!chips.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {chips.map((chip) => (
        <Chip key={chip.key} size="small" variant="outlined" color={chip.color} label={chip.label} />
      ))}
    </Box>
  );
};

/** Over a customer's contacts: who is restricted or objects, so nobody processes them by mistake. */
export const ContactPrivacyBanner = () => {
  const customer = useRecordContext<RaRecord & { contacts?: ContactRecord[] }>();
  const translate = useTranslate();
  const restricted = (customer?.contacts ?? []).filter((c) => c.processingRestrictedAt && !c.erasedAt);
  const objecting = (customer?.contacts ?? []).filter((c) => c.marketingObjectedAt && !c.erasedAt);
  if (!restricted.length && !objecting.length) return null;
  return (
    <Box sx={{ display: 'grid', gap: 1, mb: 2 }}>
      {restricted.length ? (
        <Alert severity="warning">
          {translate('sitecare.contact_privacy.restricted_banner', {
            names: restricted.map((c) => c.name).join(', '),
            smart_count: restricted.length,
          })}
        </Alert>
      ) : null}
      {objecting.length ? (
        <Alert severity="info">
          {translate('sitecare.contact_privacy.objected_banner', {
            names: objecting.map((c) => c.name).join(', '),
            smart_count: objecting.length,
          })}
        </Alert>
      ) : null}
    </Box>
  );
};

export const MinorFlagButton = () => {
  const contact = useRecordContext<ContactRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const allowed = roleMayCall(useViewerRole(), 'Mutation.contactMinorFlag');
  if (!contact || !allowed || contact.erasedAt || contact.minorStatus !== 'NONE') return null;
  const save = async (values: Record<string, unknown>) => {
    await call(MINOR_FLAG, { contactId: contact.id, input: { days: Number(values.days) } });
    notify('sitecare.contact_privacy.minor_flagged', { type: 'info', messageArgs: { name: contact.name } });
    refresh();
  };
  return (
    <>
      <RowActionButton
        label="sitecare.contact_privacy.flag_minor"
        labelArgs={{ name: contact.name }}
        icon={<ChildCareIcon />}
        onClick={() => setOpen(true)}
      />
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.contact_privacy.flag_minor_title"
        titleArgs={{ name: contact.name }}
        resource="contacts"
        record={{ days: 30 }}
        save={save}
        saveLabel="sitecare.contact_privacy.flag_minor_save"
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          <FlagMinorHelp />
        </Alert>
        <NumberInput
          source="days"
          label="sitecare.contact_privacy.days"
          min={1}
          max={365}
          validate={required()}
          helperText="sitecare.contact_privacy.days_help"
        />
      </FormDialog>
    </>
  );
};

const FlagMinorHelp = () => <>{useTranslate()('sitecare.contact_privacy.flag_minor_help')}</>;

export const ParentalConsentButton = () => {
  const contact = useRecordContext<ContactRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const allowed = roleMayCall(useViewerRole(), 'Mutation.contactParentalConsent');
  if (!contact || !allowed || contact.minorStatus !== 'SUSPECTED') return null;
  const save = async (values: Record<string, unknown>) => {
    await call(PARENTAL_CONSENT, {
      contactId: contact.id,
      input: { parentName: values.parentName, parentEmail: values.parentEmail, method: values.method },
    });
    notify('sitecare.contact_privacy.parental_recorded', { type: 'info', messageArgs: { name: contact.name } });
    refresh();
  };
  return (
    <>
      <RowActionButton
        label="sitecare.contact_privacy.record_parent"
        labelArgs={{ name: contact.name }}
        icon={<FamilyRestroomIcon />}
        onClick={() => setOpen(true)}
      />
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="sitecare.contact_privacy.record_parent_title"
        titleArgs={{ name: contact.name }}
        resource="contacts"
        record={{}}
        save={save}
      >
        <TextInput source="parentName" label="sitecare.contact_privacy.parent_name" validate={required()} />
        <TextInput
          source="parentEmail"
          label="sitecare.contact_privacy.parent_email"
          type="email"
          validate={[required(), email()]}
        />
        <TextInput
          source="method"
          label="sitecare.contact_privacy.method"
          helperText="sitecare.contact_privacy.method_help"
          validate={required()}
        />
      </FormDialog>
    </>
  );
};

export const PortalInviteButton = () => {
  const contact = useRecordContext<ContactRecord>();
  const allowed = roleMayCall(useViewerRole(), 'Mutation.contactPortalInvite');
  const invitationNotice = useInvitationNotice();
  if (!contact || !allowed || contact.erasedAt) return null;
  return (
    <ConfirmAction
      trigger={(open) => (
        <RowActionButton
          label="sitecare.contact_privacy.invite"
          labelArgs={{ name: contact.name }}
          icon={<ForwardToInboxIcon />}
          onClick={open}
        />
      )}
      title="sitecare.contact_privacy.invite_title"
      content="sitecare.contact_privacy.invite_content"
      translateOptions={{ name: contact.name, email: contact.email }}
      confirmLabel="sitecare.contact_privacy.invite_send"
      run={() => graphqlRequest<{ contactPortalInvite: RaRecord }>(PORTAL_INVITE, { id: contact.id })}
      done={(result) => invitationNotice((result as { contactPortalInvite: RaRecord }).contactPortalInvite)}
    />
  );
};

interface LegalBasisHolding {
  key: 'contract' | 'accounting';
  basis: string;
  categories: string[];
  heldUntil: string | null;
}

/**
 * Issue 23: which of the person's data is held under which legal basis, until when. The dates are the
 * server's (`Contact.legalBases`: the contract's end by `sitecare_contract_ends`, the accounting hold
 * by the Bookkeeping Act's rule); this only shows them.
 */
export const LegalBasesButton = () => {
  const contact = useRecordContext<ContactRecord>();
  const translate = useTranslate();
  const locale = useLocale();
  const titleId = useId();
  const [holdings, setHoldings] = useState<LegalBasisHolding[] | null>(null);
  const [open, setOpen] = useState(false);
  if (!contact || contact.erasedAt) return null;
  const show = async () => {
    setOpen(true);
    setHoldings(null);
    const data = (await graphqlRequest(LEGAL_BASES, { id: contact.id })) as {
      contact: { legalBases: LegalBasisHolding[] };
    };
    setHoldings(data.contact.legalBases);
  };
  const day = (iso: string) => new Date(iso).toLocaleDateString(locale);
  const until = (h: LegalBasisHolding) =>
    h.key === 'accounting'
      ? translate('sitecare.legal_bases.accounting_until', { date: day(h.heldUntil!) })
      : h.heldUntil
        ? translate('sitecare.legal_bases.contract_until', { date: day(h.heldUntil) })
        : translate('sitecare.legal_bases.contract_running');
  return (
    <>
      <RowActionButton
        label="sitecare.legal_bases.show"
        labelArgs={{ name: contact.name }}
        icon={<GavelIcon />}
        onClick={() => void show()}
      />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate('sitecare.legal_bases.title', { name: contact.name })}</DialogTitle>
        <DialogContent>
          {holdings === null ? null : (
            <List dense>
              {holdings.map((h) => (
                <ListItem key={h.key} disableGutters>
                  <ListItemText
                    primary={`${translate(`sitecare.legal_basis.${h.basis}`)}: ${h.categories
                      .map((c) => translate(`sitecare.legal_bases.data.${c}`))
                      .join(', ')}`}
                    secondary={until(h)}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
