/**
 * Where a contact message goes: the team's own channel, set on the endpoint (never in site.yaml,
 * which is published: a webhook URL or an API key there would be public). A webhook (plain JSON,
 * or the ticket-creation body of Zendesk, Freshdesk or Help Scout) and/or an email sent through
 * a provider's HTTP API (Resend or Postmark): fetch() only, so the same code runs on Node,
 * Workers, Netlify and Vercel. Pure mapping plus one fetch per channel; nothing is kept.
 */
import type { ContactFields } from '../../contact-fields.ts';
import { z } from 'zod';
import { ErrorCodes, HelpCenterError } from '../../../lib/errors.ts';

export const CONTACT_WEBHOOK_FORMATS = ['json', 'zendesk', 'freshdesk', 'helpscout'] as const;
export type ContactWebhookFormat = (typeof CONTACT_WEBHOOK_FORMATS)[number];
export const CONTACT_EMAIL_PROVIDERS = ['resend', 'postmark'] as const;

export interface ContactChannel {
  webhook?: {
    url: string;
    format: ContactWebhookFormat;
    /** The Authorization header value, e.g. "Basic …" for Zendesk and Freshdesk, "Bearer …" for Help Scout. */
    authorization?: string;
    /** Help Scout: the mailbox the conversation is created in. */
    mailboxId?: number;
  };
  email?: { to: string; from: string; provider: (typeof CONTACT_EMAIL_PROVIDERS)[number]; apiKey: string };
}

/** The endpoint's environment variables for the channel (runtimes/config.ts spreads them in). */
export const ContactEnvShape = {
  /** Where contact messages are posted (JSON); unset, with no email either: no /feedback/contact route. */
  FEEDBACK_CONTACT_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** The webhook body: json (default), zendesk, freshdesk or helpscout (docs/in-product-help.md). */
  FEEDBACK_CONTACT_WEBHOOK_FORMAT: z.enum(CONTACT_WEBHOOK_FORMATS).optional(),
  /** Sent as the webhook's Authorization header. */
  FEEDBACK_CONTACT_WEBHOOK_AUTHORIZATION: z.string().min(1).optional(),
  /** Help Scout's mailbox id (format helpscout). */
  FEEDBACK_CONTACT_HELPSCOUT_MAILBOX: z.string().regex(/^\d+$/, 'must be a mailbox id (digits)').optional(),
  /** The team's address that receives contact messages. */
  FEEDBACK_CONTACT_EMAIL_TO: z.email('must be an email address').optional(),
  /** The sender address, on a domain verified with the provider. */
  FEEDBACK_CONTACT_EMAIL_FROM: z.email('must be an email address').optional(),
  /** resend or postmark. */
  FEEDBACK_CONTACT_EMAIL_PROVIDER: z.enum(CONTACT_EMAIL_PROVIDERS).optional(),
  /** The provider's API key (Resend) or server token (Postmark). */
  FEEDBACK_CONTACT_EMAIL_API_KEY: z.string().min(1).optional(),
};

type ContactEnv = { [K in keyof typeof ContactEnvShape]?: z.output<(typeof ContactEnvShape)[K]> };

/** The channel the env describes, or undefined (no route); throws when it is half set. */
export function getContactChannel(env: ContactEnv): ContactChannel | undefined {
  const channel: ContactChannel = {};
  if (env.FEEDBACK_CONTACT_WEBHOOK_URL) {
    const format = env.FEEDBACK_CONTACT_WEBHOOK_FORMAT ?? 'json';
    if (format === 'helpscout' && !env.FEEDBACK_CONTACT_HELPSCOUT_MAILBOX)
      throw new HelpCenterError(
        ErrorCodes.InvalidFeedbackConfig,
        'FEEDBACK_CONTACT_WEBHOOK_FORMAT=helpscout needs FEEDBACK_CONTACT_HELPSCOUT_MAILBOX',
      );
    channel.webhook = {
      url: env.FEEDBACK_CONTACT_WEBHOOK_URL,
      format,
      authorization: env.FEEDBACK_CONTACT_WEBHOOK_AUTHORIZATION,
      mailboxId: env.FEEDBACK_CONTACT_HELPSCOUT_MAILBOX ? Number(env.FEEDBACK_CONTACT_HELPSCOUT_MAILBOX) : undefined,
    };
  }
  if (env.FEEDBACK_CONTACT_EMAIL_TO) {
    const { FEEDBACK_CONTACT_EMAIL_FROM: from, FEEDBACK_CONTACT_EMAIL_PROVIDER: provider } = env;
    const apiKey = env.FEEDBACK_CONTACT_EMAIL_API_KEY;
    if (!from || !provider || !apiKey)
      throw new HelpCenterError(
        ErrorCodes.InvalidFeedbackConfig,

        'FEEDBACK_CONTACT_EMAIL_TO needs FEEDBACK_CONTACT_EMAIL_FROM, FEEDBACK_CONTACT_EMAIL_PROVIDER and FEEDBACK_CONTACT_EMAIL_API_KEY',
      );
    channel.email = { to: env.FEEDBACK_CONTACT_EMAIL_TO, from, provider, apiKey };
  }
  return channel.webhook || channel.email ? channel : undefined;
}

