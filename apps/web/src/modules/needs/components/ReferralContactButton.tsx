import type { Referral, ReferralContact } from "@sanshe/contracts";
import { Alert, Button, Descriptions, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useRevealReferralContact } from "../api";

/**
 * "查看联系方式" on an accepted referral: calls the audited reveal and shows the full contact in the
 * dialog only; the values are never cached or written to the inbox row.
 */
export function ReferralContactButton({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ReferralContact | null>(null);
  const [open, setOpen] = useState(false);
  const reveal = useRevealReferralContact(referral.id);

  const close = () => {
    setOpen(false);
    setValues(null);
    reveal.reset();
  };
  const show = () => {
    setOpen(true);
    reveal.mutate(undefined, { onSuccess: (result) => setValues(result) });
  };
  const text = (value: string | null) => (value ? <Typography.Text copyable>{value}</Typography.Text> : "—");

  return (
    <>
      <Button size="small" onClick={show} loading={reveal.isPending}>
        {t("needs.inbox.showContact")}
      </Button>
      <Modal
        open={open}
        title={t("needs.inbox.contactTitle")}
        onCancel={close}
        destroyOnHidden
        footer={[
          <Button key="close" onClick={close}>
            {t("needs.inbox.close")}
          </Button>,
        ]}
      >
        {reveal.isError ? <ProblemAlert error={reveal.error} /> : null}
        {values ? (
          <>
            <Alert type="warning" showIcon title={t("needs.inbox.contactAudited")} style={{ marginBottom: 12 }} />
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                { key: "name", label: t("needs.inbox.contactName"), children: text(values.contact_name) },
                { key: "phone", label: t("needs.inbox.contactPhone"), children: text(values.contact_phone) },
                ...(values.contact_email
                  ? [{ key: "email", label: t("needs.inbox.contactEmail"), children: text(values.contact_email) }]
                  : []),
                { key: "address", label: t("needs.field.address"), children: text(values.address) },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}
