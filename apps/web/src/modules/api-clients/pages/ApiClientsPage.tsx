import type { ApiClient, ApiClientCreate, ApiClientCreated } from "@sanshe/contracts";
import { Alert, Button, Empty, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CursorListPager } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useMe } from "../../auth";
import { useApiClients, useCreateApiClient, useSetApiClientStatus } from "../api";

/** The new key, shown once with a copy button and a warning. */
function KeyModal({ created, onClose }: { created: ApiClientCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: "none" } }}
      title={t("apiClients.key.title")}
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Alert type="warning" showIcon message={t("apiClients.key.warning")} />
        <Typography.Paragraph
          copyable={{ text: created?.api_key ?? "", tooltips: [t("apiClients.key.copy"), t("apiClients.key.copied")] }}
          code
        >
          {created?.api_key}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t("apiClients.key.usage")}</Typography.Text>
      </Space>
    </Modal>
  );
}

/** Administration: external systems (e.g. a 12345 hotline) allowed to use the Open311 API, with their keys. */
export function ApiClientsPage() {
  const { t } = useTranslation();
  const paging = useCursorPaging(null, 50);
  const { pagination, pageSize } = paging;
  const list = useApiClients({ cursor: pagination.cursor, limit: pageSize });
  const create = useCreateApiClient();
  const setStatus = useSetApiClientStatus();
  const idempotency = useIdempotencyKey();
  const me = useMe();
  const [form] = Form.useForm<ApiClientCreate>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiClientCreated | null>(null);
  const scope = me.data?.memberships.find((m) => m.role === "admin")?.area_code;

  const submit = (values: ApiClientCreate) => {
    create.mutate(
      { ...values, idempotencyKey: idempotency.keyFor(values) },
      {
        onSuccess: (client) => {
          idempotency.reset();
          form.resetFields();
          setCreating(false);
          setCreated(client);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t("apiClients.title")}
        subtitle={t("apiClients.subtitle")}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t("apiClients.create")}
          </Button>
        }
      />
      <ProblemAlert error={list.error ?? setStatus.error} style={{ marginBottom: 12 }} />
      <Table<ApiClient>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        locale={{ emptyText: <Empty description={t("apiClients.empty")} /> }}
        columns={[
          { title: t("apiClients.field.name"), dataIndex: "name" },
          { title: t("apiClients.field.area"), dataIndex: "area_name" },
          { title: t("apiClients.field.keyPrefix"), render: (_, c) => <Typography.Text code>{`${c.key_prefix}…`}</Typography.Text> },
          {
            title: t("apiClients.field.lastUsed"),
            render: (_, c) => (c.last_used_at ? formatDateTime(c.last_used_at) : <Tag>{t("apiClients.never")}</Tag>),
          },
          {
            title: t("apiClients.field.enabled"),
            render: (_, c) => (
              <Switch
                checked={c.enabled}
                loading={setStatus.isPending && setStatus.variables.id === c.id}
                aria-label={t("apiClients.field.enabled")}
                onChange={(enabled) => setStatus.mutate({ id: c.id, enabled, version: c.version })}
              />
            ),
          },
          { title: t("apiClients.field.createdAt"), render: (_, c) => formatDateTime(c.created_at) },
        ]}
      />
      <CursorListPager query={list} paging={paging} />
      <Modal
        open={creating}
        title={t("apiClients.create")}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ProblemAlert error={create.error} style={{ marginBottom: 12 }} />
        <Form<ApiClientCreate> form={form} layout="vertical" initialValues={{ area_code: scope }} onFinish={submit}>
          <Form.Item name="name" label={t("apiClients.field.name")} rules={[{ required: true, max: 100 }]}>
            <Input maxLength={100} placeholder={t("apiClients.namePlaceholder")} />
          </Form.Item>
          <Form.Item
            name="area_code"
            label={t("apiClients.field.area")}
            extra={t("apiClients.areaHint")}
            rules={[{ required: true, pattern: /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, message: t("apiClients.areaInvalid") }]}
          >
            <Input maxLength={12} inputMode="numeric" />
          </Form.Item>
        </Form>
      </Modal>
      <KeyModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
