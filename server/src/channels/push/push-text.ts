/** What a notification shows: the alert SMS's first line as the title, the rest without links as the body. */
export function pushNotice(smsText: string, requestId: string | null): { title: string; body: string; url: string; requestId: string | null } {
  const lines = smsText.split("\n").map((l) => l.trim()).filter((l) => l && !/^https?:\/\//.test(l));
  const cap = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join("")}…` : s);
  return {
    title: cap(lines[0] ?? "Beckon", 80),
    body: cap(lines.slice(1).join("\n"), 240),
    url: requestId ? `/admin/requests/${requestId}` : "/admin",
    requestId,
  };
}
