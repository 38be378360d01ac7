// What a request says about its client, read the same way everywhere: the browser and OS from the
// user agent (ua-parser-js 1.x, MIT; 2.x is AGPL) and the address as the socket gave it.
import { UAParser } from 'ua-parser-js';

/** A user agent longer than this is cut before parsing (real ones are a few hundred characters). */
const MAX_USER_AGENT = 512;
const cut = (value: string | undefined, max = 100) => (value ? value.slice(0, max) : null);
const parse = (userAgent: string | null | undefined) =>
  new UAParser(userAgent?.slice(0, MAX_USER_AGENT) ?? '').getResult();

/** Browser name + version and OS (the visit log keeps these instead of the raw string). */
export function parseUserAgent(userAgent: string | null | undefined) {
  const { browser, os } = parse(userAgent);
  return {
    browserName: cut(browser.name),
    browserVersion: cut(browser.version),
    osName: cut(os.name),
    osVersion: cut(os.version),
  };
}

/** For people: "Chrome 131", "macOS 14.5", "Apple iPhone (mobile)"; null where the agent says nothing. */
export function describeUserAgent(userAgent: string | null | undefined) {
  const { browser, os, device } = parse(userAgent);
  const join = (...parts: Array<string | undefined>) => cut(parts.filter(Boolean).join(' ')) || null;
  const model = join(device.vendor, device.model);
  return {
    browser: join(browser.name, browser.version),
    os: join(os.name, os.version),
    device: model && device.type ? `${model} (${device.type})` : (model ?? cut(device.type)),
  };
}

/**
 * Which browser a user agent is, for "a login from a browser you have not used before": browser,
 * OS and device without versions (an update is the same browser); the raw string when it names none.
 */
export function browserKey(userAgent: string | null | undefined): string {
  const { browser, os, device } = parse(userAgent);
  const key = [browser.name, os.name, device.vendor, device.model].map((p) => p ?? '').join('|');
  return key === '|||' ? `raw:${userAgent?.slice(0, MAX_USER_AGENT) ?? ''}` : key;
}

/** IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d: keep the IPv4 form. */
export const normaliseIp = (ip: string | null | undefined) =>
  ip ? ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1') : null;
