// A site's backups, newest first: when, how large, where, and how long each is kept.
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HistoryToggleOffIcon from '@mui/icons-material/HistoryToggleOff';
import { type SxProps, Typography } from '@mui/material';
import {
  DataTable,
  Pagination,
  type RaRecord,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { useCanRead } from '../../providers/useViewerRole';
import { EmbeddedTable } from '../EmbeddedTable';
import { EnumChipField } from '../EnumChipField';
import { formatBytes } from '../formatBytes';
import { EmptyText, Section } from '../Section';
import { DateField } from '../DateField';

interface Backup extends RaRecord {
  takenAt: string;
  expiresAt: string;
  sizeBytes: number;
  location: string;
}

// Expired backups stay listed until removed, greyed out.
const EXPIRED_ROW: SxProps = { '& td': { color: 'text.secondary' } };
const NO_SX: SxProps = {};

const isExpired = (backup: Backup) => new Date(backup.expiresAt) <= new Date();

const SizeField = () => {
  const backup = useRecordContext<Backup>();
  const [locale] = useLocaleState();
  if (!backup) return null;
  return (
    <span title={`${new Intl.NumberFormat(locale).format(backup.sizeBytes)} B`}>
      {formatBytes(backup.sizeBytes, locale)}
    </span>
  );
};

const ExpiresField = () => {
  const backup = useRecordContext<Backup>();
  if (!backup) return null;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <DateField source="expiresAt" />
      <EnumChipField
        value={isExpired(backup) ? 'expired' : 'kept'}
        prefix="sitecare.backups"
        colors={{ kept: 'success' }}
        icons={{ expired: <HistoryToggleOffIcon />, kept: <CheckCircleIcon /> }}
      />
    </span>
  );
};

const BackupSummary = () => {
  const site = useRecordContext<RaRecord & { backups?: Backup[] }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const backups = site?.backups ?? [];
  if (!backups.length) return null;
  const total = backups.reduce((sum, backup) => sum + backup.sizeBytes, 0);
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('sitecare.backups.summary', { smart_count: backups.length, size: formatBytes(total, locale) })}
    </Typography>
  );
};

export const SiteBackups = (_: { label?: false }) => {
  // Where a copy is stored is for those who restore it, not for the customer (issue 25).
  const seesLocation = useCanRead('SiteBackup.location');
  return (
    <Section title="sitecare.sites.tabs.backups" actions={<BackupSummary />}>
      <EmbeddedTable source="backups" resource="siteBackups" sort={{ field: 'takenAt', order: 'DESC' }} perPage={10}>
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          empty={<EmptyText text="sitecare.backups.empty" />}
          rowSx={(backup: Backup) => (isExpired(backup) ? EXPIRED_ROW : NO_SX)}
        >
          <DataTable.Col source="takenAt">
            <DateField source="takenAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="sizeBytes" field={SizeField} align="right" />
          {seesLocation ? (
            <DataTable.Col source="location">
              <TextField source="location" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} />
            </DataTable.Col>
          ) : null}
          <DataTable.Col source="expiresAt" field={ExpiresField} />
        </DataTable>
        <Pagination rowsPerPageOptions={[10, 25, 50]} />
      </EmbeddedTable>
    </Section>
  );
};
