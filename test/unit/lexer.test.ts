import * as assert from 'node:assert/strict';
import { lex, lineCommentFor, regionIn } from '../../src/engine/lexer';
import type { LanguageId, Region } from '../../src/engine/types';

/**
 * The light lexer's string/comment decisions that rules rely on: a URL or key "in a string",
 * "in a comment" or "in code/config value". `at(text, needle)` asks for the region of the first
 * occurrence of `needle`.
 */
function at(language: LanguageId, text: string, needle: string, nth = 0): Region {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `"${needle}" not in text`);
  return regionIn(lex(text, language), i);
}

describe('lexer', () => {
  describe('C-like languages', () => {
    it('tells line and block comments from strings', () => {
      const js =
        'const a = "http://x.io"; // http://c.io\n/* http://b.io */ const t = `\nhttp://t.io`;\n';
      assert.equal(at('javascript', js, 'http://x.io'), 'string');
      assert.equal(at('javascript', js, 'http://c.io'), 'comment');
      assert.equal(at('javascript', js, 'http://b.io'), 'comment');
      assert.equal(at('javascript', js, 'http://t.io'), 'string', 'template literals span lines');
      assert.equal(at('javascript', js, 'const t'), 'code');
    });

    it('keeps // inside a string a string, and escaped quotes inside it', () => {
      const go = 'u := "http://a.io/\\"q\\"" + "x" // c\nraw := `http://r.io`\n';
      assert.equal(at('go', go, 'x"'), 'string');
      assert.equal(at('go', go, '// c'), 'comment');
      assert.equal(at('go', go, 'http://r.io'), 'string');
    });

    it('treats Rust /// doc comments and C# /// XML docs as comments', () => {
      assert.equal(at('rust', '/// Calls http://a.io\nfn f() {}\n', 'http'), 'comment');
      assert.equal(
        at('csharp', '/// <summary>http://a.io</summary>\nclass A {}\n', 'http'),
        'comment',
      );
    });

    it('ends an unterminated string at the line end', () => {
      const java = 'String s = "open\nint x = 1; // http://c.io\n';
      assert.equal(at('java', java, 'int x'), 'code');
      assert.equal(at('java', java, 'http'), 'comment');
    });
  });

  describe('hash-comment languages', () => {
    it('Python: # comments, triple-quoted docstrings across lines', () => {
      const py = '"""Docs\nhttp://d.io\n"""\nURL = "http://u.io"  # http://c.io\n';
      assert.equal(at('python', py, 'http://d.io'), 'string');
      assert.equal(at('python', py, 'http://u.io'), 'string');
      assert.equal(at('python', py, 'http://c.io'), 'comment');
    });

    it('PHP: both // and # comments', () => {
      const php = "<?php\n$a = 'http://a.io'; # http://h.io\n// http://s.io\n";
      assert.equal(at('php', php, 'http://a.io'), 'string');
      assert.equal(at('php', php, 'http://h.io'), 'comment');
      assert.equal(at('php', php, 'http://s.io'), 'comment');
    });

    it('shell: # needs white space before it, so $# and URLs with # stay code', () => {
      const sh = 'curl http://a.io/p#frag # note\necho $# "http://q.io"\n';
      assert.equal(at('shell', sh, 'http://a.io'), 'code');
      assert.equal(at('shell', sh, '#frag'), 'code');
      assert.equal(at('shell', sh, '# note'), 'comment');
      assert.equal(at('shell', sh, '$#'), 'code');
      assert.equal(at('shell', sh, 'http://q.io'), 'string');
    });
  });

  describe('config formats', () => {
    it('YAML: unquoted values are code, quoted values strings, # after space a comment', () => {
      const yaml =
        "url: http://a.io/x#y # old: http://o.io\nq: 'http://q.io'\nmsg: don't http://d.io\n";
      assert.equal(at('yaml', yaml, 'http://a.io'), 'code');
      assert.equal(at('yaml', yaml, 'http://o.io'), 'comment');
      assert.equal(at('yaml', yaml, 'http://q.io'), 'string');
      assert.equal(
        at('yaml', yaml, 'http://d.io'),
        'code',
        'an apostrophe inside a word opens no string',
      );
    });

    it('.env, .properties (! comments), INI (; comments)', () => {
      assert.equal(at('dotenv', 'A=http://a.io\n# B=http://b.io\n', 'http://a.io'), 'code');
      assert.equal(at('dotenv', 'A=http://a.io\n# B=http://b.io\n', 'http://b.io'), 'comment');
      assert.equal(at('properties', '! http://c.io\nu=http://u.io\n', 'http://c.io'), 'comment');
      assert.equal(at('properties', '! http://c.io\nu=http://u.io\n', 'http://u.io'), 'code');
      assert.equal(at('ini', '; http://c.io\nurl = http://u.io\n', 'http://c.io'), 'comment');
      assert.equal(at('ini', '; http://c.io\nurl = http://u.io\n', 'http://u.io'), 'code');
    });

    it('nginx, Dockerfile and Terraform comments', () => {
      assert.equal(
        at('nginx', '# proxy_pass http://a.io;\nproxy_pass http://b.io;\n', 'http://a.io'),
        'comment',
      );
      assert.equal(
        at('nginx', '# proxy_pass http://a.io;\nproxy_pass http://b.io;\n', 'http://b.io'),
        'code',
      );
      assert.equal(at('dockerfile', 'ENV U=http://e.io\n# http://c.io\n', 'http://e.io'), 'code');
      assert.equal(at('terraform', 'a = "http://s.io" // http://c.io\n', 'http://s.io'), 'string');
      assert.equal(at('terraform', 'a = "http://s.io" // http://c.io\n', 'http://c.io'), 'comment');
    });

    it('JSON strings, and JSONC comments', () => {
      const json = '{\n  // http://c.io\n  "u": "http://u.io"\n}\n';
      assert.equal(at('json', json, 'http://c.io'), 'comment');
      assert.equal(at('json', json, 'http://u.io'), 'string');
    });
  });

  describe('markup', () => {
    it('XML/HTML: attribute values are strings, text content code, <!-- --> comments', () => {
      const xml =
        '<a href="http://h.io">see http://t.io</a>\n<!-- http://c.io -->\n<p>don\'t</p>\n';
      assert.equal(at('xml', xml, 'http://h.io'), 'string');
      assert.equal(at('xml', xml, 'http://t.io'), 'code');
      assert.equal(at('xml', xml, 'http://c.io'), 'comment');
      assert.equal(at('html', xml, 'http://h.io'), 'string');
      assert.equal(at('html', xml, "don't"), 'code');
    });

    it('Markdown: prose is comment, fenced blocks and inline code are code', () => {
      const md =
        'See http://p.io and `http://i.io`.\n\n```bash\ncurl http://f.io\n```\nAfter http://a.io\n';
      assert.equal(at('markdown', md, 'http://p.io'), 'comment');
      assert.equal(at('markdown', md, 'http://i.io'), 'code');
      assert.equal(at('markdown', md, 'http://f.io'), 'code');
      assert.equal(at('markdown', md, 'http://a.io'), 'comment');
    });
  });

  it('SQL -- comments, Ruby =begin blocks and PowerShell <# #> blocks', () => {
    assert.equal(at('sql', "SELECT 'http://s.io' -- http://c.io\n", 'http://s.io'), 'string');
    assert.equal(at('sql', "SELECT 'http://s.io' -- http://c.io\n", 'http://c.io'), 'comment');
    assert.equal(at('ruby', '=begin\nhttp://c.io\n=end\nx = 1\n', 'http'), 'comment');
    assert.equal(at('ruby', '=begin\nhttp://c.io\n=end\nx = 1\n', 'x = 1'), 'code');
    assert.equal(
      at('powershell', '<# http://c.io #>\n$u = "http://u.io"\n', 'http://c.io'),
      'comment',
    );
    assert.equal(
      at('powershell', '<# http://c.io #>\n$u = "http://u.io"\n', 'http://u.io'),
      'string',
    );
  });

  it('finds strings and comments after long runs of plain code', () => {
    const code = `${'a = b + c;\n'.repeat(20_000)}x = "http://s.io"; // http://c.io\n`;
    assert.equal(at('javascript', code, 'http://s.io'), 'string');
    assert.equal(at('javascript', code, 'http://c.io'), 'comment');
    assert.equal(lex(code, 'javascript').starts.length, 2);
  });

  it('plain text has neither strings nor comments', () => {
    assert.equal(at('text', '# "http://a.io"\n', 'http'), 'code');
  });

  it('writes suppression comments in each language family', () => {
    assert.deepEqual(lineCommentFor('python'), { open: '#', close: '' });
    assert.deepEqual(lineCommentFor('typescript'), { open: '//', close: '' });
    assert.deepEqual(lineCommentFor('xml'), { open: '<!--', close: '-->' });
  });

  it('is linear: 340 kB of quotes and comment openers lexes quickly', () => {
    const text = `"a' // /* # <!--\n`.repeat(20_000);
    const t0 = Date.now();
    for (const lang of ['javascript', 'python', 'yaml', 'xml'] as const) lex(text, lang);
    assert.ok(Date.now() - t0 < 2000);
  });
});
