import type { RelationToHead, Resident, ResidentGroup } from "@sanshe/contracts";
import { IdNumberSchema, PhoneSchema, RelationToHeadSchema, ResidentGroupSchema } from "@sanshe/contracts";
import { Alert, App, Button, Flex, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateResident, useUpdateResident } from "../api";
import { FormDrawer } from "../../../ui/FormDrawer";

type FormValues = {
  name: string;
  id_number?: string;
  area_code: string;
  phone?: string;
  address?: string;
  building?: string;
  unit?: string;
  room?: string;
  grid_name?: string;
  relation_to_head?: RelationToHead;
  groups?: ResidentGroup[];
};

const fields = [
  "name",
  "id_number",
  "area_code",
  "phone",
  "address",
  "building",
  "unit",
  "room",
  "grid_name",
  "relation_to_head",
  "groups",
];

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Register a resident (resident undefined) or edit one; ID number and phone are checked in the form with the server's rules. */
export function ResidentFormDrawer({
  open,
  resident,
  defaultAreaCode,
  onClose,
  onSaved,
  onOpenExisting,
}: {
  open: boolean;
  resident?: Resident | undefined;
  defaultAreaCode?: string | undefined;
  onClose: () => void;
  onSaved: (resident: Resident) => void;
  onOpenExisting?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateResident();
  const update = useUpdateResident(resident?.id ?? "");
  const idempotency = useIdempotencyKey();
  const [hasConflict, setHasConflict] = useState(false);
  const mutation = resident ? update : create;

  const zodRule = (schema: typeof IdNumberSchema) => ({
    validator: async (_rule: unknown, value: string | undefined) => {
      if (!value?.trim()) {
        return;
      }
      const result = schema.safeParse(value);
      if (!result.success) {
        throw new Error(
          t(`residents.form.invalid.${result.error.issues[0]?.message ?? "custom"}`, { defaultValue: result.error.issues[0]?.message }),
        );
      }
    },
  });

  const onFinish = (values: FormValues) => {
    const common = {
      phone: blankToNull(values.phone),
      address: blankToNull(values.address),
      building: blankToNull(values.building),
      unit: blankToNull(values.unit),
      room: blankToNull(values.room),
      grid_name: blankToNull(values.grid_name),
      groups: values.groups ?? [],
      ...(values.relation_to_head ? { relation_to_head: values.relation_to_head } : {}),
    };
    const onError = (error: unknown) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        setHasConflict(true);
        return;
      }
      showFieldErrors(form, error, fields, resident ? ["data"] : []);
    };
    if (resident) {
      update.mutate(
        {
          version: resident.version,
          data: { name: values.name.trim(), ...(values.id_number?.trim() ? { id_number: values.id_number.trim() } : {}), ...common },
        },
        {
          onSuccess: (saved) => {
            setHasConflict(false);
            void message.success(t("residents.form.saved"));
            onSaved(saved);
          },
          onError,
        },
      );
    } else {
      const body = { name: values.name.trim(), id_number: values.id_number?.trim() ?? "", area_code: values.area_code.trim(), ...common };
      create.mutate(
        { ...body, idempotencyKey: idempotency.keyFor(body) },
        {
          onSuccess: (saved) => {
            idempotency.reset();
            void message.success(t("residents.form.created"));
            form.resetFields();
            onSaved(saved);
          },
          onError,
        },
      );
    }
  };

  const existingId = isProblem(create.error, "RESIDENT_EXISTS")
    ? (create.error.problem as { existing_id?: string }).existing_id
    : undefined;

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={560}
      title={resident ? t("residents.form.editTitle") : t("residents.form.createTitle")}
      actionsIn="header"
      cancelLabel={t("residents.form.cancel")}
      submitLabel={t("residents.form.save")}
      isSubmitting={mutation.isPending}
      onSubmit={() => form.submit()}
    >
      {hasConflict ? <Alert type="warning" showIcon title={t("residents.form.conflict")} style={{ marginBottom: 12 }} /> : null}
      {isProblem(create.error, "RESIDENT_EXISTS") ? (
        <Alert
          type="error"
          showIcon
          title={t("residents.form.exists")}
          action={
            existingId && onOpenExisting ? (
              <Button size="small" onClick={() => onOpenExisting(existingId)}>
                {t("residents.form.openExisting")}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      ) : mutation.isError && !isProblem(mutation.error, "VERSION_CONFLICT") ? (
        <ProblemAlert error={mutation.error} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<FormValues>
        key={`${resident?.id ?? "new"}-${resident?.version ?? 0}`}
        name="resident-form"
        form={form}
        layout="vertical"
        onValuesChange={() => setHasConflict(false)}
        initialValues={
          resident
            ? {
                name: resident.name,
                area_code: resident.area_code,
                address: resident.address ?? undefined,
                building: resident.building ?? undefined,
                unit: resident.unit ?? undefined,
                room: resident.room ?? undefined,
                grid_name: resident.grid_name ?? undefined,
                relation_to_head: resident.relation_to_head ?? undefined,
                groups: resident.groups,
              }
            : { area_code: defaultAreaCode }
        }
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t("residents.fields.name")}
          rules={[{ required: true, whitespace: true, message: t("residents.form.required") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="id_number"
          label={t("residents.fields.idNumber")}
          extra={resident ? `${resident.id_number_masked ?? ""} · ${t("residents.form.idNumberKeep")}` : undefined}
          rules={[{ required: !resident, message: t("residents.form.required") }, zodRule(IdNumberSchema)]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="area_code"
          label={t("residents.fields.areaCode")}
          rules={[{ required: true, pattern: /^\d{12}$/, message: t("residents.form.required") }]}
        >
          <Input maxLength={12} disabled={Boolean(resident)} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("residents.fields.phone")}
          extra={resident?.phone_masked ? `${resident.phone_masked} · ${t("residents.form.idNumberKeep")}` : undefined}
          rules={[zodRule(PhoneSchema)]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t("residents.fields.address")}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="building" label={t("residents.fields.building")} style={{ flex: 1 }}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="unit" label={t("residents.fields.unit")} style={{ flex: 1 }}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="room" label={t("residents.fields.room")} style={{ flex: 1 }}>
            <Input maxLength={32} />
          </Form.Item>
        </Flex>
        <Form.Item name="grid_name" label={t("residents.fields.grid")}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="relation_to_head" label={t("residents.fields.relation")}>
          <Select allowClear options={RelationToHeadSchema.options.map((value) => ({ value, label: t(`residents.relation.${value}`) }))} />
        </Form.Item>
        <Form.Item name="groups" label={t("residents.fields.groups")}>
          <Select
            mode="multiple"
            allowClear
            options={ResidentGroupSchema.options.map((value) => ({ value, label: t(`residents.groups.${value}`) }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
