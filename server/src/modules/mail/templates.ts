// The mail Sitecare sends, in Swedish and English: subject, plain text and HTML from one definition.
import type { SupportedLanguage } from '@sitecare/schema';
import { PRIVACY_TEMPLATES } from '../privacy-requests/privacy-request.templates';

interface TemplateText {
  subject: string;
  /** Paragraphs; `%{link}` becomes a button in HTML and a bare URL in text. */
  paragraphs: string[];
  action?: string;
}

const TEMPLATES = {
  'user.invitation': {
    sv: {
      subject: 'Du är inbjuden till %{agency} i Sitecare',
      paragraphs: [
        'Hej %{name}!',
        '%{agency} har bjudit in dig till Sitecare. Välj ett lösenord för att komma igång.',
        'Länken gäller i %{expiresInDays} dagar.',
      ],
      action: 'Välj lösenord',
    },
    en: {
      subject: 'You are invited to %{agency} on Sitecare',
      paragraphs: [
        'Hello %{name},',
        '%{agency} has invited you to Sitecare. Choose a password to get started.',
        'The link is valid for %{expiresInDays} days.',
      ],
      action: 'Choose a password',
    },
  },
  'user.password_reset': {
    sv: {
      subject: 'Återställ ditt lösenord hos %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Någon bad om att återställa ditt lösenord. Var det inte du kan du bortse från det här meddelandet.',
        'Länken gäller i en timme.',
      ],
      action: 'Välj nytt lösenord',
    },
    en: {
      subject: 'Reset your password at %{agency}',
      paragraphs: [
        'Hello %{name},',
        'Someone asked to reset your password. If it was not you, ignore this message.',
        'The link is valid for one hour.',
      ],
      action: 'Choose a new password',
    },
  },
  'user.second_factor_reset': {
    sv: {
      subject: 'Din tvåstegsverifiering hos %{agency} har återställts',
      paragraphs: [
        'Hej %{name}!',
        'En administratör hos %{agency} har tagit bort din tvåstegsverifiering och loggat ut dig överallt.',
        'Kräver byrån ett andra steg för din roll får du ställa in det igen nästa gång du loggar in.',
        'Bad du inte om det här? Kontakta %{agency} direkt.',
      ],
    },
    en: {
      subject: 'Your two-step verification at %{agency} was reset',
      paragraphs: [
        'Hello %{name},',
        'An administrator at %{agency} removed your two-step verification and logged you out everywhere.',
        'If the agency requires a second step for your role, you will set it up again at your next login.',
        'Did you not ask for this? Contact %{agency} directly.',
      ],
    },
  },
  'auth.new_browser': {
    sv: {
      subject: 'Ny inloggning hos %{agency} – var det du?',
      paragraphs: [
        'Hej %{name}!',
        'Någon loggade just in på ditt konto hos %{agency} från en webbläsare du inte har använt förut: %{browser}, ungefär från %{place}, %{when}.',
        'Var det du behöver du inte göra något.',
        'Var det inte du? Byt lösenord direkt, avsluta sessionen under Min profil → Sessioner och kontakta %{agency}.',
      ],
    },
    en: {
      subject: 'New login at %{agency} – was this you?',
      paragraphs: [
        'Hello %{name},',
        'Someone just logged in to your account at %{agency} from a browser you have not used before: %{browser}, approximately from %{place}, %{when}.',
        'If it was you, there is nothing to do.',
        'Was it not you? Change your password at once, end the session under My profile → Sessions and contact %{agency}.',
      ],
    },
  },
  'order.receipt': {
    sv: {
      subject: 'Tack för din beställning #%{number} hos %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Tack! Vi har tagit emot din betalning för beställning #%{number}.',
        '%{lines}',
        'Totalt %{total}, varav moms %{vat}.',
      ],
      action: 'Se beställningen',
    },
    en: {
      subject: 'Thank you for your order #%{number} with %{agency}',
      paragraphs: [
        'Hello %{name},',
        'Thank you! We have received your payment for order #%{number}.',
        '%{lines}',
        'Total %{total}, of which VAT %{vat}.',
      ],
      action: 'See the order',
    },
  },
  'subscription.renewal_due': {
    sv: {
      subject: 'Dags att förnya %{package} hos %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Ditt abonnemang på %{package} förnyas nu. Beställning #%{number} är på %{total}.',
        'Betala via länken så fortsätter allt som vanligt.',
      ],
      action: 'Betala förnyelsen',
    },
    en: {
      subject: 'Time to renew %{package} with %{agency}',
      paragraphs: [
        'Hello %{name},',
        'Your %{package} subscription renews now. Order #%{number} is %{total}.',
        'Pay through the link and everything carries on as before.',
      ],
      action: 'Pay the renewal',
    },
  },
  'subscription.cancelled': {
    sv: {
      subject: 'Ditt abonnemang på %{package} är avslutat',
      paragraphs: [
        'Hej %{name}!',
        'Ditt abonnemang på %{package} hos %{agency} förnyas inte längre.',
        'Det du redan har betalat gäller till och med %{until}.',
      ],
    },
    en: {
      subject: 'Your %{package} subscription is cancelled',
      paragraphs: [
        'Hello %{name},',
        'Your %{package} subscription with %{agency} will not renew.',
        'What you have paid for runs until %{until}.',
      ],
    },
  },
  'invoice.issued': {
    sv: {
      subject: 'Faktura %{number} från %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Här är faktura %{number} från %{agency} på %{total}, att betala senast %{dueDate}.',
        'Betala till %{payTo} med OCR-nummer %{ocr}, eller med kort under Fakturor i kundportalen. Fakturan finns som PDF i det här meddelandet.',
      ],
    },
    en: {
      subject: 'Invoice %{number} from %{agency}',
      paragraphs: [
        'Hello %{name},',
        'Here is invoice %{number} from %{agency} for %{total}, due on %{dueDate}.',
        'Pay to %{payTo} with the OCR reference %{ocr}, or by card under Invoices in the customer portal. The invoice is attached as a PDF.',
      ],
    },
  },
  'invoice.reminder': {
    sv: {
      subject: 'Påminnelse: faktura %{number} från %{agency} är förfallen',
      paragraphs: [
        'Hej %{name}!',
        'Faktura %{number} på %{total} förföll %{dueDate} (för %{daysOverdue} dagar sedan) och vi har inte fått hela betalningen. Kvar att betala: %{remaining}.',
        'Betala till %{payTo} med OCR-nummer %{ocr}, eller med kort via länken nedan. Har du redan betalat kan du bortse från det här meddelandet.',
      ],
      action: 'Betala %{remaining} med kort',
    },
    en: {
      subject: 'Reminder: invoice %{number} from %{agency} is overdue',
      paragraphs: [
        'Hello %{name},',
        'Invoice %{number} for %{total} was due on %{dueDate} (%{daysOverdue} days ago) and we have not received all of the payment. Left to pay: %{remaining}.',
        'Pay to %{payTo} with the OCR reference %{ocr}, or by card through the link below. If you have already paid, please ignore this message.',
      ],
      action: 'Pay %{remaining} by card',
    },
  },
  'order.payment_failed': {
    sv: {
      subject: 'Betalningen för beställning #%{number} gick inte igenom',
      paragraphs: [
        'Hej %{name}!',
        'Betalningen för beställning #%{number} hos %{agency} gick inte igenom, och inget har dragits.',
        'Du kan försöka igen eller välja ett annat betalsätt.',
      ],
    },
    en: {
      subject: 'The payment for order #%{number} did not go through',
      paragraphs: [
        'Hello %{name},',
        'The payment for order #%{number} with %{agency} did not go through, and nothing was charged.',
        'You can try again or choose another way to pay.',
      ],
    },
  },
  'subscription.renewed': {
    sv: {
      subject: '%{package} hos %{agency} är förnyat',
      paragraphs: [
        'Hej %{name}!',
        'Ditt abonnemang på %{package} är förnyat och betalt med ditt sparade betalsätt (beställning #%{number}).',
        'Totalt %{total}, varav moms %{vat}. Nästa förnyelse är %{until}.',
        'Du kan byta betalsätt eller avsluta abonnemanget när du vill under Abonnemang i kundportalen.',
      ],
    },
    en: {
      subject: '%{package} with %{agency} is renewed',
      paragraphs: [
        'Hello %{name},',
        'Your %{package} subscription is renewed and paid with your saved payment method (order #%{number}).',
        'Total %{total}, of which VAT %{vat}. The next renewal is on %{until}.',
        'You can change the payment method or cancel at any time under Subscriptions in the customer portal.',
      ],
    },
  },
  'subscription.charge_failed': {
    sv: {
      subject: 'Vi kunde inte dra betalningen för %{package}',
      paragraphs: [
        'Hej %{name}!',
        'Förnyelsen av %{package} (beställning #%{number}, %{total}) kunde inte dras från ditt sparade betalsätt, och inget har dragits.',
        'Betala via länken, eller byt betalsätt i kundportalen, så fortsätter allt som vanligt.',
      ],
      action: 'Betala förnyelsen',
    },
    en: {
      subject: 'We could not charge the payment for %{package}',
      paragraphs: [
        'Hello %{name},',
        'The renewal of %{package} (order #%{number}, %{total}) could not be charged to your saved payment method, and nothing was charged.',
        'Pay through the link, or change the payment method in the customer portal, and everything carries on as before.',
      ],
      action: 'Pay the renewal',
    },
  },
  'subscription.payment_method_changed': {
    sv: {
      subject: 'Nytt betalsätt för %{package} hos %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Betalsättet för ditt abonnemang på %{package} är bytt. Kommande förnyelser dras från det nya betalsättet.',
        'Var det inte du? Svara på det här meddelandet så hjälper vi dig direkt.',
      ],
    },
    en: {
      subject: 'New payment method for %{package} with %{agency}',
      paragraphs: [
        'Hello %{name},',
        'The payment method for your %{package} subscription has been changed. Future renewals are charged to the new method.',
        'Was it not you? Reply to this message and we will help you at once.',
      ],
    },
  },
  'order.refunded': {
    sv: {
      subject: 'Återbetalning av beställning #%{number} hos %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Vi har betalat tillbaka %{total} för beställning #%{number}.',
        'Pengarna går tillbaka till samma betalsätt och syns normalt inom 5–10 bankdagar.',
      ],
    },
    en: {
      subject: 'Refund of order #%{number} with %{agency}',
      paragraphs: [
        'Hello %{name},',
        'We have refunded %{total} for order #%{number}.',
        'The money goes back to the same payment method and usually shows within 5–10 business days.',
      ],
    },
  },
  'newsletter.confirm': {
    sv: {
      subject: 'Bekräfta din prenumeration på nyhetsbrevet från %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Någon (förhoppningsvis du) anmälde den här adressen till nyhetsbrevet från %{agency}. Bekräfta med knappen nedan.',
        'Vi skickar ingenting mer förrän du har bekräftat. Var det inte du kan du bortse från det här meddelandet.',
        'Länken gäller i tre dygn och kan bara användas en gång.',
      ],
      action: 'Bekräfta prenumerationen',
    },
    en: {
      subject: 'Confirm your subscription to the newsletter from %{agency}',
      paragraphs: [
        'Hello %{name},',
        'Someone (hopefully you) signed this address up for the newsletter from %{agency}. Confirm with the button below.',
        'We send nothing more until you confirm. If it was not you, ignore this message.',
        'The link is valid for three days and works once.',
      ],
      action: 'Confirm the subscription',
    },
  },
  'marketing.message': {
    sv: {
      subject: '%{subject}',
      paragraphs: ['%{body}', 'Vill du inte få fler utskick? Avregistrera dig med ett klick: %{unsubscribe}'],
      action: 'Läs mer',
    },
    en: {
      subject: '%{subject}',
      paragraphs: ['%{body}', 'Rather not receive these? Unsubscribe with one click: %{unsubscribe}'],
      action: 'Read more',
    },
  },
  'policy.changed': {
    sv: {
      subject: '%{agency} uppdaterar sin integritetspolicy',
      paragraphs: [
        'Hej %{name}!',
        'Vi har gjort en väsentlig ändring i vår integritetspolicy (version %{version}). Ändringen gäller först när du har godkänt den.',
        'Läs den nya versionen och godkänn den under Mina samtycken i kundportalen.',
      ],
      action: 'Läs och godkänn',
    },
    en: {
      subject: '%{agency} is updating its privacy policy',
      paragraphs: [
        'Hello %{name},',
        'We have made a material change to our privacy policy (version %{version}). The change applies to you only once you accept it.',
        'Read the new version and accept it under My consents in the customer portal.',
      ],
      action: 'Read and accept',
    },
  },
  // Issue 18, the helpdesk by e-mail. The reply's subject is the same in both languages: it is filled
  // in SQL by the reply's one statement (ticket-mail.sql.ts) from this text.
  'ticket.reply': {
    sv: { subject: 'Re: [#%{number}] %{subject}', paragraphs: ['%{body}'], action: 'Se ärendet i kundportalen' },
    en: { subject: 'Re: [#%{number}] %{subject}', paragraphs: ['%{body}'], action: 'See the ticket in the portal' },
  },
  'ticket.receipt': {
    sv: {
      subject: '[#%{number}] %{subject}',
      paragraphs: [
        'Hej %{name}!',
        'Tack, vi har tagit emot ditt ärende och gett det nummer #%{number}. Vi svarar inom %{hours} timmar.',
        'Svara på det här mejlet om du vill lägga till något.',
      ],
    },
    en: {
      subject: '[#%{number}] %{subject}',
      paragraphs: [
        'Hello %{name},',
        'Thank you, we got your request and gave it the number #%{number}. We answer within %{hours} hours.',
        'Reply to this e-mail if you want to add anything.',
      ],
    },
  },
  'ticket.opened': {
    sv: {
      subject: 'Nytt ärende [#%{number}] %{subject}',
      paragraphs: ['Hej %{name}!', 'Ett nytt ärende, #%{number}: %{subject}.'],
      action: 'Öppna ärendet',
    },
    en: {
      subject: 'New ticket [#%{number}] %{subject}',
      paragraphs: ['Hello %{name},', 'A new ticket, #%{number}: %{subject}.'],
      action: 'Open the ticket',
    },
  },
  'ticket.answered': {
    sv: {
      subject: 'Kunden har svarat [#%{number}] %{subject}',
      paragraphs: ['Hej %{name}!', 'Kunden har svarat i ärende #%{number}: %{subject}.'],
      action: 'Öppna ärendet',
    },
    en: {
      subject: 'The customer answered [#%{number}] %{subject}',
      paragraphs: ['Hello %{name},', 'The customer answered ticket #%{number}: %{subject}.'],
      action: 'Open the ticket',
    },
  },
  'ticket.overdue': {
    sv: {
      subject: 'Svarstiden har passerat [#%{number}] %{subject}',
      paragraphs: ['Hej %{name}!', 'Ärende #%{number} (%{subject}) har inte fått något första svar i tid.'],
      action: 'Öppna ärendet',
    },
    en: {
      subject: 'First response overdue [#%{number}] %{subject}',
      paragraphs: ['Hello %{name},', 'Ticket #%{number} (%{subject}) has not had its first response in time.'],
      action: 'Open the ticket',
    },
  },
  // Issue 22: a site under care is down, and up again (to the customer's portal users, when the
  // care package says so; the times are formatted by the sender of the notice, in UTC).
  'site.down': {
    sv: {
      subject: 'Vi undersöker ett avbrott på %{domain}',
      paragraphs: [
        'Hej %{name}!',
        'Vår övervakning når inte %{domain} sedan %{since}. Vi arbetar med det och hör av oss när webbplatsen svarar igen.',
      ],
    },
    en: {
      subject: 'We are looking into an outage of %{domain}',
      paragraphs: [
        'Hello %{name},',
        'Our monitoring cannot reach %{domain} since %{since}. We are working on it and will tell you when the site answers again.',
      ],
    },
  },
  'site.up': {
    sv: {
      subject: '%{domain} svarar igen',
      paragraphs: ['Hej %{name}!', '%{domain} svarar igen sedan %{at}, efter ett avbrott på %{minutes} minuter.'],
    },
    en: {
      subject: '%{domain} is back up',
      paragraphs: ['Hello %{name},', '%{domain} answers again since %{at}, after an outage of %{minutes} minutes.'],
    },
  },
  // Issue 22: the monthly care report of a site (its PDF is attached when the mail leaves).
  'care.report': {
    sv: {
      subject: 'Skötselrapport för %{domain}, %{month}',
      paragraphs: [
        'Hej %{name}!',
        'Här är skötselrapporten för %{domain} för %{month}: tillgänglighet %{uptime}, %{incidents} avbrott, %{backups} säkerhetskopior, %{updates} uppdateringar, %{tickets} nya ärenden och %{hours} supporttid.',
        'Hela rapporten finns i den bifogade PDF-filen.',
      ],
    },
    en: {
      subject: 'Care report for %{domain}, %{month}',
      paragraphs: [
        'Hello %{name},',
        'Here is the care report of %{domain} for %{month}: uptime %{uptime}, %{incidents} incidents, %{backups} backups, %{updates} updates, %{tickets} new tickets and %{hours} of support.',
        'The whole report is in the attached PDF.',
      ],
    },
  },
  // Issue 21: an outgoing webhook endpoint failed every attempt of a message (to the agency's admins).
  'webhook.failing': {
    sv: {
      subject: 'Webhooken till %{url} fungerar inte',
      paragraphs: [
        'Hej %{name}!',
        'Sitecare har inte kunnat leverera händelsen %{event} till %{url} efter %{attempts} försök under ungefär ett dygn (senaste svar: %{lastResult}).',
        'Ändpunkten är markerad som felande. Rätta mottagaren och skicka om händelserna från leveransloggen under Byråinställningar → Webhooks.',
      ],
      action: 'Öppna byråinställningarna',
    },
    en: {
      subject: 'The webhook to %{url} is failing',
      paragraphs: [
        'Hello %{name},',
        'Sitecare could not deliver the event %{event} to %{url} after %{attempts} attempts over about a day (last answer: %{lastResult}).',
        'The endpoint is marked as failing. Fix the receiver, then replay the events from the delivery log under Agency settings → Webhooks.',
      ],
      action: 'Open the agency settings',
    },
  },
  // Issue 23: the contract's end, 30 days ahead (modules/customers/contract-end.ts).
  'contract.ending': {
    sv: {
      subject: 'Vi rensar uppgifter från ert avtal med %{agency}',
      paragraphs: [
        'Hej %{name}!',
        'Ert avtal med %{agency} har upphört. Uppgifter som vi bara har sparat för avtalet tas bort den %{date}: innehållet i era supportärenden och deras bilagor, inloggningsuppgifter till er webbplats, uppgifter om säkerhetskopior och besöksloggar.',
        'Bokföringsuppgifter (ordrar, fakturor, kreditnotor och betalningar) sparas så länge bokföringslagen kräver.',
        'Vill ni fortsätta med oss, eller behöver ni något av uppgifterna innan dess, hör av er. Frågor om dina personuppgifter: %{privacyContact}',
      ],
    },
    en: {
      subject: 'We are removing data from your contract with %{agency}',
      paragraphs: [
        'Hello %{name},',
        'Your contract with %{agency} has ended. Data we have kept only for the contract will be removed on %{date}: the content of your support tickets and their attachments, access details for your website, backup records and visit logs.',
        'Accounting records (orders, invoices, credit notes and payments) are kept as long as bookkeeping law requires.',
        'If you want to continue with us, or need any of this data before then, let us know. Questions about your personal data: %{privacyContact}',
      ],
    },
  },
  ...PRIVACY_TEMPLATES,
} as const satisfies Record<string, Record<SupportedLanguage, TemplateText>>;

