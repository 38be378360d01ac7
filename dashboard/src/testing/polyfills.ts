// What a browser has and jsdom lacks, set before any module loads (react-router reads TextEncoder
// at import time).
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });

// No network in component tests: a test that talks to the API installs testing/fakeApi.ts first.
Object.assign(globalThis, {
  fetch: () => Promise.reject(new Error('No network in component tests: install fakeApi() first')),
});
