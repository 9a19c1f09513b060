import { SocialOrgCategorySchema, SocialOrgGradeSchema } from "@sanshe/contracts";
import { Card, Checkbox, Col, Form, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { DOC_TYPE_PATTERN, KNOWN_DOC_TYPES } from "./callFormValues";

/** Who may apply (grade, categories, local presence) and the documents they must attach. */
export function CallEligibilitySection() {
  const { t } = useTranslation();
  return (
    <Card title={t("calls.form.sections.eligibility")}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="min_org_grade" label={t("calls.fields.minGrade")}>
            <Select
              allowClear
              placeholder={t("calls.form.anyGrade")}
              options={SocialOrgGradeSchema.options.map((value) => ({ value, label: value }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="eligible_org_categories" label={t("calls.fields.orgCategories")} extra={t("calls.form.allCategories")}>
            <Select
              mode="multiple"
              options={SocialOrgCategorySchema.options.map((value) => ({ value, label: t(`calls.orgCategory.${value}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="require_local_presence" valuePropName="checked">
        <Checkbox>{t("calls.fields.localPresence")}</Checkbox>
      </Form.Item>
      <Form.Item
        name="required_documents"
        label={t("calls.fields.requiredDocuments")}
        extra={t("calls.form.docTypeHint")}
        rules={[
          {
            validator: (_rule, value: string[] | undefined) =>
              (value ?? []).every((code) => DOC_TYPE_PATTERN.test(code))
                ? Promise.resolve()
                : Promise.reject(new Error(t("calls.form.docTypeInvalid"))),
          },
        ]}
      >
        <Select
          mode="tags"
          options={KNOWN_DOC_TYPES.map((value) => ({ value, label: t(`calls.docType.${value}`) }))}
          tokenSeparators={[",", " "]}
        />
      </Form.Item>
    </Card>
  );
}
