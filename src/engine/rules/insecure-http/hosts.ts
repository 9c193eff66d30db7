import { isSafeHost } from '../../heuristics';

/**
 * Host classification for the `insecure-http/` family: which `http://` hosts are loopback or
 * reserved (never flagged), internal service names (not flagged: TLS to them is a service-mesh
 * decision, not a `s/http/https/` fix), private addresses, and identifiers that are never fetched.
 */

/** Binding addresses: a server listening on every interface, not a URL anyone calls. */
const BIND_ALL = new Set(['*', '+', '0', '[::]', '::', '0.0.0.0']);

/** Suffixes of names that only resolve inside a cluster, a VPC or a LAN. */
const INTERNAL_SUFFIX =
  /\.(?:internal|svc|cluster\.local|consul|lan|home\.arpa|localdomain|intranet|docker|localstack\.cloud)$/;

/** Cloud metadata endpoints: plain HTTP by design, no HTTPS alternative exists. */
const METADATA_HOSTS = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'metadata']);

/** Public DNS names that resolve to 127.0.0.1, used for local multi-host development. */
const LOOPBACK_DNS =
  /(?:^|\.)(?:lvh\.me|localtest\.me|vcap\.me|lacolhost\.com)$|(?:^|[.-])127[.-]0[.-]0[.-]1\.(?:nip|sslip|xip)\.io$/;

/** The Android emulator's (and Genymotion's) alias of the development machine's loopback. */
const EMULATOR_LOOPBACK = new Set(['10.0.2.2', '10.0.3.2']);

/**
 * Host (and optionally path) prefixes of namespace, schema, DTD, feature and license
 * identifiers. They look like URLs but are names compared as strings; nothing fetches them.
 */
const IDENTIFIER_PREFIXES: readonly string[] = [
  'w3.org/',
  'schemas.xmlsoap.org/',
  'schemas.microsoft.com/',
  'schemas.openxmlformats.org/',
  'schemas.android.com/',
  'schemas.openid.net/',
  'json-schema.org/',
  'purl.org/',
  'purl.oclc.org/',
  'ns.adobe.com/',
  'xmlns.com/',
  'xmlns.jcp.org/',
  'xmlns.oracle.com/',
  'java.sun.com/xml/',
  'java.sun.com/jsp/',
  'java.sun.com/dtd/',
  'java.sun.com/j2ee/',
  'jakarta.ee/xml/',
  'docs.oasis-open.org/',
  'springframework.org/schema/',
  'springframework.org/dtd/',
  'springframework.org/tags',
  'maven.apache.org/',
  'xml.org/sax/',
  'apache.org/xml/',
  'javax.xml.xmlconstants/',
  'oracle.com/xml/jaxp/',
  'tempuri.org/',
  'schema.org/',
  'ogp.me/',
  'opengis.net/',
  'rdfs.org/',
  'dublincore.org/',
  'openid.net/specs/',
  'iana.org/assignments/',
  'sitemaps.org/',
  'google.com/schemas/',
  'mybatis.org/dtd/',
  'hibernate.org/dtd/',
  'hibernate.sourceforge.net/',
  'struts.apache.org/dtds/',
  'xmlpull.org/',
  'omg.org/spec/',
  'wapforum.org/',
  'inkscape.org/namespaces/',
  'sodipodi.sourceforge.net/',
  'creativecommons.org/',
  'web.resource.org/cc/',
  'apache.org/licenses/',
  'opensource.org/licenses/',
  'gnu.org/licenses/',
  'exslt.org/',
  'xbrl.org/',
  'ietf.org/rfc/',
  'tools.ietf.org/html/',
  'acs.amazonaws.com/groups/',
  'oauth.net/grant_type/',
  'schemas.google.com/',
];

/** `host` with `www.` stripped and lower-cased, followed by the URL's path. */
function hostPath(host: string, path: string): string {
  return `${host.toLowerCase().replace(/^www\./, '')}${path.toLowerCase()}/`;
}

