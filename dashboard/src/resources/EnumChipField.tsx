// An enum value as a translated chip, with an icon where colour carries meaning (never colour alone).
import { Chip, type ChipProps } from '@mui/material';
import type { ReactElement } from 'react';
import { useFieldValue, useTranslate } from 'react-admin';

export interface EnumChipFieldProps {
  source?: string;
  /** The value to show instead of the record's `source` (a state worked out from several fields). */
  value?: string | null;
  /** i18n prefix: the label is `${prefix}.${value}`. */
  prefix: string;
  colors?: Record<string, ChipProps['color']>;
  icons?: Record<string, ReactElement>;
}

export const EnumChipField = ({ source = '', value: given, prefix, colors = {}, icons = {} }: EnumChipFieldProps) => {
  const translate = useTranslate();
  const fieldValue = useFieldValue({ source }) as string | null | undefined;
  const value = given ?? fieldValue;
  if (value == null || value === '') return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={colors[value] ?? 'default'}
      icon={icons[value]}
      label={translate(`${prefix}.${value}`, { _: value })}
    />
  );
};
