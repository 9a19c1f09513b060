import { InboxOutlined } from "@ant-design/icons";
import type { ImportJob } from "@sanshe/contracts";
import { App, Button, Flex, Spin, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { MAX_IMPORT_BYTES, useUploadImport } from "../api";
import { importKindLabelKey, type ImportKind } from "../kinds";

type UploadStepProps = {
  kind: ImportKind;
  onBack: () => void;
  onUploaded: (job: ImportJob) => void;
};

const ACCEPTED = /\.(xlsx|csv)$/i;

/** Step 2: drop the file; it is sent as the raw body and answered with the validation report. */
export function UploadStep({ kind, onBack, onUploaded }: UploadStepProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadImport();
  const { keyFor, reset } = useIdempotencyKey();

  const send = (file: File) => {
    if (!ACCEPTED.test(file.name)) {
      void message.error(t("imports.upload.wrongType"));
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      void message.error(t("imports.upload.tooLarge", { name: file.name }));
      return;
    }
    const idempotencyKey = keyFor({ kind, name: file.name, size: file.size, modified: file.lastModified });
    upload.mutate(
      { kind, file, idempotencyKey },
      {
        onSuccess: (job) => {
          reset();
          onUploaded(job);
        },
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Text strong>{t("imports.upload.kind", { kind: t(importKindLabelKey(kind)) })}</Typography.Text>
      <Spin
        spinning={upload.isPending}
        description={upload.isPending ? t("imports.upload.checking", { name: upload.variables.file.name }) : undefined}
      >
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("imports.upload.drop")}</p>
          <p className="ant-upload-hint">{t("imports.upload.hint")}</p>
        </Upload.Dragger>
      </Spin>
      {upload.isError ? <ProblemAlert error={upload.error} /> : null}
      <div>
        <Button onClick={onBack} disabled={upload.isPending}>
          {t("imports.upload.back")}
        </Button>
      </div>
    </Flex>
  );
}
