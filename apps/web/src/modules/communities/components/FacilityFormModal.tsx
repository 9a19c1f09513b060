import type { Facility, FacilityType } from "@sanshe/contracts";
import { Form, Input, InputNumber, Select, Switch } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useCreateFacility, useUpdateFacility } from "../api";
import { SaveModal, useModalSave } from "./SaveModal";

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
  const save = useModalSave(form, FIELDS, facility !== null);
  const mutation = facility ? update : create;

  useEffect(() => {
    if (open) {
      save.restart(
        [create, update],
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
    if (facility) {
      update.mutate({ id: facility.id, version: facility.version, data }, { onSuccess: onClose, onError: save.onError });
    } else {
      save.create(data, create.mutate, onClose);
    }
  };

  return (
    <SaveModal
      open={open}
      title={facility ? t("communities.facilities.edit") : t("communities.facilities.add")}
      onClose={onClose}
      onOk={() => form.submit()}
      isSaving={mutation.isPending}
      hasConflict={save.hasConflict}
      error={mutation.error}
    >
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
    </SaveModal>
  );
}