/** A checked message with the context the reader agreed to send; `site` and `sentAt` added by the endpoint. */
export interface ContactMessage extends ContactFields {
  /** Articles and FAQ answers read in this visit, with absolute URLs. */
  read: Array<{ title: string; url: string }>;
  site: string;
  sentAt: string;
}

const firstLine = (text: string) => text.split('\n', 1)[0]!.slice(0, 80);
export const getSubject = (m: ContactMessage) => `Help center contact: ${firstLine(m.message)}`;

/** The message and its context as plain text: the email body and the ticket's description. */
export function formatContactText(m: ContactMessage): string {
  const lines = [m.message, '', '—', `From: ${m.name ? `${m.name} <${m.email}>` : m.email}`, `Language: ${m.language}`];
  if (m.page) lines.push(`Product page: ${m.page}`);
  if (m.searches.length) lines.push('', 'Searched the help center for:', ...m.searches.map((q) => `- ${q}`));
  if (m.read.length) lines.push('', 'Read:', ...m.read.map((r) => `- ${r.title} (${r.url})`));
  lines.push('', `Sent from ${m.site} at ${m.sentAt}`);
  return lines.join('\n');
}

/** The webhook's body in its format (docs/in-product-help.md shows each mapping). */
export function getWebhookBody(m: ContactMessage, format: ContactWebhookFormat, mailboxId?: number): unknown {
  const subject = getSubject(m);
  const text = formatContactText(m);
  const name = m.name || m.email.split('@')[0]!;
  switch (format) {
    case 'zendesk':
      // POST https://<subdomain>.zendesk.com/api/v2/tickets.json
      return {
        ticket: {
          subject,
          comment: { body: text },
          requester: { name, email: m.email },
          tags: ['helpdesk-kit', 'widget'],
        },
      };
    case 'freshdesk':
      // POST https://<domain>.freshdesk.com/api/v2/tickets (status 2 open, priority 1 low, source 2 portal)
      return { email: m.email, name, subject, description: escapeText(text), status: 2, priority: 1, source: 2 };
    case 'helpscout':
      // POST https://api.helpscout.net/v2/conversations
      return {
        subject,
        mailboxId,
        type: 'email',
        status: 'active',
        customer: { email: m.email, ...(m.name && { firstName: m.name }) },
        threads: [{ type: 'customer', customer: { email: m.email }, text: escapeText(text) }],
        tags: ['helpdesk-kit'],
      };
    default:
      return { type: 'helpdesk-kit.contact', subject, text, ...m };
  }
}

/** Freshdesk's description and Help Scout's thread text are HTML: the text goes in escaped, lines kept. */
const escapeText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '<br>');

export interface Delivery {
  channel: 'webhook' | 'email';
  ok: boolean;
  /** The receiver's HTTP status, or undefined when it did not answer. */
  status?: number;
}

const TIMEOUT_MS = 10_000;

async function post(
  fetchImpl: typeof fetch,
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<number | undefined> {
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
    await res.body?.cancel();
    return res.status;
  } catch {
    return undefined;
  }
}

/** Sends the message to each configured channel; resolves with how each went (never throws). */
export async function deliverContact(
  channel: ContactChannel,
  m: ContactMessage,
  fetchImpl: typeof fetch = fetch,
): Promise<Delivery[]> {
  const sends: Array<Promise<Delivery>> = [];
  const { webhook, email } = channel;
  if (webhook)
    sends.push(
      post(
        fetchImpl,
        webhook.url,
        getWebhookBody(m, webhook.format, webhook.mailboxId),
        webhook.authorization ? { authorization: webhook.authorization } : {},
      ).then((status) => ({ channel: 'webhook', status, ok: ok(status) })),
    );
  if (email) {
    const subject = getSubject(m);
    const text = formatContactText(m);
    const request =
      email.provider === 'resend'
        ? post(
            fetchImpl,
            'https://api.resend.com/emails',
            { from: email.from, to: [email.to], subject, text, reply_to: m.email },
            { authorization: `Bearer ${email.apiKey}` },
          )
        : post(
            fetchImpl,
            'https://api.postmarkapp.com/email',
            {
              From: email.from,
              To: email.to,
              Subject: subject,
              TextBody: text,
              ReplyTo: m.email,
              MessageStream: 'outbound',
            },
            { 'x-postmark-server-token': email.apiKey },
          );
    sends.push(request.then((status) => ({ channel: 'email', status, ok: ok(status) })));
  }
  return Promise.all(sends);
}

const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
