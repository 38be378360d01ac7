// A user's role and status as translated chips.
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import MailOutlineIcon from '@mui/icons-material/MailOutline';

import { EnumChipField } from '../EnumChipField';

export const RoleField = () => (
  <EnumChipField source="role" prefix="sitecare.roles" colors={{ ADMIN: 'primary', EMPLOYEE: 'secondary' }} />
);

export const UserStatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.user_status"
    colors={{ ACTIVE: 'success', INVITED: 'info', DISABLED: 'error' }}
    icons={{ ACTIVE: <CheckCircleIcon />, INVITED: <MailOutlineIcon />, DISABLED: <BlockIcon /> }}
  />
);

export const LanguageField = () => <EnumChipField source="preferredLanguage" prefix="sitecare.languages" />;
