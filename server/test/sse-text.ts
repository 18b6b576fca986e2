/** Reads an SSE response as text, until `done(text)` holds (the whole text so far); throws if the stream ends first. */
export function sseText(res: Response) {
  const r = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  return {
    async until(done: (text: string) => boolean) {
      while (!done(text)) {
        const { value, done: ended } = await r.read();
        if (ended) throw new Error("stream ended");
        text += value;
      }
      return text;
    },
    cancel: () => r.cancel(),
  };
}
