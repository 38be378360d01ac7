// S26: a breach's state at a glance: overdue (reportable, not notified, past 72 h), notified, or not reportable.
import ScheduleIcon from '@mui/icons-material/Schedule';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import WarningIcon from '@mui/icons-material/Warning';
import { useRecordContext } from 'react-admin';

import { EnumChipField } from '../EnumChipField';

export function breachState(record: Record<string, unknown> | undefined): string | null {
  if (!record) return null;
  if (!record.reportable) return 'not_reportable';
  if (record.authorityNotifiedAt) return 'notified';
  return record.overdue ? 'overdue' : 'on_time';
}

export const BreachStateField = (_props: { label?: string }) => {
  const record = useRecordContext();
  return (
    <EnumChipField
      value={breachState(record)}
      prefix="sitecare.registers"
      colors={{ overdue: 'error', on_time: 'warning', notified: 'success' }}
      icons={{ overdue: <WarningIcon />, on_time: <ScheduleIcon />, notified: <TaskAltIcon /> }}
    />
  );
};
