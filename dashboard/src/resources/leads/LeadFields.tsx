import { EnumChipField } from '../EnumChipField';

export const LeadStatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.lead_status"
    colors={{ NEW: 'info', CONTACTED: 'primary', CONVERTED: 'success' }}
  />
);
