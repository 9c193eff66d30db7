/**
 * Names of request fields (form, JSON body, query) that carry a credential value. A variable
 * assigned from one (`pw = request.form["password"]`) holds the credential under a name that
 * says nothing, so the language rules track it like a header. Exact names only: `password_hint`,
 * `token_type` or `csrf_token` are not listed.
 */
export const CRED_FIELD =
  '(?:password|passwd|pwd|passphrase|new_password|current_password|old_password|password_confirmation|token|access_token|refresh_token|id_token|auth_token|api_key|apikey|api_token|client_secret|secret|otp)';

/** The same names in camelCase, as JSON bodies spell them (`req.body.newPassword`). */
export const CRED_FIELD_CAMEL =
  '(?:password|passwd|pwd|passphrase|newPassword|currentPassword|oldPassword|passwordConfirmation|token|accessToken|refreshToken|idToken|authToken|apiKey|apiToken|clientSecret|secret|otp)';

export const CRED_FIELD_WHAT = 'Password or token from the request';
