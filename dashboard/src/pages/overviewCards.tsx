// The cards of the home pages (staff, contractors, customers): a headline number, a short list of
// records that link to their pages, and links to the full lists. Each card reads one list query.
import { Box, Button as MuiButton, Card, CardActions, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { type GetListParams, Link, useCreatePath, useGetList, useLocaleState, useTranslate } from 'react-admin';

export const useFormatDate = () => {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (value: unknown) => (typeof value === 'string' ? format.format(new Date(value)) : '–');
};

/** `/leads?filter={"status":"NEW"}`: the list with its filter set, as react-admin reads it. */
export const useListPath = () => {
  const createPath = useCreatePath();
  return (resource: string, filter?: Record<string, unknown>) =>
    createPath({ resource, type: 'list' }) + (filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '');
};

export interface CardProps {
  title: string;
  /** The headline number with its caption (`count` is an i18n key with smart_count). */
  total: number | undefined;
  caption: string;
  isPending: boolean;
  error: unknown;
  /** Shown instead of the list when there is nothing to look at. */
  empty: string;
  isEmpty: boolean;
  links: ReactNode;
  children?: ReactNode;
}

/** A home-page card: a titled region with its links at the bottom. */
export const CardFrame = ({ title, links, children }: { title: string; links: ReactNode; children: ReactNode }) => {
  const translate = useTranslate();
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flex: 1 }}>
        <Typography id={headingId} component="h3" variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>{links}</CardActions>
    </Card>
  );
};

/** A card over a list: loading, error, the headline number, then the records or the empty text. */
export const AttentionCard = ({
  title,
  total,
  caption,
  isPending,
  error,
  empty,
  isEmpty,
  links,
  children,
}: CardProps) => {
  const translate = useTranslate();
  return (
    <CardFrame title={title} links={links}>
      {isPending ? (
        <Typography color="text.secondary">{translate('sitecare.attention.loading')}</Typography>
      ) : error ? (
        <Typography color="error">{translate('sitecare.attention.error')}</Typography>
      ) : (
        <>
          <Typography component="p" sx={{ mb: 1 }}>
            <Box component="strong" data-testid="count" sx={{ typography: 'h4', mr: 1 }}>
              {total ?? 0}
            </Box>
            {translate(caption, { smart_count: total ?? 0 })}
          </Typography>
          {isEmpty ? <Typography color="text.secondary">{translate(empty)}</Typography> : children}
        </>
      )}
    </CardFrame>
  );
};

/** One list query as a card's records and state: `<AttentionCard {...state} …>`. */
export function useListCard(resource: string, params: GetListParams & { meta?: Record<string, unknown> }) {
  const { data, total, isPending, error } = useGetList(resource, params);
  return { data, state: { total, isPending, error, isEmpty: !data?.length } };
}

/** A short list of records, each a link to its page with a line of detail under it. */
export const ShortList = ({ children }: { children: ReactNode }) => (
  <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, '& > li': { py: 0.75 } }}>
    {children}
  </Box>
);

export const ItemLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <MuiLink component={Link} to={to} sx={{ fontWeight: 500 }}>
    {children}
  </MuiLink>
);

/** A link to a full list, styled as a button (a real link, unlike react-admin's Button with `to`). */
export const ListLink = ({ to, label }: { to: string; label: string }) => {
  const translate = useTranslate();
  return (
    <MuiButton component={Link} to={to} size="small">
      {translate(label)}
    </MuiButton>
  );
};

export const Detail = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary" component="div">
    {children}
  </Typography>
);
