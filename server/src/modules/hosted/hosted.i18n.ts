// The hosted pages' words, Swedish and English (issue 21). The consent wordings are stored with what
// the person sent (the lead's `consentText`, the sign-up's wording): they are exactly what the page showed.
import type { SupportedLanguage } from '@sitecare/schema';
import { PrivacyRequestType } from '../privacy-requests/privacy-request.entity';

export type HostedPage = 'contact' | 'newsletter' | 'support' | 'privacy-request' | 'cookies';
export const HOSTED_PAGES: readonly HostedPage[] = ['contact', 'newsletter', 'support', 'privacy-request', 'cookies'];

interface Words {
  lang: string;
  otherLanguage: string;
  required: string;
  optional: string;
  send: string;
  save: string;
  errorSummary: string;
  fixField: string;
  rateLimited: string;
  crossSite: string;
  notFound: string;
  poweredBy: string;
  pages: Record<HostedPage, { title: string; intro: string; thanks: string; thanksTitle: string }>;
  fields: Record<string, { label: string; hint?: string; invalid: string }>;
  leadConsent: (agency: string) => string;
  newsletterConsent: (agency: string) => string;
  ageConfirmed: string;
  necessary: string;
  cookieCurrent: string;
  backToForm: string;
  privacyTypes: Record<PrivacyRequestType, string>;
}

