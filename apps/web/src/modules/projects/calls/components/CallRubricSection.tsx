import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, InputNumber, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { sum, type CriterionValues } from "./callFormValues";

type CallRubricSectionProps = { rubricSum: number };

/** The review rubric: named criteria whose weights add up to 100 (at most 20). */
export function CallRubricSection({ rubricSum }: CallRubricSectionProps) {
  const { t } = useTranslation();
  return (
    <Card
      title={t("calls.form.sections.rubric")}
      extra={
        // AntD's success green (#52c41a) is 2.2:1 on white: a darker green that reads (WCAG AA 4.5:1).
        <Typography.Text
          type={rubricSum === 100 ? undefined : "danger"}
          style={rubricSum === 100 ? { color: "#237804" } : undefined}
          data-testid="rubric-sum"
          aria-live="polite"
        >
          {t("calls.form.weightSum", { sum: rubricSum })}
        </Typography.Text>
      }
    >
      <Form.List
        name="criteria"
        rules={[
          {
            validator: async (_rule, rows: CriterionValues[] | undefined) => {
              if (!rows || rows.length === 0) {
                throw new Error(t("calls.form.rubricEmpty"));
              }
              if (sum(rows.map((r) => r?.weight)) !== 100) {
                throw new Error(t("calls.form.mustBe100"));
              }
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: "flex", marginBottom: 8 }}>
                <Form.Item name={[field.name, "name"]} rules={[{ required: true, whitespace: true, max: 100 }]} noStyle>
                  <Input
                    aria-label={t("calls.form.criterionName", { n: index + 1 })}
                    placeholder={t("calls.form.criterion")}
                    style={{ width: 220 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, "description"]} noStyle>
                  <Input
                    aria-label={t("calls.form.criterionDescription", { n: index + 1 })}
                    placeholder={t("calls.form.criterionDescriptionPlaceholder")}
                    style={{ width: 320 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, "weight"]} rules={[{ required: true }]} noStyle>
                  <InputNumber<number>
                    aria-label={t("calls.form.criterionWeight", { n: index + 1 })}
                    min={1}
                    max={100}
                    precision={0}
                    suffix="%"
                    style={{ width: 130 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t("calls.form.removeCriterion", { n: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: "", weight: null })} disabled={fields.length >= 20}>
              {t("calls.form.addCriterion")}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Card>
  );
}
