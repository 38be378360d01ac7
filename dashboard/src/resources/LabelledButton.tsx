// A button that keeps its words on a phone (issue 25). React-admin's `Button` turns into a bare icon
// below the `sm` breakpoint: cancelling a subscription became a red ⊗ that reads as "close", and a
// button without an icon (a dialog's Cancel) became an empty circle. This one shows its translated
// label at every width, with the icon in front; use it for actions on a record's page and in dialogs.
import { Button, type ButtonProps } from '@mui/material';
import type { ReactElement } from 'react';
import { Link, useTranslate } from 'react-admin';

export interface LabelledButtonProps extends Omit<ButtonProps, 'children' | 'startIcon'> {
  /** A translation key (or text) for the button's words. */
  label: string;
  labelArgs?: Record<string, unknown>;
  /** The icon before the label, as react-admin's Button takes it. */
  children?: ReactElement;
  /** A route of the dashboard: the button is a link to it. */
  to?: string;
}

export const LabelledButton = ({ label, labelArgs, children, size = 'small', to, ...props }: LabelledButtonProps) => {
  const translate = useTranslate();
  const text = translate(label, { _: label, ...labelArgs });
  return to ? (
    <Button size={size} startIcon={children} component={Link} to={to} {...props}>
      {text}
    </Button>
  ) : (
    <Button size={size} startIcon={children} {...props}>
      {text}
    </Button>
  );
};
