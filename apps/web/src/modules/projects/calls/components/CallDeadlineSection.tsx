import { Card, Col, Form, Input, Row } from "antd";
import { useTranslation } from "react-i18next";

/** The submission deadline, a date and a time in Beijing time. */
export function CallDeadlineSection() {
  const { t } = useTranslation();
  return (
    <Card title={t("calls.form.sections.deadline")}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="deadline_date" label={t("calls.form.deadlineDate")} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="deadline_time"
            label={t("calls.form.deadlineTime")}
            rules={[{ required: true }]}
            extra={t("calls.form.beijingTime")}
          >
            <Input type="time" step={1} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
