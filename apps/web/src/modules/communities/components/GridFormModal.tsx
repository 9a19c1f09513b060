import type { Grid } from "@sanshe/contracts";
import { Form, Input } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useCreateGrid, useUpdateGrid } from "../api";
import { SaveModal, useModalSave } from "./SaveModal";

type Values = { name: string; grid_worker_name?: string };
const FIELDS = ["name", "grid_worker_name"];

type Props = { code: string; open: boolean; grid: Grid | null; onClose: () => void };

/** Adds a grid (网格) to the community or renames one / changes its grid worker. */
export function GridFormModal({ code, open, grid, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateGrid(code);
  const update = useUpdateGrid(code);
  const save = useModalSave(form, FIELDS, grid !== null);
  const mutation = grid ? update : create;

  useEffect(() => {
    if (open) {
      save.restart([create, update], { name: grid?.name ?? "", grid_worker_name: grid?.grid_worker_name ?? "" });
    }
  }, [open, grid]);

  const submit = (values: Values) => {
    const worker = (values.grid_worker_name ?? "").trim();
    const data = { name: values.name.trim(), grid_worker_name: worker === "" ? null : worker };
    if (grid) {
      update.mutate({ id: grid.id, version: grid.version, data }, { onSuccess: onClose, onError: save.onError });
    } else {
      save.create({ area_code: code, ...data }, create.mutate, onClose);
    }
  };

  return (
    <SaveModal
      open={open}
      title={grid ? t("communities.grids.edit") : t("communities.grids.add")}
      onClose={onClose}
      onOk={() => form.submit()}
      isSaving={mutation.isPending}
      hasConflict={save.hasConflict}
      error={mutation.error}
    >
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
    </SaveModal>
  );
}
