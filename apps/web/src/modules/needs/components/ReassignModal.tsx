import type { Referral, ReferralReassign } from "@sanshe/contracts";
import { Form, Input, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useProviderOptions, useReassignReferral } from "../api";

type Kind = ReferralReassign["provider_kind"];

/** Community staff route a referral from the triage queue to an organization or social worker by hand. */
export function ReassignModal({ referral, onClose }: { referral: Referral | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReferralReassign>();
  const kind: Kind = Form.useWatch("provider_kind", form) ?? "organization";
  const [q, setQ] = useState("");
  const providers = useProviderOptions(kind, q);
  const reassign = useReassignReferral();

  const close = () => {
    form.resetFields();
    reassign.reset();
    setQ("");
    onClose();
  };

  return (
    <Modal
      open={referral !== null}
      title={t("needs.reassign.title")}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={reassign.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={reassign.error} style={{ marginBottom: 12 }} />
      <Form<ReferralReassign>
        form={form}
        layout="vertical"
        initialValues={{ provider_kind: "organization" }}
        onFinish={(body) => referral && reassign.mutate({ id: referral.id, body }, { onSuccess: close })}
      >
        <Form.Item name="provider_kind" label={t("needs.field.providerKind")}>
          <Radio.Group
            optionType="button"
            options={(["organization", "social_worker"] as const).map((value) => ({ value, label: t(`needs.providerKind.${value}`) }))}
            onChange={() => {
              form.setFieldValue("provider_id", undefined);
              setQ("");
            }}
          />
        </Form.Item>
        <Form.Item name="provider_id" label={t("needs.field.provider")} rules={[{ required: true, message: t("needs.reassign.pick") }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t("needs.reassign.search")}
            loading={providers.isFetching}
            notFoundContent={providers.isFetching ? undefined : t("needs.reassign.none")}
            options={providers.data?.items.map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("needs.field.reason")} rules={[{ required: true, max: 500 }]}>
          <Input.TextArea rows={3} placeholder={t("needs.reassign.reasonHint")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
