// The Cloudflare Worker of wrangler.toml: the site from ASSETS, votes in the D1 database DB.
export { default } from 'helpdesk-kit/feedback/runtimes/cloudflare';
