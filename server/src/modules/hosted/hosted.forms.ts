// The hosted pages' forms (issue 21): each builds the input of the public GraphQL operation it stands
// for, validates it with that input class's own validators (graphql/validation.ts), and calls the
// same service function as the operation: no rule of a form is written a second time here.
import type { SupportedLanguage } from '@sitecare/schema';
import type { RequestContext } from '../../graphql/context';
import { CookiePreferencesInput, NewsletterSubscribeInput } from '../consents/consent.inputs';
import { setVisitorCookiePreferences, visitorCookiePreferences } from '../consents/cookie.service';
import { subscribeNewsletter } from '../consents/newsletter.service';
import { LeadInput } from '../leads/lead.inputs';
import { submitLead } from '../leads/lead.service';
import { PrivacyRequestType } from '../privacy-requests/privacy-request.entity';
import { PrivacyRequestPublicInput } from '../privacy-requests/privacy-request.inputs';
import { submitPublicRequest } from '../privacy-requests/privacy-request.service';
import { SupportRequestInput } from '../tickets/ticket.inputs';
import { submitSupportForm } from '../tickets/ticket.service';
import { WORDS, type HostedPage } from './hosted.i18n';

export type Body = Record<string, unknown>;

export interface FieldSpec {
  name: string;
  kind: 'text' | 'email' | 'tel' | 'textarea' | 'checkbox' | 'radio';
  required?: boolean;
  autocomplete?: string;
  /** The checkbox's or the radio group's label when the field has no fixed one (a consent wording). */
  label?: (words: (typeof WORDS)[SupportedLanguage], agencyName: string) => string;
  options?: (words: (typeof WORDS)[SupportedLanguage]) => Array<{ value: string; label: string }>;
}

/** What a form knows when it builds its input. */
export interface FormScope {
  agency: string;
  agencyName: string;
  language: SupportedLanguage;
  /** The cookie page's visitor id (its own cookie). */
  visitorId: string;
}

export interface FormSpec {
  fields: FieldSpec[];
  button: 'send' | 'save';
  input: new () => object;
  values(body: Body, scope: FormScope): Record<string, unknown>;
  submit(ctx: RequestContext, input: object): Promise<unknown>;
  /** The form's values before anything is posted (the cookie page shows the saved choices). */
  initial?(ctx: RequestContext, scope: FormScope): Promise<Body>;
}

const text = (body: Body, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');
const optional = (body: Body, name: string): string | null => text(body, name).trim() || null;
const ticked = (body: Body, name: string): boolean => body[name] === 'yes';

export const FORMS: Record<HostedPage, FormSpec> = {
  contact: {
    button: 'send',
    fields: [
      { name: 'name', kind: 'text', required: true, autocomplete: 'name' },
      { name: 'email', kind: 'email', required: true, autocomplete: 'email' },
      { name: 'phone', kind: 'tel', autocomplete: 'tel' },
      { name: 'company', kind: 'text', autocomplete: 'organization' },
      { name: 'message', kind: 'textarea', required: true },
      { name: 'consentGiven', kind: 'checkbox', required: true, label: (w, agency) => w.leadConsent(agency) },
    ],
    input: LeadInput,
    values: (body, scope) => ({
      agency: scope.agency,
      name: text(body, 'name'),
      email: text(body, 'email').trim(),
      phone: optional(body, 'phone'),
      company: optional(body, 'company'),
      message: text(body, 'message'),
      consentGiven: ticked(body, 'consentGiven'),
      consentText: WORDS[scope.language].leadConsent(scope.agencyName),
    }),
    submit: (ctx, input) => submitLead(ctx, input as LeadInput),
  },
  newsletter: {
    button: 'send',
    fields: [
      { name: 'email', kind: 'email', required: true, autocomplete: 'email' },
      { name: 'name', kind: 'text', autocomplete: 'name' },
      { name: 'country', kind: 'text', autocomplete: 'country' },
      { name: 'ageConfirmed', kind: 'checkbox', required: true, label: (w) => w.ageConfirmed },
    ],
    input: NewsletterSubscribeInput,
    values: (body, scope) => ({
      agency: scope.agency,
      email: text(body, 'email').trim(),
      name: optional(body, 'name'),
      preferredLanguage: scope.language,
      country: optional(body, 'country')?.toUpperCase() ?? null,
      ageConfirmed: ticked(body, 'ageConfirmed'),
      consentText: WORDS[scope.language].newsletterConsent(scope.agencyName),
    }),
    submit: (ctx, input) => subscribeNewsletter(ctx, input as NewsletterSubscribeInput),
  },
  support: {
    button: 'send',
    fields: [
      { name: 'name', kind: 'text', required: true, autocomplete: 'name' },
      { name: 'email', kind: 'email', required: true, autocomplete: 'email' },
      { name: 'subject', kind: 'text', required: true },
      { name: 'message', kind: 'textarea', required: true },
    ],
    input: SupportRequestInput,
    values: (body, scope) => ({
      agency: scope.agency,
      name: text(body, 'name'),
      email: text(body, 'email').trim(),
      subject: text(body, 'subject'),
      message: text(body, 'message'),
    }),
    submit: (ctx, input) => submitSupportForm(ctx, input as SupportRequestInput),
  },
  'privacy-request': {
    button: 'send',
    fields: [
      { name: 'email', kind: 'email', required: true, autocomplete: 'email' },
      {
        name: 'type',
        kind: 'radio',
        required: true,
        options: (w) => Object.values(PrivacyRequestType).map((value) => ({ value, label: w.privacyTypes[value] })),
      },
      { name: 'details', kind: 'textarea' },
    ],
    input: PrivacyRequestPublicInput,
    values: (body, scope) => ({
      agency: scope.agency,
      email: text(body, 'email').trim(),
      type: text(body, 'type'),
      details: optional(body, 'details'),
      language: scope.language,
    }),
    submit: (ctx, input) => submitPublicRequest(ctx, input as PrivacyRequestPublicInput),
  },
  cookies: {
    button: 'save',
    fields: [
      { name: 'analytics', kind: 'checkbox', label: (w) => w.fields.analytics.label },
      { name: 'marketing', kind: 'checkbox', label: (w) => w.fields.marketing.label },
    ],
    input: CookiePreferencesInput,
    values: (body, scope) => ({
      agency: scope.agency,
      visitorId: scope.visitorId,
      analytics: ticked(body, 'analytics'),
      marketing: ticked(body, 'marketing'),
    }),
    submit: (ctx, input) => setVisitorCookiePreferences(ctx, input as CookiePreferencesInput),
    initial: async (ctx, scope) => {
      const prefs = await visitorCookiePreferences(ctx, scope.agency, scope.visitorId);
      return { analytics: prefs.analytics ? 'yes' : '', marketing: prefs.marketing ? 'yes' : '' };
    },
  },
};
