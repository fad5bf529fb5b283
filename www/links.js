// @ts-check
// Links that carry a scenario in the address's fragment (never sent to a
// server): `#v=2&view=…&draws=…&seed=…&s=…`, where `s` is the scenario's
// JSON, deflated and base64url-encoded. Shared by the calculator and the
// every-council page.

import { describeErrors } from './scenario-text.js';

/**
 * The version of the link format this page writes. Its `s` holds a scenario
 * whose own `schema` says its format: version 1 links carry format 1, version
 * 2 links format 2, 3 or 4 (the scenario says which). All open, with the
 * figures they were made with.
 */
export const LINK_VERSION = '2';
/** @type {(string | null)[]} */
const READABLE_LINK_VERSIONS = ['1', '2'];

/** @param {Uint8Array} bytes */
const toBase64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** @param {string} text */
const fromBase64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/**
 * Bytes through a (de)compression stream, written to it directly and read back
 * whole; bad input errors the readable side, so the read rejects.
 * @param {Uint8Array<ArrayBuffer>} bytes @param {CompressionStream | DecompressionStream} stream
 */
async function pipe(bytes, stream) {
  const writer = stream.writable.getWriter();
  writer.write(bytes).then(() => writer.close()).catch(() => {});
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

/** Why a link cannot be opened, in words for the notice. */
export class LinkError extends Error {}

/** A link's fragment for a valid scenario and the page's other settings (`view`, `draws`, `seed`). @param {Record<string, any>} scenario @param {Record<string, any>} settings */
export async function linkFragment(scenario, settings) {
  const packed = await pipe(new TextEncoder().encode(JSON.stringify(scenario)), new CompressionStream('deflate-raw'));
  return new URLSearchParams({ v: LINK_VERSION, ...settings, s: toBase64Url(packed) }).toString();
}

/**
 * The scenario in a link's fragment, if any, as `{ scenario, params }`;
 * `fromText` validates the scenario's text (throwing the engine's errors).
 * Throws LinkError saying why the link cannot be used.
 * @param {string} hash @param {(text: string) => any} fromText
 */
export async function scenarioFromLink(hash, fromText) {
  if (!hash) return null;
  const params = new URLSearchParams(hash);
  const version = params.get('v');
  if (!READABLE_LINK_VERSIONS.includes(version)) {
    throw new LinkError(/^\d+$/.test(version ?? '') && Number(version) > Number(LINK_VERSION)
      ? `it was made by a newer version of the calculator (link format ${version})`
      : 'it is not a link to this calculator');
  }
  let text;
  try {
    text = new TextDecoder().decode(await pipe(fromBase64Url(params.get('s') ?? ''), new DecompressionStream('deflate-raw')));
  } catch {
    throw new LinkError('it is incomplete or damaged');
  }
  try {
    return { scenario: fromText(text), params };
  } catch (errors) {
    throw new LinkError(`its figures are not valid (${describeErrors(errors)})`);
  }
}

/** The reader's local date and time, "2026-12-04T10:30:15": download names (its first ten characters) and the audit pack's dates. */
export function localStamp(date = new Date()) {
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
    + `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
