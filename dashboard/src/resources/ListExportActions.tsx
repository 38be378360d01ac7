// The actions of a list that has nothing else in its toolbar: the CSV export (issue 23; the list's
// exporter is providers/exporter.ts's csvExporter).
import { ExportButton, TopToolbar } from 'react-admin';

export const ListExportActions = () => (
  <TopToolbar>
    <ExportButton />
  </TopToolbar>
);
