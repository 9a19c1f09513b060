import { CatalogListSchema, type CatalogItem, type CatalogList } from "@sanshe/contracts/admin-tasks";
import { App, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { FormDrawer } from "../../../ui/FormDrawer";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { AreaCodeInput } from "../../jurisdictions";
import { useCreateCatalogItem, useUpdateCatalogItem } from "../api";
import { useConflictNotice } from "./useConflictNotice";

type Values = { area_code: string; list: CatalogList; title: string; legal_basis: string; department_name?: string; description?: string };

type CatalogItemDrawerProps = {
  /** The item being edited, "new" to add one, null when closed. */
  item: CatalogItem | "new" | null;
  defaultArea: string | undefined;
  defaultList: CatalogList | undefined;
  onClose: () => void;
};

/** Adds or edits one item of the community work catalogue. */
export function CatalogItemDrawer({ item, defaultArea, defaultList, onClose }: CatalogItemDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCatalogItem();
  const update = useUpdateCatalogItem();
  const idempotency = useIdempotencyKey();
  const onConflict = useConflictNotice();
  const editing = item !== null && item !== "new" ? item : null;
  const mutation = editing ? update : create;

  const done = () => {
    idempotency.reset();
    form.resetFields();
    void message.success(t("adminTasks.catalog.saved"));
    onClose();
  };
  const failed = (error: unknown) => {
    if (onConflict(error)) {
      onClose();
      return;
    }
    showFieldErrors(form, error, ["area_code", "list", "title", "legal_basis", "department_name", "description"]);
  };

  const submit = (values: Values) => {
    const fields = {
      list: values.list,
      title: values.title.trim(),
      legal_basis: values.legal_basis.trim(),
      department_name: values.department_name?.trim() || null,
      description: values.description?.trim() || null,
    };
    if (editing) {
      update.mutate({ id: editing.id, ...fields, version: editing.version }, { onSuccess: done, onError: failed });
    } else {
      const body = { area_code: values.area_code, ...fields };
      create.mutate({ ...body, idempotencyKey: idempotency.keyFor(body) }, { onSuccess: done, onError: failed });
    }
  };

  return (
    <FormDrawer
      open={item !== null}
      onClose={onClose}
      title={editing ? t("adminTasks.catalog.editTitle") : t("adminTasks.catalog.createTitle")}
      size={560}
      cancelLabel={t("adminTasks.common.cancel")}
      submitLabel={t("adminTasks.common.save")}
      isSubmitting={mutation.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<Values>
        name="catalog-item"
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                area_code: editing.area_code,
                list: editing.list,
                title: editing.title,
                legal_basis: editing.legal_basis,
                department_name: editing.department_name ?? undefined,
                description: editing.description ?? undefined,
              }
            : { area_code: defaultArea, list: defaultList ?? "statutory" }
        }
        onFinish={submit}
      >
        {editing ? null : (
          <Form.Item
            name="area_code"
            label={t("adminTasks.catalog.area")}
            extra={t("adminTasks.catalog.areaHelp")}
            rules={[{ required: true, pattern: /^(\d{4}|\d{6})$/ }]}
          >
            <AreaCodeInput />
          </Form.Item>
        )}
        <Form.Item name="list" label={t("adminTasks.field.catalogItem")} rules={[{ required: true }]}>
          <Select options={CatalogListSchema.options.map((value) => ({ value, label: t(`adminTasks.list.${value}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t("adminTasks.field.title")} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="legal_basis" label={t("adminTasks.field.legalBasis")} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="department_name" label={t("adminTasks.catalog.departmentName")} rules={[{ max: 80 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t("adminTasks.field.description")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      {mutation.isError ? <ProblemAlert error={mutation.error} /> : null}
    </FormDrawer>
  );
}
