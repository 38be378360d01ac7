// Axios adapter for @paypal/paypal-server-sdk, which has no base-URL option: it rewrites
// https://api-m.sandbox.paypal.com and https://api-m.paypal.com to `baseUrl` and refuses any other host, so
// a client built with it cannot reach the internet. Usage:
//   new Client({ environment: Environment.Sandbox, clientCredentialsAuthCredentials: { … },
//                unstable_httpClientOptions: { adapter: paypalAdapterFor(baseUrl) } })
// Depends on axios only; the fake PayPal in tests/support re-exports it.
import axios, { type AxiosAdapter } from 'axios';

const PAYPAL_API = /^https:\/\/api-m(?:\.sandbox)?\.paypal\.com(?=[/?#]|$)/;

export function paypalAdapterFor(baseUrl: string): AxiosAdapter {
  const target = baseUrl.replace(/\/+$/, '');
  const httpAdapter = axios.getAdapter('http');
  return (config) => {
    const url = config.url ?? '';
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${(config.baseURL ?? '').replace(/\/+$/, '')}${url}`;
    const rewritten = absolute.replace(PAYPAL_API, target);
    const rest = rewritten.slice(target.length);
    if (!rewritten.startsWith(target) || !/^([/?#]|$)/.test(rest)) {
      return Promise.reject(new Error(`paypalAdapterFor: refusing to send ${absolute} anywhere but ${target}`));
    }
    // No proxy: an HTTP(S)_PROXY in the environment must not carry loopback calls elsewhere.
    return httpAdapter({ ...config, url: rewritten, baseURL: undefined, proxy: false });
  };
}
