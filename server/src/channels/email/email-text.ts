import { textToHtml } from "@beckon/contract/autoreply";

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
  const text = lines.join("\n");
  return { subject, text, html: textToHtml(text) };
}
