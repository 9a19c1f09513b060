import type { Grid } from "@sanshe/contracts";
import { Alert, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateGrid, useUpdateGrid } from "../api";

type Values = { name: string; grid_worker_name?: string };
const FIELDS = ["name", "grid_worker_name"];

type Props = { code: string; open: boolean; grid: Grid | null; onClose: () => void };

/** Adds a grid (网格) to the community or renames one / changes its grid worker. */
export function GridFormModal({ code, open, grid, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateGrid(code);
  const update = useUpdateGrid(code);
  const idempotency = useIdempotencyKey();
  const [hasConflict, setHasConflict] = useState(false);
  const mutation = grid ? update : create;

  useEffect(() => {
    if (open) {
      setHasConflict(false);
      create.reset();
      update.reset();
      form.resetFields();
      form.setFieldsValue({ name: grid?.name ?? "", grid_worker_name: grid?.grid_worker_name ?? "" });
    }
  }, [open, grid]);

  const submit = (values: Values) => {
    const worker = (values.grid_worker_name ?? "").trim();
    const data = { name: values.name.trim(), grid_worker_name: worker === "" ? null : worker };
    const onError = (error: unknown) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        setHasConflict(true);
        return;
      }
      showFieldErrors(form, error, FIELDS, grid ? ["data"] : []);
    };
    if (grid) {
      update.mutate({ id: grid.id, version: grid.version, data }, { onSuccess: onClose, onError });
    } else {
      const body = { area_code: code, ...data };
      create.mutate(
        { ...body, idempotencyKey: idempotency.keyFor(body) },
        {
          onSuccess: () => {
            idempotency.reset();
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={grid ? t("communities.grids.edit") : t("communities.grids.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("communities.common.save")}
      cancelText={t("communities.common.cancel")}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {hasConflict ? <Alert type="warning" showIcon title={t("communities.common.conflict")} style={{ marginBottom: 12 }} /> : null}
      {mutation.isError && !isProblem(mutation.error, "VERSION_CONFLICT") ? (
        <ProblemAlert error={mutation.error} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t("communities.grids.name")}
          rules={[{ required: true, whitespace: true, message: t("communities.common.required") }]}
        >
          <Input maxLength={64} placeholder={t("communities.grids.namePlaceholder")} />
        </Form.Item>
        <Form.Item name="grid_worker_name" label={t("communities.grids.worker")}>
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
