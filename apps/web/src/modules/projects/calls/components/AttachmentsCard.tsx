import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import type { ApplicationDetail } from "@sanshe/contracts";
import { AttachmentTypeSchema, MAX_APPLICATION_ATTACHMENT_BYTES } from "@sanshe/contracts";
import { Alert, Button, Flex, List, Space, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { attachmentHref, useUploadAttachment } from "../api";

const EXTENSIONS = [".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"];
const megabytes = MAX_APPLICATION_ATTACHMENT_BYTES / 1024 / 1024;

/** Documents of an application: one row per required type (missing ones flagged), upload while allowed, download links. */
export function AttachmentsList({
  application,
  requiredDocuments,
  canUpload,
  callId,
}: {
  application: ApplicationDetail;
  requiredDocuments: string[];
  canUpload: boolean;
  callId: string;
}) {
  const { t } = useTranslation();
  const extra = [...new Set(application.attachments.map((a) => a.doc_type))].filter((d) => !requiredDocuments.includes(d));
  const types = [...requiredDocuments, ...extra];
  return (
    <List
      size="small"
      bordered
      dataSource={types}
      locale={{ emptyText: t("calls.attachments.noneRequired") }}
      renderItem={(docType) => (
        <DocumentRow
          key={docType}
          docType={docType}
          application={application}
          isRequired={requiredDocuments.includes(docType)}
          canUpload={canUpload}
          callId={callId}
        />
      )}
    />
  );
}

function DocumentRow({
  docType,
  application,
  isRequired,
  canUpload,
  callId,
}: {
  docType: string;
  application: ApplicationDetail;
  isRequired: boolean;
  canUpload: boolean;
  callId: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment(callId, application.id);
  const [localError, setLocalError] = useState<string | null>(null);
  const files = application.attachments.filter((a) => a.doc_type === docType);
  const label = t(`calls.docType.${docType}`, { defaultValue: docType });
  const inputId = `upload-${application.id}-${docType}`;

  const onPick = (file: File | undefined) => {
    setLocalError(null);
    upload.reset();
    if (!file) {
      return;
    }
    const name = file.name.toLowerCase();
    if (!EXTENSIONS.some((ext) => name.endsWith(ext)) && !AttachmentTypeSchema.options.includes(file.type as never)) {
      setLocalError(t("calls.attachments.badType"));
      return;
    }
    if (file.size > MAX_APPLICATION_ATTACHMENT_BYTES) {
      setLocalError(t("calls.attachments.tooLarge", { size: megabytes }));
      return;
    }
    if (file.size === 0) {
      setLocalError(t("calls.attachments.empty"));
      return;
    }
    upload.mutate({ docType, file });
  };

  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: "100%" }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space wrap>
            <Typography.Text strong>{label}</Typography.Text>
            {isRequired ? (
              files.length > 0 ? (
                <Tag color="green">{t("calls.attachments.attached")}</Tag>
              ) : (
                <Tag color="red">{t("calls.attachments.missing")}</Tag>
              )
            ) : null}
          </Space>
          {canUpload ? (
            <>
              <input
                ref={input}
                id={inputId}
                type="file"
                accept={EXTENSIONS.join(",")}
                aria-label={t("calls.attachments.uploadFor", { type: label })}
                style={{ display: "none" }}
                onChange={(event) => {
                  onPick(event.target.files?.[0]);
                  event.target.value = "";
                }}
              />
              <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
                {t("calls.attachments.upload", { type: label })}
              </Button>
            </>
          ) : null}
        </Flex>
        {files.map((file) => (
          <a key={file.id} href={attachmentHref(application.id, file.id)} download>
            <PaperClipOutlined /> {file.original_name} ({Math.max(1, Math.round(file.size_bytes / 1024))} KB)
          </a>
        ))}
        {canUpload ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("calls.attachments.limits", { size: megabytes })}
          </Typography.Text>
        ) : null}
        {localError ? <Alert type="error" showIcon role="alert" title={localError} /> : null}
        {upload.isError ? <ProblemAlert error={upload.error} /> : null}
      </Flex>
    </List.Item>
  );
}
