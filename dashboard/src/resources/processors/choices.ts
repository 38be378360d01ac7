// The transfer mechanisms of the processor register (P24), labelled through i18n.
export const TRANSFER_MECHANISMS = ['NONE_EEA', 'ADEQUACY', 'DPF', 'SCC', 'BCR', 'CONSENT'] as const;
export const transferMechanismChoices = TRANSFER_MECHANISMS.map((id) => ({
  id,
  name: `sitecare.transfer_mechanism.${id}`,
}));
