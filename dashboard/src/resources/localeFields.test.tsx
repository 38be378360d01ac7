// Dates, money, countries and enum values are shown in the UI's language, not the browser's.
import { screen } from '@testing-library/react';

import { renderInAdmin } from '../testing/render';
import { countryName, CountryField } from './countries';
import { DateField } from './DateField';
import { EnumChipField } from './EnumChipField';
import { formatMoney, MoneyField } from './money';

const record = {
  id: 'o1',
  placedAt: '2026-11-25T13:05:00.000Z',
  totalMinor: 123456,
  currency: 'SEK',
  country: 'SE',
  status: 'PAID',
};

describe('DateField', () => {
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });

  it('writes an ISO-like date in Swedish and a day-month-year date in English', () => {
    const sv = renderInAdmin(<DateField source="placedAt" />, { locale: 'sv', record });
    expect(sv.container).toHaveTextContent('2026-11-25');
    sv.unmount();
    renderInAdmin(<DateField source="placedAt" />, { locale: 'en', record });
    expect(screen.getByText(/25 Nov 2026/)).toBeInTheDocument();
  });

  it('adds the time when asked', () => {
    renderInAdmin(<DateField source="placedAt" showTime />, { locale: 'sv', record });
    expect(screen.getByText(/2026-11-25 \d{2}:05/)).toBeInTheDocument();
  });
});

describe('MoneyField', () => {
  it('formats minor units as the currency in the UI language', () => {
    const sv = renderInAdmin(<MoneyField source="totalMinor" />, { locale: 'sv', record });
    // Swedish: space as thousands separator (a no-break space), comma for decimals, "kr" after.
    expect(sv.container.textContent?.replace(/\s/g, ' ')).toBe('1 234,56 kr');
    sv.unmount();
    const en = renderInAdmin(<MoneyField source="totalMinor" currency="EUR" />, { locale: 'en', record });
    expect(en.container).toHaveTextContent('€1,234.56');
  });

  it('shows a dash for a missing amount, never "NaN" or "0"', () => {
    expect(formatMoney(null, 'SEK', 'sv')).toBe('–');
    expect(formatMoney(undefined, 'SEK', 'en')).toBe('–');
  });
});

describe('CountryField', () => {
  it('names the country in the UI language and keeps the code as its title', () => {
    const sv = renderInAdmin(<CountryField source="country" />, { locale: 'sv', record });
    expect(screen.getByText('Sverige')).toHaveAttribute('title', 'SE');
    sv.unmount();
    renderInAdmin(<CountryField source="country" />, { locale: 'en', record });
    expect(screen.getByText('Sweden')).toBeInTheDocument();
  });

  it('falls back to the code for a value that is not a region', () => {
    expect(countryName('not-a-code', 'sv')).toBe('not-a-code');
  });
});

describe('EnumChipField', () => {
  it('translates the value under its prefix', () => {
    const sv = renderInAdmin(<EnumChipField source="status" prefix="sitecare.order_status" />, {
      locale: 'sv',
      record,
    });
    expect(sv.container).toHaveTextContent('Betald');
    sv.unmount();
    renderInAdmin(<EnumChipField source="status" prefix="sitecare.order_status" />, { locale: 'en', record });
    expect(screen.getByText('Paid')).toBeInTheDocument();
  });

  it('falls back to the raw value when there is no translation, and renders nothing for no value', () => {
    const unknown = renderInAdmin(<EnumChipField value="SOMETHING_NEW" prefix="sitecare.order_status" />);
    expect(unknown.container).toHaveTextContent('SOMETHING_NEW');
    unknown.unmount();
    const empty = renderInAdmin(<EnumChipField source="missing" prefix="sitecare.order_status" />, { record });
    expect(empty.container).toBeEmptyDOMElement();
  });
});
