// Issue 22 (M16): the care report on the site page: a month's PDF downloaded, staff mail it again.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeApi } from '../../testing/fakeApi';
import { renderInAdmin } from '../../testing/render';
import { SiteCareReport, recentMonths } from './SiteCareReport';

jest.mock('../../providers/useViewerRole', () => ({ useViewerRole: () => 'EMPLOYEE' }));

it('M16: the months offered are the twelve before this one, newest first', () => {
  expect(recentMonths(3, new Date('2026-01-15T00:00:00Z'))).toEqual(['2025-12', '2025-11', '2025-10']);
});

it('M16: staff download a month as a PDF and mail it again', async () => {
  const api = fakeApi(({ query }) =>
    query.includes('siteCareReportResend')
      ? { data: { siteCareReportResend: 2 } }
      : { data: { siteCareReportPdf: btoa('%PDF-1.3 test') } },
  );
  const created: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => (created.push(blob), 'blob:report'),
    revokeObjectURL: () => undefined,
  });
  renderInAdmin(<SiteCareReport />, { record: { id: 'site-1', domain: 'bageriet.se' } });
  await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
  expect(api.calls[0].variables).toEqual({ s: 'site-1', m: recentMonths(1)[0], l: 'en' });
  expect(created[0].type).toBe('application/pdf');
  await userEvent.click(screen.getByRole('button', { name: 'Mail it again' }));
  expect(await screen.findByText('The report was mailed to 2 people')).toBeInTheDocument();
});
