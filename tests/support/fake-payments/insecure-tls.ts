// Test-only opt-out of TLS certificate checks for the fake Mollie's self-signed certificate
// (@mollie/api-client pins its own CA list, so NODE_TLS_REJECT_UNAUTHORIZED=0 is the only way in).
// Under jest, `process.env` inside a test file is a sandbox copy that Node's TLS never reads, so this
// sets the variable on the real process too. Call it from a test file, never from server code; undo with
// the returned function (Node prints its usual warning about the variable once).
import vm from 'node:vm';

export function allowSelfSignedCertificates(): () => void {
  // vm.runInThisContext evaluates in Node's main context, where `process` is the real one.
  const realEnv = (vm.runInThisContext('process') as NodeJS.Process).env;
  const before = { sandbox: process.env.NODE_TLS_REJECT_UNAUTHORIZED, real: realEnv.NODE_TLS_REJECT_UNAUTHORIZED };
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  realEnv.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return () => {
    for (const [env, value] of [
      [process.env, before.sandbox],
      [realEnv, before.real],
    ] as const) {
      if (value === undefined) delete env.NODE_TLS_REJECT_UNAUTHORIZED;
      else env.NODE_TLS_REJECT_UNAUTHORIZED = value;
    }
  };
}
