// The optional live check of an EU VAT number against the European Commission's VIES service
// (VIES_CHECK=true; off by default and in tests). Format and check digit are always checked (vat.ts).
import { request } from 'undici';
import type { RequestContext } from '../../graphql/context';
import { AppError, badInput } from '../../graphql/errors';

/** Throws BAD_USER_INPUT on `field` when VIES says the number is not registered; an outage lets it pass (the format was checked). */
export async function checkWithVies(ctx: RequestContext, vatNumber: string, field: string): Promise<void> {
  const { viesCheck, viesApiBase } = ctx.app.config.invoices;
  if (!viesCheck) return;
  const country = vatNumber.slice(0, 2);
  const number = vatNumber.slice(2);
  try {
    const res = await request(`${viesApiBase}/ms/${country}/vat/${encodeURIComponent(number)}`, {
      headersTimeout: 5000,
      bodyTimeout: 5000,
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return;
    }
    const body = (await res.body.json()) as { isValid?: boolean };
    if (body.isValid === false) throw badInput(field, 'is not registered for VAT in the EU (VIES)');
  } catch (error) {
    if (error instanceof AppError) throw error;
    ctx.logger.warn({ err: error }, 'VIES check unavailable; the VAT number was checked offline');
  }
}
