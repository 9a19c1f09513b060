import {
  eligibilityGroups,
  isValidPhone,
  serviceCategories,
  serviceTiers,
  type Service,
  type ServiceCategory,
  type ServiceCreate,
  type ServicePriceKind,
  type ServiceTier,
} from "@sanshe/contracts";
import { App, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { toFormFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useMe } from "../../auth";
import { useCreateService, useUpdateService } from "../api";
import { FormDrawer } from "../../../ui/FormDrawer";

type FormValues = {
  provider?: string;
  name: string;
  description: string;
  category: ServiceCategory;
  tier: ServiceTier;
  price_kind: ServicePriceKind;
  price_yuan?: number | null;
  eligibility_groups?: ServiceCreate["eligibility_groups"];
  min_age?: number | null;
  max_age?: number | null;
  service_area_codes?: string;
  schedule?: string;
  location_address?: string;
  contact_phone?: string;
};

const FORM_FIELDS = [
  "name",
  "description",
  "category",
  "tier",
  "price_kind",
  "eligibility_groups",
  "min_age",
  "max_age",
  "service_area_codes",
  "schedule",
  "location_address",
  "contact_phone",
] as const;

const CATEGORIES = Object.keys(serviceCategories) as ServiceCategory[];
const TIERS = Object.keys(serviceTiers) as ServiceTier[];
const PRICES: ServicePriceKind[] = ["free", "low_cost", "paid"];

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function fields(values: FormValues) {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    category: values.category,
    tier: values.tier,
    price_kind: values.price_kind,
    price_fen:
      values.price_kind === "free" || values.price_yuan === null || values.price_yuan === undefined
        ? null
        : Math.round(values.price_yuan * 100),
    eligibility_groups: values.eligibility_groups ?? [],
    min_age: values.min_age ?? null,
    max_age: values.max_age ?? null,
    service_area_codes: (values.service_area_codes ?? "")
      .split(/[,，\s]+/)
      .map((code) => code.trim())
      .filter(Boolean),
    schedule: blankToNull(values.schedule),
    location_address: blankToNull(values.location_address),
    contact_phone: blankToNull(values.contact_phone),
  };
}

function toValues(service: Service): FormValues {
  return {
    name: service.name,
    description: service.description,
    category: service.category,
    tier: service.tier,
    price_kind: service.price_kind,
    price_yuan: service.price_fen === null ? null : service.price_fen / 100,
    eligibility_groups: service.eligibility_groups,
    min_age: service.min_age,
    max_age: service.max_age,
    service_area_codes: service.service_area_codes.join(", "),
    schedule: service.schedule ?? "",
    location_address: service.location_address ?? "",
    contact_phone: service.contact_phone ?? "",
  };
}

type Props = { open: boolean; service?: Service | undefined; onClose: () => void };

/** 新增/编辑服务: the provider comes from the user's community or organization membership; price in yuan, sent as fen. */
export function ServiceFormDrawer({ open, service, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const me = useMe();
  const create = useCreateService();
  const update = useUpdateService();
  const idempotency = useIdempotencyKey();
  const mutation = service ? update : create;
  const priceKind = Form.useWatch("price_kind", form);

  const providers = useMemo(
    () =>
      (me.data?.memberships ?? []).flatMap((membership) => {
        if (membership.role === "community_staff" && membership.area_code.length === 12) {
          return [{ value: `community:${membership.area_code}`, label: membership.area_name }];
        }
        if (membership.role === "org_staff" && membership.organization_id) {
          return [
            { value: `organization:${membership.organization_id}`, label: membership.organization_name ?? membership.organization_id },
          ];
        }
        return [];
      }),
    [me.data],
  );

  useEffect(() => {
    if (open && service) {
      form.setFieldsValue(toValues(service));
    }
  }, [open, service, form]);

  const onError = (error: unknown) => {
    const { fields: problems } = toFormFieldErrors<FormValues>(error, FORM_FIELDS, ["data"]);
    if (isProblem(error, "SERVICE_PRICE_REQUIRED")) {
      problems.push({ name: ["price_yuan"], errors: [t("services.form.priceRequired")] });
    }
    if (isProblem(error, "VERSION_CONFLICT")) {
      void message.warning(t("services.list.conflict"));
    }
    form.setFields(problems);
  };

  const submit = (values: FormValues) => {
    const data = fields(values);
    if (service) {
      update.mutate(
        { id: service.id, version: service.version, data },
        {
          onSuccess: () => {
            void message.success(t("services.form.saved"));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const [kind, ref] = (values.provider ?? "").split(":");
    const body: ServiceCreate =
      kind === "organization"
        ? { ...data, provider_kind: "organization", organization_id: ref ?? null }
        : { ...data, provider_kind: "community", community_code: ref ?? null };
    create.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (saved) => {
          idempotency.reset();
          void message.success(t("services.form.created", { name: saved.name }));
          form.resetFields();
          create.reset();
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={service ? t("services.form.editTitle") : t("services.form.createTitle")}
      size={720}
      cancelLabel={t("services.form.cancel")}
      submitLabel={t("services.form.save")}
      isSubmitting={mutation.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<FormValues>
        name="service"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ category: "elderly_care", tier: "public", price_kind: "free", provider: providers[0]?.value }}
        scrollToFirstError
      >
        {mutation.isError ? <ProblemAlert error={mutation.error} style={{ marginBottom: 16 }} /> : null}
        {service ? null : (
          <Form.Item name="provider" label={t("services.fields.provider")} rules={[{ required: true }]}>
            <Select options={providers} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("services.fields.name")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t("services.fields.description")} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t("services.fields.category")} rules={[{ required: true }]}>
              <Select options={CATEGORIES.map((value) => ({ value, label: t(`services.category.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tier" label={t("services.fields.tier")} rules={[{ required: true }]}>
              <Select options={TIERS.map((value) => ({ value, label: t(`services.tier.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="price_kind" label={t("services.fields.priceKind")} rules={[{ required: true }]}>
              <Select options={PRICES.map((value) => ({ value, label: t(`services.price.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="price_yuan"
              label={t("services.fields.priceYuan")}
              dependencies={["price_kind"]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: unknown) => {
                    if (getFieldValue("price_kind") === "paid" && (typeof value !== "number" || value <= 0)) {
                      throw new Error(t("services.form.priceRequired"));
                    }
                  },
                }),
              ]}
            >
              <InputNumber
                min={0}
                max={100000}
                precision={2}
                step={1}
                prefix="¥"
                disabled={priceKind === "free"}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="eligibility_groups" label={t("services.fields.groups")}>
          <Select mode="multiple" allowClear options={eligibilityGroups.map((value) => ({ value, label: t(`services.group.${value}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="min_age" label={t("services.fields.minAge")}>
              <InputNumber min={0} max={150} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="max_age" label={t("services.fields.maxAge")}>
              <InputNumber min={0} max={150} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="service_area_codes" label={t("services.fields.serviceAreas")} extra={t("services.form.serviceAreasHelp")}>
          <Input />
        </Form.Item>
        <Form.Item name="schedule" label={t("services.fields.schedule")}>
          <Input maxLength={200} placeholder="周一至周五 9:00-17:00" />
        </Form.Item>
        <Form.Item name="location_address" label={t("services.fields.address")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="contact_phone"
          label={t("services.fields.phone")}
          rules={[
            {
              validator: async (_rule, value: unknown) => {
                if (typeof value === "string" && value.trim() !== "" && !isValidPhone(value.trim())) {
                  throw new Error(t("services.fields.phone"));
                }
              },
            },
          ]}
        >
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
