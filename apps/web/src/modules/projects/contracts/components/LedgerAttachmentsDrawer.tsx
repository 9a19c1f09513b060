import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import type { LedgerEntry } from "@sanshe/contracts";
import { Button, Descriptions, Drawer, Empty, List, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { QueryResult } from "../../../../ui/QueryResult";
import { formatFen } from "../../money";
import { ledgerAttachmentHref, useLedgerAttachments, useUploadLedgerAttachment } from "../api";

const ACCEPTED_FILES = ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp";

/** One ledger entry with its receipts and invoices; the holder's staff upload more. */
export function LedgerAttachmentsDrawer({
  entry,
  canUpload,
  onClose,
}: {
  entry: LedgerEntry | undefined;
  canUpload: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const attachments = useLedgerAttachments(entry?.id);
  const upload = useUploadLedgerAttachment(entry?.id ?? "");
  return (
    <Drawer open={entry !== undefined} onClose={onClose} title={t("contracts.ledger.attachmentsTitle")} size={480} destroyOnHidden>
      {entry ? (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("contracts.ledger.holder")}>{entry.holder_name}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.ledger.paidOn")}>{entry.paid_on}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.ledger.category")}>
              {t(`contracts.ledger.directions.${entry.direction}`)} ·{" "}
              {entry.source
                ? t(`contracts.ledger.sources.${entry.source}`)
                : entry.purpose
                  ? t(`contracts.ledger.purposes.${entry.purpose}`)
                  : ""}
            </Descriptions.Item>
            <Descriptions.Item label={t("contracts.ledger.amount")}>{formatFen(entry.amount_fen)}</Descriptions.Item>
            <Descriptions.Item label={t("contracts.ledger.description")}>{entry.description}</Descriptions.Item>
            {entry.reference ? <Descriptions.Item label={t("contracts.ledger.reference")}>{entry.reference}</Descriptions.Item> : null}
            {entry.voucher_no ? <Descriptions.Item label={t("contracts.ledger.voucherNo")}>{entry.voucher_no}</Descriptions.Item> : null}
          </Descriptions>
          {canUpload ? (
            <>
              <Upload
                accept={ACCEPTED_FILES}
                showUploadList={false}
                customRequest={(options) => {
                  upload.mutate(options.file as File, {
                    onSuccess: (saved) => options.onSuccess?.(saved),
                    onError: (error) => options.onError?.(error),
                  });
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {t("contracts.ledger.upload")}
                </Button>
              </Upload>
              <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
                {t("contracts.ledger.uploadHint")}
              </Typography.Paragraph>
              {upload.error ? <ProblemAlert error={upload.error} style={{ marginBottom: 8 }} /> : null}
            </>
          ) : null}
          <QueryResult query={attachments}>
            {(data) =>
              data.items.length === 0 ? (
                <Empty description={t("contracts.ledger.noAttachments")} />
              ) : (
                <List
                  size="small"
                  dataSource={data.items}
                  renderItem={(item) => (
                    <List.Item>
                      <a href={ledgerAttachmentHref(entry.id, item.id)} download>
                        <PaperClipOutlined /> {item.original_name}
                      </a>
                    </List.Item>
                  )}
                />
              )
            }
          </QueryResult>
        </>
      ) : null}
    </Drawer>
  );
}
