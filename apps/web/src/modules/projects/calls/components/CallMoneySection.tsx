import { Card, Col, Form, InputNumber, Row } from "antd";
import { useTranslation } from "react-i18next";

/** The call's money in 元: the total budget and the cap per project (at most the total). */
export function CallMoneySection() {
  const { t } = useTranslation();
  return (
    <Card title={t("calls.form.sections.money")}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="total_budget_yuan"
            label={t("calls.form.totalBudgetYuan")}
            rules={[{ required: true }, { type: "number", min: 0.01, message: t("calls.form.positive") }]}
          >
            <InputNumber<number> min={0} precision={2} step={1000} style={{ width: "100%" }} suffix="元" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="project_cap_yuan"
            label={t("calls.form.projectCapYuan")}
            dependencies={["total_budget_yuan"]}
            rules={[
              { required: true },
              { type: "number", min: 0.01, message: t("calls.form.positive") },
              ({ getFieldValue }) => ({
                validator: (_rule, value: number | null) => {
                  const total = getFieldValue("total_budget_yuan") as number | null;
                  return value !== null && total !== null && value > total
                    ? Promise.reject(new Error(t("calls.form.capOverTotal")))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber<number> min={0} precision={2} step={1000} style={{ width: "100%" }} suffix="元" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
