import type { Meeting } from "@sanshe/contracts";
import { App, Button, Flex, Input } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useSaveMinutes } from "../api";

const tools = [
  { key: "bold", open: "<strong>", close: "</strong>" },
  { key: "heading", open: "<h3>", close: "</h3>" },
  { key: "paragraph", open: "<p>", close: "</p>" },
  { key: "list", open: "<ul>\n<li>", close: "</li>\n</ul>" },
] as const;

/**
 * Minutes as simple HTML: a text area with a tiny toolbar wrapping the selection in a tag. The server
 * sanitizes what is saved (script, styles, event handlers and javascript: links never survive).
 */
export function MinutesEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [html, setHtml] = useState(meeting.minutes_html ?? "");
  const ref = useRef<TextAreaRef>(null);
  const save = useSaveMinutes(meeting.id);

  const wrap = (open: string, close: string) => {
    const area = ref.current?.resizableTextArea?.textArea;
    const start = area?.selectionStart ?? html.length;
    const end = area?.selectionEnd ?? html.length;
    setHtml(`${html.slice(0, start)}${open}${html.slice(start, end)}${close}${html.slice(end)}`);
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={4}>
        {tools.map((tool) => (
          <Button key={tool.key} size="small" onClick={() => wrap(tool.open, tool.close)}>
            {t(`meetings.minutes.tools.${tool.key}`)}
          </Button>
        ))}
      </Flex>
      <Input.TextArea
        ref={ref}
        aria-label={t("meetings.minutes.title")}
        value={html}
        onChange={(event) => setHtml(event.target.value)}
        autoSize={{ minRows: 6, maxRows: 20 }}
      />
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      <Flex gap={8}>
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { version: meeting.version, html },
              {
                onSuccess: (saved) => {
                  setHtml(saved.minutes_html ?? "");
                  void message.success(t("meetings.minutes.saved"));
                },
              },
            )
          }
        >
          {t("meetings.minutes.save")}
        </Button>
      </Flex>
    </Flex>
  );
}

/** Sanitized minutes from the server, shown as formatted text. */
export function MinutesView({ html }: { html: string | null }) {
  const { t } = useTranslation();
  if (!html) {
    return <em>{t("meetings.minutes.none")}</em>;
  }
  // The server stores only allow-listed markup (sanitize-html on write).
  return <div className="meeting-minutes" dangerouslySetInnerHTML={{ __html: html }} />;
}
