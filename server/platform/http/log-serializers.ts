// Request logs must carry no personal data (README, privacy by design), but a query string may:
// a resident search sends the typed name (?q=…), the audit log's text filter too. The logged URL
// keeps the path (ids only) and the parameter names, never their values.

/** "/api/residents?q=Fatima&page=2" → "/api/residents?q=…&page=…" */
export function urlWithoutQueryValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => `${part.split('=', 1)[0]}=…`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

interface TLoggedRequest {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
}

/** pino serializers for Fastify's request log lines. */
export const requestLogSerializers = {
  req: (req: TLoggedRequest) => ({
    method: req.method,
    url: urlWithoutQueryValues(req.url),
    host: req.hostname,
    remoteAddress: req.ip,
  }),
};
