import type { SocialOrg, SocialOrgCreate } from "@sanshe/contracts";
import { isValidPhone, isValidUscc, socialOrgRegistrationProblem } from "@sanshe/contracts";
import { App, Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { toFormFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";
import { useCreateSocialOrg, useUpdateSocialOrg } from "../api";
import { CATEGORIES, FUNDING_SOURCES, GRADES, LEGAL_FORMS, REGISTRATIONS, STATUSES } from "./options";
import { FormDrawer } from "../../../ui/FormDrawer";

type FormValues = {
  name: string;
  registration: SocialOrgCreate["registration"];
  legal_form?: SocialOrgCreate["legal_form"];
  uscc?: string;
  category: SocialOrgCreate["category"];
  grade?: SocialOrgCreate["grade"];
  grade_year?: number | null;
  area_code: string;
  founded_on?: string;
  staff_count?: number | null;
  social_worker_count?: number | null;
  funding_sources?: NonNullable<SocialOrgCreate["funding_sources"]>;
  status?: SocialOrgCreate["status"];
  is_social_work_agency?: boolean;
  description?: string;
  contact_phone?: string;
  contact_address?: string;
  contact_email?: string;
};

const FORM_FIELDS = [
  "name",
  "registration",
  "legal_form",
  "uscc",
  "category",
  "grade",
  "grade_year",
  "area_code",
  "founded_on",
  "staff_count",
  "social_worker_count",
  "funding_sources",
  "status",
  "is_social_work_agency",
  "description",
  "contact_phone",
  "contact_address",
  "contact_email",
] as const;

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function toBody(values: FormValues): SocialOrgCreate {
  return {
    name: values.name.trim(),
    registration: values.registration,
    legal_form: values.legal_form ?? null,
    uscc: blankToNull(values.uscc),
    category: values.category,
    grade: values.grade ?? null,
    grade_year: values.grade_year ?? null,
    area_code: values.area_code.trim(),
    founded_on: blankToNull(values.founded_on),
    staff_count: values.staff_count ?? null,
    social_worker_count: values.social_worker_count ?? null,
    funding_sources: values.funding_sources ?? [],
    status: values.status ?? "active",
    is_social_work_agency: values.is_social_work_agency ?? false,
    description: blankToNull(values.description),
    contact_phone: blankToNull(values.contact_phone),
    contact_address: blankToNull(values.contact_address),
    contact_email: blankToNull(values.contact_email),
  };
}

function toValues(org: SocialOrg): FormValues {
  return {
    name: org.name,
    registration: org.registration,
    legal_form: org.legal_form,
    uscc: org.uscc ?? "",
    category: org.category,
    grade: org.grade,
    grade_year: org.grade_year,
    area_code: org.area_code,
    founded_on: org.founded_on ?? "",
    staff_count: org.staff_count,
    social_worker_count: org.social_worker_count,
    funding_sources: org.funding_sources,
    status: org.status,
    is_social_work_agency: org.is_social_work_agency,
    description: org.description ?? "",
    contact_phone: org.contact_phone ?? "",
    contact_address: org.contact_address ?? "",
    contact_email: org.contact_email ?? "",
  };
}

type Props = { open: boolean; org?: SocialOrg | undefined; onClose: () => void; onSaved: (org: SocialOrg) => void };

/** 登记/编辑社会组织: checks the credit code (check character, 51/52/53 against the legal form) before sending. */
export function SocialOrgFormDrawer({ open, org, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateSocialOrg();
  const update = useUpdateSocialOrg(org?.id ?? "");
  const idempotency = useIdempotencyKey();
  const mutation = org ? update : create;

  useEffect(() => {
    if (open && org) {
      form.setFieldsValue(toValues(org));
    }
  }, [open, org, form]);

  const onError = (error: unknown) => {
    const { fields } = toFormFieldErrors<FormValues>(error, FORM_FIELDS, ["data"]);
    if (isProblem(error, "SOCIAL_ORG_EXISTS")) {
      fields.push({ name: ["uscc"], errors: [error.problem.detail] });
    }
    if (isProblem(error, "VERSION_CONFLICT")) {
      void message.warning(t("socialOrgs.form.conflict"));
    }
    form.setFields(fields);
  };

  const submit = (values: FormValues) => {
    const body = toBody(values);
    if (org) {
      update.mutate(
        { version: org.version, data: body },
        {
          onSuccess: (saved) => {
            void message.success(t("socialOrgs.form.saved"));
            onSaved(saved);
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (saved) => {
          idempotency.reset();
          void message.success(t("socialOrgs.form.created", { name: saved.name }));
          form.resetFields();
          create.reset();
          onSaved(saved);
        },
        onError,
      },
    );
  };

  const registrationRule = {
    validator: async (_rule: unknown, value: unknown) => {
      const uscc = typeof value === "string" ? value.trim() : "";
      if (uscc !== "" && !isValidUscc(uscc)) {
        throw new Error(t("socialOrgs.form.usccInvalid"));
      }
      const problem = socialOrgRegistrationProblem({
        registration: form.getFieldValue("registration") as FormValues["registration"],
        legal_form: form.getFieldValue("legal_form") as FormValues["legal_form"],
        uscc: uscc === "" ? null : uscc,
      });
      if (problem?.field === "uscc") {
        throw new Error(problem.code === "required" ? t("socialOrgs.form.usccRequired") : t("socialOrgs.form.usccFormMismatch"));
      }
    },
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={org ? t("socialOrgs.form.editTitle") : t("socialOrgs.form.createTitle")}
      size={760}
      cancelLabel={t("socialOrgs.form.cancel")}
      submitLabel={t("socialOrgs.form.save")}
      isSubmitting={mutation.isPending}
      onSubmit={() => form.submit()}
    >
      <Form<FormValues>
        name="social-org"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ registration: "registered", category: "comprehensive", status: "active", is_social_work_agency: false }}
        scrollToFirstError
      >
        {mutation.isError ? <ProblemAlert error={mutation.error} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="name"
          label={t("socialOrgs.fields.name")}
          rules={[{ required: true, whitespace: true, message: t("socialOrgs.form.required") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="registration" label={t("socialOrgs.fields.registration")} rules={[{ required: true }]}>
              <Select options={REGISTRATIONS.map((value) => ({ value, label: t(`socialOrgs.registration.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="legal_form"
              label={t("socialOrgs.fields.legalForm")}
              dependencies={["registration"]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: unknown) => {
                    if (getFieldValue("registration") === "registered" && !value) {
                      throw new Error(t("socialOrgs.form.legalFormRequired"));
                    }
                  },
                }),
              ]}
            >
              <Select allowClear options={LEGAL_FORMS.map((value) => ({ value, label: t(`socialOrgs.legalForm.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t("socialOrgs.fields.category")} rules={[{ required: true }]}>
              <Select options={CATEGORIES.map((value) => ({ value, label: t(`socialOrgs.category.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="uscc"
          label={t("socialOrgs.fields.uscc")}
          extra={t("socialOrgs.form.usccHint")}
          dependencies={["registration", "legal_form"]}
          rules={[registrationRule]}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: "monospace" }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="area_code"
              label={t("socialOrgs.fields.areaCode")}
              rules={[
                { required: true, message: t("socialOrgs.form.required") },
                { pattern: /^(\d{6}|\d{9}|\d{12})$/, message: t("socialOrgs.form.areaCodeInvalid") },
              ]}
            >
              <Input maxLength={12} inputMode="numeric" placeholder="410105" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="grade" label={t("socialOrgs.fields.grade")}>
              <Select allowClear options={GRADES.map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="grade_year" label={t("socialOrgs.fields.gradeYear")}>
              <InputNumber min={1990} max={2100} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="founded_on" label={t("socialOrgs.fields.foundedOn")}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="staff_count" label={t("socialOrgs.fields.staffCount")}>
              <InputNumber min={0} max={100000} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="social_worker_count" label={t("socialOrgs.fields.socialWorkerCount")}>
              <InputNumber min={0} max={100000} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t("socialOrgs.fields.status")}>
              <Select options={STATUSES.map((value) => ({ value, label: t(`socialOrgs.status.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="is_social_work_agency" label={t("socialOrgs.fields.isSocialWorkAgency")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="funding_sources" label={t("socialOrgs.fields.fundingSources")}>
          <Select
            mode="multiple"
            allowClear
            options={FUNDING_SOURCES.map((value) => ({ value, label: t(`socialOrgs.funding.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t("socialOrgs.fields.description")}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="contact_phone"
              label={t("socialOrgs.fields.contactPhone")}
              rules={[
                {
                  validator: async (_rule, value: unknown) => {
                    if (typeof value === "string" && value.trim() !== "" && !isValidPhone(value)) {
                      throw new Error(t("socialOrgs.form.phoneInvalid"));
                    }
                  },
                },
              ]}
            >
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contact_email" label={t("socialOrgs.fields.contactEmail")} rules={[{ type: "email" }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contact_address" label={t("socialOrgs.fields.contactAddress")}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
