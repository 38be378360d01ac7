// A site's platform, status and care package, and a credential's kind, in the UI language.
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DoNotDisturbOnIcon from '@mui/icons-material/DoNotDisturbOn';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import { Typography } from '@mui/material';
import { type RaRecord, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { EnumChipField } from '../EnumChipField';

export const SitePlatformField = () => <EnumChipField source="platform" prefix="sitecare.site_platform" />;

export const SiteStatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.site_status"
    colors={{ ACTIVE: 'success', PAUSED: 'warning' }}
    icons={{ ACTIVE: <CheckCircleIcon />, PAUSED: <PauseCircleIcon />, ENDED: <DoNotDisturbOnIcon /> }}
  />
);

export const CredentialKindField = () => <EnumChipField source="kind" prefix="sitecare.credential_kind" />;

/** A care package's name in the UI language (packages carry both). */
export const packageName = (servicePackage: RaRecord | null | undefined, locale: string): string =>
  servicePackage ? String((locale === 'sv' ? servicePackage.nameSv : servicePackage.nameEn) ?? '') : '';

export const ServicePackageField = () => {
  const site = useRecordContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const name = packageName(site?.servicePackage as RaRecord | null | undefined, locale);
  return (
    <Typography component="span" variant="body2" color={name ? undefined : 'text.secondary'}>
      {name || translate('sitecare.sites.no_package')}
    </Typography>
  );
};
