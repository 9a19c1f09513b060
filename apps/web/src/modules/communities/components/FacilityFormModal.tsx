import type { Facility, FacilityType } from "@sanshe/contracts";
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateFacility, useUpdateFacility } from "../api";

type Values = { type: FacilityType; name: string; area_m2?: number | null; opening_hours?: string; bookable?: boolean };

export const FACILITY_TYPES: FacilityType[] = [
  "activity_room",
  "reading_room",
  "meeting_room",
  "notice_board",
  "newspaper_board",
  "culture_station",
  "day_care",
  "workshop",
  "service_hall",
  "other",
];
const FIELDS = ["type", "name", "area_m2", "opening_hours", "bookable"];

type Props = { code: string; open: boolean; facility: Facility | null; onClose: () => void };

/** Adds a facility (facility null) or edits one with the version read. */
export function FacilityFormModal({ code, open, facility, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateFacility(code);
  const update = useUpdateFacility(code);
  const idempotency = useIdempotencyKey();
  const [hasConflict, setHasConflict] = useState(false);
  const mutation = facility ? update : create;

  useEffect(() => {
    if (open) {
      setHasConflict(false);
      create.reset();
      update.reset();
      form.resetFields();
      form.setFieldsValue(
        facility
          ? {
              type: facility.type,
              name: facility.name,
              area_m2: facility.area_m2,
              opening_hours: facility.opening_hours ?? "",
              bookable: facility.bookable,
            }
          : { bookable: false },
      );
    }
  }, [open, facility]);

  const submit = (values: Values) => {
    const hours = (values.opening_hours ?? "").trim();
    const data = {
      type: values.type,
      name: values.name.trim(),
      area_m2: values.area_m2 ?? null,
      opening_hours: hours === "" ? null : hours,
      bookable: values.bookable ?? false,
    };
    const onError = (error: unknown) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        setHasConflict(true);
        return;
      }
      showFieldErrors(form, error, FIELDS, facility ? ["data"] : []);
    };
    if (facility) {
      update.mutate({ id: facility.id, version: facility.version, data }, { onSuccess: onClose, onError });
    } else {
      create.mutate(
        { ...data, idempotencyKey: idempotency.keyFor(data) },
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
      title={facility ? t("communities.facilities.edit") : t("communities.facilities.add")}
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
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.type && !form.getFieldValue("name")) {
            form.setFieldValue("name", t(`communities.facilityType.${changed.type}`));
          }
        }}
      >
        <Form.Item name="type" label={t("communities.fields.type")} rules={[{ required: true, message: t("communities.common.required") }]}>
          <Select options={FACILITY_TYPES.map((type) => ({ value: type, label: t(`communities.facilityType.${type}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("communities.fields.name")}
          rules={[{ required: true, whitespace: true, message: t("communities.common.required") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="area_m2" label={t("communities.fields.area")}>
          <InputNumber min={0} precision={2} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="opening_hours" label={t("communities.fields.openingHours")}>
          <Input maxLength={200} placeholder={t("communities.facilities.hoursPlaceholder")} />
        </Form.Item>
        <Form.Item name="bookable" label={t("communities.fields.bookable")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
