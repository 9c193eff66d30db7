import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** Hex SHA-256 of `text`, truncated to `length` hex digits. Pure JS: the engine does no I/O. */
export function hashHex(text: string, length = 32): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, length);
}
