// P19: the register as CSV, for an auditor or the supervisory authority. The API returns the text
// (made by csv-stringify); the browser saves it as a file.
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify } from 'react-admin';

import { graphqlRequest } from '../../providers/graphqlRequest';

export const DownloadCsvButton = () => {
  const notify = useNotify();
  const download = async () => {
    try {
      const { processorsCsv } = await graphqlRequest<{ processorsCsv: string }>(
        'query ProcessorsCsv { processorsCsv }',
      );
      const url = URL.createObjectURL(new Blob([processorsCsv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `processors-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      notify('sitecare.registers.csv_failed', { type: 'error' });
    }
  };
  return (
    <Button label="sitecare.registers.download_csv" onClick={() => void download()}>
      <DownloadIcon />
    </Button>
  );
};