export const WORDS: Record<SupportedLanguage, Words> = {
  sv: {
    lang: 'Svenska',
    otherLanguage: 'In English',
    required: 'obligatoriskt',
    optional: 'frivilligt',
    send: 'Skicka',
    save: 'Spara mina val',
    errorSummary: 'Formuläret har fel',
    fixField: 'Rätta fälten nedan och skicka igen.',
    rateLimited: 'Du har skickat många formulär på kort tid. Vänta en stund och försök igen.',
    crossSite: 'Formuläret kom inte från den här sidan. Ladda om sidan och försök igen.',
    notFound: 'Sidan finns inte',
    poweredBy: 'Formuläret drivs av Sitecare',
    pages: {
      contact: {
        title: 'Kontakta oss',
        intro: 'Fyll i dina uppgifter så hör vi av oss.',
        thanksTitle: 'Tack för ditt meddelande',
        thanks: 'Vi har tagit emot det och hör av oss så snart vi kan.',
      },
      newsletter: {
        title: 'Prenumerera på nyhetsbrevet',
        intro: 'Vi skickar ett e-postmeddelande med en länk som du bekräftar prenumerationen med.',
        thanksTitle: 'Kolla din e-post',
        thanks:
          'Om adressen är rätt har vi skickat en bekräftelselänk dit. Prenumerationen börjar när du klickar på den.',
      },
      support: {
        title: 'Supportärende',
        intro: 'Beskriv vad du behöver hjälp med. Du får ett ärendenummer per e-post.',
        thanksTitle: 'Tack, ditt ärende är skickat',
        thanks: 'Vi har skickat en bekräftelse med ärendenumret till din e-post.',
      },
      'privacy-request': {
        title: 'Begäran om dina personuppgifter',
        intro: 'Vi skickar en länk till adressen du anger. Begäran tas emot när du har bekräftat den.',
        thanksTitle: 'Kolla din e-post',
        thanks: 'Om adressen är rätt har vi skickat en länk dit. Bekräfta begäran med den; vi svarar inom en månad.',
      },
      cookies: {
        title: 'Kakor (cookies)',
        intro: 'Välj vilka kakor vi får använda. Du kan ändra dig när du vill på den här sidan.',
        thanksTitle: 'Dina val är sparade',
        thanks: 'Vi använder bara de kakor du har valt.',
      },
    },
    fields: {
      name: { label: 'Namn', invalid: 'Skriv ditt namn (högst 200 tecken).' },
      email: { label: 'E-post', invalid: 'Skriv en giltig e-postadress, till exempel namn@exempel.se.' },
      phone: {
        label: 'Telefon',
        hint: 'Med landsnummer, till exempel +46 70 123 45 67.',
        invalid: 'Skriv ett giltigt telefonnummer.',
      },
      company: { label: 'Företag', invalid: 'Högst 200 tecken.' },
      message: { label: 'Meddelande', invalid: 'Skriv ett meddelande.' },
      subject: { label: 'Ämne', invalid: 'Skriv ett ämne (högst 200 tecken).' },
      consentGiven: { label: '', invalid: 'Kryssa i rutan för att vi ska få kontakta dig.' },
      country: {
        label: 'Land',
        hint: 'Två bokstäver, till exempel SE.',
        invalid: 'Skriv landets kod med två bokstäver, till exempel SE.',
      },
      ageConfirmed: { label: '', invalid: 'Bekräfta din ålder. Under åldersgränsen behövs en förälders samtycke.' },
      type: { label: 'Vad gäller begäran?', invalid: 'Välj vad begäran gäller.' },
      details: { label: 'Mer information', hint: 'Till exempel vad som ska rättas.', invalid: 'Högst 5 000 tecken.' },
      analytics: { label: 'Statistik: hur besökare använder webbplatsen', invalid: 'Välj ja eller nej.' },
      marketing: {
        label: 'Marknadsföring: annonser om våra tjänster på andra webbplatser',
        invalid: 'Välj ja eller nej.',
      },
    },
    leadConsent: (agency) => `Jag vill att ${agency} kontaktar mig om min förfrågan och sparar mina uppgifter för det.`,
    newsletterConsent: (agency) => `Jag vill få ${agency}s nyhetsbrev per e-post. Jag kan avsluta det när jag vill.`,
    ageConfirmed: 'Jag har fyllt 13 år (16 år utanför Sverige och USA).',
    necessary: 'Nödvändiga kakor: behövs för att webbplatsen ska fungera (alltid på).',
    cookieCurrent: 'Dina nuvarande val är ifyllda.',
    backToForm: 'Tillbaka till formuläret',
    privacyTypes: {
      ACCESS: 'Få veta vilka uppgifter ni har om mig',
      RECTIFICATION: 'Rätta mina uppgifter',
      ERASURE: 'Radera mina uppgifter',
      RESTRICTION: 'Begränsa behandlingen',
      OBJECTION: 'Invända mot behandlingen',
      PORTABILITY: 'Få mina uppgifter i ett maskinläsbart format',
      WITHDRAW_CONSENT: 'Återkalla mitt samtycke',
    },
  },
  en: {
    lang: 'English',
    otherLanguage: 'På svenska',
    required: 'required',
    optional: 'optional',
    send: 'Send',
    save: 'Save my choices',
    errorSummary: 'The form has errors',
    fixField: 'Correct the fields below and send again.',
    rateLimited: 'You have sent many forms in a short time. Wait a while and try again.',
    crossSite: 'The form did not come from this page. Reload the page and try again.',
    notFound: 'Page not found',
    poweredBy: 'Form by Sitecare',
    pages: {
      contact: {
        title: 'Contact us',
        intro: 'Fill in your details and we will get back to you.',
        thanksTitle: 'Thank you for your message',
        thanks: 'We have received it and will get back to you as soon as we can.',
      },
      newsletter: {
        title: 'Subscribe to the newsletter',
        intro: 'We send you an e-mail with a link that confirms your subscription.',
        thanksTitle: 'Check your e-mail',
        thanks:
          'If the address is right, we have sent a confirmation link to it. The subscription starts when you follow it.',
      },
      support: {
        title: 'Support request',
        intro: 'Describe what you need help with. You will get a ticket number by e-mail.',
        thanksTitle: 'Thank you, your request is sent',
        thanks: 'We have sent a confirmation with the ticket number to your e-mail.',
      },
      'privacy-request': {
        title: 'A request about your personal data',
        intro: 'We send a link to the address you give. The request is received once you confirm it.',
        thanksTitle: 'Check your e-mail',
        thanks:
          'If the address is right, we have sent a link to it. Confirm the request with it; we answer within one month.',
      },
      cookies: {
        title: 'Cookies',
        intro: 'Choose which cookies we may use. You can change your mind on this page at any time.',
        thanksTitle: 'Your choices are saved',
        thanks: 'We only use the cookies you chose.',
      },
    },
    fields: {
      name: { label: 'Name', invalid: 'Enter your name (at most 200 characters).' },
      email: { label: 'E-mail', invalid: 'Enter a valid e-mail address, like name@example.com.' },
      phone: {
        label: 'Phone',
        hint: 'With the country code, like +46 70 123 45 67.',
        invalid: 'Enter a valid phone number.',
      },
      company: { label: 'Company', invalid: 'At most 200 characters.' },
      message: { label: 'Message', invalid: 'Enter a message.' },
      subject: { label: 'Subject', invalid: 'Enter a subject (at most 200 characters).' },
      consentGiven: { label: '', invalid: 'Tick the box so that we may contact you.' },
      country: {
        label: 'Country',
        hint: 'Two letters, like SE.',
        invalid: "Enter the country's two-letter code, like SE.",
      },
      ageConfirmed: { label: '', invalid: "Confirm your age. Below the age of consent a parent's consent is needed." },
      type: { label: 'What is the request about?', invalid: 'Choose what the request is about.' },
      details: { label: 'More details', hint: 'For example, what to correct.', invalid: 'At most 5,000 characters.' },
      analytics: { label: 'Statistics: how visitors use the website', invalid: 'Choose yes or no.' },
      marketing: { label: 'Marketing: ads for our services on other websites', invalid: 'Choose yes or no.' },
    },
    leadConsent: (agency) => `I want ${agency} to contact me about my request and to keep my details for it.`,
    newsletterConsent: (agency) => `I want ${agency}'s newsletter by e-mail. I can unsubscribe at any time.`,
    ageConfirmed: 'I am 16 or older (13 or older in Sweden and the US).',
    necessary: 'Necessary cookies: needed for the website to work (always on).',
    cookieCurrent: 'Your current choices are filled in.',
    backToForm: 'Back to the form',
    privacyTypes: {
      ACCESS: 'Find out what data you hold about me',
      RECTIFICATION: 'Correct my data',
      ERASURE: 'Erase my data',
      RESTRICTION: 'Restrict the processing',
      OBJECTION: 'Object to the processing',
      PORTABILITY: 'Get my data in a machine-readable format',
      WITHDRAW_CONSENT: 'Withdraw my consent',
    },
  },
};
