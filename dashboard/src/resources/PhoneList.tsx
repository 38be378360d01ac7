// Issue 25: a list on a phone. Below the `sm` breakpoint a list's table becomes stacked rows
// (react-admin's SimpleList, as react-admin's demo does), one per record: the record's name or number
// first, its status chips beside it, and a line of the few facts that matter below; from `sm` up the
// list's own table. Every list a customer or a contractor uses wraps its table in this, so a phone
// never gets a table wider than the screen.
import { Box, useMediaQuery, type Theme } from '@mui/material';
import { type ReactElement, type ReactNode } from 'react';
import { SimpleList, type RowClickFunction } from 'react-admin';

export interface PhoneListProps {
  /** The row's title: the record's name, subject or number (fields render in the row's record). */
  primary: ReactNode;
  /** Chips shown next to the title (status, priority). */
  chips?: ReactNode;
  /** The facts on the line below, separated by dots: inline fields only (they render in a paragraph); null ones are left out. */
  secondary?: ReactNode[];
  /** Buttons of the row (download, pay) at its end; a row with actions opens nothing by itself. */
  actions?: ReactNode;
  /** Where a row leads, as the table's `rowClick` ('show', 'edit' or false). */
  rowClick?: string | false | RowClickFunction;
  /** The list's table, shown from the `sm` breakpoint up. */
  children: ReactElement;
}

/** True below the `sm` breakpoint (a phone held upright). */
export const usePhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

// A dot between the facts that show: a field that renders nothing (a credit note has no due date)
// leaves its box empty, which takes neither room nor a dot. The dot is decoration, silent to screen readers.
const Secondary = ({ facts }: { facts: ReactNode[] }) => (
  <Box
    component="span"
    sx={{
      display: 'flex',
      flexWrap: 'wrap',
      columnGap: 1,
      alignItems: 'baseline',
      '& > span:empty': { display: 'none' },
      '& > span:not(:empty) ~ span:not(:empty)::before': { content: '"·" / ""', mr: 1 },
    }}
  >
    {facts.map((fact, index) => (
      <span key={index}>{fact}</span>
    ))}
  </Box>
);

export const PhoneList = ({ primary, chips, secondary, actions, rowClick = 'show', children }: PhoneListProps) => {
  const phone = usePhone();
  if (!phone) return children;
  const facts = (secondary ?? []).filter((fact) => fact != null && fact !== false);
  return (
    <SimpleList
      rowClick={actions ? false : rowClick}
      primaryText={
        <Box
          component="span"
          sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}
        >
          <Box component="span" sx={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: 0 }}>
            {primary}
          </Box>
          {chips ? (
            <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {chips}
            </Box>
          ) : null}
        </Box>
      }
      secondaryText={facts.length ? <Secondary facts={facts} /> : undefined}
      rightIcon={
        actions
          ? () => (
              <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, justifyContent: 'flex-end' }}>
                {actions}
              </Box>
            )
          : undefined
      }
      sx={{ width: '100%' }}
    />
  );
};
