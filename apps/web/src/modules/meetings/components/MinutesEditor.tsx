import type { Meeting } from "@sanshe/contracts";
import { Alert, App, Button, Collapse, Flex, Input, Popconfirm, Typography } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { formatDateTime } from "../../../ui/formatDateTime";
import { useAmendMinutes, useSaveMinutes } from "../api";

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
  // pre-wrap: line breaks typed into the minutes stay line breaks on screen and on paper
  return <div className="meeting-minutes" style={{ whiteSpace: "pre-wrap" }} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Finalized minutes: read-only. The convener may amend them with a reason; each amendment is a new
 * recorded version (author, time, reason), listed below the text.
 */
export function FinalMinutes({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [amending, setAmending] = useState(false);
  const [html, setHtml] = useState(meeting.minutes_html ?? "");
  const [reason, setReason] = useState("");
  const amend = useAmendMinutes(meeting.id);
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t("meetings.minutes.final")} />
      {amending ? (
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label={t("meetings.minutes.amendText")}
            value={html}
            onChange={(event) => setHtml(event.target.value)}
            autoSize={{ minRows: 6, maxRows: 20 }}
          />
          <Input
            aria-label={t("meetings.minutes.amendReason")}
            placeholder={t("meetings.minutes.amendReason")}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
          />
          {amend.isError ? <ProblemAlert error={amend.error} /> : null}
          <Flex gap={8}>
            <Popconfirm
              title={t("meetings.minutes.amendConfirm")}
              description={t("meetings.minutes.amendConsequence")}
              okText={t("meetings.minutes.amendSave")}
              cancelText={t("meetings.common.cancel")}
              disabled={!reason.trim()}
              onConfirm={() =>
                amend.mutate(
                  { version: meeting.version, html, reason: reason.trim() },
                  {
                    onSuccess: () => {
                      setAmending(false);
                      void message.success(t("meetings.minutes.amended"));
                    },
                  },
                )
              }
            >
              <Button type="primary" disabled={!reason.trim()} loading={amend.isPending}>
                {t("meetings.minutes.amendSave")}
              </Button>
            </Popconfirm>
            <Button onClick={() => setAmending(false)}>{t("meetings.common.cancel")}</Button>
          </Flex>
        </Flex>
      ) : (
        <>
          <MinutesView html={meeting.minutes_html} />
          {meeting.is_convener ? (
            <div>
              <Button onClick={() => setAmending(true)}>{t("meetings.minutes.amend")}</Button>
            </div>
          ) : null}
        </>
      )}
      <MinutesVersions meeting={meeting} />
    </Flex>
  );
}

/** The recorded versions of finalized minutes: who, when, why, and the text of each. */
export function MinutesVersions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (meeting.minutes_versions.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="minutes-versions">
      <Typography.Title level={5} id="minutes-versions">
        {t("meetings.minutes.versions")}
      </Typography.Title>
      <Collapse
        size="small"
        items={[...meeting.minutes_versions].reverse().map((version) => ({
          key: version.number,
          label: t("meetings.minutes.versionLabel", {
            number: version.number,
            author: version.author_name ?? "",
            at: formatDateTime(version.created_at),
          }),
          children: (
            <>
              <Typography.Paragraph type="secondary">
                {version.reason ? t("meetings.minutes.versionReason", { reason: version.reason }) : t("meetings.minutes.versionFinal")}
              </Typography.Paragraph>
              <MinutesView html={version.html} />
            </>
          ),
        }))}
      />
    </section>
  );
}
