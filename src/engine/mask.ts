/**
 * Masking: no secret value is ever shown in full — not in diagnostics, hovers, SARIF, logs
 * or reports. A masked value keeps a short prefix (which often names the provider, e.g.
 * `ghp_`) and hides the rest, including its exact length.
 */
export function mask(value: string): string {
  const v = value.trim();
  if (v.length === 0) return '';
  if (v.length <= 8) return '****';
  const keep = v.length >= 20 ? 4 : 2;
  return `${v.slice(0, keep)}****`;
}

/**
 * Replaces every occurrence of `secret` (and of its longer substrings, in case a message
 * quotes part of it) in `text` with its mask. Used as a last line of defence on messages.
 */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 6) return text;
  const masked = mask(secret);
  let out = text.split(secret).join(masked);
  // A message might quote a long slice of the value; hide any 12+ char window of it.
  if (secret.length > 16) {
    for (let i = 0; i + 12 <= secret.length; i += 6) {
      const window = secret.slice(i, i + 12);
      if (out.includes(window)) out = out.split(window).join('****');
    }
  }
  return out;
}