export type MailTemplate = keyof typeof TEMPLATES;
export const MAIL_TEMPLATES = Object.keys(TEMPLATES) as MailTemplate[];

const fill = (text: string, vars: Record<string, unknown>) =>
  text.replace(/%\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The marker above the quoted history of a ticket mail: an answer is cut here when it comes back. */
export const REPLY_MARKER: Record<SupportedLanguage, string> = {
  sv: '## Skriv ditt svar ovanför den här raden ##',
  en: '## Reply above this line ##',
};

/** A template's subject text, unfilled (the reply's statement fills it in SQL). */
export function subjectText(template: MailTemplate, language: SupportedLanguage): string {
  return TEMPLATES[template][language].subject;
}

/** Earlier messages of a ticket, newest first, as a ticket mail quotes them below the marker. */
interface Quoted {
  author: string;
  at: string;
  body: string;
}

function quotedHistory(language: SupportedLanguage, quoted: unknown): { text: string; html: string } {
  if (!Array.isArray(quoted) || !quoted.length) return { text: '', html: '' };
  const when = (at: string) =>
    new Date(at).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm' });
  const items = (quoted as Quoted[]).map((q) => ({
    head: language === 'sv' ? `${q.author} skrev ${when(q.at)}:` : `${q.author} wrote on ${when(q.at)}:`,
    body: String(q.body),
  }));
  return {
    text: [REPLY_MARKER[language], ...items.map((i) => `${i.head}\n${i.body.replace(/^/gm, '> ')}`)].join('\n\n'),
    html: [
      `<p style="color:#888">${escapeHtml(REPLY_MARKER[language])}</p>`,
      ...items.map(
        (i) =>
          `<p style="color:#666">${escapeHtml(i.head)}</p><blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc;white-space:pre-wrap">${escapeHtml(i.body)}</blockquote>`,
      ),
    ].join('\n'),
  };
}

export function renderSubject(
  template: MailTemplate,
  language: SupportedLanguage,
  vars: Record<string, unknown>,
): string {
  return fill(TEMPLATES[template][language].subject, vars);
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The whole message. Variables are escaped in HTML; the link must be http(s). */
export function renderMail(
  template: MailTemplate,
  language: SupportedLanguage,
  vars: Record<string, unknown>,
): RenderedMail {
  const t: TemplateText = TEMPLATES[template][language];
  const link = typeof vars.link === 'string' && /^https?:\/\//.test(vars.link) ? vars.link : undefined;
  const paragraphs = t.paragraphs.map((p) => fill(p, vars));
  const action = t.action === undefined ? undefined : fill(t.action, vars);
  const signature = String(vars.agency ?? 'Sitecare');
  const history = quotedHistory(language, vars.quoted);
  const text = [
    ...paragraphs,
    ...(link ? [`${action ?? ''}: ${link}`] : []),
    '',
    `— ${signature}`,
    ...(history.text ? [history.text] : []),
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222">`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    link
      ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#1565c0;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(action ?? link)}</a></p>`
      : '',
    `<p style="color:#666">— ${escapeHtml(signature)}</p>`,
    history.html,
    // P9: an open pixel only where the recipient consented to tracking (the sender decides).
    typeof vars.pixel === 'string' && /^https?:\/\//.test(vars.pixel)
      ? `<img src="${escapeHtml(vars.pixel)}" width="1" height="1" alt="">`
      : '',
    '</body></html>',
  ].join('\n');
  return { subject: fill(t.subject, vars), text, html };
}

/** Money for people: minor units formatted for the language (all our currencies have two decimals). */
export function formatMoney(minor: number, currency: string, language: SupportedLanguage): string {
  return new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { style: 'currency', currency }).format(
    minor / 100,
  );
}
