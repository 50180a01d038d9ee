import type { FastifyReply } from 'fastify';

// Sending a stored file back to the browser safely (OWASP file download): always as an
// attachment, under the stored media type with sniffing off, sandboxed if a browser renders it
// anyway, never cached. The file name comes from the uploader, so it is encoded, never trusted.

/**
 * A Content-Disposition value for a user-supplied file name (RFC 6266 with RFC 5987's filename*):
 * an ASCII fallback in quotes and the exact UTF-8 name, percent-encoded.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\%;]/g, '_')
      .trim() || 'fil';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends `content` as a download named `fileName` of type `mediaType`. */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string; content: Buffer },
): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'no-store')
    .send(file.content);
}
