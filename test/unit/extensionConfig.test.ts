import * as assert from 'node:assert/strict';
import '../../bench/adapterVscodeStub';
import { defaultConfig, parseConfig, ruleSetting } from '../../src/engine';
import {
  addAllowedHost,
  CONFIG_TEMPLATE,
  hostOf,
  isSecretFile,
  mergeFixAll,
  renameEnvInEdits,
  untrackCommand,
} from '../../src/extension/configEdit';
import { effectiveConfig, relativeTo } from '../../src/extension/effectiveConfig';
import { normaliseSettings, type SettingKey } from '../../src/extension/settings';

const defaults = normaliseSettings(() => undefined);

describe('extension settings and effective config', () => {
  it('falls back to defaults for missing or malformed setting values', () => {
    const raw: Partial<Record<SettingKey, unknown>> = {
      debounceMs: 'fast',
      families: { secrets: false, 'weak-tls': 'no' },
      severityOverrides: { 'insecure-http': 'info', 'secrets/github-token': 'loud' },
      exclude: ['dist/**', 3],
      maxFileSize: -5,
    };
    const s = normaliseSettings((k) => raw[k]);
    assert.equal(s.debounceMs, 150);
    assert.equal(s.enable, true);
    assert.deepEqual(s.families, {
      secrets: false,
      'insecure-http': true,
      'weak-tls': true,
      'body-logging': true,
    });
    assert.deepEqual(s.severityOverrides, { 'insecure-http': 'info' });
    assert.deepEqual(s.exclude, ['dist/**']);
    assert.equal(s.maxFileSize, 1);
  });

  it('turns a family off, beating a rule re-grade in the config file', () => {
    const file = parseConfig('{ "rules": { "secrets/github-token": "warning" } }').config;
    const s = { ...defaults, families: { ...defaults.families, secrets: false } };
    const c = effectiveConfig(file, s, true);
    assert.equal(ruleSetting(c, 'secrets/github-token'), 'off');
  });

  it('applies the user severity overrides on top of the config file', () => {
    const file = parseConfig('{ "rules": { "insecure-http": "error" } }').config;
    const c = effectiveConfig(
      file,
      { ...defaults, severityOverrides: { 'insecure-http/*': 'info' } },
      true,
    );
    assert.equal(ruleSetting(c, 'insecure-http/http-url'), 'info');
  });

  it('in Restricted Mode ignores what the workspace config would hide, keeps re-grades', () => {
    const text =
      '{ "rules": { "secrets": "off", "weak-tls": "info" }, "exclude": ["**"], "allow": { "paths": ["**"], "hosts": ["corp"] } }';
    const file = parseConfig(text).config;
    const untrusted = effectiveConfig(file, defaults, false);
    assert.equal(ruleSetting(untrusted, 'secrets/github-token'), undefined);
    assert.equal(ruleSetting(untrusted, 'weak-tls/x'), 'info');
    assert.deepEqual(
      [untrusted.exclude, untrusted.allow.paths, untrusted.allow.hosts],
      [[], [], []],
    );
    const trusted = effectiveConfig(file, defaults, true);
    assert.equal(ruleSetting(trusted, 'secrets/github-token'), 'off');
    assert.deepEqual(trusted.allow.hosts, ['corp']);
  });

  it('adds the settings excludes and takes maxFileSize from the file only when it sets one', () => {
    const s = { ...defaults, exclude: ['gen/**'], maxFileSize: 5000 };
    assert.deepEqual(effectiveConfig(defaultConfig(), s, true).exclude, ['gen/**']);
    assert.equal(effectiveConfig(defaultConfig(), s, true).maxFileSize, 5000);
    assert.equal(
      effectiveConfig(parseConfig('{"maxFileSize": 42}').config, s, true).maxFileSize,
      42,
    );
  });

  it('computes folder-relative paths', () => {
    assert.equal(relativeTo('/w/app', '/w/app/src/a.ts'), 'src/a.ts');
    assert.equal(relativeTo('/w/app/', '/w/app/a.ts'), 'a.ts');
    assert.equal(relativeTo('/w/app', '/w/application/a.ts'), undefined);
  });
});

describe('extension config edits', () => {
  it('the template for a new .auditready.jsonc parses without problems', () => {
    assert.deepEqual(parseConfig(CONFIG_TEMPLATE).problems, []);
  });

  it('adds a host to allow.hosts keeping comments, without duplicates', () => {
    const once = addAllowedHost(CONFIG_TEMPLATE, 'Internal.Corp');
    assert.deepEqual(parseConfig(once).config.allow.hosts, ['internal.corp']);
    assert.ok(once.includes('// Hosts whose http:// URLs are accepted'));
    assert.equal(addAllowedHost(once, 'internal.corp'), once);
    const twice = addAllowedHost(once, 'metrics.svc');
    assert.deepEqual(parseConfig(twice).config.allow.hosts, ['internal.corp', 'metrics.svc']);
  });

  it('creates allow.hosts in an empty or minimal file', () => {
    assert.deepEqual(parseConfig(addAllowedHost('', 'a.corp')).config.allow.hosts, ['a.corp']);
    const text = '// team config\n{ "exclude": ["x/**"] }\n';
    const out = addAllowedHost(text, 'a.corp');
    assert.ok(out.startsWith('// team config'));
    assert.deepEqual(parseConfig(out).config.exclude, ['x/**']);
    assert.deepEqual(parseConfig(out).config.allow.hosts, ['a.corp']);
  });

  it('extracts the host of a URL, ignoring credentials and ports', () => {
    assert.equal(hostOf('http://user:****@API.example.org:8080/v1'), 'api.example.org');
    assert.equal(hostOf('http://[::1]:3000/'), '[::1]');
    assert.equal(hostOf('not a url'), undefined);
  });

  it('renames an env var in fix edits as a whole word only', () => {
    const edits = [{ start: 0, end: 5, newText: 'process.env.TOKEN + process.env.TOKEN_URL' }];
    assert.equal(
      renameEnvInEdits(edits, 'TOKEN', 'TOKEN_2')[0].newText,
      'process.env.TOKEN_2 + process.env.TOKEN_URL',
    );
  });

  it('tells secret files (where an env lookup makes no sense) from code', () => {
    assert.ok(
      isSecretFile('.env') &&
        isSecretFile('config/.env.production') &&
        isSecretFile('keys/server.pem'),
    );
    assert.ok(isSecretFile('id_rsa'));
    assert.ok(!isSecretFile('.env.example') && !isSecretFile('src/env.ts'));
  });

  it('quotes the untrack command for odd file names', () => {
    assert.equal(untrackCommand("a b/it's.env"), "git rm --cached -- 'a b/it'\\''s.env'");
  });

  it('fix-all keeps the first of overlapping fixes and sorts the edits', () => {
    const a = { edits: [{ start: 10, end: 20, newText: 'A' }] };
    const b = { edits: [{ start: 15, end: 25, newText: 'B' }] };
    const c = { edits: [{ start: 0, end: 4, newText: 'C' }] };
    assert.deepEqual(
      mergeFixAll([a, b, c]).map((e) => e.newText),
      ['C', 'A'],
    );
  });
});
