import type { NeedCreate, NeedDetail } from "@sanshe/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Collapse, Empty, Form, Input, Progress, Radio, Select, Space, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { isProblem } from "../../../ui/api";
import { invalidateNeedsAndReferrals, useCreateNeed, useNeed, useNeedCategories, useNeedList } from "../api";
import { PhotoPicker } from "../components/PhotoPicker";
import { usePhotoUploads } from "../hooks/usePhotoUploads";
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
      {data.status === "done" && <ConfirmForm need={data} mode="resident" />}
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
  const queryClient = useQueryClient();
  const photos = usePhotoUploads();
  // A need created whose photos did not all upload: retrying uploads only those, with the same keys.
  const [pending, setPending] = useState<{ need: NeedDetail; failed: number } | null>(null);

  const finish = (need: NeedDetail) => {
    idempotency.reset();
    form.resetFields();
    photos.clear();
    setPending(null);
    setNotice(need.duplicate_of ? "duplicate" : "submitted");
    void invalidateNeedsAndReferrals(queryClient);
  };

  const uploadPhotos = async (need: NeedDetail) => {
    const failed = await photos.uploadAll(need.id, photos.photos);
    if (failed === 0) {
      finish(need);
    } else {
      setPending({ need, failed });
    }
  };

  const submit = (values: NeedCreate) => {
    if (pending) {
      void uploadPhotos(pending.need);
      return;
    }
    const body = { category: values.category, description: values.description, urgency: values.urgency };
    create.mutate({ body, key: idempotency.keyFor(body) }, { onSuccess: (need) => void uploadPhotos(need) });
  };
  const uploaded = photos.photos.filter((photo) => photo.status === "done").length;

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
        {pending && !photos.isUploading && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t("needs.photos.failed", { count: pending.failed })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {photos.photos
                  .filter((photo) => photo.status === "error")
                  .map((photo) => (
                    <li key={photo.uid}>
                      {photo.name}: {isProblem(photo.error) ? photo.error.problem.detail : t("needs.photos.status.error")}
                    </li>
                  ))}
              </ul>
            }
            action={
              <Space direction="vertical">
                <Button size="small" type="primary" onClick={() => void uploadPhotos(pending.need)}>
                  {t("needs.photos.retry")}
                </Button>
                <Button size="small" onClick={() => finish(pending.need)}>
                  {t("needs.photos.skip")}
                </Button>
              </Space>
            }
          />
        )}
        {photos.isUploading && (
          <Progress
            percent={Math.round((uploaded / Math.max(1, photos.photos.length)) * 100)}
            format={() => t("needs.photos.uploading", { done: uploaded, total: photos.photos.length })}
            style={{ marginBottom: 12 }}
          />
        )}
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
          <Form.Item label={t("needs.photos.label")} extra={t("needs.photos.hint")}>
            <PhotoPicker
              photos={photos.photos}
              onAdd={photos.add}
              onRemove={photos.remove}
              disabled={pending !== null || photos.isUploading}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={create.isPending || photos.isUploading}>
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
