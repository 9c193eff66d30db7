import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { blockEnd, MAX_MATCHES, stripComments } from './blocks';

/**
 * `insecure-http/cloud-http-listener`: cloud resources that serve or forward plain HTTP —
 * a load-balancer listener on HTTP that forwards instead of redirecting, CloudFront allowing
 * HTTP viewers or talking HTTP to its origin, Azure apps and storage accepting HTTP.
 * Terraform, plus the CloudFormation spellings in YAML/JSON.
 */

interface Setting {
  re: RegExp;
  message: string;
}

/** One-line settings that allow plain HTTP, whatever block they are in. */
const SETTINGS: readonly Setting[] = [
  {
    re: /\b(?:viewer_protocol_policy|ViewerProtocolPolicy)["']?\s*[=:]\s*["']?allow-all\b["']?/g,
    message:
      'CloudFront serves viewers over plain HTTP (allow-all). Use "redirect-to-https" or "https-only".',
  },
  {
    re: /\b(?:origin_protocol_policy|OriginProtocolPolicy)["']?\s*[=:]\s*["']?http-only\b["']?/g,
    message: 'CloudFront fetches from the origin over plain HTTP (http-only). Use "https-only".',
  },
  {
    re: /\bhttps_only\s*=\s*false\b/g,
    message: 'The Azure app accepts plain HTTP (https_only = false). Set https_only = true.',
  },
  {
    re: /\b(?:enable_https_traffic_only|https_traffic_only_enabled)\s*=\s*false\b/g,
    message: 'The storage account accepts plain HTTP. Set https_traffic_only_enabled = true.',
  },
];

function settings(ctx: ScanContext, out: RuleMatch[]): void {
  for (const s of SETTINGS) {
    const re = new RegExp(s.re.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      if (ctx.isComment(m.index)) continue;
      if (out.length >= MAX_MATCHES) return;
      out.push({ start: m.index, end: m.index + m[0].length, value: m[0], message: s.message });
    }
  }
}

/** `aws_lb_listener` / `aws_alb_listener` on HTTP whose default action is not a redirect. */
function terraformListeners(ctx: ScanContext, out: RuleMatch[]): void {
  const re = /resource\s+"aws_a?lb_listener"\s+"[\w-]{1,128}"\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null) {
    const open = m.index + m[0].length - 1;
    const end = blockEnd(ctx.text, open);
    re.lastIndex = Math.max(open + 1, end);
    const block = stripComments(ctx.text.slice(open, end));
    const proto = /\bprotocol\s*=\s*"HTTP"/.exec(block);
    if (!proto || /\btype\s*=\s*"redirect"|\bredirect\s*\{/.test(block)) continue;
    const start = open + proto.index;
    out.push({
      start,
      end: start + proto[0].length,
      value: proto[0],
      message:
        'The load balancer serves plain HTTP and forwards it. Make the HTTP listener redirect to HTTPS (default_action { type = "redirect" … protocol = "HTTPS" }).',
    });
  }
}

export default defineRule({
  id: 'insecure-http/cloud-http-listener',
  family: 'insecure-http',
  title: 'Cloud resource serves or forwards plain HTTP',
  description:
    'A load balancer, CDN, app service or storage account is configured to accept or send plain HTTP. Everything users send to it — logins, cookies, personal data — crosses the internet unencrypted, and the content can be altered on the way.',
  remediation:
    'Redirect HTTP to HTTPS at the load balancer, use redirect-to-https / https-only in CloudFront, and enforce HTTPS-only on Azure resources.',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-319'],
  keywords: [
    'allow-all',
    'http-only',
    'https_only',
    'https_traffic_only',
    'aws_lb_listener',
    'aws_alb_listener',
  ],
  languages: ['terraform', 'yaml', 'json'],
  detect(ctx) {
    const out: RuleMatch[] = [];
    settings(ctx, out);
    if (ctx.language === 'terraform') terraformListeners(ctx, out);
    return out.sort((a, b) => a.start - b.start);
  },
  bad: [
    {
      path: 'infra/alb.tf',
      text: 'resource "aws_lb_listener" "web" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.web.arn\n  }\n}\n',
      count: 1,
    },
    {
      path: 'infra/cdn.tf',
      text: 'resource "aws_cloudfront_distribution" "site" {\n  default_cache_behavior {\n    viewer_protocol_policy = "allow-all"\n  }\n}\n',
    },
    {
      path: 'infra/app.tf',
      text: 'resource "azurerm_linux_web_app" "api" {\n  https_only = false\n}\n',
    },
    { path: 'cfn/cdn.yaml', text: 'DefaultCacheBehavior:\n  ViewerProtocolPolicy: allow-all\n' },
  ],
  good: [
    {
      path: 'infra/alb.tf',
      text: 'resource "aws_lb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}\n',
    },
    {
      path: 'infra/main.tf',
      text: 'resource "aws_sns_topic_subscription" "a" {\n  protocol = "http"\n}\nresource "azurerm_linux_web_app" "api" {\n  https_only = true\n}\n# viewer_protocol_policy = "allow-all"\n',
    },
  ],
});
