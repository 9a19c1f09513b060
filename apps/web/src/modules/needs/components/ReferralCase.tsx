import { referralEndpoints, type CaseFromReferral, type CaseRiskLevel, type Referral } from "@sanshe/contracts";
import { Button, Form, Input, Modal, Select, Space, Tag } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { call, isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useHasPermission } from "../../auth";
import { invalidateNeedsAndReferrals } from "../api";

const riskLevels: readonly CaseRiskLevel[] = ["low", "medium", "high"];
type FormValues = { presenting_problem: string; needs?: string; risks?: string; risk_level: CaseRiskLevel };

/** POST /referrals/{id}/case: the worker opens a case from a referral they hold. */
function useOpenCaseFromReferral(referralId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: CaseFromReferral & { idempotencyKey: string }) =>
      call(referralEndpoints.openCase, { params: { id: referralId }, body }, { idempotencyKey }),
    // The new case shows in the referral (its link) and in the cases module's lists (its own family).
    onSuccess: () => Promise.all([invalidateNeedsAndReferrals(queryClient), queryClient.invalidateQueries({ queryKey: ["cases"] })]),
  });
}

/**
 * The case of a referral: a link with its stage when the caller may read it (the server sends it only
 * then), else for a social worker holding the accepted referral a "开案 / Open a case" button.
 */
export function ReferralCase({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const mayOpen = useHasPermission("cases.write");
  const [open, setOpen] = useState(false);
  if (referral.case) {
    return (
      <Link to={`/cases/${encodeURIComponent(referral.case.id)}`}>
        <Space size={4}>
          {t("needs.referralCase.case")}
          <Tag>{t(`cases.status.${referral.case.status}`)}</Tag>
        </Space>
      </Link>
    );
  }
  const held = (referral.status === "accepted" || referral.status === "done") && referral.provider_kind !== "community_queue";
  if (!mayOpen || !held) {
    return null;
  }
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t("needs.referralCase.open")}
      </Button>
      {open && <OpenCaseModal referral={referral} onClose={() => setOpen(false)} />}
    </>
  );
}

function OpenCaseModal({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const mutation = useOpenCaseFromReferral(referral.id);
  const idempotency = useIdempotencyKey();
  const existing = isProblem(mutation.error, "CASE_EXISTS") ? mutation.error.problem.existing_id : undefined;

  const onFinish = (values: FormValues) => {
    const body = {
      presenting_problem: values.presenting_problem.trim(),
      needs: values.needs?.trim() || null,
      risks: values.risks?.trim() || null,
      risk_level: values.risk_level,
    };
    // mutateAsync, not mutate's callbacks: the refreshed inbox shows the new case and unmounts this
    // modal, and TanStack Query drops mutate() callbacks of an unmounted component (the page would stay).
    mutation.mutateAsync({ ...body, idempotencyKey: idempotency.keyFor(body) }).then(
      (saved) => {
        idempotency.reset();
        onClose();
        void navigate(`/cases/${encodeURIComponent(saved.id)}`);
      },
      (error: unknown) => showFieldErrors(form, error, ["presenting_problem", "needs", "risks", "risk_level"]),
    );
  };

  return (
    <Modal
      open
      title={t("needs.referralCase.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("needs.referralCase.submit")}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.isError ? <ProblemAlert error={mutation.error} style={{ marginBottom: 12 }} /> : null}
      {existing ? (
        <p>
          <Link to={`/cases/${encodeURIComponent(existing)}`}>{t("needs.referralCase.existing")}</Link>
        </p>
      ) : null}
      <Form<FormValues>
        name="referral-case-form"
        form={form}
        layout="vertical"
        initialValues={{ presenting_problem: referral.description, risk_level: "low" }}
        onFinish={onFinish}
      >
        <Form.Item
          name="presenting_problem"
          label={t("cases.fields.presentingProblem")}
          rules={[{ required: true, whitespace: true, max: 4000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="needs" label={t("cases.fields.needs")} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="risks" label={t("cases.fields.risks")} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="risk_level" label={t("cases.fields.risk")} rules={[{ required: true }]}>
          <Select options={riskLevels.map((level) => ({ value: level, label: t(`cases.risk.${level}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
