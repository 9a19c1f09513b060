import { MAX_ANNOUNCEMENT_FILE_BYTES, MAX_ANNOUNCEMENT_FILES } from "@sanshe/contracts";
import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Empty, List, Space, Spin, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { ANNOUNCEMENT_FILE_ACCEPT, attachmentUrl, useAddAnnouncementAttachment, useAnnouncement, useUnreadRecipients } from "../api";
import { ReceiptTable } from "../components/ReceiptTable";

/**
 * One announcement (opening it marks it read). The body is HTML already sanitized by the server.
 * Its managers also see how many have read it, who has not, and every receipt (sorted, filtered, exported).
 */
export function AnnouncementDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const announcement = useAnnouncement(id);
  const manager = announcement.data?.recipients !== null && announcement.data?.recipients !== undefined;
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const unread = useUnreadRecipients(id, cursors.at(-1), manager);
  const attach = useAddAnnouncementAttachment();
  const { message } = App.useApp();

  const addFile = (file: File) => {
    if (file.size > MAX_ANNOUNCEMENT_FILE_BYTES) {
      void message.error(t("announcements.fileTooLarge", { name: file.name }));
      return;
    }
    attach.mutate(
      { id, file, idempotencyKey: crypto.randomUUID() },
      { onSuccess: () => void message.success(t("announcements.fileAdded")) },
    );
  };

  if (announcement.isLoading) {
    return <Spin />;
  }
  const data = announcement.data;
  return (
    <>
      <ProblemAlert error={announcement.error ?? unread.error ?? attach.error} style={{ marginBottom: 12 }} />
      {data && (
        <>
          <PageHeader
            title={
              <Space>
                {data.pinned && <Tag color="red">{t("announcements.pinned")}</Tag>}
                <span data-testid="announcement-title">{data.title}</span>
              </Space>
            }
            subtitle={`${data.area_name} · ${data.published_by_name} · ${formatDateTime(data.published_at)}`}
          />
          <Card style={{ marginBottom: 16 }}>
            {/* Sanitized on the server (sanitize-html allow-list) before it was stored. */}
            <div className="announcement-body" dangerouslySetInnerHTML={{ __html: data.body_html }} />
            {data.attachments.length > 0 && (
              <List
                header={t("announcements.attachments")}
                dataSource={data.attachments}
                renderItem={(file) => (
                  <List.Item key={file.id}>
                    <a href={attachmentUrl(data.id, file.id)} download={file.file_name}>
                      {file.file_name}
                    </a>
                    <Typography.Text type="secondary">{Math.ceil(file.size_bytes / 1024)} KB</Typography.Text>
                  </List.Item>
                )}
              />
            )}
            {manager && data.attachments.length < MAX_ANNOUNCEMENT_FILES && (
              <Upload
                accept={ANNOUNCEMENT_FILE_ACCEPT}
                showUploadList={false}
                beforeUpload={(file) => {
                  addFile(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={attach.isPending} className="sanshe-no-print">
                  {t("announcements.addFile")}
                </Button>
              </Upload>
            )}
          </Card>
          {manager && (
            <Card title={t("announcements.receipts")}>
              <Descriptions
                size="small"
                items={[
                  { key: "total", label: t("announcements.recipients"), children: data.recipients },
                  { key: "read", label: t("announcements.read"), children: <span data-testid="announcement-read-count">{data.read}</span> },
                  {
                    key: "expires",
                    label: t("announcements.expiresAt"),
                    children: data.expires_at ? formatDateTime(data.expires_at) : "—",
                  },
                ]}
              />
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t("announcements.notRead")}
              </Typography.Title>
              {unread.data && unread.data.items.length === 0 ? (
                <Empty description={t("announcements.allRead")} />
              ) : (
                <Space wrap data-testid="announcement-unread">
                  {unread.data?.items.map((person) => (
                    <Tag key={person.user_id}>{person.display_name}</Tag>
                  ))}
                </Space>
              )}
              <Space style={{ marginTop: 12 }}>
                <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                  {t("announcements.previous")}
                </Button>
                <Button
                  disabled={!unread.data?.next_cursor}
                  onClick={() => unread.data?.next_cursor && setCursors([...cursors, unread.data.next_cursor])}
                >
                  {t("announcements.next")}
                </Button>
              </Space>
            </Card>
          )}
          {manager && (
            <Card title={t("announcements.receiptList.title")} style={{ marginTop: 16 }}>
              <ReceiptTable announcementId={id} />
            </Card>
          )}
        </>
      )}
    </>
  );
}
