// A titled part of a show page (a customer's contacts, its sites), with its actions on the right.
import { Box, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { useTranslate } from 'react-admin';

export interface SectionProps {
  /** i18n key of the heading, with `titleArgs` for its placeholders. */
  title: string;
  titleArgs?: Record<string, unknown>;
  actions?: ReactNode;
  children: ReactNode;
}

export const Section = ({ title, titleArgs, actions, children }: SectionProps) => {
  const translate = useTranslate();
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, minHeight: 36 }}>
        <Typography id={headingId} component="h2" variant="h6" sx={{ flex: 1 }}>
          {translate(title, titleArgs)}
        </Typography>
        {actions}
      </Box>
      {children}
    </Box>
  );
};

/** What an embedded table shows when it has no rows. */
export const EmptyText = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 2, px: 2 }}>
      {translate(text)}
    </Typography>
  );
};
