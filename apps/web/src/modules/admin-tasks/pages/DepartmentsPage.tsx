import { PlusOutlined } from "@ant-design/icons";
import type { Department } from "@sanshe/contracts/admin-tasks";
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { CursorListTable } from "../../../ui/CursorListTable";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { FilterBar } from "../../../ui/FilterBar";
import { FormDrawer } from "../../../ui/FormDrawer";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useMe } from "../../auth";
import { AreaCodeInput } from "../../jurisdictions";
import { useCreateDepartment, useDepartments, useUpdateDepartment } from "../api";
import { useConflictNotice } from "../components/useConflictNotice";

/** 政府部门: the departments that may apply to put tasks on communities; district and city officials keep the list. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState<string | undefined>(undefined);
  const paging = useCursorPaging([q], 50);
  const { pagination, pageSize } = paging;
  const list = useDepartments({ q, cursor: pagination.cursor, limit: pageSize });
  const update = useUpdateDepartment();
  const onConflict = useConflictNotice();
  const [isCreating, setIsCreating] = useState(false);
  const [renaming, setRenaming] = useState<Department | null>(null);

  const toggle = (department: Department) =>
    update.mutate(
      { id: department.id, active: !department.active, version: department.version },
      { onSuccess: () => void message.success(t("adminTasks.departments.saved")), onError: onConflict },
    );

  const columns: TableColumnsType<Department> = [
    { key: "name", title: t("adminTasks.departments.name"), dataIndex: "name" },
    { key: "area", title: t("adminTasks.departments.area"), dataIndex: "area_name" },
    {
      key: "active",
      title: t("adminTasks.departments.active"),
      render: (_v, row) =>
        row.active ? <Tag color="success">{t("adminTasks.departments.activeOn")}</Tag> : <Tag>{t("adminTasks.departments.activeOff")}</Tag>,
    },
    {
      key: "actions",
      title: "",
      render: (_v, row) => (
        <Space>
          <Button size="small" onClick={() => setRenaming(row)}>
            {t("adminTasks.departments.rename")}
          </Button>
          {row.active ? (
            <Popconfirm
              title={t("adminTasks.departments.deactivateConfirm", { name: row.name })}
              okText={t("adminTasks.departments.deactivate")}
              cancelText={t("adminTasks.common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => toggle(row)}
            >
              <Button size="small" danger>
                {t("adminTasks.departments.deactivate")}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={() => toggle(row)}>
              {t("adminTasks.departments.activate")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("adminTasks.departments.title")}
        subtitle={t("adminTasks.departments.subtitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t("adminTasks.departments.add")}
          </Button>
        }
      />
      <Card>
        <FilterBar<{ q?: string }>
          name="department-filters"
          onSearch={(values) => setQ(values.q?.trim() || undefined)}
          onReset={() => setQ(undefined)}
          searchLabel={t("adminTasks.common.search")}
          resetLabel={t("adminTasks.common.reset")}
        >
          <Form.Item name="q">
            <Input
              allowClear
              aria-label={t("adminTasks.departments.search")}
              placeholder={t("adminTasks.departments.search")}
              style={{ width: 240 }}
            />
          </Form.Item>
        </FilterBar>
        {update.isError && !(isProblem(update.error) && update.error.status === 409) && renaming === null ? (
          <ProblemAlert error={update.error} style={{ marginBottom: 12 }} />
        ) : null}
        <CursorListTable<Department>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={640}
          emptyText={q ? t("adminTasks.departments.emptyFiltered") : t("adminTasks.departments.empty")}
        />
      </Card>
      <CreateDepartmentDrawer open={isCreating} onClose={() => setIsCreating(false)} />
      <RenameModal key={renaming?.id ?? "none"} department={renaming} onClose={() => setRenaming(null)} />
    </>
  );
}

function CreateDepartmentDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<{ area_code: string; name: string }>();
  const create = useCreateDepartment();
  const idempotency = useIdempotencyKey();
  const defaultArea = (me.data?.memberships ?? []).find((m) => m.role === "official")?.area_code;

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t("adminTasks.departments.createTitle")}
      size={480}
      cancelLabel={t("adminTasks.common.cancel")}
      submitLabel={t("adminTasks.common.save")}
      isSubmitting={create.isPending}
      onSubmit={() => form.submit()}
    >
      <Form
        name="create-department"
        form={form}
        layout="vertical"
        initialValues={{ area_code: defaultArea }}
        onFinish={(values) => {
          const body = { area_code: values.area_code, name: values.name.trim() };
          create.mutate(
            { ...body, idempotencyKey: idempotency.keyFor(body) },
            {
              onSuccess: () => {
                idempotency.reset();
                form.resetFields();
                void message.success(t("adminTasks.departments.saved"));
                onClose();
              },
              onError: (error) => showFieldErrors(form, error, ["area_code", "name"]),
            },
          );
        }}
      >
        <Form.Item name="area_code" label={t("adminTasks.departments.area")} rules={[{ required: true, pattern: /^(\d{4}|\d{6}|\d{9})$/ }]}>
          <AreaCodeInput />
        </Form.Item>
        <Form.Item name="name" label={t("adminTasks.departments.name")} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input placeholder={t("adminTasks.departments.namePlaceholder")} />
        </Form.Item>
      </Form>
      {create.isError ? <ProblemAlert error={create.error} /> : null}
    </FormDrawer>
  );
}

function RenameModal({ department, onClose }: { department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const update = useUpdateDepartment();
  const onConflict = useConflictNotice();
  return (
    <Modal
      open={department !== null}
      title={t("adminTasks.departments.renameTitle")}
      okText={t("adminTasks.common.save")}
      cancelText={t("adminTasks.common.cancel")}
      okButtonProps={{ loading: update.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="rename-department"
        form={form}
        layout="vertical"
        initialValues={{ name: department?.name }}
        onFinish={(values) => {
          if (!department) {
            return;
          }
          update.mutate(
            { id: department.id, name: values.name.trim(), version: department.version },
            {
              onSuccess: () => {
                void message.success(t("adminTasks.departments.saved"));
                onClose();
              },
              onError: (error) => {
                if (onConflict(error)) {
                  onClose();
                } else {
                  showFieldErrors(form, error, ["name"]);
                }
              },
            },
          );
        }}
      >
        <Form.Item name="name" label={t("adminTasks.departments.name")} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input />
        </Form.Item>
      </Form>
      {update.isError ? <ProblemAlert error={update.error} /> : null}
    </Modal>
  );
}
