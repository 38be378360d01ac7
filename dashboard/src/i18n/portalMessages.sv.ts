// The Swedish of portalMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { portalEnglish } from './portalMessages';

export const portalSwedish: Messages<typeof portalEnglish> = {
  sitecare: {
    portal: {
      title: 'Din översikt',
      intro_customer: 'Dina ärenden, beställningar och webbplatser hos %{agency}, samlade på ett ställe.',
      intro_contractor: 'Webbplatserna som %{agency} har tilldelat dig, och deras öppna ärenden.',
      tickets: {
        title: 'Öppna ärenden',
        count: 'öppet ärende |||| öppna ärenden',
        empty: 'Inga öppna ärenden. Fråga oss vad som helst med ett nytt ärende.',
        waiting: 'Väntar på ditt svar',
        updated: 'Uppdaterat %{date}',
        all: 'Alla ärenden',
        new: 'Nytt ärende',
      },
      subscriptions: {
        title: 'Abonnemang',
        count: 'aktivt abonnemang |||| aktiva abonnemang',
        empty: 'Inget aktivt abonnemang.',
        renews: 'Förnyas %{date}',
        past_due: 'Betalningen misslyckades: byt betalsätt',
        all: 'Alla abonnemang',
      },
      orders: {
        title: 'Senaste beställningar',
        count: 'beställning |||| beställningar',
        empty: 'Inga beställningar än.',
        number: 'Beställning %{number}',
        all: 'Alla beställningar',
      },
      sites: {
        title: 'Webbplatser',
        count: 'webbplats |||| webbplatser',
        empty: 'Inga webbplatser än.',
        empty_contractor: 'Inga webbplatser är tilldelade dig just nu.',
        all: 'Alla webbplatser',
      },
      site_tickets: {
        title: 'Öppna ärenden på dina webbplatser',
        due: 'Första svar senast %{date}',
      },
      privacy: {
        title: 'Dina personuppgifter',
        intro: 'Se och ändra dina samtycken, eller begär en kopia av dina uppgifter eller att de raderas.',
        consents: 'Mina samtycken',
        tools: 'Integritetsverktyg',
      },
    },
    menu: {
      work: 'Kunder och arbete',
      sales: 'Försäljning',
      privacy: 'Integritet',
      admin: 'Administration',
      my_services: 'Mina tjänster',
    },
  },
};
