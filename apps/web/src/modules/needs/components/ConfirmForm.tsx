import type { NeedConfirmation } from "@sanshe/contracts";
import { App, Button, Card, Form, Input, Radio, Rate } from "antd";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useConfirmNeed } from "../api";

/** The resident's (or the call-back staff's) confirmation and rating of a done need. */
export function ConfirmForm({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmNeed(needId);
  return (
    <Card size="small" title={t("needs.report.confirmTitle")}>
      <ProblemAlert error={confirm.error} style={{ marginBottom: 12 }} />
      <Form<NeedConfirmation>
        layout="vertical"
        initialValues={{ solved: true }}
        onFinish={(values) =>
          confirm.mutate(values, {
            onSuccess: (need) =>
              void message.success(t(need.status === "closed" ? "needs.report.thanksClosed" : "needs.report.thanksReopened")),
          })
        }
      >
        <Form.Item name="solved" label={t("needs.field.solved")}>
          <Radio.Group>
            <Radio.Button value={true}>{t("needs.report.solvedYes")}</Radio.Button>
            <Radio.Button value={false}>{t("needs.report.solvedNo")}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="rating" label={t("needs.field.rating")} rules={[{ required: true, message: t("needs.report.ratingRequired") }]}>
          <Rate allowClear={false} />
        </Form.Item>
        <Form.Item name="comment" label={t("needs.field.comment")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirm.isPending} block>
          {t("needs.report.confirm")}
        </Button>
      </Form>
    </Card>
  );
}
