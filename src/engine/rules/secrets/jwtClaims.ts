import { decodeBase64 } from './util';

/** Decoded header and payload of a compact JWS (`header.payload.signature`). */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

/** Decodes a JWT without verifying it; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0].length > 2000 || parts[1].length > 8000) return undefined;
  const header = parseObject(decodeBase64(parts[0]));
  const payload = parseObject(decodeBase64(parts[1]));
  if (!header || !payload) return undefined;
  return { header, payload, signature: parts[2] };
}

/** The payload claims of a JWT, if it decodes. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  return decodeJwt(token)?.payload;
}

function parseObject(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined || !json.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
