// S26 on the staff home page: reportable breaches not yet notified to the authority, the nearest
// deadline first (the API sorts by deadline), overdue ones marked. The home page's one query
// (`homeSummary.breaches`) brings them.
import { Box, Link as MuiLink, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, type RaRecord, RecordContextProvider, useCreatePath, useLocaleState, useTranslate } from 'react-admin';

import type { CardProps } from '../../pages/overviewCards';
import { BreachStateField } from './BreachFields';

/** The card's frame comes from the home page, so every card looks and reads the same. */
export type AttentionCardFrame = (props: CardProps) => ReactNode;

export const BreachAttentionCard = ({
  Frame,
  listLink,
  breaches,
  isPending,
  error,
}: {
  Frame: AttentionCardFrame;
  listLink: ReactNode;
  breaches: { totalCount: number; nodes: RaRecord[] } | undefined;
  isPending: boolean;
  error: unknown;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const data = breaches?.nodes;
  return (
    <Frame
      title="sitecare.registers.breach_attention"
      total={breaches?.totalCount}
      caption="sitecare.registers.breach_attention_count"
      isPending={isPending}
      error={error}
      empty="sitecare.registers.breach_attention_empty"
      isEmpty={!data?.length}
      links={listLink}
    >
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, '& > li': { py: 0.75 } }}>
        {data?.map((breach) => (
          <li key={breach.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <MuiLink component={Link} to={createPath({ resource: 'breaches', id: breach.id, type: 'edit' })}>
                {String(breach.description).slice(0, 80)}
              </MuiLink>
              <RecordContextProvider value={breach}>
                <BreachStateField />
              </RecordContextProvider>
            </Box>
            <Typography variant="body2" color="text.secondary" component="div">
              {translate('sitecare.registers.breach_deadline', { date: format.format(new Date(breach.deadline)) })}
            </Typography>
          </li>
        ))}
      </Box>
    </Frame>
  );
};
