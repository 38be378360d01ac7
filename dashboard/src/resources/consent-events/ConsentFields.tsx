import { EnumChipField } from '../EnumChipField';

export const DecisionField = () => (
  <EnumChipField
    source="decision"
    prefix="sitecare.consent_decision"
    colors={{ GRANTED: 'success', WITHDRAWN: 'warning' }}
  />
);
export const MethodField = () => <EnumChipField source="method" prefix="sitecare.consent_method" />;
export const ChannelField = () => <EnumChipField source="channel" prefix="sitecare.consent_channel" />;
export const PurposeField = () => <EnumChipField source="purposeKey" prefix="sitecare.purpose" />;
