import type { SocialWorker } from "@sanshe/contracts";
import { App, Form, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { toFormFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useUpdateWorker, useWorkerList } from "../api";
import { toWorkerMainData, WorkerMainFields, type WorkerMainValues } from "./WorkerMainFields";
import { FormDrawer } from "../../../ui/FormDrawer";

type Values = WorkerMainValues & { supervisor_id?: string | null };
const FIELDS = ["name", "gender", "level", "certificate_no", "certificate_year", "supervisor_id"] as const;

/** Picks a supervisor (督导) among the workers in scope, searching by name; the worker themself is left out. */
function SupervisorSelect({
  value,
  onChange,
  selfId,
  current,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  selfId: string;
  current: SocialWorker;
}) {
  const [q, setQ] = useState("");
  const workers = useWorkerList({ q: q || undefined, status: "active", limit: 20 });
  const options = (workers.data?.items ?? [])
    .filter((worker) => worker.id !== selfId)
    .map((worker) => ({ value: worker.id, label: worker.name }));
  if (current.supervisor_id && !options.some((option) => option.value === current.supervisor_id)) {
    options.unshift({ value: current.supervisor_id, label: current.supervisor_name ?? current.supervisor_id });
  }
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      loading={workers.isFetching}
      options={options}
    />
  );
}

/** 编辑社工: the main fields, sent with the version read; a 409 shows the current copy. */
export function WorkerEditDrawer({ worker, open, onClose }: { worker: SocialWorker; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateWorker(worker.id);

  const submit = (values: Values) => {
    update.mutate(
      {
        version: worker.version,
        data: {
          ...toWorkerMainData(values),
          supervisor_id: values.supervisor_id ?? null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t("socialWorkers.detail.saved"));
          update.reset();
          onClose();
        },
        onError: (error) => {
          const { fields } = toFormFieldErrors<Values>(error, FIELDS, ["data"]);
          if (isProblem(error, "SOCIAL_WORKER_EXISTS")) {
            fields.push({ name: ["certificate_no"], errors: [error.problem.detail] });
          }
          if (isProblem(error, "SUPERVISOR_SELF") || isProblem(error, "SUPERVISOR_UNKNOWN")) {
            fields.push({ name: ["supervisor_id"], errors: [error.problem.detail] });
          }
          form.setFields(fields);
        },
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t("socialWorkers.detail.edit")}
      size={520}
      cancelLabel={t("socialWorkers.create.cancel")}
      submitLabel={t("socialWorkers.detail.save")}
      isSubmitting={update.isPending}
      onSubmit={() => form.submit()}
    >
      {update.isError && !isProblem(update.error, "VALIDATION_FAILED") ? (
        <ProblemAlert error={update.error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: worker.name,
          gender: worker.gender,
          level: worker.level,
          certificate_no: worker.certificate_no,
          certificate_year: worker.certificate_year,
          supervisor_id: worker.supervisor_id,
        }}
      >
        <WorkerMainFields />
        <Form.Item name="supervisor_id" label={t("socialWorkers.fields.supervisor")}>
          <SupervisorSelect selfId={worker.id} current={worker} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
