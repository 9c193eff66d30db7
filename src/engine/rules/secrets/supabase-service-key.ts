import { tokenRule } from './tokenRule';
import { jwtClaims } from './jwtClaims';

/** Supabase secret keys (`sb_secret_`) and legacy `service_role` JWTs, which bypass row-level security. */
export default tokenRule({
  id: 'secrets/supabase-service-key',
  title: 'Supabase service-role or secret key',
  description:
    'A Supabase service-role (secret) key bypasses row-level security: it reads and writes every table and storage bucket of the project. Unlike the anon/publishable key, it must never leave the server.',
  pattern: /(?<![A-Za-z0-9_.-])(sb_secret_[A-Za-z0-9_-]{31,64}|eyJ[A-Za-z0-9_-]{10,300}\.eyJ[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{20,400})(?![A-Za-z0-9_-])/g,
  keywords: ['sb_secret_', 'supabase', 'service_role'],
  minEntropy: 3.5,
  envName: 'SUPABASE_SERVICE_ROLE_KEY',
  /** A JWT is a service key only when its payload says role "service_role". */
  validate(value) {
    return value.startsWith('sb_secret_') || jwtClaims(value)?.role === 'service_role';
  },
  bad: [
    {
      path: 'src/admin.ts',
      text: "const supabaseServiceKey = 'sb_secret_Lu5zyDPxcrdhYDqg9SEen2P-q19KYrw';\n",
      fixed: 'const supabaseServiceKey = process.env.SUPABASE_SERVICE_KEY;\n',
    },
  ],
  good: [
    {
      path: 'src/client.ts',
      text: 'const supabase = createClient(url, process.env.SUPABASE_ANON_KEY!);\n',
    },
  ],
});
