import type { LanguageId } from '../../types';
import { replaceFix, tlsRule } from './tlsRule';

const LANGUAGES: LanguageId[] = ['terraform', 'yaml', 'json', 'typescript', 'javascript', 'python', 'java', 'csharp', 'go'];

/**
 * AWS security policies that allow TLS 1.0/1.1: ELB/ALB/NLB `ELBSecurityPolicy-2016-08` and
 * friends (Terraform, CloudFormation, ingress annotations), CDK `SslPolicy.RECOMMENDED`,
 * CloudFront `TLSv1`/`TLSv1_2016`/`TLSv1.1_2016`, API Gateway `TLS_1_0`, OpenSearch
 * `Policy-Min-TLS-1-0-2019-07`.
 */
export default tlsRule({
  id: 'weak-tls/aws-tls-policy',
  title: 'AWS load balancer, CDN or API allows TLS 1.0/1.1',
  description:
    'Many AWS defaults and examples still use policies that accept TLS 1.0 and 1.1: `ELBSecurityPolicy-2016-08` (the old ALB default), the `TLS-1-0`/`TLS-1-1`/`FS-2018-06` policies, CloudFront `TLSv1_2016`, API Gateway `TLS_1_0`, OpenSearch `Policy-Min-TLS-1-0-2019-07`. Auditors and PCI DSS require TLS 1.2 as the floor on every public endpoint.',
  remediation: 'Use `ELBSecurityPolicy-TLS13-1-2-2021-06`, CloudFront `TLSv1.2_2021`, API Gateway `TLS_1_2`, OpenSearch `Policy-Min-TLS-1-2-2019-07`.',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['elbsecuritypolicy-', 'sslpolicy.', 'minimum_protocol_version', 'minimumprotocolversion', 'securitypolicyprotocol.', 'security_policy', 'securitypolicy', 'policy-min-tls-1-', 'protocol-tlsv1', 'protocol-sslv'],
  languages: LANGUAGES,
  patterns: [
    {
      // Classic ELB `SSLNegotiationPolicyType` attributes (Terraform `policy_attribute`,
      // CloudFormation `{ "Name": "Protocol-TLSv1", "Value": "true" }`).
      requires: ['protocol-sslv', 'protocol-tlsv1'],
      re: /\b[Nn]ame["']?\s{0,40}[:=]\s{0,10}["'](Protocol-(?:SSLv2|SSLv3|TLSv1|TLSv1\.1))["'][\s,]{0,60}["']?[Vv]alue["']?\s{0,40}[:=]\s{0,10}["']?true\b/,
      group: 1,
      message: (h) => `${h.m[1]} = true lets the load balancer negotiate a deprecated protocol: set it to false (or use ELBSecurityPolicy-TLS-1-2-2017-01).`,
    },
    {
      requires: ['elbsecuritypolicy-'],
      re: /\b(?:ssl_policy|SslPolicy|sslPolicy|ssl-policy)?(["']?\s{0,40}[:=]\s{0,40}["']?)?(ELBSecurityPolicy-(?:20\d\d-\d\d|TLS-1-[01]-\d{4}-\d\d|FS-(?:20\d\d-\d\d|1-1-\d{4}-\d\d)|TLS13-1-[01]-[A-Za-z0-9-]{1,30}))(?![\w-])/,
      group: 2,
      message: (h) => `${h.value} accepts TLS 1.0/1.1: use ELBSecurityPolicy-TLS13-1-2-2021-06.`,
      fixes: (h) =>
        h.m[1] !== undefined && /^(?:ssl_policy|SslPolicy|sslPolicy|ssl-policy)/.test(h.m[0])
          ? [replaceFix('Use ELBSecurityPolicy-TLS13-1-2-2021-06', h.start, h.end, 'ELBSecurityPolicy-TLS13-1-2-2021-06', true)]
          : [],
    },
    {
      requires: ['sslpolicy.'],
      re: /\bSslPolicy\.(RECOMMENDED|LEGACY|TLS11|TLS13_10|TLS13_11|FORWARD_SECRECY|FORWARD_SECRECY_TLS11)\b/,
      region: 'code',
      message: (h) => `CDK SslPolicy.${h.m[1]} accepts TLS 1.0/1.1: use SslPolicy.RECOMMENDED_TLS.`,
      fixes: (h) => [replaceFix('Use SslPolicy.RECOMMENDED_TLS', h.m.indices![1][0], h.m.indices![1][1], 'RECOMMENDED_TLS', true)],
    },
    {
      requires: ['minimum_protocol_version', 'minimumprotocolversion'],
      re: /\b(?:minimum_protocol_version|MinimumProtocolVersion|minimumProtocolVersion)["']?\s{0,5}[:=]\s{0,5}["']?(SSLv3|TLSv1|TLSv1_2016|TLSv1\.1_2016)(?![\w.])/,
      group: 1,
      message: (h) => `CloudFront minimum protocol ${h.m[1]} accepts old TLS: use TLSv1.2_2021.`,
      fixes: (h) => [replaceFix('Use TLSv1.2_2021', h.m.indices![1][0], h.m.indices![1][1], 'TLSv1.2_2021', true)],
    },
    {
      requires: ['securitypolicyprotocol.'],
      re: /\bSecurityPolicyProtocol\.(SSL_V3|TLS_V1|TLS_V1_2016|TLS_V1_1_2016)\b/,
      region: 'code',
      message: (h) => `CloudFront ${h.value} accepts old TLS: use SecurityPolicyProtocol.TLS_V1_2_2021.`,
      fixes: (h) => [replaceFix('Use TLS_V1_2_2021', h.m.indices![1][0], h.m.indices![1][1], 'TLS_V1_2_2021', true)],
    },
    {
      requires: ['tls_1_0'],
      re: /\b(?:security_policy|SecurityPolicy|securityPolicy)(?:["']?\s{0,5}[:=]\s{0,5}["']?|\.)(TLS_1_0)\b/,
      group: 1,
      message: 'API Gateway security policy TLS_1_0 accepts TLS 1.0: use TLS_1_2.',
      fixes: (h) => [replaceFix('Use TLS_1_2', h.m.indices![1][0], h.m.indices![1][1], 'TLS_1_2', true)],
    },
    {
      requires: ['policy-min-tls-1-'],
      re: /\bPolicy-Min-TLS-1-[01]-\d{4}-\d\d\b/,
      message: (h) => `${h.value} accepts TLS 1.0/1.1: use Policy-Min-TLS-1-2-2019-07.`,
      fixes: (h) => [replaceFix('Use Policy-Min-TLS-1-2-2019-07', h.start, h.end, 'Policy-Min-TLS-1-2-2019-07', true)],
    },
  ],
  bad: [
    {
      path: 'infra/elb.tf',
      text: 'resource "aws_load_balancer_policy" "legacy" {\n  policy_type_name = "SSLNegotiationPolicyType"\n  policy_attribute {\n    name  = "Protocol-TLSv1"\n    value = "true"\n  }\n}\n',
    },
    {
      path: 'infra/alb.tf',
      text: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.main.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-2016-08"\n  certificate_arn   = aws_acm_certificate.main.arn\n}\n',
      fixed: 'resource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.main.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n  certificate_arn   = aws_acm_certificate.main.arn\n}\n',
    },
    {
      path: 'infra/cdn.tf',
      text: 'viewer_certificate {\n  acm_certificate_arn      = var.cert\n  ssl_support_method       = "sni-only"\n  minimum_protocol_version = "TLSv1_2016"\n}\n',
      fixed: 'viewer_certificate {\n  acm_certificate_arn      = var.cert\n  ssl_support_method       = "sni-only"\n  minimum_protocol_version = "TLSv1.2_2021"\n}\n',
    },
    { path: 'infra/api.tf', text: 'resource "aws_api_gateway_domain_name" "api" {\n  security_policy = "TLS_1_0"\n}\n' },
    { path: 'k8s/ingress.yaml', text: 'metadata:\n  annotations:\n    alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS-1-1-2017-01\n' },
    { path: 'infra/stack.ts', text: 'listener = lb.addListener("https", { port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED, certificates });\n' },
    { path: 'cfn/search.yaml', text: 'DomainEndpointOptions:\n  EnforceHTTPS: true\n  TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07\n' },
  ],
  good: [
    { path: 'infra/elb.tf', text: 'policy_attribute {\n  name  = "Protocol-TLSv1"\n  value = "false"\n}\npolicy_attribute {\n  name  = "Protocol-TLSv1.2"\n  value = "true"\n}\n' },
    { path: 'infra/alb.tf', text: 'ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n' },
    { path: 'infra/cdn.tf', text: 'minimum_protocol_version = "TLSv1.2_2021"\n' },
    { path: 'infra/stack.ts', text: 'sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,\n' },
    { path: 'infra/alb.tf', text: '# was ELBSecurityPolicy-2016-08 until the 2024 audit\nssl_policy = "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"\n' },
  ],
});
