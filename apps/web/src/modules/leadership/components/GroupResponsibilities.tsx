import type { Responsibility } from "@sanshe/contracts/leadership";
import { Button, DatePicker, Flex, Form, Input, Popconfirm, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDrawer } from "../../../ui/FormDrawer";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useAddResponsibility, useRemoveResponsibility, useResponsibilities } from "../api";

type Values = { department_name: string; duty: string; catalog_item_id?: string; deadline?: Dayjs };

/** A group's responsibility list (职责清单) by department; managers add and remove entries. */
export function GroupResponsibilities({ groupId, canManage }: { groupId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const query = useResponsibilities(groupId);
  const remove = useRemoveResponsibility();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ margin: "16px 0 8px" }}>
        <strong>{t("leadership.responsibility.title")}</strong>
        {canManage ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t("leadership.responsibility.add")}
          </Button>
        ) : null}
      </Flex>
      {query.isError ? <ProblemAlert error={query.error} /> : null}
      <Table<Responsibility>
        size="small"
        rowKey="id"
        loading={query.isPending}
        pagination={false}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: canManage ? t("leadership.responsibility.emptyManager") : t("leadership.responsibility.empty") }}
        columns={[
          { title: t("leadership.responsibility.department"), dataIndex: "department_name", width: 180 },
          { title: t("leadership.responsibility.duty"), dataIndex: "duty" },
          {
            title: t("leadership.responsibility.deadline"),
            dataIndex: "deadline",
            width: 120,
            render: (value: string | null) => value ?? "—",
          },
          ...(canManage
            ? [
                {
                  title: "",
                  key: "actions",
                  width: 80,
                  render: (_: unknown, row: Responsibility) => (
                    <Popconfirm title={t("leadership.responsibility.removeConfirm")} onConfirm={() => remove.mutate(row.id)}>
                      <Button size="small" type="link" danger>
                        {t("leadership.common.remove")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding ? <ResponsibilityDrawer groupId={groupId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function ResponsibilityDrawer({ groupId, onClose }: { groupId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddResponsibility();
  const idempotency = useIdempotencyKey();
  return (
    <FormDrawer
      open
      onClose={onClose}
      title={t("leadership.responsibility.add")}
      size={520}
      cancelLabel={t("leadership.common.cancel")}
      submitLabel={t("leadership.common.save")}
      isSubmitting={add.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="responsibility"
        onFinish={(values) => {
          const body = {
            department_name: values.department_name,
            department_id: null,
            duty: values.duty,
            catalog_item_id: values.catalog_item_id?.trim() || null,
            deadline: values.deadline ? values.deadline.format("YYYY-MM-DD") : null,
          };
          add.mutate(
            { groupId, body, idempotencyKey: idempotency.keyFor(body) },
            {
              onSuccess: onClose,
              onError: (error) => showFieldErrors(form, error, ["department_name", "duty", "catalog_item_id", "deadline"]),
            },
          );
        }}
      >
        <Form.Item name="department_name" label={t("leadership.responsibility.department")} rules={[{ required: true, max: 80 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="duty" label={t("leadership.responsibility.duty")} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item
          name="catalog_item_id"
          label={t("leadership.responsibility.catalogItem")}
          extra={t("leadership.responsibility.catalogItemHelp")}
        >
          <Input />
        </Form.Item>
        <Form.Item name="deadline" label={t("leadership.responsibility.deadline")}>
          <DatePicker />
        </Form.Item>
        {add.isError ? <ProblemAlert error={add.error} /> : null}
      </Form>
    </FormDrawer>
  );
}
