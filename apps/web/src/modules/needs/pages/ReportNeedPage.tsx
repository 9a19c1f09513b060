import type { NeedCreate } from "@sanshe/contracts";
import { Alert, Button, Card, Collapse, Empty, Form, Input, Radio, Select, Space, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateNeed, useNeed, useNeedCategories, useNeedList } from "../api";
import { ConfirmForm } from "../components/ConfirmForm";
import { NeedDetailView } from "../components/NeedDetailView";
import { NeedStatusTag } from "../components/NeedStatusTag";

function MyNeed({ id }: { id: string }) {
  const { data } = useNeed(id);
  if (!data) {
    return <Spin />;
  }
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {data.status === "done" && <ConfirmForm needId={id} />}
      <NeedDetailView need={data} showReferrals={false} />
    </Space>
  );
}

/** Mobile-first resident page: report a need, then follow "my needs" and confirm them when done. */
export function ReportNeedPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<NeedCreate>();
  const categories = useNeedCategories();
  const create = useCreateNeed();
  const idempotency = useIdempotencyKey();
  const mine = useNeedList({ limit: 50 });
  const [notice, setNotice] = useState<"submitted" | "duplicate" | null>(null);

  const submit = (values: NeedCreate) => {
    const body = { category: values.category, description: values.description, urgency: values.urgency };
    create.mutate(
      { body, key: idempotency.keyFor(body) },
      {
        onSuccess: (need) => {
          idempotency.reset();
          form.resetFields();
          setNotice(need.duplicate_of ? "duplicate" : "submitted");
        },
      },
    );
  };

  return (
    <div style={{ maxWidth: 640, margin: "0 auto" }}>
      <PageHeader title={t("needs.report.title")} subtitle={t("needs.report.subtitle")} />
      <Card>
        {notice && (
          <Alert
            type={notice === "duplicate" ? "warning" : "success"}
            message={t(`needs.report.${notice}`)}
            style={{ marginBottom: 12 }}
            showIcon
          />
        )}
        <ProblemAlert error={create.error} style={{ marginBottom: 12 }} />
        <Form<NeedCreate> form={form} layout="vertical" initialValues={{ urgency: "normal" }} onFinish={submit}>
          <Form.Item name="category" label={t("needs.field.category")} rules={[{ required: true }]}>
            <Select
              size="large"
              loading={categories.isLoading}
              options={categories.data?.items.map((c) => ({ value: c.code, label: c.name }))}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="description" label={t("needs.field.description")} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="urgency" label={t("needs.field.urgency")}>
            <Radio.Group
              optionType="button"
              options={(["low", "normal", "high"] as const).map((u) => ({ value: u, label: t(`needs.urgency.${u}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={create.isPending}>
            {t("needs.report.submit")}
          </Button>
        </Form>
      </Card>
      <PageHeader title={t("needs.report.mine")} />
      <ProblemAlert error={mine.error} />
      {mine.data && mine.data.items.length === 0 ? (
        <Empty description={t("needs.report.empty")} />
      ) : (
        <Collapse
          items={mine.data?.items.map((need) => ({
            key: need.id,
            label: (
              <Space wrap>
                {need.category_name}
                <NeedStatusTag need={need} />
              </Space>
            ),
            children: <MyNeed id={need.id} />,
          }))}
        />
      )}
    </div>
  );
}
