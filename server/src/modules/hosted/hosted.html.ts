// The hosted pages' one template (issue 21): plain HTML and a small inline style sheet, no JavaScript
// (forms post to their own address). Accessible: every field has a label, an error is written next to
// its field (aria-describedby, aria-invalid) and listed, with a link to it, in a summary at the top.
import type { SupportedLanguage } from '@sitecare/schema';
import { createHash } from 'node:crypto';
import { escapeHtml as esc } from '../mail/templates';
import type { FieldError } from '../../graphql/validation';
import type { Body, FieldSpec } from './hosted.forms';
import { WORDS } from './hosted.i18n';
import type { HostedTheme } from './hosted.theme';

export interface PageAgency {
  name: string;
  slug: string;
  /** `/agency-logo/<slug>?v=…`, or null without a logo. */
  logoUrl: string | null;
}

export interface RenderedPage {
  html: string;
  /** The CSP hash of the inline style sheet (the only style the page has). */
  styleHash: string;
}

function styles(theme: HostedTheme): string {
  return (
    `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}` +
    `header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;border-bottom:4px solid ${theme.accent}}` +
    `header img{max-height:48px;max-width:60vw;height:auto}.brand{font-weight:700;font-size:1.2rem}` +
    `main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}` +
    `a{color:${theme.accent}}a:focus,input:focus,textarea:focus,button:focus{outline:3px solid ${theme.accent};outline-offset:2px}` +
    `.field{margin:1.25rem 0}label,legend{display:block;font-weight:600}fieldset{border:0;margin:1.25rem 0;padding:0}` +
    `.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.4rem 0}.choice label{font-weight:400}.choice input{margin-top:.3rem;width:1.2rem;height:1.2rem;flex:none}` +
    `input[type=text],input[type=email],input[type=tel],textarea{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid #6b6b6b;border-radius:4px;margin-top:.25rem}` +
    `textarea{min-height:8rem}.hint{color:#4a4a4a;margin:.1rem 0}.req{font-weight:400;color:#4a4a4a}` +
    `.error{color:#b00020;font-weight:600;margin:.25rem 0}[aria-invalid=true]{border-color:#b00020;border-width:2px}` +
    `.summary{border:3px solid #b00020;padding:.75rem 1rem;margin:1rem 0}.summary h2{font-size:1.1rem;margin:0}` +
    `button{font:inherit;font-weight:600;background:${theme.accent};color:${theme.onAccent};border:0;border-radius:4px;padding:.7rem 1.4rem;cursor:pointer}` +
    `footer{max-width:40rem;margin:2rem auto 1rem;padding:0 1rem;color:#4a4a4a;font-size:.9rem}`
  );
}

function shell(opts: {
  language: SupportedLanguage;
  title: string;
  agency: PageAgency;
  theme: HostedTheme;
  switchHref: string;
  main: string;
}): RenderedPage {
  const w = WORDS[opts.language];
  const other: SupportedLanguage = opts.language === 'sv' ? 'en' : 'sv';
  const css = styles(opts.theme);
  const brand = opts.agency.logoUrl
    ? `<img src="${esc(opts.agency.logoUrl)}" alt="${esc(opts.agency.name)}">`
    : `<span class="brand">${esc(opts.agency.name)}</span>`;
  const html =
    `<!doctype html><html lang="${opts.language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(opts.title)} – ${esc(opts.agency.name)}</title><style>${css}</style></head><body>` +
    `<header>${brand}<nav aria-label="${other === 'en' ? 'Språk' : 'Language'}">` +
    `<a href="${esc(opts.switchHref)}" hreflang="${other}" lang="${other}">${esc(w.otherLanguage)}</a></nav></header>` +
    `<main>${opts.main}</main><footer><p>${esc(w.poweredBy)}</p></footer></body></html>`;
  return { html, styleHash: `'sha256-${createHash('sha256').update(css).digest('base64')}'` };
}

