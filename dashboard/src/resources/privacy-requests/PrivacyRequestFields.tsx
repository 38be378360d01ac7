// The request's type, status and channel as translated chips; an overdue request is marked with an icon.
import ErrorIcon from '@mui/icons-material/Error';
import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { EnumChipField } from '../EnumChipField';

export const PRIVACY_TYPES = [
  'ACCESS',
  'RECTIFICATION',
  'ERASURE',
  'RESTRICTION',
  'OBJECTION',
  'PORTABILITY',
  'WITHDRAW_CONSENT',
] as const;
export const PRIVACY_STATUSES = ['RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED'] as const;
export const PRIVACY_CHANNELS = ['PUBLIC_PAGE', 'PORTAL', 'STAFF'] as const;

const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));
export const privacyTypeChoices = choices(PRIVACY_TYPES, 'sitecare.privacy_type');
export const privacyStatusChoices = choices(PRIVACY_STATUSES, 'sitecare.privacy_status');
export const privacyChannelChoices = choices(PRIVACY_CHANNELS, 'sitecare.privacy_channel');

export const PrivacyTypeField = () => <EnumChipField source="type" prefix="sitecare.privacy_type" />;
export const PrivacyChannelField = () => <EnumChipField source="channel" prefix="sitecare.privacy_channel" />;
export const PrivacyStatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.privacy_status"
    colors={{ COMPLETED: 'success', REJECTED: 'default', IN_PROGRESS: 'info' }}
  />
);

export const OverdueChip = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return <Chip size="small" color="error" icon={<ErrorIcon />} label={translate('sitecare.privacy.overdue')} />;
};

/** The show page's value: the chip when overdue, otherwise a plain "No" (never an empty label). */
export const OverdueValue = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.overdue) return <OverdueChip />;
  return <Typography variant="body2">{translate('sitecare.privacy.not_overdue')}</Typography>;
};
