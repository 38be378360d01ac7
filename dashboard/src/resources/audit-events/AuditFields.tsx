// How an audit event reads (issue 25): its action by name in the UI's language, who did it, and the
// record it concerns by name with a link (the server names it: entityLabel, entityLink). Used by the
// audit log and the customer page's recent activity.
import { Box } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { useAuditActionNames } from './auditActionNames';

/**
 * The person who acted (embedded in the page's one query: no request per row), or what kind of
 * actor it was (system, anonymous, an account that no longer exists).
 */
export const ActorField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const actor = record?.actor as { id: string; name: string } | null | undefined;
  if (actor) {
    return (
      <Link to={`/users/${encodeURIComponent(actor.id)}/show`} onClick={(event: MouseEvent) => event.stopPropagation()}>
        {actor.name}
      </Link>
    );
  }
  return <>{translate(`sitecare.actor_type.${record?.actorType}`, { _: record?.actorType ?? '' })}</>;
};

export const ActionField = () => {
  const record = useRecordContext();
  const { name } = useAuditActionNames();
  if (!record?.action) return null;
  return <>{name(String(record.action))}</>;
};

/** What the event concerns: its kind, and the record by name with a link while the viewer may see it. */
export const EntityField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.entityType) return null;
  const label = record.entityLabel as string | null | undefined;
  const link = record.entityLink as string | null | undefined;
  return (
    <span>
      {translate(`sitecare.entity_type.${record.entityType}`, { _: record.entityType })}
      {label && link ? (
        <Link to={link} sx={{ display: 'block' }} onClick={(event: MouseEvent) => event.stopPropagation()}>
          {label}
        </Link>
      ) : label ? (
        <Box component="span" sx={{ display: 'block' }}>
          {label}
        </Box>
      ) : record.entityId ? (
        <Box component="span" sx={{ display: 'block', color: 'text.secondary', typography: 'caption' }}>
          {translate('sitecare.audit.entity_gone')}
        </Box>
      ) : null}
    </span>
  );
};
