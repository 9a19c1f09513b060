import type { SocialWorkerLevel } from "@sanshe/contracts";
import { Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { LEVELS } from "./LevelTag";

/** The fields a worker is registered and edited with. */
export type WorkerMainValues = {
  name: string;
  gender?: "male" | "female" | null;
  level: SocialWorkerLevel;
  certificate_no?: string | null;
  certificate_year?: number | null;
};

/** The request fields from the form's main fields: blanks become null. */
export function toWorkerMainData(values: WorkerMainValues) {
  return {
    name: values.name,
    gender: values.gender ?? null,
    level: values.level,
    certificate_no: values.certificate_no?.trim() ? values.certificate_no.trim() : null,
    certificate_year: values.certificate_year ?? null,
  };
}

/** Name, gender, level and certificate of a worker, as form items of the registry and edit forms. */
export function WorkerMainFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t("socialWorkers.fields.name")} rules={[{ required: true, whitespace: true, max: 64 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="gender" label={t("socialWorkers.fields.gender")}>
        <Select
          allowClear
          options={(["female", "male"] as const).map((gender) => ({ value: gender, label: t(`socialWorkers.gender.${gender}`) }))}
        />
      </Form.Item>
      <Form.Item name="level" label={t("socialWorkers.fields.level")} rules={[{ required: true }]}>
        <Select options={LEVELS.map((level) => ({ value: level, label: t(`socialWorkers.level.${level}`) }))} />
      </Form.Item>
      <Form.Item name="certificate_no" label={t("socialWorkers.fields.certificateNo")}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="certificate_year" label={t("socialWorkers.fields.certificateYear")}>
        <InputNumber min={1990} max={2100} precision={0} style={{ width: "100%" }} />
      </Form.Item>
    </>
  );
}
