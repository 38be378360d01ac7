// Issue 22: the care report as a PDF (pdfkit, its built-in Helvetica: Swedish letters included), in
// the reader's language, from the report's figures as made (care-report.ts).
import type PDFKit from 'pdfkit';
import { hoursText, monthName, type CareReportFigures } from './care-report';

// Loaded at first use, not at start-up: most server and CLI processes never need it (issue 24).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfDocument = (): typeof PDFKit => require('pdfkit');

type Lang = 'sv' | 'en';

const TEXT = {
  sv: {
    title: 'Skötselrapport',
    for: (domain: string, month: string) => `${domain}, ${month}`,
    from: (agency: string, customer: string) => `Från ${agency} till ${customer}`,
    uptime: 'Tillgänglighet',
    checks: (n: number) => `${n} kontroller`,
    median: 'Svarstid (median)',
    incidents: 'Avbrott och varningar',
    none: 'Inga.',
    kinds: { DOWN: 'Webbplatsen nere', CERTIFICATE: 'Certifikat', DOMAIN: 'Domän' } as Record<string, string>,
    ongoing: 'pågår',
    backups: 'Säkerhetskopior',
    backupLine: (n: number, size: string, latest: string) => `${n} st, ${size} totalt, senast ${latest}`,
    updates: 'Uppdateringar',
    tickets: 'Ärenden',
    ticketLine: (opened: number, closed: number) => `${opened} nya, ${closed} avslutade`,
    hours: 'Supporttid',
    hoursLine: (used: string, included: number) => `${used} av ${included} h som ingår`,
    footer: (tz: string) => `Tider i ${tz}.`,
  },
  en: {
    title: 'Care report',
    for: (domain: string, month: string) => `${domain}, ${month}`,
    from: (agency: string, customer: string) => `From ${agency} to ${customer}`,
    uptime: 'Uptime',
    checks: (n: number) => `${n} checks`,
    median: 'Response time (median)',
    incidents: 'Incidents and warnings',
    none: 'None.',
    kinds: { DOWN: 'Site down', CERTIFICATE: 'Certificate', DOMAIN: 'Domain' } as Record<string, string>,
    ongoing: 'ongoing',
    backups: 'Backups',
    backupLine: (n: number, size: string, latest: string) => `${n}, ${size} in all, latest ${latest}`,
    updates: 'Updates',
    tickets: 'Tickets',
    ticketLine: (opened: number, closed: number) => `${opened} new, ${closed} closed`,
    hours: 'Support time',
    hoursLine: (used: string, included: number) => `${used} of ${included} h included`,
    footer: (tz: string) => `Times in ${tz}.`,
  },
} as const;

const size = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : bytes >= 1e6 ? `${Math.round(bytes / 1e6)} MB` : `${bytes} B`;

/** Renders the report; resolves with the PDF's bytes. */
export function renderCareReportPdf(f: CareReportFigures, language: Lang): Promise<Buffer> {
  const t = TEXT[language];
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: f.timezone }) : '–';
  const PDFDocument = pdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${t.title} ${f.domain} ${f.month}`, Author: f.agency },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2);
  const line = (text: string) => doc.font('Helvetica').fontSize(11).text(text);

  doc.font('Helvetica-Bold').fontSize(20).text(t.title);
  line(t.for(f.domain, monthName(f.month, language)));
  line(t.from(f.agency, f.customer));

  heading(t.uptime);
  line(
    f.uptimePercent === null
      ? '–'
      : `${f.uptimePercent.toLocaleString(locale, { maximumFractionDigits: 2 })} % (${t.checks(f.checks)})`,
  );
  line(`${t.median}: ${f.medianMs === null ? '–' : `${f.medianMs} ms`}`);

  heading(t.incidents);
  if (!f.incidents.length) line(t.none);
  for (const i of f.incidents)
    line(`${t.kinds[i.kind] ?? i.kind}: ${when(i.openedAt)}, ${i.minutes === null ? t.ongoing : `${i.minutes} min`}`);

  heading(t.backups);
  line(f.backups.count ? t.backupLine(f.backups.count, size(f.backups.totalBytes), when(f.backups.latestAt)) : t.none);

  heading(t.updates);
  if (!f.updates.length) line(t.none);
  for (const u of f.updates) line(`${u.component}: ${u.from ? `${u.from} -> ` : ''}${u.to} (${when(u.appliedAt)})`);

  heading(t.tickets);
  line(t.ticketLine(f.tickets.opened, f.tickets.closed));

  heading(t.hours);
  line(t.hoursLine(hoursText(f.minutesUsed), f.hoursIncluded));

  doc.moveDown(1.5).font('Helvetica').fontSize(9).fillColor('#555555').text(t.footer(f.timezone));
  doc.end();
  return done;
}
