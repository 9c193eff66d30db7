import { tokenRule } from './tokenRule';

/** RubyGems API key: a provider-format secret (see docs/rules/secrets/rubygems-api-key.md). */
export default tokenRule({
  id: 'secrets/rubygems-api-key',
  title: 'RubyGems API key',
  description:
    'A RubyGems API key pushes new versions of your gems, which every downstream `bundle install` then trusts.',
  pattern: /\b(rubygems_[a-f0-9]{48})\b/g,
  keywords: ['rubygems_'],
  keywordIn: { before: 0, after: 60 },
  minEntropy: 3,
  envName: 'GEM_HOST_API_KEY',
  bad: [
    {
      path: '.gem/credentials',
      text: '---\n:rubygems_api_key: rubygems_126a0201cb99fa521eeb40639c5aa7a556b31b688701e9ce\n',
    },
  ],
  good: [
    { path: 'Rakefile', text: 'ENV["GEM_HOST_API_KEY"] or abort "set GEM_HOST_API_KEY"\n' },
  ],
});
