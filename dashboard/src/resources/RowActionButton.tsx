// A compact icon button for an action on a table row, named by its (translated) tooltip.
import { IconButton, type IconButtonProps, Tooltip } from '@mui/material';
import type { ReactElement } from 'react';
import { useTranslate } from 'react-admin';

export const RowActionButton = ({
  label,
  labelArgs,
  icon,
  ...props
}: Omit<IconButtonProps, 'children'> & { label: string; labelArgs?: Record<string, unknown>; icon: ReactElement }) => {
  const translate = useTranslate();
  const name = translate(label, labelArgs);
  return (
    <Tooltip title={name}>
      <IconButton aria-label={name} size="small" {...props}>
        {icon}
      </IconButton>
    </Tooltip>
  );
};
