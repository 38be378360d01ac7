// The SSRF guard's one definition: which addresses are public, and what a host name resolves to.
import { isPublicAddress, publicAddressOf } from './public-address';

describe('SSRF guard (public addresses only)', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    'not-an-address',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '193.10.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])(
    'accepts %s',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );

  it('refuses a name that resolves to loopback in production, naming the field; allows it in development and tests', async () => {
    await expect(publicAddressOf('localhost', 'host', false)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'host' },
    });
    await expect(publicAddressOf('169.254.169.254', 'host', false)).rejects.toMatchObject({
      extensions: { field: 'host' },
    });
    expect(await publicAddressOf('127.0.0.1', 'host', true)).toBe('127.0.0.1');
    expect(await publicAddressOf('8.8.8.8', 'host', false)).toBe('8.8.8.8');
  });

  it('a name that does not resolve is refused, naming the field', async () => {
    await expect(publicAddressOf('no-such-host.invalid', 'host', false)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'host' },
    });
  });
});
