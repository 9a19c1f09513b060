import type { SocialWorker } from "@sanshe/contracts";
import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { toFormFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateWorker } from "../api";
import { OrganizationSelect } from "./OrganizationSelect";
import { toWorkerMainData, WorkerMainFields, type WorkerMainValues } from "./WorkerMainFields";
import { FormDrawer } from "../../../ui/FormDrawer";

type Values = WorkerMainValues & {
  organization_id: string;
  area_code: string;
  community_codes?: string;
};

const FIELDS = [
  "name",
  "gender",
  "level",
  "certificate_no",
  "certificate_year",
  "organization_id",
  "area_code",
  "community_codes",
] as const;

/** Splits "410105007001, 410105007002" into codes. */
export function splitCodes(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[,，、\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

/** 登记社工: the registry form; field errors from problem+json land on their fields. */
export function WorkerCreateDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (worker: SocialWorker) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorker();
  const idempotency = useIdempotencyKey();

  const submit = (values: Values) => {
    const body = {
      ...toWorkerMainData(values),
      organization_id: values.organization_id,
      area_code: values.area_code.trim(),
      community_codes: splitCodes(values.community_codes),
    };
    create.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (worker) => {
          idempotency.reset();
          void message.success(t("socialWorkers.create.done", { name: worker.name }));
          form.resetFields();
          create.reset();
          onCreated(worker);
        },
        onError: (error) => {
          const { fields } = toFormFieldErrors<Values>(error, FIELDS);
          if (isProblem(error, "SOCIAL_WORKER_EXISTS")) {
            fields.push({ name: ["certificate_no"], errors: [error.problem.detail] });
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
      title={t("socialWorkers.create.title")}
      size={560}
      cancelLabel={t("socialWorkers.create.cancel")}
      submitLabel={t("socialWorkers.create.submit")}
      isSubmitting={create.isPending}
      onSubmit={() => form.submit()}
    >
      {create.isError && !isProblem(create.error, "VALIDATION_FAILED") ? (
        <ProblemAlert error={create.error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ level: "social_worker" }}>
        <WorkerMainFields />
        <Form.Item name="organization_id" label={t("socialWorkers.fields.organization")} rules={[{ required: true }]}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item
          name="area_code"
          label={t("socialWorkers.fields.areaCode")}
          rules={[{ required: true, pattern: /^(\d{6}|\d{9}|\d{12})$/ }]}
        >
          <Input inputMode="numeric" placeholder="410105007" />
        </Form.Item>
        <Form.Item name="community_codes" label={t("socialWorkers.fields.communityCodes")}>
          <Input placeholder="410105007001, 410105007002" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
