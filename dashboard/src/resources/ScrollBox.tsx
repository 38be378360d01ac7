// A wide table inside a record's page scrolls sideways in its own box on a phone. React-admin's
// layout is as wide as its widest content (`min-width: fit-content`), so without this one wide
// table made the whole page scroll. The box counts as having no width of its own (inline-size
// containment) and scrolls; it is focusable and named, so keyboard users can scroll it too.
import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export const ScrollBox = ({ name, children }: { name: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      role="region"
      aria-label={translate('sitecare.table_region', { name })}
      tabIndex={0}
      sx={{
        contain: 'inline-size',
        overflowX: 'auto',
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
      }}
    >
      {children}
    </Box>
  );
};