function fieldHtml(
  field: FieldSpec,
  language: SupportedLanguage,
  agencyName: string,
  values: Body,
  errors: FieldError[],
): string {
  const w = WORDS[language];
  const id = `f-${field.name}`;
  const words = w.fields[field.name] ?? { label: field.name, invalid: '' };
  const error = errors.find((e) => e.field === field.name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const errorHtml = error ? `<p class="error" id="${errorId}">${esc(words.invalid || error.message)}</p>` : '';
  const describedBy = [error ? errorId : '', words.hint ? hintId : ''].filter(Boolean).join(' ');
  const aria = `${describedBy ? ` aria-describedby="${describedBy}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  const required = field.required ? ' required' : '';
  const marker = `<span class="req">(${field.required ? w.required : w.optional})</span>`;
  const value = typeof values[field.name] === 'string' ? (values[field.name] as string) : '';

  if (field.kind === 'checkbox') {
    const label = field.label ? field.label(w, agencyName) : words.label;
    const checked = value === 'yes' ? ' checked' : '';
    return (
      `<div class="field">${errorHtml}<div class="choice"><input type="checkbox" id="${id}" name="${field.name}" value="yes"${checked}${required}${aria}>` +
      `<label for="${id}">${esc(label)}</label></div></div>`
    );
  }
  if (field.kind === 'radio') {
    const options = field.options!(w)
      .map((option, i) => {
        const optionId = `${id}-${i}`;
        const checked = value === option.value ? ' checked' : '';
        return (
          `<div class="choice"><input type="radio" id="${optionId}" name="${field.name}" value="${esc(option.value)}"${checked}${required}>` +
          `<label for="${optionId}">${esc(option.label)}</label></div>`
        );
      })
      .join('');
    return (
      `<fieldset id="${id}"${describedBy ? ` aria-describedby="${describedBy}"` : ''}>` +
      `<legend>${esc(words.label)} ${marker}</legend>${errorHtml}${options}</fieldset>`
    );
  }
  const hint = words.hint ? `<p class="hint" id="${hintId}">${esc(words.hint)}</p>` : '';
  const autocomplete = field.autocomplete ? ` autocomplete="${field.autocomplete}"` : '';
  const control =
    field.kind === 'textarea'
      ? `<textarea id="${id}" name="${field.name}"${required}${aria}>${esc(value)}</textarea>`
      : `<input type="${field.kind}" id="${id}" name="${field.name}" value="${esc(value)}"${autocomplete}${required}${aria}>`;
  return `<div class="field"><label for="${id}">${esc(words.label)} ${marker}</label>${hint}${errorHtml}${control}</div>`;
}

export function formPage(opts: {
  language: SupportedLanguage;
  agency: PageAgency;
  theme: HostedTheme;
  page: keyof (typeof WORDS)['sv']['pages'];
  fields: FieldSpec[];
  button: 'send' | 'save';
  action: string;
  switchHref: string;
  token: string;
  values: Body;
  errors: FieldError[];
  /** A message about the whole form (rate limit, cross-site post). */
  notice?: string;
}): RenderedPage {
  const w = WORDS[opts.language];
  const texts = w.pages[opts.page];
  const known = new Set(opts.fields.map((f) => f.name));
  const listed = opts.errors.filter(
    (e, i) => known.has(e.field) && opts.errors.findIndex((x) => x.field === e.field) === i,
  );
  const other = opts.errors.filter((e) => !known.has(e.field));
  const summary =
    listed.length || other.length || opts.notice
      ? `<div class="summary" role="alert"><h2>${esc(opts.notice ? opts.notice : w.errorSummary)}</h2>` +
        (listed.length || other.length
          ? `<p>${esc(w.fixField)}</p><ul>` +
            listed
              .map((e) => {
                const words = w.fields[e.field];
                const field = opts.fields.find((f) => f.name === e.field)!;
                const name = words?.label || (field.label ? field.label(w, opts.agency.name) : e.field);
                return `<li><a href="#f-${e.field}">${esc(name)}: ${esc(words?.invalid || e.message)}</a></li>`;
              })
              .join('') +
            other.map((e) => `<li>${esc(e.message)}</li>`).join('') +
            `</ul>`
          : '') +
        `</div>`
      : '';
  const necessary = opts.page === 'cookies' ? `<p>${esc(w.necessary)}</p>` : '';
  const main =
    `<h1>${esc(texts.title)}</h1><p>${esc(texts.intro)}</p>${summary}` +
    `<form method="post" action="${esc(opts.action)}"><input type="hidden" name="_token" value="${esc(opts.token)}">` +
    necessary +
    opts.fields.map((f) => fieldHtml(f, opts.language, opts.agency.name, opts.values, opts.errors)).join('') +
    (opts.page === 'newsletter' ? `<p>${esc(w.newsletterConsent(opts.agency.name))}</p>` : '') +
    `<button type="submit">${esc(opts.button === 'save' ? w.save : w.send)}</button></form>`;
  return shell({
    language: opts.language,
    title: texts.title,
    agency: opts.agency,
    theme: opts.theme,
    switchHref: opts.switchHref,
    main,
  });
}

export function thanksPage(opts: {
  language: SupportedLanguage;
  agency: PageAgency;
  theme: HostedTheme;
  page: keyof (typeof WORDS)['sv']['pages'];
  formHref: string;
  switchHref: string;
}): RenderedPage {
  const w = WORDS[opts.language];
  const texts = w.pages[opts.page];
  const main = `<h1>${esc(texts.thanksTitle)}</h1><p>${esc(texts.thanks)}</p><p><a href="${esc(opts.formHref)}">${esc(w.backToForm)}</a></p>`;
  return shell({
    language: opts.language,
    title: texts.thanksTitle,
    agency: opts.agency,
    theme: opts.theme,
    switchHref: opts.switchHref,
    main,
  });
}

export function messagePage(opts: {
  language: SupportedLanguage;
  agency: PageAgency;
  theme: HostedTheme;
  title: string;
  text?: string;
  switchHref: string;
}): RenderedPage {
  const main = `<h1>${esc(opts.title)}</h1>${opts.text ? `<p>${esc(opts.text)}</p>` : ''}`;
  return shell({ ...opts, main });
}
