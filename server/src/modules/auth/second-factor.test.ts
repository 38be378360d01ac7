// Issue 20 (S33): TOTP checks against a fixed clock, and the recovery codes' format and hashing.
import { generate, generateSecret } from 'otplib';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from './second-factor.service';

const secret = generateSecret();
const T = 1_900_000_020; // a fixed clock: 20 s into a 30-second step
const step = Math.floor(T / 30);
const codeAt = (epoch: number) => generate({ secret, epoch });

describe('M14: S33: TOTP with a fixed clock', () => {
  it('M14: the right code of the current step is accepted and gives its time step', async () => {
    expect(await checkTotp(secret, await codeAt(T), null, T)).toBe(step);
  });

  it('M14: a wrong code, or anything but six digits, is refused', async () => {
    const right = await codeAt(T);
    const wrong = right === '123456' ? '654321' : '123456';
    expect(await checkTotp(secret, wrong, null, T)).toBeNull();
    for (const junk of ['', '12345', '1234567', 'abcdef', `${right}0`])
      expect(await checkTotp(secret, junk, null, T)).toBeNull();
  });

  it('M14: a replayed code (its step already used) is refused within its window', async () => {
    const code = await codeAt(T);
    const used = await checkTotp(secret, code, null, T);
    expect(used).toBe(step);
    expect(await checkTotp(secret, code, used, T)).toBeNull();
    expect(await checkTotp(secret, code, used, T + 9)).toBeNull(); // later in the same window
  });

  it('M14: the code of the window before is accepted (clock drift), two windows before is not, nor a future one', async () => {
    expect(await checkTotp(secret, await codeAt(T - 30), null, T)).toBe(step - 1);
    expect(await checkTotp(secret, await codeAt(T - 60), null, T)).toBeNull();
    expect(await checkTotp(secret, await codeAt(T + 30), null, T)).toBeNull();
    // The previous window's code after the current one was used: older than the last step, refused.
    expect(await checkTotp(secret, await codeAt(T - 30), step, T)).toBeNull();
  });

  it('M14: recovery codes: ten, 80 random bits each, hashed with SHA-256 ignoring case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/); // 16 base32 digits = 80 bits
    expect(hashRecoveryCode(codes[0])).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(codes[0].toLowerCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(codes[0]));
    expect(hashRecoveryCode(codes[1])).not.toBe(hashRecoveryCode(codes[0]));
  });
});
