// Messages of the second factor and step-up (issue 20), merged into sitecareMessages.ts.
// English is the reference; Swedish must have the same shape (checked at compile time below).

export const signinEnglish = {
  sitecare: {
    second_factor: {
      title: 'Two-step verification',
      login_title: 'Two-step verification',
      login_help: 'Enter the six-digit code from your authenticator app, or one of your recovery codes.',
      code: 'Code',
      code_help: 'Six digits, or a recovery code like ABCD-EFGH-IJKL-MNOP',
      verify: 'Verify',
      other_account: 'Log in as someone else',
      enter_code: 'Enter the code from your authenticator app',
      wrong_code: 'The code is wrong or has already been used',
      wrong_password: 'The password is wrong',
      rate_limited: 'Too many attempts: wait a moment and try again',
      setup_title: 'Set up two-step verification',
      required_notice: 'Your agency requires two-step verification for your role. Set it up to continue.',
      setup_intro:
        'Use an authenticator app (for example Microsoft Authenticator, Google Authenticator, 1Password or Bitwarden) to add a second step to your login.',
      setup_start: 'Set up an authenticator app',
      scan: 'Scan this QR code with your authenticator app, then enter the code it shows.',
      qr_alt: 'QR code for your authenticator app',
      manual: 'Or type this key into the app:',
      confirm: 'Confirm',
      enabled: 'Two-step verification is on.',
      recovery_codes: 'Recovery codes',
      recovery_help:
        'Keep these recovery codes somewhere safe. Each works once if you lose your phone. They are shown only now.',
      saved_codes: 'I have saved the codes',
      status_on: 'On: an authenticator app; %{count} recovery codes left.',
      status_off: 'Off: you log in with your password only.',
      status_required: 'Your agency requires it for your role.',
      remove: 'Remove the authenticator app',
      removed: 'The authenticator app has been removed',
      step_up_title: 'Confirm it is you',
      step_up_help: 'Enter a code from your authenticator app (or a recovery code) to continue.',
      step_up_password: 'Enter your password to continue.',
      roles_help: 'Roles whose users must log in with an authenticator app. They set it up at their next login.',
      roles_save: 'Update the requirement',
      roles_saved: 'Two-step verification requirements saved',
      reset: 'Reset two-step verification',
      reset_confirm:
        'Remove the authenticator app and recovery codes of %{name}, and log them out everywhere? They are mailed about it.',
      reset_done: 'The two-step verification of %{name} has been reset',
    },
  },
};
