import { Card, Col, Form, InputNumber, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { sum } from "./callFormValues";

type CallWeightsSectionProps = { weightSum: number };

/** The closing evaluation's weights (purchaser, beneficiaries, third party), adding up to 100. */
export function CallWeightsSection({ weightSum }: CallWeightsSectionProps) {
  const { t } = useTranslation();
  return (
    <Card
      title={t("calls.form.sections.weights")}
      extra={
        <Typography.Text type={weightSum === 100 ? "success" : "danger"} aria-live="polite">
          {t("calls.form.weightSum", { sum: weightSum })}
        </Typography.Text>
      }
    >
      <Row gutter={16}>
        {(["purchaser", "beneficiaries", "third_party"] as const).map((key) => (
          <Col xs={24} md={8} key={key}>
            <Form.Item
              name={["evaluation_weights", key]}
              label={t(`calls.weights.${key}`)}
              dependencies={[
                ["evaluation_weights", "purchaser"],
                ["evaluation_weights", "beneficiaries"],
                ["evaluation_weights", "third_party"],
              ]}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: () =>
                    sum([
                      getFieldValue(["evaluation_weights", "purchaser"]) as number,
                      getFieldValue(["evaluation_weights", "beneficiaries"]) as number,
                      getFieldValue(["evaluation_weights", "third_party"]) as number,
                    ]) === 100
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("calls.form.mustBe100"))),
                }),
              ]}
            >
              <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
