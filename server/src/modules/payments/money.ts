// Providers that take decimal strings ("748.75"): all the currencies we sell in have two decimals.
export const toDecimal = (minor: number) => (minor / 100).toFixed(2);
export const fromDecimal = (value: string | undefined) => Math.round(Number(value ?? 'NaN') * 100);
