import { escapeHtml, textToHtml } from "@beckon/contract/autoreply";

export type OwnerCopy = {
  siteName: string;
  ref: string;
  name: string;
  email: string;
  topic: string | undefined;
  message: string;
  extras: { label: string; value: string }[];
  earlierRequests: number;
  link: string;
  /** The photos and PDFs that came with it, each as a signed link (files/file-links.ts). */
  files?: { name: string; url: string }[];
};

/** The owner's copy of a shopper's message: everything they sent, ready to answer with "Reply". */
export function ownerCopy(m: OwnerCopy): { subject: string; text: string; html: string } {
  const subject = `Message #${m.ref} from ${m.name}${m.topic ? `: ${m.topic}` : ""}`.replace(/[\r\n]+/g, " ").slice(0, 200);
  const lines = [
    `${m.name} <${m.email}> wrote through ${m.siteName}${m.earlierRequests > 0 ? ` (returning customer: ${m.earlierRequests} earlier request${m.earlierRequests === 1 ? "" : "s"})` : ""}:`,
    "",
    ...(m.topic ? [`Topic: ${m.topic}`] : []),
    ...m.extras.map((e) => `${e.label}: ${e.value}`),
    ...(m.topic || m.extras.length ? [""] : []),
    m.message,
    "",
    `Reply to this email to answer ${m.name.split(/\s+/)[0]}, or open the request: ${m.link}`,
  ];
  const files = m.files ?? [];
  const text = [...lines, ...(files.length ? ["", "Files:", ...files.map((f) => `${f.name}: ${f.url}`)] : [])].join("\n");
  // The HTML part names each file as a real link (the text part's bare URLs are linked by mail clients).
  const links = files.map((f) => `<a href="${escapeHtml(f.url)}">${escapeHtml(f.name)}</a>`).join("<br>");
  const html = textToHtml(lines.join("\n"));
  return { subject, text, html: links ? html.replace("\n</body>", `\n<p>Files:<br>${links}</p>\n</body>`) : html };
}