/** A namespace/schema/DTD/license identifier rather than an endpoint. */
export function isIdentifierUrl(host: string, path: string): boolean {
  const hp = hostPath(host, path);
  if (IDENTIFIER_PREFIXES.some((p) => hp.startsWith(p))) return true;
  if (/^(?:ocsp|crl)\d?\./.test(host.toLowerCase())) return true;
  if (/^\/(?:schemas?|ns|namespaces?|xmlns|xml\/ns)(?:\/|$)/i.test(path)) return true;
  return /\.(?:xsd|dtd|ent|mod|rng|rnc)(?:[?#]|$)/i.test(path);
}

/** Strictly valid DNS name or IP literal; anything else is a template, regex or fragment. */
export function isValidHost(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  if (/^\[[0-9a-f:.]{2,64}\]$/i.test(host)) return true;
  const labels = host.split('.');
  if (labels.some((l) => !/^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/i.test(l))) return false;
  const tld = labels[labels.length - 1];
  return !/^\d+$/.test(tld) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}

/** Placeholder host names from documentation and templates (`your-domain.com`, `HOSTNAME`). */
export function isPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase();
  if (
    /(?:^|\.)(?:your|my)[-_]?(?:domain|site|server|host|app|company|api|service|website|url|endpoint)\b/.test(
      h,
    )
  )
    return true;
  if (/(?:^|[.-])(?:x{3,}|placeholder|changeme|replace-?me|tbd|todo)(?:[.-]|$)/.test(h))
    return true;
  return /^(?:host|hostname|domain|server|ip|ip[-_]?address|server[-_]ip|address)(?:\.|$)/.test(h);
}

/** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7. */
export function isPrivateIp(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return (
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return /^\[f[cd][0-9a-f]{2}:/i.test(host);
}

/**
 * Generic top-level domains seen in real endpoints. Any two-letter label is a country code.
 * A dotted name ending in anything else (`grafana.monitoring`, `jenkins.corp`, `db.prod`) is a
 * cluster, VPC or LAN name: internal, like a single-label name.
 */
const PUBLIC_TLDS = new Set(
  (
    'com net org io co dev app ai cloud info biz gov edu mil int xyz tech site online store shop ' +
    'live blog news media page link click host website space world global group email digital ' +
    'agency company services solutions systems network software studio design team works one pro ' +
    'name mobi asia jobs travel aero museum eu tv me gg sh so to ly fm vc im health finance money ' +
    'bank insure capital fund ventures partners consulting support security tools codes build ' +
    'run rocks zone center city today guru ninja expert social chat pay plus art fun games ' +
    'land life live market marketing sale shopping deals events education academy institute ' +
    'school university law legal tax accountant care clinic dental doctor energy solar green eco ' +
    'auto cars bike earth photo photos pictures video audio music radio film tickets tours ' +
    'hotel restaurant cafe bar pizza kitchen food farm garden house homes properties realty ' +
    'estate rentals reviews review wiki directory guide report press foundation org charity ' +
    'church community family kids moe wtf lol ooo box gle goog google amazon aws azure microsoft ' +
    'apple android bot crypto nft web3 xn--p1ai'
  ).split(' '),
);

function hasPublicTld(host: string): boolean {
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return /^[a-z]{2}$/.test(tld) || PUBLIC_TLDS.has(tld);
}

/**
 * Never flagged: loopback, reserved and example names (DESIGN.md), bind-all addresses,
 * cloud metadata endpoints, single-label service names (`http://api:8080` in compose or
 * Kubernetes), cluster/VPC-internal suffixes and names without a public top-level domain.
 */
export function isQuietHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (
    BIND_ALL.has(h) ||
    METADATA_HOSTS.has(h) ||
    EMULATOR_LOOPBACK.has(h) ||
    h.startsWith('169.254.')
  )
    return true;
  if (isSafeHost(h) || /(?:^|\.)example\.[a-z]{2,}$/.test(h) || LOOPBACK_DNS.test(h)) return true;
  if (h.startsWith('[')) return h === '[::1]' || h === '[::]';
  if (!h.includes('.')) return true;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(h)) return false;
  return INTERNAL_SUFFIX.test(h) || !hasPublicTld(h);
}
