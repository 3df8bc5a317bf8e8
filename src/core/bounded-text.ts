/** A body read no further than a limit; the browser's responses and the server's requests alike. */

/** Thrown when a body (declared or as it arrives) is larger than the limit. */
export class TooLargeError extends RangeError {
  constructor() {
    super('The body is larger than allowed.');
    this.name = 'TooLargeError';
  }
}

/**
 * The text of a request's or response's body, refusing one whose Content-Length
 * claims more than `limit` bytes and cancelling one that grows past it, so a
 * hostile peer cannot make us hold or parse without end.
 */
export async function readBoundedText(message: Request | Response, limit: number): Promise<string> {
  if (Number(message.headers.get('content-length')) > limit) throw new TooLargeError();
  if (!message.body) return '';
  const reader = message.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      throw new TooLargeError();
    }
    text += decoder.decode(value, { stream: true });
  }
}
